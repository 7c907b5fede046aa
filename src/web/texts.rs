//! The UI strings and course texts of a language, loaded from the
//! per-language parts the build writes next to the app (`i18n::Parts`;
//! `scripts/bundles.js` writes them and `assets/boot.js` lists them as
//! `window.loyaltyContent`): the first language before the app renders, the
//! other on a switch. Bundles that show no lecture texts load no course.
//! Where the texts are compiled in (`i18n::EMBEDDED`) nothing is loaded.

use crate::routing::route::parse_global;
use crate::support::i18n::{self, Lang};
use crate::web::fetch::fetch_text;
use crate::web::installed;
use crate::web::router;
use std::cell::Cell;
use wasm_bindgen::JsValue;

thread_local! {
    static READY: Cell<[bool; 2]> = const { Cell::new([false; 2]) };
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

/// Whether `lang`'s texts are here.
pub fn ready(lang: Lang) -> bool {
    i18n::EMBEDDED || READY.with(|r| r.get()[slot(lang)])
}

/// The language the address asks for (`?lang=`), if any.
pub fn address_lang() -> Option<Lang> {
    parse_global(&router::current().query).0.lang
}

/// The language to start in: the address's `lang`, else the saved choice,
/// else that of the record an LMS gave back (`web::lms`), else Chinese (the
/// order `web::app` builds its first state in).
pub fn first_lang() -> Lang {
    address_lang()
        .or_else(crate::web::storage::saved_lang)
        .or_else(crate::web::lms::resumed_lang)
        .unwrap_or_default()
}

/// The address of one part, from the list `assets/boot.js` publishes.
fn url(lang: Lang, kind: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let get = |v: &JsValue, k: &str| {
        js_sys::Reflect::get(v, &JsValue::from_str(k))
            .ok()
            .filter(|v| !v.is_undefined())
    };
    get(&window, "loyaltyContent")
        .and_then(|c| get(&c, lang.code()))
        .and_then(|l| get(&l, kind))
        .and_then(|u| u.as_string())
        .ok_or_else(|| format!("no {kind} texts for {} in this build", lang.code()))
}

/// Loads `lang`'s UI strings, and its course texts if this bundle shows
/// them. Nothing is installed unless every part arrived and reads.
pub async fn load(lang: Lang) -> Result<(), String> {
    if ready(lang) {
        return Ok(());
    }
    let lectures = installed::installed().bundle.is_none_or(|b| b.needs_lectures());
    let ui = fetch_text(&url(lang, "ui")?);
    let course = if lectures {
        Some(fetch_text(&url(lang, "lectures")?))
    } else {
        None
    };
    let ui = ui.await?;
    let course = match course {
        Some(c) => Some(c.await?),
        None => None,
    };
    i18n::install_ui(&ui)?;
    // A key this bundle's part lacks (scripts/bundles.js picks the keys).
    i18n::on_missing(|key| web_sys::console::error_1(&format!("no UI string {key} in this build").into()));
    if let Some(c) = course {
        crate::course::lectures::install_course(&c)?;
    }
    READY.with(|r| {
        let mut v = r.get();
        v[slot(lang)] = true;
        r.set(v);
    });
    Ok(())
}
