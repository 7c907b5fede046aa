//! The value equation and expectations (lecture 10, 超越期望—赢得忠诚 (下);
//! seed 000 and seed 002, 客户期望值管理).
//!
//! Lecture 10 names value the first of six ways to exceed what customers
//! expect and writes it as value = (result + process quality) ÷ (price +
//! cost of access): the result is what the service achieves, process
//! quality how it feels on the way, the price what is paid and the cost of
//! access the time, travel and hassle it takes to get it. To raise it, grow
//! the numerator or shrink the denominator — but not by cutting the price,
//! which trains customers to watch prices ([`equation`]).
//!
//! Before exceeding an expectation a firm has to manage it: the promise sets
//! the expectation, satisfaction is what delivery leaves over it, so promise
//! a little less than you deliver (the Amway protein case: warn that the
//! taste takes getting used to, and the customer is not let down). The six
//! ways — value, information, speed, personalisation, add-ons, convenience
//! (the IBM case) — each add to what is delivered ([`expectation`]).
//!
//! Conventions of this model (the course gives the equation, not units):
//! result and process quality are points on a 0–100 scale, price and cost
//! of access money, so a value compares offers and steps rather than being
//! read on its own; a step is one unit (a point more quality, one unit less
//! money) at an effort the user sets. Promise, prior expectation and
//! delivery are scores out of 10. Pure module: no yew, no web-sys.

pub mod equation;
pub mod expectation;
mod params;

pub use equation::{Lever, Move};
pub use expectation::{Verdict, Way, MET_WITHIN};
pub use params::{Param, Params, Spec, SPECS};
