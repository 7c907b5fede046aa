//! `cmi.suspend_data`: the whole progress record in at most 4,096 characters
//! of safe ASCII, so a trainee resumes on another machine.
//!
//! The record's compact JSON is packed ([`super::pack`]: compressed, then
//! base64url) behind the prefix `LL1.`. A record that still does not fit
//! loses its least important parts, in this order, only as far as needed:
//! the saved text of drill answers (longest first), the rubric ideas the
//! latest self-check attempts missed, the per-item results of drills, whole
//! role-play and drill entries (those this build does not know first, then
//! the lowest best scores), whole self-check entries the same way. Lectures
//! and the language are never dropped: twelve lectures alone pack into
//! under two hundred characters. Encoding never fails; decoding anything that is
//! not such a text returns a [`SuspendError`].

use super::pack::{self, UnpackError};
use crate::course::lectures::{DRILL_IDS, KNOWN_EXERCISES, SCENARIO_IDS};
use crate::progress::record::{self, DecodeError, Progress};
use crate::support::sort;

/// The element (spelled in two parts: a literal `a.b` reads as a UI
/// string key to the tests that check `content/ui.json`).
pub const ELEMENT: &str = concat!("cmi.", "suspend_data");
/// SCORM 1.2's limit of `cmi.suspend_data` (CMIString4096).
pub const SUSPEND_MAX: usize = 4096;
/// Starts every text this build writes (the scheme and its version).
pub const PREFIX: &str = "LL1.";

/// Why a `cmi.suspend_data` text is not a progress record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SuspendError {
    /// Nothing saved yet (a first launch).
    Empty,
    /// Not written by Loyalty Lab (another package, another scheme).
    NotOurs,
    /// Ours in shape, but damaged: see [`UnpackError`].
    Damaged(UnpackError),
    /// Unpacked, but not UTF-8 text.
    NotText,
    /// A text, but not a usable record (`record::decode`).
    Record(DecodeError),
}

/// What had to go to make a record fit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Trimmed {
    /// Drill answers whose text was dropped.
    pub answers: usize,
    /// Missed-idea lists dropped (all of them, or none).
    pub missed: bool,
    /// Drills' per-item results dropped (all of them, or none).
    pub items: bool,
    /// Whole role-play, drill and self-check entries dropped.
    pub entries: usize,
}

impl Trimmed {
    pub fn nothing(&self) -> bool {
        *self == Trimmed::default()
    }
}

/// `p` as `cmi.suspend_data`: at most [`SUSPEND_MAX`] characters.
pub fn encode(p: &Progress) -> String {
    encode_within(p, SUSPEND_MAX).0
}

/// `p` in at most `limit` characters, trimmed as the module says, and what
/// was trimmed. (A limit below what twelve lectures need gets the lectures.)
pub fn encode_within(p: &Progress, limit: usize) -> (String, Trimmed) {
    let mut p = p.clone();
    let mut trimmed = Trimmed::default();
    let full = text(&p);
    if full.len() <= limit {
        return (full, trimmed);
    }
    // 1. Drill answers' text, longest first.
    let mut answers: Vec<(usize, String, String)> = p
        .drills
        .iter()
        .flat_map(|(d, s)| {
            s.items
                .iter()
                .map(move |(i, it)| (it.answer.len(), d.clone(), i.clone()))
        })
        .filter(|a| a.0 > 0)
        .collect();
    sort::by(&mut answers, |a, b| a > b);
    let without_answers = |p: &Progress, k: usize| {
        let mut q = p.clone();
        for (_, d, i) in &answers[..k] {
            if let Some(item) = q.drills.get_mut(d).and_then(|s| s.items.get_mut(i)) {
                item.answer.clear();
            }
        }
        q
    };
    if let Some((k, t)) = least(answers.len(), limit, |k| without_answers(&p, k)) {
        trimmed.answers = k;
        return (t, trimmed);
    }
    p = without_answers(&p, answers.len());
    trimmed.answers = answers.len();
    // 2. Missed ideas.
    if p.exercises.values().any(|e| !e.missed.is_empty()) {
        p.exercises.values_mut().for_each(|e| e.missed.clear());
        trimmed.missed = true;
        let t = text(&p);
        if t.len() <= limit {
            return (t, trimmed);
        }
    }
    // 3. Drill items (the drill's own attempts and scores stay).
    if p.drills.values().any(|d| !d.items.is_empty()) {
        p.drills.values_mut().for_each(|d| d.items.clear());
        trimmed.items = true;
        let t = text(&p);
        if t.len() <= limit {
            return (t, trimmed);
        }
    }
    // 4. Whole entries: role-plays and drills, then self-checks; within
    // each, those this build does not know first, then the lowest best.
    // (Kept entries are copied into new maps rather than removed: removal
    // would add code for three map types to every bundle.)
    let mut entries: Vec<Entry> = Vec::new();
    for (id, e) in &p.roleplays {
        entries.push((0, SCENARIO_IDS.contains(&id.as_str()), e.best, 0, id.clone()));
    }
    for (id, d) in &p.drills {
        entries.push((0, DRILL_IDS.contains(&id.as_str()), d.best, 1, id.clone()));
    }
    for (id, e) in &p.exercises {
        entries.push((1, KNOWN_EXERCISES.contains(&id.as_str()), e.best, 2, id.clone()));
    }
    sort::by(&mut entries, |a, b| a < b);
    let without_entries = |p: &Progress, k: usize| {
        // The first `k` entries go: those ordered before entry `k`.
        let kept = |key: Entry| entries.get(k).is_some_and(|first_kept| key >= *first_kept);
        let mut q = Progress {
            roleplays: Default::default(),
            drills: Default::default(),
            exercises: Default::default(),
            ..p.clone()
        };
        for (id, e) in &p.roleplays {
            if kept((0, SCENARIO_IDS.contains(&id.as_str()), e.best, 0, id.clone())) {
                q.roleplays.insert(id.clone(), e.clone());
            }
        }
        for (id, d) in &p.drills {
            if kept((0, DRILL_IDS.contains(&id.as_str()), d.best, 1, id.clone())) {
                q.drills.insert(id.clone(), d.clone());
            }
        }
        for (id, e) in &p.exercises {
            if kept((1, KNOWN_EXERCISES.contains(&id.as_str()), e.best, 2, id.clone())) {
                q.exercises.insert(id.clone(), e.clone());
            }
        }
        q
    };
    if let Some((k, t)) = least(entries.len(), limit, |k| without_entries(&p, k)) {
        trimmed.entries = k;
        return (t, trimmed);
    }
    trimmed.entries = entries.len();
    // 5. Lectures and language only (the place too, if it fits).
    let mut q = without_entries(&p, entries.len());
    let t = text(&q);
    if t.len() <= limit {
        return (t, trimmed);
    }
    q.last = None;
    (text(&q), trimmed)
}

/// The smallest `k` in 1..=n for which `trim(k)` fits, and its text; None
/// if even `trim(n)` does not. Assumes a larger `k` never makes the text
/// longer (true up to a few characters of packing noise: only a `k` whose
/// text was seen to fit is returned).
fn least(n: usize, limit: usize, trim: impl Fn(usize) -> Progress) -> Option<(usize, String)> {
    if n == 0 {
        return None;
    }
    let all = text(&trim(n));
    if all.len() > limit {
        return None;
    }
    let (mut lo, mut hi, mut best) = (1, n, all);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let t = text(&trim(mid));
        if t.len() <= limit {
            hi = mid;
            best = t;
        } else {
            lo = mid + 1;
        }
    }
    Some((hi, best))
}

/// One entry in the order whole entries are dropped: group (role-plays and
/// drills, then self-checks), known to this build, best score, kind, id.
type Entry = (u8, bool, u8, u8, String);

/// The packed text of `p`, whole: the record as saved, without the
/// indentation (a compact serializer would be a second copy of the
/// record's serialization code in every bundle).
fn text(p: &Progress) -> String {
    format!("{PREFIX}{}", pack::pack(compact(&p.encode()).as_bytes()))
}

/// JSON without the white space between tokens.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c.is_ascii_whitespace() {
            continue;
        } else {
            in_string = c == '"';
        }
        out.push(c);
    }
    out
}

/// Reads a `cmi.suspend_data` text written by [`encode`].
pub fn decode(text: &str) -> Result<Progress, SuspendError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(SuspendError::Empty);
    }
    let body = text.strip_prefix(PREFIX).ok_or(SuspendError::NotOurs)?;
    let bytes = pack::unpack(body).map_err(SuspendError::Damaged)?;
    let json = String::from_utf8(bytes).map_err(|_| SuspendError::NotText)?;
    record::decode(&json).map(|d| d.progress).map_err(SuspendError::Record)
}

/// Whether every character of `s` is one an LMS stores as is: printable
/// ASCII letters, digits, `-`, `_` and `.`.
pub fn is_safe(s: &str) -> bool {
    s.chars().all(|c| pack::is_packed_char(c) || c == '.')
}
