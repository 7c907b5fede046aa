//! The complaint emotion line: how a customer's mood moves from the purchase
//! through a service failure and the firm's response, and the rules the
//! recovery role-play is scored by.
//!
//! From lectures 7–8 (seed 000; COURSE.md "Emotion line and recovery"):
//! 图4-3 (the emotion line and its three paths), 图4-4 (the six recovery
//! steps: feel, apologise, solve, investigate, add a bonus, prevent), 图5-1
//! (the rational platform: no agreement while the customer is too upset),
//! the five reception techniques, 图5-2 (what complainants care about: a
//! resolution, its speed, the attitude), the ten improper ways to handle a
//! complaint, plus seed 004's forbidden phrases and seed 003's word of mouth
//! (an unhappy customer tells about 11 people, a happy one about 3). The
//! course gives the shapes and the directions; every number below that is
//! not cited is Loyalty Lab's own assumption, chosen to be simple and
//! bounded.
//!
//! ## The line (图4-3): [`line()`] and [`path()`]
//!
//! Emotion runs 0 (the bottom: the relationship ends) to 100, in abstract
//! ticks `t = 0..=`[`HORIZON`].
//!
//! - t = 0: [`START`] (80), high because of the promises made at the sale.
//! - Before the failure: a slow drift, −[`DRIFT`] (1) a tick.
//! - At `failure_at` (1–8): drift once more, then the failure takes away the
//!   share `severity` (0.05–1) of what is left.
//! - For `delay` ticks (0–8) nobody answers: −[`FESTER`] (5) a tick.
//! - Then the remedy: the chosen steps, one a tick, always in the course's
//!   order. Feel (0.30), apologise (0.25), solve (0.50) and investigate
//!   (0.30) close that share of the gap up to [`START`] — fixing can give
//!   back what was lost, no more. Solving while still below the rational
//!   platform, before any feeling or apology, closes only 0.3 × its share.
//!   Add a bonus (0.35) and prevent (0.25) close their share of the gap up
//!   to 100 — they break the balance upwards — but only once the problem is
//!   solved (before that they add nothing).
//! - Afterwards a solved problem holds its level; an unsolved one (no remedy
//!   at all, or words without a fix) goes on falling −[`FESTER`] a tick to
//!   the bottom.
//!
//! The three canonical paths ([`Path`]): **none** (no step) falls to 0 and the
//! relationship ends; **ordinary** (apologise + solve) climbs back part of
//! the way and stays below the start (the customer fears a repeat);
//! **perfect** (all six) climbs step by step and ends above the start. For
//! every valid parameter set: final(none) = 0 < final(ordinary) < [`START`]
//! < final(perfect) (the ordinary fix closes 62.5 % of a gap below the
//! start; the perfect one leaves at most 0.49 × 34.7 ≈ 17 points of the gap
//! to 100, which is less than the 20 between the start and 100).
//!
//! ## The rational platform (图5-1)
//!
//! Below [`RATIONAL_PLATFORM`] (40) the customer is too upset for any
//! agreement: [`can_agree`]. Feeling and apologising bring them back up.
//! The five reception techniques map onto the tags: calming the emotion and
//! empathy are `feel`; active listening and (closed) questions are
//! `investigate`; apology and thanks are `apologise`, spoiled by
//! `forbidden:company` ("I represent the company", a dodging "we") and
//! `forbidden:but`; quick and preventive solutions are `solve` and
//! `prevent`. What complainants care about (图5-2) is scored too: a
//! resolution (solving), its speed (minutes, the speed factor, "resolved
//! quickly") and the attitude (every mistake costs).
//!
//! ## Tags ([`Tag`], as written in the scenario files)
//!
//! - the six steps: `feel`, `apologise`, `solve`, `investigate`, `bonus`,
//!   `prevent`;
//! - the ten improper ways (lecture 8), `improper:` + `sorry-no-action`
//!   (sorry, no action), `refuse`, `empty-promise`, `no-response`, `rude`,
//!   `pass-the-buck`, `dodge-responsibility` (hiding behind "the company"),
//!   `body-language` (refusal without words), `interview` (irrelevant
//!   personal questions), `interrogate` (questioning like a suspect);
//! - forbidden phrases, `forbidden:` + `dont-know` ("I don't know"),
//!   `not-my-job` ("that's not my job / department"), `company` (speaking
//!   for "the company" / "we" to dodge), `but` (lectures 6 and 8), and from
//!   seed 004 `just-a-second` ("wait, two seconds"), `cant-do-that` ("we
//!   can't do that"), `you-must` ("you have to…"), `no` (a flat "No!");
//! - `near-miss`: plausible but weak.
//!
//! ## The role-play rules: [`Session::respond`]
//!
//! A [`Session`] starts at the level the default line reaches right after
//! the failure (at [`DEFAULT_FAILURE_AT`] = 4), `(START − 4 × DRIFT) × (1 −
//! severity)`: 30.4 at severity 0.6, 0 at severity 1. Each reply the trainee
//! picks carries [`Tag`]s and takes `minutes`:
//!
//! 1. The reply's tags act in order (2–4), then its minutes pass (5).
//! 2. A step adds its points ([`Step::points`]: feel 10, apologise 8, solve
//!    24, investigate 6, bonus 10, prevent 6) times:
//!    - 1 in the right order (every earlier step done), 0.5 out of order,
//!      0.25 for a step already done;
//!    - solve: 0.3 if the customer is below the platform and has been
//!      neither felt with nor apologised to; and a speed factor — full if
//!      the problem is solved within [`PEAK_MINUTES`] (15, before the bad
//!      mood peaks), then `PEAK_MINUTES / elapsed`, never below 0.5;
//!    - bonus: 0 before the problem is solved (it does not count, and is not
//!      recorded as done);
//!    - prevent: adds trust at the end — its full 6 points only once the
//!      problem is solved, 2 before.
//! 3. A near miss (plausible but weak) adds [`NEAR_MISS_POINTS`] (1).
//! 4. Each improper way costs [`Improper::cost`] (15 for refusing, no
//!    response, rudeness and interrogating; 10 for the other six); each
//!    forbidden phrase costs [`FORBIDDEN_COST`] (8). Both are recorded as
//!    mistakes.
//! 5. Time: every minute costs [`MINUTE_COST`] (0.5) if the problem was
//!    unsolved when the reply began, [`MINUTE_COST_SOLVED`] (0.1) if it was
//!    already solved. The clock (`elapsed`, used by the speed factor and
//!    `solved_at`) counts the reply's own minutes: a fix is done when the
//!    reply that makes it is over.
//! 6. Emotion is clamped to 0–100 after every tag and after the minutes.
//!    Reaching 0 during a reply ends the relationship: the customer walks
//!    away and nothing said later counts ([`Session::lost`]).
//!
//! So the six steps in the course's order score more than any other order
//! of the same replies (tested for all 719 other orders; only an easy
//! customer who reaches the top of the scale either way can tie).
//!
//! ## The outcome: [`outcome`]
//!
//! - Resolved quickly: solved within [`PEAK_MINUTES`] and ending on or above
//!   the platform; resolved: solved later, on or above the platform;
//!   otherwise unresolved (not solved, walked away, or still too upset to
//!   accept the fix).
//! - Repurchase likelihood (图4-1's idea: the better and faster the
//!   handling, the more customers come back). Seed 000 names a Wharton
//!   survey split at $100 but its figure's numbers are not in the text, so
//!   Loyalty Lab uses the widely cited figures attributed to TARP
//!   (Technical Assistance Research Programs) for the US Office of Consumer
//!   Affairs ("Consumer Complaint Handling in America", 1979, and its 1986
//!   update), in [`REPURCHASE`]: customers who would buy again after a minor
//!   problem (a possible loss under $5) / a major one (over $100): did not
//!   complain 37 % / 9 %; complained, not resolved 46 % / 19 %; resolved
//!   70 % / 54 %; resolved quickly 95 % / 82 %. Learn more: e.g. Fast Company, "What makes us loyal II" (2003),
//!   which reprints them. The app interpolates linearly between the minor
//!   row (severity 0) and the major row (severity 1).
//! - Word of mouth (seed 003): a happy customer (resolved and ending at or
//!   above [`HAPPY_LEVEL`], 60) tells about [`TELLS_HAPPY`] (3) people, an
//!   unhappy one about [`TELLS_UNHAPPY`] (11).
//!
//! Pure module: no yew, no web-sys. Invalid parameters are a [`ParamError`],
//! never a panic; every value is finite and within 0–100.

use crate::models::params::BadParam;
use std::fmt;

/// Emotion at the purchase (t = 0), high because of the promises.
pub const START: f64 = 80.0;
/// The top of the scale.
pub const CEILING: f64 = 100.0;
/// Below this the customer is too upset for any agreement (图5-1).
pub const RATIONAL_PLATFORM: f64 = 40.0;
/// Drift per tick between the purchase and the failure.
pub const DRIFT: f64 = 1.0;
/// Fall per tick while a failure goes unanswered or unsolved.
pub const FESTER: f64 = 5.0;
/// Last tick of the line.
pub const HORIZON: usize = 36;
/// The failure tick the role-play assumes.
pub const DEFAULT_FAILURE_AT: u32 = 4;

/// Whether the customer is calm enough to reach an agreement (图5-1).
pub fn can_agree(emotion: f64) -> bool {
    emotion.is_finite() && emotion >= RATIONAL_PLATFORM
}

/// One of the six recovery steps (图4-4), in the course's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    Feel,
    Apologise,
    Solve,
    Investigate,
    Bonus,
    Prevent,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Feel,
        Step::Apologise,
        Step::Solve,
        Step::Investigate,
        Step::Bonus,
        Step::Prevent,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Step::Feel => "feel",
            Step::Apologise => "apologise",
            Step::Solve => "solve",
            Step::Investigate => "investigate",
            Step::Bonus => "bonus",
            Step::Prevent => "prevent",
        }
    }

    pub fn parse(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|x| x.key() == s.trim())
    }

    /// Position in the course's order (0–5).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Role-play points for the step done in the right order.
    pub fn points(self) -> f64 {
        match self {
            Step::Feel => 10.0,
            Step::Apologise => 8.0,
            Step::Solve => 24.0,
            Step::Investigate => 6.0,
            Step::Bonus => 10.0,
            Step::Prevent => 6.0,
        }
    }

    /// Share of the gap the step closes on the line.
    pub fn share(self) -> f64 {
        match self {
            Step::Feel => 0.30,
            Step::Apologise => 0.25,
            Step::Solve => 0.50,
            Step::Investigate => 0.30,
            Step::Bonus => 0.35,
            Step::Prevent => 0.25,
        }
    }
}

/// The ten improper ways to handle a complaint (lecture 8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Improper {
    /// 1. Saying sorry and doing nothing.
    SorryNoAction,
    /// 2. Refusing to listen or to help.
    Refuse,
    /// 3. "No problem, leave it to me" with no plan behind it.
    EmptyPromise,
    /// 4. No reaction at all: nobody and no rule to handle it.
    NoResponse,
    /// 5. Rude, impolite treatment.
    Rude,
    /// 6. Passing the complaint on to someone else.
    PassTheBuck,
    /// 7. Hiding behind "the company" / "we" instead of owning it.
    DodgeResponsibility,
    /// 8. Impatience shown by face and body.
    BodyLanguage,
    /// 9. Collecting personal details that have nothing to do with it.
    Interview,
    /// 10. Questioning the customer like a suspect.
    Interrogate,
}

impl Improper {
    pub const ALL: [Improper; 10] = [
        Improper::SorryNoAction,
        Improper::Refuse,
        Improper::EmptyPromise,
        Improper::NoResponse,
        Improper::Rude,
        Improper::PassTheBuck,
        Improper::DodgeResponsibility,
        Improper::BodyLanguage,
        Improper::Interview,
        Improper::Interrogate,
    ];

    /// The part after `improper:`.
    pub fn key(self) -> &'static str {
        match self {
            Improper::SorryNoAction => "sorry-no-action",
            Improper::Refuse => "refuse",
            Improper::EmptyPromise => "empty-promise",
            Improper::NoResponse => "no-response",
            Improper::Rude => "rude",
            Improper::PassTheBuck => "pass-the-buck",
            Improper::DodgeResponsibility => "dodge-responsibility",
            Improper::BodyLanguage => "body-language",
            Improper::Interview => "interview",
            Improper::Interrogate => "interrogate",
        }
    }

    pub fn parse(s: &str) -> Option<Improper> {
        Improper::ALL.into_iter().find(|x| x.key() == s.trim())
    }

    /// Emotion points the mistake costs in the role-play.
    pub fn cost(self) -> f64 {
        match self {
            Improper::Refuse | Improper::NoResponse | Improper::Rude | Improper::Interrogate => 15.0,
            _ => 10.0,
        }
    }
}

/// Phrases never to say to a customer (lecture 6's telephone skills, the
/// courtesy rules of lecture 8, and seed 004's five forbidden phrases).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Forbidden {
    /// "I don't know."
    DontKnow,
    /// "That's not my job / not my department."
    NotMyJob,
    /// Speaking for "the company" / "we" to dodge.
    Company,
    /// "…but…" after an apology.
    But,
    /// "Just a second, I'll be right back."
    JustASecond,
    /// "We can't do that."
    CantDoThat,
    /// "You have to…"
    YouMust,
    /// A flat "No!".
    No,
}

impl Forbidden {
    pub const ALL: [Forbidden; 8] = [
        Forbidden::DontKnow,
        Forbidden::NotMyJob,
        Forbidden::Company,
        Forbidden::But,
        Forbidden::JustASecond,
        Forbidden::CantDoThat,
        Forbidden::YouMust,
        Forbidden::No,
    ];

    /// The part after `forbidden:`.
    pub fn key(self) -> &'static str {
        match self {
            Forbidden::DontKnow => "dont-know",
            Forbidden::NotMyJob => "not-my-job",
            Forbidden::Company => "company",
            Forbidden::But => "but",
            Forbidden::JustASecond => "just-a-second",
            Forbidden::CantDoThat => "cant-do-that",
            Forbidden::YouMust => "you-must",
            Forbidden::No => "no",
        }
    }

    pub fn parse(s: &str) -> Option<Forbidden> {
        Forbidden::ALL.into_iter().find(|x| x.key() == s.trim())
    }
}

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

/// A set of recovery steps (which remedies a line takes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Steps(u8);

impl Steps {
    pub const NONE: Steps = Steps(0);
    pub const ALL: Steps = Steps(0b11_1111);

    pub fn of(steps: &[Step]) -> Steps {
        steps.iter().fold(Steps::NONE, |acc, &s| acc.with(s))
    }

    pub fn with(self, s: Step) -> Steps {
        Steps(self.0 | 1 << s.index())
    }

    pub fn without(self, s: Step) -> Steps {
        Steps(self.0 & !(1 << s.index()))
    }

    pub fn contains(self, s: Step) -> bool {
        self.0 & 1 << s.index() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The steps in the course's order.
    pub fn list(self) -> Vec<Step> {
        Step::ALL.into_iter().filter(|&s| self.contains(s)).collect()
    }

    /// Comma-separated keys (`feel,solve`), `none` for the empty set.
    pub fn keys(self) -> String {
        if self.is_empty() {
            return "none".to_owned();
        }
        self.list().iter().map(|s| s.key()).collect::<Vec<_>>().join(",")
    }

    /// Reads [`keys`](Self::keys) back (order and repeats do not matter).
    pub fn parse(text: &str) -> Option<Steps> {
        let t = text.trim();
        if t == "none" || t.is_empty() {
            return Some(Steps::NONE);
        }
        t.split(',')
            .try_fold(Steps::NONE, |acc, k| Step::parse(k).map(|s| acc.with(s)))
    }
}

/// The three canonical paths of 图4-3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Path {
    /// No remedy: down to the bottom, the relationship ends.
    None,
    /// An ordinary fix (apologise + solve): partly back, below the start.
    Ordinary,
    /// The perfect remedy (all six steps): above the start.
    Perfect,
}

impl Path {
    pub const ALL: [Path; 3] = [Path::None, Path::Ordinary, Path::Perfect];

    pub fn key(self) -> &'static str {
        match self {
            Path::None => "none",
            Path::Ordinary => "ordinary",
            Path::Perfect => "perfect",
        }
    }

    pub fn parse(s: &str) -> Option<Path> {
        let s = s.trim().to_ascii_lowercase();
        Path::ALL.into_iter().find(|p| p.key() == s)
    }

    /// The remedy steps the path takes.
    pub fn steps(self) -> Steps {
        match self {
            Path::None => Steps::NONE,
            Path::Ordinary => Steps::of(&[Step::Apologise, Step::Solve]),
            Path::Perfect => Steps::ALL,
        }
    }
}

/// One adjustable assumption of the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Severity,
    FailureAt,
    Delay,
    Steps,
}

impl Param {
    /// Every parameter [`Params::from_query`] reads, once.
    pub const ALL: [Param; 4] = [Param::Severity, Param::FailureAt, Param::Delay, Param::Steps];

    pub fn key(self) -> &'static str {
        match self {
            Param::Severity => "severity",
            Param::FailureAt => "failure_at",
            Param::Delay => "delay",
            Param::Steps => "steps",
        }
    }
}

/// Bounds of the numeric parameters.
pub const SEVERITY_MIN: f64 = 0.05;
pub const SEVERITY_MAX: f64 = 1.0;
pub const FAILURE_AT_MIN: u32 = 1;
pub const FAILURE_AT_MAX: u32 = 8;
pub const DELAY_MAX: u32 = 8;

/// Why a parameter set cannot be drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamError {
    NotFinite(Param),
    OutOfRange { param: Param, value: f64 },
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamError::NotFinite(p) => write!(f, "{} is not a finite number", p.key()),
            ParamError::OutOfRange { param, value } => write!(f, "{} = {value} is out of range", param.key()),
        }
    }
}

impl std::error::Error for ParamError {}

/// Checks a severity (0.05–1).
pub fn check_severity(severity: f64) -> Result<(), ParamError> {
    if !severity.is_finite() {
        Err(ParamError::NotFinite(Param::Severity))
    } else if !(SEVERITY_MIN..=SEVERITY_MAX).contains(&severity) {
        Err(ParamError::OutOfRange {
            param: Param::Severity,
            value: severity,
        })
    } else {
        Ok(())
    }
}

/// The line's assumptions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// Share of the mood the failure takes away (0.05–1).
    pub severity: f64,
    /// Tick of the failure (1–8).
    pub failure_at: u32,
    /// Ticks before anyone responds (0–8).
    pub delay: u32,
    /// The remedy steps taken (always in the course's order).
    pub steps: Steps,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            severity: 0.6,
            failure_at: DEFAULT_FAILURE_AT,
            delay: 2,
            steps: Steps::ALL,
        }
    }
}

impl Params {
    pub fn validate(&self) -> Result<(), ParamError> {
        check_severity(self.severity)?;
        if !(FAILURE_AT_MIN..=FAILURE_AT_MAX).contains(&self.failure_at) {
            return Err(ParamError::OutOfRange {
                param: Param::FailureAt,
                value: f64::from(self.failure_at),
            });
        }
        if self.delay > DELAY_MAX {
            return Err(ParamError::OutOfRange {
                param: Param::Delay,
                value: f64::from(self.delay),
            });
        }
        Ok(())
    }

    /// The tick of the first remedy step.
    pub fn response_at(&self) -> usize {
        (self.failure_at + self.delay + 1) as usize
    }

    /// Reads parameters from an address query; anything missing takes its
    /// default, anything invalid takes its default and is reported.
    pub fn from_query(pairs: &[(String, String)]) -> (Params, Vec<BadParam>) {
        let mut p = Params::default();
        let mut bad = Vec::new();
        for (name, value) in pairs {
            let v = value.trim();
            let ok = match name.as_str() {
                "severity" => v
                    .parse::<f64>()
                    .ok()
                    .filter(|&x| check_severity(x).is_ok())
                    .map(|x| p.severity = x)
                    .is_some(),
                "failure_at" => v
                    .parse::<u32>()
                    .ok()
                    .filter(|x| (FAILURE_AT_MIN..=FAILURE_AT_MAX).contains(x))
                    .map(|x| p.failure_at = x)
                    .is_some(),
                "delay" => v
                    .parse::<u32>()
                    .ok()
                    .filter(|&x| x <= DELAY_MAX)
                    .map(|x| p.delay = x)
                    .is_some(),
                "steps" => Steps::parse(v).map(|s| p.steps = s).is_some(),
                _ => true,
            };
            if !ok {
                bad.push(BadParam {
                    name: name.clone(),
                    value: value.clone(),
                });
            }
        }
        (p, bad)
    }

    /// The parameters as an address query (all of them).
    pub fn to_query(&self) -> String {
        format!(
            "severity={}&failure_at={}&delay={}&steps={}",
            crate::support::format::trim(self.severity, 4).replace(',', ""),
            self.failure_at,
            self.delay,
            self.steps.keys()
        )
    }
}

fn toward(level: f64, target: f64, share: f64) -> f64 {
    level + share * (target - level).max(0.0)
}

/// The emotion at every tick 0..=[`HORIZON`] for the given parameters.
pub fn line(p: &Params) -> Result<Vec<f64>, ParamError> {
    p.validate()?;
    let failure_at = p.failure_at as usize;
    let respond = p.response_at();
    let actions = p.steps.list();
    let mut level = START;
    let mut solved = false;
    let mut calmed = false;
    let mut out = Vec::with_capacity(HORIZON + 1);
    out.push(level);
    for t in 1..=HORIZON {
        if t < failure_at {
            level -= DRIFT;
        } else if t == failure_at {
            level = (level - DRIFT) * (1.0 - p.severity);
        } else if t < respond {
            level -= FESTER;
        } else if let Some(&step) = actions.get(t - respond) {
            level = match step {
                Step::Feel | Step::Apologise | Step::Investigate => toward(level, START, step.share()),
                Step::Solve => {
                    let weak = !calmed && !can_agree(level);
                    solved = true;
                    toward(level, START, step.share() * if weak { 0.3 } else { 1.0 })
                }
                Step::Bonus | Step::Prevent if solved => toward(level, CEILING, step.share()),
                Step::Bonus | Step::Prevent => level,
            };
            calmed |= matches!(step, Step::Feel | Step::Apologise);
        } else if !solved {
            level -= FESTER;
        }
        level = level.clamp(0.0, CEILING);
        out.push(level);
    }
    Ok(out)
}

/// One of the three canonical paths: the line with that path's steps.
pub fn path(which: Path, p: &Params) -> Result<Vec<f64>, ParamError> {
    line(&Params {
        steps: which.steps(),
        ..*p
    })
}

/// Role-play: emotion points lost per minute while the problem is unsolved.
pub const MINUTE_COST: f64 = 0.5;
/// Role-play: emotion points lost per minute once it is solved.
pub const MINUTE_COST_SOLVED: f64 = 0.1;
/// Role-play: minutes before the bad mood peaks; solving within them is
/// "resolved quickly".
pub const PEAK_MINUTES: u32 = 15;
/// Role-play: what a near miss adds.
pub const NEAR_MISS_POINTS: f64 = 1.0;
/// Role-play: what a forbidden phrase costs.
pub const FORBIDDEN_COST: f64 = 8.0;
/// Role-play: factor for a step done before an earlier one.
pub const OUT_OF_ORDER: f64 = 0.5;
/// Role-play: factor for a step done again.
pub const REPEATED: f64 = 0.25;
/// Role-play: factor for solving an unacknowledged customer below the
/// platform.
pub const UNHEARD_SOLVE: f64 = 0.3;

/// A role-play in progress: one complaint, reply by reply.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    severity: f64,
    start: f64,
    emotion: f64,
    elapsed: u32,
    steps: Vec<Step>,
    mistakes: Vec<Tag>,
    solved_at: Option<u32>,
    lost: bool,
}

impl Session {
    /// A customer who has just met a failure of this severity (0.05–1).
    pub fn new(severity: f64) -> Result<Session, ParamError> {
        check_severity(severity)?;
        let start = ((START - DRIFT * f64::from(DEFAULT_FAILURE_AT)) * (1.0 - severity)).clamp(0.0, CEILING);
        Ok(Session {
            severity,
            start,
            emotion: start,
            elapsed: 0,
            steps: Vec::new(),
            mistakes: Vec::new(),
            solved_at: None,
            lost: false,
        })
    }

    pub fn severity(&self) -> f64 {
        self.severity
    }
    /// Emotion when the customer arrived.
    pub fn start(&self) -> f64 {
        self.start
    }
    /// Emotion now (0–100).
    pub fn emotion(&self) -> f64 {
        self.emotion
    }
    /// Minutes since the customer arrived.
    pub fn elapsed(&self) -> u32 {
        self.elapsed
    }
    /// Steps done, each once, in the order they were first done.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }
    /// Improper ways and forbidden phrases used, in order.
    pub fn mistakes(&self) -> &[Tag] {
        &self.mistakes
    }
    /// Minute at which the problem was solved.
    pub fn solved_at(&self) -> Option<u32> {
        self.solved_at
    }
    pub fn solved(&self) -> bool {
        self.solved_at.is_some()
    }
    /// The customer walked away (emotion reached 0).
    pub fn lost(&self) -> bool {
        self.lost
    }
    pub fn can_agree(&self) -> bool {
        can_agree(self.emotion)
    }

    fn done(&self, s: Step) -> bool {
        self.steps.contains(&s)
    }

    /// Points a step would add now (before clamping).
    fn step_gain(&self, s: Step) -> f64 {
        let order = if self.done(s) {
            REPEATED
        } else if Step::ALL[..s.index()].iter().all(|&e| self.done(e)) {
            1.0
        } else {
            OUT_OF_ORDER
        };
        let extra = match s {
            Step::Solve => {
                let heard = self.done(Step::Feel) || self.done(Step::Apologise);
                let unheard = if !heard && !can_agree(self.emotion) {
                    UNHEARD_SOLVE
                } else {
                    1.0
                };
                let speed = if self.elapsed <= PEAK_MINUTES {
                    1.0
                } else {
                    (f64::from(PEAK_MINUTES) / f64::from(self.elapsed)).max(0.5)
                };
                unheard * speed
            }
            Step::Bonus if !self.solved() => 0.0,
            Step::Prevent if !self.solved() => 2.0 / Step::Prevent.points(),
            _ => 1.0,
        };
        s.points() * order * extra
    }

    /// The trainee's reply: its tags, applied in order, after `minutes`
    /// have passed. See the module doc for the rules.
    pub fn respond(&mut self, tags: &[Tag], minutes: u32) {
        self.elapsed = self.elapsed.saturating_add(minutes);
        if self.lost {
            return;
        }
        let rate = if self.solved() { MINUTE_COST_SOLVED } else { MINUTE_COST };
        for tag in tags {
            if self.lost {
                break;
            }
            match *tag {
                Tag::Step(s) => {
                    let gain = self.step_gain(s);
                    self.set(self.emotion + gain);
                    let counts = s != Step::Bonus || self.solved();
                    if counts && !self.done(s) {
                        self.steps.push(s);
                    }
                    if s == Step::Solve && self.solved_at.is_none() {
                        self.solved_at = Some(self.elapsed);
                    }
                }
                Tag::Improper(i) => {
                    self.mistakes.push(*tag);
                    self.set(self.emotion - i.cost());
                }
                Tag::Forbidden(_) => {
                    self.mistakes.push(*tag);
                    self.set(self.emotion - FORBIDDEN_COST);
                }
                Tag::NearMiss => self.set(self.emotion + NEAR_MISS_POINTS),
            }
        }
        if !self.lost {
            self.set(self.emotion - rate * f64::from(minutes));
        }
    }

    fn set(&mut self, v: f64) {
        let v = if v.is_finite() { v } else { 0.0 };
        self.emotion = v.clamp(0.0, CEILING);
        if self.emotion <= 0.0 {
            self.lost = true;
        }
    }
}

/// How the complaint ended, in TARP's categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// The customer never complained (only on the figure, for comparison).
    NoComplaint,
    /// Complained; not solved, walked away, or still too upset to accept it.
    Unresolved,
    /// Solved after the peak, customer on the platform.
    Resolved,
    /// Solved within [`PEAK_MINUTES`], customer on the platform.
    ResolvedQuickly,
}

impl Resolution {
    pub const ALL: [Resolution; 4] = [
        Resolution::NoComplaint,
        Resolution::Unresolved,
        Resolution::Resolved,
        Resolution::ResolvedQuickly,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Resolution::NoComplaint => "no-complaint",
            Resolution::Unresolved => "unresolved",
            Resolution::Resolved => "resolved",
            Resolution::ResolvedQuickly => "resolved-quickly",
        }
    }
}

/// TARP's share of customers who would buy again: (resolution, after a
/// minor problem (a possible loss under $5), after a major one (over $100)).
pub const REPURCHASE: [(Resolution, f64, f64); 4] = [
    (Resolution::NoComplaint, 0.37, 0.09),
    (Resolution::Unresolved, 0.46, 0.19),
    (Resolution::Resolved, 0.70, 0.54),
    (Resolution::ResolvedQuickly, 0.95, 0.82),
];

/// Repurchase likelihood for a resolution, interpolated between the minor
/// (severity 0) and the major (severity 1) row.
pub fn repurchase(r: Resolution, severity: f64) -> f64 {
    let s = if severity.is_finite() {
        severity.clamp(0.0, 1.0)
    } else {
        1.0
    };
    let (_, minor, major) = REPURCHASE
        .iter()
        .copied()
        .find(|row| row.0 == r)
        .unwrap_or(REPURCHASE[1]);
    minor * (1.0 - s) + major * s
}

/// A happy customer ends at least this high (and resolved).
pub const HAPPY_LEVEL: f64 = 60.0;
/// People a happy customer tells (seed 003).
pub const TELLS_HAPPY: u32 = 3;
/// People an unhappy customer tells (seed 003).
pub const TELLS_UNHAPPY: u32 = 11;

/// How a role-play ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub emotion: f64,
    pub resolution: Resolution,
    /// Likelihood the customer buys again (0–1).
    pub repurchase: f64,
    pub happy: bool,
    /// People the customer tells about it.
    pub word_of_mouth: u32,
}

pub fn outcome(s: &Session) -> Outcome {
    let resolution = match s.solved_at {
        Some(_) if s.lost || !s.can_agree() => Resolution::Unresolved,
        Some(at) if at <= PEAK_MINUTES => Resolution::ResolvedQuickly,
        Some(_) => Resolution::Resolved,
        None => Resolution::Unresolved,
    };
    let happy = resolution != Resolution::Unresolved && s.emotion >= HAPPY_LEVEL;
    Outcome {
        emotion: s.emotion,
        resolution,
        repurchase: repurchase(resolution, s.severity),
        happy,
        word_of_mouth: if happy { TELLS_HAPPY } else { TELLS_UNHAPPY },
    }
}
