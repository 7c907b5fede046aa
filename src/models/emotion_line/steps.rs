//! The six recovery steps of lecture 7 (图4-4) in the course's order, a set
//! of them (`Steps`, the remedies a line takes), and the three canonical
//! paths of 图4-3: no remedy, an ordinary remedy, a perfect remedy.

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
