//! Content loaded on demand: role-play scenarios and self-checks are JSON
//! files next to the app (copied by Trunk), fetched when their screen opens
//! so they do not weigh on the first load. Failures become a message.

use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Where a fetched file stands.
#[derive(PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(Rc<T>),
    /// Why it could not be loaded or read.
    Failed(String),
}

// Manual: cloning shares the loaded value, so `T` need not be `Clone`.
impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        match self {
            Load::Loading => Load::Loading,
            Load::Ready(v) => Load::Ready(v.clone()),
            Load::Failed(e) => Load::Failed(e.clone()),
        }
    }
}

/// Starts downloading `url` at once (so several downloads overlap); the text
/// comes when the result is awaited. Failures become a message.
pub fn fetch_text(url: &str) -> impl std::future::Future<Output = Result<String, String>> {
    let url = url.to_owned();
    let request = web_sys::window().map(|w| JsFuture::from(w.fetch_with_str(&url)));
    async move {
        let response = request
            .ok_or("no window")?
            .await
            .map_err(|_| format!("{url}: network error"))?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| format!("{url}: not a response"))?;
        if !response.ok() {
            return Err(format!("{url}: HTTP {}", response.status()));
        }
        let text = response.text().map_err(|_| format!("{url}: unreadable"))?;
        JsFuture::from(text)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| format!("{url}: unreadable"))
    }
}

/// Fetches `url` and reads it with `parse` whenever `url` changes.
#[hook]
pub fn use_content<T: 'static>(url: String, parse: fn(&str) -> Result<T, String>) -> Load<T> {
    let state = use_state(|| Load::Loading);
    {
        let state = state.clone();
        use_effect_with(url, move |url| {
            state.set(Load::Loading);
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match fetch_text(&url).await.and_then(|t| parse(&t)) {
                    Ok(v) => Load::Ready(Rc::new(v)),
                    Err(e) => Load::Failed(e),
                });
            });
        });
    }
    (*state).clone()
}

/// Reads a content file and keeps it only if `problems` finds none, so a
/// screen never works from an invalid file.
pub fn parse_checked<T, E: std::fmt::Display>(
    parsed: Result<T, E>,
    problems: impl Fn(&T) -> Vec<String>,
) -> Result<T, String> {
    let value = parsed.map_err(|e| e.to_string())?;
    match problems(&value) {
        p if p.is_empty() => Ok(value),
        p => Err(p.join("; ")),
    }
}
