//! What a trainee's progress means to a learning platform (LMS) that runs
//! the app as a SCORM 1.2 package: the run-time data model's values derived
//! from the progress record, and the record itself carried in
//! `cmi.suspend_data`. Pure: `web::lms` finds the LMS's API in the page and
//! makes the calls.
//!
//! The package is one SCO, the whole app (see the README): SCORM 1.2 has a
//! single status and a single score per SCO and no shared state between
//! SCOs, while the app's progress is one record across all screens. So:
//! - `cmi.core.lesson_status` is `completed` once all twelve lectures are
//!   marked done, `incomplete` before ([`core`]);
//! - `cmi.core.score.raw` (0–100) is the mean best score over the course's
//!   self-checks and drills, one not yet tried counting 0, and is written
//!   once any has a score;
//! - `cmi.objectives.n` has one objective per lecture (`lecture-3`:
//!   completed, incomplete once visited, not attempted) and one per
//!   self-check, drill and role-play tried, with its best score
//!   ([`objectives`]);
//! - `cmi.interactions.n` are SCORM 1.2's write-only journal: one entry is
//!   added for each new result, a self-check attempt, a role-play or a drill
//!   item checked, and none when nothing changed ([`interactions`]);
//! - `cmi.suspend_data` holds the record ([`suspend`]), and the two records
//!   a trainee may have, this browser's and the LMS's, combine by
//!   [`merge`].

pub mod merge;
pub mod pack;
pub mod suspend;

pub use merge::merge;

use crate::course::lectures::{DRILL_IDS, KNOWN_EXERCISES, LECTURES};
use crate::progress::drill::DrillState;
use crate::progress::record::{Progress, Status};

/// The search parameter of the package's launch address
/// (`index.html?scorm=12#/`): only a page opened with it looks for an LMS.
pub const LAUNCH_PARAM: (&str, &str) = ("scorm", "12");
/// Longest value of a CMIString255 element.
const STRING255: usize = 255;

/// Whether a page's `location.search` (`?scorm=12`, `?a=b&scorm=12`) is the
/// package's launch address.
pub fn launched_from_package(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split_once('=') == Some(LAUNCH_PARAM))
}

/// One value to write: element and value.
pub type Value = (String, String);

fn value(element: impl Into<String>, v: impl Into<String>) -> Value {
    (element.into(), v.into())
}

/// The `cmi.core` values: status, score (once there is one), the place to
/// continue from, and `suspend` as the exit, so the LMS keeps
/// `cmi.suspend_data` for the next launch.
pub fn core(p: &Progress) -> Vec<Value> {
    let status = if p.done_count() == usize::from(LECTURES) {
        "completed"
    } else {
        "incomplete"
    };
    let mut out = vec![value("cmi.core.lesson_status", status)];
    if let Some(score) = course_score(p) {
        out.push(value("cmi.core.score.raw", score.to_string()));
        out.push(value("cmi.core.score.min", "0"));
        out.push(value("cmi.core.score.max", "100"));
    }
    let place: String = p.last.as_deref().unwrap_or("").chars().take(STRING255).collect();
    out.push(value("cmi.core.lesson_location", place));
    out.push(value("cmi.core.exit", "suspend"));
    out
}

/// The course's score, 0–100: the mean best score over every self-check
/// and drill of this build, one not tried counting 0. None before any has
/// a score.
pub fn course_score(p: &Progress) -> Option<u8> {
    let checks = KNOWN_EXERCISES.iter().map(|id| p.exercises.get(*id).map(|e| e.best));
    let drills = DRILL_IDS.iter().map(|id| p.drills.get(*id).map(|d| d.best));
    let bests: Vec<Option<u8>> = checks.chain(drills).collect();
    if bests.iter().all(Option::is_none) {
        return None;
    }
    let sum: u32 = bests.iter().map(|b| u32::from(b.unwrap_or(0))).sum();
    let n = bests.len() as u32;
    Some(((sum + n / 2) / n) as u8)
}

/// One objective: id, status (SCORM 1.2's vocabulary) and best score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Objective {
    pub id: String,
    pub status: &'static str,
    pub score: Option<u8>,
}

/// The objectives of a record: the twelve lectures, then every self-check,
/// drill and role-play it has a result for.
pub fn objectives(p: &Progress) -> Vec<Objective> {
    let mut out: Vec<Objective> = (1..=LECTURES)
        .map(|n| Objective {
            id: format!("lecture-{n}"),
            status: match p.status(n) {
                Status::Done => "completed",
                Status::Visited => "incomplete",
                Status::NotStarted => "not attempted",
            },
            score: None,
        })
        .collect();
    for (id, e) in &p.exercises {
        out.push(Objective {
            id: format!("self-check-{id}"),
            status: "completed",
            score: Some(e.best),
        });
    }
    for (id, d) in &p.drills {
        out.push(Objective {
            id: format!("drill-{id}"),
            status: if d.total > 0 && d.answered() >= d.total as usize {
                "completed"
            } else {
                "incomplete"
            },
            score: Some(d.best),
        });
    }
    for (id, e) in &p.roleplays {
        out.push(Objective {
            id: format!("roleplay-{id}"),
            status: "completed",
            score: Some(e.best),
        });
    }
    out
}

/// Which `cmi.objectives.n` holds which objective: read from the LMS at
/// launch (the ids it already has), new ones appended.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Slots {
    ids: Vec<String>,
}

impl Slots {
    /// The ids the LMS holds, by index.
    pub fn from_ids(ids: Vec<String>) -> Slots {
        Slots { ids }
    }

    /// The index of `id`, a new one at the end if the LMS has none yet.
    pub fn index(&mut self, id: &str) -> usize {
        match self.ids.iter().position(|x| x == id) {
            Some(i) => i,
            None => {
                self.ids.push(id.to_owned());
                self.ids.len() - 1
            }
        }
    }
}

/// The `cmi.objectives.n.*` values of a record (id first: an LMS creates
/// the entry when its id is set).
pub fn objective_values(p: &Progress, slots: &mut Slots) -> Vec<Value> {
    let mut out = Vec::new();
    for o in objectives(p) {
        let at = format!("cmi.objectives.{}", slots.index(&o.id));
        out.push(value(format!("{at}.id"), o.id));
        if let Some(score) = o.score {
            out.push(value(format!("{at}.score.raw"), score.to_string()));
            out.push(value(format!("{at}.score.min"), "0"));
            out.push(value(format!("{at}.score.max"), "100"));
        }
        out.push(value(format!("{at}.status"), o.status));
    }
    out
}

/// One journal entry of `cmi.interactions`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interaction {
    /// `self-check-1-1`, `roleplay-coffee-gift`, `drill-<drill>-<item>`.
    pub id: String,
    /// SCORM 1.2's type: `fill-in` for a written answer, `choice` for a
    /// level or option picked, `performance` for a role-play.
    pub kind: &'static str,
    /// `correct` / `wrong` for an exactly scored item, else the score 0–100.
    pub result: String,
    /// What the trainee wrote, for a drill rewrite (at most 255 characters).
    pub response: Option<String>,
    /// The objective it counts toward.
    pub objective: String,
}

/// The journal entries for what changed from `before` (what the LMS has
/// already been told) to `after`: a self-check or role-play with more
/// attempts gets one entry for its latest score; a drill item with a new
/// result or answer gets one. Same records, no entries.
pub fn interactions(before: &Progress, after: &Progress) -> Vec<Interaction> {
    let mut out = Vec::new();
    for (now, was, prefix, kind) in [
        (&after.exercises, &before.exercises, "self-check", "fill-in"),
        (&after.roleplays, &before.roleplays, "roleplay", "performance"),
    ] {
        for (id, e) in now {
            if was.get(id).is_none_or(|b| e.attempts > b.attempts) {
                out.push(Interaction {
                    id: format!("{prefix}-{id}"),
                    kind,
                    result: e.last.to_string(),
                    response: None,
                    objective: format!("{prefix}-{id}"),
                });
            }
        }
    }
    let none = DrillState::default();
    for (id, d) in &after.drills {
        let was = before.drills.get(id).unwrap_or(&none);
        if d.attempts <= was.attempts {
            continue;
        }
        for (item, s) in &d.items {
            if was.items.get(item) == Some(s) {
                continue;
            }
            // Levels and options are ids; a rewrite is a sentence.
            let picked = crate::progress::drill::is_id(&s.answer) && (s.last == 0 || s.last == 100);
            out.push(Interaction {
                id: format!("drill-{id}-{item}"),
                kind: if picked { "choice" } else { "fill-in" },
                result: match s.last {
                    100 => "correct".to_owned(),
                    0 => "wrong".to_owned(),
                    n => n.to_string(),
                },
                // One line (a line break is not a CMIString255 character
                // every LMS takes), at most 255 characters.
                response: (!picked && !s.answer.is_empty()).then(|| {
                    s.answer
                        .chars()
                        .map(|c| if c.is_control() { ' ' } else { c })
                        .take(STRING255)
                        .collect()
                }),
                objective: format!("drill-{id}"),
            });
        }
    }
    out
}

/// The `cmi.interactions.n.*` values of `list`, numbered from `first`
/// (the LMS's `cmi.interactions._count`), `time` the time of day
/// (`HH:MM:SS`, [`time_of_day`]).
pub fn interaction_values(list: &[Interaction], first: usize, time: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for (i, x) in list.iter().enumerate() {
        let at = format!("cmi.interactions.{}", first + i);
        out.push(value(format!("{at}.id"), x.id.clone()));
        out.push(value(format!("{at}.objectives.0.id"), x.objective.clone()));
        out.push(value(format!("{at}.time"), time));
        out.push(value(format!("{at}.type"), x.kind));
        out.push(value(format!("{at}.weighting"), "1"));
        if let Some(r) = &x.response {
            out.push(value(format!("{at}.student_response"), r.clone()));
        }
        out.push(value(format!("{at}.result"), x.result.clone()));
    }
    out
}

/// A CMITimespan (`HHHH:MM:SS.SS`) for `ms` milliseconds (at most 9999 hours).
pub fn timespan(ms: u64) -> String {
    let cs = (ms / 10).min(9999 * 360_000 + 359_999);
    format!(
        "{:04}:{:02}:{:02}.{:02}",
        cs / 360_000,
        cs / 6000 % 60,
        cs / 100 % 60,
        cs % 100
    )
}

/// A CMITime (`HH:MM:SS`) for a time of day in seconds since midnight.
pub fn time_of_day(seconds: u32) -> String {
    let s = seconds % 86_400;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// Whether an LMS answer to a call means success: SCORM 1.2 returns the
/// strings "true" / "false" (some run-times booleans).
pub fn is_true(answer: &str) -> bool {
    answer.trim().eq_ignore_ascii_case("true")
}

/// Whether an `LMSGetLastError` code means no error ("0", or nothing).
pub fn is_no_error(code: &str) -> bool {
    matches!(code.trim(), "" | "0")
}

/// Whether `cmi.core.lesson_mode` asks the SCO not to record anything: a
/// review of an attempt already made.
pub fn read_only(lesson_mode: &str) -> bool {
    lesson_mode.trim() == "review"
}
