//! The chain of figure 图6-1 (lecture 9): expected service → managers' idea
//! of it → service standards → service delivered → promises made, and the
//! service the customer perceives; the four firm-side gaps as the levers and
//! gap 5 (expected − perceived) as what follows from them.
//!
//! Loyalty Lab's reading: each of gaps 1–3 takes its points off the stage
//! before (managers' idea = expected − gap 1, standards = idea − gap 2,
//! delivered = standards − gap 3), gap 4 is how far the promises run ahead
//! of delivery (promised = delivered + gap 4), and the customer, measuring
//! what they got against what they were told, perceives delivered − gap 4.
//! No stage drops below 0, so gap 5 is the sum of the four gaps whenever the
//! expectation is large enough to hold them, and never more.

use super::params::{Param, Params};
use crate::models::params::ParamSet;

/// One of the four firm-side gaps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gap {
    /// Gap 1: not knowing what customers expect.
    Knowing,
    /// Gap 2: the wrong service standards.
    Standards,
    /// Gap 3: delivery not meeting the standards.
    Delivery,
    /// Gap 4: promises in communication not kept.
    Promises,
}

impl Gap {
    /// In the course's order, gap 1 first.
    pub const ALL: [Gap; 4] = [Gap::Knowing, Gap::Standards, Gap::Delivery, Gap::Promises];

    /// Its number in the figure (1–4).
    pub fn number(self) -> usize {
        match self {
            Gap::Knowing => 1,
            Gap::Standards => 2,
            Gap::Delivery => 3,
            Gap::Promises => 4,
        }
    }

    /// The parameter that sets it.
    pub fn param(self) -> Param {
        match self {
            Gap::Knowing => Param::Knowing,
            Gap::Standards => Param::Standards,
            Gap::Delivery => Param::Delivery,
            Gap::Promises => Param::Promises,
        }
    }
}

/// Every stage of the figure, in points out of 10.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chain {
    /// What the customer expects.
    pub expected: f64,
    /// What managers think the customer expects.
    pub perception: f64,
    /// What the service standards ask for.
    pub standards: f64,
    /// What is actually delivered.
    pub delivered: f64,
    /// What the firm's communication promised.
    pub promised: f64,
    /// What the customer perceives they got.
    pub perceived: f64,
}

impl Chain {
    /// Gap 5: expected − perceived (≥ 0).
    pub fn gap5(&self) -> f64 {
        self.expected - self.perceived
    }

    /// How many points each firm-side gap really takes off on the way to
    /// the customer (less than its setting once a stage has reached 0).
    /// They add up to gap 5.
    pub fn effective(&self, gap: Gap) -> f64 {
        match gap {
            Gap::Knowing => self.expected - self.perception,
            Gap::Standards => self.perception - self.standards,
            Gap::Delivery => self.standards - self.delivered,
            Gap::Promises => self.delivered - self.perceived,
        }
    }
}

/// Within this of zero, gap 5 counts as closed: expectations met.
pub const MET_WITHIN: f64 = 0.25;
/// From this gap 5 on, the customer is clearly dissatisfied.
pub const FAR_SHORT: f64 = 2.0;

/// How the customer takes gap 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Perceived service matches what was expected: satisfied.
    Met,
    /// A little short: disappointed, the relationship is weakened.
    Short,
    /// Far short: dissatisfied, likely to leave and to say so.
    FarShort,
}

impl Verdict {
    pub fn of(gap5: f64) -> Verdict {
        if gap5 <= MET_WITHIN {
            Verdict::Met
        } else if gap5 < FAR_SHORT {
            Verdict::Short
        } else {
            Verdict::FarShort
        }
    }
}

impl Params {
    /// The gap's setting.
    pub fn gap(&self, gap: Gap) -> f64 {
        self.get(gap.param())
    }

    /// These parameters with one gap set to `v`.
    pub fn with_gap(&self, gap: Gap, v: f64) -> Params {
        let mut p = *self;
        p.set(gap.param(), v);
        p
    }

    /// The figure's stages for these settings.
    pub fn chain(&self) -> Chain {
        let down = |from: f64, gap: f64| (from - gap).max(0.0);
        let expected = self.expected;
        let perception = down(expected, self.gaps[0]);
        let standards = down(perception, self.gaps[1]);
        let delivered = down(standards, self.gaps[2]);
        Chain {
            expected,
            perception,
            standards,
            delivered,
            promised: delivered + self.gaps[3],
            perceived: down(delivered, self.gaps[3]),
        }
    }

    /// Gap 5: expected − perceived.
    pub fn gap5(&self) -> f64 {
        self.chain().gap5()
    }

    pub fn verdict(&self) -> Verdict {
        Verdict::of(self.gap5())
    }

    /// The gap whose closing would narrow gap 5 the most, with how much it
    /// would narrow it (ties go to the earlier gap: the chain starts with
    /// knowing the customer); None when every gap is closed already.
    pub fn first_to_close(&self) -> Option<(Gap, f64)> {
        let now = self.gap5();
        Gap::ALL
            .iter()
            .map(|&g| (g, now - self.with_gap(g, 0.0).gap5()))
            .filter(|(_, gain)| *gain > 1e-9)
            .fold(None, |best: Option<(Gap, f64)>, (g, gain)| match best {
                Some((_, b)) if b >= gain - 1e-12 => best,
                _ => Some((g, gain)),
            })
    }
}
