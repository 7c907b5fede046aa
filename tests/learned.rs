//! The learned self-check scorer (issue 20): judged by cross-validation
//! grouped by writer on `tests/data/answers/` (each writer's answers scored
//! by a model and exemplars fitted without any of them), the shipped files
//! checked against a fresh fit, bad model files refused, and the invariants
//! of a score on any input.

use loyalty_lab::course::lectures::LEARNED_IDS;
use loyalty_lab::course::selfcheck::SelfCheck;
use loyalty_lab::scoring::agreement::{bias, mae, qwk, spearman};
use loyalty_lab::scoring::learned::train::{cross_validate, fit, held_out, load_exercises, load_rows, Row};
use loyalty_lab::scoring::learned::{Exemplars, Learned, Model};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

/// Floors on the cross-validated figures, set just under those measured
/// when the model was fitted on the eight writers' 1,600 answers (Spearman
/// 0.888, MAE 6.69, QWK 0.931 over 20-point bands, bias -0.18): a change
/// that makes the learned scorer worse on writers it never saw fails here.
/// The target is Spearman ≥ 0.88, MAE ≤ 10, QWK ≥ 0.85, |bias| ≤ 3.
const CV_SPEARMAN_FLOOR: f64 = 0.88;
const CV_MAE_CEILING: f64 = 7.0;
const CV_QWK_FLOOR: f64 = 0.92;
const CV_BIAS_LIMIT: f64 = 3.0;
/// Per self-check, the weakest measured was 1-1 (Spearman 0.852, MAE 7.76).
const CV_EXERCISE_SPEARMAN_FLOOR: f64 = 0.84;
const CV_EXERCISE_MAE_CEILING: f64 = 8.0;

/// The writers whose answers came after the scorer's design was fixed
/// (features, trees, forest and floor chosen on w1–w5 alone).
const LATER_WRITERS: [&str; 3] = ["w6", "w7", "w8"];
/// Floors on the later writers' answers scored by a model fitted on w1–w5
/// only: measured Spearman 0.885, MAE 8.39, QWK 0.918, bias +5.00 (their
/// graders mark about 5 points lower than w1–w5's did).
const LATER_SPEARMAN_FLOOR: f64 = 0.87;
const LATER_MAE_CEILING: f64 = 9.0;
const LATER_QWK_FLOOR: f64 = 0.9;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn exercises() -> &'static BTreeMap<String, SelfCheck> {
    static ALL: OnceLock<BTreeMap<String, SelfCheck>> = OnceLock::new();
    ALL.get_or_init(|| load_exercises(root()).expect("self-checks load"))
}

fn rows() -> &'static Vec<Row> {
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    ROWS.get_or_init(|| load_rows(&root().join("tests/data/answers")).expect("graded answers load"))
}

fn shipped() -> (Model, BTreeMap<String, Exemplars>) {
    let read = |name: &str| std::fs::read_to_string(root().join("content/scorer").join(name)).unwrap();
    let model = Model::parse(&read("model.json")).expect("shipped model parses");
    let ex = LEARNED_IDS
        .iter()
        .map(|id| {
            (
                id.to_string(),
                serde_json::from_str(&read(&format!("{id}.json"))).unwrap(),
            )
        })
        .collect();
    (model, ex)
}

#[test]
fn cross_validated_by_writer() {
    let rows = rows();
    assert_eq!(rows.len(), 1600);
    let cv = cross_validate(rows, exercises());
    let grades: Vec<f64> = rows.iter().map(|r| r.grade).collect();
    let figures = |keep: &dyn Fn(&Row) -> bool| {
        let (s, g): (Vec<f64>, Vec<f64>) = rows
            .iter()
            .zip(cv.iter().zip(&grades))
            .filter(|(r, _)| keep(r))
            .map(|(_, (s, g))| (*s, *g))
            .unzip();
        (spearman(&s, &g), mae(&s, &g), qwk(&s, &g), bias(&s, &g))
    };
    println!("learned scorer, cross-validated by writer:");
    for id in LEARNED_IDS {
        let (rho, m, k, b) = figures(&|r| r.exercise == id);
        println!("  {id}: Spearman {rho:.3}  MAE {m:5.2}  QWK {k:.3}  bias {b:+.2}");
        assert!(rho >= CV_EXERCISE_SPEARMAN_FLOOR, "{id}: Spearman {rho:.3}");
        assert!(m <= CV_EXERCISE_MAE_CEILING, "{id}: MAE {m:.2}");
    }
    let (rho, m, k, b) = figures(&|_| true);
    println!("  all: Spearman {rho:.3}  MAE {m:5.2}  QWK {k:.3}  bias {b:+.2}");
    assert!(rho >= CV_SPEARMAN_FLOOR, "Spearman {rho:.3} < {CV_SPEARMAN_FLOOR}");
    assert!(m <= CV_MAE_CEILING, "MAE {m:.2} > {CV_MAE_CEILING}");
    assert!(k >= CV_QWK_FLOOR, "QWK {k:.3} < {CV_QWK_FLOOR}");
    assert!(b.abs() <= CV_BIAS_LIMIT, "bias {b:+.2}");
}

#[test]
fn answers_written_after_the_design_was_fixed() {
    let rows = rows();
    let unseen: Vec<bool> = rows
        .iter()
        .map(|r| LATER_WRITERS.contains(&r.writer.as_str()))
        .collect();
    assert_eq!(unseen.iter().filter(|&&u| u).count(), 600);
    let (s, g): (Vec<f64>, Vec<f64>) = held_out(rows, &unseen, exercises())
        .into_iter()
        .map(|(i, v)| (v, rows[i].grade))
        .unzip();
    let (rho, m, k, b) = (spearman(&s, &g), mae(&s, &g), qwk(&s, &g), bias(&s, &g));
    println!("w6–w8 scored by a model of w1–w5: Spearman {rho:.3}  MAE {m:5.2}  QWK {k:.3}  bias {b:+.2}");
    assert!(rho >= LATER_SPEARMAN_FLOOR, "Spearman {rho:.3}");
    assert!(m <= LATER_MAE_CEILING, "MAE {m:.2}");
    assert!(k >= LATER_QWK_FLOOR, "QWK {k:.3}");
}

#[test]
fn shipped_files_are_a_fresh_fit() {
    let (model, exemplars) = fit(rows(), exercises());
    let (shipped_model, shipped_ex) = shipped();
    assert!(
        model == shipped_model,
        "content/scorer/model.json is stale: run cargo run --release --example fit_scorer"
    );
    for (id, list) in exemplars {
        assert_eq!(shipped_ex[&id].exercise, id);
        assert!(shipped_ex[&id].exemplars == list, "content/scorer/{id}.json is stale");
    }
}

#[test]
fn bad_model_files_are_refused_with_a_reason() {
    let good = std::fs::read_to_string(root().join("content/scorer/model.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    assert!(Model::parse("").is_err());
    assert!(Model::parse("{\"features\": 3}").is_err());
    let mut other = v.clone();
    other["features"][0] = "something_else".into();
    assert_eq!(
        Model::parse(&other.to_string()).unwrap_err(),
        "the model was fitted on other features"
    );
    let mut far = v.clone();
    far["trees"]["trees"][0][0] = serde_json::json!([99, 0.5, 1, 2]);
    assert_eq!(Model::parse(&far.to_string()).unwrap_err(), "tree 0 is malformed");
    let mut forest = v.clone();
    forest["forest"][3][0] = serde_json::json!([99, 0.5, 1, 2]);
    assert_eq!(Model::parse(&forest.to_string()).unwrap_err(), "tree 3 is malformed");
    // A split that points back up would never end.
    v["trees"]["trees"][0][0] = serde_json::json!([0, 0.5, 0, 0]);
    assert_eq!(Model::parse(&v.to_string()).unwrap_err(), "tree 0 is malformed");
}

#[test]
fn the_learned_score_keeps_the_rubric_feedback_and_orders_kinds() {
    let (model, ex) = shipped();
    let e = &exercises()["3-1"];
    let learned = Learned::new(&model, e, &ex["3-1"].exemplars);
    let strong = learned.score(e, "经理不该当着客人的面批评服务员，应该先处理好客人的问题，事后私下和员工沟通，找出原因并改进流程。员工在客人面前被骂会失去尊严和积极性，客人看了也会尴尬，对餐厅印象变差。");
    let off = learned.score(e, "今天天气很好，我想去公园散步。");
    let empty = learned.score(e, "   ");
    // Every idea stated, in the course's words: the rubric's 100 keeps it
    // within RUBRIC_MARGIN.
    assert!(strong.score >= 75, "{}", strong.score);
    assert!(off.score <= 20, "{}", off.score);
    assert_eq!(empty.score, 0);
    assert_eq!(strong.ideas.len(), e.ideas.len());
    assert!(strong.ideas.iter().any(|i| i.found));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_text_scores_in_range_and_the_same_twice(s in "\\PC{0,300}") {
        static L: OnceLock<(Model, BTreeMap<String, Exemplars>)> = OnceLock::new();
        let (model, ex) = L.get_or_init(shipped);
        let e = &exercises()["5-1"];
        let learned = Learned::new(model, e, &ex["5-1"].exemplars);
        let a = learned.score(e, &s);
        prop_assert!(a.score <= 100);
        prop_assert_eq!(a, learned.score(e, &s));
    }
}
