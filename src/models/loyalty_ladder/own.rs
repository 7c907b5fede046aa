//! The second mode of the ladder screen: a trainer types their own firm's
//! counts (customers per level of figure 7-1, new customers, who stayed,
//! complaints, visits, spend) and gets the ten KPIs of lecture 11 without
//! the simulation. Impossible counts (more kept than started, negative
//! numbers, more spent with the firm than in total) are refused with the
//! pair that breaks the rule.

use super::{customer_base, Counts8};
use crate::models::params::{self, BadParam, Invalid, ParamSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OwnParam {
    Lost,
    Onlookers,
    AtRisk,
    New,
    Inactive,
    Active,
    Core,
    Advocates,
    NewMonth,
    Cohort,
    Kept3,
    Kept12,
    YearStart,
    YearKept,
    RiskWorked,
    WonBack,
    Complaints,
    Satisfied,
    Visits,
    Revenue,
    WalletTotal,
}

pub type OwnSpec = params::Spec<OwnParam>;

/// The own counts, in the order of the table (the first eight are the
/// levels, in figure 7-1's order).
#[rustfmt::skip]
pub const OWN_SPECS: [OwnSpec; 21] = [
    OwnSpec::new(OwnParam::Lost, "n_lost", 0.0, 10_000_000.0, 1.0, 120.0, true, false),
    OwnSpec::new(OwnParam::Onlookers, "n_onlookers", 0.0, 10_000_000.0, 1.0, 400.0, true, false),
    OwnSpec::new(OwnParam::AtRisk, "n_at_risk", 0.0, 10_000_000.0, 1.0, 60.0, true, false),
    OwnSpec::new(OwnParam::New, "n_new", 0.0, 10_000_000.0, 1.0, 80.0, true, false),
    OwnSpec::new(OwnParam::Inactive, "n_inactive", 0.0, 10_000_000.0, 1.0, 150.0, true, false),
    OwnSpec::new(OwnParam::Active, "n_active", 0.0, 10_000_000.0, 1.0, 300.0, true, false),
    OwnSpec::new(OwnParam::Core, "n_core", 0.0, 10_000_000.0, 1.0, 90.0, true, false),
    OwnSpec::new(OwnParam::Advocates, "n_advocates", 0.0, 10_000_000.0, 1.0, 30.0, true, false),
    OwnSpec::new(OwnParam::NewMonth, "new_month", 0.0, 10_000_000.0, 1.0, 80.0, true, false),
    OwnSpec::new(OwnParam::Cohort, "cohort", 0.0, 10_000_000.0, 1.0, 80.0, true, false),
    OwnSpec::new(OwnParam::Kept3, "kept3", 0.0, 10_000_000.0, 1.0, 56.0, true, false),
    OwnSpec::new(OwnParam::Kept12, "kept12", 0.0, 10_000_000.0, 1.0, 40.0, true, false),
    OwnSpec::new(OwnParam::YearStart, "year_start", 0.0, 10_000_000.0, 1.0, 600.0, true, false),
    OwnSpec::new(OwnParam::YearKept, "year_kept", 0.0, 10_000_000.0, 1.0, 480.0, true, false),
    OwnSpec::new(OwnParam::RiskWorked, "risk_worked", 0.0, 10_000_000.0, 1.0, 60.0, true, false),
    OwnSpec::new(OwnParam::WonBack, "won_back", 0.0, 10_000_000.0, 1.0, 24.0, true, false),
    OwnSpec::new(OwnParam::Complaints, "complaints", 0.0, 10_000_000.0, 1.0, 40.0, true, false),
    OwnSpec::new(OwnParam::Satisfied, "satisfied", 0.0, 10_000_000.0, 1.0, 30.0, true, false),
    OwnSpec::new(OwnParam::Visits, "purchases", 0.0, 100_000_000.0, 1.0, 1_300.0, true, false),
    OwnSpec::new(OwnParam::Revenue, "revenue", 0.0, 1_000_000_000.0, 1.0, 65_000.0, false, false),
    OwnSpec::new(OwnParam::WalletTotal, "wallet_total", 0.0, 1_000_000_000.0, 1.0, 160_000.0, false, false),
];

/// Pairs (part, whole) where the part cannot exceed the whole.
pub const PARTS: [(OwnParam, OwnParam); 6] = [
    (OwnParam::Kept3, OwnParam::Cohort),
    (OwnParam::Kept12, OwnParam::Cohort),
    (OwnParam::YearKept, OwnParam::YearStart),
    (OwnParam::WonBack, OwnParam::RiskWorked),
    (OwnParam::Satisfied, OwnParam::Complaints),
    (OwnParam::Revenue, OwnParam::WalletTotal),
];

impl OwnParam {
    pub fn spec(self) -> &'static OwnSpec {
        Counts::spec_of(self)
    }
}

/// A firm's own counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Counts {
    pub values: [f64; 21],
}

impl Default for Counts {
    fn default() -> Self {
        Counts { values: [0.0; 21] }.with_defaults()
    }
}

impl ParamSet for Counts {
    type Param = OwnParam;
    const SPECS: &'static [OwnSpec] = &OWN_SPECS;
    fn get(&self, p: OwnParam) -> f64 {
        self.values[p as usize]
    }
    fn set(&mut self, p: OwnParam, v: f64) {
        self.values[p as usize] = v;
    }
}

/// Why a firm's counts cannot give KPIs.
#[derive(Clone, Debug, PartialEq)]
pub enum OwnError {
    /// A count below zero.
    Negative { param: OwnParam, value: f64 },
    /// Not a number, out of range or not whole.
    Invalid { param: OwnParam, value: f64, why: Invalid },
    /// More in the part than in the whole (kept 90 of 80 new customers).
    PartOverWhole {
        part: OwnParam,
        whole: OwnParam,
        a: f64,
        b: f64,
    },
}

/// The ten KPIs from own counts (None where the count to divide by is 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OwnKpis {
    pub base: f64,
    pub new_kept_3: Option<f64>,
    pub new_kept_12: Option<f64>,
    pub retention: Option<f64>,
    pub churn: Option<f64>,
    pub wallet: Option<f64>,
    pub complaint_sat: Option<f64>,
    pub new_per_month: f64,
    pub frequency: Option<f64>,
    pub avg_spend: Option<f64>,
    pub save_rate: Option<f64>,
}

impl Counts {
    pub fn levels(&self) -> Counts8 {
        let mut c = [0.0; 8];
        c.copy_from_slice(&self.values[..8]);
        c
    }

    pub fn validate(&self) -> Result<(), OwnError> {
        if let Some((param, value, why)) = self.first_invalid() {
            return Err(if value < 0.0 {
                OwnError::Negative { param, value }
            } else {
                OwnError::Invalid { param, value, why }
            });
        }
        for (part, whole) in PARTS {
            let (a, b) = (self.get(part), self.get(whole));
            if a > b {
                return Err(OwnError::PartOverWhole { part, whole, a, b });
            }
        }
        Ok(())
    }

    /// Reads own counts from an address; unusable values keep their
    /// default and are reported; a part above its whole reports both and
    /// both go back to their defaults.
    pub fn from_query(pairs: &[(String, String)]) -> (Counts, Vec<BadParam>) {
        let mut c = Counts::default();
        let mut bad = Vec::new();
        c.read_query(pairs, &mut bad);
        let d = Counts::default();
        while let Err(OwnError::PartOverWhole { part, whole, .. }) = c.validate() {
            for p in [part, whole] {
                let key = p.spec().key;
                if let Some((_, v)) = pairs.iter().rev().find(|(n, _)| n == key) {
                    if !bad.iter().any(|b| b.name == key) {
                        bad.push(BadParam {
                            name: key.to_owned(),
                            value: v.clone(),
                        });
                    }
                }
            }
            // Back to defaults as a pair, and the other pairs sharing the whole.
            c.set(part, d.get(part));
            c.set(whole, d.get(whole));
            for (p2, w2) in PARTS {
                if w2 == whole {
                    c.set(p2, d.get(p2));
                }
            }
        }
        crate::support::sort::by_key(&mut bad, |b| pairs.iter().position(|(n, _)| *n == b.name));
        (c, bad)
    }

    pub fn to_query(&self) -> String {
        self.write_query()
    }
}

fn share(a: f64, b: f64) -> Option<f64> {
    (b > 0.0).then(|| a / b)
}

/// The ten KPIs of a firm's own counts, or why the counts are impossible.
pub fn own_kpis(c: &Counts) -> Result<OwnKpis, OwnError> {
    c.validate()?;
    use OwnParam::*;
    let g = |p| c.get(p);
    let base = customer_base(&c.levels());
    let retention = share(g(YearKept), g(YearStart));
    Ok(OwnKpis {
        base,
        new_kept_3: share(g(Kept3), g(Cohort)),
        new_kept_12: share(g(Kept12), g(Cohort)),
        retention,
        churn: retention.map(|k| 1.0 - k),
        wallet: share(g(Revenue), g(WalletTotal)),
        complaint_sat: share(g(Satisfied), g(Complaints)),
        new_per_month: g(NewMonth),
        frequency: share(g(Visits), base),
        avg_spend: share(g(Revenue), base),
        save_rate: share(g(WonBack), g(RiskWorked)),
    })
}
