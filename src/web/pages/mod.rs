//! One module per screen.

pub mod author;
pub mod class;
pub mod drill;
pub mod emotion_line;
pub mod gaps;
pub mod home;
pub mod iceberg;
pub mod lecture;
pub mod loyalty_ladder;
pub mod loyalty_profit;
pub mod mirror;
pub mod not_found;
pub mod progress;
pub mod pyramid;
pub mod roleplay;
pub mod self_check;
pub mod smith;
pub mod staff_value;
pub mod value;
