//! Extremely randomised trees (Geurts, Ernst & Wehenkel 2006) for the
//! learned scorer: many deep trees, each split on the best of a few
//! features at a random threshold, their leaves averaged. Where the boosted
//! trees ([`super::trees`]) fit broad trends, the forest answers "what did
//! answers with features like these get?", a smoothed nearest-neighbour
//! reading of the feature space; the model averages the two.
//! Fitted deterministically (a fixed seed), stored in the same node format.

use super::trees::{leaf, round, Node, Tree};
use serde::{Deserialize, Serialize};

/// How a forest is fitted.
#[derive(Clone, Copy, Debug)]
pub struct ForestFit {
    pub trees: usize,
    /// Fewest rows in a leaf.
    pub min_leaf: usize,
    /// The share of the features each split chooses among.
    pub share: f64,
    pub seed: u64,
}

pub const FOREST: ForestFit = ForestFit {
    trees: 20,
    min_leaf: 5,
    share: 0.5,
    seed: 20,
};

/// The forest's trees; it predicts their mean.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Forest(pub Vec<Tree>);

/// splitmix64: a small, fixed random sequence (the fit must be repeatable).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

impl Forest {
    /// The mean of the trees' leaves (0 for an empty forest).
    pub fn predict(&self, x: &[f64]) -> f64 {
        if self.0.is_empty() {
            return 0.0;
        }
        self.0.iter().map(|t| leaf(t, x)).sum::<f64>() / self.0.len() as f64
    }

    /// Fits rows `x` to targets `y`.
    pub fn fit(x: &[Vec<f64>], y: &[f64], fit: ForestFit) -> Forest {
        let mut random = Random(fit.seed);
        let features = x.first().map_or(0, Vec::len);
        let choose = ((features as f64 * fit.share).ceil() as usize).clamp(1, features.max(1));
        let all: Vec<usize> = (0..x.len()).collect();
        let trees = (0..fit.trees)
            .map(|_| {
                let mut tree = Vec::new();
                grow(x, y, &all, fit, choose, &mut random, &mut tree);
                tree
            })
            .collect();
        Forest(trees)
    }
}

/// Appends to `tree` the subtree for `rows`: at each node the best of
/// `choose` random features, each cut at a random point of its range.
fn grow(
    x: &[Vec<f64>],
    y: &[f64],
    rows: &[usize],
    fit: ForestFit,
    choose: usize,
    random: &mut Random,
    tree: &mut Tree,
) {
    let at = tree.len();
    let mean = rows.iter().map(|&i| y[i]).sum::<f64>() / rows.len().max(1) as f64;
    tree.push(Node::Leaf(round(mean, 1e1)));
    if rows.len() < 2 * fit.min_leaf || rows.iter().all(|&i| y[i] == y[rows[0]]) {
        return;
    }
    let features = x[rows[0]].len();
    let mut pool: Vec<usize> = (0..features).collect();
    let total: f64 = rows.iter().map(|&i| y[i]).sum();
    let mut best: Option<(f64, usize, f64)> = None;
    let mut valid = 0;
    // Features in a random order (a shuffle as it goes) until `choose` of
    // them gave a cut that leaves both sides `min_leaf` rows.
    for picked in 0..features {
        if valid == choose {
            break;
        }
        let swap = picked + random.below(features - picked);
        pool.swap(picked, swap);
        let j = pool[picked];
        let (lo, hi) = rows.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &i| {
            (lo.min(x[i][j]), hi.max(x[i][j]))
        });
        let t = round(lo + random.unit() * (hi - lo), 1e3);
        if !(lo <= t && t < hi) {
            continue;
        }
        let (mut sum, mut left) = (0.0, 0usize);
        for &i in rows.iter().filter(|&&i| x[i][j] <= t) {
            sum += y[i];
            left += 1;
        }
        let right = rows.len() - left;
        if left < fit.min_leaf || right < fit.min_leaf {
            continue;
        }
        valid += 1;
        let gain = sum * sum / left as f64 + (total - sum) * (total - sum) / right as f64;
        if best.as_ref().is_none_or(|(g, _, _)| gain > *g) {
            best = Some((gain, j, t));
        }
    }
    let Some((_, j, t)) = best else { return };
    let (lo_rows, hi_rows): (Vec<usize>, Vec<usize>) = rows.iter().partition(|&&i| x[i][j] <= t);
    let lo = tree.len();
    grow(x, y, &lo_rows, fit, choose, random, tree);
    let hi = tree.len();
    grow(x, y, &hi_rows, fit, choose, random, tree);
    tree[at] = Node::Split(j, t, lo, hi);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forest_follows_a_step_and_is_repeatable() {
        let x: Vec<Vec<f64>> = (0..200).map(|i| vec![f64::from(i) / 200.0, f64::from(i % 7)]).collect();
        let y: Vec<f64> = x.iter().map(|r| if r[0] > 0.5 { 80.0 } else { 20.0 }).collect();
        let f = Forest::fit(&x, &y, FOREST);
        assert_eq!(f, Forest::fit(&x, &y, FOREST), "same data, same forest");
        // Leaves of at least 5 rows, some cut on the feature that does not
        // matter, blur the step a little; the sides stay clear.
        let (high, low) = (f.predict(&[0.9, 3.0]), f.predict(&[0.1, 3.0]));
        assert!(high > 65.0 && low < 35.0, "{high} {low}");
        assert!(f.0.iter().all(|t| t.len() > 1), "every tree splits");
        assert_eq!(Forest::default().predict(&[0.5, 1.0]), 0.0);
    }
}
