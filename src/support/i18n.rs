//! Languages and the app's UI strings.
//!
//! Loyalty Lab speaks Chinese (the course's language, the default) and English.
//! Every string the interface shows comes from `content/ui.json` (key → zh/en),
//! so wording is data, not code; course texts live in `content/lectures.json`.
//! Pure module: no yew, no web-sys.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A language the app can show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// Parses the `lang` query value (`zh` or `en`, case-insensitive).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The short code used in addresses and saved data.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// A text in both languages, as stored in the content files.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    /// The text in `lang` itself, empty if it has none (no fallback).
    pub fn get_exact(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// The languages this text is written in.
    pub fn langs(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| !self.get_exact(*l).trim().is_empty())
            .collect()
    }

    /// The text in `lang`, or in the other language while `lang`'s part of
    /// the content has not arrived (see [`Parts`]).
    pub fn get(&self, lang: Lang) -> &str {
        let (wanted, other) = match lang {
            Lang::Zh => (&self.zh, &self.en),
            Lang::En => (&self.en, &self.zh),
        };
        if wanted.is_empty() {
            other
        } else {
            wanted
        }
    }
}

/// Whether the shipped texts are compiled in (native builds, tests with the
/// `embed-content` feature) or arrive at start-up as per-language parts the
/// build writes next to the app (the browser bundles, `web::texts`), so that
/// no bundle carries both languages or texts it never shows.
pub const EMBEDDED: bool = cfg!(any(not(target_arch = "wasm32"), feature = "embed-content"));

/// A bilingual content file (UI strings, the course) assembled from its
/// per-language parts. A part has the file's shape with only one language's
/// slots of each `{"zh", "en"}` text filled in; adding it fills those slots,
/// so after both parts the result equals the whole file.
#[derive(Default)]
pub struct Parts {
    merged: Option<serde_json::Value>,
}

impl Parts {
    /// Adds a part and reads the merged file so far as `T`.
    pub fn add<T: serde::de::DeserializeOwned>(&mut self, part: &str) -> Result<T, String> {
        let part: serde_json::Value = serde_json::from_str(part).map_err(|e| e.to_string())?;
        let mut merged = self.merged.clone().unwrap_or(serde_json::Value::Null);
        merge(&mut merged, part);
        let value = T::deserialize(&merged).map_err(|e| e.to_string())?;
        self.merged = Some(merged);
        Ok(value)
    }
}

/// Fills `into` from `part`: non-empty strings of `{"zh", "en"}` texts win,
/// objects and arrays merge member by member, anything missing is taken.
fn merge(into: &mut serde_json::Value, part: serde_json::Value) {
    use serde_json::Value;
    match (into, part) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                match a.get_mut(&k) {
                    Some(Value::String(old)) => match v {
                        Value::String(new) if !new.is_empty() => *old = new,
                        _ => {}
                    },
                    Some(slot) => merge(slot, v),
                    None => {
                        a.insert(k, v);
                    }
                }
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, v) in b.into_iter().enumerate() {
                match a.get_mut(i) {
                    Some(slot) => merge(slot, v),
                    None => a.push(v),
                }
            }
        }
        (slot, v) => {
            if slot.is_null() {
                *slot = v;
            }
        }
    }
}

/// The raw UI string table, as shipped.
#[cfg(any(not(target_arch = "wasm32"), feature = "embed-content"))]
pub const UI_JSON: &str = include_str!("../../content/ui.json");

/// Parses a UI string table (used for the shipped one and in tests).
pub fn parse_ui(json: &str) -> Result<HashMap<String, Text>, serde_json::Error> {
    serde_json::from_str(json)
}

#[cfg(any(not(target_arch = "wasm32"), feature = "embed-content"))]
fn table() -> Option<&'static HashMap<String, Text>> {
    static TABLE: std::sync::OnceLock<HashMap<String, Text>> = std::sync::OnceLock::new();
    // The shipped table is checked by `tests/content.rs`; an unreadable one
    // degrades to showing keys rather than stopping the app.
    Some(TABLE.get_or_init(|| parse_ui(UI_JSON).unwrap_or_default()))
}

#[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
thread_local! {
    static UI: std::cell::RefCell<(Parts, Option<&'static HashMap<String, Text>>)> = Default::default();
}

#[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
fn table() -> Option<&'static HashMap<String, Text>> {
    UI.with(|ui| ui.borrow().1)
}

/// Adds one language's part of the UI strings (browser bundles; a no-op
/// where the strings are compiled in).
pub fn install_ui(part: &str) -> Result<(), String> {
    #[cfg(all(target_arch = "wasm32", not(feature = "embed-content")))]
    UI.with(|ui| {
        let mut ui = ui.borrow_mut();
        let table = ui.0.add(part)?;
        // Kept for the page's lifetime: at most once per language.
        ui.1 = Some(Box::leak(Box::new(table)));
        Ok::<(), String>(())
    })?;
    let _ = part;
    Ok(())
}

thread_local! {
    static ON_MISSING: std::cell::Cell<fn(&str)> = const { std::cell::Cell::new(|_| {}) };
}

/// Sets what happens when a key is missing from the installed strings (the
/// browser logs an error, so a key left out of a bundle's part is caught).
pub fn on_missing(report: fn(&str)) {
    ON_MISSING.with(|m| m.set(report));
}

/// The UI string `key` in `lang`; the key itself if it is missing, so a gap
/// is visible instead of fatal.
pub fn tr(lang: Lang, key: &str) -> String {
    let Some(table) = table() else {
        return key.to_owned();
    };
    match table.get(key) {
        Some(t) => t.get(lang).to_owned(),
        None => {
            ON_MISSING.with(|m| m.get())(key);
            key.to_owned()
        }
    }
}

/// `tr` with `{name}` placeholders filled in.
pub fn trf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut s = tr(lang, key);
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lang_codes() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse(" zh "), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn missing_key_shows_the_key() {
        assert_eq!(tr(Lang::En, "no.such.key"), "no.such.key");
    }
}
