//! The line's assumptions (severity, when the failure happens, how long the
//! remedy takes, which steps it takes): bounds, the address round trip and a
//! typed `ParamError`.

use super::steps::Steps;
use crate::models::params::BadParam;
use std::fmt;

/// One adjustable assumption of the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Severity,
    FailureAt,
    Delay,
    Steps,
}

impl Param {
    /// Every parameter [`Params::from_query`] reads, once.
    pub const ALL: [Param; 4] = [Param::Severity, Param::FailureAt, Param::Delay, Param::Steps];

    pub fn key(self) -> &'static str {
        match self {
            Param::Severity => "severity",
            Param::FailureAt => "failure_at",
            Param::Delay => "delay",
            Param::Steps => "steps",
        }
    }
}

/// Bounds of the numeric parameters.
/// The failure tick the role-play assumes.
pub const DEFAULT_FAILURE_AT: u32 = 4;

pub const SEVERITY_MIN: f64 = 0.05;
pub const SEVERITY_MAX: f64 = 1.0;
pub const FAILURE_AT_MIN: u32 = 1;
pub const FAILURE_AT_MAX: u32 = 8;
pub const DELAY_MAX: u32 = 8;

/// Why a parameter set cannot be drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamError {
    NotFinite(Param),
    OutOfRange { param: Param, value: f64 },
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamError::NotFinite(p) => write!(f, "{} is not a finite number", p.key()),
            ParamError::OutOfRange { param, value } => write!(
                f,
                "{} = {} is out of range",
                param.key(),
                crate::support::format::shortest(*value)
            ),
        }
    }
}

impl std::error::Error for ParamError {}

/// Checks a severity (0.05–1).
pub fn check_severity(severity: f64) -> Result<(), ParamError> {
    if !severity.is_finite() {
        Err(ParamError::NotFinite(Param::Severity))
    } else if !(SEVERITY_MIN..=SEVERITY_MAX).contains(&severity) {
        Err(ParamError::OutOfRange {
            param: Param::Severity,
            value: severity,
        })
    } else {
        Ok(())
    }
}

/// The line's assumptions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// Share of the mood the failure takes away (0.05–1).
    pub severity: f64,
    /// Tick of the failure (1–8).
    pub failure_at: u32,
    /// Ticks before anyone responds (0–8).
    pub delay: u32,
    /// The remedy steps taken (always in the course's order).
    pub steps: Steps,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            severity: 0.6,
            failure_at: DEFAULT_FAILURE_AT,
            delay: 2,
            steps: Steps::ALL,
        }
    }
}

impl Params {
    pub fn validate(&self) -> Result<(), ParamError> {
        check_severity(self.severity)?;
        if !(FAILURE_AT_MIN..=FAILURE_AT_MAX).contains(&self.failure_at) {
            return Err(ParamError::OutOfRange {
                param: Param::FailureAt,
                value: f64::from(self.failure_at),
            });
        }
        if self.delay > DELAY_MAX {
            return Err(ParamError::OutOfRange {
                param: Param::Delay,
                value: f64::from(self.delay),
            });
        }
        Ok(())
    }

    /// The tick of the first remedy step.
    pub fn response_at(&self) -> usize {
        (self.failure_at + self.delay + 1) as usize
    }

    /// Reads parameters from an address query; anything missing takes its
    /// default, anything invalid takes its default and is reported.
    pub fn from_query(pairs: &[(String, String)]) -> (Params, Vec<BadParam>) {
        let mut p = Params::default();
        let mut bad = Vec::new();
        for (name, value) in pairs {
            let v = value.trim();
            let ok = match name.as_str() {
                "severity" => v
                    .parse::<f64>()
                    .ok()
                    .filter(|&x| check_severity(x).is_ok())
                    .map(|x| p.severity = x)
                    .is_some(),
                "failure_at" => v
                    .parse::<u32>()
                    .ok()
                    .filter(|x| (FAILURE_AT_MIN..=FAILURE_AT_MAX).contains(x))
                    .map(|x| p.failure_at = x)
                    .is_some(),
                "delay" => v
                    .parse::<u32>()
                    .ok()
                    .filter(|&x| x <= DELAY_MAX)
                    .map(|x| p.delay = x)
                    .is_some(),
                "steps" => Steps::parse(v).map(|s| p.steps = s).is_some(),
                _ => true,
            };
            if !ok {
                bad.push(BadParam {
                    name: name.clone(),
                    value: value.clone(),
                });
            }
        }
        (p, bad)
    }

    /// The parameters as an address query (all of them).
    pub fn to_query(&self) -> String {
        format!(
            "severity={}&failure_at={}&delay={}&steps={}",
            crate::support::format::trim(self.severity, 4).replace(',', ""),
            self.failure_at,
            self.delay,
            self.steps.keys()
        )
    }
}
