//! The emotion line itself (lecture 7, 图4-3; lecture 8, 图5-1): the scale
//! from the purchase's high to the rational platform below which no
//! agreement is possible, and the emotion tick by tick for a failure under
//! the remedies a line takes; the three canonical paths of 图4-3.

use super::params::{ParamError, Params};
use super::steps::{Path, Step};

/// Emotion at the purchase (t = 0), high because of the promises.
pub const START: f64 = 80.0;
/// The top of the scale.
pub const CEILING: f64 = 100.0;
/// Below this the customer is too upset for any agreement (图5-1).
pub const RATIONAL_PLATFORM: f64 = 40.0;
/// Drift per tick between the purchase and the failure.
pub const DRIFT: f64 = 1.0;
/// Fall per tick while a failure goes unanswered or unsolved.
pub const FESTER: f64 = 5.0;
/// Last tick of the line.
pub const HORIZON: usize = 36;

/// Whether the customer is calm enough to reach an agreement (图5-1).
pub fn can_agree(emotion: f64) -> bool {
    emotion.is_finite() && emotion >= RATIONAL_PLATFORM
}

fn toward(level: f64, target: f64, share: f64) -> f64 {
    level + share * (target - level).max(0.0)
}

/// The emotion at every tick 0..=[`HORIZON`] for the given parameters.
pub fn line(p: &Params) -> Result<Vec<f64>, ParamError> {
    p.validate()?;
    let failure_at = p.failure_at as usize;
    let respond = p.response_at();
    let actions = p.steps.list();
    let mut level = START;
    let mut solved = false;
    let mut calmed = false;
    let mut out = Vec::with_capacity(HORIZON + 1);
    out.push(level);
    for t in 1..=HORIZON {
        if t < failure_at {
            level -= DRIFT;
        } else if t == failure_at {
            level = (level - DRIFT) * (1.0 - p.severity);
        } else if t < respond {
            level -= FESTER;
        } else if let Some(&step) = actions.get(t - respond) {
            level = match step {
                Step::Feel | Step::Apologise | Step::Investigate => toward(level, START, step.share()),
                Step::Solve => {
                    let weak = !calmed && !can_agree(level);
                    solved = true;
                    toward(level, START, step.share() * if weak { 0.3 } else { 1.0 })
                }
                Step::Bonus | Step::Prevent if solved => toward(level, CEILING, step.share()),
                Step::Bonus | Step::Prevent => level,
            };
            calmed |= matches!(step, Step::Feel | Step::Apologise);
        } else if !solved {
            level -= FESTER;
        }
        level = level.clamp(0.0, CEILING);
        out.push(level);
    }
    Ok(out)
}

/// One of the three canonical paths: the line with that path's steps.
pub fn path(which: Path, p: &Params) -> Result<Vec<f64>, ParamError> {
    line(&Params {
        steps: which.steps(),
        ..*p
    })
}
