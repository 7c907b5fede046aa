//! Placeholder: the local scorer of a "say it positively" rewrite (being written, issue 19).

use crate::course::drill::rewrite::Item;
use serde::Serialize;

/// What a rewrite was judged on, and whether it passed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    /// `"dropped"` (the negative or forbidden form is gone), `"meaning"`
    /// (the message is kept), `"offer"` (it says what can be done).
    pub id: &'static str,
    pub passed: bool,
}

/// A scored rewrite: 0–100 and the checks behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rewritten {
    pub score: u8,
    pub checks: Vec<Check>,
}

/// Scores one rewrite of `item`'s sentence.
pub fn score(item: &Item, answer: &str) -> Rewritten {
    let _ = (item, answer);
    Rewritten { score: 0, checks: Vec::new() }
}
