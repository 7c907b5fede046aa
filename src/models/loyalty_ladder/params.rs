//! The ladder's parameters (lecture 11, figure 7-1): the length of the run,
//! the customers at the start and arriving each month, the monthly rates
//! between levels, and the four firm inputs the flow model cannot produce
//! (share of wallet, complainant satisfaction, visits and spend per visit:
//! KPIs 4, 5, 7 and 8 of the course are measured, not simulated). Rule:
//! the rates out of one level add up to at most 100 %.

use super::Level;
use crate::models::params::{self, BadParam, Invalid, ParamSet};

/// One adjustable parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Months,
    Start,
    Arrivals,
    Convert,
    NewActive,
    NewRisk,
    InactiveActive,
    InactiveRisk,
    ActiveCore,
    CoreAdvocate,
    Down,
    RiskSave,
    RiskLost,
    Winback,
    Wallet,
    ComplaintSat,
    Visits,
    Spend,
}

pub type Spec = params::Spec<Param>;

/// Every parameter, in display order. Rates are monthly shares.
#[rustfmt::skip]
pub const SPECS: [Spec; 18] = [
    Spec::new(Param::Months, "months", 1.0, 60.0, 1.0, 24.0, true, false),
    Spec::new(Param::Start, "start", 100.0, 1_000_000.0, 100.0, 1_000.0, true, false),
    Spec::new(Param::Arrivals, "arrivals", 0.0, 100_000.0, 10.0, 100.0, true, false),
    Spec::new(Param::Convert, "convert", 0.0, 1.0, 0.01, 0.1, false, true),
    Spec::new(Param::NewActive, "new_active", 0.0, 1.0, 0.01, 0.3, false, true),
    Spec::new(Param::NewRisk, "new_risk", 0.0, 1.0, 0.01, 0.2, false, true),
    Spec::new(Param::InactiveActive, "inactive_active", 0.0, 1.0, 0.01, 0.1, false, true),
    Spec::new(Param::InactiveRisk, "inactive_risk", 0.0, 1.0, 0.01, 0.08, false, true),
    Spec::new(Param::ActiveCore, "active_core", 0.0, 1.0, 0.01, 0.05, false, true),
    Spec::new(Param::CoreAdvocate, "core_advocate", 0.0, 1.0, 0.01, 0.03, false, true),
    Spec::new(Param::Down, "down", 0.0, 1.0, 0.01, 0.04, false, true),
    Spec::new(Param::RiskSave, "risk_save", 0.0, 1.0, 0.01, 0.2, false, true),
    Spec::new(Param::RiskLost, "risk_lost", 0.0, 1.0, 0.01, 0.3, false, true),
    Spec::new(Param::Winback, "winback", 0.0, 1.0, 0.01, 0.02, false, true),
    Spec::new(Param::Wallet, "wallet", 0.0, 1.0, 0.01, 0.4, false, true),
    Spec::new(Param::ComplaintSat, "complaint_sat", 0.0, 1.0, 0.01, 0.6, false, true),
    Spec::new(Param::Visits, "visits", 0.0, 100.0, 0.1, 2.0, false, false),
    Spec::new(Param::Spend, "spend", 0.0, 100_000.0, 1.0, 50.0, false, false),
];

impl Param {
    pub fn spec(self) -> &'static Spec {
        Rates::spec_of(self)
    }
    /// The rates that leave each level with more than one way out.
    pub fn out_of(level: Level) -> &'static [Param] {
        match level {
            Level::New => &[Param::NewActive, Param::NewRisk],
            Level::Inactive => &[Param::InactiveActive, Param::InactiveRisk],
            Level::Active => &[Param::ActiveCore, Param::Down],
            Level::Core => &[Param::CoreAdvocate, Param::Down],
            Level::AtRisk => &[Param::RiskSave, Param::RiskLost],
            _ => &[],
        }
    }
}

/// A full set of parameters (rates as fractions 0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rates {
    pub values: [f64; 18],
}

impl Default for Rates {
    fn default() -> Self {
        Rates { values: [0.0; 18] }.with_defaults()
    }
}

impl ParamSet for Rates {
    type Param = Param;
    const SPECS: &'static [Spec] = &SPECS;
    fn get(&self, p: Param) -> f64 {
        self.values[p as usize]
    }
    fn set(&mut self, p: Param, v: f64) {
        self.values[p as usize] = v;
    }
}

/// Why a set of parameters cannot be run.
#[derive(Clone, Debug, PartialEq)]
pub enum RateError {
    /// A value outside its parameter's range (or not a number, or not whole).
    Invalid { param: Param, value: f64, why: Invalid },
    /// The rates out of one level add up to more than 100 %.
    LevelOver { level: Level, total: f64 },
}

/// Levels whose ways out share 100 %, in the order they are checked.
pub const RULED: [Level; 5] = [Level::New, Level::Inactive, Level::Active, Level::Core, Level::AtRisk];

impl Rates {
    /// A rate by parameter (shorthand for [`ParamSet::get`]).
    pub fn r(&self, p: Param) -> f64 {
        self.get(p)
    }

    pub fn validate(&self) -> Result<(), RateError> {
        if let Some((param, value, why)) = self.first_invalid() {
            return Err(RateError::Invalid { param, value, why });
        }
        for level in RULED {
            let total: f64 = Param::out_of(level).iter().map(|p| self.get(*p)).sum();
            // A hair of tolerance: 0.7 + 0.3 is 1 to the user.
            if total > 1.0 + 1e-9 {
                return Err(RateError::LevelOver { level, total });
            }
        }
        Ok(())
    }

    /// Reads the parameters from an address; anything unusable keeps its
    /// default and is reported. When a level's ways out add up to more than
    /// 100 %, the rates of that level the address gave are reported and go
    /// back to their defaults.
    pub fn from_query(pairs: &[(String, String)]) -> (Rates, Vec<BadParam>) {
        let mut r = Rates::default();
        let mut bad = Vec::new();
        r.read_query(pairs, &mut bad);
        let d = Rates::default();
        while let Err(RateError::LevelOver { level, .. }) = r.validate() {
            for p in Param::out_of(level) {
                let key = p.spec().key;
                if let Some((_, v)) = pairs.iter().rev().find(|(n, _)| n == key) {
                    if !bad.iter().any(|b| b.name == key) {
                        bad.push(BadParam {
                            name: key.to_owned(),
                            value: v.clone(),
                        });
                    }
                }
                r.set(*p, d.get(*p));
            }
        }
        crate::support::sort::by_key(&mut bad, |b| pairs.iter().position(|(n, _)| *n == b.name));
        (r, bad)
    }

    pub fn to_query(&self) -> String {
        self.write_query()
    }

    /// All parameters as one value for `compare=` (A/B).
    pub fn to_compact(&self) -> String {
        self.compact()
    }

    /// [`to_compact`](Self::to_compact) read back; None unless every value
    /// is present and fits and the rules hold.
    pub fn from_compact(text: &str) -> Option<Rates> {
        Rates::default().read_compact(text).filter(|r| r.validate().is_ok())
    }
}
