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
/// comes when the result is awaited. A download `assets/boot.js` started
/// for this address before the app was up (`window.loyaltyEarly`: the
/// first language's texts, the self-check or scenario a deep link names) is
/// used instead, once. Failures become a message.
pub fn fetch_text(url: &str) -> impl std::future::Future<Output = Result<String, String>> {
    let url = url.to_owned();
    let early = take_early(&url);
    let request = match early {
        Some(_) => None,
        None => web_sys::window().map(|w| JsFuture::from(w.fetch_with_str(&url))),
    };
    async move {
        if let Some(text) = early {
            return match JsFuture::from(text).await {
                Ok(t) => t.as_string().ok_or_else(|| format!("{url}: unreadable")),
                Err(e) => Err(js_sys::Error::from(e).message().into()),
            };
        }
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

/// The early download of `url`, taken off the list so it is used once.
fn take_early(url: &str) -> Option<js_sys::Promise> {
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    let map = js_sys::Reflect::get(&window, &"loyaltyEarly".into()).ok()?;
    let key = wasm_bindgen::JsValue::from_str(url);
    let promise = js_sys::Reflect::get(&map, &key)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(&map.into(), &key);
    Some(promise)
}

/// Fetches `url` and reads it with `parse` whenever `url` changes.
#[hook]
pub fn use_content<T: 'static>(url: String, parse: fn(&str) -> Result<T, String>) -> Load<T> {
    use_content_when(Some(url), parse)
}

/// As [`use_content`], but fetches nothing while `url` is `None` (the
/// result stays [`Load::Loading`]): for a file needed only once the user
/// does something, so it does not weigh on the first visit.
#[hook]
pub fn use_content_when<T: 'static>(url: Option<String>, parse: fn(&str) -> Result<T, String>) -> Load<T> {
    let state = use_state(|| Load::Loading);
    {
        let state = state.clone();
        use_effect_with(url, move |url| {
            if !matches!(*state, Load::Loading) {
                state.set(Load::Loading);
            }
            let Some(url) = url.clone() else { return };
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
