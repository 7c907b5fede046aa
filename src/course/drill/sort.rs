//! The *sort* drill: put each item into its level, scored exactly. Its first
//! use is the ten front-line skills in their three levels (lecture 6,
//! 图3-1: the basic courtesies, the skills that solve, the skills that
//! delight). One point per item placed in its level.

use super::{Problems, Tally};
use crate::support::i18n::Text;
use serde::{Deserialize, Serialize};

/// Levels a sort drill may have.
pub const LEVELS: std::ops::RangeInclusive<usize> = 2..=5;

/// A drill of items to sort into levels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SortDrill {
    pub id: String,
    pub lecture: u8,
    pub title: Text,
    pub intro: Text,
    pub source: Text,
    /// 2–5 levels, in order.
    pub levels: Vec<Level>,
    pub items: Vec<SortItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub label: Text,
    pub about: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SortItem {
    pub id: String,
    pub text: Text,
    /// The id of the level it belongs to.
    pub level: String,
    pub why: Text,
}

impl SortDrill {
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }

    /// Whether `chosen` is the level of item `item`; `None` for an unknown item.
    pub fn judge(&self, item: &str, chosen: &str) -> Option<bool> {
        self.items.iter().find(|i| i.id == item).map(|i| i.level == chosen)
    }

    /// One point per item placed in its level; `placed` gives (item id,
    /// level id) pairs, unknown items and repeats after the first ignored.
    pub fn score<'a>(&self, placed: impl IntoIterator<Item = (&'a str, &'a str)>) -> Tally {
        let mut seen = std::collections::HashSet::new();
        let right = placed
            .into_iter()
            .filter(|(item, _)| seen.insert(*item))
            .filter(|(item, level)| self.judge(item, level) == Some(true))
            .count();
        Tally {
            right,
            total: self.items.len(),
        }
    }
}

/// 2–5 levels with unique ids, unique item ids, every item's level a level,
/// every level used at least once, every text filled in.
pub fn validate(d: &SortDrill, p: &mut Problems) {
    if !LEVELS.contains(&d.levels.len()) {
        p.push(format!("needs 2–5 levels, has {}", d.levels.len()));
    }
    p.ids("level", d.levels.iter().map(|l| l.id.as_str()));
    p.ids("item", d.items.iter().map(|i| i.id.as_str()));
    for l in &d.levels {
        p.text(&format!("level {:?} label", l.id), &l.label);
        p.text(&format!("level {:?} about", l.id), &l.about);
        if !d.items.iter().any(|i| i.level == l.id) {
            p.push(format!("level {:?} has no item", l.id));
        }
    }
    for i in &d.items {
        p.text(&format!("item {:?} text", i.id), &i.text);
        p.text(&format!("item {:?} why", i.id), &i.why);
        if d.level(&i.level).is_none() {
            p.push(format!("item {:?}: level {:?} is not a level", i.id, i.level));
        }
    }
}
