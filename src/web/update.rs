//! "A new version is ready": the offer to switch to a new build.
//!
//! The service-worker registration script that `scripts/post-build` writes
//! installs a new build in the background. Once it waits, the script marks
//! `<html data-update-ready>` and fires `loyalty-update-ready` on the
//! window; the shell then shows a notice. Its button fires
//! `loyalty-update-apply`, on which the script lets the new worker take over
//! and reloads the page. Nothing changes under the trainee's hands until
//! they choose to.

use gloo::events::EventListener;

const READY_EVENT: &str = "loyalty-update-ready";
const READY_ATTR: &str = "data-update-ready";
const APPLY_EVENT: &str = "loyalty-update-apply";

/// Calls `on_ready` once a new build waits (at once if it already did).
/// Keep the returned listener for as long as the offer may appear.
pub fn on_ready(on_ready: impl Fn() + 'static) -> EventListener {
    let already = gloo::utils::document()
        .document_element()
        .is_some_and(|html| html.has_attribute(READY_ATTR));
    if already {
        on_ready();
    }
    EventListener::new(&gloo::utils::window(), READY_EVENT, move |_| on_ready())
}

/// Switches to the waiting build (the page reloads).
pub fn apply() {
    if let Ok(event) = web_sys::Event::new(APPLY_EVENT) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}
