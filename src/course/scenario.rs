//! Role-play scenarios: a complaining customer, and at every turn three or
//! four replies the trainee can pick, scored by the emotion-line rules
//! ([`crate::models::emotion_line::Session`]).
//!
//! From lectures 7–8 (seed 000; COURSE.md): the six recovery steps (图4-4),
//! the rational platform (图5-1), the ten improper ways to handle a
//! complaint and the forbidden phrases (lecture 6, seed 004). Each scenario
//! is one file `content/scenarios/<id>.json` (id = file stem, kebab-case),
//! loaded on demand by the screen and read from disk by the native tests:
//!
//! ```json
//! { "id": "coffee-gift", "title": {"zh": "…", "en": "…"},
//!   "setting": {…}, "customer": {…}, "severity": 0.6, "start": "open",
//!   "nodes": { "open": { "customer": {…}, "replies": [
//!     { "text": {…}, "tags": ["feel"], "minutes": 2, "next": "sorry",
//!       "note": {…} } ] } } }
//! ```
//!
//! `customer` in a node is what the customer says now; a reply's `text` is
//! the clerk's words, its `tags` what it does (a step key, `improper:<key>`,
//! `forbidden:<key>` or `near-miss`; see [`Tag`]), `minutes` how long it
//! takes, `next` the following node or `null` (the conversation ends) and
//! `note` the debrief shown afterwards. Unknown fields and unknown tags are
//! parse errors.
//!
//! [`validate`] checks what serde cannot: texts in both languages, ids,
//! 3–4 replies a node, at least one tag a reply, the start and every `next`
//! resolve, every node is reachable, no cycles (so every path ends, within
//! as many turns as there are nodes), the best path — greedy by the model,
//! [`best_path`] — ends above the customer's starting emotion, and the worst
//! ([`worst_path`], greedy the other way) ends at the bottom.
//!
//! Pure module: no yew, no web-sys. Bad content is an error, never a panic.

use crate::models::emotion_line::{check_severity, ParamError, Session, Tag};
use crate::support::format::fixed;
use crate::support::i18n::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Replies a node must offer.
pub const MIN_REPLIES: usize = 3;
pub const MAX_REPLIES: usize = 4;
/// Longest a single reply may take, in minutes.
pub const MAX_MINUTES: u32 = 240;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub title: Text,
    /// The situation, 2–3 sentences.
    pub setting: Text,
    /// Who the customer is.
    pub customer: Text,
    /// How bad the failure was (0.05–1): sets the starting emotion and the
    /// repurchase figures.
    pub severity: f64,
    /// The first node.
    pub start: String,
    pub nodes: BTreeMap<String, Node>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// What the customer says now.
    pub customer: Text,
    pub replies: Vec<Reply>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    /// The clerk's words.
    pub text: Text,
    pub tags: Vec<Tag>,
    pub minutes: u32,
    /// The following node; `None` ends the conversation.
    pub next: Option<String>,
    /// Debrief: which step or mistake this was, and why.
    pub note: Text,
}

pub fn parse(json: &str) -> Result<Scenario, serde_json::Error> {
    serde_json::from_str(json)
}

/// Kebab-case: lowercase ASCII letters and digits in words joined by `-`.
pub fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Everything wrong with a scenario, as readable messages (empty: valid).
pub fn validate(s: &Scenario) -> Vec<String> {
    validate_in(s, &Lang::ALL)
}

/// [`validate`] for a scenario written in `langs` only (a trainer's own
/// may be in one language): texts must be there in each of them.
pub fn validate_in(s: &Scenario, langs: &[Lang]) -> Vec<String> {
    let mut errors = Vec::new();
    let mut text = |what: &str, t: &Text| {
        for lang in langs {
            if t.get_exact(*lang).trim().is_empty() {
                errors.push(format!("{what}: empty {}", lang.code()));
            }
        }
    };
    text("title", &s.title);
    text("setting", &s.setting);
    text("customer", &s.customer);
    for (id, node) in &s.nodes {
        text(&format!("node {id}: customer"), &node.customer);
        for (i, r) in node.replies.iter().enumerate() {
            text(&format!("node {id} reply {i}: text"), &r.text);
            text(&format!("node {id} reply {i}: note"), &r.note);
        }
    }
    if !is_kebab(&s.id) {
        errors.push(format!("id {:?} is not kebab-case", s.id));
    }
    if let Err(e) = check_severity(s.severity) {
        errors.push(format!("severity: {e}"));
    }
    if !s.nodes.contains_key(&s.start) {
        errors.push(format!("start node {:?} does not exist", s.start));
    }
    for (id, node) in &s.nodes {
        if !is_kebab(id) {
            errors.push(format!("node id {id:?} is not kebab-case"));
        }
        let n = node.replies.len();
        if !(MIN_REPLIES..=MAX_REPLIES).contains(&n) {
            errors.push(format!("node {id}: {n} replies, needs {MIN_REPLIES}–{MAX_REPLIES}"));
        }
        for (i, r) in node.replies.iter().enumerate() {
            if r.tags.is_empty() {
                errors.push(format!("node {id} reply {i}: no tag"));
            }
            if r.minutes > MAX_MINUTES {
                errors.push(format!(
                    "node {id} reply {i}: {} minutes, at most {MAX_MINUTES}",
                    r.minutes
                ));
            }
            if let Some(next) = &r.next {
                if !s.nodes.contains_key(next) {
                    errors.push(format!("node {id} reply {i}: next node {next:?} does not exist"));
                }
            }
        }
    }
    if s.nodes.contains_key(&s.start) {
        let reachable = reachable(s);
        for id in s.nodes.keys() {
            if !reachable.contains(id.as_str()) {
                errors.push(format!("node {id} is unreachable from the start"));
            }
        }
        if let Some(cycle) = find_cycle(s) {
            errors.push(format!("cycle through node {cycle}: a path never ends"));
        }
    }
    if errors.is_empty() {
        match (
            play(s, &best_path(s)).map(|(session, _)| session),
            play(s, &worst_path(s)).map(|(session, _)| session),
        ) {
            (Ok(best), Ok(worst)) => {
                if best.emotion() <= best.start() {
                    errors.push(format!(
                        "best path ends at {}, not above the start {}",
                        fixed(best.emotion(), 1),
                        fixed(best.start(), 1)
                    ));
                }
                if !worst.lost() {
                    errors.push(format!(
                        "worst path ends at {}, not at the bottom",
                        fixed(worst.emotion(), 1)
                    ));
                }
            }
            (Err(e), _) | (_, Err(e)) => errors.push(format!("cannot play: {e}")),
        }
    }
    errors
}

fn reachable(s: &Scenario) -> BTreeSet<&str> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![s.start.as_str()];
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        if let Some(node) = s.nodes.get(id) {
            todo.extend(node.replies.iter().filter_map(|r| r.next.as_deref()));
        }
    }
    seen
}

/// A node on a cycle, if any (depth-first search, iterative).
fn find_cycle(s: &Scenario) -> Option<String> {
    // 0 unvisited, 1 on the current path, 2 finished.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    for root in s.nodes.keys() {
        if state.contains_key(root.as_str()) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(root.as_str(), 0)];
        state.insert(root.as_str(), 1);
        while let Some((id, i)) = stack.pop() {
            let nexts: Vec<&str> = s
                .nodes
                .get(id)
                .map(|n| n.replies.iter().filter_map(|r| r.next.as_deref()).collect())
                .unwrap_or_default();
            if let Some(&next) = nexts.get(i) {
                stack.push((id, i + 1));
                match state.get(next) {
                    Some(1) => return Some(next.to_owned()),
                    Some(_) => {}
                    None if s.nodes.contains_key(next) => {
                        state.insert(next, 1);
                        stack.push((next, 0));
                    }
                    None => {}
                }
            } else {
                state.insert(id, 2);
            }
        }
    }
    None
}

/// Why a list of choices cannot be played.
#[derive(Clone, Debug, PartialEq)]
pub enum PlayError {
    Severity(ParamError),
    /// The node does not exist (a bad `start` or `next`).
    NoNode(String),
    /// The node has no reply with this index.
    NoReply {
        node: String,
        index: usize,
    },
    /// More choices than the conversation has turns.
    PastEnd {
        turn: usize,
    },
}

impl fmt::Display for PlayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlayError::Severity(e) => write!(f, "{e}"),
            PlayError::NoNode(id) => write!(f, "no node {id:?}"),
            PlayError::NoReply { node, index } => write!(f, "node {node:?} has no reply {index}"),
            PlayError::PastEnd { turn } => write!(f, "choice {turn} comes after the conversation ended"),
        }
    }
}

impl std::error::Error for PlayError {}

/// One reply played.
#[derive(Clone, Debug, PartialEq)]
pub struct Turn {
    /// The node the customer spoke in.
    pub node: String,
    /// The reply chosen.
    pub reply: usize,
    pub emotion_before: f64,
    pub emotion_after: f64,
    /// Minutes elapsed after the reply.
    pub elapsed: u32,
    /// The next node, `None` when the conversation has ended.
    pub next: Option<String>,
}

/// Plays the choices (reply indices, from the start) through the model.
/// A prefix is fine: the last turn's `next` is where the conversation
/// stands (no turn: at the start).
pub fn play(s: &Scenario, choices: &[usize]) -> Result<(Session, Vec<Turn>), PlayError> {
    let mut session = Session::new(s.severity).map_err(PlayError::Severity)?;
    let mut turns = Vec::with_capacity(choices.len());
    let mut at = Some(s.start.clone());
    for (turn, &index) in choices.iter().enumerate() {
        let id = at.ok_or(PlayError::PastEnd { turn })?;
        let node = s.nodes.get(&id).ok_or_else(|| PlayError::NoNode(id.clone()))?;
        let reply = node.replies.get(index).ok_or_else(|| PlayError::NoReply {
            node: id.clone(),
            index,
        })?;
        let before = session.emotion();
        session.respond(&reply.tags, reply.minutes);
        at = reply.next.clone();
        turns.push(Turn {
            node: id,
            reply: index,
            emotion_before: before,
            emotion_after: session.emotion(),
            elapsed: session.elapsed(),
            next: at.clone(),
        });
    }
    Ok((session, turns))
}

/// Follows, from the start, the reply that leaves the customer highest
/// (`best`) or lowest, first reply on ties; stops at an end, at a missing
/// node, or after as many turns as there are nodes.
fn greedy(s: &Scenario, best: bool) -> Vec<usize> {
    let mut choices = Vec::new();
    let Ok(mut session) = Session::new(s.severity) else {
        return choices;
    };
    let mut at = Some(s.start.as_str());
    while let Some(node) = at.and_then(|id| s.nodes.get(id)) {
        if choices.len() >= s.nodes.len() {
            break;
        }
        let mut pick: Option<(usize, Session)> = None;
        for (i, r) in node.replies.iter().enumerate() {
            let mut trial = session.clone();
            trial.respond(&r.tags, r.minutes);
            let better = match &pick {
                None => true,
                Some((_, p)) if best => trial.emotion() > p.emotion(),
                Some((_, p)) => trial.emotion() < p.emotion(),
            };
            if better {
                pick = Some((i, trial));
            }
        }
        let Some((i, next_session)) = pick else {
            break;
        };
        choices.push(i);
        session = next_session;
        at = node.replies[i].next.as_deref();
    }
    choices
}

/// The best path: at every turn the reply the model scores highest.
pub fn best_path(s: &Scenario) -> Vec<usize> {
    greedy(s, true)
}

/// The worst path: at every turn the reply the model scores lowest.
pub fn worst_path(s: &Scenario) -> Vec<usize> {
    greedy(s, false)
}

/// At most this many paths are listed by [`all_paths`].
pub const MAX_PATHS: usize = 100_000;

/// Every complete path from the start (reply indices, at most
/// [`MAX_PATHS`]), for tests and statistics; empty if the scenario has a
/// cycle or a missing node.
pub fn all_paths(s: &Scenario) -> Vec<Vec<usize>> {
    if find_cycle(s).is_some() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut stack: Vec<(Option<&str>, Vec<usize>)> = vec![(Some(s.start.as_str()), Vec::new())];
    while let Some((at, path)) = stack.pop() {
        if out.len() >= MAX_PATHS {
            break;
        }
        let Some(id) = at else {
            out.push(path);
            continue;
        };
        let Some(node) = s.nodes.get(id) else {
            return Vec::new();
        };
        for (i, r) in node.replies.iter().enumerate().rev() {
            let mut p = path.clone();
            p.push(i);
            stack.push((r.next.as_deref(), p));
        }
    }
    out
}
