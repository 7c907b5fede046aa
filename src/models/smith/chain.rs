//! The course's loss chain, link by link, for one reach: her own sales, the
//! people she tells, those they sway, those who stop buying, and what they
//! all were worth (lecture 2, 【案例】再见了，史密斯太太).

use super::params::{ParamError, Params};

/// Every link of the chain for one reach.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chain {
    /// People she tells.
    pub reach: f64,
    /// Of those, how many she sways.
    pub first: f64,
    /// People those in turn sway.
    pub second: f64,
    /// Everyone influenced: first + second.
    pub influenced: f64,
    /// Customers who stop buying.
    pub lost: f64,
    /// Her own sales over the period.
    pub direct: f64,
    /// The lost customers' sales over the period.
    pub indirect: f64,
    /// direct + indirect.
    pub total: f64,
}

/// Her own sales over the period.
pub fn direct(p: &Params) -> f64 {
    p.weekly * p.weeks * p.years
}

/// The deterministic chain for a given reach (no validation: callers pass
/// validated parameters; any finite input gives a finite result).
pub fn chain(p: &Params, reach: f64) -> Chain {
    let direct = direct(p);
    let first = reach * p.influenced;
    let second = first * p.second;
    let influenced = first + second;
    let lost = influenced * p.stop;
    let indirect = lost * direct;
    Chain {
        reach,
        first,
        second,
        influenced,
        lost,
        direct,
        indirect,
        total: direct + indirect,
    }
}

/// The chain at the low and the high reach.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub low: Chain,
    pub high: Chain,
}

impl Outcome {
    /// The most Jack's could spend each year to keep her and still come out
    /// ahead: the profit the low (cautious) estimate loses, per year.
    pub fn keep_budget_per_year(&self, p: &Params) -> f64 {
        self.low.total * p.margin / p.years
    }
}

pub fn compute(p: &Params) -> Result<Outcome, ParamError> {
    p.validate()?;
    Ok(Outcome {
        low: chain(p, p.reach_lo),
        high: chain(p, p.reach_hi),
    })
}
