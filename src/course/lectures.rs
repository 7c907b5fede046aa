//! The course as data: 7 chapters and 12 lectures of 客户忠诚的价值, each with
//! its key ideas, figures, cases, and the models and self-checks that belong
//! to it. Loaded from `content/lectures.json` (zh and en, written in the app's
//! own words) and checked by [`validate`] in the native tests.
//! Pure module: no yew, no web-sys.

use crate::support::i18n::{Lang, Text};
use serde::Deserialize;
use std::collections::HashSet;

/// Number of lectures in the course.
pub const LECTURES: u8 = 12;
/// Number of chapters in the course.
pub const CHAPTERS: u8 = 7;

/// Every interactive model the course plans, by its address (`#/<id>`).
pub const KNOWN_MODELS: [&str; 10] = [
    "mirror",
    "smith",
    "emotion-line",
    "iceberg",
    "pyramid",
    "loyalty-profit",
    "loyalty-ladder",
    "gaps",
    "value",
    "staff-value",
];
/// Every self-check the course holds (`#/self-check/<id>`): every file of
/// `content/selfchecks/` (listed by build.rs), so a self-check joins the
/// course by adding its file, with no Rust change.
pub const KNOWN_EXERCISES: [&str; SELFCHECK_IDS.len()] = SELFCHECK_IDS;
/// Models and self-checks that have a screen in this build. Only these are
/// linked or counted anywhere: nothing unbuilt is advertised. A screen joins
/// by adding its id here and its route in `routing/route.rs`.
pub const BUILT_MODELS: [&str; 10] = [
    "emotion-line",
    "gaps",
    "iceberg",
    "loyalty-ladder",
    "loyalty-profit",
    "mirror",
    "pyramid",
    "smith",
    "staff-value",
    "value",
];
/// Every self-check has its screen (one screen reads them all).
pub const BUILT_EXERCISES: [&str; SELFCHECK_IDS.len()] = SELFCHECK_IDS;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Course {
    pub chapters: Vec<Chapter>,
    pub lectures: Vec<Lecture>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chapter {
    pub n: u8,
    pub title: Text,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lecture {
    pub n: u8,
    pub chapter: u8,
    pub title: Text,
    pub summary: Text,
    /// 2–4 key ideas, shown on the course map card and the lecture page.
    pub ideas: Vec<Text>,
    /// Further points shown on the lecture page.
    pub details: Vec<Text>,
    pub figures: Vec<Figure>,
    pub cases: Vec<Case>,
    pub models: Vec<String>,
    pub exercises: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    pub title: Text,
    pub caption: Text,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub title: Text,
    pub summary: Text,
}

impl Lecture {
    /// The lecture's models that have a screen in this build.
    pub fn built_models(&self) -> impl Iterator<Item = &str> {
        self.models
            .iter()
            .map(String::as_str)
            .filter(|m| BUILT_MODELS.contains(m))
    }

    /// The lecture's self-checks: those the course file lists here, then
    /// any other file that names this lecture (a file dropped into
    /// `content/selfchecks/`).
    pub fn built_exercises(&self) -> impl Iterator<Item = &str> {
        let listed = self
            .exercises
            .iter()
            .map(String::as_str)
            .filter(|e| BUILT_EXERCISES.contains(e));
        let named = SELFCHECKS
            .iter()
            .filter(|(id, n)| *n == self.n && !self.exercises.iter().any(|e| e == id))
            .map(|(id, _)| *id);
        listed.chain(named)
    }

    /// The lecture's drills (every file in `content/drills/` names its
    /// lecture), by id.
    pub fn drills(&self) -> impl Iterator<Item = &'static str> + '_ {
        DRILLS.iter().filter(|d| d.1 == self.n).map(|d| d.0)
    }

    /// Whether the lecture links to anything interactive in this build.
    pub fn has_built_activities(&self) -> bool {
        self.built_models().next().is_some()
            || self.built_exercises().next().is_some()
            || self.drills().next().is_some()
    }
}

impl Course {
    pub fn lecture(&self, n: u8) -> Option<&Lecture> {
        self.lectures.iter().find(|l| l.n == n)
    }

    pub fn chapter(&self, n: u8) -> Option<&Chapter> {
        self.chapters.iter().find(|c| c.n == n)
    }
}

/// The shipped course file.
#[cfg(any(not(target_arch = "wasm32"), feature = "embed-content"))]
pub const LECTURES_JSON: &str = include_str!("../../content/lectures.json");

/// Parses a course file (the shipped one, or one under test).
pub fn parse(json: &str) -> Result<Course, serde_json::Error> {
    serde_json::from_str(json)
}

/// What `course()` gives when there is nothing to give.
static EMPTY: Course = Course {
    chapters: Vec::new(),
    lectures: Vec::new(),
};

/// The shipped course. `tests/content.rs` proves it parses and validates, so
/// the fallback (an empty course) can only appear in a broken build.
#[cfg(any(not(target_arch = "wasm32"), feature = "embed-content"))]
pub fn course() -> &'static Course {
    static COURSE: std::sync::OnceLock<Course> = std::sync::OnceLock::new();
    COURSE.get_or_init(|| parse(LECTURES_JSON).unwrap_or_else(|_| EMPTY.clone()))
}

#[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
thread_local! {
    static COURSE: std::cell::RefCell<(crate::support::i18n::Parts, Option<&'static Course>)> = Default::default();
}

/// The course as far as its language parts have arrived (browser bundles,
/// `web::texts`); empty before the first.
#[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
pub fn course() -> &'static Course {
    COURSE.with(|c| c.borrow().1).unwrap_or(&EMPTY)
}

/// Adds one language's part of the course file (browser bundles; a no-op
/// where the course is compiled in).
pub fn install_course(part: &str) -> Result<(), String> {
    #[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
    COURSE.with(|c| {
        let mut c = c.borrow_mut();
        let course: Course = c.0.add(part)?;
        // Kept for the page's lifetime: at most once per language.
        c.1 = Some(Box::leak(Box::new(course)));
        Ok::<(), String>(())
    })?;
    let _ = part;
    Ok(())
}

/// Every problem found in a course file; empty means valid.
pub fn validate(course: &Course) -> Vec<String> {
    let mut errors = Vec::new();
    let check_text = |what: &str, t: &Text, errors: &mut Vec<String>| {
        for (lang, s) in [("zh", &t.zh), ("en", &t.en)] {
            if s.trim().is_empty() {
                errors.push(format!("{what}: empty {lang} text"));
            } else if s.trim() != s {
                errors.push(format!("{what}: {lang} text has surrounding spaces"));
            }
        }
    };

    let chapter_ns: Vec<u8> = course.chapters.iter().map(|c| c.n).collect();
    if chapter_ns != (1..=CHAPTERS).collect::<Vec<_>>() {
        errors.push(format!(
            "chapters must be 1..={CHAPTERS} in order, found {chapter_ns:?}"
        ));
    }
    for c in &course.chapters {
        check_text(&format!("chapter {}", c.n), &c.title, &mut errors);
    }

    let lecture_ns: Vec<u8> = course.lectures.iter().map(|l| l.n).collect();
    if lecture_ns != (1..=LECTURES).collect::<Vec<_>>() {
        errors.push(format!(
            "lectures must be 1..={LECTURES} in order, found {lecture_ns:?}"
        ));
    }
    let mut seen_exercises = HashSet::new();
    let mut seen_figures = HashSet::new();
    let mut last_chapter = 0;
    for l in &course.lectures {
        let at = format!("lecture {}", l.n);
        if course.chapter(l.chapter).is_none() {
            errors.push(format!("{at}: unknown chapter {}", l.chapter));
        }
        if l.chapter < last_chapter {
            errors.push(format!("{at}: chapters must not go backwards"));
        }
        last_chapter = l.chapter;
        check_text(&format!("{at} title"), &l.title, &mut errors);
        check_text(&format!("{at} summary"), &l.summary, &mut errors);
        if !(2..=4).contains(&l.ideas.len()) {
            errors.push(format!("{at}: needs 2–4 key ideas, has {}", l.ideas.len()));
        }
        for (i, t) in l.ideas.iter().chain(&l.details).enumerate() {
            check_text(&format!("{at} point {}", i + 1), t, &mut errors);
        }
        for f in &l.figures {
            if !seen_figures.insert(f.id.clone()) {
                errors.push(format!("{at}: figure {} appears twice", f.id));
            }
            if f.id.trim().is_empty() {
                errors.push(format!("{at}: figure with an empty id"));
            }
            check_text(&format!("{at} figure {} title", f.id), &f.title, &mut errors);
            check_text(&format!("{at} figure {} caption", f.id), &f.caption, &mut errors);
        }
        for (i, c) in l.cases.iter().enumerate() {
            check_text(&format!("{at} case {} title", i + 1), &c.title, &mut errors);
            check_text(&format!("{at} case {} summary", i + 1), &c.summary, &mut errors);
        }
        for m in &l.models {
            if !KNOWN_MODELS.contains(&m.as_str()) {
                errors.push(format!("{at}: unknown model {m:?}"));
            }
        }
        for e in &l.exercises {
            if !KNOWN_EXERCISES.contains(&e.as_str()) {
                errors.push(format!("{at}: unknown self-check {e:?}"));
            }
            if !seen_exercises.insert(e.clone()) {
                errors.push(format!("{at}: self-check {e} listed twice"));
            }
        }
    }
    for m in KNOWN_MODELS {
        if !course.lectures.iter().any(|l| l.models.iter().any(|x| x == m)) {
            errors.push(format!("model {m} belongs to no lecture"));
        }
    }
    errors
}

/// A drill's title as its file gives it (its id if there is no such drill).
pub fn drill_title(id: &str, lang: Lang) -> &str {
    DRILLS
        .iter()
        .find(|d| d.0 == id)
        .map_or(id, |d| if lang == Lang::Zh { d.2 } else { d.3 })
}

// `SCENARIO_IDS`, `SELFCHECK_IDS` and `DRILL_IDS`: the on-demand content
// files, listed by build.rs from `content/scenarios/`, `content/selfchecks/`
// and `content/drills/`; `SCENARIO_TITLES`, `DRILLS` and `SELFCHECKS`: what
// the lists show.
include!(concat!(env!("OUT_DIR"), "/content_index.rs"));
