//! The *spot the mistake* drill: a short complaint exchange, and the trainee
//! names what the staff member did wrong among a list of options, scored
//! exactly. Its first use is lecture 8's ten improper ways of handling
//! complaints (arguing, passing the buck, making excuses …). One point per
//! item whose chosen option is the answer.

use super::{Problems, Tally};
use crate::support::i18n::Text;
use serde::{Deserialize, Serialize};

/// Lines an exchange may have.
pub const LINES: std::ops::RangeInclusive<usize> = 2..=6;

/// A drill of exchanges to judge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpotDrill {
    pub id: String,
    pub lecture: u8,
    pub title: Text,
    pub intro: Text,
    pub source: Text,
    /// The mistakes to choose from.
    pub options: Vec<Choice>,
    pub items: Vec<SpotItem>,
}

/// One option: a mistake the trainee may name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpotItem {
    pub id: String,
    /// 2–6 lines.
    pub exchange: Vec<Line>,
    /// The id of the option that names the mistake.
    pub answer: String,
    pub why: Text,
}

/// Who speaks a line of an exchange.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Who {
    Customer,
    Staff,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub who: Who,
    pub text: Text,
}

impl SpotDrill {
    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.id == id)
    }

    /// Whether `chosen` is item `item`'s answer; `None` for an unknown item.
    pub fn judge(&self, item: &str, chosen: &str) -> Option<bool> {
        self.items.iter().find(|i| i.id == item).map(|i| i.answer == chosen)
    }

    /// One point per item answered with its option; `chosen` gives (item id,
    /// option id) pairs, unknown items and repeats after the first ignored.
    pub fn score<'a>(&self, chosen: impl IntoIterator<Item = (&'a str, &'a str)>) -> Tally {
        let mut seen = std::collections::HashSet::new();
        let right = chosen
            .into_iter()
            .filter(|(item, _)| seen.insert(*item))
            .filter(|(item, option)| self.judge(item, option) == Some(true))
            .count();
        Tally {
            right,
            total: self.items.len(),
        }
    }
}

/// At least two options with unique ids, unique item ids, 2–6 lines per
/// exchange, every answer an option, every option the answer of at least
/// one item, every text filled in.
pub fn validate(d: &SpotDrill, p: &mut Problems) {
    if d.options.len() < 2 {
        p.push(format!("needs at least 2 options, has {}", d.options.len()));
    }
    if d.items.is_empty() {
        p.push("needs at least one item");
    }
    p.ids("option", d.options.iter().map(|o| o.id.as_str()));
    p.ids("item", d.items.iter().map(|i| i.id.as_str()));
    for o in &d.options {
        p.text(&format!("option {:?} label", o.id), &o.label);
        if !d.items.iter().any(|i| i.answer == o.id) {
            p.push(format!("option {:?} is the answer of no item", o.id));
        }
    }
    for i in &d.items {
        let at = format!("item {:?}", i.id);
        if !LINES.contains(&i.exchange.len()) {
            p.push(format!("{at}: needs 2–6 lines, has {}", i.exchange.len()));
        }
        for (k, line) in i.exchange.iter().enumerate() {
            p.text(&format!("{at} line {}", k + 1), &line.text);
        }
        p.text(&format!("{at} why"), &i.why);
        if d.option(&i.answer).is_none() {
            p.push(format!("{at}: answer {:?} is not an option", i.answer));
        }
    }
}
