//! One customer's profit year by year, built from Reichheld's components
//! (lecture 2, 图1-2 and 图1-3: the stacked bars of profit from loyalty over
//! time), its expected and discounted sum (the customer lifetime value) and
//! what five more points of retention do to it (Reichheld & Sasser, HBR
//! 1990; COURSE.md "figures from elsewhere").

use super::params::{ParamError, Params};

/// One layer of a year's bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Component {
    /// What winning the customer cost (year 0, negative).
    Acquisition,
    /// The profit of the basic purchase, the same every year.
    Base,
    /// More buying as the customer stays.
    Spend,
    /// Cheaper to serve: the regular knows the firm and the firm knows them.
    Cost,
    /// The customers they bring by word of mouth.
    Referral,
    /// Loyal customers pay full price and pass over discounts.
    Premium,
}

/// Every component, bottom of the bar first.
pub const COMPONENTS: [Component; 6] = [
    Component::Acquisition,
    Component::Base,
    Component::Spend,
    Component::Cost,
    Component::Referral,
    Component::Premium,
];

impl Component {
    pub fn index(self) -> usize {
        self as usize
    }

    /// Stable name (test ids, CSS classes, string keys).
    pub fn key(self) -> &'static str {
        match self {
            Component::Acquisition => "acquisition",
            Component::Base => "base",
            Component::Spend => "spend",
            Component::Cost => "cost",
            Component::Referral => "referral",
            Component::Premium => "premium",
        }
    }
}

/// One year of the customer's life with the firm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Year {
    /// 0 = the year the customer is won.
    pub year: u32,
    /// The year's profit by component, in [`COMPONENTS`] order.
    pub parts: [f64; 6],
    /// Sum of the parts: the profit if the customer is still there.
    pub profit: f64,
    /// Chance the customer is still buying: 1 in years 0 and 1, then
    /// retention^(year − 1).
    pub survival: f64,
    /// survival × profit, discounted to year 0: what the year adds to the CLV.
    pub expected: f64,
    /// The CLV to date: expected summed over years 0..=year.
    pub cumulative: f64,
}

/// The year's profit by component for a customer still there in year `t`.
pub fn parts(p: &Params, t: u32) -> [f64; 6] {
    if t == 0 {
        return [-p.acquisition, 0.0, 0.0, 0.0, 0.0, 0.0];
    }
    let loyal = f64::from(t - 1);
    [
        0.0,
        p.base,
        p.spend * loyal,
        p.cost * loyal,
        p.referral * loyal,
        p.premium * loyal,
    ]
}

/// Chance of still buying in year `t` at this retention (the customer is
/// won in year 0 and buys in year 1 for sure).
pub fn survival(retention: f64, t: u32) -> f64 {
    if t <= 1 {
        1.0
    } else {
        retention.powi(t as i32 - 1)
    }
}

/// Years 0..=`p.years` at the given retention (no validation).
pub fn years_at(p: &Params, retention: f64) -> Vec<Year> {
    let n = p.years.max(0.0) as u32;
    let mut cumulative = 0.0;
    (0..=n)
        .map(|t| {
            let parts = parts(p, t);
            let profit: f64 = parts.iter().sum();
            let survival = survival(retention, t);
            let expected = survival * profit / (1.0 + p.discount).powi(t as i32);
            cumulative += expected;
            Year {
                year: t,
                parts,
                profit,
                survival,
                expected,
                cumulative,
            }
        })
        .collect()
}

/// The customer lifetime value at the given retention: Σ over years 0..=T of
/// survival × profit / (1 + discount)^year (no validation).
pub fn clv_at(p: &Params, retention: f64) -> f64 {
    years_at(p, retention).last().map_or(0.0, |y| y.cumulative)
}

/// The change of `to` over `from`, in % of |from|; None when `from` is 0.
pub fn change(from: f64, to: f64) -> Option<f64> {
    (from.abs() > 1e-9).then(|| (to - from) / from.abs() * 100.0)
}

/// Points of retention the sensitivity adds (Reichheld & Sasser's five).
pub const UPLIFT_POINTS: f64 = 0.05;

/// One customer's story.
#[derive(Clone, Debug, PartialEq)]
pub struct Customer {
    pub years: Vec<Year>,
    /// Expected, discounted lifetime value.
    pub clv: f64,
    /// The same without discounting (discount 0).
    pub clv_undiscounted: f64,
    /// The CLV at retention + 5 points.
    pub clv_plus: f64,
    /// (clv_plus − clv) / |clv| in %; None when clv is 0.
    pub uplift: Option<f64>,
    /// The first year by whose end a customer who stays has earned back the
    /// acquisition cost (discounted); None if not within the horizon.
    pub payback: Option<u32>,
}

/// The customer's story for valid parameters.
pub fn customer(p: &Params) -> Result<Customer, ParamError> {
    p.validate()?;
    let years = years_at(p, p.retention);
    let clv = years.last().map_or(0.0, |y| y.cumulative);
    let clv_plus = clv_at(p, p.retention + UPLIFT_POINTS);
    let clv_undiscounted = clv_at(&Params { discount: 0.0, ..*p }, p.retention);
    let mut stays = 0.0;
    let payback = years.iter().find_map(|y| {
        stays += y.profit / (1.0 + p.discount).powi(y.year as i32);
        (stays >= 0.0).then_some(y.year)
    });
    Ok(Customer {
        years,
        clv,
        clv_undiscounted,
        clv_plus,
        uplift: change(clv, clv_plus),
        payback,
    })
}
