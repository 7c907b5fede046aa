//! The learned stage of the self-check scorer (issue 20): the rubric reading
//! of [`super::score`] gives the feedback a trainee sees (which ideas were
//! found, which were negated); the score itself comes from a model fitted
//! on graded answers, as short-answer scoring systems do (ASAP): features
//! of the answer ([`features`]) — the rubric's own score and idea coverage,
//! similarity to the graded exemplars of the same self-check (a
//! similarity-weighted mean of the nearest ones' grades), to the model
//! answer and to the case (on-topic-ness), how much is copied back, length,
//! dismissal, the keyword-list flag — read by two tree models whose
//! predictions are averaged: gradient-boosted trees ([`trees`]) and a forest
//! of extremely randomised trees ([`forest`]), both fitted natively (`cargo
//! run --release --example fit_scorer`). They ship as
//! `content/scorer/model.json`, the exemplars as `content/scorer/<id>.json`;
//! the app reads both, no server.
//! `tests/learned.rs` measures it by cross-validation grouped by writer.
//!
//! Pure module: no yew, no web-sys; never panics; same input, same score.

pub mod features;
pub mod forest;
pub mod text;
pub mod train;
pub mod trees;

use super::{score, Scored};
use crate::course::selfcheck::SelfCheck;
use features::features;
pub use features::Bank;
use forest::Forest;
use serde::{Deserialize, Serialize};
use trees::Trees;

/// Where the rubric finds most ideas (at least [`RUBRIC_TRUSTED`]) and
/// the answer neither waves the problem away nor denies an idea, the score
/// never falls more than this below the rubric's own: an answer stating
/// every idea keeps at least 75 however short or textbook-like its wording
/// (the graded answers hold few such, so the model alone would not know
/// them). Cross-validated, it costs 0.002 of Spearman.
pub const RUBRIC_MARGIN: f64 = 25.0;
/// The rubric score from which [`RUBRIC_MARGIN`] holds.
pub const RUBRIC_TRUSTED: u8 = 70;

/// One graded answer the model compares a new one with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemplar {
    pub answer: String,
    /// The graders' mean grade, 0–100.
    pub grade: f64,
}

/// The exemplar file of one self-check (`content/scorer/<id>.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemplars {
    pub exercise: String,
    pub exemplars: Vec<Exemplar>,
}

/// The fitted model (`content/scorer/model.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// The feature names, in order: a file made for other features is refused.
    pub features: Vec<String>,
    pub trees: Trees,
    pub forest: Forest,
}

impl Model {
    /// Reads a model file, refusing one whose features are not this build's.
    pub fn parse(text: &str) -> Result<Model, String> {
        let m: Model = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if m.features != features::NAMES {
            return Err("the model was fitted on other features".into());
        }
        let n = features::NAMES.len();
        if let Some(bad) = m.trees.problem(n).or_else(|| trees::trees_problem(&m.forest.0, n)) {
            return Err(bad);
        }
        Ok(m)
    }

    /// The mean of the boosted trees' and the forest's predictions.
    pub fn predict(&self, x: &[f64]) -> f64 {
        (self.trees.predict(x) + self.forest.predict(x)) / 2.0
    }
}

/// A self-check ready to be scored by the model: its exemplars prepared once.
pub struct Learned<'a> {
    pub model: &'a Model,
    pub bank: Bank,
}

impl<'a> Learned<'a> {
    pub fn new(model: &'a Model, exercise: &SelfCheck, exemplars: &[Exemplar]) -> Learned<'a> {
        Learned {
            model,
            bank: Bank::new(exercise, exemplars),
        }
    }

    /// The rubric's reading (ideas, flags) with the model's score.
    pub fn score(&self, exercise: &SelfCheck, answer: &str) -> Scored {
        score_with(self.model, &self.bank, exercise, answer)
    }

    /// The model's score of an answer the rubric has read as `scored`.
    pub fn score_read(&self, exercise: &SelfCheck, answer: &str, scored: &Scored) -> u8 {
        read_with(self.model, &self.bank, exercise, answer, scored)
    }
}

/// [`Learned::score`] with a bank prepared elsewhere (the screen keeps one
/// per self-check rather than building it for every answer).
pub fn score_with(model: &Model, bank: &Bank, exercise: &SelfCheck, answer: &str) -> Scored {
    let mut scored = score(exercise, answer);
    scored.score = read_with(model, bank, exercise, answer, &scored);
    scored
}

/// The model's score of an answer the rubric has read as `scored`
/// (nothing to read stays 0).
fn read_with(model: &Model, bank: &Bank, exercise: &SelfCheck, answer: &str, scored: &Scored) -> u8 {
    if scored.flags.contains(&super::Flag::Empty) {
        return 0;
    }
    let x = features(exercise, answer, scored, bank, None);
    let denied = scored.flags.iter().any(|f| matches!(f, super::Flag::Negated(_)))
        || features::dismissal(&crate::support::normalize::normalize(answer)) > 0.0;
    let floor = if denied || scored.score < RUBRIC_TRUSTED {
        0.0
    } else {
        f64::from(scored.score) - RUBRIC_MARGIN
    };
    model.predict(&x).max(floor).clamp(0.0, 100.0).round() as u8
}
