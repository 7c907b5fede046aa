//! The value equation of lecture 10 (seed 000, 超越客户期望的六个方面, the
//! first of them, 价值): value = (result + process quality) ÷ (price + cost of access),
//! and which one-step improvement of its four parts raises it most for the
//! effort it takes. The course's advice, which the default efforts follow:
//! grow the numerator or shrink the cost of access; cutting the price is the
//! last resort, since it teaches customers to look at the price.

use super::params::{Param, Params};
use crate::models::params::ParamSet;

/// A part of the equation that can be improved by one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lever {
    /// Result +1 point.
    Result,
    /// Process quality +1 point.
    Process,
    /// Cost of access −1.
    Access,
    /// Price −1.
    Price,
}

impl Lever {
    /// In the order ties are ranked (the course prefers anything to a price
    /// cut, so the price comes last).
    pub const ALL: [Lever; 4] = [Lever::Result, Lever::Process, Lever::Access, Lever::Price];

    /// The parameter the lever moves.
    pub fn param(self) -> Param {
        match self {
            Lever::Result => Param::Result,
            Lever::Process => Param::Process,
            Lever::Access => Param::Access,
            Lever::Price => Param::Price,
        }
    }

    /// The parameter that says what one step of it costs in effort.
    pub fn effort(self) -> Param {
        match self {
            Lever::Result => Param::EffortResult,
            Lever::Process => Param::EffortProcess,
            Lever::Access => Param::EffortAccess,
            Lever::Price => Param::EffortPrice,
        }
    }

    /// In the numerator (a step adds 1) or the denominator (a step takes 1
    /// off).
    pub fn numerator(self) -> bool {
        matches!(self, Lever::Result | Lever::Process)
    }

    /// Its name in test ids and text keys.
    pub fn key(self) -> &'static str {
        match self {
            Lever::Result => "result",
            Lever::Process => "process",
            Lever::Access => "access",
            Lever::Price => "price",
        }
    }
}

/// One step better on one part: the value it leads to, at what effort.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Move {
    pub lever: Lever,
    /// Value after the step.
    pub after: f64,
    /// `after` minus the value now (≥ 0; 0 when the part is at its bound).
    pub gain: f64,
    /// The effort the step costs (> 0 by the bounds).
    pub effort: f64,
    /// `gain ÷ effort`: what the ranking sorts by.
    pub per_effort: f64,
}

impl Params {
    /// Value = (result + process) ÷ (price + access). The bounds keep the
    /// denominator at 1 or more, so it is always finite and ≥ 0.
    pub fn value(&self) -> f64 {
        (self.result + self.process) / (self.price + self.access)
    }

    /// These parameters after one step on `lever`: a point more result or
    /// process quality, one unit less price or cost of access, never past
    /// the parameter's bound (a part at its best bound stays where it is).
    pub fn stepped(&self, lever: Lever) -> Params {
        let param = lever.param();
        let spec = param.spec();
        let now = self.get(param);
        let to = if lever.numerator() {
            (now + 1.0).min(spec.max).max(now)
        } else {
            (now - 1.0).max(spec.min).min(now)
        };
        let mut after = *self;
        after.set(param, to);
        after
    }

    /// The step on `lever`: value after, gain, effort, gain per effort.
    pub fn step(&self, lever: Lever) -> Move {
        let after = self.stepped(lever).value();
        let gain = (after - self.value()).max(0.0);
        let effort = self.get(lever.effort());
        Move {
            lever,
            after,
            gain,
            effort,
            per_effort: gain / effort,
        }
    }

    /// The four steps, most value per unit of effort first (ties keep the
    /// order of [`Lever::ALL`]).
    pub fn moves(&self) -> [Move; 4] {
        let mut moves = Lever::ALL.map(|l| self.step(l));
        moves.sort_by(|a, b| b.per_effort.total_cmp(&a.per_effort));
        moves
    }
}
