//! Languages and the app's UI strings.
//!
//! Loyalty Lab speaks Chinese (the course's language, the default) and English.
//! Every string the interface shows comes from `content/ui.json` (key → zh/en),
//! so wording is data, not code; course texts live in `content/lectures.json`.
//! Pure module: no yew, no web-sys.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// The raw UI string table, as shipped.
pub const UI_JSON: &str = include_str!("../content/ui.json");

/// Parses a UI string table (used for the shipped one and in tests).
pub fn parse_ui(json: &str) -> Result<HashMap<String, Text>, serde_json::Error> {
    serde_json::from_str(json)
}

fn table() -> &'static HashMap<String, Text> {
    static TABLE: OnceLock<HashMap<String, Text>> = OnceLock::new();
    // The shipped table is checked by `tests/content.rs`; an unreadable one
    // degrades to showing keys rather than stopping the app.
    TABLE.get_or_init(|| parse_ui(UI_JSON).unwrap_or_default())
}

/// The UI string `key` in `lang`; the key itself if it is missing, so a gap
/// is visible instead of fatal.
pub fn tr(lang: Lang, key: &str) -> String {
    table()
        .get(key)
        .map(|t| t.get(lang).to_owned())
        .unwrap_or_else(|| key.to_owned())
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
