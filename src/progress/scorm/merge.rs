//! Combining the record this browser holds with the one the LMS gave back
//! (`cmi.suspend_data`), when a trainee who has worked in both launches the
//! course.
//!
//! Neither record carries the time of its changes, but every result only
//! grows: attempts are counted, best scores only rise, a lecture marked done
//! is rarely unmarked. So the rule is, item by item, to keep the better or
//! the later: a lecture is visited or done if either record says so; of two
//! results of one self-check, role-play or drill item, the one with more
//! attempts is the later and gives the latest score (and what it missed),
//! while the best score is the higher of the two. Nothing either side has
//! done is lost. The language is this browser's choice; the place to
//! continue from is the LMS's, since the trainee is resuming the course
//! there.

use crate::progress::drill::{DrillState, MAX_ITEMS};
use crate::progress::record::{ExerciseState, Progress};
use std::collections::BTreeMap;

/// `local` and `lms` combined (see the module). Either one alone if the
/// other has nothing in it. The result is as valid as its two inputs.
pub fn merge(local: &Progress, lms: &Progress) -> Progress {
    let lang = local.lang.or(lms.lang);
    if !lms.has_started() {
        return Progress { lang, ..local.clone() };
    }
    if !local.has_started() {
        return Progress { lang, ..lms.clone() };
    }
    let mut out = local.clone();
    out.lang = lang;
    out.last = lms.last.clone().or_else(|| local.last.clone());
    for (&n, s) in &lms.lectures {
        let mine = out.lectures.entry(n).or_default();
        mine.visited |= s.visited;
        mine.done |= s.done;
    }
    out.exercises = results(&local.exercises, &lms.exercises);
    out.roleplays = results(&local.roleplays, &lms.roleplays);
    for (id, theirs) in &lms.drills {
        let merged = match local.drills.get(id) {
            Some(mine) => drill(mine, theirs),
            None => theirs.clone(),
        };
        out.drills.insert(id.clone(), merged);
    }
    out
}

fn results(
    a: &BTreeMap<String, ExerciseState>,
    b: &BTreeMap<String, ExerciseState>,
) -> BTreeMap<String, ExerciseState> {
    let mut out = a.clone();
    for (id, theirs) in b {
        let merged = match a.get(id) {
            Some(mine) => result(mine, theirs),
            None => theirs.clone(),
        };
        out.insert(id.clone(), merged);
    }
    out
}

/// The later of two results (more attempts; a tie keeps `a`), with the
/// better best score.
fn result(a: &ExerciseState, b: &ExerciseState) -> ExerciseState {
    let later = if b.attempts > a.attempts { b } else { a };
    ExerciseState {
        attempts: a.attempts.max(b.attempts),
        best: a.best.max(b.best),
        ..later.clone()
    }
}

/// Two records of one drill: every item either answered, each item's best
/// the higher, its latest score and answer from the drill with more
/// attempts; the drill's score now recomputed from the items as
/// `DrillState::record` does.
fn drill(a: &DrillState, b: &DrillState) -> DrillState {
    let (later, earlier) = if b.attempts > a.attempts { (b, a) } else { (a, b) };
    let mut items = later.items.clone();
    for (id, theirs) in &earlier.items {
        let room = items.len() < MAX_ITEMS;
        match items.get_mut(id) {
            Some(mine) => mine.best = mine.best.max(theirs.best),
            None if room => {
                items.insert(id.clone(), theirs.clone());
            }
            None => {}
        }
    }
    let total = a.total.max(b.total).max(items.len() as u32);
    let sum: u32 = items.values().map(|s| u32::from(s.last)).sum();
    let last = (sum + total / 2).checked_div(total).unwrap_or(0) as u8;
    DrillState {
        attempts: a.attempts.max(b.attempts).max(items.len() as u32),
        best: a.best.max(b.best).max(last),
        last,
        total,
        items,
    }
}
