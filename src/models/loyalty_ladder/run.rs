//! The month-by-month run of the ladder (lecture 11, figure 7-1): each
//! month a share of every level moves to the level its rate names, and new
//! people join the onlookers (the market the firm has not won yet). Nobody
//! appears or vanishes: after month t the total is the start plus t months
//! of arrivals.

use super::params::{Param as P, RateError, Rates};
use super::{Counts8, Level};

/// How the starting customers spread over the levels (a plausible firm:
/// no one lost yet, a third still watching, most of the base in the
/// middle rungs). Adds up to 1.
pub const START_MIX: Counts8 = [0.0, 0.30, 0.05, 0.05, 0.15, 0.25, 0.15, 0.05];

/// What moved in one month (customers).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Flows {
    /// Onlookers who became new customers.
    pub converted: f64,
    /// At-risk customers kept (moved back to active regulars).
    pub saved: f64,
    /// At-risk customers who left (became lost).
    pub lost: f64,
    /// Lost customers won back (became new again).
    pub won_back: f64,
    /// People who joined the onlookers.
    pub arrivals: f64,
}

/// A whole run: `counts[0]` is the start, `counts[t]` the end of month t;
/// `flows[t - 1]` is what moved during month t.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub counts: Vec<Counts8>,
    pub flows: Vec<Flows>,
}

impl Run {
    pub fn months(&self) -> usize {
        self.flows.len()
    }
    pub fn last(&self) -> &Counts8 {
        self.counts.last().unwrap_or(&self.counts[0])
    }
}

/// One month of moves between levels, without arrivals. Every level keeps
/// what does not leave it (never below zero: the rules keep each level's
/// ways out ≤ 100 %).
pub fn step(r: &Rates, c: &Counts8) -> (Counts8, Flows) {
    use Level::*;
    let i = |l: Level| l.index();
    let mut next = [0.0; 8];
    let out = |from: Level, to: Level, share: f64, next: &mut Counts8| {
        let moved = c[i(from)] * share;
        next[i(to)] += moved;
        moved
    };
    let converted = out(Onlookers, New, r.r(P::Convert), &mut next);
    out(New, Active, r.r(P::NewActive), &mut next);
    out(New, AtRisk, r.r(P::NewRisk), &mut next);
    out(Inactive, Active, r.r(P::InactiveActive), &mut next);
    out(Inactive, AtRisk, r.r(P::InactiveRisk), &mut next);
    out(Active, Core, r.r(P::ActiveCore), &mut next);
    out(Active, Inactive, r.r(P::Down), &mut next);
    out(Core, Advocates, r.r(P::CoreAdvocate), &mut next);
    out(Core, Active, r.r(P::Down), &mut next);
    out(Advocates, Core, r.r(P::Down), &mut next);
    let saved = out(AtRisk, Active, r.r(P::RiskSave), &mut next);
    let lost = out(AtRisk, Lost, r.r(P::RiskLost), &mut next);
    let won_back = out(Lost, New, r.r(P::Winback), &mut next);
    let leaving = |l: Level| -> f64 {
        match l {
            Onlookers => r.r(P::Convert),
            Lost => r.r(P::Winback),
            Advocates => r.r(P::Down),
            _ => P::out_of(l).iter().map(|p| r.r(*p)).sum(),
        }
    };
    for l in super::LEVELS {
        next[i(l)] += c[i(l)] * (1.0 - leaving(l)).max(0.0);
    }
    let flows = Flows {
        converted,
        saved,
        lost,
        won_back,
        arrivals: 0.0,
    };
    (next, flows)
}

/// Runs the ladder for `months` months from `start` × [`START_MIX`].
pub fn run(r: &Rates) -> Result<Run, RateError> {
    r.validate()?;
    let start = r.r(P::Start);
    let arrivals = r.r(P::Arrivals);
    let months = r.r(P::Months) as usize;
    let mut counts = vec![START_MIX.map(|s| s * start)];
    let mut flows = Vec::with_capacity(months);
    for _ in 0..months {
        let (mut next, mut f) = step(r, &counts[counts.len() - 1]);
        next[Level::Onlookers.index()] += arrivals;
        f.arrivals = arrivals;
        counts.push(next);
        flows.push(f);
    }
    Ok(Run { counts, flows })
}

/// Where a group of customers is after `months` months of moves (no
/// arrivals): follows one cohort through the ladder.
pub fn follow(r: &Rates, mut c: Counts8, months: usize) -> Counts8 {
    for _ in 0..months {
        c = step(r, &c).0;
    }
    c
}
