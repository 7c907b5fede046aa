//! Placeholder: one "say it positively" item (being written, issue 19).

use crate::support::i18n::Text;
use serde::{Deserialize, Serialize};

/// One sentence to rewrite.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub prompt: Text,
    pub model: Text,
}

/// Every problem found in one item; empty means valid.
pub fn validate(item: &Item) -> Vec<String> {
    let _ = item;
    Vec::new()
}
