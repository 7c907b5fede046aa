//! The local free-text scorer for the self-checks.
//!
//! A self-check ([`crate::course::selfcheck`]) asks an open question about a case from
//! the course (seed 000, the five 【自检】 exercises) and lists the ideas a good
//! answer uses, each weighted, each with phrasings in Chinese and English.
//! [`score`] reads a trainee's answer the way a careful marker skims it: which
//! ideas are stated, and are they stated the right way round?
//!
//! The stages, one file each, in the order an answer goes through them:
//!
//! 1. **Normalise** ([`crate::support::normalize`], shared with the rubric's
//!    pattern checker); only the first [`MAX_CHARS`] characters are read.
//!    **Discount copying** (`copying.rs`): case or question text copied back.
//! 2. **Split into clauses** (`clauses.rs`) at separators and turning words.
//! 3. **Find cues** (`cues.rs`): the words that deny, warn, condemn, approve.
//! 4. **Match phrasings** (`matching.rs`) within one clause; the pattern
//!    language is [`crate::course::phrasing`].
//! 5. **Read polarity** (`polarity.rs`): negation and reversal decide whether
//!    a match counts for its idea, against it, or only partly.
//! 6. **Combine** (`combine.rs`): credit per idea, the weighted score, the cap
//!    for a bare keyword list (`keyword_list.rs`).
//!
//! Follow-up questions are scored exactly (`followup.rs`). The score the app
//! shows comes from [`learned`], a model fitted on graded answers that reads
//! this rubric's verdict among its features; [`rewrite`] scores the "say it
//! positively" drill with the same stages.
//!
//! Deterministic, linear in the answer, never panics (any string: empty,
//! huge, HTML). Calibrated against team-graded answers in
//! `tests/data/calibration.json` (see `tests/scoring.rs`).
//!
//! Pure module: no yew, no web-sys.

pub mod agreement;
mod clauses;
mod combine;
mod copying;
mod cues;
mod followup;
mod keyword_list;
pub mod learned;
mod matching;
mod polarity;
pub mod rewrite;

pub use combine::score;
pub use followup::{score_followup, FollowupScore};

use serde::Serialize;

/// Characters of an answer that are read; the rest is ignored (flagged).
pub const MAX_CHARS: usize = 4000;
/// Credit at which an idea counts as found.
pub const FOUND_AT: f64 = 0.5;
/// Credit of a weak (`?`) phrasing.
pub const WEAK: f64 = 0.5;
/// Credit of a fault (`!`) named but neither condemned nor approved.
pub const UNJUDGED: f64 = 0.6;
/// Share of the second-best phrasing added to the best one.
pub const SECOND: f64 = 0.5;
/// Share of an idea's weight taken off when the answer states its opposite.
pub const REVERSAL_PENALTY: f64 = 0.5;
/// Most a bare keyword list can score.
pub const KEYWORD_CAP: u8 = 25;
/// Tokens per shingle when looking for copied case text.
pub const SHINGLE: usize = 8;
/// Share of copied tokens from which copied stretches are masked.
pub const COPY_MASK_AT: f64 = 0.35;
/// Share of copied tokens from which the answer is flagged as copied.
pub const COPY_FLAG_AT: f64 = 0.5;

/// The scorer's verdict on one answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scored {
    /// 0–100.
    pub score: u8,
    /// One per rubric idea, in the exercise's order.
    pub ideas: Vec<IdeaResult>,
    pub flags: Vec<Flag>,
}

/// What the scorer found for one idea.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IdeaResult {
    pub id: String,
    /// `credit` ≥ [`FOUND_AT`].
    pub found: bool,
    /// 0–1: share of the idea's weight earned.
    pub credit: f64,
    /// The clause of the answer (original text) that earned the credit.
    pub evidence: Option<String>,
}

/// Something about the answer as a whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "flag", content = "idea", rename_all = "kebab-case")]
pub enum Flag {
    /// Nothing to read.
    Empty,
    /// Longer than [`MAX_CHARS`]; the rest was not read.
    Truncated,
    /// Mostly the case or the question copied back.
    Copied,
    /// A bare list of keywords, no statement.
    KeywordList,
    /// The answer states the opposite of this idea (approves the fault,
    /// denies the practice).
    Negated(String),
}
