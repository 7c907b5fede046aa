//! The tags a role-play scenario file puts on each reply (a step such as
//! `feel`, a mistake such as `improper:refuse` or `forbidden:but`, or
//! `near-miss`), read and written as plain strings.

use super::mistakes::{Forbidden, Improper};
use super::steps::Step;
use std::fmt;

/// What a role-play reply does, as written in the scenario files: a step
/// (`feel`), a mistake (`improper:refuse`, `forbidden:but`) or `near-miss`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    Step(Step),
    Improper(Improper),
    Forbidden(Forbidden),
    /// Plausible but weak.
    NearMiss,
}

/// A tag that is not one of the known keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownTag(pub String);

impl fmt::Display for UnknownTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown tag {:?}", self.0)
    }
}

impl std::error::Error for UnknownTag {}

impl Tag {
    pub fn parse(s: &str) -> Result<Tag, UnknownTag> {
        let t = s.trim();
        let found = if t == "near-miss" {
            Some(Tag::NearMiss)
        } else if let Some(k) = t.strip_prefix("improper:") {
            Improper::parse(k).map(Tag::Improper)
        } else if let Some(k) = t.strip_prefix("forbidden:") {
            Forbidden::parse(k).map(Tag::Forbidden)
        } else {
            Step::parse(t).map(Tag::Step)
        };
        found.ok_or_else(|| UnknownTag(s.to_owned()))
    }

    pub fn key(&self) -> String {
        match self {
            Tag::Step(s) => s.key().to_owned(),
            Tag::Improper(i) => format!("improper:{}", i.key()),
            Tag::Forbidden(f) => format!("forbidden:{}", f.key()),
            Tag::NearMiss => "near-miss".to_owned(),
        }
    }

    /// Every tag there is.
    pub fn all() -> Vec<Tag> {
        let mut v: Vec<Tag> = Step::ALL.into_iter().map(Tag::Step).collect();
        v.extend(Improper::ALL.into_iter().map(Tag::Improper));
        v.extend(Forbidden::ALL.into_iter().map(Tag::Forbidden));
        v.push(Tag::NearMiss);
        v
    }

    /// An improper way or a forbidden phrase.
    pub fn is_mistake(&self) -> bool {
        matches!(self, Tag::Improper(_) | Tag::Forbidden(_))
    }
}

impl TryFrom<String> for Tag {
    type Error = UnknownTag;
    fn try_from(s: String) -> Result<Tag, UnknownTag> {
        Tag::parse(&s)
    }
}

impl From<Tag> for String {
    fn from(t: Tag) -> String {
        t.key()
    }
}

impl serde::Serialize for Tag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

impl<'de> serde::Deserialize<'de> for Tag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Tag, D::Error> {
        let s = String::deserialize(d)?;
        Tag::parse(&s).map_err(serde::de::Error::custom)
    }
}
