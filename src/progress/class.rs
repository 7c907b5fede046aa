//! The class as a whole: what a trainer sees after collecting the progress
//! files that trainees exported (DESIGN.md, "Trainers … may collect trainees'
//! exported results and look at the class as a whole"). It serves trainers in
//! workshops: who has opened and finished each lecture, how the self-check
//! scores spread, which rubric ideas the class misses most, how the complaint
//! role-plays went — and the same summary as a CSV file for a spreadsheet.
//!
//! Every file goes through [`progress::decode`](crate::progress::record::decode), so older schemas migrate and
//! damaged or foreign files are refused exactly as on the progress page. A
//! file is skipped, with its reason, when it cannot be read, when it is not
//! usable progress, when it is the same record as a file already imported
//! (equal [`Progress`] after decoding — the same export read twice, or
//! re-exported by a newer build), or when the class is full ([`MAX_FILES`]).
//! Nothing else changes: a skipped file leaves the class as it was.
//!
//! Counting rules:
//! - A lecture counts as *visited* when it was opened or marked done, *done*
//!   when marked done.
//! - A self-check or role-play counts as *attempted* with at least one
//!   attempt; its distribution and median are over each trainee's **best**
//!   score, in [`BINS`] bins of [`BIN_WIDTH`] points (0–19, 20–39, 40–59,
//!   60–79, 80–100: the last bin holds 100).
//! - *Missed* ideas come from each trainee's **latest** attempt (schema 4:
//!   ideas the scorer did not count as found). Records from before schema 4
//!   do not say what was missed, so they are left out of those counts:
//!   [`ExerciseSummary::missed_known`] is the number of trainees the counts
//!   are out of. Most-missed first; equal counts in idea-id order, so the
//!   result never depends on the order the files were chosen in.
//!
//! Pure module: no yew, no web-sys. The data stays with the caller (the
//! class screen keeps it in the tab's memory only).

use crate::course::lectures::{BUILT_EXERCISES, LECTURES, SCENARIO_IDS};
use crate::progress::record::{self as progress, DecodeError, ExerciseState, Progress};
use crate::support::format::trim;
use std::collections::BTreeMap;

/// Most trainees in one class view; files beyond are skipped.
pub const MAX_FILES: usize = 200;
/// Number of score bins.
pub const BINS: usize = 5;
/// Points per bin (the last bin also holds 100).
pub const BIN_WIDTH: u8 = 20;

/// The bin a score 0–100 falls in.
pub fn bin_of(score: u8) -> usize {
    usize::from(score / BIN_WIDTH).min(BINS - 1)
}

/// The lowest and highest score of bin `i`: (0, 19) … (80, 100).
pub fn bin_range(i: usize) -> (u8, u8) {
    let i = i.min(BINS - 1) as u8;
    let lo = i * BIN_WIDTH;
    let hi = if usize::from(i) == BINS - 1 {
        100
    } else {
        lo + BIN_WIDTH - 1
    };
    (lo, hi)
}

/// The median of `values` (mean of the middle two for an even count), None
/// when empty.
pub fn median(values: &[u8]) -> Option<f64> {
    let mut v = values.to_vec();
    crate::support::sort::by(&mut v, |a, b| a < b);
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(v[n / 2])),
        _ => Some((f64::from(v[n / 2 - 1]) + f64::from(v[n / 2])) / 2.0),
    }
}

/// One imported trainee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trainee {
    /// The file it came from (how the screen names it).
    pub file: String,
    pub progress: Progress,
    /// The schema the file was written in.
    pub from_version: u32,
}

/// Why a file was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skip {
    /// Not usable progress (too large, not JSON, another app's, newer, damaged).
    Bad(DecodeError),
    /// The browser could not read the file.
    Unreadable,
    /// The same record as the file `of`, already imported.
    Duplicate { of: String },
    /// The class already holds [`MAX_FILES`] trainees.
    TooMany,
}

/// A file that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub file: String,
    pub why: Skip,
}

/// The files imported so far and the ones skipped, in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Class {
    pub trainees: Vec<Trainee>,
    pub skipped: Vec<Skipped>,
}

impl Class {
    /// A class from (file name, file text) pairs, in order.
    pub fn from_files<N: AsRef<str>, T: AsRef<str>>(files: impl IntoIterator<Item = (N, T)>) -> Class {
        let mut class = Class::default();
        for (name, text) in files {
            class.add(name.as_ref(), text.as_ref());
        }
        class
    }

    /// Reads one file into the class. Returns whether it was imported; if
    /// not, the reason is in [`Class::skipped`] and nothing else changed.
    pub fn add(&mut self, file: &str, text: &str) -> bool {
        if self.trainees.len() >= MAX_FILES {
            self.skip(file, Skip::TooMany);
            return false;
        }
        let decoded = match progress::decode(text) {
            Ok(d) => d,
            Err(e) => {
                self.skip(file, Skip::Bad(e));
                return false;
            }
        };
        if let Some(first) = self.trainees.iter().find(|t| t.progress == decoded.progress) {
            let of = first.file.clone();
            self.skip(file, Skip::Duplicate { of });
            return false;
        }
        self.trainees.push(Trainee {
            file: file.to_owned(),
            progress: decoded.progress,
            from_version: decoded.from_version,
        });
        true
    }

    /// Records a file that was not read at all (too large, unreadable, over
    /// the cap), so the report lists it with the others.
    pub fn skip(&mut self, file: &str, why: Skip) {
        self.skipped.push(Skipped {
            file: file.to_owned(),
            why,
        });
    }

    /// Room left before [`MAX_FILES`].
    pub fn room(&self) -> usize {
        MAX_FILES.saturating_sub(self.trainees.len())
    }

    pub fn summary(&self) -> ClassSummary {
        summarize(&self.trainees)
    }
}

/// Visits and completions of one lecture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LectureCount {
    pub n: u8,
    pub visited: u32,
    pub done: u32,
}

/// One rubric idea and how many trainees' latest attempt missed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissedIdea {
    pub id: String,
    pub count: u32,
}

/// The class on one self-check.
#[derive(Clone, Debug, PartialEq)]
pub struct ExerciseSummary {
    pub id: String,
    /// Trainees with at least one attempt.
    pub attempted: u32,
    /// Best scores per bin ([`bin_range`]); sums to `attempted`.
    pub bins: [u32; BINS],
    /// Median best score, None if nobody attempted it.
    pub median: Option<f64>,
    /// Trainees who attempted it and whose record says what they missed
    /// (schema 4 or later): the base of the `missed` counts.
    pub missed_known: u32,
    /// Ideas missed in the latest attempt, most-missed first, ties by id.
    pub missed: Vec<MissedIdea>,
}

/// The class on one role-play scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleplaySummary {
    pub id: String,
    pub attempted: u32,
    /// Median best score, None if nobody played it.
    pub median: Option<f64>,
}

/// Everything the class view shows and exports.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassSummary {
    pub trainees: u32,
    /// Lectures 1–12, in order.
    pub lectures: Vec<LectureCount>,
    /// The built self-checks in course order, then any other the files hold.
    pub exercises: Vec<ExerciseSummary>,
    /// The scenarios of this build, then any other the files hold (sorted).
    pub roleplays: Vec<RoleplaySummary>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `base` ids first, then the other keys of `maps`, sorted.
fn ids<'a>(base: &[&str], maps: impl Iterator<Item = &'a BTreeMap<String, ExerciseState>>) -> Vec<String> {
    let mut out: Vec<String> = base.iter().map(|s| (*s).to_owned()).collect();
    let mut extra: Vec<String> = Vec::new();
    for m in maps {
        for k in m.keys() {
            if !out.contains(k) && !extra.contains(k) {
                extra.push(k.clone());
            }
        }
    }
    crate::support::sort::by(&mut extra, |a, b| a < b);
    out.extend(extra);
    out
}

/// Counts the class (see the module notes for the rules).
pub fn summarize(trainees: &[Trainee]) -> ClassSummary {
    let lectures = (1..=LECTURES)
        .map(|n| {
            let states = trainees.iter().filter_map(|t| t.progress.lectures.get(&n));
            let (mut visited, mut done) = (0, 0);
            for s in states {
                visited += u32::from(s.visited || s.done);
                done += u32::from(s.done);
            }
            LectureCount { n, visited, done }
        })
        .collect();

    let exercises = ids(&BUILT_EXERCISES, trainees.iter().map(|t| &t.progress.exercises))
        .into_iter()
        .map(|id| {
            let results: Vec<(&Trainee, &ExerciseState)> = trainees
                .iter()
                .filter_map(|t| t.progress.exercises.get(&id).map(|e| (t, e)))
                .collect();
            let mut bins = [0u32; BINS];
            for (_, e) in &results {
                bins[bin_of(e.best)] += 1;
            }
            let bests: Vec<u8> = results.iter().map(|(_, e)| e.best).collect();
            let known: Vec<&ExerciseState> = results
                .iter()
                .filter(|(t, _)| t.from_version >= 4)
                .map(|(_, e)| *e)
                .collect();
            let mut tally: BTreeMap<&str, u32> = BTreeMap::new();
            for e in &known {
                for idea in &e.missed {
                    *tally.entry(idea.as_str()).or_default() += 1;
                }
            }
            let mut missed: Vec<MissedIdea> = tally
                .into_iter()
                .map(|(id, count)| MissedIdea {
                    id: id.to_owned(),
                    count,
                })
                .collect();
            // Stable: equal counts keep the id order of the tally.
            crate::support::sort::by(&mut missed, |a, b| a.count > b.count);
            ExerciseSummary {
                id,
                attempted: count(results.len()),
                bins,
                median: median(&bests),
                missed_known: count(known.len()),
                missed,
            }
        })
        .collect();

    let roleplays = ids(&SCENARIO_IDS, trainees.iter().map(|t| &t.progress.roleplays))
        .into_iter()
        .map(|id| {
            let bests: Vec<u8> = trainees
                .iter()
                .filter_map(|t| t.progress.roleplays.get(&id).map(|e| e.best))
                .collect();
            RoleplaySummary {
                attempted: count(bests.len()),
                median: median(&bests),
                id,
            }
        })
        .collect();

    ClassSummary {
        trainees: count(trainees.len()),
        lectures,
        exercises,
        roleplays,
    }
}

/// What a label in the CSV export names; the caller supplies the text in
/// the trainer's language (or None when it is not known, e.g. a rubric that
/// could not be fetched).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label<'a> {
    Lecture(u8),
    Exercise(&'a str),
    /// An idea of a self-check: (exercise id, idea id).
    Idea(&'a str, &'a str),
    Roleplay(&'a str),
}

/// Quotes one CSV field as RFC 4180 asks: in double quotes, with inner
/// quotes doubled, when it holds a comma, a quote, a line break or
/// surrounding spaces; as is otherwise. A field that a spreadsheet would
/// read as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
pub fn csv_field(s: &str) -> String {
    let s = match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if s.parse::<f64>().is_err() => format!("'{s}"),
        _ => s.to_owned(),
    };
    if s.contains([',', '"', '\n', '\r']) || s.trim() != s {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The header row of [`to_csv`].
pub const CSV_HEADER: [&str; 5] = ["section", "id", "item", "label", "value"];

/// The summary as one long CSV table (RFC 4180: CRLF line ends, a header
/// row), one number per row, so any spreadsheet can filter and pivot it:
///
/// | section | id | item | label | value |
/// |---|---|---|---|---|
/// | `class` | | `trainees` | | count |
/// | `lecture` | 1–12 | `visited`, `done` | lecture title | count |
/// | `self-check` | `1-1` … | `attempted`, `best 0-19` … `best 80-100`, `median best`, `missed known` | self-check title | count or score |
/// | `missed idea` | `1-1` … | idea id | idea label | trainees who missed it |
/// | `role-play` | scenario id | `attempted`, `median best` | scenario name | count or score |
///
/// `section` and `item` are fixed English words, for formulas and scripts;
/// `label` is human text in the language the caller chose (`label` returns
/// None to leave it empty). A median is empty when nobody attempted.
pub fn to_csv(s: &ClassSummary, label: impl Fn(Label) -> Option<String>) -> String {
    let mut rows: Vec<[String; 5]> = vec![CSV_HEADER.map(str::to_owned)];
    let mut row = |section: &str, id: &str, item: &str, label: Option<String>, value: String| {
        rows.push([
            section.to_owned(),
            id.to_owned(),
            item.to_owned(),
            label.unwrap_or_default(),
            value,
        ]);
    };
    row("class", "", "trainees", None, s.trainees.to_string());
    for l in &s.lectures {
        let id = l.n.to_string();
        row(
            "lecture",
            &id,
            "visited",
            label(Label::Lecture(l.n)),
            l.visited.to_string(),
        );
        row("lecture", &id, "done", label(Label::Lecture(l.n)), l.done.to_string());
    }
    let median_text = |m: Option<f64>| m.map(|m| trim(m, 1)).unwrap_or_default();
    for e in &s.exercises {
        let title = || label(Label::Exercise(&e.id));
        row("self-check", &e.id, "attempted", title(), e.attempted.to_string());
        for (i, n) in e.bins.iter().enumerate() {
            let (lo, hi) = bin_range(i);
            row("self-check", &e.id, &format!("best {lo}-{hi}"), title(), n.to_string());
        }
        row("self-check", &e.id, "median best", title(), median_text(e.median));
        row("self-check", &e.id, "missed known", title(), e.missed_known.to_string());
        for m in &e.missed {
            row(
                "missed idea",
                &e.id,
                &m.id,
                label(Label::Idea(&e.id, &m.id)),
                m.count.to_string(),
            );
        }
    }
    for r in &s.roleplays {
        let name = || label(Label::Roleplay(&r.id));
        row("role-play", &r.id, "attempted", name(), r.attempted.to_string());
        row("role-play", &r.id, "median best", name(), median_text(r.median));
    }
    let mut out = String::new();
    for r in rows {
        let fields: Vec<String> = r.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}
