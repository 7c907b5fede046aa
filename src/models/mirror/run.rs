//! What a run of the mirror records: one `Month` per month (stocks and the
//! flows each loop contributed), the index bounds, the run as a whole, and
//! which way it turned (virtuous, vicious, stalled).

use super::loops::Loop;

/// The market the customer index can fill (4 × the starting base).
pub const MARKET: f64 = 4000.0;
/// Longest tenure tracked (months); the last cohort is "this and more".
pub const TENURE_MAX: f64 = 120.0;
/// Bounds of the profit index.
pub const PROFIT_MIN: f64 = -1000.0;
pub const PROFIT_MAX: f64 = 1000.0;

/// One month of a run: the stocks at the month's end, and what moved them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Month {
    /// 0 = the starting firm.
    pub month: u32,
    /// Customer satisfaction, 0–100.
    pub cs: f64,
    /// Employee satisfaction, 0–100.
    pub es: f64,
    /// Knowledge of customers' preferences, 0–100.
    pub knowledge: f64,
    /// Average staff tenure, months (0–120).
    pub tenure: f64,
    /// Output per person as a share of a fully ramped veteran's, 0–1.
    pub productivity: f64,
    /// Yearly customer retention, 0–1.
    pub retention: f64,
    /// Share of unhappy customers the firm hears of, 0–1.
    pub voice_share: f64,
    /// Realised yearly staff turnover this month, % (0–100; a shock is not
    /// counted here).
    pub turnover: f64,
    /// Customer base index (1000 at the start, 0–[`MARKET`]).
    pub customers: f64,
    /// Profit index ([`PROFIT_MIN`]–[`PROFIT_MAX`]; 100 at month 0).
    pub profit: f64,
    /// Each loop's signed push on its target this month, in [`super::LOOPS`] order
    /// (points of the target's 0–100 scale; all zero at month 0).
    pub flows: [f64; 6],
}

impl Month {
    pub fn flow(&self, l: Loop) -> f64 {
        self.flows[l.index()]
    }
}

/// A whole run.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// months + 1 entries, month 0 first.
    pub months: Vec<Month>,
    pub class: Class,
    /// The loop with the largest absolute cumulative flow (the first in
    /// [`super::LOOPS`] on a tie).
    pub dominant: Loop,
}

impl Run {
    /// Each loop's flow summed over the run, in [`super::LOOPS`] order.
    pub fn cumulative(&self) -> [f64; 6] {
        cumulative(&self.months)
    }
}

pub(super) fn cumulative(months: &[Month]) -> [f64; 6] {
    let mut sum = [0.0; 6];
    for m in months {
        for (s, f) in sum.iter_mut().zip(m.flows) {
            *s += f;
        }
    }
    sum
}

/// Which way the mirror turned over a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    Virtuous,
    Vicious,
    Stalled,
}

impl Class {
    pub fn key(self) -> &'static str {
        match self {
            Class::Virtuous => "virtuous",
            Class::Vicious => "vicious",
            Class::Stalled => "stalled",
        }
    }
}

/// How far (points) cs and es must both move for a run to count as a cycle.
pub const CLASS_POINTS: f64 = 5.0;

/// cs and es both up by [`CLASS_POINTS`] → virtuous, both down → vicious.
pub fn classify(start: &Month, end: &Month) -> Class {
    let (dcs, des) = (end.cs - start.cs, end.es - start.es);
    if dcs >= CLASS_POINTS && des >= CLASS_POINTS {
        Class::Virtuous
    } else if dcs <= -CLASS_POINTS && des <= -CLASS_POINTS {
        Class::Vicious
    } else {
        Class::Stalled
    }
}
