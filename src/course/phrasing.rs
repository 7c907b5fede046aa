//! The phrasing pattern language of the self-check rubrics: each rubric idea
//! lists, per language, the ways a trainee may express it, one pattern each.
//! Both languages always apply, so an English answer to a Chinese exercise
//! scores normally. Words are written in the normal form of
//! [`crate::support::normalize`]; [`crate::scoring`] matches the parsed
//! `Pattern`s against an answer.
//!
//! - `a~b~c`: every part in the same clause, in any order;
//! - `a|b`: alternatives within a part;
//! - `…@x|y`: a context word must appear in the same or the previous
//!   sentence (无需繁琐手续 counts only when said of the guarantee);
//! - prefix `?`: a weaker phrasing, half credit;
//! - prefix `!`: names the **fault** (当众批评): credited when the clause
//!   condemns it, partly when merely named, nothing when the clause
//!   approves of it;
//! - prefix `^`: names a bad **effect** (客人尴尬): a plain denial (不会,
//!   won't) cancels it, a warning (不要让客人尴尬, avoid) does not;
//! - prefix `=`: a **topic** (自尊, 积极性): counts whatever the polarity;
//! - no prefix: a good **practice** (私下沟通): a negation (没必要私下沟通)
//!   or a condemnation after it cancels it.

use crate::support::normalize::normalize;
use std::fmt;

/// Why a phrasing pattern is invalid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternError {
    Empty,
    EmptyPart,
    /// A word that normalisation would change (capitals, full-width, `'`…),
    /// so it could never match.
    NotNormal(String),
    /// A word holding a separator, so it could never fit in one clause.
    HasSeparator(String),
    /// More than one `@`, or `!`, `^`, `=` combined.
    Syntax(String),
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::Empty => write!(f, "empty pattern"),
            PatternError::EmptyPart => write!(f, "empty part or alternative"),
            PatternError::NotNormal(w) => write!(f, "{w:?} is not in normal form (expected {:?})", normalize(w)),
            PatternError::HasSeparator(w) => write!(f, "{w:?} contains a clause separator"),
            PatternError::Syntax(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for PatternError {}

/// Checks one phrasing pattern (used by [`super::selfcheck::validate`]).
pub fn check_phrasing(p: &str) -> Result<(), PatternError> {
    Pattern::parse(p).map(|_| ())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Practice,
    Effect,
    Fault,
    Topic,
}

#[derive(Clone, Debug)]
pub(crate) struct Pattern {
    pub(crate) weak: bool,
    pub(crate) kind: Kind,
    pub(crate) parts: Vec<Vec<String>>,
    pub(crate) context: Vec<String>,
}

impl Pattern {
    pub(crate) fn parse(p: &str) -> Result<Pattern, PatternError> {
        let mut rest = p.trim();
        let mut weak = false;
        let mut kind = None;
        while let Some(c) = rest.chars().next() {
            let k = match c {
                '?' if !weak => {
                    weak = true;
                    rest = &rest[1..];
                    continue;
                }
                '!' => Kind::Fault,
                '^' => Kind::Effect,
                '=' => Kind::Topic,
                _ => break,
            };
            if kind.is_some() {
                return Err(PatternError::Syntax("only one of ! ^ = may be given".into()));
            }
            kind = Some(k);
            rest = &rest[1..];
        }
        let mut halves = rest.split('@');
        let body = halves.next().unwrap_or("");
        let context = halves.next();
        if halves.next().is_some() {
            return Err(PatternError::Syntax("more than one @".into()));
        }
        if body.trim().is_empty() {
            return Err(PatternError::Empty);
        }
        let words = |s: &str| -> Result<Vec<String>, PatternError> {
            s.split('|')
                .map(|w| {
                    let w = w.trim();
                    if w.is_empty() {
                        Err(PatternError::EmptyPart)
                    } else if w.chars().any(|c| matches!(c, '，' | '。' | '：' | '、' | '\n')) {
                        Err(PatternError::HasSeparator(w.to_owned()))
                    } else if normalize(w) != w {
                        Err(PatternError::NotNormal(w.to_owned()))
                    } else {
                        Ok(w.to_owned())
                    }
                })
                .collect()
        };
        let parts = body.split('~').map(words).collect::<Result<Vec<_>, _>>()?;
        let context = match context {
            Some(c) => words(c)?,
            None => Vec::new(),
        };
        Ok(Pattern {
            weak,
            kind: kind.unwrap_or(Kind::Practice),
            parts,
            context,
        })
    }
}
