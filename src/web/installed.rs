//! What this WebAssembly file holds: its bundle and the function that renders
//! its screens, installed once at start (`crate::start`). The shell asks it
//! which screen to draw, `texts` whether to load the course texts, `handoff`
//! whether a reload is needed. Below the pages, so knowing the installed
//! screens never imports them.

use crate::routing::bundle::Bundle;
use crate::routing::route::Route;
use std::cell::Cell;
use yew::Html;

/// Renders the screens of one bundle; None for a route it does not hold.
pub type Screens = fn(&Route) -> Option<Html>;

/// The screens this bundle holds, and which bundle it is (None: all of them).
#[derive(Clone, Copy)]
pub struct Installed {
    pub bundle: Option<Bundle>,
    pub screens: Screens,
}

thread_local! {
    static INSTALLED: Cell<Installed> = const { Cell::new(Installed { bundle: None, screens: |_| None }) };
}

/// Called once at start, before the app renders.
pub fn install(bundle: Option<Bundle>, screens: Screens) {
    INSTALLED.with(|i| i.set(Installed { bundle, screens }));
}

pub fn installed() -> Installed {
    INSTALLED.with(Cell::get)
}
