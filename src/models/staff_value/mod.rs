//! What a member of staff is worth over time (lecture 3, 顾客第二—员工是第一
//! 顾客 (1); seed 000, 图2-1 "留人第一"), and what a yearly staff turnover of
//! 15–40 % (lecture 1's figure for most Chinese firms) costs a team.
//!
//! 图2-1 says: a new hire costs recruiting and training, and produces about
//! nothing while trained; the first 3 months are the riskiest (the newcomer
//! is likeliest to leave); through the first year the firm still has not
//! recovered what it spent; in years 2 and 3 the person knows the work and
//! output keeps growing. Veterans cost no more training, train others, know
//! the customers and keep them.
//!
//! Loyalty Lab's reading, one model shared with the satisfaction mirror
//! (`models::mirror`, whose tenure ramp [`crate::models::mirror::ramp_output`]
//! this model calls — one ramp, two screens):
//!
//! - month 0 is the hiring day: hiring + training are paid, nothing is made;
//! - at the end of month `m` of tenure a person produces `output × r(m)`,
//!   `r(m) = 0` for `m ≤ train_months`, else `1 − exp(−(m − train_months)/τ)`
//!   with `τ = half / ln 2` (half of full output `half` months after
//!   training; the mirror's default training gives τ ≈ 13, half ≈ 9);
//! - each month's net is output − pay; the cumulative value is the sum of the
//!   nets from month 0; the break-even month is the first month (1–36) whose
//!   cumulative value is ≥ 0, else "not within 36 months". Because r never
//!   falls, the net never falls, so once crossed the line stays above zero
//!   ([`tenure`]);
//! - a veteran of 3 years: the net of months 37–48 against a newcomer's
//!   months 1–12 (hiring and training included);
//! - turnover: `team × turnover` posts fall vacant a year. Filling one takes
//!   on average `1/(1 − early)` hires (a share `early` of hires leave in the
//!   first 3 months); each early leaver costs hiring + training + the output
//!   a fully experienced person would have made in those 3 months, and the
//!   one who stays costs hiring + training + the output lost over the first
//!   36 months of the ramp. Pay is left out: whoever holds the post is paid
//!   the same ([`turnover`]).
//!
//! The course gives the shape, not the numbers: every money default (yuan)
//! is the model's own assumption, chosen so that the defaults tell the
//! figure's story (break-even in year 2). Pure module: no yew, no web-sys;
//! parameters are a `ParamSet`, so bad address values are reported, not
//! applied.

mod params;
pub mod tenure;
pub mod turnover;

pub use params::{Param, Params, Spec, SPECS};
pub use tenure::{TenureMonth, Veteran, HORIZON, RISKY};
pub use turnover::{Turnover, COURSE_RANGE};
