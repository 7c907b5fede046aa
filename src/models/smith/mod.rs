//! Goodbye Mrs Smith: what one lost customer really costs.
//!
//! From lecture 2's case (seed 000, 【案例】再见了，史密斯太太; COURSE.md): a
//! regular spends $50 a week at Jack's supermarket and leaves after poor
//! service. The course lists the loss link by link; Loyalty Lab's reading:
//!
//! - direct loss = `weekly` × `weeks` × `years` (her own sales, 10 years)
//! - she tells `reach` people (10–20); a share `influenced` (½) of them are
//!   swayed: first = reach × influenced
//! - each of those sways `second` (5) more: second order = first × second
//! - all influenced = first + second order
//! - a share `stop` (¼) of all influenced stop buying: lost = influenced × stop
//! - each lost customer is worth the same sales as she is:
//!   indirect = lost × direct; total = direct + indirect
//!
//! With the defaults: direct 26,000; influenced 30–60; lost 7.5–15; total
//! 221,000–416,000. `margin` turns sales into profit; `cac_multiple` is the
//! course's "winning a customer costs 5–6× keeping one".
//!
//! [`simulate`] adds uncertainty (Monte Carlo, seeded, reproducible): reach
//! uniform on [lo, hi]; each person told is swayed with probability
//! `influenced` (binomial); the swayed sway Poisson(`second`) more each, in
//! total Poisson(first × second); each influenced person stops with
//! probability `stop` (binomial). Its mean equals the chain at the mean reach.
//!
//! Pure module: no yew, no web-sys. Invalid parameters are a [`ParamError`],
//! never a panic.

mod chain;
mod monte_carlo;
mod params;
mod sensitivity;

pub use chain::{chain, compute, direct, Chain, Outcome};
pub use monte_carlo::{simulate, simulate_lost, Histogram, Run, Simulation, BINS};
pub use params::{Currency, Param, ParamError, Params, Spec, DEFAULT_SEED, SPECS, TRIALS};
pub use sensitivity::{mid_total, sensitivity, Swing, DRIVERS};
