//! Step-through for workshops: a screen that tells a story (the Smith chain,
//! the mirror's loops, the emotion line's phases) reveals it one step at a
//! time. The same keys everywhere: S starts and stops it; while it runs,
//! → ↓ PageDown (presenters' clickers) go on, ← ↑ PageUp go back, Home and
//! End jump, Esc shows everything again. The bar under the figure has the
//! same as buttons and announces each step to screen readers. The step is
//! part of the address (`reveal=n`, [`crate::routing::route::parse_reveal`]), so a
//! trainer can share or bookmark a story half told.

use crate::models::params::BadParam;
use crate::routing::route::{parse_reveal, query_pairs, with_reveal, Route};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::keys;
use crate::web::router::{self, use_location, Location};
use std::ops::Deref;
use yew::prelude::*;

/// The step shown (`Some(i)`: steps 0..=i are revealed) or None when the
/// step-through is off and everything shows, as the address has it.
#[derive(Clone, PartialEq)]
pub struct Steps {
    current: Option<usize>,
    /// A `reveal` the screen could not use, for its bad-address notice.
    pub bad: Vec<BadParam>,
}

impl Steps {
    /// Moves the step-through (None: off), in the address's current entry.
    pub fn set(&self, step: Option<usize>) {
        write(&router::current(), step);
    }

    /// A screen's own address query with this position added, so writing
    /// its parameters (or a share link) keeps the step shown.
    pub fn keep(&self, query: &[(String, String)]) -> Vec<(String, String)> {
        with_reveal(query, self.current)
    }
}

impl Deref for Steps {
    type Target = Option<usize>;
    fn deref(&self) -> &Option<usize> {
        &self.current
    }
}

/// Writes the step to the address as it is `now` (read then, not at the
/// last render, so quick key presses in a row are never lost).
fn write(now: &Location, step: Option<usize>) {
    router::replace(&Route::resolve(&now.path), &with_reveal(&query_pairs(&now.query), step));
}

/// Where a key moves the step-through from `shown`; None if it is not one
/// of the step-through's keys (or does nothing in this state).
fn next(key: &str, shown: Option<usize>, last: usize) -> Option<Option<usize>> {
    Some(match (key, shown) {
        ("s" | "S", None) => Some(0),
        ("s" | "S" | "Escape", Some(_)) => None,
        ("ArrowRight" | "ArrowDown" | "PageDown", Some(s)) => Some((s + 1).min(last)),
        ("ArrowLeft" | "ArrowUp" | "PageUp", Some(s)) => Some(s.saturating_sub(1)),
        ("Home", Some(_)) => Some(0),
        ("End", Some(_)) => Some(last),
        _ => return None,
    })
}

/// A step-through of `total` steps read from the address, with its keys.
#[hook]
pub fn use_steps(total: usize) -> Steps {
    let (current, bad) = parse_reveal(&query_pairs(&use_location().query), total);
    use_effect_with(total, move |&total| {
        let listener = keys::listen(move |e| {
            let now = router::current();
            let shown = parse_reveal(&query_pairs(&now.query), total).0;
            let Some(step) = next(&e.key(), shown, total.saturating_sub(1)) else {
                return false;
            };
            write(&now, step);
            true
        });
        move || drop(listener)
    });
    Steps { current, bad }
}

/// The button that starts and stops the step-through (`{id}-step-mode`).
pub fn toggle(lang: Lang, step: &Steps, id: &str) -> Html {
    let onclick = {
        let step = step.clone();
        Callback::from(move |_| step.set(if step.is_some() { None } else { Some(0) }))
    };
    html! {
        <button type="button" class="button" aria-pressed={step.is_some().to_string()} aria-keyshortcuts="S"
            {onclick} data-testid={format!("{id}-step-mode")}>
            { tr(lang, "step.mode") }
        </button>
    }
}

/// Back, "step n of total: text" (announced), next and end, while the
/// step-through runs; nothing otherwise.
pub fn bar(lang: Lang, step: &Steps, total: usize, text: String, id: &str) -> Html {
    let Some(current) = **step else {
        return html! {};
    };
    let go = |to: Option<usize>| {
        let step = step.clone();
        Callback::from(move |_| step.set(to))
    };
    let last = total.saturating_sub(1);
    html! {
        <div class="stepper" role="group" aria-label={tr(lang, "step.mode")} data-testid={format!("{id}-stepper")}>
            <button type="button" class="button" onclick={go(Some(current.saturating_sub(1)))} disabled={current == 0}
                aria-keyshortcuts="ArrowLeft" data-testid={format!("{id}-step-prev")}>{ tr(lang, "step.prev") }</button>
            <p class="step-text" aria-live="polite" aria-atomic="true" data-testid={format!("{id}-step-text")}>
                <strong>{ trf(lang, "step.of", &[("n", &(current + 1).to_string()), ("total", &total.to_string())]) }</strong>
                { " " }{ text }
            </p>
            <button type="button" class="button primary" onclick={go(Some((current + 1).min(last)))} disabled={current >= last}
                aria-keyshortcuts="ArrowRight" data-testid={format!("{id}-step-next")}>{ tr(lang, "step.next") }</button>
            <button type="button" class="button" onclick={go(None)} aria-keyshortcuts="Escape"
                data-testid={format!("{id}-step-end")}>{ tr(lang, "step.end") }</button>
        </div>
    }
}
