//! Loyalty over time: what one customer earns the firm year by year, what
//! that is worth today, and what keeping customers saves a firm.
//!
//! From lecture 2 (seed 000, 第二讲 "忠诚客户的价值"; COURSE.md row 2): a new
//! customer does not pay back the cost of winning them in the first year;
//! only by staying does the firm recover it, and the longer they stay the
//! more each year earns (图1-2 忠诚客户价值, 图1-3 客户忠诚度带来的利润, drawn
//! after Reichheld's classic stacked bars). A firm with lower loyalty spends
//! more to reach the same sales (图1-4, 图1-5), because winning a customer
//! costs 5–6× keeping one. The sensitivity is Reichheld & Sasser's (HBR
//! 1990, "Zero Defections"): five points more retention raised profits by
//! 25–85 % across the industries they studied.
//!
//! ## One customer ([`customer`])
//!
//! Year 0: the acquisition cost, `−acquisition`. Year t ≥ 1, if the customer
//! is still there: `base + (spend + cost + referral + premium) × (t − 1)`,
//! each growth component adding its amount per year of loyalty (all ≥ 0, so
//! the profit per year never falls with tenure).
//!
//! Convention: the customer won in year 0 buys in year 1 for sure; from
//! then on they stay each year with probability `retention`, so the chance
//! of still buying in year t is `retention^(t − 1)` (1 in years 0 and 1).
//! Cash of year t is discounted by `(1 + discount)^t` (year 0 not at all).
//!
//! CLV = Σ over t = 0..=years of survival(t) × profit(t) / (1 + discount)^t:
//! expected and discounted (set discount to 0 for the plain expected sum,
//! which the screen shows too). With retention 0 it is `−acquisition + base
//! / (1 + discount)`.
//!
//! The uplift is the change of the CLV when retention rises by five points
//! (the retention bound is 95 % so it always can), in % of |CLV|: positive
//! whenever some year after year 1 earns a profit, and None when the CLV is
//! exactly 0.
//!
//! ## Two firms ([`firms`])
//!
//! Both serve `customers` customers every year: the same sales. A firm with
//! retention r keeps r × customers and must win (1 − r) × customers new ones,
//! at `acquisition` each; keeping a customer for a year costs `acquisition /
//! cac_multiple`. Its customers' tenure mix is the steady state, a share
//! (1 − r) r^(t−1) in year t, so its average profit per customer is `base +
//! growth × r / (1 − r)`. The low-loyalty firm (`low_retention`, never above
//! `retention`) spends more on acquisition whenever it keeps fewer.
//!
//! ## Defaults, and why
//!
//! Acquisition 60, base profit 20 a year; per year of loyalty +4 from buying
//! more, +3 from cheaper service, +2 from referrals, +1 from the price
//! premium (so year 1 earns 20 and year 10 earns 110: profit grows with the
//! years, as the course says); retention 80 %; discount 10 %; 10 years. Then
//! the customer pays back in year 3, the CLV is about 75.3 and five points
//! more retention raise it by about 45 %, in the middle of the 25–85 %
//! Reichheld and Sasser found, so the default screen shows the course's
//! claim without being tuned to an edge of it. The two firms serve 1,000
//! customers; the low-loyalty one keeps 60 %, and winning costs 5× keeping
//! (the course's 5–6×, its lower end): it wins twice as many new customers
//! and spends twice as much on acquisition.
//!
//! Pure module: no yew, no web-sys. Invalid parameters are a [`ParamError`],
//! never a panic.

mod customer;
mod firms;
mod params;

pub use customer::{
    change, clv_at, customer, parts, survival, years_at, Component, Customer, Year, COMPONENTS, UPLIFT_POINTS,
};
pub use firms::{firm, firms, Firm, Firms};
pub use params::{Param, ParamError, Params, Spec, SPECS};
