//! The structured follow-up question of a self-check (pick the right
//! options, or put them in order), scored exactly.

use crate::course::selfcheck::{Followup, FollowupKind};
use serde::Serialize;
use std::collections::HashSet;

/// The result of a structured follow-up question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FollowupScore {
    /// Exactly right.
    pub correct: bool,
    /// Pick: options judged right (picked and right, or left and wrong).
    /// Order: positions holding the right option.
    pub right: usize,
    /// Pick: number of options. Order: number of positions.
    pub total: usize,
}

/// Scores a follow-up exactly: `given` holds picked option indices (any
/// order, duplicates ignored) or the options in the trainee's order.
/// Indices out of range are simply wrong.
pub fn score_followup(f: &Followup, given: &[usize]) -> FollowupScore {
    match f.kind {
        FollowupKind::Pick => {
            let picked: HashSet<usize> = given.iter().copied().collect();
            let right_set: HashSet<usize> = f.answer.iter().copied().collect();
            let total = f.options.len();
            let right = (0..total)
                .filter(|i| picked.contains(i) == right_set.contains(i))
                .count();
            FollowupScore {
                correct: picked == right_set,
                right,
                total,
            }
        }
        FollowupKind::Order => {
            let total = f.answer.len();
            let right = f.answer.iter().zip(given).filter(|(a, g)| a == g).count();
            FollowupScore {
                correct: given == f.answer.as_slice(),
                right,
                total,
            }
        }
    }
}
