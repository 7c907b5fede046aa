//! The assumptions of the Mrs Smith chain (lecture 2's case): each one named,
//! bounded and documented in `SPECS`, read from and written to the address
//! (`ParamSet`), checked into a typed `ParamError`; and the currency sign the
//! amounts are shown with.

use crate::models::params::BadParam;
use crate::models::params::{self, Invalid, ParamSet};

/// One adjustable assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Weekly,
    Weeks,
    Years,
    ReachLo,
    ReachHi,
    Influenced,
    Second,
    Stop,
    Margin,
    CacMultiple,
}

/// How a parameter is named in the address, bounded and stepped.
pub type Spec = params::Spec<Param>;

/// Every parameter, in the order the chain uses them.
pub const SPECS: [Spec; 10] = [
    Spec::new(Param::Weekly, "weekly", 1.0, 10_000.0, 1.0, 50.0, false, false),
    Spec::new(Param::Weeks, "weeks", 1.0, 52.0, 1.0, 52.0, true, false),
    Spec::new(Param::Years, "years", 1.0, 50.0, 1.0, 10.0, true, false),
    Spec::new(Param::ReachLo, "reach_lo", 0.0, 1000.0, 1.0, 10.0, true, false),
    Spec::new(Param::ReachHi, "reach_hi", 0.0, 1000.0, 1.0, 20.0, true, false),
    Spec::new(Param::Influenced, "influenced", 0.0, 1.0, 0.01, 0.5, false, true),
    Spec::new(Param::Second, "second", 0.0, 100.0, 0.5, 5.0, false, false),
    Spec::new(Param::Stop, "stop", 0.0, 1.0, 0.01, 0.25, false, true),
    Spec::new(Param::Margin, "margin", 0.0, 1.0, 0.01, 0.2, false, true),
    Spec::new(Param::CacMultiple, "cac_multiple", 1.0, 20.0, 0.5, 5.0, false, false),
];

impl Param {
    pub fn spec(self) -> &'static Spec {
        Params::spec_of(self)
    }
}

/// The sign amounts are shown with (no conversion: the amounts are the
/// trainer's own).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Currency {
    #[default]
    Usd,
    Cny,
}

impl Currency {
    pub fn sign(self) -> &'static str {
        match self {
            Currency::Usd => "$",
            Currency::Cny => "¥",
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "usd",
            Currency::Cny => "cny",
        }
    }
    pub fn parse(s: &str) -> Option<Currency> {
        match s.trim().to_ascii_lowercase().as_str() {
            "usd" | "$" => Some(Currency::Usd),
            "cny" | "rmb" | "¥" => Some(Currency::Cny),
            _ => None,
        }
    }
}

/// A full set of assumptions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    pub weekly: f64,
    pub weeks: f64,
    pub years: f64,
    pub reach_lo: f64,
    pub reach_hi: f64,
    pub influenced: f64,
    pub second: f64,
    pub stop: f64,
    pub margin: f64,
    pub cac_multiple: f64,
    pub currency: Currency,
    /// Seed of the Monte Carlo run.
    pub seed: u64,
}

/// The seed a fresh screen starts with, so a default link is reproducible.
pub const DEFAULT_SEED: u64 = 2024;
/// Trials per Monte Carlo run on the screen.
pub const TRIALS: u32 = 100_000;

impl Default for Params {
    fn default() -> Self {
        Params {
            weekly: 0.0,
            weeks: 0.0,
            years: 0.0,
            reach_lo: 0.0,
            reach_hi: 0.0,
            influenced: 0.0,
            second: 0.0,
            stop: 0.0,
            margin: 0.0,
            cac_multiple: 0.0,
            currency: Currency::Usd,
            seed: DEFAULT_SEED,
        }
        .with_defaults()
    }
}

/// Why a set of assumptions cannot be computed.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamError {
    NotFinite(Param),
    OutOfRange {
        param: Param,
        value: f64,
    },
    NotWhole {
        param: Param,
        value: f64,
    },
    /// The low reach is above the high reach.
    ReachOrder {
        lo: f64,
        hi: f64,
    },
}

impl ParamSet for Params {
    type Param = Param;
    const SPECS: &'static [Spec] = &SPECS;

    fn get(&self, p: Param) -> f64 {
        match p {
            Param::Weekly => self.weekly,
            Param::Weeks => self.weeks,
            Param::Years => self.years,
            Param::ReachLo => self.reach_lo,
            Param::ReachHi => self.reach_hi,
            Param::Influenced => self.influenced,
            Param::Second => self.second,
            Param::Stop => self.stop,
            Param::Margin => self.margin,
            Param::CacMultiple => self.cac_multiple,
        }
    }

    fn set(&mut self, p: Param, v: f64) {
        let slot = match p {
            Param::Weekly => &mut self.weekly,
            Param::Weeks => &mut self.weeks,
            Param::Years => &mut self.years,
            Param::ReachLo => &mut self.reach_lo,
            Param::ReachHi => &mut self.reach_hi,
            Param::Influenced => &mut self.influenced,
            Param::Second => &mut self.second,
            Param::Stop => &mut self.stop,
            Param::Margin => &mut self.margin,
            Param::CacMultiple => &mut self.cac_multiple,
        };
        *slot = v;
    }
}

impl Params {
    /// Checks one value against its parameter's bounds.
    pub fn check_value(param: Param, v: f64) -> Result<(), ParamError> {
        param.spec().check(v).map_err(|e| ParamError::new(param, v, e))
    }

    pub fn validate(&self) -> Result<(), ParamError> {
        if let Some((param, v, e)) = self.first_invalid() {
            return Err(ParamError::new(param, v, e));
        }
        if self.reach_lo > self.reach_hi {
            return Err(ParamError::ReachOrder {
                lo: self.reach_lo,
                hi: self.reach_hi,
            });
        }
        Ok(())
    }

    /// Reads parameters from an address query; anything missing takes its
    /// default, anything invalid takes its default and is reported.
    pub fn from_query(pairs: &[(String, String)]) -> (Params, Vec<BadParam>) {
        let mut p = Params::default();
        let mut bad = Vec::new();
        p.read_query(pairs, &mut bad);
        let mut report = |name: &str, value: &str| {
            bad.push(BadParam {
                name: name.to_owned(),
                value: value.to_owned(),
            })
        };
        for (name, value) in pairs {
            if name == "currency" {
                match Currency::parse(value) {
                    Some(c) => p.currency = c,
                    None => report(name, value),
                }
            } else if name == "seed" {
                match value.trim().parse::<u64>() {
                    Ok(seed) => p.seed = seed,
                    Err(_) => report(name, value),
                }
            }
        }
        if p.reach_lo > p.reach_hi {
            let find = |key: &str| {
                pairs
                    .iter()
                    .rev()
                    .find(|(n, _)| n == key)
                    .map(|(_, v)| v.as_str())
                    .unwrap_or("")
            };
            // Name only the ends the address gave (a missing one is at its
            // default already).
            for key in ["reach_lo", "reach_hi"] {
                if pairs.iter().any(|(n, _)| n == key) {
                    report(key, find(key));
                }
            }
            let d = Params::default();
            p.reach_lo = d.reach_lo;
            p.reach_hi = d.reach_hi;
        }
        // Report in the order the address gave them.
        crate::support::sort::by_key(&mut bad, |b| pairs.iter().position(|(n, _)| *n == b.name));
        (p, bad)
    }

    /// The parameters as an address query (every one, so a link reproduces
    /// the screen exactly).
    pub fn to_query(&self) -> String {
        format!(
            "{}&currency={}&seed={}",
            self.write_query(),
            self.currency.code(),
            self.seed
        )
    }

    /// The ten assumptions as one comma-separated value, for the "A" set of
    /// an A/B comparison in the address (`compare=50,52,10,…`).
    pub fn to_compact(&self) -> String {
        self.compact()
    }

    /// Reads [`to_compact`](Self::to_compact) back; None unless all ten
    /// values are present and valid. Currency and seed come from `base`.
    pub fn from_compact(text: &str, base: &Params) -> Option<Params> {
        base.read_compact(text).filter(|p| p.validate().is_ok())
    }
}

impl ParamError {
    fn new(param: Param, value: f64, e: Invalid) -> Self {
        match e {
            Invalid::NotFinite => ParamError::NotFinite(param),
            Invalid::OutOfRange => ParamError::OutOfRange { param, value },
            Invalid::NotWhole => ParamError::NotWhole { param, value },
        }
    }
}
