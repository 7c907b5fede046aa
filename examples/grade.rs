//! Grades self-check answers from the command line with the local scorer.
//!
//! ```text
//! cargo run --release --example grade < answers.jsonl
//! ```
//!
//! Reads JSON lines `{"id": …, "exercise": "3-1", "answer": "…"}` on stdin
//! and writes one JSON line per answer:
//! `{"id": …, "score": 0-100, "rubric": 0-100, "ideas": [{"id": …, "found": …, "credit": …}], "flags": […]}`:
//! `score` is the learned scorer's (as the app shows it; `content/scorer/`),
//! `rubric` the rubric's alone, `ideas` and `flags` the rubric's reading.
//! `id` is echoed as given (any JSON value). A line that cannot be graded
//! gives `{"id": … or null, "error": "…"}` and processing continues. Blank
//! lines are skipped. Exercises are read from `content/selfchecks/`.

use loyalty_lab::course::lectures::SELFCHECK_IDS;
use loyalty_lab::course::selfcheck::{self, SelfCheck};
use loyalty_lab::scoring::learned::{Exemplars, Learned, Model};
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

/// The learned scorer's model and each self-check's exemplars; an error
/// (then the rubric scores alone) if they cannot be read.
fn load_scorer() -> Result<(Model, HashMap<String, Exemplars>), String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content/scorer");
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}")).map_err(|e| format!("{dir}/{name}: {e}"));
    let model = Model::parse(&read("model.json")?)?;
    let mut exemplars = HashMap::new();
    for id in SELFCHECK_IDS {
        let e: Exemplars = serde_json::from_str(&read(&format!("{id}.json"))?).map_err(|e| format!("{id}: {e}"))?;
        exemplars.insert(id.to_string(), e);
    }
    Ok((model, exemplars))
}

fn grade(
    exercises: &HashMap<String, Result<SelfCheck, String>>,
    learned: &HashMap<String, Learned>,
    line: &[u8],
) -> Value {
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
    let learned = learned.get(exercise).map_or(s.score, |l| l.score_read(sc, answer, &s));
    json!({
        "id": id,
        "score": learned,
        "rubric": s.score,
        "ideas": s.ideas.iter().map(|i| json!({"id": i.id, "found": i.found, "credit": (i.credit * 100.0).round() / 100.0})).collect::<Vec<_>>(),
        "flags": s.flags,
    })
}

fn main() {
    let exercises = load();
    let scorer = load_scorer()
        .map_err(|e| eprintln!("learned scorer unavailable, rubric scores only: {e}"))
        .ok();
    let learned: HashMap<String, Learned> = scorer
        .as_ref()
        .map(|(model, exemplars)| {
            exercises
                .iter()
                .filter_map(|(id, sc)| {
                    Some((
                        id.clone(),
                        Learned::new(model, sc.as_ref().ok()?, &exemplars.get(id)?.exemplars),
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
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
        let result = grade(&exercises, &learned, trimmed);
        if writeln!(out, "{result}").is_err() {
            return; // stdout closed (e.g. piped into head): stop quietly.
        }
    }
    let _ = out.flush();
}
