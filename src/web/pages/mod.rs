//! One module per screen.

pub mod home;
pub mod lecture;
pub mod mirror;
pub mod not_found;
pub mod progress;
pub mod smith;
