//! The mirror's levers (lecture 1, 图1-1; lecture 3, 图2-1): what a firm can
//! choose (service quality, hiring, pay, training, listening to staff,
//! turnover, the months to run), each named, bounded and documented in
//! `SPECS`, read from and written to the address (`ParamSet`), checked into a
//! typed `LeverError`.

use crate::models::params::BadParam;
use crate::models::params::{self, Invalid, ParamSet};

/// One adjustable lever.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Training,
    Empowerment,
    Pay,
    Hiring,
    Voice,
    Turnover,
    Promo,
    Months,
    ShockMonth,
    ShockSize,
}

/// How a lever is named in the address, bounded and stepped.
pub type Spec = params::Spec<Param>;

/// Every lever. Defaults: a middling firm. The five 0–100 levers sit at 50
/// (neither invests nor neglects); turnover 25 % a year, inside the course's
/// 15–40 % for Chinese firms; promo 0 (the starting firm does not discount,
/// so any discounting is a visible decision); 36 months, long enough for
/// 图2-1's years 2–3 to show; no shock (month 0), and a shock size of 30 %
/// ready for when a month is chosen.
pub const SPECS: [Spec; 10] = [
    Spec::new(Param::Training, "training", 0.0, 100.0, 1.0, 50.0, false, false),
    Spec::new(Param::Empowerment, "empowerment", 0.0, 100.0, 1.0, 50.0, false, false),
    Spec::new(Param::Pay, "pay", 0.0, 100.0, 1.0, 50.0, false, false),
    Spec::new(Param::Hiring, "hiring", 0.0, 100.0, 1.0, 50.0, false, false),
    Spec::new(Param::Voice, "voice", 0.0, 100.0, 1.0, 50.0, false, false),
    Spec::new(Param::Turnover, "turnover", 0.0, 100.0, 1.0, 25.0, false, false),
    Spec::new(Param::Promo, "promo", 0.0, 100.0, 1.0, 0.0, false, false),
    Spec::new(Param::Months, "months", 6.0, 120.0, 1.0, 36.0, true, false),
    Spec::new(Param::ShockMonth, "shock_month", 0.0, 120.0, 1.0, 0.0, true, false),
    Spec::new(Param::ShockSize, "shock_size", 0.0, 1.0, 0.01, 0.3, false, true),
];

impl Param {
    pub fn spec(self) -> &'static Spec {
        Levers::spec_of(self)
    }
}

/// A full set of levers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Levers {
    /// Training (0–100): faster productivity ramp, fewer early quits, quality.
    pub training: f64,
    /// Front-line authority (0–100): recovery effectiveness, es.
    pub empowerment: f64,
    /// Pay competitiveness (0–100): lower turnover, es; costs profit.
    pub pay: f64,
    /// Hiring selectivity (0–100): base quality, fit (es), lower turnover.
    pub hiring: f64,
    /// How easy it is to complain (0–100).
    pub voice: f64,
    /// Baseline yearly staff turnover, % (0–100).
    pub turnover: f64,
    /// Short-term discounting (0–100).
    pub promo: f64,
    /// Run length in months (6–120).
    pub months: f64,
    /// Month at whose end the shock hits (0, or later than `months` = none).
    pub shock_month: f64,
    /// Share of staff who leave at once (0–1).
    pub shock_size: f64,
}

impl Default for Levers {
    fn default() -> Self {
        Levers {
            training: 0.0,
            empowerment: 0.0,
            pay: 0.0,
            hiring: 0.0,
            voice: 0.0,
            turnover: 0.0,
            promo: 0.0,
            months: 0.0,
            shock_month: 0.0,
            shock_size: 0.0,
        }
        .with_defaults()
    }
}

/// Why a set of levers cannot be run.
#[derive(Clone, Debug, PartialEq)]
pub enum LeverError {
    NotFinite(Param),
    OutOfRange { param: Param, value: f64 },
    NotWhole { param: Param, value: f64 },
}

impl ParamSet for Levers {
    type Param = Param;
    const SPECS: &'static [Spec] = &SPECS;

    fn get(&self, p: Param) -> f64 {
        match p {
            Param::Training => self.training,
            Param::Empowerment => self.empowerment,
            Param::Pay => self.pay,
            Param::Hiring => self.hiring,
            Param::Voice => self.voice,
            Param::Turnover => self.turnover,
            Param::Promo => self.promo,
            Param::Months => self.months,
            Param::ShockMonth => self.shock_month,
            Param::ShockSize => self.shock_size,
        }
    }

    fn set(&mut self, p: Param, v: f64) {
        let slot = match p {
            Param::Training => &mut self.training,
            Param::Empowerment => &mut self.empowerment,
            Param::Pay => &mut self.pay,
            Param::Hiring => &mut self.hiring,
            Param::Voice => &mut self.voice,
            Param::Turnover => &mut self.turnover,
            Param::Promo => &mut self.promo,
            Param::Months => &mut self.months,
            Param::ShockMonth => &mut self.shock_month,
            Param::ShockSize => &mut self.shock_size,
        };
        *slot = v;
    }
}

impl Levers {
    /// Checks one value against its lever's bounds.
    pub fn check_value(param: Param, v: f64) -> Result<(), LeverError> {
        param.spec().check(v).map_err(|e| LeverError::new(param, v, e))
    }

    pub fn validate(&self) -> Result<(), LeverError> {
        match self.first_invalid() {
            Some((param, v, e)) => Err(LeverError::new(param, v, e)),
            None => Ok(()),
        }
    }

    /// Reads levers from an address query; anything missing takes its
    /// default, anything invalid takes its default and is reported. Unknown
    /// names (`lang`, `present`, …) are left to others.
    pub fn from_query(pairs: &[(String, String)]) -> (Levers, Vec<BadParam>) {
        let mut l = Levers::default();
        let mut bad = Vec::new();
        l.read_query(pairs, &mut bad);
        (l, bad)
    }

    /// The levers as an address query (every one, so a link reproduces the
    /// screen exactly).
    pub fn to_query(&self) -> String {
        self.write_query()
    }

    /// The ten levers as one comma-separated value in [`SPECS`] order, for
    /// the "A" set of an A/B comparison in the address
    /// (`compare=50,50,50,50,50,25,0,36,0,0.3`).
    pub fn to_compact(&self) -> String {
        self.compact()
    }

    /// Reads [`to_compact`](Self::to_compact) back; None unless all ten
    /// values are present and valid.
    pub fn from_compact(text: &str) -> Option<Levers> {
        Levers::default().read_compact(text)
    }
}

impl LeverError {
    fn new(param: Param, value: f64, e: Invalid) -> Self {
        match e {
            Invalid::NotFinite => LeverError::NotFinite(param),
            Invalid::OutOfRange => LeverError::OutOfRange { param, value },
            Invalid::NotWhole => LeverError::NotWhole { param, value },
        }
    }
}
