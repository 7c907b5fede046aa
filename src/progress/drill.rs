//! The saved results of one practice drill (schema 5, issue 19): per item
//! its best and latest score and the latest answer (a rewrite's text, or the
//! level or option chosen), and for the drill as a whole the answers checked,
//! the score now (the items' latest scores over all the drill's items) and
//! the best that score has been. Drill files are fetched on demand and a
//! record may come from a build with other drills, so ids are checked for
//! shape only. Pure module.

use super::record::DecodeError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most items kept per drill.
pub const MAX_ITEMS: usize = 200;
/// Longest answer kept, in characters (a rewrite is a sentence or two).
pub const MAX_ANSWER: usize = 600;
/// Longest drill or item id accepted.
pub const MAX_ID: usize = 64;

/// The results of one drill.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrillState {
    /// Answers checked, all items together.
    pub attempts: u32,
    /// Best drill score so far, 0–100.
    pub best: u8,
    /// Drill score now, 0–100: the items' latest scores over `total` items.
    pub last: u8,
    /// Items the drill had when last answered.
    pub total: u32,
    /// By item id.
    #[serde(default)]
    pub items: BTreeMap<String, ItemState>,
}

/// The results of one item of a drill.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemState {
    /// 0–100 (sort and spot items: 0 or 100).
    pub best: u8,
    pub last: u8,
    /// The latest answer, at most [`MAX_ANSWER`] characters.
    pub answer: String,
}

impl DrillState {
    /// Records a checked answer of `item` (scored 0–100) in a drill of
    /// `total` items. Scores above 100 count as 100; the answer is cut to
    /// [`MAX_ANSWER`] characters; an item id of the wrong shape, or one
    /// more than [`MAX_ITEMS`], is not recorded. The result always passes
    /// [`DrillState::check`].
    pub fn record(&mut self, item: &str, score: u8, answer: &str, total: usize) {
        if !is_id(item) || (!self.items.contains_key(item) && self.items.len() >= MAX_ITEMS) {
            return;
        }
        let score = score.min(100);
        let answer: String = answer.chars().take(MAX_ANSWER).collect();
        self.items
            .entry(item.to_owned())
            .and_modify(|s| {
                s.best = s.best.max(score);
                s.last = score;
                s.answer = answer.clone();
            })
            .or_insert(ItemState {
                best: score,
                last: score,
                answer,
            });
        self.attempts = self.attempts.saturating_add(1).max(self.items.len() as u32);
        self.total = (total.min(MAX_ITEMS) as u32).max(self.items.len() as u32);
        let sum: u32 = self.items.values().map(|s| u32::from(s.last)).sum();
        self.last = ((sum + self.total / 2) / self.total) as u8;
        self.best = self.best.max(self.last);
    }

    /// Items answered at least once.
    pub fn answered(&self) -> usize {
        self.items.len()
    }

    /// Whether the saved values are possible (used by `record::decode`).
    pub fn check(&self, id: &str) -> Result<(), DecodeError> {
        let bad = |why: &str| Err(DecodeError::Invalid(format!("drill \"{id}\" {why}")));
        if !is_id(id) {
            return Err(DecodeError::Invalid(format!("drill \"{id}\" is not a drill id")));
        }
        if self.best > 100 || self.last > self.best {
            return bad("has impossible scores");
        }
        if self.items.len() > MAX_ITEMS || self.items.len() > self.total as usize || self.total as usize > MAX_ITEMS {
            return bad("has an impossible number of items");
        }
        if (self.attempts as usize) < self.items.len() {
            return bad("has fewer attempts than answered items");
        }
        for (item, s) in &self.items {
            if !is_id(item) {
                return Err(DecodeError::Invalid(format!(
                    "drill \"{id}\": \"{item}\" is not an item id"
                )));
            }
            if s.best > 100 || s.last > s.best {
                return Err(DecodeError::Invalid(format!(
                    "drill \"{id}\" item \"{item}\" has impossible scores"
                )));
            }
            if s.answer.chars().count() > MAX_ANSWER {
                return Err(DecodeError::Invalid(format!(
                    "drill \"{id}\" item \"{item}\" has too long an answer"
                )));
            }
        }
        Ok(())
    }
}

/// Whether `s` is shaped like a drill or item id: kebab-case ASCII, at most
/// [`MAX_ID`] bytes.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
