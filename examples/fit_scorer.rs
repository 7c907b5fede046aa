//! Fits the learned self-check scorer on the graded answers of
//! `tests/data/answers/` and writes what the app reads:
//! `content/scorer/model.json` (the boosted trees and the forest) and
//! `content/scorer/<id>.json` (each self-check's exemplars). Prints the
//! cross-validated agreement (grouped by writer) first: the figure to trust.
//!
//! ```text
//! cargo run --release --example fit_scorer
//! ```
//! `tests/learned.rs` fails if the files differ from a fresh fit.

use loyalty_lab::scoring::agreement::{bias, mae, qwk, spearman};
use loyalty_lab::scoring::learned::train::{cross_validate, fit, load_exercises, load_rows};
use loyalty_lab::scoring::learned::{Exemplars, Learned};
use std::path::Path;

fn main() -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exercises = load_exercises(root)?;
    let rows = load_rows(&root.join("tests/data/answers"))?;
    let cv = cross_validate(&rows, &exercises);
    let grades: Vec<f64> = rows.iter().map(|r| r.grade).collect();
    let report = |name: &str, keep: &dyn Fn(usize) -> bool| {
        let idx: Vec<usize> = (0..rows.len()).filter(|&i| keep(i)).collect();
        let (s, g): (Vec<f64>, Vec<f64>) = idx.iter().map(|&i| (cv[i], grades[i])).unzip();
        println!(
            "  {name:6} n={:3}  Spearman {:.3}  MAE {:5.2}  QWK {:.3}  bias {:+.2}",
            idx.len(),
            spearman(&s, &g),
            mae(&s, &g),
            qwk(&s, &g),
            bias(&s, &g)
        );
    };
    println!("cross-validated, grouped by writer ({} answers):", rows.len());
    let ids: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.exercise.as_str()).collect();
    for &id in &ids {
        report(id, &|i| rows[i].exercise == id);
    }
    let writers: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.writer.as_str()).collect();
    for w in writers {
        report(w, &|i| rows[i].writer == w);
    }
    report("all", &|_| true);

    let (model, exemplars) = fit(&rows, &exercises);
    // The same answers scored by the model fitted on them, with their own
    // exemplars in the banks: how well it fits, not how well it predicts.
    let learned: std::collections::BTreeMap<&str, Learned> = exemplars
        .iter()
        .map(|(id, list)| (id.as_str(), Learned::new(&model, &exercises[id], list)))
        .collect();
    let fitted: Vec<f64> = rows
        .iter()
        .map(|r| {
            learned[r.exercise.as_str()]
                .score(&exercises[&r.exercise], &r.answer)
                .score
                .into()
        })
        .collect();
    println!(
        "fitted (the model scoring its own training answers; not the figure to trust): Spearman {:.3}  MAE {:5.2}  QWK {:.3}  bias {:+.2}",
        spearman(&fitted, &grades),
        mae(&fitted, &grades),
        qwk(&fitted, &grades),
        bias(&fitted, &grades)
    );
    let dir = root.join("content/scorer");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let write = |name: &str, json: String| std::fs::write(dir.join(name), json + "\n").map_err(|e| e.to_string());
    write("model.json", serde_json::to_string(&model).map_err(|e| e.to_string())?)?;
    for (id, list) in exemplars {
        let file = Exemplars {
            exercise: id.clone(),
            exemplars: list,
        };
        write(
            &format!("{id}.json"),
            serde_json::to_string(&file).map_err(|e| e.to_string())?,
        )?;
    }
    println!(
        "wrote {} ({} boosted trees, a forest of {}) and the exemplars of {} self-checks",
        dir.join("model.json").display(),
        model.trees.trees.len(),
        model.forest.0.len(),
        ids.len()
    );
    Ok(())
}
