//! What the iceberg's numbers mean (lecture 7, 图4-1 and 图4-2; seeds 003
//! and 004): the customers in each part, who comes back after each kind of
//! handling, who leaves, who hears about it, what the lost customers were
//! worth (the smith chain's direct loss, per customer) and Heinrich's
//! 1 : 29 : 300 scaled to a count of serious incidents.

use super::params::{ParamError, Params};
use crate::models::smith;

/// Heinrich's ratio: serious : minor : near misses.
pub const HEINRICH: [f64; 3] = [1.0, 29.0, 300.0];

/// Customers in the three parts of the iceberg: whole people, adding up to
/// exactly the number with a problem (largest remainder rounding).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Parts {
    pub formal: f64,
    pub grumble: f64,
    pub silent: f64,
}

impl Parts {
    pub fn total(&self) -> f64 {
        self.formal + self.grumble + self.silent
    }
}

/// One group of customers and how many of them come back.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Group {
    pub customers: f64,
    /// Share who come back (0–1).
    pub back: f64,
    /// Whether they end up happy (their problem was solved).
    pub happy: bool,
}

impl Group {
    pub fn lost(&self) -> f64 {
        self.customers * (1.0 - self.back)
    }
}

/// Every number the screen shows for one set of assumptions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub parts: Parts,
    /// Formal complaints solved quickly, solved, not solved; grumbles solved,
    /// not solved; silent. Expected counts (may be fractional).
    pub groups: [Group; 6],
    /// Customers with a problem behind each formal complaint (None when
    /// nobody complains).
    pub per_complaint: Option<f64>,
    /// Customers lost (expected).
    pub lost: f64,
    /// Customers whose problem was solved, and those left unhappy.
    pub happy: f64,
    pub unhappy: f64,
    /// People who hear bad (unhappy × tell_unhappy) and good word of mouth.
    pub hear_bad: f64,
    pub hear_good: f64,
    /// One lost customer's sales over the years they would have stayed
    /// (`smith::direct`).
    pub per_customer: f64,
    /// All lost customers' sales: lost × per_customer.
    pub money: f64,
    /// Heinrich: serious, minor, near misses.
    pub heinrich: [f64; 3],
}

/// Splits `n` whole customers by `shares` (taken relative to their sum, so
/// a sum a hair off 1 changes nothing): each part gets the
/// whole part of its quota, the largest remainders one more each, so the
/// parts add up to `n` exactly.
pub fn split(n: f64, shares: [f64; 3]) -> [f64; 3] {
    let sum: f64 = shares.iter().sum();
    let quotas = shares.map(|s| if sum > 0.0 { n * s / sum } else { 0.0 });
    let mut parts = quotas.map(f64::floor);
    let short = (n - parts.iter().sum::<f64>()).round().max(0.0) as usize;
    let mut order = [0usize, 1, 2];
    crate::support::sort::by(&mut order, |&a, &b| quotas[a] - parts[a] > quotas[b] - parts[b]);
    for &i in order.iter().take(short) {
        parts[i] += 1.0;
    }
    parts
}

/// The smith chain's parameters for one lost customer of this screen: its
/// defaults with this screen's spend per week and years.
pub fn smith_params(p: &Params) -> smith::Params {
    smith::Params {
        weekly: p.weekly,
        years: p.years,
        ..smith::Params::default()
    }
}

/// One lost customer's sales, by the smith chain.
pub fn per_customer(p: &Params) -> f64 {
    smith::direct(&smith_params(p))
}

/// Heinrich's 1 : 29 : 300 for `serious` serious incidents.
pub fn heinrich(serious: f64) -> [f64; 3] {
    HEINRICH.map(|r| r * serious)
}

pub fn compute(p: &Params) -> Result<Outcome, ParamError> {
    p.validate()?;
    let [formal, grumble, silent] = split(p.problems, [p.formal, p.grumble, p.silent]);
    let unresolved = (1.0 - p.quick - p.resolved).max(0.0);
    let groups = [
        Group {
            customers: formal * p.quick,
            back: p.back_quick,
            happy: true,
        },
        Group {
            customers: formal * p.resolved,
            back: p.back_resolved,
            happy: true,
        },
        Group {
            customers: formal * unresolved,
            back: p.back_unresolved,
            happy: false,
        },
        Group {
            customers: grumble * p.grumble_fixed,
            back: p.back_resolved,
            happy: true,
        },
        Group {
            customers: grumble * (1.0 - p.grumble_fixed),
            back: p.back_unresolved,
            happy: false,
        },
        Group {
            customers: silent,
            back: p.back_silent,
            happy: false,
        },
    ];
    let lost = crate::support::within(groups.iter().map(Group::lost).sum::<f64>(), 0.0, p.problems);
    let happy: f64 = groups.iter().filter(|g| g.happy).map(|g| g.customers).sum();
    let unhappy = (p.problems - happy).max(0.0);
    let per_customer = per_customer(p);
    Ok(Outcome {
        parts: Parts {
            formal,
            grumble,
            silent,
        },
        groups,
        per_complaint: (formal > 0.0).then(|| p.problems / formal),
        lost,
        happy,
        unhappy,
        hear_bad: unhappy * p.tell_unhappy,
        hear_good: happy * p.tell_happy,
        per_customer,
        money: lost * per_customer,
        heinrich: heinrich(p.serious),
    })
}
