//! The SCORM 1.2 run-time seen from the page: when the app was launched
//! from its SCORM package (`index.html?scorm=12`, the manifest's launch
//! address), it finds the LMS's `API` object by SCORM 1.2's rules — this
//! window, then up `window.parent` at most [`MAX_PARENTS`] levels, then
//! `window.opener` and its parents — calls `LMSInitialize`, reads the
//! record the LMS holds in `cmi.suspend_data`, writes what
//! `progress::scorm` derives from the record whenever it changes, commits
//! when the page is hidden (and a few seconds after a change), and
//! finishes when the page goes away.
//!
//! Only the package's build links this in (cargo feature `scorm`,
//! `scripts/scorm`); in the plain build every entry point here returns at
//! once. Any address without that parameter never looks for an LMS:
//! nothing changes outside a package. Inside one, every call is guarded: an API
//! that throws, answers "false", or whose `LMSGetLastError` reports an
//! error never stops the app, and local progress is saved as always
//! (`web::storage`); what went wrong is returned once, for one quiet
//! notice.
//!
//! Moving to a screen of another bundle reloads the page (`web::handoff`)
//! inside the same LMS session: the page about to go commits and leaves the
//! session open ([`before_reload`]), and the next page finds the run-time
//! already initialized and carries on with it.

use crate::progress::record::Progress;
use crate::progress::scorm::{self, suspend, Slots};
use gloo::events::EventListener;
use js_sys::{Function, Reflect};
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// How many `window.parent` levels are searched (ADL's 1.2 wrapper: 7).
pub const MAX_PARENTS: usize = 7;
/// A commit follows the last change after this long (and on page hide).
const COMMIT_AFTER_MS: i32 = 5_000;
/// Set once a notice about the LMS has been shown in this tab.
const NOTICE_KEY: &str = "loyalty-lab.lms-notice";
/// When this tab's LMS session began (ms since 1970), across hand-offs.
const START_KEY: &str = "loyalty-lab.lms-start";
/// A smaller `cmi.suspend_data` to try when the LMS refuses the full one.
const FALLBACK_SUSPEND: usize = 1024;

/// What went wrong with the LMS, for the notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// Launched from the package, but no LMS API was found.
    Missing,
    /// An API was found, but it failed to start or stopped answering.
    Broken,
    /// The LMS refused a value (progress is still saved locally).
    Refused,
}

/// What start-up found.
pub enum Start {
    /// Not launched from the package: the app runs as it always does.
    Standalone,
    /// An LMS session, and the record its `cmi.suspend_data` held.
    Connected { resumed: Option<Progress> },
    /// Launched from the package, but the LMS cannot be used (the notice is
    /// `Some` only the first time in this tab).
    Unavailable(Option<Trouble>),
}

struct Session {
    api: JsValue,
    /// A review of an earlier attempt: read, never write.
    read_only: bool,
    /// The record as the LMS was last told (the base of new interactions).
    told: Progress,
    /// Values written, so that only changes are written again (a list: a
    /// map of this type would be code of its own in every bundle).
    written: Vec<(String, String)>,
    slots: Slots,
    /// Objectives and interactions are optional in SCORM 1.2: an LMS that
    /// refuses them is not asked again (and not reported).
    objectives: bool,
    interactions: Option<usize>,
    /// Longest `cmi.suspend_data` the LMS accepts (0: none).
    suspend_limit: usize,
    started_ms: u64,
    /// Values set since the last commit.
    dirty: bool,
    broken: bool,
    finished: bool,
    handing_off: bool,
    /// Counts changes: a timed commit runs only if no change came after it.
    changes: u32,
}

thread_local! {
    /// What start-up found, until the app's first state takes it.
    static STARTED: RefCell<Option<Start>> = const { RefCell::new(None) };
    static BEGUN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
    static LISTENERS: RefCell<Vec<EventListener>> = const { RefCell::new(Vec::new()) };
}

/// What start-up found (the app's first state takes it once; later calls
/// get `Standalone`).
pub fn start() -> Start {
    begin();
    STARTED.with(|s| s.borrow_mut().take()).unwrap_or(Start::Standalone)
}

/// The language of the record the LMS gave back, if any: the first
/// language when this browser has no choice saved (`web::texts`).
pub fn resumed_lang() -> Option<crate::support::i18n::Lang> {
    begin();
    STARTED.with(|s| match &*s.borrow() {
        Some(Start::Connected { resumed: Some(p) }) => p.lang,
        _ => None,
    })
}

/// Looks for the LMS and starts the session, once per page, before the
/// first language's texts load.
fn begin() {
    if !BEGUN.with(|b| b.replace(true)) {
        let found = connect();
        STARTED.with(|s| *s.borrow_mut() = Some(found));
    }
}

/// Looks for the LMS if the page was launched from the package, and starts
/// the session.
fn connect() -> Start {
    // Built without the package's feature, nothing here is linked in.
    if !cfg!(feature = "scorm") {
        return Start::Standalone;
    }
    let Some(window) = web_sys::window() else {
        return Start::Standalone;
    };
    if !scorm::launched_from_package(&window.location().search().unwrap_or_default()) {
        return Start::Standalone;
    }
    let Some(api) = find_api(&window) else {
        return Start::Unavailable(once(Trouble::Missing));
    };
    let fresh = match call(&api, "LMSInitialize", &[""]) {
        Ok(answer) if scorm::is_true(&answer) && no_error(&api) => true,
        // Already initialized: the page before this one (a hand-off) left
        // the session open. It is usable if it answers a read.
        Ok(_) if readable(&api) => false,
        _ => return Start::Unavailable(once(Trouble::Broken)),
    };
    let now = js_sys::Date::now() as u64;
    let started_ms = match session_store() {
        Some(s) if fresh => {
            let _ = s.set_item(START_KEY, &now.to_string());
            now
        }
        Some(s) => s
            .get_item(START_KEY)
            .ok()
            .flatten()
            .and_then(|t| t.parse().ok())
            .unwrap_or(now),
        None => now,
    };
    let get = |element: &str| get(&api, element).unwrap_or_default();
    let read_only = scorm::read_only(&get("cmi.core.lesson_mode"));
    let resumed = suspend::decode(&get(suspend::ELEMENT)).ok();
    let count = |element: &str| get(element).trim().parse::<usize>().ok();
    let objective_count = count("cmi.objectives._count").unwrap_or(0);
    let ids = (0..objective_count)
        .map(|i| get(&format!("cmi.objectives.{i}.id")))
        .collect();
    let interactions = count("cmi.interactions._count");
    SESSION.with(|s| {
        *s.borrow_mut() = Some(Session {
            api: api.clone(),
            read_only,
            told: resumed.clone().unwrap_or_default(),
            written: Vec::new(),
            slots: Slots::from_ids(ids),
            objectives: true,
            interactions,
            suspend_limit: suspend::SUSPEND_MAX,
            started_ms,
            dirty: false,
            broken: false,
            finished: false,
            handing_off: false,
            changes: 0,
        })
    });
    listen(&window);
    Start::Connected { resumed }
}

/// Tells the LMS about `p` (called on every change of progress, and once at
/// start): only the values that changed, new interactions for new results.
/// Returns a trouble the first time one happens in this tab.
pub fn report(p: &Progress) -> Option<Trouble> {
    if !cfg!(feature = "scorm") {
        return None;
    }
    let trouble = SESSION.with(|s| {
        let mut s = s.try_borrow_mut().ok()?;
        let session = s.as_mut()?;
        if session.broken || session.finished || session.read_only {
            return None;
        }
        session.report(p)
    })?;
    once(trouble)
}

/// Before the page reloads into another bundle: commit, and leave the
/// session open for the next page.
pub fn before_reload() {
    if !cfg!(feature = "scorm") {
        return;
    }
    with_session(|s| {
        s.handing_off = true;
        s.commit();
    });
}

impl Session {
    fn report(&mut self, p: &Progress) -> Option<Trouble> {
        let mut refused = false;
        for (element, value) in scorm::core(p) {
            match self.set(&element, &value) {
                Ok(true) => {}
                Ok(false) => refused = true,
                Err(()) => return Some(Trouble::Broken),
            }
        }
        if self.objectives {
            for (element, value) in scorm::objective_values(p, &mut self.slots) {
                match self.set(&element, &value) {
                    Ok(true) => {}
                    Ok(false) => {
                        self.objectives = false;
                        break;
                    }
                    Err(()) => return Some(Trouble::Broken),
                }
            }
        }
        if let Some(next) = self.interactions {
            let new = scorm::interactions(&self.told, p);
            let values = scorm::interaction_values(&new, next, &scorm::time_of_day(seconds_today()));
            self.interactions = Some(next + new.len());
            for (element, value) in values {
                match self.set(&element, &value) {
                    Ok(true) => {}
                    Ok(false) => {
                        self.interactions = None;
                        break;
                    }
                    Err(()) => return Some(Trouble::Broken),
                }
            }
        }
        // The record last: the largest value, and the one to resume from.
        while self.suspend_limit > 0 {
            let text = suspend::encode_within(p, self.suspend_limit).0;
            match self.set(suspend::ELEMENT, &text) {
                Ok(true) => break,
                Ok(false) => {
                    refused = true;
                    self.suspend_limit = if self.suspend_limit > FALLBACK_SUSPEND {
                        FALLBACK_SUSPEND
                    } else {
                        0
                    };
                }
                Err(()) => return Some(Trouble::Broken),
            }
        }
        self.told = p.clone();
        if self.dirty {
            self.commit_soon();
        }
        refused.then_some(Trouble::Refused)
    }

    /// Sets one value unless it was already written: Ok(false) if the LMS
    /// refused it, Err if the API threw (the session is then broken).
    fn set(&mut self, element: &str, value: &str) -> Result<bool, ()> {
        let at = self.written.iter().position(|(e, _)| e == element);
        if at.is_some_and(|i| self.written[i].1 == value) {
            return Ok(true);
        }
        match call(&self.api, "LMSSetValue", &[element, value]) {
            Ok(answer) => {
                let ok = scorm::is_true(&answer) && no_error(&self.api);
                if ok {
                    match at {
                        Some(i) => self.written[i].1 = value.to_owned(),
                        None => self.written.push((element.to_owned(), value.to_owned())),
                    }
                    self.dirty = true;
                }
                Ok(ok)
            }
            Err(()) => {
                self.broken = true;
                Err(())
            }
        }
    }

    /// Commits what was set since the last commit, with the session's time.
    fn commit(&mut self) {
        if self.broken || self.finished || !self.dirty {
            return;
        }
        self.write_time();
        match call(&self.api, "LMSCommit", &[""]) {
            Ok(answer) if scorm::is_true(&answer) => self.dirty = false,
            Ok(_) => {}
            Err(()) => self.broken = true,
        }
    }

    /// A commit [`COMMIT_AFTER_MS`] after this change, unless another
    /// change comes first (then that one's timer commits).
    fn commit_soon(&mut self) {
        self.changes = self.changes.wrapping_add(1);
        let change = self.changes;
        // A one-shot closure frees itself once called.
        let later = Closure::once_into_js(move || {
            with_session(|s| {
                if s.changes == change {
                    s.commit();
                }
            })
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), COMMIT_AFTER_MS);
        }
    }

    fn write_time(&mut self) {
        if !self.read_only {
            let ms = (js_sys::Date::now() as u64).saturating_sub(self.started_ms);
            let _ = self.set("cmi.core.session_time", &scorm::timespan(ms));
        }
    }

    /// Ends the session: the time, a commit, `LMSFinish`.
    fn finish(&mut self) {
        if self.broken || self.finished {
            return;
        }
        self.write_time();
        self.dirty = true;
        self.commit();
        let _ = call(&self.api, "LMSFinish", &[""]);
        self.finished = true;
        if let Some(s) = session_store() {
            let _ = s.remove_item(START_KEY);
        }
    }
}

/// Runs `f` on the session, if there is one and nothing else is using it.
fn with_session(f: impl FnOnce(&mut Session)) {
    SESSION.with(|s| {
        if let Some(session) = s.try_borrow_mut().ok().as_mut().and_then(|s| s.as_mut()) {
            f(session);
        }
    });
}

/// Commit when the page is hidden; finish when it goes away for good (not
/// into the back-forward cache, not a hand-off to another bundle).
fn listen(window: &web_sys::Window) {
    let document = gloo::utils::document();
    let hidden = EventListener::new(&document, "visibilitychange", |_| {
        let state = Reflect::get(&gloo::utils::document(), &JsValue::from_str("visibilityState"))
            .ok()
            .and_then(|v| v.as_string());
        if state.as_deref() == Some("hidden") {
            with_session(Session::commit);
        }
    });
    let gone = EventListener::new(window, "pagehide", |e| {
        let persisted = Reflect::get(e, &JsValue::from_str("persisted"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        with_session(|s| {
            if persisted || s.handing_off {
                s.commit();
            } else {
                s.finish();
            }
        });
    });
    LISTENERS.with(|l| l.borrow_mut().extend([hidden, gone]));
}

/// SCORM 1.2's search: this window and up to [`MAX_PARENTS`] parents,
/// then the opener and its parents. A window of another origin is passed
/// over (reading from it throws).
fn find_api(window: &web_sys::Window) -> Option<JsValue> {
    let this: JsValue = window.clone().into();
    search_up(&this).or_else(|| {
        let opener = Reflect::get(&this, &JsValue::from_str("opener")).ok()?;
        if opener.is_object() {
            search_up(&opener)
        } else {
            None
        }
    })
}

fn search_up(start: &JsValue) -> Option<JsValue> {
    let mut w = start.clone();
    for _ in 0..=MAX_PARENTS {
        if let Some(api) = Reflect::get(&w, &JsValue::from_str("API"))
            .ok()
            .filter(JsValue::is_object)
        {
            return Some(api);
        }
        let parent = Reflect::get(&w, &JsValue::from_str("parent")).ok()?;
        if !parent.is_object() || js_sys::Object::is(&parent, &w) {
            return None;
        }
        w = parent;
    }
    None
}

/// Calls `api[name](...args)`; Err if it is not a function or throws.
/// The answer as text ("true", "0", a value; booleans and numbers too).
fn call(api: &JsValue, name: &str, args: &[&str]) -> Result<String, ()> {
    let f: Function = Reflect::get(api, &JsValue::from_str(name))
        .map_err(|_| ())?
        .dyn_into()
        .map_err(|_| ())?;
    let answer = match args {
        [] => f.call0(api),
        [a] => f.call1(api, &JsValue::from_str(a)),
        [a, b, ..] => f.call2(api, &JsValue::from_str(a), &JsValue::from_str(b)),
    }
    .map_err(|_| ())?;
    Ok(answer
        .as_string()
        .or_else(|| answer.as_bool().map(|b| b.to_string()))
        .or_else(|| answer.as_f64().map(|n| (n as i64).to_string()))
        .unwrap_or_default())
}

/// `LMSGetValue`, None if refused or thrown.
fn get(api: &JsValue, element: &str) -> Option<String> {
    let value = call(api, "LMSGetValue", &[element]).ok()?;
    no_error(api).then_some(value)
}

fn no_error(api: &JsValue) -> bool {
    call(api, "LMSGetLastError", &[]).is_ok_and(|code| scorm::is_no_error(&code))
}

/// Whether a session already open answers a read.
fn readable(api: &JsValue) -> bool {
    get(api, "cmi.core.lesson_status").is_some()
}

fn session_store() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// `Some(t)` the first time a trouble is reported in this tab, then None:
/// the notice is shown once, even across hand-offs.
fn once(t: Trouble) -> Option<Trouble> {
    let Some(s) = session_store() else { return Some(t) };
    if s.get_item(NOTICE_KEY).ok().flatten().is_some() {
        return None;
    }
    let _ = s.set_item(NOTICE_KEY, "1");
    Some(t)
}

fn seconds_today() -> u32 {
    let d = js_sys::Date::new_0();
    d.get_hours() * 3600 + d.get_minutes() * 60 + d.get_seconds()
}
