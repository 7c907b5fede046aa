//! What goes wrong in a complaint conversation: the course's ten improper ways
//! of handling a complaint (lecture 8) and the phrases never to say (lecture
//! 6's telephone skills, lecture 8's courtesy rules, seed 004's five
//! forbidden phrases).

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
