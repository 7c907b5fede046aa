//! Lists the content files that are loaded on demand (role-play scenarios,
//! self-checks, drills), so adding one is adding a JSON file: no Rust change.
//! (A self-check or drill file names its lecture; the lecture lists it.) The
//! files themselves are copied next to the app by Trunk (`index.html`) and
//! fetched when their screen opens; native tests read them from disk.

use std::fmt::Write;
use std::path::Path;

fn ids(dir: &str) -> Vec<String> {
    println!("cargo:rerun-if-changed={dir}");
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter_map(|e| {
                    let name = e.file_name().into_string().ok()?;
                    name.strip_suffix(".json").map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids
}

/// Each file of `dir` with its JSON (null where it does not read: the
/// tests report such a file).
fn files(dir: &str) -> Vec<(String, serde_json::Value)> {
    ids(dir)
        .into_iter()
        .map(|id| {
            let text = std::fs::read_to_string(format!("{dir}/{id}.json")).unwrap_or_default();
            let json = serde_json::from_str(&text).unwrap_or_default();
            (id, json)
        })
        .collect()
}

/// Writes `pub const <decl>; N] = <list>;` with its doc line.
fn emit<T: std::fmt::Debug>(out: &mut String, doc: &str, decl: &str, list: &[T]) {
    let _ = writeln!(out, "/// {doc}");
    let _ = writeln!(out, "pub const {decl}; {}] = {:?};", list.len(), list);
}

fn main() {
    let mut out = String::new();
    for (name, dir) in [
        ("SCENARIO_IDS", "content/scenarios"),
        ("SELFCHECK_IDS", "content/selfchecks"),
        ("DRILL_IDS", "content/drills"),
        ("LEARNED_IDS", "content/scorer"),
    ] {
        let mut list = ids(dir);
        // The learned scorer's folder holds the model beside each
        // self-check's exemplars: only the latter are listed.
        list.retain(|id| id != "model");
        let doc = format!("Files in `{dir}/`, without `.json`, sorted.");
        emit(&mut out, &doc, &format!("{name}: [&str"), &list);
    }
    // Scenario titles, so the role-play list names them without fetching
    // every scenario file (the files themselves are checked by the tests).
    let title = |json: &serde_json::Value, id: &str, lang: &str| json["title"][lang].as_str().unwrap_or(id).to_owned();
    let titles: Vec<(String, String, String)> = files("content/scenarios")
        .into_iter()
        .map(|(id, json)| {
            let (zh, en) = (title(&json, &id, "zh"), title(&json, &id, "en"));
            (id, zh, en)
        })
        .collect();
    emit(
        &mut out,
        "Each scenario's id and title (zh, en), as in its file.",
        "SCENARIO_TITLES: [(&str, &str, &str)",
        &titles,
    );
    // Each drill's lecture and title, so a lecture page links its drills
    // without fetching them: a new drill file needs no other change.
    let drills: Vec<(String, u64, String, String)> = files("content/drills")
        .into_iter()
        .map(|(id, json)| {
            let (zh, en) = (title(&json, &id, "zh"), title(&json, &id, "en"));
            (id, json["lecture"].as_u64().unwrap_or(0), zh, en)
        })
        .collect();
    emit(
        &mut out,
        "Each drill's id, lecture and title (zh, en), as in its file.",
        "DRILLS: [(&str, u8, &str, &str)",
        &drills,
    );
    // Each self-check's lecture, so the lecture lists a new file with no
    // other change (the file names its lecture).
    let selfchecks: Vec<(String, u64)> = files("content/selfchecks")
        .into_iter()
        .map(|(id, json)| (id, json["lecture"].as_u64().unwrap_or(0)))
        .collect();
    emit(
        &mut out,
        "Each self-check's id and lecture, as in its file.",
        "SELFCHECKS: [(&str, u8)",
        &selfchecks,
    );
    let path = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content_index.rs");
    std::fs::write(path, out).expect("OUT_DIR is writable");
}
