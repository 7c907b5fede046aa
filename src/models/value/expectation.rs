//! Expectations set by the promise (seed 002, 客户期望值管理; lecture 10,
//! 管理期望，降低承诺 and the Amway protein case): satisfaction is the gap
//! between what is delivered and what the customer expected, and the
//! expectation is formed from what was promised. So the same delivery
//! satisfies less the more was promised; promising a little less than you
//! deliver leaves the customer pleasantly surprised. The six ways the course
//! lists to go beyond expectations (value, information, speed,
//! personalisation, add-ons, convenience) each add to what is delivered, and
//! each works through parts of the value equation.
//!
//! Loyalty Lab's reading, on a 0–10 score: expectation = prior + trust ×
//! (promise − prior), where `prior` is what customers expect with no promise
//! and `trust` how far they take the promise at its word; delivery = the
//! core offer + what each of the six ways adds; satisfaction = delivery −
//! expectation.

use super::equation::Lever;
use super::params::{Param, Params};
use crate::models::params::ParamSet;

/// One of the six ways to exceed expectations (图6-2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Way {
    Value,
    Information,
    Speed,
    Personal,
    Addons,
    Convenience,
}

impl Way {
    /// In the course's order.
    pub const ALL: [Way; 6] = [
        Way::Value,
        Way::Information,
        Way::Speed,
        Way::Personal,
        Way::Addons,
        Way::Convenience,
    ];

    /// The parameter that says what it adds to delivery.
    pub fn extra(self) -> Param {
        match self {
            Way::Value => Param::ExtraValue,
            Way::Information => Param::ExtraInfo,
            Way::Speed => Param::ExtraSpeed,
            Way::Personal => Param::ExtraPersonal,
            Way::Addons => Param::ExtraAddons,
            Way::Convenience => Param::ExtraConvenience,
        }
    }

    /// The parts of the value equation it works through: value is the whole
    /// equation; information makes the process clearer; speed shortens the
    /// process and the waiting that is part of the cost of access;
    /// personalisation fits the result and the process to the person;
    /// add-ons enlarge the result; convenience cuts the cost of access
    /// (the IBM case: quality that needs no repair, self-service, a dense
    /// service network).
    pub fn levers(self) -> &'static [Lever] {
        match self {
            Way::Value => &Lever::ALL,
            Way::Information => &[Lever::Process],
            Way::Speed => &[Lever::Process, Lever::Access],
            Way::Personal => &[Lever::Result, Lever::Process],
            Way::Addons => &[Lever::Result],
            Way::Convenience => &[Lever::Access],
        }
    }

    /// Whether it also works on the expectation side: honest information
    /// sets what the customer expects (the Amway case).
    pub fn sets_expectation(self) -> bool {
        self == Way::Information
    }

    /// Its name in test ids and text keys.
    pub fn key(self) -> &'static str {
        match self {
            Way::Value => "value",
            Way::Information => "information",
            Way::Speed => "speed",
            Way::Personal => "personal",
            Way::Addons => "addons",
            Way::Convenience => "convenience",
        }
    }
}

/// Within this of zero, delivery just meets the expectation (half a score
/// step either way reads as "met").
pub const MET_WITHIN: f64 = 0.25;

/// How the customer takes the gap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Delivery beats the expectation: pleasantly surprised.
    Exceeded,
    /// About what they expected, no more.
    Met,
    /// Delivery falls short: disappointed.
    Short,
}

impl Params {
    /// What the customer expects: the prior, moved towards the promise by
    /// `trust` (between the two, on the 0–10 score).
    pub fn expectation(&self) -> f64 {
        self.prior + self.trust * (self.promise - self.prior)
    }

    /// What the six ways add together.
    pub fn extras_total(&self) -> f64 {
        Way::ALL.iter().map(|w| self.get(w.extra())).sum()
    }

    /// What is delivered: the core offer plus what the six ways add.
    pub fn delivery(&self) -> f64 {
        self.delivered + self.extras_total()
    }

    /// Satisfaction = delivery − expectation, in score points.
    pub fn satisfaction(&self) -> f64 {
        self.delivery() - self.expectation()
    }

    pub fn verdict(&self) -> Verdict {
        let s = self.satisfaction();
        if s > MET_WITHIN {
            Verdict::Exceeded
        } else if s < -MET_WITHIN {
            Verdict::Short
        } else {
            Verdict::Met
        }
    }

    /// The promise at which the same delivery just meets the expectation
    /// (None when the promise does not move it: no trust).
    pub fn break_even_promise(&self) -> Option<f64> {
        (self.trust > 0.0).then(|| self.prior + (self.delivery() - self.prior) / self.trust)
    }

    /// These parameters with another promise (the same delivery).
    pub fn with_promise(&self, promise: f64) -> Params {
        Params { promise, ..*self }
    }
}
