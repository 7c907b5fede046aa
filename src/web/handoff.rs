//! Moving to a screen that another bundle holds (see `bundle`): the running
//! bundle writes which bundle to load into sessionStorage for
//! `assets/boot.js`, then reloads the page. The address, progress and
//! drafts are already in the address and localStorage; the two things that
//! live only in memory — presentation mode and "focus the page after
//! navigating" — cross the reload here too.

use crate::routing::bundle::Bundle;
use crate::support::i18n::tr;
use crate::web::installed;
use crate::web::lms;
use crate::web::state::AppCtx;
use yew::prelude::*;

/// Read (and removed) by `assets/boot.js`: the bundle to start.
const BUNDLE_KEY: &str = "loyalty-lab.bundle";
/// Set before a hand-off: focus the page once the next bundle has started.
const FOCUS_KEY: &str = "loyalty-lab.focus";
/// Presentation mode, for this tab.
const PRESENT_KEY: &str = "loyalty-lab.present";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Whether presentation mode was on in this tab.
pub fn present() -> bool {
    session().is_some_and(|s| s.get_item(PRESENT_KEY).ok().flatten().as_deref() == Some("1"))
}

pub fn set_present(on: bool) {
    if let Some(s) = session() {
        let _ = if on {
            s.set_item(PRESENT_KEY, "1")
        } else {
            s.remove_item(PRESENT_KEY)
        };
    }
}

/// Whether the page should take focus at start (it was reached by a
/// hand-off); asks only once.
pub fn take_focus_request() -> bool {
    let Some(s) = session() else { return false };
    let asked = s.get_item(FOCUS_KEY).ok().flatten().is_some();
    let _ = s.remove_item(FOCUS_KEY);
    asked
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub to: Bundle,
}

/// Shown for the moment between asking for another bundle and the reload.
/// If this bundle is the one asked for (a build that lost a screen), it says
/// so instead of reloading for ever.
#[function_component]
pub fn Handoff(p: &Props) -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    let stuck = installed::installed().bundle == Some(p.to);
    use_effect_with(p.to, move |to| {
        if !stuck {
            if let Some(s) = session() {
                let _ = s.set_item(BUNDLE_KEY, to.name());
                let _ = s.set_item(FOCUS_KEY, "1");
            }
            // Inside an LMS: commit, and keep its session for the next page.
            lms::before_reload();
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        }
    });
    let text = if stuck { "handoff.failed" } else { "handoff.opening" };
    html! { <p class="handoff" role="status" data-testid="handoff">{ tr(lang, text) }</p> }
}
