//! A trainer's own material (issue 21): self-checks and role-play scenarios
//! written at `#/author` or loaded from a file. The file format is the
//! course's own (`content/selfchecks/<id>.json`, `content/scenarios/<id>.json`),
//! so a downloaded file dropped into `content/` joins the course at the next
//! build, and the checks are the course's validators
//! ([`selfcheck::validate_in`], [`scenario::validate_in`]) in the languages
//! the item is written in (one is enough: the screen shows the other
//! language's text where one is missing).
//!
//! Kept apart from the course: an own item may not take a course item's
//! id, its results never enter the progress record, and the [`Library`]
//! is a storage entry of its own. [`draft`] holds the authoring form's
//! editable shape. Pure module: no yew, no web-sys; bad input is an error
//! with a message, never a panic.

pub mod draft;

use crate::course::lectures::{SCENARIO_IDS, SELFCHECK_IDS};
use crate::course::scenario::{self, Scenario};
use crate::course::selfcheck::{self, SelfCheck};
use crate::support::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Largest file (or stored library) accepted, in bytes.
pub const MAX_BYTES: usize = 512 * 1024;
/// Most items a library keeps.
pub const MAX_ITEMS: usize = 50;
/// Marks a stored library as Loyalty Lab's.
pub const LIBRARY_KIND: &str = "loyalty-lab-own-material";

/// One piece of own material.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    SelfCheck(SelfCheck),
    Scenario(Scenario),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    SelfCheck,
    Scenario,
}

/// One thing wrong with an item: the field it is about (as the validators
/// name it: `title`, `idea a label`, `node open reply 0: text`; empty for
/// the item as a whole) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

impl Item {
    pub fn id(&self) -> &str {
        match self {
            Item::SelfCheck(s) => &s.id,
            Item::Scenario(s) => &s.id,
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            Item::SelfCheck(_) => Kind::SelfCheck,
            Item::Scenario(_) => Kind::Scenario,
        }
    }

    pub fn title(&self) -> &Text {
        match self {
            Item::SelfCheck(s) => &s.title,
            Item::Scenario(s) => &s.title,
        }
    }

    /// The languages the item is written in: those of its title (both if
    /// it has none, so every missing text is reported).
    pub fn langs(&self) -> Vec<Lang> {
        match self.title().langs() {
            l if l.is_empty() => Lang::ALL.to_vec(),
            l => l,
        }
    }

    /// Everything wrong with it, field by field; empty means it can be
    /// saved, played and shipped.
    pub fn problems(&self) -> Vec<Problem> {
        self.problems_in(&self.langs())
    }

    /// [`Item::problems`] for an item meant to be written in `langs` (the
    /// authoring form says which, before the title says it).
    pub fn problems_in(&self, langs: &[Lang]) -> Vec<Problem> {
        let langs = langs.to_vec();
        let (messages, course_ids): (Vec<String>, &[&str]) = match self {
            Item::SelfCheck(s) => {
                let prefix = format!("self-check {:?}", s.id);
                let m = selfcheck::validate_in(s, &langs)
                    .into_iter()
                    .map(|m| m.strip_prefix(&prefix).map_or(m.clone(), |r| r.trim_start().to_owned()))
                    .collect();
                (m, &SELFCHECK_IDS)
            }
            Item::Scenario(s) => (scenario::validate_in(s, &langs), &SCENARIO_IDS),
        };
        let mut out: Vec<Problem> = messages.iter().map(|m| split(m, self.kind())).collect();
        if course_ids.contains(&self.id()) {
            out.insert(
                0,
                Problem {
                    field: "id".into(),
                    message: format!("{:?} is the course's own; choose another id", self.id()),
                },
            );
        }
        out
    }

    /// The item as a content file (the course's format, pretty-printed).
    pub fn to_file(&self) -> String {
        let json = match self {
            Item::SelfCheck(s) => serde_json::to_string_pretty(s),
            Item::Scenario(s) => serde_json::to_string_pretty(s),
        };
        json.unwrap_or_default() + "\n"
    }

    /// The file's name, as `content/` expects it.
    pub fn file_name(&self) -> String {
        format!("{}.json", self.id())
    }
}

/// A validator's message cut into field and message: a self-check's at its
/// first `": "` (`idea "a": …`), a scenario's at its last (`node open
/// reply 0: text: empty en`).
fn split(m: &str, kind: Kind) -> Problem {
    let m = m.strip_prefix(':').map_or(m, str::trim_start);
    let at = match kind {
        Kind::SelfCheck => m.find(": "),
        Kind::Scenario => m.rfind(": "),
    };
    match at {
        Some(i) => Problem {
            field: m[..i].to_owned(),
            message: m[i + 2..].to_owned(),
        },
        None => Problem {
            field: String::new(),
            message: m.to_owned(),
        },
    }
}

/// Why a file could not be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    TooLarge(usize),
    /// Not JSON: where and why.
    NotJson(String),
    /// JSON, but neither a self-check nor a scenario.
    NotContent,
    /// A self-check or scenario whose fields do not fit the format.
    Malformed(String),
    /// Well-formed, but with problems.
    Invalid(Vec<Problem>),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::TooLarge(n) => write!(f, "{n} bytes, more than the {MAX_BYTES} allowed"),
            FileError::NotJson(e) => write!(f, "not a JSON file ({e})"),
            FileError::NotContent => write!(f, "neither a self-check nor a role-play scenario"),
            FileError::Malformed(e) => write!(f, "{e}"),
            FileError::Invalid(p) => {
                let list: Vec<String> = p.iter().map(Problem::to_string).collect();
                write!(f, "{}", list.join("; "))
            }
        }
    }
}

impl Serialize for Item {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Item::SelfCheck(x) => x.serialize(s),
            Item::Scenario(x) => x.serialize(s),
        }
    }
}

/// Reads a content file: a self-check (it has `ideas`) or a scenario (it
/// has `nodes`), in the course's format, checked as [`Item::problems`] does.
pub fn read_file(text: &str) -> Result<Item, FileError> {
    if text.len() > MAX_BYTES {
        return Err(FileError::TooLarge(text.len()));
    }
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| FileError::NotJson(format!("line {}, column {}", e.line(), e.column())))?;
    let item = if value.get("ideas").is_some() {
        serde_json::from_value(value).map(Item::SelfCheck)
    } else if value.get("nodes").is_some() {
        serde_json::from_value(value).map(Item::Scenario)
    } else {
        return Err(FileError::NotContent);
    }
    .map_err(|e| FileError::Malformed(e.to_string()))?;
    match item.problems() {
        p if p.is_empty() => Ok(item),
        p => Err(FileError::Invalid(p)),
    }
}

/// A browser's own material: every item valid, ids unique per kind, at
/// most [`MAX_ITEMS`] (kept so by [`Library::put`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    selfchecks: Vec<SelfCheck>,
    scenarios: Vec<Scenario>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored<T> {
    kind: String,
    version: u32,
    #[serde(default)]
    selfchecks: Vec<T>,
    #[serde(default)]
    scenarios: Vec<T>,
}

/// What [`Library::put`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Put {
    Added,
    Replaced,
}

impl Library {
    /// Reads a stored library. An item that no longer reads or validates
    /// is left out and named in the second part (the caller keeps the text
    /// as a backup and says so); anything that is not a library at all is
    /// an error with a reason.
    pub fn decode(text: &str) -> Result<(Library, Vec<String>), String> {
        if text.len() > MAX_BYTES * 4 {
            return Err(format!("{} bytes: too large", text.len()));
        }
        let s: Stored<serde_json::Value> = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if s.kind != LIBRARY_KIND || s.version != 1 {
            return Err(format!(
                "not a library this build reads ({} version {})",
                s.kind, s.version
            ));
        }
        let mut lib = Library::default();
        let mut dropped = Vec::new();
        for v in s.selfchecks.into_iter().chain(s.scenarios) {
            match read_file(&v.to_string()).map(|item| lib.put(item)) {
                Ok(Ok(_)) => {}
                Ok(Err(e)) | Err(e) => dropped.push(format!("{}: {e}", v["id"].as_str().unwrap_or("?"))),
            }
        }
        Ok((lib, dropped))
    }

    pub fn encode(&self) -> String {
        let s = Stored {
            kind: LIBRARY_KIND.into(),
            version: 1,
            selfchecks: self
                .items()
                .into_iter()
                .filter(|i| i.kind() == Kind::SelfCheck)
                .collect::<Vec<_>>(),
            scenarios: self
                .items()
                .into_iter()
                .filter(|i| i.kind() == Kind::Scenario)
                .collect(),
        };
        serde_json::to_string(&s).unwrap_or_default()
    }

    /// Every item, self-checks first, each kind in the order added.
    pub fn items(&self) -> Vec<Item> {
        let mut v: Vec<Item> = self.selfchecks.iter().cloned().map(Item::SelfCheck).collect();
        v.extend(self.scenarios.iter().cloned().map(Item::Scenario));
        v
    }

    pub fn get(&self, kind: Kind, id: &str) -> Option<Item> {
        self.items().into_iter().find(|i| i.kind() == kind && i.id() == id)
    }

    /// Adds a valid item, or replaces the one of its kind and id.
    pub fn put(&mut self, item: Item) -> Result<Put, FileError> {
        let problems = item.problems();
        if !problems.is_empty() {
            return Err(FileError::Invalid(problems));
        }
        let replaced = self.remove(item.kind(), item.id());
        if !replaced && self.items().len() >= MAX_ITEMS {
            return Err(FileError::Malformed(format!(
                "at most {MAX_ITEMS} items; remove one first"
            )));
        }
        match item {
            Item::SelfCheck(s) => self.selfchecks.push(s),
            Item::Scenario(s) => self.scenarios.push(s),
        }
        Ok(if replaced { Put::Replaced } else { Put::Added })
    }

    /// Removes the item of `kind` and `id`; whether there was one.
    pub fn remove(&mut self, kind: Kind, id: &str) -> bool {
        let before = self.items().len();
        match kind {
            Kind::SelfCheck => self.selfchecks.retain(|s| s.id != id),
            Kind::Scenario => self.scenarios.retain(|s| s.id != id),
        }
        self.items().len() < before
    }
}
