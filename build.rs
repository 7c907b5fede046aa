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
        let _ = writeln!(out, "/// Files in `{dir}/`, without `.json`, sorted.");
        let _ = writeln!(out, "pub const {name}: [&str; {}] = {:?};", list.len(), list);
    }
    // Scenario titles, so the role-play list names them without fetching
    // every scenario file (the files themselves are checked by the tests).
    let titles: Vec<(String, String, String)> = ids("content/scenarios")
        .into_iter()
        .map(|id| {
            let text = std::fs::read_to_string(format!("content/scenarios/{id}.json")).unwrap_or_default();
            let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            let title = |lang: &str| json["title"][lang].as_str().unwrap_or(&id).to_owned();
            let (zh, en) = (title("zh"), title("en"));
            (id, zh, en)
        })
        .collect();
    let _ = writeln!(out, "/// Each scenario's id and title (zh, en), as in its file.");
    let _ = writeln!(
        out,
        "pub const SCENARIO_TITLES: [(&str, &str, &str); {}] = {:?};",
        titles.len(),
        titles
    );
    // Each drill's lecture and title, so a lecture page links its drills
    // without fetching them: a new drill file needs no other change.
    let drills: Vec<(String, u64, String, String)> = ids("content/drills")
        .into_iter()
        .map(|id| {
            let text = std::fs::read_to_string(format!("content/drills/{id}.json")).unwrap_or_default();
            let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            let title = |lang: &str| json["title"][lang].as_str().unwrap_or(&id).to_owned();
            let lecture = json["lecture"].as_u64().unwrap_or(0);
            let (zh, en) = (title("zh"), title("en"));
            (id, lecture, zh, en)
        })
        .collect();
    let _ = writeln!(out, "/// Each drill's id, lecture and title (zh, en), as in its file.");
    let _ = writeln!(
        out,
        "pub const DRILLS: [(&str, u8, &str, &str); {}] = {:?};",
        drills.len(),
        drills
    );
    // Each self-check's lecture, so the lecture lists a new file with no
    // other change (the file names its lecture).
    let selfchecks: Vec<(String, u64)> = ids("content/selfchecks")
        .into_iter()
        .map(|id| {
            let text = std::fs::read_to_string(format!("content/selfchecks/{id}.json")).unwrap_or_default();
            let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            let lecture = json["lecture"].as_u64().unwrap_or(0);
            (id, lecture)
        })
        .collect();
    let _ = writeln!(out, "/// Each self-check's id and lecture, as in its file.");
    let _ = writeln!(
        out,
        "pub const SELFCHECKS: [(&str, u8); {}] = {:?};",
        selfchecks.len(),
        selfchecks
    );
    let path = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content_index.rs");
    std::fs::write(path, out).expect("OUT_DIR is writable");
}
