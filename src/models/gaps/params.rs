//! The parameters of the five-gaps chain (lecture 9, 图6-1): the customer's
//! expected service and the four firm-side gaps, each named, bounded and
//! documented in `SPECS`, read from and written to the address
//! (`ParamSet`). The chain floors every stage at 0, so any values inside
//! the bounds give a finite chain.

use crate::models::params::{self, BadParam, ParamSet};

/// One adjustable assumption (all scores out of 10).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    /// The service the customer expects.
    Expected,
    /// Gap 1: how far managers' idea of the expectation falls short of it.
    Knowing,
    /// Gap 2: how far the service standards fall short of managers' idea.
    Standards,
    /// Gap 3: how far the delivered service falls short of the standards.
    Delivery,
    /// Gap 4: how far the promises made exceed what is delivered.
    Promises,
}

/// How a parameter is named in the address, bounded and stepped.
pub type Spec = params::Spec<Param>;

/// Every parameter, in display order. Defaults: a customer who expects 8
/// out of 10 and a firm with every gap a little open (1, 0.5, 1 and 0.5
/// points): 3 points short in all, a dissatisfied customer.
#[rustfmt::skip]
pub const SPECS: [Spec; 5] = [
    Spec::new(Param::Expected, "expected", 0.0, 10.0, 0.5, 8.0, false, false),
    Spec::new(Param::Knowing, "gap1", 0.0, 5.0, 0.1, 1.0, false, false),
    Spec::new(Param::Standards, "gap2", 0.0, 5.0, 0.1, 0.5, false, false),
    Spec::new(Param::Delivery, "gap3", 0.0, 5.0, 0.1, 1.0, false, false),
    Spec::new(Param::Promises, "gap4", 0.0, 5.0, 0.1, 0.5, false, false),
];

impl Param {
    pub fn spec(self) -> &'static Spec {
        Params::spec_of(self)
    }
}

/// A full set of assumptions. `gaps[i]` is gap `i + 1`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    pub expected: f64,
    pub gaps: [f64; 4],
}

impl Default for Params {
    fn default() -> Self {
        Params {
            expected: 0.0,
            gaps: [0.0; 4],
        }
        .with_defaults()
    }
}

impl ParamSet for Params {
    type Param = Param;
    const SPECS: &'static [Spec] = &SPECS;

    fn get(&self, p: Param) -> f64 {
        match p {
            Param::Expected => self.expected,
            Param::Knowing => self.gaps[0],
            Param::Standards => self.gaps[1],
            Param::Delivery => self.gaps[2],
            Param::Promises => self.gaps[3],
        }
    }

    fn set(&mut self, p: Param, v: f64) {
        *match p {
            Param::Expected => &mut self.expected,
            Param::Knowing => &mut self.gaps[0],
            Param::Standards => &mut self.gaps[1],
            Param::Delivery => &mut self.gaps[2],
            Param::Promises => &mut self.gaps[3],
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

    /// Whether every value is in its bounds.
    pub fn is_valid(&self) -> bool {
        self.first_invalid().is_none()
    }
}
