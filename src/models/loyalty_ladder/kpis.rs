//! The ten loyalty KPIs of lecture 11 (seed 000, "衡量客户忠诚度的10个KPI")
//! computed from a run of the ladder. Six come from the flows (customer
//! base, new-customer retention at 3 and 12 months, yearly retention,
//! churn = 100 % − retention, new customers a month, the save rate of
//! at-risk customers); four are the firm's own measured inputs, shown as
//! such (share of wallet, complainant satisfaction, visits, spend).

use super::params::{Param as P, Rates};
use super::run::{follow, Run};
use super::{customer_base, Counts8, Level};

/// The ten KPIs (shares as fractions 0–1; None where there is nothing to
/// divide by).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Kpis {
    /// 1. Customers in every level but lost and onlookers, at the end.
    pub base: f64,
    /// The base at the start, to see it grow or shrink.
    pub base_start: f64,
    /// 2. Of a group of new customers, the share still in the base 3 and
    ///    12 months later.
    pub new_kept_3: f64,
    pub new_kept_12: f64,
    /// 3. Of the base `window` months before the end, the share still in it.
    pub retention: Option<f64>,
    /// Months the retention is measured over (12, or the run if shorter).
    pub window: usize,
    /// 9. 100 % − retention.
    pub churn: Option<f64>,
    /// 4. Input: the firm's share of its customers' spending.
    pub wallet: f64,
    /// 5. Input: share of complainants satisfied with the outcome.
    pub complaint_sat: f64,
    /// 6. Onlookers who became new customers, on average a month.
    pub new_per_month: f64,
    /// 7. Input: purchases per customer a month.
    pub frequency: f64,
    /// 8. Input-based: spend per customer a month (visits × spend a visit).
    pub avg_spend: f64,
    /// 10. Of at-risk customers who moved in the window, the share kept.
    pub save_rate: Option<f64>,
    /// Lost customers won back over the window (shown beside KPI 10).
    pub won_back: f64,
}

/// A share as tenths of a percent (0.8125 → 813), the precision shown.
pub fn tenths(share: f64) -> i64 {
    (share * 1000.0).round() as i64
}

/// Share of `c` still in the base after following it `months` months.
fn kept(r: &Rates, c: Counts8, months: usize) -> Option<f64> {
    let before = customer_base(&c);
    (before > 0.0).then(|| customer_base(&follow(r, c, months)) / before)
}

/// The KPIs of a run made with rates `r`.
pub fn kpis(r: &Rates, run: &Run) -> Kpis {
    let months = run.months();
    let window = months.min(12);
    let mut new_cohort = [0.0; 8];
    new_cohort[Level::New.index()] = 1.0;
    // The base `window` months before the end, without its lost and onlookers.
    let mut then = run.counts[months - window];
    then[Level::Lost.index()] = 0.0;
    then[Level::Onlookers.index()] = 0.0;
    let retention = kept(r, then, window);
    let recent = &run.flows[months - window..];
    let saved: f64 = recent.iter().map(|f| f.saved).sum();
    let lost: f64 = recent.iter().map(|f| f.lost).sum();
    let converted: f64 = run.flows.iter().map(|f| f.converted).sum();
    Kpis {
        base: customer_base(run.last()),
        base_start: customer_base(&run.counts[0]),
        new_kept_3: kept(r, new_cohort, 3).unwrap_or(0.0),
        new_kept_12: kept(r, new_cohort, 12).unwrap_or(0.0),
        retention,
        window,
        churn: retention.map(|k| 1.0 - k),
        wallet: r.r(P::Wallet),
        complaint_sat: r.r(P::ComplaintSat),
        new_per_month: converted / months.max(1) as f64,
        frequency: r.r(P::Visits),
        avg_spend: r.r(P::Visits) * r.r(P::Spend),
        save_rate: (saved + lost > 0.0).then(|| saved / (saved + lost)),
        won_back: recent.iter().map(|f| f.won_back).sum(),
    }
}
