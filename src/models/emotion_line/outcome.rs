//! How a complaint ended and what it means for the business: TARP's
//! repurchase rates by resolution and severity (lecture 7, seed 003) and the
//! word of mouth of a happy versus an unhappy customer.

use super::session::{Session, PEAK_MINUTES};

/// How the complaint ended, in TARP's categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// The customer never complained (only on the figure, for comparison).
    NoComplaint,
    /// Complained; not solved, walked away, or still too upset to accept it.
    Unresolved,
    /// Solved after the peak, customer on the platform.
    Resolved,
    /// Solved within [`PEAK_MINUTES`], customer on the platform.
    ResolvedQuickly,
}

impl Resolution {
    pub const ALL: [Resolution; 4] = [
        Resolution::NoComplaint,
        Resolution::Unresolved,
        Resolution::Resolved,
        Resolution::ResolvedQuickly,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Resolution::NoComplaint => "no-complaint",
            Resolution::Unresolved => "unresolved",
            Resolution::Resolved => "resolved",
            Resolution::ResolvedQuickly => "resolved-quickly",
        }
    }
}

/// TARP's share of customers who would buy again: (resolution, after a
/// minor problem (a possible loss under $5), after a major one (over $100)).
pub const REPURCHASE: [(Resolution, f64, f64); 4] = [
    (Resolution::NoComplaint, 0.37, 0.09),
    (Resolution::Unresolved, 0.46, 0.19),
    (Resolution::Resolved, 0.70, 0.54),
    (Resolution::ResolvedQuickly, 0.95, 0.82),
];

/// Repurchase likelihood for a resolution, interpolated between the minor
/// (severity 0) and the major (severity 1) row.
pub fn repurchase(r: Resolution, severity: f64) -> f64 {
    let s = if severity.is_finite() {
        severity.clamp(0.0, 1.0)
    } else {
        1.0
    };
    let (_, minor, major) = REPURCHASE
        .iter()
        .copied()
        .find(|row| row.0 == r)
        .unwrap_or(REPURCHASE[1]);
    minor * (1.0 - s) + major * s
}

/// A happy customer ends at least this high (and resolved).
pub const HAPPY_LEVEL: f64 = 60.0;
/// People a happy customer tells (seed 003).
pub const TELLS_HAPPY: u32 = 3;
/// People an unhappy customer tells (seed 003).
pub const TELLS_UNHAPPY: u32 = 11;

/// How a role-play ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub emotion: f64,
    pub resolution: Resolution,
    /// Likelihood the customer buys again (0–1).
    pub repurchase: f64,
    pub happy: bool,
    /// People the customer tells about it.
    pub word_of_mouth: u32,
}

pub fn outcome(s: &Session) -> Outcome {
    let resolution = match s.solved_at() {
        Some(_) if s.lost() || !s.can_agree() => Resolution::Unresolved,
        Some(at) if at <= PEAK_MINUTES => Resolution::ResolvedQuickly,
        Some(_) => Resolution::Resolved,
        None => Resolution::Unresolved,
    };
    let happy = resolution != Resolution::Unresolved && s.emotion() >= HAPPY_LEVEL;
    Outcome {
        emotion: s.emotion(),
        resolution,
        repurchase: repurchase(resolution, s.severity()),
        happy,
        word_of_mouth: if happy { TELLS_HAPPY } else { TELLS_UNHAPPY },
    }
}
