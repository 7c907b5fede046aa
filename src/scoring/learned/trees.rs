//! Gradient-boosted regression trees for squared error: a start value and
//! many small trees (at most [`Fit::depth`] splits deep), each nudging the
//! prediction by the leaf an answer's features lead it to. Depth lets the
//! model read features together ("many ideas found, but denied"), which
//! one-split stumps cannot. Small, exact to evaluate, fitted here natively
//! and stored as data.

use serde::{Deserialize, Serialize};

/// A node of a tree: a split (feature, threshold, the node for values at
/// or below it, the node for values above) or a leaf's value. Stored as
/// `[j, t, lo, hi]` or a bare number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Node {
    Split(usize, f64, usize, usize),
    Leaf(f64),
}

/// One tree: its nodes, the root first, every child after its parent.
pub type Tree = Vec<Node>;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trees {
    pub start: f64,
    pub trees: Vec<Tree>,
}

/// How a model is fitted.
#[derive(Clone, Copy, Debug)]
pub struct Fit {
    pub rounds: usize,
    pub rate: f64,
    /// Most splits from the root to a leaf.
    pub depth: usize,
    /// Fewest rows in a leaf.
    pub min_leaf: usize,
}

pub const FIT: Fit = Fit {
    rounds: 300,
    rate: 0.05,
    depth: 3,
    min_leaf: 8,
};

/// The leaf value `x` reaches in `tree` (0 for a malformed tree, which
/// [`Trees::problem`] refuses before any is used).
pub(super) fn leaf(tree: &[Node], x: &[f64]) -> f64 {
    let mut at = 0;
    // Children come after parents, so a walk ends within the tree's length.
    for _ in 0..tree.len() {
        match tree.get(at) {
            Some(Node::Leaf(v)) => return *v,
            Some(Node::Split(j, t, lo, hi)) => {
                at = if x.get(*j).copied().unwrap_or(0.0) <= *t {
                    *lo
                } else {
                    *hi
                }
            }
            None => return 0.0,
        }
    }
    0.0
}

impl Trees {
    pub fn predict(&self, x: &[f64]) -> f64 {
        self.start + self.trees.iter().map(|t| leaf(t, x)).sum::<f64>()
    }

    /// What is wrong with a model read from a file, if anything.
    pub fn problem(&self, features: usize) -> Option<String> {
        if !self.start.is_finite() {
            return Some("the start value is not a number".into());
        }
        trees_problem(&self.trees, features)
    }

    /// Fits rows `x` to targets `y` (deterministic).
    pub fn fit(x: &[Vec<f64>], y: &[f64], fit: Fit) -> Trees {
        let n = y.len().max(1) as f64;
        let start = round(y.iter().sum::<f64>() / n, 1e3);
        let mut residual: Vec<f64> = y.iter().map(|t| t - start).collect();
        let features = x.first().map_or(0, Vec::len);
        // Each feature's row order, sorted once.
        let order: Vec<Vec<usize>> = (0..features)
            .map(|j| {
                let mut o: Vec<usize> = (0..x.len()).collect();
                o.sort_by(|&a, &b| x[a][j].total_cmp(&x[b][j]).then(a.cmp(&b)));
                o
            })
            .collect();
        let mut trees = Vec::new();
        for _ in 0..fit.rounds {
            let mut tree = Vec::new();
            grow(x, &residual, &order, &vec![true; x.len()], fit, fit.depth, &mut tree);
            // Leaves hold the mean residual of the rows the stored (rounded)
            // thresholds send there, scaled by the rate and rounded as
            // stored, so the file predicts exactly what the fit did.
            let mut sums = vec![(0.0, 0usize); tree.len()];
            for (row, r) in x.iter().zip(&residual) {
                let at = reach(&tree, row);
                sums[at].0 += r;
                sums[at].1 += 1;
            }
            for (node, (sum, count)) in tree.iter_mut().zip(sums) {
                if let Node::Leaf(v) = node {
                    *v = if count == 0 {
                        0.0
                    } else {
                        round(sum / count as f64 * fit.rate, 1e3)
                    };
                }
            }
            for (row, r) in x.iter().zip(residual.iter_mut()) {
                *r -= leaf(&tree, row);
            }
            trees.push(tree);
        }
        Trees { start, trees }
    }
}

/// The first malformed tree of `trees`, named, if any: a tree must be
/// non-empty, its numbers finite, its features known, every child after
/// its parent and inside the tree.
pub(super) fn trees_problem(trees: &[Tree], features: usize) -> Option<String> {
    trees.iter().enumerate().find_map(|(i, tree)| {
        let bad = tree.is_empty()
            || tree.iter().enumerate().any(|(at, node)| match *node {
                Node::Leaf(v) => !v.is_finite(),
                Node::Split(j, t, lo, hi) => {
                    j >= features || !t.is_finite() || lo <= at || hi <= at || lo >= tree.len() || hi >= tree.len()
                }
            });
        bad.then(|| format!("tree {i} is malformed"))
    })
}

/// The index of the leaf `row` reaches.
fn reach(tree: &[Node], row: &[f64]) -> usize {
    let mut at = 0;
    while let Some(Node::Split(j, t, lo, hi)) = tree.get(at) {
        at = if row[*j] <= *t { *lo } else { *hi };
    }
    at
}

/// Appends to `tree` the subtree for the rows in `rows`: the split that most
/// reduces the squared error of `residual`, `depth` levels deep at most.
fn grow(
    x: &[Vec<f64>],
    residual: &[f64],
    order: &[Vec<usize>],
    rows: &[bool],
    fit: Fit,
    depth: usize,
    tree: &mut Tree,
) {
    let at = tree.len();
    tree.push(Node::Leaf(0.0));
    let count = rows.iter().filter(|&&r| r).count();
    if depth == 0 || count < 2 * fit.min_leaf {
        return;
    }
    let total: f64 = residual.iter().zip(rows).filter(|(_, &r)| r).map(|(v, _)| v).sum();
    let mut best: Option<(f64, usize, f64)> = None;
    for (j, o) in order.iter().enumerate() {
        let (mut sum, mut left) = (0.0, 0usize);
        let members: Vec<usize> = o.iter().copied().filter(|&i| rows[i]).collect();
        for (k, &i) in members.iter().enumerate() {
            sum += residual[i];
            left += 1;
            let right = count - left;
            if left < fit.min_leaf || right < fit.min_leaf {
                continue;
            }
            let (v, next) = (x[i][j], x[members[k + 1]][j]);
            if v == next {
                continue;
            }
            let gain = sum * sum / left as f64 + (total - sum) * (total - sum) / right as f64;
            // Halfway to the next value, as stored (rounded), so an unseen
            // value between the two goes to the nearer side; where rounding
            // leaves no room between them, just above `v`.
            let mid = round((v + next) / 2.0, 1e4);
            let t = if v <= mid && mid < next {
                mid
            } else {
                (v * 1e4).ceil() / 1e4
            };
            if t < next && best.as_ref().is_none_or(|(g, _, _)| gain > *g) {
                best = Some((gain, j, t));
            }
        }
    }
    let Some((_, j, t)) = best else { return };
    let lo_rows: Vec<bool> = rows.iter().zip(x).map(|(&r, row)| r && row[j] <= t).collect();
    let hi_rows: Vec<bool> = rows.iter().zip(x).map(|(&r, row)| r && row[j] > t).collect();
    let lo = tree.len();
    grow(x, residual, order, &lo_rows, fit, depth - 1, tree);
    let hi = tree.len();
    grow(x, residual, order, &hi_rows, fit, depth - 1, tree);
    tree[at] = Node::Split(j, t, lo, hi);
}

pub(super) fn round(v: f64, scale: f64) -> f64 {
    (v * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_reads_two_features_together() {
        // y is high only when both features are: no single split says so.
        let x: Vec<Vec<f64>> = (0..64)
            .map(|i| vec![f64::from(i % 2), f64::from((i / 2) % 2)])
            .collect();
        let y: Vec<f64> = x
            .iter()
            .map(|r| if r[0] > 0.5 && r[1] > 0.5 { 100.0 } else { 0.0 })
            .collect();
        let fit = Fit {
            rounds: 200,
            rate: 0.1,
            depth: 2,
            min_leaf: 4,
        };
        let m = Trees::fit(&x, &y, fit);
        assert!(m.problem(2).is_none());
        assert!(
            (m.predict(&[1.0, 1.0]) - 100.0).abs() < 1.0,
            "{}",
            m.predict(&[1.0, 1.0])
        );
        assert!(m.predict(&[1.0, 0.0]).abs() < 1.0);
        assert!(m.predict(&[0.0, 1.0]).abs() < 1.0);
    }

    #[test]
    fn malformed_trees_are_refused() {
        let ok = Trees {
            start: 1.0,
            trees: vec![vec![Node::Split(0, 0.5, 1, 2), Node::Leaf(1.0), Node::Leaf(2.0)]],
        };
        assert!(ok.problem(1).is_none());
        let cycle = Trees {
            start: 1.0,
            trees: vec![vec![Node::Split(0, 0.5, 0, 1), Node::Leaf(1.0)]],
        };
        assert!(cycle.problem(1).is_some());
        let outside = Trees {
            start: 1.0,
            trees: vec![vec![Node::Split(0, 0.5, 1, 5), Node::Leaf(1.0)]],
        };
        assert!(outside.problem(1).is_some());
        assert!(ok.problem(0).is_some(), "feature 0 of none");
        let empty = Trees {
            start: 1.0,
            trees: vec![vec![]],
        };
        assert!(empty.problem(1).is_some());
    }
}
