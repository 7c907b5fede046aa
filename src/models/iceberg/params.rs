//! The assumptions of the complaint iceberg (lecture 7, 图4-2) and of
//! Heinrich's 1 : 29 : 300: each one named, bounded and documented in
//! `SPECS`, read from and written to the address (`ParamSet`), and the three
//! rules that tie several of them together (the shares of the iceberg add up
//! to 100 %, the handling shares to at most 100 %, the return rates do not
//! fall as handling gets better), checked into a typed [`ParamError`].

use crate::models::params::{self, BadParam, Invalid, ParamSet};

/// One adjustable assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    /// Customers who had a problem in the period.
    Problems,
    /// Share who complain formally (the tip above the waterline).
    Formal,
    /// Share who grumble to front-line staff.
    Grumble,
    /// Share who say nothing (and are the likeliest to leave).
    Silent,
    /// Of the formal complaints, the share solved quickly.
    Quick,
    /// Of the formal complaints, the share solved, but not quickly.
    Resolved,
    /// Of the grumbles, the share staff pass on and that get solved.
    GrumbleFixed,
    /// Return rate after a complaint solved quickly.
    BackQuick,
    /// Return rate after a complaint solved.
    BackResolved,
    /// Return rate after a complaint not solved.
    BackUnresolved,
    /// Return rate of those who never complained.
    BackSilent,
    /// People an unhappy customer tells.
    TellUnhappy,
    /// People a happy customer tells.
    TellHappy,
    /// What one customer spends a week (the smith chain's `weekly`).
    Weekly,
    /// Years one customer would have stayed (the smith chain's `years`).
    Years,
    /// Serious incidents counted (Heinrich's 1).
    Serious,
}

/// How a parameter is named in the address, bounded and stepped.
pub type Spec = params::Spec<Param>;

/// Every parameter, in display order. Return rates: TARP's figures for a
/// smaller problem (the same table as the emotion line's `REPURCHASE`).
/// `weekly` and `years` have the smith chain's bounds and defaults.
pub const SPECS: [Spec; 16] = [
    Spec::new(Param::Problems, "problems", 0.0, 1_000_000.0, 1.0, 1_000.0, true, false),
    Spec::new(Param::Formal, "formal", 0.0, 1.0, 0.01, 0.08, false, true),
    Spec::new(Param::Grumble, "grumble", 0.0, 1.0, 0.01, 0.23, false, true),
    Spec::new(Param::Silent, "silent", 0.0, 1.0, 0.01, 0.69, false, true),
    Spec::new(Param::Quick, "quick", 0.0, 1.0, 0.01, 0.2, false, true),
    Spec::new(Param::Resolved, "resolved", 0.0, 1.0, 0.01, 0.5, false, true),
    Spec::new(Param::GrumbleFixed, "grumble_fixed", 0.0, 1.0, 0.01, 0.2, false, true),
    Spec::new(Param::BackQuick, "back_quick", 0.0, 1.0, 0.01, 0.95, false, true),
    Spec::new(Param::BackResolved, "back_resolved", 0.0, 1.0, 0.01, 0.7, false, true),
    Spec::new(
        Param::BackUnresolved,
        "back_unresolved",
        0.0,
        1.0,
        0.01,
        0.46,
        false,
        true,
    ),
    Spec::new(Param::BackSilent, "back_silent", 0.0, 1.0, 0.01, 0.37, false, true),
    Spec::new(Param::TellUnhappy, "tell_unhappy", 0.0, 100.0, 1.0, 11.0, false, false),
    Spec::new(Param::TellHappy, "tell_happy", 0.0, 100.0, 1.0, 3.0, false, false),
    Spec::new(Param::Weekly, "weekly", 1.0, 10_000.0, 1.0, 50.0, false, false),
    Spec::new(Param::Years, "years", 1.0, 50.0, 1.0, 10.0, true, false),
    Spec::new(Param::Serious, "serious", 0.0, 10_000.0, 1.0, 1.0, true, false),
];

/// Shares that add up to 100 % within this (floating-point sums of
/// percentages such as 8 + 23 + 69 are not exact).
pub const SUM_TOLERANCE: f64 = 1e-6;

impl Param {
    pub fn spec(self) -> &'static Spec {
        Params::spec_of(self)
    }
}

/// A full set of assumptions (shares and rates as fractions 0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    pub problems: f64,
    pub formal: f64,
    pub grumble: f64,
    pub silent: f64,
    pub quick: f64,
    pub resolved: f64,
    pub grumble_fixed: f64,
    pub back_quick: f64,
    pub back_resolved: f64,
    pub back_unresolved: f64,
    pub back_silent: f64,
    pub tell_unhappy: f64,
    pub tell_happy: f64,
    pub weekly: f64,
    pub years: f64,
    pub serious: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            problems: 0.0,
            formal: 0.0,
            grumble: 0.0,
            silent: 0.0,
            quick: 0.0,
            resolved: 0.0,
            grumble_fixed: 0.0,
            back_quick: 0.0,
            back_resolved: 0.0,
            back_unresolved: 0.0,
            back_silent: 0.0,
            tell_unhappy: 0.0,
            tell_happy: 0.0,
            weekly: 0.0,
            years: 0.0,
            serious: 0.0,
        }
        .with_defaults()
    }
}

/// A rule that ties several parameters together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// formal + grumble + silent = 100 %.
    SharesSum,
    /// quick + resolved ≤ 100 % (the rest of the complaints stay unsolved).
    HandlingSum,
    /// back_quick ≥ back_resolved ≥ back_unresolved.
    RatesOrder,
}

impl Rule {
    pub const ALL: [Rule; 3] = [Rule::SharesSum, Rule::HandlingSum, Rule::RatesOrder];

    /// The parameters the rule ties together.
    pub fn params(self) -> &'static [Param] {
        match self {
            Rule::SharesSum => &[Param::Formal, Param::Grumble, Param::Silent],
            Rule::HandlingSum => &[Param::Quick, Param::Resolved],
            Rule::RatesOrder => &[Param::BackQuick, Param::BackResolved, Param::BackUnresolved],
        }
    }

    /// Whether `p` keeps the rule.
    pub fn holds(self, p: &Params) -> bool {
        match self {
            Rule::SharesSum => (p.formal + p.grumble + p.silent - 1.0).abs() <= SUM_TOLERANCE,
            Rule::HandlingSum => p.quick + p.resolved <= 1.0 + SUM_TOLERANCE,
            Rule::RatesOrder => p.back_quick >= p.back_resolved && p.back_resolved >= p.back_unresolved,
        }
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
    /// The three shares of the iceberg do not add up to 100 % (`sum` 0–3).
    SharesSum {
        sum: f64,
    },
    /// Solved quickly + solved is over 100 % (`sum` 0–2).
    HandlingSum {
        sum: f64,
    },
    /// A better handled complaint would bring fewer customers back.
    RatesOrder,
}

impl ParamError {
    fn new(param: Param, value: f64, e: Invalid) -> Self {
        match e {
            Invalid::NotFinite => ParamError::NotFinite(param),
            Invalid::OutOfRange => ParamError::OutOfRange { param, value },
            Invalid::NotWhole => ParamError::NotWhole { param, value },
        }
    }

    fn of_rule(rule: Rule, p: &Params) -> Self {
        match rule {
            Rule::SharesSum => ParamError::SharesSum {
                sum: p.formal + p.grumble + p.silent,
            },
            Rule::HandlingSum => ParamError::HandlingSum {
                sum: p.quick + p.resolved,
            },
            Rule::RatesOrder => ParamError::RatesOrder,
        }
    }
}

impl ParamSet for Params {
    type Param = Param;
    const SPECS: &'static [Spec] = &SPECS;

    fn get(&self, p: Param) -> f64 {
        match p {
            Param::Problems => self.problems,
            Param::Formal => self.formal,
            Param::Grumble => self.grumble,
            Param::Silent => self.silent,
            Param::Quick => self.quick,
            Param::Resolved => self.resolved,
            Param::GrumbleFixed => self.grumble_fixed,
            Param::BackQuick => self.back_quick,
            Param::BackResolved => self.back_resolved,
            Param::BackUnresolved => self.back_unresolved,
            Param::BackSilent => self.back_silent,
            Param::TellUnhappy => self.tell_unhappy,
            Param::TellHappy => self.tell_happy,
            Param::Weekly => self.weekly,
            Param::Years => self.years,
            Param::Serious => self.serious,
        }
    }

    fn set(&mut self, p: Param, v: f64) {
        let slot = match p {
            Param::Problems => &mut self.problems,
            Param::Formal => &mut self.formal,
            Param::Grumble => &mut self.grumble,
            Param::Silent => &mut self.silent,
            Param::Quick => &mut self.quick,
            Param::Resolved => &mut self.resolved,
            Param::GrumbleFixed => &mut self.grumble_fixed,
            Param::BackQuick => &mut self.back_quick,
            Param::BackResolved => &mut self.back_resolved,
            Param::BackUnresolved => &mut self.back_unresolved,
            Param::BackSilent => &mut self.back_silent,
            Param::TellUnhappy => &mut self.tell_unhappy,
            Param::TellHappy => &mut self.tell_happy,
            Param::Weekly => &mut self.weekly,
            Param::Years => &mut self.years,
            Param::Serious => &mut self.serious,
        };
        *slot = v;
    }
}

impl Params {
    /// Every bound, then every rule.
    pub fn validate(&self) -> Result<(), ParamError> {
        if let Some((param, v, e)) = self.first_invalid() {
            return Err(ParamError::new(param, v, e));
        }
        match self.broken_rules().first() {
            Some(&rule) => Err(ParamError::of_rule(rule, self)),
            None => Ok(()),
        }
    }

    /// The rules this set breaks, in [`Rule::ALL`] order.
    pub fn broken_rules(&self) -> Vec<Rule> {
        Rule::ALL.into_iter().filter(|r| !r.holds(self)).collect()
    }

    /// The address's values as given, each in its bounds (else its
    /// default), rules not yet checked: what the screen explains a broken
    /// rule with.
    pub fn from_query_unchecked(pairs: &[(String, String)]) -> (Params, Vec<BadParam>) {
        let mut p = Params::default();
        let mut bad = Vec::new();
        p.read_query(pairs, &mut bad);
        (p, bad)
    }

    /// Reads parameters from an address query; anything missing takes its
    /// default, anything invalid takes its default and is reported. A rule
    /// the values break sends all of its parameters back to their defaults
    /// and reports the ones the address gave.
    pub fn from_query(pairs: &[(String, String)]) -> (Params, Vec<BadParam>) {
        let (mut p, mut bad) = Params::from_query_unchecked(pairs);
        let d = Params::default();
        for rule in p.broken_rules() {
            for &param in rule.params() {
                let key = param.spec().key;
                if let Some((_, v)) = pairs.iter().rev().find(|(n, _)| n == key) {
                    if !bad.iter().any(|b| b.name == key) {
                        bad.push(BadParam {
                            name: key.to_owned(),
                            value: v.clone(),
                        });
                    }
                }
                p.set(param, d.get(param));
            }
        }
        crate::support::sort::by_key(&mut bad, |b| pairs.iter().position(|(n, _)| *n == b.name));
        (p, bad)
    }

    /// Every parameter as an address query.
    pub fn to_query(&self) -> String {
        self.write_query()
    }

    /// All sixteen values as one comma-separated value (`compare=…`).
    pub fn to_compact(&self) -> String {
        self.compact()
    }

    /// Reads [`to_compact`](Self::to_compact) back; None unless every value
    /// is present, in its bounds and the rules hold.
    pub fn from_compact(text: &str) -> Option<Params> {
        Params::default().read_compact(text).filter(|p| p.validate().is_ok())
    }

    /// Sets one parameter from a slider and keeps the rules: a share of the
    /// iceberg moves the next one (silent takes up formal's and grumble's
    /// changes, grumble takes up silent's); the two handling shares give way
    /// to each other; a return rate pushes its neighbours so the order holds.
    pub fn with(&self, param: Param, v: f64) -> Params {
        let mut p = *self;
        p.set(param, v);
        let round = |x: f64| ((x * 1e6).round() / 1e6).clamp(0.0, 1.0);
        match param {
            Param::Formal | Param::Grumble => {
                let rest = 1.0 - p.formal - p.grumble;
                p.silent = round(rest);
                if rest < 0.0 {
                    let other = if param == Param::Formal {
                        &mut p.grumble
                    } else {
                        &mut p.formal
                    };
                    *other = round(*other + rest);
                }
            }
            Param::Silent => {
                let rest = 1.0 - p.formal - p.silent;
                p.grumble = round(rest);
                if rest < 0.0 {
                    p.formal = round(p.formal + rest);
                }
            }
            Param::Quick if p.quick + p.resolved > 1.0 => p.resolved = round(1.0 - p.quick),
            Param::Resolved if p.quick + p.resolved > 1.0 => p.quick = round(1.0 - p.resolved),
            Param::BackQuick => {
                p.back_resolved = p.back_resolved.min(p.back_quick);
                p.back_unresolved = p.back_unresolved.min(p.back_resolved);
            }
            Param::BackResolved => {
                p.back_quick = p.back_quick.max(p.back_resolved);
                p.back_unresolved = p.back_unresolved.min(p.back_resolved);
            }
            Param::BackUnresolved => {
                p.back_resolved = p.back_resolved.max(p.back_unresolved);
                p.back_quick = p.back_quick.max(p.back_resolved);
            }
            _ => {}
        }
        p
    }
}
