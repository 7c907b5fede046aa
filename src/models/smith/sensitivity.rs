//! Which assumption matters most: the total at the middle reach with each
//! driver moved 20 % down and up within its bounds (a tornado chart's data).

use super::chain::chain;
use super::params::{Param, ParamError, Params};
use crate::models::params::ParamSet;

/// How much the total (at the middle reach) moves when one assumption moves
/// 20 % down and up (within its bounds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Swing {
    pub param: Param,
    pub down: f64,
    pub up: f64,
}

impl Swing {
    pub fn size(&self) -> f64 {
        (self.up - self.down).abs()
    }
}

/// The total at the middle of the reach range.
pub fn mid_total(p: &Params) -> f64 {
    chain(p, (p.reach_lo + p.reach_hi) / 2.0).total
}

/// The assumptions that drive the sales loss (margin and the cost multiple
/// only re-express it).
pub const DRIVERS: [Param; 8] = [
    Param::Weekly,
    Param::Weeks,
    Param::Years,
    Param::ReachLo,
    Param::ReachHi,
    Param::Influenced,
    Param::Second,
    Param::Stop,
];

/// The tornado: every driver of the sales loss, biggest swing first.
pub fn sensitivity(p: &Params) -> Result<Vec<Swing>, ParamError> {
    p.validate()?;
    let moved = |param: Param, factor: f64| {
        let s = param.spec();
        let mut q = *p;
        let mut v = crate::support::within(p.get(param) * factor, s.min, s.max);
        if s.integer {
            v = v.round();
        }
        match param {
            Param::ReachLo => v = v.min(p.reach_hi),
            Param::ReachHi => v = v.max(p.reach_lo),
            _ => {}
        }
        q.set(param, v);
        mid_total(&q)
    };
    let mut swings: Vec<Swing> = DRIVERS
        .iter()
        .map(|&param| Swing {
            param,
            down: moved(param, 0.8),
            up: moved(param, 1.2),
        })
        .collect();
    crate::support::sort::by(&mut swings, |a, b| a.size() > b.size());
    Ok(swings)
}
