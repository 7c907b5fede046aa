//! The customer pyramid's assumptions (lecture 2, 图1-7 "让客户金字塔动起来";
//! seed 000, 区别对待各层级的客户): the four tiers' head counts and yearly
//! profit per customer, the yearly migration matrix between tiers and out,
//! newcomers, the run length, and the course's levers (service for gold,
//! re-price or drop lead). Each one named, bounded and defaulted in `SPECS`
//! (a `ParamSet`: read from and written to the address, packed for A/B).

use crate::models::params::{self, BadParam, Invalid, ParamSet};

/// The four tiers, top to bottom (钻石 / 黄金 / 黄铜 / 重铅).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tier {
    Diamond,
    Gold,
    Brass,
    Lead,
}

/// Every tier, top to bottom.
pub const TIERS: [Tier; 4] = [Tier::Diamond, Tier::Gold, Tier::Brass, Tier::Lead];

impl Tier {
    pub fn index(self) -> usize {
        self as usize
    }
    /// Its name in the address and in test ids (`diamond`).
    pub fn key(self) -> &'static str {
        match self {
            Tier::Diamond => "diamond",
            Tier::Gold => "gold",
            Tier::Brass => "brass",
            Tier::Lead => "lead",
        }
    }
}

/// One adjustable assumption. The order is the order of `SPECS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    NDiamond,
    NGold,
    NBrass,
    NLead,
    PDiamond,
    PGold,
    PBrass,
    LossLead,
    DiamondGold,
    DiamondBrass,
    DiamondLead,
    DiamondOut,
    GoldDiamond,
    GoldBrass,
    GoldLead,
    GoldOut,
    BrassDiamond,
    BrassGold,
    BrassLead,
    BrassOut,
    LeadDiamond,
    LeadGold,
    LeadBrass,
    LeadOut,
    NewBrass,
    NewLead,
    Years,
    Service,
    ServiceUp,
    ServiceKeep,
    ServiceCost,
    Lead,
    RepriceGain,
    RepriceUp,
    RepriceOut,
    DropShare,
    FixedLead,
    Wom,
}

/// How a parameter is named in the address, bounded and stepped.
pub type Spec = params::Spec<Param>;

/// Number of parameters.
pub const N: usize = 38;

/// Every parameter, in display order (the same order as [`Param`]).
#[rustfmt::skip]
pub const SPECS: [Spec; N] = [
    Spec::new(Param::NDiamond, "n_diamond", 0.0, 100_000.0, 10.0, 100.0, true, false),
    Spec::new(Param::NGold, "n_gold", 0.0, 100_000.0, 10.0, 400.0, true, false),
    Spec::new(Param::NBrass, "n_brass", 0.0, 100_000.0, 10.0, 1_500.0, true, false),
    Spec::new(Param::NLead, "n_lead", 0.0, 100_000.0, 10.0, 3_000.0, true, false),
    Spec::new(Param::PDiamond, "p_diamond", 0.0, 10_000.0, 10.0, 1_000.0, false, false),
    Spec::new(Param::PGold, "p_gold", 0.0, 10_000.0, 10.0, 400.0, false, false),
    Spec::new(Param::PBrass, "p_brass", 0.0, 5_000.0, 5.0, 60.0, false, false),
    Spec::new(Param::LossLead, "loss_lead", 0.0, 2_000.0, 5.0, 40.0, false, false),
    Spec::new(Param::DiamondGold, "m_diamond_gold", 0.0, 1.0, 0.01, 0.15, false, true),
    Spec::new(Param::DiamondBrass, "m_diamond_brass", 0.0, 1.0, 0.01, 0.03, false, true),
    Spec::new(Param::DiamondLead, "m_diamond_lead", 0.0, 1.0, 0.01, 0.0, false, true),
    Spec::new(Param::DiamondOut, "m_diamond_out", 0.0, 1.0, 0.01, 0.05, false, true),
    Spec::new(Param::GoldDiamond, "m_gold_diamond", 0.0, 1.0, 0.01, 0.04, false, true),
    Spec::new(Param::GoldBrass, "m_gold_brass", 0.0, 1.0, 0.01, 0.14, false, true),
    Spec::new(Param::GoldLead, "m_gold_lead", 0.0, 1.0, 0.01, 0.03, false, true),
    Spec::new(Param::GoldOut, "m_gold_out", 0.0, 1.0, 0.01, 0.08, false, true),
    Spec::new(Param::BrassDiamond, "m_brass_diamond", 0.0, 1.0, 0.01, 0.0, false, true),
    Spec::new(Param::BrassGold, "m_brass_gold", 0.0, 1.0, 0.01, 0.05, false, true),
    Spec::new(Param::BrassLead, "m_brass_lead", 0.0, 1.0, 0.01, 0.12, false, true),
    Spec::new(Param::BrassOut, "m_brass_out", 0.0, 1.0, 0.01, 0.12, false, true),
    Spec::new(Param::LeadDiamond, "m_lead_diamond", 0.0, 1.0, 0.01, 0.0, false, true),
    Spec::new(Param::LeadGold, "m_lead_gold", 0.0, 1.0, 0.01, 0.0, false, true),
    Spec::new(Param::LeadBrass, "m_lead_brass", 0.0, 1.0, 0.01, 0.04, false, true),
    Spec::new(Param::LeadOut, "m_lead_out", 0.0, 1.0, 0.01, 0.15, false, true),
    Spec::new(Param::NewBrass, "new_brass", 0.0, 100_000.0, 10.0, 150.0, true, false),
    Spec::new(Param::NewLead, "new_lead", 0.0, 100_000.0, 10.0, 500.0, true, false),
    Spec::new(Param::Years, "years", 1.0, 10.0, 1.0, 5.0, true, false),
    Spec::new(Param::Service, "service", 0.0, 1.0, 1.0, 0.0, true, false),
    Spec::new(Param::ServiceUp, "service_up", 0.0, 0.5, 0.01, 0.08, false, true),
    Spec::new(Param::ServiceKeep, "service_keep", 0.0, 1.0, 0.05, 0.5, false, true),
    Spec::new(Param::ServiceCost, "service_cost", 0.0, 1_000.0, 5.0, 40.0, false, false),
    Spec::new(Param::Lead, "lead", 0.0, 2.0, 1.0, 0.0, true, false),
    Spec::new(Param::RepriceGain, "reprice_gain", 0.0, 2_000.0, 5.0, 30.0, false, false),
    Spec::new(Param::RepriceUp, "reprice_up", 0.0, 0.5, 0.01, 0.06, false, true),
    Spec::new(Param::RepriceOut, "reprice_out", 0.0, 0.5, 0.01, 0.05, false, true),
    Spec::new(Param::DropShare, "drop_share", 0.0, 1.0, 0.05, 0.5, false, true),
    Spec::new(Param::FixedLead, "fixed_lead", 0.0, 2_000.0, 5.0, 30.0, false, false),
    Spec::new(Param::Wom, "wom", 0.0, 1.0, 0.01, 0.1, false, true),
];

impl Param {
    pub fn spec(self) -> &'static Spec {
        Params::spec_of(self)
    }
    /// The migration share from `from` to `to` (None: to leave); None for
    /// the diagonal (the rest stay).
    pub fn migration(from: Tier, to: Option<Tier>) -> Option<Param> {
        use Param::*;
        let row = match from {
            Tier::Diamond => [
                None,
                Some(DiamondGold),
                Some(DiamondBrass),
                Some(DiamondLead),
                Some(DiamondOut),
            ],
            Tier::Gold => [Some(GoldDiamond), None, Some(GoldBrass), Some(GoldLead), Some(GoldOut)],
            Tier::Brass => [
                Some(BrassDiamond),
                Some(BrassGold),
                None,
                Some(BrassLead),
                Some(BrassOut),
            ],
            Tier::Lead => [Some(LeadDiamond), Some(LeadGold), Some(LeadBrass), None, Some(LeadOut)],
        };
        row[to.map_or(4, Tier::index)]
    }
    /// A tier's starting head count.
    pub fn count(t: Tier) -> Param {
        [Param::NDiamond, Param::NGold, Param::NBrass, Param::NLead][t.index()]
    }
}

/// What to do with the lead tier (the `lead` parameter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeadPolicy {
    /// Serve them as now.
    Keep,
    /// Raise prices / trim benefits: less loss each, some move up, some leave.
    Reprice,
    /// Let a share go each year and turn the same share of newcomers away.
    Drop,
}

/// A full set of assumptions, one value per `SPECS` entry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    values: [f64; N],
}

impl Default for Params {
    fn default() -> Self {
        Params { values: [0.0; N] }.with_defaults()
    }
}

impl ParamSet for Params {
    type Param = Param;
    const SPECS: &'static [Spec] = &SPECS;
    fn get(&self, p: Param) -> f64 {
        self.values[p as usize]
    }
    fn set(&mut self, p: Param, v: f64) {
        self.values[p as usize] = v;
    }
}

/// Why a set of assumptions cannot be run.
#[derive(Clone, Debug, PartialEq)]
pub enum PyramidError {
    /// One value does not fit its parameter.
    Value { param: Param, value: f64, why: Invalid },
    /// A row of the migration matrix adds up to more than 100 %.
    RowOver { from: Tier, sum: f64 },
}

impl Params {
    /// The value of a parameter (shorthand for `ParamSet::get`).
    pub fn v(&self, p: Param) -> f64 {
        self.get(p)
    }
    pub fn with(mut self, p: Param, v: f64) -> Self {
        self.set(p, v);
        self
    }
    pub fn years(&self) -> usize {
        self.v(Param::Years).clamp(1.0, 10.0) as usize
    }
    pub fn service_on(&self) -> bool {
        self.v(Param::Service) >= 0.5
    }
    pub fn lead_policy(&self) -> LeadPolicy {
        match self.v(Param::Lead).round() as i64 {
            1 => LeadPolicy::Reprice,
            2 => LeadPolicy::Drop,
            _ => LeadPolicy::Keep,
        }
    }
    /// The same assumptions with both levers off (the "without levers" run).
    pub fn without_levers(self) -> Params {
        self.with(Param::Service, 0.0).with(Param::Lead, 0.0)
    }
    /// The shares leaving `from` for other tiers and out, as entered.
    pub fn row_sum(&self, from: Tier) -> f64 {
        std::iter::once(None)
            .chain(TIERS.iter().map(|t| Some(*t)))
            .filter_map(|to| Param::migration(from, to))
            .map(|p| self.v(p))
            .sum()
    }

    /// Every value in range, and every matrix row at most 100 %.
    pub fn validate(&self) -> Result<(), PyramidError> {
        if let Some((param, value, why)) = self.first_invalid() {
            return Err(PyramidError::Value { param, value, why });
        }
        for from in TIERS {
            let sum = self.row_sum(from);
            if sum > 1.0 + 1e-9 {
                return Err(PyramidError::RowOver { from, sum });
            }
        }
        Ok(())
    }

    /// Reads the assumptions from an address query: a value that does not
    /// fit keeps its default and is reported. A row over 100 % is left as
    /// given: the run refuses it with [`PyramidError::RowOver`].
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
    /// All values comma-separated (`compare=` of an A/B comparison).
    pub fn to_compact(&self) -> String {
        self.compact()
    }
    /// Reads [`to_compact`](Self::to_compact) back: None unless every value
    /// is present and the set is valid.
    pub fn from_compact(text: &str) -> Option<Params> {
        Params::default().read_compact(text).filter(|p| p.validate().is_ok())
    }
}
