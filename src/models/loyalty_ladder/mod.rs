//! The eight loyalty levels of lecture 11 (figure 7-1: lost, onlookers,
//! at-risk, new, inactive, active regulars, core, advocates; seed 000) as a
//! monthly cohort model, and the course's ten loyalty KPIs, computed either
//! from a run of the model or from a firm's own counts. Pure module.
//!
//! - [`params`]: the monthly rates between levels and the firm inputs the
//!   flow model cannot produce (share of wallet, complainant satisfaction,
//!   visits, spend), with the rule that what leaves a level is ≤ 100 %.
//! - [`run`]: the month-by-month run (arrivals join the onlookers).
//! - [`kpis`]: the ten KPIs from a run.
//! - [`own`]: the ten KPIs from a firm's own counts (the second mode).
//! - [`screen`]: what the address holds (mode, rates, own counts).

pub mod kpis;
pub mod own;
pub mod params;
pub mod run;
pub mod screen;

pub use kpis::{kpis, tenths, Kpis};
pub use own::{own_kpis, Counts, OwnError, OwnParam, OWN_SPECS};
pub use params::{Param, RateError, Rates, SPECS};
pub use run::{run, step, Flows, Run, START_MIX};
pub use screen::{Mode, Screen};

/// One rung of figure 7-1, from the least loyal to the most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    Lost,
    Onlookers,
    AtRisk,
    New,
    Inactive,
    Active,
    Core,
    Advocates,
}

/// The eight levels in the figure's order (index = position in a count array).
pub const LEVELS: [Level; 8] = [
    Level::Lost,
    Level::Onlookers,
    Level::AtRisk,
    Level::New,
    Level::Inactive,
    Level::Active,
    Level::Core,
    Level::Advocates,
];

impl Level {
    pub fn index(self) -> usize {
        LEVELS.iter().position(|l| *l == self).unwrap_or(0)
    }
    /// Its name in test ids and string keys (`at-risk`, `advocates`…).
    pub fn key(self) -> &'static str {
        match self {
            Level::Lost => "lost",
            Level::Onlookers => "onlookers",
            Level::AtRisk => "at-risk",
            Level::New => "new",
            Level::Inactive => "inactive",
            Level::Active => "active",
            Level::Core => "core",
            Level::Advocates => "advocates",
        }
    }
    /// Counted in the customer base (the course: all but lost and onlookers).
    pub fn in_base(self) -> bool {
        !matches!(self, Level::Lost | Level::Onlookers)
    }
}

/// Customers per level, in [`LEVELS`] order.
pub type Counts8 = [f64; 8];

/// The customer base of a set of counts: every level but lost and onlookers.
pub fn customer_base(c: &Counts8) -> f64 {
    LEVELS.iter().filter(|l| l.in_base()).map(|l| c[l.index()]).sum()
}
