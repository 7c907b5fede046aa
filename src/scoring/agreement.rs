//! How far two sets of scores agree (a scorer against human grades): rank
//! correlation, quadratic weighted kappa over 20-point bands, mean absolute
//! and mean signed difference. Used by the scoring tests and the learned
//! scorer's fitting (`examples/fit_scorer.rs`). Pure module.

/// Ranks with ties averaged.
pub fn ranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
            j += 1;
        }
        for &k in &idx[i..=j] {
            r[k] = (i + j) as f64 / 2.0;
        }
        i = j + 1;
    }
    r
}

pub fn pearson(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    cov / (va * vb).sqrt()
}

pub fn spearman(a: &[f64], b: &[f64]) -> f64 {
    pearson(&ranks(a), &ranks(b))
}

pub fn band(score: f64) -> usize {
    ((score / 20.0).floor() as usize).min(4)
}

/// Quadratic weighted kappa over five 20-point bands.
pub fn qwk(a: &[f64], b: &[f64]) -> f64 {
    const K: usize = 5;
    let n = a.len() as f64;
    let mut observed = [[0.0; K]; K];
    let (mut ha, mut hb) = ([0.0; K], [0.0; K]);
    for (&x, &y) in a.iter().zip(b) {
        observed[band(x)][band(y)] += 1.0;
        ha[band(x)] += 1.0;
        hb[band(y)] += 1.0;
    }
    let (mut num, mut den) = (0.0, 0.0);
    for i in 0..K {
        for j in 0..K {
            let w = ((i as f64 - j as f64) / (K - 1) as f64).powi(2);
            num += w * observed[i][j];
            den += w * ha[i] * hb[j] / n;
        }
    }
    1.0 - num / den
}

/// Mean absolute difference.
pub fn mae(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum::<f64>() / a.len().max(1) as f64
}

/// Mean signed difference `score − grade` (below 0: scores too low).
pub fn bias(scores: &[f64], grades: &[f64]) -> f64 {
    scores.iter().zip(grades).map(|(s, g)| s - g).sum::<f64>() / scores.len().max(1) as f64
}
