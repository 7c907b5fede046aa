//! A trainee's progress: the one versioned record kept in localStorage and
//! moved between browsers as an export file (DESIGN.md, "Storage").
//!
//! Reading is defensive: [`decode`] accepts the current schema, migrates
//! older ones, and turns anything else (not JSON, not ours, newer than this
//! build, out-of-range values, too large) into a typed [`DecodeError`] that
//! the screen explains. Nothing here touches the browser; `web::storage`
//! moves the text in and out. Pure module: no yew, no web-sys.

use super::drill::DrillState;
use crate::course::lectures::{KNOWN_EXERCISES, LECTURES};
use crate::routing::route::Route;
use crate::support::i18n::Lang;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The schema this build writes. History:
/// - 1: `{app, version: 1, lang, visited: [n…], done: [n…]}` — lecture lists only.
/// - 2: per-lecture and per-exercise records, the last place visited.
/// - 3: adds role-play results (`roleplays`); a schema-2 record reads as is.
/// - 4: adds, per self-check, the rubric ideas the latest attempt missed
///   (`missed`), so a trainer's class view can list the most-missed ideas;
///   schema-2 and -3 records read as is (nothing recorded as missed).
/// - 5: adds practice drill results (`drills`, see [`super::drill`]);
///   schema-2 to -4 records read as is (no drill done).
pub const SCHEMA: u32 = 5;
/// Marks a record (and an export file) as Loyalty Lab's.
pub const APP_ID: &str = "loyalty-lab";
/// Largest record or import file accepted, in bytes.
pub const MAX_BYTES: usize = 256 * 1024;
/// Most missed ideas kept per exercise (a rubric has 4–6 ideas).
pub const MAX_MISSED: usize = 12;
/// Longest idea id accepted in `missed`.
pub const MAX_IDEA_ID: usize = 48;

/// The whole saved state of one trainee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub app: String,
    pub version: u32,
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Path of the last lecture or screen opened, for "continue".
    #[serde(default)]
    pub last: Option<String>,
    #[serde(default)]
    pub lectures: BTreeMap<u8, LectureState>,
    #[serde(default)]
    pub exercises: BTreeMap<String, ExerciseState>,
    /// Complaint role-play results, by scenario id (score 0–100).
    #[serde(default)]
    pub roleplays: BTreeMap<String, ExerciseState>,
    /// Practice drill results, by drill id (schema 5).
    #[serde(default)]
    pub drills: BTreeMap<String, DrillState>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LectureState {
    #[serde(default)]
    pub visited: bool,
    #[serde(default)]
    pub done: bool,
}

/// The results of one self-check or one role-play scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseState {
    pub attempts: u32,
    /// Best score, 0–100.
    pub best: u8,
    /// Latest score, 0–100.
    pub last: u8,
    /// Self-checks only (schema 4): ids of the rubric ideas the latest attempt
    /// did not get credit for, sorted, unique, at most [`MAX_MISSED`]. An idea
    /// is credited when the scorer counts it as found (credit ≥
    /// `scoring::FOUND_AT`, the ✓ the trainee sees). Always empty for
    /// role-plays and in records from before schema 4.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missed: Vec<String>,
}

impl ExerciseState {
    /// The scores of a first attempt (nothing recorded as missed).
    pub fn first(score: u8) -> ExerciseState {
        ExerciseState {
            attempts: 1,
            best: score,
            last: score,
            missed: Vec::new(),
        }
    }

    /// Adds an attempt with `score`; what an earlier attempt missed no longer
    /// applies, so `missed` is cleared (see [`ExerciseState::set_missed`]).
    pub fn record(&mut self, score: u8) {
        self.attempts = self.attempts.saturating_add(1);
        self.best = self.best.max(score);
        self.last = score;
        self.missed.clear();
    }

    /// Sets the ideas the latest attempt missed: ids that are not idea-id
    /// shaped are dropped, the rest sorted, deduplicated and capped at
    /// [`MAX_MISSED`], so the result always passes [`decode`]'s checks.
    pub fn set_missed(&mut self, ids: impl IntoIterator<Item = String>) {
        let mut ids: Vec<String> = ids.into_iter().filter(|id| is_idea_id(id)).collect();
        ids.sort();
        ids.dedup();
        ids.truncate(MAX_MISSED);
        self.missed = ids;
    }

    fn check(&self, id: &str) -> Result<(), DecodeError> {
        if self.best > 100 || self.last > 100 || self.last > self.best || self.attempts == 0 {
            return Err(DecodeError::Invalid(format!("{id} has impossible scores")));
        }
        if self.missed.len() > MAX_MISSED {
            return Err(DecodeError::Invalid(format!("{id} lists too many missed ideas")));
        }
        if let Some(bad) = self.missed.iter().find(|m| !is_idea_id(m)) {
            return Err(DecodeError::Invalid(format!("{id}: \"{bad}\" is not an idea id")));
        }
        if self.missed.windows(2).any(|w| w[0] >= w[1]) {
            return Err(DecodeError::Invalid(format!(
                "{id}: missed ideas out of order or repeated"
            )));
        }
        Ok(())
    }
}

/// Whether `s` looks like a rubric idea id: kebab-case ASCII (`price-war`),
/// at most [`MAX_IDEA_ID`] bytes. Only the shape is checked: the rubrics are
/// content files fetched on demand, and a record may come from a build with
/// other rubrics.
pub fn is_idea_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_IDEA_ID
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Where a trainee stands on one lecture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    NotStarted,
    Visited,
    Done,
}

/// Why a text could not be read as progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    TooLarge { bytes: usize },
    NotJson(String),
    NotOurs,
    NoVersion,
    TooNew { version: u64 },
    Shape(String),
    Invalid(String),
}

/// A successfully read record, and the schema it was written in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub progress: Progress,
    pub from_version: u32,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            app: APP_ID.to_owned(),
            version: SCHEMA,
            lang: None,
            last: None,
            lectures: BTreeMap::new(),
            exercises: BTreeMap::new(),
            roleplays: BTreeMap::new(),
            drills: BTreeMap::new(),
        }
    }
}

impl Progress {
    pub fn status(&self, lecture: u8) -> Status {
        match self.lectures.get(&lecture) {
            Some(s) if s.done => Status::Done,
            Some(s) if s.visited => Status::Visited,
            _ => Status::NotStarted,
        }
    }

    /// Records that a lecture page was opened, and remembers it for "continue".
    pub fn visit(&mut self, lecture: u8) {
        self.lectures.entry(lecture).or_default().visited = true;
        self.last = Some(format!("/lecture/{lecture}"));
    }

    pub fn set_done(&mut self, lecture: u8, done: bool) {
        let s = self.lectures.entry(lecture).or_default();
        s.visited = true;
        s.done = done;
    }

    /// Lectures marked done.
    pub fn done_count(&self) -> usize {
        (1..=LECTURES).filter(|&n| self.status(n) == Status::Done).count()
    }

    /// Where "continue where I left off" leads: the last place, or else the
    /// first lecture not yet done.
    pub fn continue_route(&self) -> Route {
        self.last
            .as_deref()
            .map(Route::resolve)
            .filter(Route::is_resumable)
            .unwrap_or_else(|| {
                let n = (1..=LECTURES).find(|&n| self.status(n) != Status::Done).unwrap_or(1);
                Route::Lecture { n }
            })
    }

    /// Whether the trainee has done anything worth resuming.
    pub fn has_started(&self) -> bool {
        self.last.is_some()
            || !self.lectures.is_empty()
            || !self.exercises.is_empty()
            || !self.roleplays.is_empty()
            || !self.drills.is_empty()
    }

    /// Records a checked answer of one drill item: see [`DrillState::record`].
    pub fn record_drill(&mut self, drill: &str, item: &str, score: u8, answer: &str, total: usize) {
        if super::drill::is_id(drill) {
            self.drills
                .entry(drill.to_owned())
                .or_default()
                .record(item, score, answer, total);
        }
    }

    /// The record as saved and exported: pretty JSON of the current schema.
    pub fn encode(&self) -> String {
        let mut p = self.clone();
        p.app = APP_ID.to_owned();
        p.version = SCHEMA;
        // Serializing plain maps of numbers, strings and bools cannot fail.
        serde_json::to_string_pretty(&p).unwrap_or_default()
    }

    fn check(&self) -> Result<(), DecodeError> {
        if let Some(&n) = self.lectures.keys().find(|n| !(1..=LECTURES).contains(*n)) {
            return Err(DecodeError::Invalid(format!("lecture {n} does not exist")));
        }
        for (id, e) in &self.exercises {
            if !KNOWN_EXERCISES.contains(&id.as_str()) {
                return Err(DecodeError::Invalid(format!("self-check \"{id}\" does not exist")));
            }
            e.check(id)?;
        }
        for (id, e) in &self.roleplays {
            // Ids are checked for shape only: a record may come from a build
            // with more scenarios than this one.
            if id.is_empty()
                || id.len() > 64
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(DecodeError::Invalid(format!("role-play \"{id}\" is not a scenario id")));
            }
            e.check(id)?;
            if !e.missed.is_empty() {
                return Err(DecodeError::Invalid(format!("role-play \"{id}\" lists missed ideas")));
            }
        }
        for (id, d) in &self.drills {
            d.check(id)?;
        }
        if let Some(last) = &self.last {
            if !Route::resolve(last).is_resumable() {
                return Err(DecodeError::Invalid(format!("unknown place \"{last}\"")));
            }
        }
        Ok(())
    }
}

/// Schema 1, kept only to migrate from.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1 {
    #[allow(dead_code)]
    app: String,
    #[allow(dead_code)]
    version: u32,
    #[serde(default)]
    lang: Option<Lang>,
    #[serde(default)]
    visited: Vec<u8>,
    #[serde(default)]
    done: Vec<u8>,
}

impl From<V1> for Progress {
    fn from(v1: V1) -> Self {
        let mut p = Progress {
            lang: v1.lang,
            ..Progress::default()
        };
        for n in v1.visited {
            p.lectures.entry(n).or_default().visited = true;
        }
        for n in v1.done {
            p.set_done(n, true);
        }
        p
    }
}

/// Reads a saved record or an import file, migrating older schemas.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    if text.len() > MAX_BYTES {
        return Err(DecodeError::TooLarge { bytes: text.len() });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    if value.get("app").and_then(Value::as_str) != Some(APP_ID) {
        return Err(DecodeError::NotOurs);
    }
    let version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(DecodeError::NoVersion)?;
    let shape = |e: serde_json::Error| DecodeError::Shape(e.to_string());
    let progress = match version {
        1 => Progress::from(serde_json::from_value::<V1>(value).map_err(shape)?),
        // Schemas 3 to 5 only added fields that default to empty.
        2..=5 => serde_json::from_value::<Progress>(value).map_err(shape)?,
        v if v > u64::from(SCHEMA) => return Err(DecodeError::TooNew { version: v }),
        _ => return Err(DecodeError::NoVersion),
    };
    if version < 4 && progress.exercises.values().any(|e| !e.missed.is_empty()) {
        return Err(DecodeError::Shape(format!("schema {version} has no missed ideas")));
    }
    if version < 5 && !progress.drills.is_empty() {
        return Err(DecodeError::Shape(format!("schema {version} has no drills")));
    }
    progress.check()?;
    // In memory every record is the current schema (`from_version` says what
    // it was), so the same record read from two schemas compares equal.
    let progress = Progress {
        version: SCHEMA,
        ..progress
    };
    Ok(Decoded {
        progress,
        from_version: version as u32,
    })
}

/// What the app found in storage at start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing saved yet: a fresh start.
    Fresh,
    /// Saved progress, current or migrated from `from_version`.
    Found(Decoded),
    /// Something is saved but cannot be used; the app starts fresh, keeps the
    /// raw text as a backup and tells the trainee.
    Damaged(DecodeError),
}

/// Interprets the raw text found in storage (None if nothing is there).
pub fn load(raw: Option<&str>) -> Loaded {
    match raw {
        None => Loaded::Fresh,
        Some(s) if s.trim().is_empty() => Loaded::Fresh,
        Some(s) => match decode(s) {
            Ok(d) => Loaded::Found(d),
            Err(e) => Loaded::Damaged(e),
        },
    }
}
