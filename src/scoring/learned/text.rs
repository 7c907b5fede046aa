//! Text as the learned scorer compares it: the normal form of
//! [`crate::support::normalize`] cut into tokens (a Latin word, or one
//! Chinese character), the tokens and adjacent pairs counted, weighted
//! (1 + ln tf, times an inverse document frequency where one is known) and
//! compared by cosine.

use crate::support::normalize::{is_cjk, normalize};
use std::collections::BTreeMap;

/// A weighted bag of tokens and token pairs, sorted by term, with its length.
#[derive(Clone, Debug, Default)]
pub struct Vector {
    weights: Vec<(String, f64)>,
    norm: f64,
}

/// Tokens of already-normalised text.
pub fn tokens(norm: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in norm.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if is_cjk(c) {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Counts of every token and every adjacent pair of `text` (any form).
pub fn counts(text: &str) -> BTreeMap<String, f64> {
    let toks = tokens(&normalize(text));
    let mut c = BTreeMap::new();
    for (i, t) in toks.iter().enumerate() {
        *c.entry(t.clone()).or_insert(0.0) += 1.0;
        if let Some(next) = toks.get(i + 1) {
            *c.entry(format!("{t} {next}")).or_insert(0.0) += 1.0;
        }
    }
    c
}

impl Vector {
    /// Sublinear counts, times `idf` of each term when given.
    pub fn new(counts: &BTreeMap<String, f64>, idf: Option<&dyn Fn(&str) -> f64>) -> Vector {
        let weights: Vec<(String, f64)> = counts
            .iter()
            .map(|(k, &n)| (k.clone(), (1.0 + n.ln()) * idf.map_or(1.0, |f| f(k))))
            .collect();
        let norm = weights.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        Vector { weights, norm }
    }

    /// Cosine similarity, 0 when either side is empty (one merge of the
    /// two sorted term lists).
    pub fn cosine(&self, other: &Vector) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        let (a, b) = (&self.weights, &other.weights);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot / (self.norm * other.norm)
    }
}
