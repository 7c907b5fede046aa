//! The parameters of the staff value model (lecture 3, 图2-1; lecture 1's
//! 15–40 % yearly turnover): each one named, bounded and documented in
//! `SPECS`, read from and written to the address (`ParamSet`). The bounds
//! alone keep every result finite: the half-ramp is at least one month (the
//! ramp's time constant is never 0) and the early-leaving risk at most 90 %
//! (a post is always filled after finitely many hires on average).

use crate::models::params::{self, BadParam, ParamSet};

/// One adjustable assumption. Money is in yuan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    /// What one person costs the firm a month: pay, social insurance,
    /// desk and tools.
    Pay,
    /// What a fully experienced person produces in a month (value to the
    /// firm).
    Output,
    /// One-off cost of finding and hiring someone (ads, interviews, agency).
    Hire,
    /// One-off cost of training a new hire (courses, trainers' time).
    TrainCost,
    /// Months of training, with no output (图2-1: productivity ≈ 0).
    TrainMonths,
    /// Months after training until a newcomer produces half of full output.
    Half,
    /// Chance that a new hire leaves within the first 3 months (0–90 %).
    Early,
    /// People in the team (N).
    Team,
    /// Share of the team's posts that fall vacant in a year (0–80 %).
    Turnover,
}

/// How a parameter is named in the address, bounded and stepped.
pub type Spec = params::Spec<Param>;

/// Every parameter, in display order. Defaults: a person costs ¥6,000 a
/// month and, fully experienced, produces ¥15,000; hiring costs ¥8,000 and
/// training ¥5,000; 2 months of training (the mirror's) and half of full
/// output 9 months later (the mirror's ramp at its default training);
/// one new hire in five leaves in the first 3 months; a team of 20 with 25 %
/// yearly turnover, inside the course's 15–40 %.
#[rustfmt::skip]
pub const SPECS: [Spec; 9] = [
    Spec::new(Param::Pay, "pay", 500.0, 100_000.0, 100.0, 6_000.0, false, false),
    Spec::new(Param::Output, "output", 500.0, 200_000.0, 100.0, 15_000.0, false, false),
    Spec::new(Param::Hire, "hire", 0.0, 200_000.0, 500.0, 8_000.0, false, false),
    Spec::new(Param::TrainCost, "train_cost", 0.0, 200_000.0, 500.0, 5_000.0, false, false),
    Spec::new(Param::TrainMonths, "train_months", 0.0, 12.0, 1.0, 2.0, true, false),
    Spec::new(Param::Half, "half", 1.0, 36.0, 0.5, 9.0, false, false),
    Spec::new(Param::Early, "early", 0.0, 0.9, 0.01, 0.2, false, true),
    Spec::new(Param::Team, "team", 1.0, 1_000.0, 1.0, 20.0, true, false),
    Spec::new(Param::Turnover, "turnover", 0.0, 0.8, 0.01, 0.25, false, true),
];

impl Param {
    pub fn spec(self) -> &'static Spec {
        Params::spec_of(self)
    }
}

/// A full set of assumptions (`early` and `turnover` as fractions 0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    pub pay: f64,
    pub output: f64,
    pub hire: f64,
    pub train_cost: f64,
    pub train_months: f64,
    pub half: f64,
    pub early: f64,
    pub team: f64,
    pub turnover: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            pay: 0.0,
            output: 0.0,
            hire: 0.0,
            train_cost: 0.0,
            train_months: 0.0,
            half: 0.0,
            early: 0.0,
            team: 0.0,
            turnover: 0.0,
        }
        .with_defaults()
    }
}

impl ParamSet for Params {
    type Param = Param;
    const SPECS: &'static [Spec] = &SPECS;

    fn get(&self, p: Param) -> f64 {
        match p {
            Param::Pay => self.pay,
            Param::Output => self.output,
            Param::Hire => self.hire,
            Param::TrainCost => self.train_cost,
            Param::TrainMonths => self.train_months,
            Param::Half => self.half,
            Param::Early => self.early,
            Param::Team => self.team,
            Param::Turnover => self.turnover,
        }
    }

    fn set(&mut self, p: Param, v: f64) {
        *match p {
            Param::Pay => &mut self.pay,
            Param::Output => &mut self.output,
            Param::Hire => &mut self.hire,
            Param::TrainCost => &mut self.train_cost,
            Param::TrainMonths => &mut self.train_months,
            Param::Half => &mut self.half,
            Param::Early => &mut self.early,
            Param::Team => &mut self.team,
            Param::Turnover => &mut self.turnover,
        } = v;
    }
}

impl Params {
    /// Reads the parameters from an address query; anything missing takes
    /// its default, anything invalid keeps its default and is reported.
    pub fn from_query(pairs: &[(String, String)]) -> (Params, Vec<BadParam>) {
        let mut p = Params::default();
        let mut bad = Vec::new();
        p.read_query(pairs, &mut bad);
        (p, bad)
    }

    /// Every parameter as an address query.
    pub fn to_query(&self) -> String {
        self.write_query()
    }

    /// All nine values as one comma-separated value (`compare=…`).
    pub fn to_compact(&self) -> String {
        self.compact()
    }

    /// Reads [`Params::to_compact`] back; None unless every value is
    /// present and in its bounds.
    pub fn from_compact(text: &str) -> Option<Params> {
        Params::default().read_compact(text)
    }

    /// Whether every value is in its bounds (a set built in code rather
    /// than read from the address may not be).
    pub fn is_valid(&self) -> bool {
        self.first_invalid().is_none()
    }

    /// One-off cost of bringing someone in: hiring plus training.
    pub fn entry_cost(&self) -> f64 {
        self.hire + self.train_cost
    }
}
