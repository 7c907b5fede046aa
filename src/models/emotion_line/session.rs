//! The six-step role-play as rules (lectures 7–8): a `Session` takes one
//! reply at a time, moving the customer's emotion by the step it takes,
//! whether it comes in order, the minutes it costs and any mistake or
//! forbidden phrase in it.

use super::line::{can_agree, CEILING, DRIFT, START};
use super::params::{check_severity, ParamError, DEFAULT_FAILURE_AT};
use super::steps::Step;
use super::tags::Tag;

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
