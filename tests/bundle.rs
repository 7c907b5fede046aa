//! Screen bundles (src/routing/bundle.rs): every route reaches a bundle that holds
//! it, every bundle has its binary, and the first-load table in
//! assets/boot.js agrees with `Bundle::of`. A mismatch here would mean an
//! extra reload at best and a screen no bundle shows at worst.

use loyalty_lab::routing::bundle::Bundle;
use loyalty_lab::routing::route::Route;
use loyalty_lab::support::i18n::{parse_ui, Parts, Text, UI_JSON};
use loyalty_lab::web::screens;
use std::collections::HashMap;

/// One route of every kind the app has.
fn routes() -> Vec<Route> {
    let mut r = vec![
        Route::Home,
        Route::Progress,
        Route::Class,
        Route::Smith,
        Route::Mirror,
        Route::EmotionLine,
        Route::Iceberg,
        Route::Pyramid,
        Route::LoyaltyProfit,
        Route::LoyaltyLadder,
        Route::Gaps,
        Route::Value,
        Route::StaffValue,
        Route::Author,
    ];
    r.extend((1..=loyalty_lab::course::lectures::LECTURES).map(|n| Route::Lecture { n }));
    r.extend(
        loyalty_lab::course::lectures::BUILT_EXERCISES
            .iter()
            .map(|id| Route::SelfCheck { id: (*id).to_owned() }),
    );
    r.extend(
        loyalty_lab::course::lectures::DRILL_IDS
            .iter()
            .map(|id| Route::Drill { id: (*id).to_owned() }),
    );
    r
}

#[test]
fn every_route_is_held_by_its_bundle_and_only_there() {
    for route in routes() {
        let home = Bundle::of(&route).expect("every screen but not-found has a bundle");
        for b in Bundle::ALL {
            let held = screens::of(b)(&route).is_some();
            assert_eq!(held, b == home, "{route:?} in bundle {}", b.name());
        }
        assert!(screens::all(&route).is_some(), "{route:?} in the all-screens bundle");
    }
    assert_eq!(Bundle::of(&Route::NotFound), None);
}

#[test]
fn every_bundle_has_a_binary_and_a_name_that_reads_back() {
    for b in Bundle::ALL {
        assert_eq!(Bundle::parse(b.name()), Some(b));
        let bin = format!("{}/src/bin/{}.rs", env!("CARGO_MANIFEST_DIR"), b.name());
        let text = std::fs::read_to_string(&bin).unwrap_or_else(|_| panic!("{bin} exists"));
        assert!(text.contains(&format!("Bundle::{b:?}")), "{bin} starts bundle {b:?}");
    }
    let bins = std::fs::read_dir(format!("{}/src/bin", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .count();
    assert_eq!(bins, Bundle::ALL.len(), "one binary per bundle, no strays");
}

#[test]
fn boot_table_agrees_with_the_routes() {
    let boot = std::fs::read_to_string(format!("{}/assets/boot.js", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let table = &boot[boot.find("const ROUTES = [").expect("ROUTES table")..];
    let table = &table[..table.find("];").unwrap()];
    let rows: Vec<(String, String)> = table
        .lines()
        .filter_map(|l| {
            let l = l.trim().strip_prefix("['")?;
            let (path, rest) = l.split_once("', '")?;
            Some((path.to_owned(), rest.split_once('\'')?.0.to_owned()))
        })
        .collect();
    for b in Bundle::ALL.iter().filter(|b| **b != Bundle::Map) {
        assert!(
            rows.iter().any(|(_, n)| n == b.name()),
            "a row for bundle {}: {rows:?}",
            b.name()
        );
    }
    for (path, name) in &rows {
        let bundle = Bundle::parse(name).unwrap_or_else(|| panic!("{name} is a bundle"));
        // A prefix row stands for its routes: try it with one of them.
        let example = if path.ends_with('/') {
            routes()
                .iter()
                .map(Route::to_path)
                .find(|p| p.starts_with(path.as_str()))
                .unwrap_or_else(|| panic!("a route under {path}"))
        } else {
            path.clone()
        };
        assert_eq!(Bundle::of(&Route::resolve(&example)), Some(bundle), "{path}");
    }
    // Every other route starts in "map", the table's default.
    for route in routes() {
        let path = route.to_path();
        let listed = rows.iter().find(|(p, _)| {
            if p.ends_with('/') {
                path.starts_with(p.as_str())
            } else {
                &path == p
            }
        });
        let expected = listed.map_or("map", |(_, n)| n.as_str());
        assert_eq!(Bundle::of(&route).map(Bundle::name), Some(expected), "{path}");
    }
}

/// The build splits content files into one part per language
/// (scripts/bundles.js `only`); this does the same and checks that the
/// parts put back together give the whole file, in either order.
#[test]
fn language_parts_reassemble_the_whole_file() {
    fn only(v: &serde_json::Value, lang: &str) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::Array(a) => Value::Array(a.iter().map(|x| only(x, lang)).collect()),
            Value::Object(o)
                if o.len() == 2
                    && o.get("zh").is_some_and(Value::is_string)
                    && o.get("en").is_some_and(Value::is_string) =>
            {
                let mut t = o.clone();
                for (k, s) in t.iter_mut() {
                    if k != lang {
                        *s = Value::String(String::new());
                    }
                }
                Value::Object(t)
            }
            Value::Object(o) => Value::Object(o.iter().map(|(k, x)| (k.clone(), only(x, lang))).collect()),
            other => other.clone(),
        }
    }
    let whole: serde_json::Value = serde_json::from_str(UI_JSON).unwrap();
    let expected = parse_ui(UI_JSON).unwrap();
    for order in [["zh", "en"], ["en", "zh"]] {
        let mut parts = Parts::default();
        let first: HashMap<String, Text> = parts.add(&only(&whole, order[0]).to_string()).unwrap();
        // With one part, every text shows in that language, whichever is asked.
        let lang = loyalty_lab::support::i18n::Lang::parse(order[0]).unwrap();
        for (k, t) in &first {
            assert_eq!(t.get(lang), expected[k].get(lang), "{k}");
            assert_eq!(t.get(lang.other()), expected[k].get(lang), "{k} falls back");
        }
        let both: HashMap<String, Text> = parts.add(&only(&whole, order[1]).to_string()).unwrap();
        assert_eq!(both, expected);
    }
    let course: serde_json::Value = serde_json::from_str(loyalty_lab::course::lectures::LECTURES_JSON).unwrap();
    let mut parts = Parts::default();
    let _: loyalty_lab::course::lectures::Course = parts.add(&only(&course, "en").to_string()).unwrap();
    let back: loyalty_lab::course::lectures::Course = parts.add(&only(&course, "zh").to_string()).unwrap();
    assert_eq!(
        back,
        loyalty_lab::course::lectures::parse(loyalty_lab::course::lectures::LECTURES_JSON).unwrap()
    );
    assert!(Parts::default().add::<HashMap<String, Text>>("not json").is_err());
}

/// The bundle names in the one-line list `const <name> = [...]` of a
/// JavaScript file of the repository, and those `holds` picks in Rust.
fn list_in(file: &str, name: &str, holds: fn(&Bundle) -> bool) -> (Vec<String>, Vec<&'static str>) {
    let js = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let line = js
        .lines()
        .find(|l| l.starts_with(&format!("const {name} = [")))
        .unwrap_or_else(|| panic!("no {name} list in {file}"));
    let listed = line.split('\'').skip(1).step_by(2).map(str::to_owned).collect();
    (
        listed,
        Bundle::ALL.iter().filter(|b| holds(b)).map(|b| b.name()).collect(),
    )
}

#[test]
fn the_build_writes_whole_lecture_texts_for_the_bundles_that_show_them() {
    let (listed, expected) = list_in("scripts/bundles.js", "WITH_LECTURE_BODIES", |b| {
        b.needs_lecture_bodies()
    });
    assert_eq!(listed, expected);
    assert!(Bundle::ALL
        .iter()
        .all(|b| !b.needs_lecture_bodies() || b.needs_lectures()));
}

#[test]
fn boot_downloads_lecture_texts_for_the_bundles_that_show_them() {
    let (listed, expected) = list_in("assets/boot.js", "WITH_LECTURES", |b| b.needs_lectures());
    assert_eq!(listed, expected);
}
