//! Staff by tenure (lecture 3, 图2-1 "留人第一"): cohorts by months of
//! service, output growing with tenure after the training months, leaving
//! hazards highest in the first 3 months, and the steady state a hazard
//! keeps.

use super::run::TENURE_MAX;

pub(super) const COHORTS: usize = TENURE_MAX as usize + 1;
/// Months of training with no output (图2-1).
pub const TRAINING_MONTHS: f64 = 2.0;
/// The first months, when new hires are most likely to leave (图2-1).
pub const RISKY_MONTHS: usize = 3;

/// The tenure ramp (图2-1), shared with `models::staff_value`: the share of
/// full output of a person with `k` months of tenure, 0 while training
/// (`k` < `training`), then `1 − exp(−(k − training)/tau)` (`tau` > 0).
pub fn ramp_output(k: f64, training: f64, tau: f64) -> f64 {
    if k < training {
        0.0
    } else {
        1.0 - (-(k - training) / tau).exp()
    }
}

/// Output of a person with `k` months of tenure at the training lever `t`.
fn ramp(k: f64, t: f64) -> f64 {
    ramp_output(k, TRAINING_MONTHS, 8.0 + 10.0 * (1.0 - t))
}

pub(super) fn productivity(staff: &[f64; COHORTS], t: f64) -> f64 {
    let p: f64 = staff.iter().enumerate().map(|(k, s)| s * ramp(k as f64, t)).sum();
    p.clamp(0.0, 1.0)
}

pub(super) fn tenure(staff: &[f64; COHORTS]) -> f64 {
    let m: f64 = staff.iter().enumerate().map(|(k, s)| s * k as f64).sum();
    m.clamp(0.0, TENURE_MAX)
}

/// Monthly leaving hazard of each cohort (never rising with tenure).
pub(super) fn hazards(yearly: f64, t: f64) -> [f64; COHORTS] {
    let mut q = [0.0; COHORTS];
    for (k, h) in q.iter_mut().enumerate() {
        let w = if k < RISKY_MONTHS { 1.0 + 1.5 * (1.0 - t) } else { 1.0 };
        *h = (yearly / 1200.0 * w).clamp(0.0, 1.0 / 12.0);
    }
    q
}

/// Next month's staff, and the share that left (replaced by new hires).
pub(super) fn age(staff: &[f64; COHORTS], q: &[f64; COHORTS]) -> ([f64; COHORTS], f64) {
    let mut next = [0.0; COHORTS];
    let mut left = 0.0;
    for (k, (s, q)) in staff.iter().zip(q).enumerate() {
        left += s * q;
        next[(k + 1).min(COHORTS - 1)] += s * (1.0 - q);
    }
    next[0] += left;
    (next, left)
}

/// The cohorts that `q` keeps unchanged (hazards are positive here).
pub(super) fn steady_staff(q: &[f64; COHORTS]) -> [f64; COHORTS] {
    let mut staff = [0.0; COHORTS];
    let mut share = 1.0;
    for (s, q) in staff.iter_mut().zip(q) {
        *s = share;
        share *= 1.0 - q;
    }
    let last = COHORTS - 1;
    staff[last] = if q[last] > 0.0 {
        staff[last] / q[last]
    } else {
        staff[last]
    };
    let total: f64 = staff.iter().sum();
    staff.map(|s| s / total)
}

pub(super) fn leaving(staff: &[f64; COHORTS], q: &[f64; COHORTS]) -> f64 {
    staff.iter().zip(q).map(|(s, q)| s * q).sum()
}
