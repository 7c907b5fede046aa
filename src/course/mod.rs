//! The course as data: the lectures (`lectures`), the self-checks and their
//! rubrics (`selfcheck`, with the phrasing pattern language in `phrasing`)
//! and the complaint role-play scenarios (`scenario`), each a content file
//! type with its validation. Uses `support` and `models` only.

pub mod drill;
pub mod lectures;
pub mod own;
pub mod phrasing;
pub mod scenario;
pub mod selfcheck;
