//! Two firms with the same sales, one loyal and one not (lecture 2, 图1-4
//! "the cost of low loyalty" and 图1-5 "loyalty and competition"): both serve
//! the same number of customers every year; the one that keeps fewer must win
//! more new ones, and winning a customer costs 5–6× keeping one (the
//! course's figure after the Mrs Smith case).

use super::params::{ParamError, Params};

/// One firm in its steady state.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Firm {
    /// Yearly retention.
    pub retention: f64,
    /// Customers served every year (the same for both firms: the same sales).
    pub customers: f64,
    /// Customers kept from last year: retention × customers.
    pub kept: f64,
    /// New customers won each year to stay at `customers`.
    pub new_customers: f64,
    /// new × acquisition cost.
    pub acquisition_spend: f64,
    /// kept × acquisition cost ÷ cac_multiple.
    pub keep_spend: f64,
    /// acquisition + keeping.
    pub spend: f64,
    /// Average yearly profit per customer over the firm's mix of tenures
    /// (before acquisition and keeping): base + growth × r / (1 − r).
    pub profit_per_customer: f64,
    /// customers × profit_per_customer − spend.
    pub net: f64,
}

/// A firm holding `p.customers` customers a year at this retention (no
/// validation; retention below 1).
pub fn firm(p: &Params, retention: f64) -> Firm {
    let customers = p.customers;
    let kept = retention * customers;
    let new_customers = customers - kept;
    let acquisition_spend = new_customers * p.acquisition;
    let keep_spend = kept * p.acquisition / p.cac_multiple.max(1.0);
    let spend = acquisition_spend + keep_spend;
    // In the steady state a share (1 − r) r^(t − 1) of the customers is in its
    // year t, whose profit is base + growth × (t − 1): the mean tenure past
    // year 1 is r / (1 − r).
    let growth = p.spend + p.cost + p.referral + p.premium;
    let profit_per_customer = p.base + growth * retention / (1.0 - retention).max(1e-9);
    Firm {
        retention,
        customers,
        kept,
        new_customers,
        acquisition_spend,
        keep_spend,
        spend,
        profit_per_customer,
        net: customers * profit_per_customer - spend,
    }
}

/// The loyal firm (retention) and the low-loyalty one (low_retention).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Firms {
    pub high: Firm,
    pub low: Firm,
}

impl Firms {
    /// How many times the loyal firm's acquisition spend the other spends;
    /// None when the loyal firm spends nothing.
    pub fn acquisition_ratio(&self) -> Option<f64> {
        (self.high.acquisition_spend > 1e-9).then(|| self.low.acquisition_spend / self.high.acquisition_spend)
    }
}

pub fn firms(p: &Params) -> Result<Firms, ParamError> {
    p.validate()?;
    Ok(Firms {
        high: firm(p, p.retention),
        low: firm(p, p.low_retention),
    })
}
