//! Placeholder: practice drills as content files (being written, issue 19).

pub mod rewrite;
