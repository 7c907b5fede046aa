//! Fitting the learned scorer, and judging it honestly: [`fit`] makes the
//! shipped model and exemplars from graded answers; [`cross_validate`]
//! predicts each writer's answers from a model fitted without them (the
//! exemplars too), so no answer is scored by a model that saw its writer;
//! [`held_out`] scores any chosen rows (the writers who came after the
//! design was fixed) by a model of the others.

use super::features::{features, Bank};
use super::forest::{Forest, FOREST};
use super::trees::{Trees, FIT};
use super::{features as names, Exemplar, Learned, Model};
use crate::course::selfcheck::SelfCheck;
use crate::scoring::{score, Scored};
use std::collections::{BTreeMap, BTreeSet};

/// One graded answer.
#[derive(Clone, Debug)]
pub struct Row {
    pub exercise: String,
    pub writer: String,
    pub answer: String,
    /// The graders' mean, 0–100.
    pub grade: f64,
}

/// The model fitted on `rows` and each self-check's exemplars (the rows in
/// their order). Every row's features leave its own exemplar out, as an
/// answer never meets itself when scored.
pub fn fit(rows: &[Row], exercises: &BTreeMap<String, SelfCheck>) -> (Model, BTreeMap<String, Vec<Exemplar>>) {
    let scored: Vec<Scored> = rows.iter().map(|r| score(&exercises[&r.exercise], &r.answer)).collect();
    fit_scored(rows, &scored, exercises)
}

fn fit_scored(
    rows: &[Row],
    scored: &[Scored],
    exercises: &BTreeMap<String, SelfCheck>,
) -> (Model, BTreeMap<String, Vec<Exemplar>>) {
    let mut exemplars: BTreeMap<String, Vec<Exemplar>> = BTreeMap::new();
    let mut place = Vec::with_capacity(rows.len());
    for r in rows {
        let list = exemplars.entry(r.exercise.clone()).or_default();
        place.push(list.len());
        list.push(Exemplar {
            answer: r.answer.clone(),
            grade: r.grade,
        });
    }
    let banks: BTreeMap<&str, Bank> = exemplars
        .iter()
        .map(|(id, list)| (id.as_str(), Bank::new(&exercises[id], list)))
        .collect();
    let x: Vec<Vec<f64>> = rows
        .iter()
        .zip(scored)
        .zip(&place)
        .map(|((r, s), &i)| {
            features(
                &exercises[&r.exercise],
                &r.answer,
                s,
                &banks[r.exercise.as_str()],
                Some(i),
            )
        })
        .collect();
    let y: Vec<f64> = rows.iter().map(|r| r.grade).collect();
    let model = Model {
        features: names::NAMES.iter().map(|n| n.to_string()).collect(),
        trees: Trees::fit(&x, &y, FIT),
        forest: Forest::fit(&x, &y, FOREST),
    };
    (model, exemplars)
}

/// Each row's score from a model fitted on the other writers' rows only.
pub fn cross_validate(rows: &[Row], exercises: &BTreeMap<String, SelfCheck>) -> Vec<f64> {
    let scored: Vec<Scored> = rows.iter().map(|r| score(&exercises[&r.exercise], &r.answer)).collect();
    let writers: BTreeSet<&str> = rows.iter().map(|r| r.writer.as_str()).collect();
    let mut out = vec![0.0; rows.len()];
    for w in writers {
        let unseen: Vec<bool> = rows.iter().map(|r| r.writer == w).collect();
        for (i, v) in score_unseen(rows, &scored, &unseen, exercises) {
            out[i] = v;
        }
    }
    out
}

/// The scores of the rows marked `unseen` (with their index) from a model
/// and exemplars fitted on the other rows only.
pub fn held_out(rows: &[Row], unseen: &[bool], exercises: &BTreeMap<String, SelfCheck>) -> Vec<(usize, f64)> {
    let scored: Vec<Scored> = rows.iter().map(|r| score(&exercises[&r.exercise], &r.answer)).collect();
    score_unseen(rows, &scored, unseen, exercises)
}

fn score_unseen(
    rows: &[Row],
    scored: &[Scored],
    unseen: &[bool],
    exercises: &BTreeMap<String, SelfCheck>,
) -> Vec<(usize, f64)> {
    let (train, train_scored): (Vec<Row>, Vec<Scored>) = rows
        .iter()
        .zip(scored)
        .zip(unseen)
        .filter(|(_, &u)| !u)
        .map(|((r, s), _)| (r.clone(), s.clone()))
        .unzip();
    let (model, exemplars) = fit_scored(&train, &train_scored, exercises);
    let learned: BTreeMap<&str, Learned> = exemplars
        .iter()
        .map(|(id, list)| (id.as_str(), Learned::new(&model, &exercises[id], list)))
        .collect();
    (0..rows.len())
        .filter(|&i| unseen[i])
        .map(|i| {
            let r = &rows[i];
            (
                i,
                learned[r.exercise.as_str()]
                    .score_read(&exercises[&r.exercise], &r.answer, &scored[i])
                    .into(),
            )
        })
        .collect()
}

/// Every self-check of the build, read and parsed from `root`'s
/// `content/selfchecks/` (what the fit and its tests score against).
pub fn load_exercises(root: &std::path::Path) -> Result<BTreeMap<String, SelfCheck>, String> {
    crate::course::lectures::SELFCHECK_IDS
        .iter()
        .map(|id| {
            let path = root.join(format!("content/selfchecks/{id}.json"));
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let sc = crate::course::selfcheck::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((id.to_string(), sc))
        })
        .collect()
}

/// The graded answers of `dir` (`tests/data/answers/`): every `w*.jsonl`
/// (`id`, `exercise`, `writer`, `answer`) with the mean of its grades in the
/// `grades-*.jsonl` files. An answer with no grade is an error.
pub fn load_rows(dir: &std::path::Path) -> Result<Vec<Row>, String> {
    use serde_json::Value;
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let lines = |p: &std::path::Path| -> Result<Vec<Value>, String> {
        let text = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).map_err(|e| format!("{}: {e}", p.display())))
            .collect()
    };
    let name = |p: &std::path::Path| p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_owned();
    let mut grades: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for p in files.iter().filter(|p| name(p).starts_with("grades-")) {
        for v in lines(p)? {
            let (Some(id), Some(g)) = (v["id"].as_str(), v["grade"].as_f64()) else {
                return Err(format!("{}: a line without id or grade", p.display()));
            };
            grades.entry(id.to_owned()).or_default().push(g);
        }
    }
    let mut rows = Vec::new();
    for p in files.iter().filter(|p| name(p).starts_with('w')) {
        for v in lines(p)? {
            let field = |k: &str| {
                v[k].as_str()
                    .map(str::to_owned)
                    .ok_or(format!("{}: no {k}", p.display()))
            };
            let id = field("id")?;
            let g = grades.get(&id).ok_or(format!("{id}: not graded"))?;
            rows.push(Row {
                exercise: field("exercise")?,
                writer: field("writer")?,
                answer: field("answer")?,
                grade: g.iter().sum::<f64>() / g.len() as f64,
            });
        }
    }
    Ok(rows)
}
