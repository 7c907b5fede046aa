//! The authoring form's editable shape of an item: what a trainer has typed
//! so far, numbers as typed (so "abc" minutes is a message, not a lost
//! keystroke), phrasings one per line, scenario nodes as an ordered list
//! (so two nodes may share an id until the trainer fixes it). [`SelfCheckDraft::item`]
//! and [`ScenarioDraft::item`] turn a draft into the content item and
//! report what stops that; the item's own problems come from
//! [`super::Item::problems`]. Drafts are kept in storage while typing.

use super::{Item, Problem};
use crate::course::scenario::{Node, Reply, Scenario};
use crate::course::selfcheck::{Idea, Phrasings, SelfCheck};
use crate::models::emotion_line::Tag;
use crate::support::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A draft of either kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Draft {
    SelfCheck(SelfCheckDraft),
    Scenario(ScenarioDraft),
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SelfCheckDraft {
    pub id: String,
    pub lecture: u8,
    pub langs: Vec<Lang>,
    pub title: Text,
    pub case: Text,
    pub question: Text,
    pub model_answer: Text,
    pub ideas: Vec<IdeaDraft>,
    /// Kept as it came from a file or a copy (the form does not edit it).
    pub followup: Option<crate::course::selfcheck::Followup>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IdeaDraft {
    pub id: String,
    pub weight: String,
    pub label: Text,
    pub hint: Text,
    pub section: Text,
    /// Phrasings one per line, per language.
    pub phrasings: Text,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScenarioDraft {
    pub id: String,
    pub langs: Vec<Lang>,
    pub title: Text,
    pub setting: Text,
    pub customer: Text,
    pub severity: String,
    pub start: String,
    pub nodes: Vec<NodeDraft>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NodeDraft {
    pub id: String,
    pub customer: Text,
    pub replies: Vec<ReplyDraft>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReplyDraft {
    pub text: Text,
    /// Tag keys (`feel`, `improper:refuse`, …).
    pub tags: Vec<String>,
    pub minutes: String,
    /// The next node's id; empty ends the conversation.
    pub next: String,
    pub note: Text,
}

/// `t` with only the languages in `langs` (the form hides the others).
fn only(t: &Text, langs: &[Lang]) -> Text {
    let keep = |l: Lang, s: &str| {
        if langs.contains(&l) {
            s.trim().to_owned()
        } else {
            String::new()
        }
    };
    Text {
        zh: keep(Lang::Zh, &t.zh),
        en: keep(Lang::En, &t.en),
    }
}

fn problem(field: String, message: &str) -> Problem {
    Problem {
        field,
        message: message.to_owned(),
    }
}

/// The languages a draft is written in, both if none is ticked.
pub fn langs_or_both(langs: &[Lang]) -> Vec<Lang> {
    if langs.is_empty() {
        Lang::ALL.to_vec()
    } else {
        Lang::ALL.into_iter().filter(|l| langs.contains(l)).collect()
    }
}

impl SelfCheckDraft {
    /// A new, empty self-check with four ideas of 25 each.
    pub fn new(langs: Vec<Lang>) -> SelfCheckDraft {
        SelfCheckDraft {
            lecture: 1,
            langs,
            title: Text::default(),
            case: Text::default(),
            question: Text::default(),
            model_answer: Text::default(),
            ideas: (0..4)
                .map(|_| IdeaDraft {
                    weight: "25".into(),
                    ..IdeaDraft::default()
                })
                .collect(),
            ..SelfCheckDraft::default()
        }
    }

    /// A draft of an existing self-check (a course one to start from, or
    /// one of the trainer's own to edit).
    pub fn of(sc: &SelfCheck) -> SelfCheckDraft {
        SelfCheckDraft {
            id: sc.id.clone(),
            lecture: sc.lecture,
            langs: sc.title.langs(),
            title: sc.title.clone(),
            case: sc.case.clone(),
            question: sc.question.clone(),
            model_answer: sc.model_answer.clone(),
            ideas: sc
                .ideas
                .iter()
                .map(|i| IdeaDraft {
                    id: i.id.clone(),
                    weight: i.weight.to_string(),
                    label: i.label.clone(),
                    hint: i.hint.clone(),
                    section: i.section.clone(),
                    phrasings: Text {
                        zh: i.phrasings.zh.join("\n"),
                        en: i.phrasings.en.join("\n"),
                    },
                })
                .collect(),
            followup: sc.followup.clone(),
        }
    }

    /// The self-check, or what in the form stops it being one.
    pub fn item(&self) -> Result<Item, Vec<Problem>> {
        let langs = langs_or_both(&self.langs);
        let mut bad = Vec::new();
        let lines = |s: &str| -> Vec<String> {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let ideas = self
            .ideas
            .iter()
            .map(|i| {
                let weight = i.weight.trim().parse::<u32>().unwrap_or_else(|_| {
                    bad.push(problem(format!("idea {} weight", i.id), "not a whole number"));
                    0
                });
                let p = only(&i.phrasings, &langs);
                Idea {
                    id: i.id.trim().to_owned(),
                    weight,
                    label: only(&i.label, &langs),
                    hint: only(&i.hint, &langs),
                    section: only(&i.section, &langs),
                    phrasings: Phrasings {
                        zh: lines(&p.zh),
                        en: lines(&p.en),
                    },
                }
            })
            .collect();
        if !bad.is_empty() {
            return Err(bad);
        }
        Ok(Item::SelfCheck(SelfCheck {
            id: self.id.trim().to_owned(),
            lecture: self.lecture,
            title: only(&self.title, &langs),
            case: only(&self.case, &langs),
            question: only(&self.question, &langs),
            model_answer: only(&self.model_answer, &langs),
            ideas,
            followup: self.followup.clone(),
        }))
    }
}

impl ScenarioDraft {
    /// A new scenario: an opening node whose three replies end it.
    pub fn new(langs: Vec<Lang>) -> ScenarioDraft {
        ScenarioDraft {
            langs,
            title: Text::default(),
            setting: Text::default(),
            customer: Text::default(),
            severity: "0.5".into(),
            start: "open".into(),
            nodes: vec![NodeDraft::new("open")],
            ..ScenarioDraft::default()
        }
    }

    pub fn of(s: &Scenario) -> ScenarioDraft {
        // The start node first, the others in file order.
        let mut nodes: Vec<NodeDraft> = s
            .nodes
            .iter()
            .map(|(id, n)| NodeDraft {
                id: id.clone(),
                customer: n.customer.clone(),
                replies: n
                    .replies
                    .iter()
                    .map(|r| ReplyDraft {
                        text: r.text.clone(),
                        tags: r.tags.iter().map(Tag::key).collect(),
                        minutes: r.minutes.to_string(),
                        next: r.next.clone().unwrap_or_default(),
                        note: r.note.clone(),
                    })
                    .collect(),
            })
            .collect();
        if let Some(at) = nodes.iter().position(|n| n.id == s.start) {
            let start = nodes.remove(at);
            nodes.insert(0, start);
        }
        ScenarioDraft {
            id: s.id.clone(),
            langs: s.title.langs(),
            title: s.title.clone(),
            setting: s.setting.clone(),
            customer: s.customer.clone(),
            severity: crate::support::format::shortest(s.severity),
            start: s.start.clone(),
            nodes,
        }
    }

    /// The scenario, or what in the form stops it being one.
    pub fn item(&self) -> Result<Item, Vec<Problem>> {
        let langs = langs_or_both(&self.langs);
        let mut bad = Vec::new();
        let severity = self.severity.trim().parse::<f64>().unwrap_or_else(|_| {
            bad.push(problem("severity".into(), "not a number"));
            0.0
        });
        let mut nodes = BTreeMap::new();
        for n in &self.nodes {
            let id = n.id.trim().to_owned();
            let replies = n
                .replies
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let at = format!("node {id} reply {i}");
                    let minutes = r.minutes.trim().parse::<u32>().unwrap_or_else(|_| {
                        bad.push(problem(at.clone(), "minutes: not a whole number"));
                        0
                    });
                    let tags = r
                        .tags
                        .iter()
                        .filter_map(|t| {
                            Tag::parse(t)
                                .map_err(|e| bad.push(problem(at.clone(), &e.to_string())))
                                .ok()
                        })
                        .collect();
                    let next = r.next.trim();
                    Reply {
                        text: only(&r.text, &langs),
                        tags,
                        minutes,
                        next: (!next.is_empty()).then(|| next.to_owned()),
                        note: only(&r.note, &langs),
                    }
                })
                .collect();
            let node = Node {
                customer: only(&n.customer, &langs),
                replies,
            };
            if nodes.insert(id.clone(), node).is_some() {
                bad.push(problem(format!("node {id}"), "two nodes have this id"));
            }
        }
        if !bad.is_empty() {
            return Err(bad);
        }
        Ok(Item::Scenario(Scenario {
            id: self.id.trim().to_owned(),
            title: only(&self.title, &langs),
            setting: only(&self.setting, &langs),
            customer: only(&self.customer, &langs),
            severity,
            start: self.start.trim().to_owned(),
            nodes,
        }))
    }
}

impl NodeDraft {
    /// A node with three replies that end the conversation.
    pub fn new(id: &str) -> NodeDraft {
        NodeDraft {
            id: id.to_owned(),
            customer: Text::default(),
            replies: (0..3).map(|_| ReplyDraft::new()).collect(),
        }
    }
}

impl ReplyDraft {
    pub fn new() -> ReplyDraft {
        ReplyDraft {
            minutes: "1".into(),
            ..ReplyDraft::default()
        }
    }
}

impl Draft {
    /// The content item, or every problem: the form's first, else the
    /// item's own (an empty list means it is ready).
    pub fn check(&self) -> Result<Item, Vec<Problem>> {
        let (item, langs) = match self {
            Draft::SelfCheck(d) => (d.item()?, langs_or_both(&d.langs)),
            Draft::Scenario(d) => (d.item()?, langs_or_both(&d.langs)),
        };
        match item.problems_in(&langs) {
            p if p.is_empty() => Ok(item),
            p => Err(p),
        }
    }

    pub fn of(item: &Item) -> Draft {
        match item {
            Item::SelfCheck(s) => Draft::SelfCheck(SelfCheckDraft::of(s)),
            Item::Scenario(s) => Draft::Scenario(ScenarioDraft::of(s)),
        }
    }
}
