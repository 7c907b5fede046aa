//! The hash router, in place of yew-router: the address (`#/path?query`) as
//! a context every screen reads ([`use_location`], [`use_route`]), moved by
//! [`push`] (a new history entry) and [`replace`] (the same entry), and
//! [`Link`], a real `<a href="#/…">` whose plain click pushes. Only what the
//! app uses and no generics, so little code in every bundle; what a path
//! means is [`crate::routing::route`]'s.

use crate::routing::route::{encode_query, normalize_hash, Route};
use gloo::events::EventListener;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Where the address points: its path and its raw query (after `?`, without it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub query: String,
}

thread_local! {
    /// The mounted router's state, told after every push and replace
    /// (neither fires a browser event).
    static NOTIFY: RefCell<Option<UseStateSetter<Location>>> = const { RefCell::new(None) };
    /// A replace not yet written to the history entry ([`replace`]).
    static PENDING: RefCell<Option<Location>> = const { RefCell::new(None) };
    /// When the last [`replace`] happened (`Date.now()`, ms).
    static CHANGED: Cell<f64> = const { Cell::new(0.0) };
}

/// Rewrites, in place (history replace), an address hash the router cannot
/// read to the not-found page ([`normalize_hash`]) and an empty one to `#/`.
fn fix_hash() {
    let window = gloo::utils::window();
    let hash = window.location().hash().unwrap_or_default();
    let fixed = normalize_hash(&hash).or_else(|| (!hash.starts_with("#/")).then(|| "#/".to_owned()));
    if let (Some(fixed), Ok(history)) = (fixed, window.history()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&fixed));
    }
}

/// The address now (a [`replace`] not yet written included), fixed first;
/// components read it with [`use_location`], start-up, before any is
/// mounted, here. The hash is read as a URL relative to the page, as
/// yew-router read it (`/a/../b` is `/b`, `中` is `%E4%B8%AD`, a second `#`
/// ends it); one no URL can hold (`#/\`) is taken as typed.
pub fn current() -> Location {
    if let Some(pending) = PENDING.with(|p| p.borrow().clone()) {
        return pending;
    }
    fix_hash();
    let location = gloo::utils::window().location();
    let hash = location.hash().unwrap_or_default();
    let typed = hash.strip_prefix('#').unwrap_or(&hash);
    let url = location
        .href()
        .ok()
        .and_then(|base| web_sys::Url::new_with_base(typed, &base).ok());
    let (path, query) = match &url {
        Some(url) => (url.pathname(), url.search()),
        None => {
            let (path, query) = typed.split_once('?').unwrap_or((typed, ""));
            (path.to_owned(), query.to_owned())
        }
    };
    Location {
        query: query.strip_prefix('?').unwrap_or(&query).to_owned(),
        path,
    }
}

impl Location {
    /// A screen's address with this query, as the router writes it.
    fn of(route: &Route, query: &[(String, String)]) -> Location {
        Location {
            path: route.to_path(),
            query: encode_query(query),
        }
    }

    /// Its `href`: `#/path`, or `#/path?query`.
    fn href(&self) -> String {
        match self.query.as_str() {
            "" => format!("#{}", self.path),
            q => format!("#{}?{q}", self.path),
        }
    }
}

/// Goes to a screen as a new history entry (Back returns here).
pub fn push(route: &Route, query: &[(String, String)]) {
    flush();
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&Location::of(route, query).href()));
    }
    notify(current());
}

/// Changes the address in the current history entry (model screens, on
/// every change: Back leaves the screen rather than undoing a slider). The
/// screen follows at once; the history entry is written once the changes
/// have paused for `SETTLE_MS`, so a slider drag or a run of key presses
/// pays for one history write (a few milliseconds of the page's and the
/// browser's time, and the tab icon Chromium fetches again after each), at
/// its end, and never inside the time from an input to its paint. Push,
/// Back / Forward, leaving or hiding the page settle it first.
pub fn replace(route: &Route, query: &[(String, String)]) {
    let location = Location::of(route, query);
    let first = PENDING.with(|p| p.borrow_mut().replace(location.clone()).is_none());
    CHANGED.with(|t| t.set(js_sys::Date::now()));
    if first {
        write_when_settled(SETTLE_MS);
    }
    notify(location);
}

/// How long the address stays unchanged before a [`replace`] is written
/// (e2e/fixtures.ts `settledUrl` waits longer).
const SETTLE_MS: f64 = 250.0;

/// In `ms`: writes the pending [`replace`] if the address has not changed
/// for [`SETTLE_MS`] by then, else waits for the rest of that time.
fn write_when_settled(ms: f64) {
    let check = Closure::once_into_js(|| {
        if PENDING.with(|p| p.borrow().is_none()) {
            return;
        }
        let quiet = js_sys::Date::now() - CHANGED.with(Cell::get);
        if quiet >= SETTLE_MS {
            flush();
        } else {
            write_when_settled(SETTLE_MS - quiet);
        }
    });
    let _ = gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(check.unchecked_ref(), ms.ceil() as i32);
}

/// Writes a pending [`replace`] to the history entry now.
fn flush() {
    if let Some(pending) = PENDING.with(|p| p.borrow_mut().take()) {
        if let Ok(history) = gloo::utils::window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&pending.href()));
        }
    }
}

fn notify(location: Location) {
    let notify = NOTIFY.with(|n| n.borrow().clone());
    if let Some(set) = notify {
        set.set(location);
    }
}

/// The address, re-read on every change.
#[hook]
pub fn use_location() -> Location {
    use_context::<Location>().unwrap_or_default()
}

/// The screen the address names ([`Route::resolve`]).
#[hook]
pub fn use_route() -> Route {
    Route::resolve(&use_location().path)
}

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    pub children: Html,
}

/// Provides the address to everything inside, current after Back, Forward
/// and a typed address (`popstate`, `hashchange`) and after every push and
/// replace; screens re-render only when it changed.
#[function_component]
pub fn Router(p: &RouterProps) -> Html {
    let location = use_state_eq(current);
    NOTIFY.with(|n| *n.borrow_mut() = Some(location.setter()));
    {
        let set = location.setter();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            // The address moved without the app (Back, Forward, typed): a
            // write still pending belongs to the entry that was left.
            let moved = ["popstate", "hashchange"].map(|event| {
                let set = set.clone();
                EventListener::new(&window, event, move |_| {
                    PENDING.with(|p| p.borrow_mut().take());
                    set.set(current())
                })
            });
            // Leaving or hiding the page writes it, so nothing is lost.
            let hidden = EventListener::new(&window, "pagehide", |_| flush());
            let visibility = EventListener::new(&gloo::utils::document(), "visibilitychange", |_| flush());
            move || drop((moved, hidden, visibility))
        });
    }
    html! {
        <ContextProvider<Location> context={(*location).clone()}>{ p.children.clone() }</ContextProvider<Location>>
    }
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub classes: Classes,
    /// The page shown: marked `aria-current="page"`.
    #[prop_or_default]
    pub current: bool,
    #[prop_or_default]
    pub children: Html,
}

/// A link to a screen with a real `href` (`#/lecture/2`: opens in a new tab
/// too); a plain primary click pushes instead of reloading.
#[function_component]
pub fn Link(p: &LinkProps) -> Html {
    let onclick = {
        let to = p.to.clone();
        Callback::from(move |e: MouseEvent| {
            if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                e.prevent_default();
                push(&to, &[]);
            }
        })
    };
    html! {
        <a class={p.classes.clone()} href={Location::of(&p.to, &[]).href()} {onclick} aria-current={p.current.then_some("page")}>
            { p.children.clone() }
        </a>
    }
}
