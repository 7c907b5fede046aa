//! Named, bounded model parameters, shared by the simulations (`smith`,
//! `mirror`). Each parameter has a [`Spec`]: its name in the address, range,
//! step, default, and whether it is a whole number or a percentage. A
//! [`ParamSet`] reads itself from an address query (bad values keep their
//! default and are reported), writes itself back exactly, and packs into one
//! comma-separated value for A/B comparisons. Pure module.

/// An address parameter that could not be used (unknown value, out of
/// range, unreadable), kept so the screen can say so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadParam {
    pub name: String,
    pub value: String,
}

/// How one parameter is named in the address, bounded and stepped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec<P> {
    pub param: P,
    /// Its name in the address (`#/smith?weekly=50`).
    pub key: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub default: f64,
    /// Whole numbers only (people, weeks, months).
    pub integer: bool,
    /// Shown as a percentage (stored as a fraction 0–1).
    pub percent: bool,
}

/// Why a value does not fit its parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    NotFinite,
    OutOfRange,
    NotWhole,
}

impl<P> Spec<P> {
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        param: P,
        key: &'static str,
        min: f64,
        max: f64,
        step: f64,
        default: f64,
        integer: bool,
        percent: bool,
    ) -> Self {
        Spec {
            param,
            key,
            min,
            max,
            step,
            default,
            integer,
            percent,
        }
    }

    /// Display units per stored unit: 100 for a percentage (shown 0–100,
    /// stored 0–1), else 1. Sliders show `value × scale` and give back
    /// `display / scale`.
    pub fn scale(&self) -> f64 {
        if self.percent {
            100.0
        } else {
            1.0
        }
    }

    pub fn check(&self, v: f64) -> Result<(), Invalid> {
        if !v.is_finite() {
            Err(Invalid::NotFinite)
        } else if v < self.min || v > self.max {
            Err(Invalid::OutOfRange)
        } else if self.integer && v.fract() != 0.0 {
            Err(Invalid::NotWhole)
        } else {
            Ok(())
        }
    }
}

/// A model's full set of numeric parameters.
pub trait ParamSet: Copy + Default {
    type Param: Copy + PartialEq + 'static;
    /// Every parameter exactly once, in display order.
    const SPECS: &'static [Spec<Self::Param>];

    fn get(&self, p: Self::Param) -> f64;
    fn set(&mut self, p: Self::Param, v: f64);

    /// This set with every parameter at its default (a `Default` impl
    /// starts from any value of the type and calls this).
    fn with_defaults(mut self) -> Self
    where
        Self: Sized,
    {
        for s in Self::SPECS {
            self.set(s.param, s.default);
        }
        self
    }

    fn spec_of(p: Self::Param) -> &'static Spec<Self::Param> {
        // SPECS lists every parameter (each model's tests check it).
        Self::SPECS.iter().find(|s| s.param == p).unwrap_or(&Self::SPECS[0])
    }

    /// The first parameter whose value does not fit, if any.
    fn first_invalid(&self) -> Option<(Self::Param, f64, Invalid)> {
        Self::SPECS.iter().find_map(|s| {
            s.check(self.get(s.param))
                .err()
                .map(|e| (s.param, self.get(s.param), e))
        })
    }

    /// Takes every valid value the query names; reports the invalid ones
    /// (which keep their current value). Other names are left to others.
    fn read_query(&mut self, pairs: &[(String, String)], bad: &mut Vec<BadParam>) {
        for (name, value) in pairs {
            if let Some(s) = Self::SPECS.iter().find(|s| s.key == name) {
                match value.trim().parse::<f64>() {
                    Ok(v) if s.check(v).is_ok() => self.set(s.param, v),
                    _ => bad.push(BadParam {
                        name: name.clone(),
                        value: value.clone(),
                    }),
                }
            }
        }
    }

    /// Every parameter as `key=value&…`, exactly as it reads back.
    fn write_query(&self) -> String {
        Self::SPECS
            .iter()
            .map(|s| format!("{}={}", s.key, number(self.get(s.param))))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Every parameter, comma-separated in SPECS order (`compare=…`).
    fn compact(&self) -> String {
        Self::SPECS
            .iter()
            .map(|s| number(self.get(s.param)))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Reads [`compact`](Self::compact) onto a copy of `self`: None unless
    /// every value is present and fits.
    fn read_compact(&self, text: &str) -> Option<Self> {
        let values: Vec<&str> = text.split(',').collect();
        if values.len() != Self::SPECS.len() {
            return None;
        }
        let mut out = *self;
        for (s, v) in Self::SPECS.iter().zip(values) {
            let v = v.trim().parse::<f64>().ok()?;
            s.check(v).ok()?;
            out.set(s.param, v);
        }
        Some(out)
    }
}

/// The shortest decimal that parses back to exactly `v`, never with an
/// exponent or a negative zero ([`crate::support::format::shortest`]).
pub fn number(v: f64) -> String {
    crate::support::format::shortest(v)
}
