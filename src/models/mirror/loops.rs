//! The six feedback loops of the satisfaction mirror (lecture 1, 图1-1), each
//! with its plain-words story.

/// One feedback loop of the mirror.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Loop {
    /// Repeat purchases → knowledge of preferences → smoother service → cs.
    Knowledge,
    /// Voice → heard complaints → recovered failures → cs.
    Recovery,
    /// Satisfied customers → easy conversations, achievement → es.
    Achievement,
    /// Regulars know the process → efficiency → profit and less stress (es).
    Efficiency,
    /// es and experience → process quality → cs.
    Quality,
    /// es, pay, hiring → lower turnover → tenure (experience).
    Tenure,
}

/// Every loop, in the order of [`super::Month::flows`].
pub const LOOPS: [Loop; 6] = [
    Loop::Knowledge,
    Loop::Recovery,
    Loop::Achievement,
    Loop::Efficiency,
    Loop::Quality,
    Loop::Tenure,
];

impl Loop {
    /// Stable name (addresses, interface strings, tests).
    pub fn key(self) -> &'static str {
        match self {
            Loop::Knowledge => "knowledge",
            Loop::Recovery => "recovery",
            Loop::Achievement => "achievement",
            Loop::Efficiency => "efficiency",
            Loop::Quality => "quality",
            Loop::Tenure => "tenure",
        }
    }

    /// The stock the loop's flow pushes: "cs", "es" or "tenure".
    pub fn target(self) -> &'static str {
        match self {
            Loop::Knowledge | Loop::Recovery | Loop::Quality => "cs",
            Loop::Achievement | Loop::Efficiency => "es",
            Loop::Tenure => "tenure",
        }
    }

    /// Position in [`LOOPS`] and [`super::Month::flows`].
    pub fn index(self) -> usize {
        match self {
            Loop::Knowledge => 0,
            Loop::Recovery => 1,
            Loop::Achievement => 2,
            Loop::Efficiency => 3,
            Loop::Quality => 4,
            Loop::Tenure => 5,
        }
    }

    pub fn parse(key: &str) -> Option<Loop> {
        LOOPS.iter().copied().find(|l| l.key() == key)
    }
}
