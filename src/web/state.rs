//! The app-wide state every screen reads through a yew context: language,
//! presentation mode, progress, and the notices shown above the page.

use crate::models::params::BadParam;
use crate::progress::record::{DecodeError, Progress};
use crate::support::i18n::Lang;
use crate::web::lms;
use crate::web::texts;
use std::rc::Rc;
use yew::prelude::*;

/// A message shown above the page until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Saved data could not be read; it was kept under `backup_key`.
    Damaged {
        error: DecodeError,
        raw: Rc<String>,
        backup_key: Option<String>,
    },
    /// Saved data came from an older version and was brought up to date.
    Migrated { from: u32 },
    /// The browser refuses to store anything (private mode, blocked, full).
    CannotSave,
    /// Query parameters that were ignored.
    BadParams(Vec<BadParam>),
    /// A new build is installed and waits for a reload (`web::update`).
    UpdateReady,
    /// A language's texts could not be loaded (`web::texts`); the reason.
    TextsFailed(Lang, String),
    /// Launched from the SCORM package, the LMS is missing, broken or
    /// refused a value (`web::lms`); progress is kept in this browser.
    Lms(lms::Trouble),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub progress: Progress,
    pub present: bool,
    pub can_save: bool,
    pub notices: Vec<Notice>,
    /// How many languages' texts have arrived since start (`web::texts`):
    /// a change re-renders every screen in the new language.
    pub texts: u8,
}

impl State {
    /// The language chosen: the trainee's choice, Chinese by default.
    pub fn chosen_lang(&self) -> Lang {
        self.progress.lang.unwrap_or_default()
    }

    /// The language shown: the chosen one once its texts are here, until
    /// then the one already shown (`web::texts`), so the page, its `lang`
    /// and any message composed meanwhile are in one language.
    pub fn lang(&self) -> Lang {
        let chosen = self.chosen_lang();
        if texts::ready(chosen) || !texts::ready(chosen.other()) {
            chosen
        } else {
            chosen.other()
        }
    }
}

pub enum Action {
    SetLang(Lang),
    SetPresent(bool),
    TogglePresent,
    Visit(u8),
    SetDone(u8, bool),
    /// A submitted self-check answer: exercise id, score 0–100, and the ids
    /// of the rubric ideas it missed (not found by the scorer).
    RecordExercise(String, u8, Vec<String>),
    /// A finished role-play: scenario id and score 0–100.
    RecordRoleplay(String, u8),
    /// Replaces all progress (import, reset).
    Replace(Progress),
    SaveFailed,
    /// A language's texts arrived.
    TextsLoaded,
    Notify(Notice),
    Dismiss(usize),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(l) => s.progress.lang = Some(l),
            Action::SetPresent(p) => s.present = p,
            Action::TogglePresent => s.present = !s.present,
            Action::Visit(n) => s.progress.visit(n),
            Action::SetDone(n, d) => s.progress.set_done(n, d),
            Action::RecordExercise(id, score, missed) => record(&mut s.progress.exercises, id, score, missed),
            Action::RecordRoleplay(id, score) => record(&mut s.progress.roleplays, id, score, Vec::new()),
            Action::Replace(p) => s.progress = p,
            Action::SaveFailed => {
                s.can_save = false;
                if !s.notices.contains(&Notice::CannotSave) {
                    s.notices.push(Notice::CannotSave);
                }
            }
            Action::TextsLoaded => s.texts = s.texts.wrapping_add(1),
            // A notice given again moves to the end: the newest is last.
            Action::Notify(n) => {
                s.notices.retain(|m| *m != n);
                s.notices.push(n);
            }
            Action::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}

/// Adds an attempt with `score` (and the ideas it `missed`) to the results of `id`.
fn record(
    results: &mut std::collections::BTreeMap<String, crate::progress::record::ExerciseState>,
    id: String,
    score: u8,
    missed: Vec<String>,
) {
    let e = results
        .entry(id)
        .and_modify(|e| e.record(score))
        .or_insert_with(|| crate::progress::record::ExerciseState::first(score));
    e.set_missed(missed);
}

/// The handle screens get from `use_context::<AppCtx>()`.
pub type AppCtx = UseReducerHandle<State>;
