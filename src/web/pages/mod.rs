//! One module per screen.

pub mod class;
pub mod emotion_line;
pub mod home;
pub mod lecture;
pub mod mirror;
pub mod not_found;
pub mod progress;
pub mod self_check;
pub mod smith;
