//! Keyboard shortcuts: one document listener per screen that wants keys,
//! ignoring keys typed into fields or dialogs and keys with Ctrl/Meta/Alt.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

/// Calls `handle` for shortcut keys while the returned listener lives. When
/// `handle` returns true the key counts as handled and its default action
/// (scrolling, say) is cancelled.
pub fn listen(handle: impl Fn(&KeyboardEvent) -> bool + 'static) -> EventListener {
    EventListener::new_with_options(
        &gloo::utils::document(),
        "keydown",
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() || typing(e) {
                return;
            }
            if handle(e) {
                e.prevent_default();
            }
        },
    )
}

/// Whether a key press is meant for a form field or an open dialog.
fn typing(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.closest("dialog[open]").ok().flatten().is_some()
                || el.has_attribute("contenteditable")
        })
}
