//! What a yearly turnover costs a team of N (lecture 1: 15–40 % a year in
//! most Chinese firms; 图2-1): every post that falls vacant costs hiring,
//! training and the output lost while the replacement ramps up; and since
//! new hires are the likeliest to leave in their first 3 months, some posts
//! need more than one hire before someone stays.

use super::tenure::{HORIZON, RISKY};
use super::Params;

/// The course's range of yearly staff turnover in Chinese firms.
pub const COURSE_RANGE: [f64; 6] = [0.15, 0.20, 0.25, 0.30, 0.35, 0.40];

/// The cost of a year's turnover, and what it is made of.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Turnover {
    /// Posts that fall vacant in a year: team × turnover (an average, so
    /// it need not be whole).
    pub leavers: f64,
    /// Hires needed on average to fill one post with someone who stays
    /// past the risky months: 1 / (1 − early).
    pub hires_per_post: f64,
    /// Output lost against a fully experienced person over the first
    /// [`RISKY`] months (what each early leaver wastes).
    pub early_gap: f64,
    /// Output lost against a fully experienced person over the first
    /// [`HORIZON`] months of the one who stays.
    pub ramp_gap: f64,
    /// Everything one vacancy costs.
    pub per_post: f64,
    /// leavers × per_post.
    pub yearly_cost: f64,
    /// The yearly cost as a share of what the whole team, fully
    /// experienced, produces in a year.
    pub share_of_output: f64,
}

impl Params {
    /// Output lost over months 1..=`months` of a newcomer against a fully
    /// experienced person.
    pub fn ramp_gap(&self, months: u32) -> f64 {
        (1..=months).map(|m| self.output * (1.0 - self.share(m))).sum()
    }

    /// The cost of a year's turnover for the team.
    pub fn turnover_cost(&self) -> Turnover {
        let leavers = self.team * self.turnover;
        let hires_per_post = 1.0 / (1.0 - self.early);
        let early_gap = self.ramp_gap(RISKY);
        let ramp_gap = self.ramp_gap(HORIZON);
        // Each early leaver: their hiring, training and wasted months; then
        // the one who stays: hiring, training and the whole ramp.
        let early_leavers = hires_per_post - 1.0;
        let per_post = early_leavers * (self.entry_cost() + early_gap) + self.entry_cost() + ramp_gap;
        let yearly_cost = leavers * per_post;
        Turnover {
            leavers,
            hires_per_post,
            early_gap,
            ramp_gap,
            per_post,
            yearly_cost,
            share_of_output: yearly_cost / (self.team * 12.0 * self.output),
        }
    }

    /// Another team size, the rest the same.
    pub fn with_team(&self, team: f64) -> Params {
        Params { team, ..*self }
    }

    /// The same team at another yearly turnover.
    pub fn with_turnover(&self, turnover: f64) -> Params {
        Params { turnover, ..*self }
    }
}
