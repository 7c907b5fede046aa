//! Self-checks: the course's five open exercises as data.
//!
//! The course (seed 000) closes five lectures with a 【自检】 exercise whose
//! reference answer is not in the text: 1-1 (lecture 1, the travel agency
//! manager: "they pay 50, how can I give 60?"), 3-1 (lecture 6, a manager
//! scolds a waiter in front of guests), 5-1 (lecture 8, "lowest price or
//! twice the difference back", formal proof required), 6-1 (lecture 10, the
//! bank's 0.25-yuan error and the 10-yuan notice) and 7-1 (lecture 12, "sorry,
//! out of stock"). Loyalty Lab writes its own: each file in
//! `content/selfchecks/<id>.json` holds the case retold, the question, a model
//! answer, the 4–6 ideas a good answer uses (weighted to 100, each with the
//! place in the course it comes from and the ways a trainee may phrase it, in
//! both languages), and optionally a structured follow-up question (pick the
//! right options, or put them in order) that is scored exactly.
//!
//! The phrasings are the rubric [`crate::scoring`] reads; their small pattern
//! language is [`super::phrasing`]. [`validate`] checks a file completely,
//! including every pattern.
//!
//! Pure module: no yew, no web-sys. Bad files are a [`ParseError`] or a list
//! of problems, never a panic.

use crate::course::lectures::{course, LECTURES};
use crate::support::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// One self-check exercise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfCheck {
    /// `"3-1"`: the course's numbering, and the file's name.
    pub id: String,
    /// The lecture the exercise closes (1–12).
    pub lecture: u8,
    pub title: Text,
    /// The case, retold in the app's words.
    pub case: Text,
    pub question: Text,
    pub model_answer: Text,
    /// The ideas a good answer uses; weights sum to 100.
    pub ideas: Vec<Idea>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followup: Option<Followup>,
}

/// One idea of the rubric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Idea {
    /// Short kebab-case id, unique within the exercise (`"front-back"`).
    pub id: String,
    /// Share of the score (all ideas together: 100).
    pub weight: u32,
    /// The idea in a few words (shown after grading).
    pub label: Text,
    /// What to think about when the idea is missing.
    pub hint: Text,
    /// Where in the course it comes from (`"第6讲 · …"`).
    pub section: Text,
    /// How a trainee may express it; patterns, see [`crate::scoring`].
    pub phrasings: Phrasings,
}

/// Phrasing patterns in each language; both lists always apply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrasings {
    pub zh: Vec<String>,
    pub en: Vec<String>,
}

impl Phrasings {
    /// Every pattern, Chinese first.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.zh.iter().chain(&self.en).map(String::as_str)
    }
}

/// How a follow-up question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FollowupKind {
    /// Pick every right option (`answer`: the right indices, any order).
    Pick,
    /// Put every option in order (`answer`: option indices, first to last).
    Order,
}

/// A structured question after the open answer, scored exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Followup {
    pub kind: FollowupKind,
    pub prompt: Text,
    pub options: Vec<Text>,
    pub answer: Vec<usize>,
}

/// Why a self-check file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Reads a self-check file (unknown fields are an error).
pub fn parse(json: &str) -> Result<SelfCheck, ParseError> {
    serde_json::from_str(json).map_err(|e| ParseError {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Number of ideas an exercise may have.
pub const IDEAS: std::ops::RangeInclusive<usize> = 4..=6;
/// Phrasings each idea needs at least, in each language.
pub const MIN_PHRASINGS: usize = 2;

/// Whether `id` can name a self-check (and its address): 1–40 of `a-z`,
/// `0-9`, `-`.
pub fn is_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Every problem found in one self-check; empty means valid. Checks: the id
/// is an address-safe name, the lecture exists and is the one the course
/// file lists the exercise under, if it does; every text is non-empty (and trimmed) in zh and en; 4–6 ideas with
/// unique kebab-case ids, positive weights summing to 100, and at least two
/// valid phrasing patterns per language; a follow-up, if any, has at least
/// two options and a valid answer.
pub fn validate(sc: &SelfCheck) -> Vec<String> {
    validate_in(sc, &Lang::ALL)
}

/// [`validate`] for a self-check written in `langs` only (a trainer's own
/// may be in one language): texts and phrasings must be there in each.
pub fn validate_in(sc: &SelfCheck, langs: &[Lang]) -> Vec<String> {
    let mut errors = Vec::new();
    let at = format!("self-check {:?}", sc.id);
    if !is_id(&sc.id) {
        errors.push(format!("{at} id: use 1–40 lower-case letters, digits and hyphens"));
    }
    if !(1..=LECTURES).contains(&sc.lecture) {
        errors.push(format!("{at} lecture: {} is not a lecture (1–{LECTURES})", sc.lecture));
    }
    if let Some(l) = course().lectures.iter().find(|l| l.exercises.contains(&sc.id)) {
        if l.n != sc.lecture {
            errors.push(format!(
                "{at} lecture: the course lists this exercise under lecture {}, not {}",
                l.n, sc.lecture
            ));
        }
    }
    let mut text = |what: &str, t: &Text| {
        for (lang, s) in langs.iter().map(|l| (l.code(), t.get_exact(*l))) {
            if s.trim().is_empty() {
                errors.push(format!("{at} {what}: empty {lang} text"));
            } else if s.trim() != s {
                errors.push(format!("{at} {what}: {lang} text has surrounding spaces"));
            }
        }
    };
    text("title", &sc.title);
    text("case", &sc.case);
    text("question", &sc.question);
    text("model answer", &sc.model_answer);
    for idea in &sc.ideas {
        let what = format!("idea {}", idea.id);
        text(&format!("{what} label"), &idea.label);
        text(&format!("{what} hint"), &idea.hint);
        text(&format!("{what} section"), &idea.section);
    }
    if let Some(f) = &sc.followup {
        text("follow-up prompt", &f.prompt);
        for (i, o) in f.options.iter().enumerate() {
            text(&format!("follow-up option {i}"), o);
        }
    }

    if !IDEAS.contains(&sc.ideas.len()) {
        errors.push(format!("{at}: needs 4–6 ideas, has {}", sc.ideas.len()));
    }
    let total: u32 = sc.ideas.iter().map(|i| i.weight).sum();
    if total != 100 {
        errors.push(format!("{at}: idea weights sum to {total}, not 100"));
    }
    let mut ids = HashSet::new();
    for idea in &sc.ideas {
        let what = format!("{at} idea {:?}", idea.id);
        if !is_kebab(&idea.id) {
            errors.push(format!("{what}: id must be kebab-case"));
        }
        if !ids.insert(idea.id.as_str()) {
            errors.push(format!("{what}: id appears twice"));
        }
        if idea.weight == 0 {
            errors.push(format!("{what}: weight must be positive"));
        }
        for (lang, list) in [("zh", &idea.phrasings.zh), ("en", &idea.phrasings.en)] {
            if list.len() < MIN_PHRASINGS && langs.iter().any(|l| l.code() == lang) {
                errors.push(format!(
                    "{what}: needs at least {MIN_PHRASINGS} {lang} phrasings, has {}",
                    list.len()
                ));
            }
            let mut seen = HashSet::new();
            for p in list {
                if let Err(e) = super::phrasing::check_phrasing(p) {
                    errors.push(format!("{what}: {lang} phrasing {p:?}: {e}"));
                }
                if !seen.insert(p.as_str()) {
                    errors.push(format!("{what}: {lang} phrasing {p:?} listed twice"));
                }
            }
        }
    }

    if let Some(f) = &sc.followup {
        let n = f.options.len();
        if n < 2 {
            errors.push(format!("{at} follow-up: needs at least 2 options, has {n}"));
        }
        if let Some(bad) = f.answer.iter().find(|&&i| i >= n) {
            errors.push(format!("{at} follow-up: answer index {bad} out of range (0..{n})"));
        }
        let distinct: HashSet<_> = f.answer.iter().collect();
        if distinct.len() != f.answer.len() {
            errors.push(format!("{at} follow-up: answer lists an option twice"));
        }
        match f.kind {
            FollowupKind::Pick if f.answer.is_empty() => errors.push(format!(
                "{at} follow-up: a pick question needs at least one right option"
            )),
            FollowupKind::Order if f.answer.len() != n => errors.push(format!(
                "{at} follow-up: an order question must order all {n} options, orders {}",
                f.answer.len()
            )),
            _ => {}
        }
    }
    errors
}

/// [`validate`], plus: the id is the file's name (`<id>.json`).
pub fn validate_file(file_id: &str, sc: &SelfCheck) -> Vec<String> {
    let mut errors = Vec::new();
    if sc.id != file_id {
        errors.push(format!("file {file_id}.json holds self-check {:?}", sc.id));
    }
    errors.extend(validate(sc));
    errors
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
