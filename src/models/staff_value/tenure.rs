//! One person's value by month of tenure (图2-1): output from the mirror's
//! ramp, the monthly net (output − pay), the cumulative value from the
//! hiring day (hiring and training paid up front), the break-even month,
//! and a 3-year veteran's next year against a newcomer's first.

use super::Params;
use crate::models::mirror::{ramp_output, RISKY_MONTHS};

/// Months of tenure the curve covers (years 1–3 of 图2-1).
pub const HORIZON: u32 = 36;
/// The first months, when a new hire is most likely to leave (图2-1; the
/// mirror's own constant).
pub const RISKY: u32 = RISKY_MONTHS as u32;

/// One month of one person's tenure; month 0 is the hiring day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TenureMonth {
    pub month: u32,
    /// Output as a share of full output, 0–1.
    pub share: f64,
    /// Value produced this month (0 on the hiring day).
    pub output: f64,
    /// Output − pay this month (on the hiring day: − hiring − training).
    pub net: f64,
    /// Sum of the nets so far: the value the person has returned.
    pub cumulative: f64,
}

impl TenureMonth {
    /// Inside the training months (no output).
    pub fn training(&self, p: &Params) -> bool {
        self.month >= 1 && f64::from(self.month) <= p.train_months
    }

    /// Inside the risky first months.
    pub fn risky(&self) -> bool {
        self.month >= 1 && self.month <= RISKY
    }
}

/// A 3-year veteran's next 12 months against a newcomer's first 12.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Veteran {
    /// Net value of months 37–48 of a veteran.
    pub veteran_year: f64,
    /// Net value of months 1–12 of a newcomer, hiring and training included.
    pub newcomer_year: f64,
    /// What keeping the veteran is worth over replacing them, for a year.
    pub gap: f64,
    /// Monthly output at 3 years, and a newcomer's average in year 1.
    pub veteran_output: f64,
    pub newcomer_output: f64,
}

impl Params {
    /// The ramp's time constant (months): half of full output is reached
    /// `half` months after training.
    pub fn tau(&self) -> f64 {
        self.half / std::f64::consts::LN_2
    }

    /// Share of full output at the end of month `m` of tenure: the
    /// mirror's ramp with this model's training months and time constant.
    pub fn share(&self, m: u32) -> f64 {
        ramp_output(f64::from(m), self.train_months, self.tau())
    }

    fn net(&self, m: u32) -> f64 {
        if m == 0 {
            -self.entry_cost()
        } else {
            self.output * self.share(m) - self.pay
        }
    }

    /// Months 0–[`HORIZON`] of one person who stays.
    pub fn curve(&self) -> Vec<TenureMonth> {
        let mut cumulative = 0.0;
        (0..=HORIZON)
            .map(|month| {
                let net = self.net(month);
                cumulative += net;
                let share = if month == 0 { 0.0 } else { self.share(month) };
                TenureMonth {
                    month,
                    share,
                    output: self.output * share,
                    net,
                    cumulative,
                }
            })
            .collect()
    }

    /// The first month (1–[`HORIZON`]) at whose end the cumulative value
    /// covers everything spent on the person, hiring and training included;
    /// None when that does not happen within the horizon.
    pub fn break_even(&self) -> Option<u32> {
        self.curve()
            .iter()
            .skip(1)
            .find(|m| m.cumulative >= 0.0)
            .map(|m| m.month)
    }

    /// Where a hire who leaves at the end of the risky months leaves the
    /// firm: their cumulative value then (usually a loss).
    pub fn value_at_risky_end(&self) -> f64 {
        self.curve()[RISKY as usize].cumulative
    }

    /// A 3-year veteran's next year against a newcomer's first.
    pub fn veteran(&self) -> Veteran {
        let year = |from: u32| (from..from + 12).map(|m| self.net(m)).sum::<f64>();
        let veteran_year = year(HORIZON + 1);
        let newcomer_year = year(1) - self.entry_cost();
        Veteran {
            veteran_year,
            newcomer_year,
            gap: veteran_year - newcomer_year,
            veteran_output: self.output * self.share(HORIZON),
            newcomer_output: (1..=12).map(|m| self.output * self.share(m)).sum::<f64>() / 12.0,
        }
    }
}
