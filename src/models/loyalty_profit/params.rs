//! The assumptions of loyalty over time (lecture 2, 图1-2 to 图1-5): one
//! customer's profit components, retention, discounting and the horizon,
//! and the two firms of 图1-4/图1-5. Each is named, bounded and documented in
//! `SPECS`, read from and written to the address (`ParamSet`), and checked
//! into a typed `ParamError`, with the one rule that ties two together (the
//! low-loyalty firm keeps no more customers than the loyal one).

use crate::models::params::BadParam;
use crate::models::params::{self, Invalid, ParamSet};

/// One adjustable assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Acquisition,
    Base,
    Spend,
    Cost,
    Referral,
    Premium,
    Retention,
    Discount,
    Years,
    LowRetention,
    Customers,
    CacMultiple,
}

/// How a parameter is named in the address, bounded and stepped.
pub type Spec = params::Spec<Param>;

/// Every parameter, in display order. Money is in the trainer's own unit
/// (no currency). Defaults (see the module doc for why): acquisition 60,
/// base profit 20 a year, and per year of loyalty +4 from more spending, +3
/// from cheaper service, +2 from referrals, +1 from the price premium;
/// retention 80 %, discount rate 10 %, 10 years; the low-loyalty firm keeps
/// 60 %, both serve 1,000 customers, and winning a customer costs 5× keeping
/// one. Retention stops at 95 % so that five points more still fits.
pub const SPECS: [Spec; 12] = [
    Spec::new(
        Param::Acquisition,
        "acquisition",
        0.0,
        10_000.0,
        1.0,
        60.0,
        false,
        false,
    ),
    Spec::new(Param::Base, "base", 0.0, 10_000.0, 1.0, 20.0, false, false),
    Spec::new(Param::Spend, "spend", 0.0, 1_000.0, 0.5, 4.0, false, false),
    Spec::new(Param::Cost, "cost", 0.0, 1_000.0, 0.5, 3.0, false, false),
    Spec::new(Param::Referral, "referral", 0.0, 1_000.0, 0.5, 2.0, false, false),
    Spec::new(Param::Premium, "premium", 0.0, 1_000.0, 0.5, 1.0, false, false),
    Spec::new(Param::Retention, "retention", 0.0, 0.95, 0.01, 0.8, false, true),
    Spec::new(Param::Discount, "discount", 0.0, 0.5, 0.01, 0.1, false, true),
    Spec::new(Param::Years, "years", 2.0, 30.0, 1.0, 10.0, true, false),
    Spec::new(Param::LowRetention, "low_retention", 0.0, 0.95, 0.01, 0.6, false, true),
    Spec::new(
        Param::Customers,
        "customers",
        1.0,
        1_000_000.0,
        1.0,
        1_000.0,
        true,
        false,
    ),
    Spec::new(Param::CacMultiple, "cac_multiple", 1.0, 20.0, 0.5, 5.0, false, false),
];

impl Param {
    pub fn spec(self) -> &'static Spec {
        Params::spec_of(self)
    }
}

/// A full set of assumptions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// Cost of winning the customer, paid in year 0.
    pub acquisition: f64,
    /// Profit every year the customer buys (year 1 on).
    pub base: f64,
    /// Extra profit per year of loyalty from buying more.
    pub spend: f64,
    /// Extra profit per year of loyalty from costing less to serve.
    pub cost: f64,
    /// Extra profit per year of loyalty from the customers they bring.
    pub referral: f64,
    /// Extra profit per year of loyalty from paying full price.
    pub premium: f64,
    /// Yearly retention (0–0.95) of the customer, and of the loyal firm.
    pub retention: f64,
    /// Yearly discount rate (0–0.5).
    pub discount: f64,
    /// Years of profit counted (2–30).
    pub years: f64,
    /// Yearly retention of the low-loyalty firm (at most `retention`).
    pub low_retention: f64,
    /// Customers each firm serves every year (the same sales).
    pub customers: f64,
    /// Winning a customer costs this many times keeping one for a year.
    pub cac_multiple: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            acquisition: 0.0,
            base: 0.0,
            spend: 0.0,
            cost: 0.0,
            referral: 0.0,
            premium: 0.0,
            retention: 0.0,
            discount: 0.0,
            years: 0.0,
            low_retention: 0.0,
            customers: 0.0,
            cac_multiple: 0.0,
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
    /// The low-loyalty firm would keep more customers than the loyal one.
    RetentionOrder {
        low: f64,
        high: f64,
    },
}

impl ParamSet for Params {
    type Param = Param;
    const SPECS: &'static [Spec] = &SPECS;

    fn get(&self, p: Param) -> f64 {
        match p {
            Param::Acquisition => self.acquisition,
            Param::Base => self.base,
            Param::Spend => self.spend,
            Param::Cost => self.cost,
            Param::Referral => self.referral,
            Param::Premium => self.premium,
            Param::Retention => self.retention,
            Param::Discount => self.discount,
            Param::Years => self.years,
            Param::LowRetention => self.low_retention,
            Param::Customers => self.customers,
            Param::CacMultiple => self.cac_multiple,
        }
    }

    fn set(&mut self, p: Param, v: f64) {
        let slot = match p {
            Param::Acquisition => &mut self.acquisition,
            Param::Base => &mut self.base,
            Param::Spend => &mut self.spend,
            Param::Cost => &mut self.cost,
            Param::Referral => &mut self.referral,
            Param::Premium => &mut self.premium,
            Param::Retention => &mut self.retention,
            Param::Discount => &mut self.discount,
            Param::Years => &mut self.years,
            Param::LowRetention => &mut self.low_retention,
            Param::Customers => &mut self.customers,
            Param::CacMultiple => &mut self.cac_multiple,
        };
        *slot = v;
    }
}

impl Params {
    /// Every value in range, and the low-loyalty firm's retention not above
    /// the loyal firm's.
    pub fn validate(&self) -> Result<(), ParamError> {
        if let Some((param, v, e)) = self.first_invalid() {
            return Err(ParamError::new(param, v, e));
        }
        if self.low_retention > self.retention {
            return Err(ParamError::RetentionOrder {
                low: self.low_retention,
                high: self.retention,
            });
        }
        Ok(())
    }

    /// Reads parameters from an address query; anything missing takes its
    /// default, anything invalid takes its default and is reported. If the
    /// two retentions break their order, both go back to their defaults and
    /// the ones the address gave are reported (see [`order_broken`]).
    pub fn from_query(pairs: &[(String, String)]) -> (Params, Vec<BadParam>) {
        let mut p = Params::default();
        let mut bad = Vec::new();
        p.read_query(pairs, &mut bad);
        if p.low_retention > p.retention {
            for key in ["retention", "low_retention"] {
                if let Some((name, value)) = pairs.iter().rev().find(|(n, _)| n == key) {
                    bad.push(BadParam {
                        name: name.clone(),
                        value: value.clone(),
                    });
                }
            }
            let d = Params::default();
            p.retention = d.retention;
            p.low_retention = d.low_retention;
        }
        crate::support::sort::by_key(&mut bad, |b| pairs.iter().position(|(n, _)| *n == b.name));
        (p, bad)
    }

    /// The cross-parameter error the address holds, if any: the valid
    /// values it gives, read on the defaults, with the retentions out of
    /// order (the screen explains it beside the notice).
    pub fn order_broken(pairs: &[(String, String)]) -> Option<ParamError> {
        let mut p = Params::default();
        p.read_query(pairs, &mut Vec::new());
        match p.validate() {
            Err(e @ ParamError::RetentionOrder { .. }) => Some(e),
            _ => None,
        }
    }

    /// The parameters as an address query (every one, so a link reproduces
    /// the screen exactly).
    pub fn to_query(&self) -> String {
        self.write_query()
    }

    /// The twelve values comma-separated in [`SPECS`] order (`compare=`).
    pub fn to_compact(&self) -> String {
        self.compact()
    }

    /// Reads [`to_compact`](Self::to_compact) back; None unless all twelve
    /// values are present, valid and in order.
    pub fn from_compact(text: &str) -> Option<Params> {
        Params::default().read_compact(text).filter(|p| p.validate().is_ok())
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
