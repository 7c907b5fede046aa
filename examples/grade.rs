//! Grades self-check answers from the command line with the local scorer.
//!
//! ```text
//! cargo run --release --example grade < answers.jsonl
//! ```
//!
//! Reads JSON lines `{"id": …, "exercise": "3-1", "answer": "…"}` on stdin
//! and writes one JSON line per answer:
//! `{"id": …, "score": 0-100, "ideas": [{"id": …, "found": …, "credit": …}], "flags": […]}`.
//! `id` is echoed as given (any JSON value). A line that cannot be graded
//! gives `{"id": … or null, "error": "…"}` and processing continues. Blank
//! lines are skipped. Exercises are read from `content/selfchecks/`.

use loyalty_lab::course::lectures::SELFCHECK_IDS;
use loyalty_lab::course::selfcheck::{self, SelfCheck};
use loyalty_lab::scoring::score;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::{self, BufRead, BufWriter, Write};

fn load() -> HashMap<String, Result<SelfCheck, String>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content/selfchecks");
    SELFCHECK_IDS
        .iter()
        .map(|id| {
            let path = format!("{dir}/{id}.json");
            let loaded = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {path}: {e}"))
                .and_then(|text| selfcheck::parse(&text).map_err(|e| format!("{path}: {e}")));
            (id.to_string(), loaded)
        })
        .collect()
}

fn grade(exercises: &HashMap<String, Result<SelfCheck, String>>, line: &[u8]) -> Value {
    let Ok(text) = std::str::from_utf8(line) else {
        return json!({"id": null, "error": "line is not valid UTF-8"});
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return json!({"id": null, "error": format!("not JSON: {e}")}),
    };
    let Some(obj) = value.as_object() else {
        return json!({"id": null, "error": "expected a JSON object"});
    };
    let id = obj.get("id").cloned().unwrap_or(Value::Null);
    let fail = |msg: String| json!({"id": id.clone(), "error": msg});
    let exercise = match obj.get("exercise") {
        Some(Value::String(s)) => s,
        Some(_) => return fail("\"exercise\" must be a string".into()),
        None => return fail("missing \"exercise\"".into()),
    };
    let answer = match obj.get("answer") {
        Some(Value::String(s)) => s,
        Some(_) => return fail("\"answer\" must be a string".into()),
        None => return fail("missing \"answer\"".into()),
    };
    let sc = match exercises.get(exercise) {
        Some(Ok(sc)) => sc,
        Some(Err(e)) => return fail(format!("exercise {exercise} could not be loaded: {e}")),
        None => {
            return fail(format!(
                "unknown exercise {exercise:?} (known: {})",
                SELFCHECK_IDS.join(", ")
            ))
        }
    };
    let s = score(sc, answer);
    json!({
        "id": id,
        "score": s.score,
        "ideas": s.ideas.iter().map(|i| json!({"id": i.id, "found": i.found, "credit": (i.credit * 100.0).round() / 100.0})).collect::<Vec<_>>(),
        "flags": s.flags,
    })
}

fn main() {
    let exercises = load();
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut line = Vec::new();
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                let _ = writeln!(
                    out,
                    "{}",
                    json!({"id": null, "error": format!("cannot read input: {e}")})
                );
                break;
            }
        }
        let trimmed = line.trim_ascii();
        if trimmed.is_empty() {
            continue;
        }
        let result = grade(&exercises, trimmed);
        if writeln!(out, "{result}").is_err() {
            return; // stdout closed (e.g. piped into head): stop quietly.
        }
    }
    let _ = out.flush();
}
