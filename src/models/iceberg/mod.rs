//! The complaint iceberg and Heinrich's 1 : 29 : 300 (lecture 7).
//!
//! 图4-2 (seed 000): of all the customers who had a problem, the firm hears
//! formal complaints from about 8 %; some 23 % grumble to front-line staff;
//! about 69 % say nothing and are the likeliest to leave. The defaults
//! reproduce it: of 1,000 customers, 80 / 230 / 690. Seed 003: an unhappy
//! customer tells about 11 people, a happy one about 3; seed 004: only about
//! 1 in 27 unhappy customers speaks up (the screen mentions it as another
//! estimate).
//!
//! 图4-1 (seed 000) names a Wharton survey of return rates by how a
//! complaint ended, but its numbers are not in the text: as the emotion line
//! does, Loyalty Lab uses the widely cited TARP figures (US Office of
//! Consumer Affairs, 1979 / 1986). Customers who come back after a smaller
//! problem: solved quickly 95 %, solved 70 %, not solved 46 %, never
//! complained 37 %; after one over $100: 82 %, 54 %, 19 %, 9 %.
//!
//! Loyalty Lab's reading, for a handling policy (shares of the formal
//! complaints solved quickly / solved / not solved, share of the grumbles
//! staff pass on and get solved):
//!
//! - parts = problems × shares, whole people adding up to `problems`
//! - lost = Σ group × (1 − its return rate); a solved grumble returns like a
//!   solved complaint, an unsolved one like an unsolved complaint, the
//!   silent at the never-complained rate
//! - happy = those whose problem was solved; everyone else is unhappy;
//!   bad word of mouth reaches unhappy × `tell_unhappy` people
//! - money = lost × one customer's sales, the smith chain's
//!   `smith::direct` (`weekly` × 52 weeks × `years`; lecture 2)
//! - Heinrich (seed 000, lecture 7): behind `serious` serious incidents,
//!   29 × as many minor ones and 300 × as many near misses
//!
//! Rules (a [`ParamError`], never a panic): the three shares add up to
//! 100 %; quick + resolved ≤ 100 %; the return rates do not fall as the
//! handling gets better (quick ≥ resolved ≥ not resolved). With them, better
//! handling never loses more customers. Pure module: no yew, no web-sys.

mod model;
mod params;

pub use model::{compute, heinrich, per_customer, smith_params, split, Group, Outcome, Parts, HEINRICH};
pub use params::{Param, ParamError, Params, Rule, Spec, SPECS, SUM_TOLERANCE};

/// Return rates after a smaller problem and after one over $100: (solved
/// quickly, solved, not solved, never complained), TARP's figures.
pub const RATES_MINOR: [f64; 4] = [0.95, 0.70, 0.46, 0.37];
pub const RATES_MAJOR: [f64; 4] = [0.82, 0.54, 0.19, 0.09];

impl Params {
    /// These assumptions with a row of return rates.
    pub fn with_rates(&self, rates: [f64; 4]) -> Params {
        Params {
            back_quick: rates[0],
            back_resolved: rates[1],
            back_unresolved: rates[2],
            back_silent: rates[3],
            ..*self
        }
    }
}
