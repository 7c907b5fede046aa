//! The course's models as plain Rust: each module is one figure or model of
//! the course, with typed, bounded parameters and deterministic results (no
//! yew, no browser calls; tested natively). `params` is what they share: a
//! parameter table, its address query and the values that could not be used.
//!
//! Imports run one way: models use only `support`; the course content, the
//! scorer and the screens use the models.

pub mod emotion_line;
pub mod gaps;
pub mod iceberg;
pub mod loyalty_ladder;
pub mod loyalty_profit;
pub mod mirror;
pub mod params;
pub mod pyramid;
pub mod smith;
pub mod staff_value;
pub mod value;
