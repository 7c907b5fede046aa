//! The shipped content is complete and consistent: the course file validates,
//! every UI string exists in both languages, and every key the code uses is
//! defined (and every defined key is used).

use loyalty_lab::course::lectures::{self as content, course, validate, KNOWN_MODELS, LECTURES_JSON};
use loyalty_lab::models::emotion_line::{Forbidden, Tag};
use loyalty_lab::support::i18n::{parse_ui, tr, Lang, UI_JSON};
use loyalty_lab::web::pages::roleplay::{better_key, tag_key};
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn shipped_course_is_valid() {
    let c = content::parse(LECTURES_JSON).expect("lectures.json parses");
    assert_eq!(validate(&c), Vec::<String>::new());
    assert_eq!(course().lectures.len(), 12);
    assert_eq!(course().chapters.len(), 7);
}

#[test]
fn validation_catches_broken_content() {
    let mut c = content::parse(LECTURES_JSON).unwrap();
    c.lectures[0].ideas[0].en = " ".into();
    c.lectures[1].models.push("teleporter".into());
    c.lectures[2].ideas.truncate(1);
    c.lectures[3].exercises.push("1-1".into());
    c.lectures.swap(4, 5);
    let errors = validate(&c);
    for needle in ["empty en", "unknown model", "2–4 key ideas", "listed twice", "in order"] {
        assert!(
            errors.iter().any(|e| e.contains(needle)),
            "no error about {needle:?} in {errors:#?}"
        );
    }
}

#[test]
fn unknown_fields_are_rejected() {
    let bad = LECTURES_JSON.replacen("\"summary\"", "\"summery\"", 1);
    assert!(content::parse(&bad).is_err());
}

#[test]
fn ui_strings_are_complete() {
    let table = parse_ui(UI_JSON).expect("ui.json parses");
    for (key, text) in &table {
        for lang in Lang::ALL {
            let s = text.get(lang);
            assert!(!s.trim().is_empty(), "{key}: empty {lang:?}");
            assert_eq!(s.trim(), s, "{key}: surrounding spaces in {lang:?}");
        }
        // Placeholders must match between the languages.
        let holes = |s: &str| {
            s.split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(h, _)| h.to_owned()))
                .collect::<BTreeSet<_>>()
        };
        assert_eq!(holes(&text.zh), holes(&text.en), "{key}: placeholders differ");
    }
}

/// Every string literal in the sources that looks like a UI key.
fn keys_used_in_code() -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let src = std::fs::read_to_string(&path).unwrap();
                for lit in src.split('"').skip(1).step_by(2) {
                    let is_key = lit.split_once('.').is_some_and(|(a, b)| {
                        !a.is_empty()
                            && !b.is_empty()
                            && a.chars().all(|c| c.is_ascii_lowercase())
                            && b.chars()
                                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                    });
                    if is_key {
                        out.insert(lit.to_owned());
                    }
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn every_key_used_exists_and_every_key_is_used() {
    let table = parse_ui(UI_JSON).unwrap();
    let used = keys_used_in_code();
    assert!(used.len() > 50, "the key scan found too little: {used:?}");
    let missing: Vec<_> = used.iter().filter(|k| !table.contains_key(*k)).collect();
    assert!(
        missing.is_empty(),
        "keys used in code but missing from ui.json: {missing:?}"
    );
    // Model names are looked up by id (`model.<id>`), role-play tags by key.
    let mut dynamic: BTreeSet<String> = KNOWN_MODELS.iter().map(|m| format!("model.{m}")).collect();
    for tag in Tag::all() {
        dynamic.insert(tag_key(&tag));
        dynamic.extend(better_key(&tag));
    }
    let unused: Vec<_> = table
        .keys()
        .filter(|k| !used.contains(*k) && !dynamic.contains(*k))
        .collect();
    assert!(unused.is_empty(), "keys in ui.json that nothing uses: {unused:?}");
    for k in &dynamic {
        assert_ne!(tr(Lang::En, k), *k, "{k} missing");
    }
    assert!(Forbidden::ALL.iter().all(|f| better_key(&Tag::Forbidden(*f)).is_some()));
}
