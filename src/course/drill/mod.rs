//! Practice drills as content files (`content/drills/<id>.json`, issue 19):
//! short exercises that are scored locally and saved in progress like the
//! self-checks, one file per drill, so adding a drill needs no Rust change.
//!
//! Three kinds, one module each, chosen by the file's `kind`:
//! - `rewrite` ([`rewrite`]): *say it positively* (lecture 6, 图3-2, the five
//!   forbidden phrases of seed 004 and the seven telephone skills): a negative
//!   or forbidden sentence to rewrite; the scorer is
//!   [`crate::scoring::rewrite`];
//! - `sort` ([`sort`]): put the ten front-line skills into their three
//!   levels (lecture 6, 图3-1), scored exactly;
//! - `spot` ([`spot`]): name the mistake in a short complaint exchange among
//!   lecture 8's ten improper ways of handling complaints, scored exactly.
//!
//! The format is the contract in the drill-format brief: common
//! fields `id`, `lecture`, `kind`, `title`, `intro`, `source`, then the
//! kind's own fields; unknown fields are an error. [`parse`] never panics;
//! [`validate`] lists every problem it finds. The checks that need the
//! scorer (each rewrite's `model` passes, its `prompt` fails) cannot live
//! here, below the scorer: [`crate::scoring::rewrite::validate_drill`] runs
//! [`validate`] and those, and is what screens and tests call.
//!
//! Pure module: no yew, no web-sys.

pub mod rewrite;
pub mod sort;
pub mod spot;

use crate::course::lectures::LECTURES;
use crate::course::phrasing::check_phrasing;
use crate::course::selfcheck::Phrasings;
use crate::support::i18n::Text;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// The drill that must hold at least [`MIN_POSITIVE_ITEMS`] items.
pub const SAY_IT_POSITIVELY: &str = "say-it-positively";
/// Items the *say it positively* drill needs at least.
pub const MIN_POSITIVE_ITEMS: usize = 30;
/// Longest id accepted (drills and their items, levels, options).
pub const MAX_ID: usize = 48;

/// One drill file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Drill {
    Rewrite(rewrite::RewriteDrill),
    Sort(sort::SortDrill),
    Spot(spot::SpotDrill),
}

/// The fields every kind has.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Head<'a> {
    pub id: &'a str,
    pub lecture: u8,
    pub title: &'a Text,
    pub intro: &'a Text,
    pub source: &'a Text,
}

impl Drill {
    pub fn head(&self) -> Head<'_> {
        macro_rules! head {
            ($d:expr) => {
                Head {
                    id: &$d.id,
                    lecture: $d.lecture,
                    title: &$d.title,
                    intro: &$d.intro,
                    source: &$d.source,
                }
            };
        }
        match self {
            Drill::Rewrite(d) => head!(d),
            Drill::Sort(d) => head!(d),
            Drill::Spot(d) => head!(d),
        }
    }

    /// `"rewrite"`, `"sort"` or `"spot"`, as in the file.
    pub fn kind(&self) -> &'static str {
        match self {
            Drill::Rewrite(_) => "rewrite",
            Drill::Sort(_) => "sort",
            Drill::Spot(_) => "spot",
        }
    }

    /// The ids of the drill's items, in order.
    pub fn item_ids(&self) -> Vec<&str> {
        match self {
            Drill::Rewrite(d) => d.items.iter().map(|i| i.id.as_str()).collect(),
            Drill::Sort(d) => d.items.iter().map(|i| i.id.as_str()).collect(),
            Drill::Spot(d) => d.items.iter().map(|i| i.id.as_str()).collect(),
        }
    }
}

/// Why a drill file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based; 0 when the problem is in the file's shape, found after the
    /// whole file was read (an unknown or missing field of a kind).
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.message),
            n => write!(f, "line {n}, column {}: {}", self.column, self.message),
        }
    }
}

impl std::error::Error for ParseError {}

/// Just the `kind`, read first: syntax errors and a bad kind get their place.
#[derive(Deserialize)]
struct DrillFile {
    #[allow(dead_code)]
    kind: KindName,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum KindName {
    Rewrite,
    Sort,
    Spot,
}

/// Reads a drill file (unknown fields and unknown kinds are an error).
pub fn parse(json: &str) -> Result<Drill, ParseError> {
    let error = |e: serde_json::Error| ParseError {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    };
    serde_json::from_str::<DrillFile>(json).map_err(error)?;
    serde_json::from_str(json).map_err(error)
}

/// Every structural problem of a drill; empty means valid. Checks: the id is
/// kebab-case, the lecture exists, every text is non-empty and trimmed in zh
/// and en, and the kind's own rules ([`rewrite::validate`],
/// [`sort::validate`], [`spot::validate`]). The scorer's checks of a rewrite
/// drill are added by [`crate::scoring::rewrite::validate_drill`].
pub fn validate(d: &Drill) -> Vec<String> {
    let h = d.head();
    let mut p = Problems::new(format!("drill {:?}", h.id));
    if !is_id(h.id) {
        p.push("id must be kebab-case (a-z, 0-9, -)");
    }
    if !(1..=LECTURES).contains(&h.lecture) {
        p.push(format!("lecture {} does not exist (1–{LECTURES})", h.lecture));
    }
    p.text("title", h.title);
    p.text("intro", h.intro);
    p.text("source", h.source);
    match d {
        Drill::Rewrite(r) => rewrite::validate(r, &mut p),
        Drill::Sort(s) => sort::validate(s, &mut p),
        Drill::Spot(s) => spot::validate(s, &mut p),
    }
    p.list
}

/// [`validate`], plus: the id is the file's name (`<id>.json`).
pub fn validate_file(file_id: &str, d: &Drill) -> Vec<String> {
    let mut errors = Vec::new();
    if d.head().id != file_id {
        errors.push(format!("file {file_id}.json holds drill {:?}", d.head().id));
    }
    errors.extend(validate(d));
    errors
}

/// The problems found so far, each prefixed with where it is.
pub struct Problems {
    at: String,
    pub list: Vec<String>,
}

impl Problems {
    pub fn new(at: String) -> Problems {
        Problems { at, list: Vec::new() }
    }

    pub fn push(&mut self, what: impl AsRef<str>) {
        self.list.push(format!("{}: {}", self.at, what.as_ref()));
    }

    /// A text must be non-empty and trimmed in both languages.
    pub fn text(&mut self, what: &str, t: &Text) {
        for (lang, s) in [("zh", &t.zh), ("en", &t.en)] {
            if s.trim().is_empty() {
                self.push(format!("{what}: empty {lang} text"));
            } else if s.trim() != s {
                self.push(format!("{what}: {lang} text has surrounding spaces"));
            }
        }
    }

    /// Every pattern valid and listed once; with `needed`, both languages
    /// hold at least one.
    pub fn patterns(&mut self, what: &str, list: &Phrasings, needed: bool) {
        for (lang, ps) in [("zh", &list.zh), ("en", &list.en)] {
            if needed && ps.is_empty() {
                self.push(format!("{what}: needs at least one {lang} pattern"));
            }
            let mut seen = HashSet::new();
            for pat in ps {
                if let Err(e) = check_phrasing(pat) {
                    self.push(format!("{what}: {lang} pattern {pat:?}: {e}"));
                }
                if !seen.insert(pat.as_str()) {
                    self.push(format!("{what}: {lang} pattern {pat:?} listed twice"));
                }
            }
        }
    }

    /// Ids must be well formed and unique in their list.
    pub fn ids<'a>(&mut self, what: &str, ids: impl IntoIterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if !is_id(id) {
                self.push(format!("{what} {id:?}: id must be kebab-case, at most {MAX_ID} bytes"));
            }
            if !seen.insert(id) {
                self.push(format!("{what} {id:?}: id appears twice"));
            }
        }
    }
}

/// Whether `s` is a kebab-case id of at most [`MAX_ID`] bytes.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Right answers out of all items, for the exact kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub right: usize,
    pub total: usize,
}

impl Tally {
    /// 0–100, rounded; 0 for a drill with no items.
    pub fn percent(&self) -> u8 {
        if self.total == 0 {
            return 0;
        }
        ((self.right.min(self.total) * 100 + self.total / 2) / self.total) as u8
    }
}
