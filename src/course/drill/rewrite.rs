//! The *say it positively* drill (lecture 6, 图3-2; the five forbidden
//! phrases and their better forms in seed 004; the seven telephone skills):
//! each item shows a negative or forbidden sentence and the trainee rewrites
//! it so that the forbidden form is gone, the message survives and the
//! sentence says what can be done. The three checks (`dropped`, `meaning`,
//! `offer`) are patterns in the phrasing language of
//! [`crate::course::phrasing`], both languages always applying; the scorer
//! is [`crate::scoring::rewrite`].

use super::{Problems, MIN_POSITIVE_ITEMS, SAY_IT_POSITIVELY};
use crate::course::selfcheck::Phrasings;
use crate::support::i18n::Text;
use serde::{Deserialize, Serialize};

/// A drill of sentences to rewrite.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RewriteDrill {
    pub id: String,
    pub lecture: u8,
    pub title: Text,
    pub intro: Text,
    pub source: Text,
    /// Drill-wide patterns of "offers what can be done" (我可以, let me …).
    pub offer: Phrasings,
    pub items: Vec<Item>,
}

/// One sentence to rewrite.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique in the drill (`"dont-know"`).
    pub id: String,
    /// The situation in one sentence.
    pub context: Text,
    /// The negative or forbidden sentence.
    pub prompt: Text,
    /// The forbidden form: any match means it was not dropped.
    pub forbidden: Phrasings,
    /// The message that must survive: at least one must match.
    pub meaning: Phrasings,
    /// Item-specific offer patterns, besides the drill's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<Phrasings>,
    /// One good rewrite (passes all three checks).
    pub model: Text,
    /// What is wrong with the original.
    pub why: Text,
}

/// Structural rules: at least one item ([`MIN_POSITIVE_ITEMS`] for
/// [`SAY_IT_POSITIVELY`]), unique item ids, every text filled in, every
/// pattern valid, and forbidden, meaning and the drill's offer patterns in
/// both languages (each language's prompt and model is checked against
/// them by [`crate::scoring::rewrite::validate_drill`]).
pub fn validate(d: &RewriteDrill, p: &mut Problems) {
    let least = if d.id == SAY_IT_POSITIVELY {
        MIN_POSITIVE_ITEMS
    } else {
        1
    };
    if d.items.len() < least {
        p.push(format!("needs at least {least} items, has {}", d.items.len()));
    }
    p.patterns("offer", &d.offer, true);
    p.ids("item", d.items.iter().map(|i| i.id.as_str()));
    for item in &d.items {
        let at = format!("item {:?}", item.id);
        p.text(&format!("{at} context"), &item.context);
        p.text(&format!("{at} prompt"), &item.prompt);
        p.text(&format!("{at} model"), &item.model);
        p.text(&format!("{at} why"), &item.why);
        p.patterns(&format!("{at} forbidden"), &item.forbidden, true);
        p.patterns(&format!("{at} meaning"), &item.meaning, true);
        if let Some(o) = &item.offer {
            p.patterns(&format!("{at} offer"), o, false);
        }
    }
}
