//! The parameters of the value equation and of the promise (lecture 10,
//! 超越期望 (2); seed 002): each one named, bounded and documented in
//! `SPECS`, read from and written to the address (`ParamSet`). No rule ties
//! several of them together: the bounds alone keep the equation's
//! denominator at 1 or more (price ≥ 1, cost of access ≥ 0) and every effort
//! above zero, so nothing can divide by zero.

use crate::models::params::{self, BadParam, ParamSet};

/// One adjustable assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    /// What the service achieves for the customer (points, 0–100).
    Result,
    /// How it feels on the way: courtesy, care, smoothness (points, 0–100).
    Process,
    /// What the customer pays (money).
    Price,
    /// What getting it costs the customer besides the price: time, travel,
    /// forms, hassle (what they are worth in money).
    Access,
    /// Effort one more point of result costs the firm.
    EffortResult,
    /// Effort one more point of process quality costs.
    EffortProcess,
    /// Effort one unit off the price costs (margin, and customers taught to
    /// watch the price).
    EffortPrice,
    /// Effort one unit off the cost of access costs.
    EffortAccess,
    /// What the firm promises (score 0–10).
    Promise,
    /// What the core offer delivers (score 0–10).
    Delivered,
    /// What customers would expect with no promise at all (score 0–10).
    Prior,
    /// How far the promise moves the expectation from `prior` (0–100 %).
    Trust,
    /// What each of the six ways adds to delivery beyond the core (score
    /// points, 0–2 each).
    ExtraValue,
    ExtraInfo,
    ExtraSpeed,
    ExtraPersonal,
    ExtraAddons,
    ExtraConvenience,
}

/// How a parameter is named in the address, bounded and stepped.
pub type Spec = params::Spec<Param>;

/// Every parameter, in display order. Defaults: a decent offer (60 and 50
/// points for 80 plus 20) where process quality is the cheapest part to
/// improve and a price cut the dearest; a promise of 8 against a delivery
/// of 7, believed three quarters of the way from the 6 customers expect
/// anyway: the customer is a little disappointed.
#[rustfmt::skip]
pub const SPECS: [Spec; 18] = [
    Spec::new(Param::Result, "result", 0.0, 100.0, 1.0, 60.0, false, false),
    Spec::new(Param::Process, "process", 0.0, 100.0, 1.0, 50.0, false, false),
    Spec::new(Param::Price, "price", 1.0, 1_000.0, 1.0, 80.0, false, false),
    Spec::new(Param::Access, "access", 0.0, 500.0, 1.0, 20.0, false, false),
    Spec::new(Param::EffortResult, "effort_result", 0.1, 100.0, 0.1, 3.0, false, false),
    Spec::new(Param::EffortProcess, "effort_process", 0.1, 100.0, 0.1, 1.0, false, false),
    Spec::new(Param::EffortPrice, "effort_price", 0.1, 100.0, 0.1, 4.0, false, false),
    Spec::new(Param::EffortAccess, "effort_access", 0.1, 100.0, 0.1, 2.0, false, false),
    Spec::new(Param::Promise, "promise", 0.0, 10.0, 0.5, 8.0, false, false),
    Spec::new(Param::Delivered, "delivered", 0.0, 10.0, 0.5, 7.0, false, false),
    Spec::new(Param::Prior, "prior", 0.0, 10.0, 0.5, 6.0, false, false),
    Spec::new(Param::Trust, "trust", 0.0, 1.0, 0.05, 0.75, false, true),
    Spec::new(Param::ExtraValue, "extra_value", 0.0, 2.0, 0.5, 0.0, false, false),
    Spec::new(Param::ExtraInfo, "extra_info", 0.0, 2.0, 0.5, 0.0, false, false),
    Spec::new(Param::ExtraSpeed, "extra_speed", 0.0, 2.0, 0.5, 0.0, false, false),
    Spec::new(Param::ExtraPersonal, "extra_personal", 0.0, 2.0, 0.5, 0.0, false, false),
    Spec::new(Param::ExtraAddons, "extra_addons", 0.0, 2.0, 0.5, 0.0, false, false),
    Spec::new(Param::ExtraConvenience, "extra_convenience", 0.0, 2.0, 0.5, 0.0, false, false),
];

impl Param {
    pub fn spec(self) -> &'static Spec {
        Params::spec_of(self)
    }
}

/// A full set of assumptions (`trust` as a fraction 0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    pub result: f64,
    pub process: f64,
    pub price: f64,
    pub access: f64,
    pub effort_result: f64,
    pub effort_process: f64,
    pub effort_price: f64,
    pub effort_access: f64,
    pub promise: f64,
    pub delivered: f64,
    pub prior: f64,
    pub trust: f64,
    /// What each of the six ways adds, in [`crate::models::value::Way::ALL`] order.
    pub extras: [f64; 6],
}

impl Default for Params {
    fn default() -> Self {
        Params {
            result: 0.0,
            process: 0.0,
            price: 0.0,
            access: 0.0,
            effort_result: 0.0,
            effort_process: 0.0,
            effort_price: 0.0,
            effort_access: 0.0,
            promise: 0.0,
            delivered: 0.0,
            prior: 0.0,
            trust: 0.0,
            extras: [0.0; 6],
        }
        .with_defaults()
    }
}

impl ParamSet for Params {
    type Param = Param;
    const SPECS: &'static [Spec] = &SPECS;

    fn get(&self, p: Param) -> f64 {
        match p {
            Param::Result => self.result,
            Param::Process => self.process,
            Param::Price => self.price,
            Param::Access => self.access,
            Param::EffortResult => self.effort_result,
            Param::EffortProcess => self.effort_process,
            Param::EffortPrice => self.effort_price,
            Param::EffortAccess => self.effort_access,
            Param::Promise => self.promise,
            Param::Delivered => self.delivered,
            Param::Prior => self.prior,
            Param::Trust => self.trust,
            Param::ExtraValue => self.extras[0],
            Param::ExtraInfo => self.extras[1],
            Param::ExtraSpeed => self.extras[2],
            Param::ExtraPersonal => self.extras[3],
            Param::ExtraAddons => self.extras[4],
            Param::ExtraConvenience => self.extras[5],
        }
    }

    fn set(&mut self, p: Param, v: f64) {
        *match p {
            Param::Result => &mut self.result,
            Param::Process => &mut self.process,
            Param::Price => &mut self.price,
            Param::Access => &mut self.access,
            Param::EffortResult => &mut self.effort_result,
            Param::EffortProcess => &mut self.effort_process,
            Param::EffortPrice => &mut self.effort_price,
            Param::EffortAccess => &mut self.effort_access,
            Param::Promise => &mut self.promise,
            Param::Delivered => &mut self.delivered,
            Param::Prior => &mut self.prior,
            Param::Trust => &mut self.trust,
            Param::ExtraValue => &mut self.extras[0],
            Param::ExtraInfo => &mut self.extras[1],
            Param::ExtraSpeed => &mut self.extras[2],
            Param::ExtraPersonal => &mut self.extras[3],
            Param::ExtraAddons => &mut self.extras[4],
            Param::ExtraConvenience => &mut self.extras[5],
        } = v;
    }
}

impl Params {
    /// Reads the parameters from an address query; anything missing takes
    /// its default, anything invalid keeps its default and is reported.
    pub fn from_query(pairs: &[(String, String)]) -> (Params, Vec<BadParam>) {
        let mut p = Params::default();
        let mut bad = Vec::new();
        p.read_query(pairs, &mut bad);
        (p, bad)
    }

    /// Every parameter as an address query.
    pub fn to_query(&self) -> String {
        self.write_query()
    }

    /// All eighteen values as one comma-separated value (`compare=…`).
    pub fn to_compact(&self) -> String {
        self.compact()
    }

    /// Reads [`Params::to_compact`] back; None unless every value is
    /// present and in its bounds.
    pub fn from_compact(text: &str) -> Option<Params> {
        Params::default().read_compact(text)
    }

    /// Whether every value is in its bounds (a set built in code rather
    /// than read from the address may not be).
    pub fn is_valid(&self) -> bool {
        self.first_invalid().is_none()
    }
}
