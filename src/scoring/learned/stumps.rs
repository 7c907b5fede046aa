//! Gradient-boosted decision stumps for squared error: a start value and
//! many one-split trees, each nudging the prediction up or down by whether
//! one feature is above a threshold. Small, exact to evaluate, fitted here
//! natively and stored as data.

use serde::{Deserialize, Serialize};

/// One split: feature, threshold, what it adds at or below and above.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stump(pub usize, pub f64, pub f64, pub f64);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stumps {
    pub start: f64,
    pub stumps: Vec<Stump>,
}

/// How a model is fitted.
#[derive(Clone, Copy, Debug)]
pub struct Fit {
    pub rounds: usize,
    pub rate: f64,
    /// Fewest rows on either side of a split.
    pub min_leaf: usize,
    /// Thresholds tried per feature (quantiles of its values).
    pub cuts: usize,
}

pub const FIT: Fit = Fit {
    rounds: 300,
    rate: 0.05,
    min_leaf: 8,
    cuts: 16,
};

impl Stumps {
    pub fn predict(&self, x: &[f64]) -> f64 {
        self.start
            + self
                .stumps
                .iter()
                .map(|Stump(j, t, lo, hi)| {
                    if x.get(*j).copied().unwrap_or(0.0) <= *t {
                        lo
                    } else {
                        hi
                    }
                })
                .sum::<f64>()
    }

    /// What is wrong with a model read from a file, if anything.
    pub fn problem(&self, features: usize) -> Option<String> {
        let finite = |v: f64| v.is_finite();
        if !finite(self.start) {
            return Some("the start value is not a number".into());
        }
        self.stumps.iter().enumerate().find_map(|(i, Stump(j, t, lo, hi))| {
            (*j >= features || ![*t, *lo, *hi].into_iter().all(finite)).then(|| format!("split {i} is malformed"))
        })
    }

    /// Fits rows `x` to targets `y` (deterministic).
    pub fn fit(x: &[Vec<f64>], y: &[f64], fit: Fit) -> Stumps {
        let n = y.len().max(1) as f64;
        let start = round(y.iter().sum::<f64>() / n, 1e3);
        let mut residual: Vec<f64> = y.iter().map(|t| t - start).collect();
        let features = x.first().map_or(0, Vec::len);
        let cuts: Vec<Vec<f64>> = (0..features)
            .map(|j| quantiles(x.iter().map(|r| r[j]).collect(), fit.cuts))
            .collect();
        let mut stumps = Vec::new();
        for _ in 0..fit.rounds {
            let total: f64 = residual.iter().sum();
            let mut best: Option<(f64, Stump)> = None;
            for (j, cs) in cuts.iter().enumerate() {
                for &t in cs {
                    let (mut sum, mut count) = (0.0, 0usize);
                    for (row, r) in x.iter().zip(&residual) {
                        if row[j] <= t {
                            sum += r;
                            count += 1;
                        }
                    }
                    let other = residual.len() - count;
                    if count < fit.min_leaf || other < fit.min_leaf {
                        continue;
                    }
                    let (lo, hi) = (sum / count as f64, (total - sum) / other as f64);
                    let gain = count as f64 * lo * lo + other as f64 * hi * hi;
                    if best.as_ref().is_none_or(|(g, _)| gain > *g) {
                        best = Some((gain, Stump(j, t, lo, hi)));
                    }
                }
            }
            let Some((_, Stump(j, t, lo, hi))) = best else { break };
            // Rounded as stored, so the file is small and predicts exactly
            // what the fit did.
            let stump = Stump(j, round(t, 1e4), round(lo * fit.rate, 1e3), round(hi * fit.rate, 1e3));
            for (row, r) in x.iter().zip(residual.iter_mut()) {
                *r -= if row[j] <= t { stump.2 } else { stump.3 };
            }
            stumps.push(stump);
        }
        Stumps { start, stumps }
    }
}

/// Up to `k − 1` distinct cut points spread over the sorted values.
fn quantiles(mut v: Vec<f64>, k: usize) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    v.dedup();
    if v.len() <= k {
        return v;
    }
    let mut out: Vec<f64> = (1..k).map(|q| v[v.len() * q / k]).collect();
    out.dedup();
    out
}

fn round(v: f64, scale: f64) -> f64 {
    (v * scale).round() / scale
}
