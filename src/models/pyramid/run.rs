//! The pyramid year by year (lecture 2, 图1-7): each year every tier keeps
//! part of its customers, passes shares to the other tiers and loses a share;
//! newcomers join brass and lead; each tier earns its head count × its profit
//! per customer. The levers change the matrix and the profits the way the
//! course's advice reads (seed 000, 【图解】 under 图1-7, and the reasons to
//! drop or keep unprofitable customers).

use super::params::{LeadPolicy, Param, Params, PyramidError, Tier, TIERS};

/// One year of the run (year 0: the start, before any move).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Year {
    pub year: usize,
    /// Head count per tier at the end of the year.
    pub counts: [f64; 4],
    /// Profit per tier in the year (count × effective profit per customer).
    pub profit: [f64; 4],
    /// Fixed costs the dropped lead customers used to carry, now on the rest.
    pub burden: f64,
    /// The year's total profit (tiers' profit less the burden).
    pub total: f64,
    /// Newcomers who joined this year.
    pub arrivals: f64,
    /// Customers who left this year (including those dropped).
    pub leavers: f64,
    /// Lead customers let go this year (drop lever).
    pub dropped: f64,
}

/// A whole run.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Year 0 (the start) then years 1..=years.
    pub years: Vec<Year>,
    /// The effective migration matrix: row = from, columns = to diamond,
    /// gold, brass, lead, out (the diagonal: the share that stays).
    pub matrix: [[f64; 5]; 4],
    /// Effective yearly profit per customer of each tier.
    pub per_customer: [f64; 4],
}

impl Run {
    pub fn last(&self) -> &Year {
        &self.years[self.years.len() - 1]
    }
    /// Total profit over the years run (year 0 not counted).
    pub fn total_profit(&self) -> f64 {
        self.years[1..].iter().map(|y| y.total).sum()
    }
    pub fn arrivals(&self) -> f64 {
        self.years.iter().map(|y| y.arrivals).sum()
    }
    pub fn leavers(&self) -> f64 {
        self.years.iter().map(|y| y.leavers).sum()
    }
    /// Share of customers in the two top tiers at the end of the year.
    pub fn top_share(y: &Year) -> f64 {
        let all: f64 = y.counts.iter().sum();
        if all > 0.0 {
            (y.counts[0] + y.counts[1]) / all
        } else {
            0.0
        }
    }
}

/// The migration matrix with the levers applied (rows: from; columns: to
/// diamond, gold, brass, lead, out; the diagonal: the rest, who stay).
pub fn matrix(p: &Params) -> [[f64; 5]; 4] {
    let mut m = [[0.0; 5]; 4];
    for from in TIERS {
        for (j, to) in [
            Some(Tier::Diamond),
            Some(Tier::Gold),
            Some(Tier::Brass),
            Some(Tier::Lead),
            None,
        ]
        .into_iter()
        .enumerate()
        {
            if let Some(param) = Param::migration(from, to) {
                m[from.index()][j] = p.v(param);
            }
        }
    }
    let stay = |row: &[f64; 5], i: usize| {
        (1.0 - row
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, v)| v)
            .sum::<f64>())
        .max(0.0)
    };
    if p.service_on() {
        // Better service keeps part of the gold customers who would slip
        // down or leave, and lifts some more of them to diamond.
        let g = &mut m[Tier::Gold.index()];
        let keep = p.v(Param::ServiceKeep);
        for j in [2, 3, 4] {
            g[j] *= 1.0 - keep;
        }
        let up = p.v(Param::ServiceUp).min(stay(g, 1));
        g[0] += up;
    }
    if p.lead_policy() == LeadPolicy::Reprice {
        // A higher price or fewer perks: some lead customers buy more and
        // move up to brass, some leave.
        let l = &mut m[Tier::Lead.index()];
        let up = p.v(Param::RepriceUp).min(stay(l, 3));
        l[2] += up;
        let out = p.v(Param::RepriceOut).min(stay(l, 3));
        l[4] += out;
    }
    for (i, row) in m.iter_mut().enumerate() {
        row[i] = stay(row, i);
    }
    m
}

/// Yearly profit per customer of each tier with the levers applied.
pub fn per_customer(p: &Params) -> [f64; 4] {
    let mut gold = p.v(Param::PGold);
    if p.service_on() {
        gold -= p.v(Param::ServiceCost);
    }
    let mut lead = -p.v(Param::LossLead);
    if p.lead_policy() == LeadPolicy::Reprice {
        lead += p.v(Param::RepriceGain);
    }
    [p.v(Param::PDiamond), gold, p.v(Param::PBrass), lead]
}

fn profits(counts: &[f64; 4], per: &[f64; 4]) -> [f64; 4] {
    [0, 1, 2, 3].map(|i| counts[i] * per[i])
}

/// Runs the pyramid for `years` years. Refuses values out of range and a
/// matrix row over 100 % (naming the row).
pub fn run(p: &Params) -> Result<Run, PyramidError> {
    p.validate()?;
    let m = matrix(p);
    let per = per_customer(p);
    let mut counts = TIERS.map(|t| p.v(Param::count(t)));
    // Year 0 is the pyramid as it stands, before any lever acts.
    let start = profits(&counts, &per_customer(&p.without_levers()));
    let mut years = vec![Year {
        year: 0,
        counts,
        profit: start,
        burden: 0.0,
        total: start.iter().sum(),
        arrivals: 0.0,
        leavers: 0.0,
        dropped: 0.0,
    }];
    let drop = p.lead_policy() == LeadPolicy::Drop;
    let share = if drop { p.v(Param::DropShare) } else { 0.0 };
    let wom = if drop { p.v(Param::Wom) } else { 0.0 };
    let base_lead_out = p.v(Param::LeadOut);
    // Dropped (and turned-away) lead customers who would still be here:
    // their share of the fixed costs stays behind.
    let mut gone = 0.0;
    for year in 1..=p.years() {
        let mut c = counts;
        let dropped = c[3] * share;
        c[3] -= dropped;
        let mut next = [0.0; 4];
        let mut leavers = dropped;
        for i in 0..4 {
            for (j, slot) in next.iter_mut().enumerate() {
                *slot += c[i] * m[i][j];
            }
            leavers += c[i] * m[i][4];
        }
        let brass_in = p.v(Param::NewBrass) * (1.0 - wom);
        let lead_in = p.v(Param::NewLead) * (1.0 - share);
        next[2] += brass_in;
        next[3] += lead_in;
        gone = gone * (1.0 - base_lead_out) + dropped + p.v(Param::NewLead) * share;
        let burden = if drop { gone * p.v(Param::FixedLead) } else { 0.0 };
        let profit = profits(&next, &per);
        years.push(Year {
            year,
            counts: next,
            profit,
            burden,
            total: profit.iter().sum::<f64>() - burden,
            arrivals: brass_in + lead_in,
            leavers,
            dropped,
        });
        counts = next;
    }
    Ok(Run {
        years,
        matrix: m,
        per_customer: per,
    })
}
