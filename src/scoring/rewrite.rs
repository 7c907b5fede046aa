//! The local scorer of a *say it positively* rewrite (lecture 6, 图3-2; seed
//! 004's five forbidden phrases; the drill format in
//! [`crate::course::drill::rewrite`]). A rewrite is judged on three checks,
//! with the self-check scorer's own stages (normal form, clauses, cues,
//! matching, polarity):
//!
//! - **dropped** ([`DROPPED`] points): no `forbidden` pattern of the item
//!   matches anywhere, whatever the polarity ("我不知道，但…" still says it);
//! - **meaning** ([`MEANING`] points): at least one `meaning` pattern
//!   matches, whatever the polarity (the message may itself be a "no");
//! - **offer** ([`OFFER`] points): a drill-wide or item `offer` pattern
//!   matches and is not negated in its clause ("我没法帮您", "I can't help"
//!   do not count; "我不能…，但是我可以…" does, in its second clause).
//!
//! Both languages' patterns always apply, so an English rewrite of a Chinese
//! prompt scores normally. An empty answer, one under [`MIN_TOKENS`] tokens
//! or the prompt copied back ([`COPIED_AT`]) scores 0 with its [`Flag`].
//! Only the first [`MAX_CHARS`] characters are read. Deterministic, never
//! panics, linear in the answer.

use super::clauses::split_clauses;
use super::cues::find_cues;
use super::matching::Reader;
use super::polarity::Verdict;
use crate::course::drill::rewrite::{Item, RewriteDrill};
use crate::course::drill::{self, Drill};
use crate::course::phrasing::Pattern;
use crate::support::normalize::{is_cjk, is_word, normalize, Norm};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Points for dropping the forbidden form.
pub const DROPPED: u8 = 40;
/// Points for keeping the message.
pub const MEANING: u8 = 30;
/// Points for saying what can be done.
pub const OFFER: u8 = 30;
/// Fewest tokens (a Chinese character or a Latin word) of a rewrite.
pub const MIN_TOKENS: usize = 3;
/// Characters read: a rewrite is a sentence or two (the shipped models
/// are under 200), and this keeps the slowest answer well under a
/// millisecond.
pub const MAX_CHARS: usize = 400;
/// Share of the answer's tokens in three-token runs of the prompt from which
/// the answer counts as the prompt copied back.
pub const COPIED_AT: f64 = 0.8;

/// One of the three checks of a rewrite.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    /// `"dropped"`, `"meaning"` or `"offer"`.
    pub id: &'static str,
    pub passed: bool,
    /// Offer only: an offer was made but negated ("I can't help").
    pub negated: bool,
    /// The clause (the trainee's own words) that decided the check: the
    /// forbidden form kept, the message kept, the offer made or negated.
    pub evidence: Option<String>,
}

/// Why a rewrite scored 0 whatever its checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    Empty,
    TooShort,
    Copied,
}

/// A scored rewrite: 0–100, the three checks, and a flag if any.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rewritten {
    pub score: u8,
    /// Always three, in the order dropped, meaning, offer.
    pub checks: Vec<Check>,
    pub flag: Option<Flag>,
    /// Longer than [`MAX_CHARS`]: the rest was not read.
    pub truncated: bool,
}

impl Rewritten {
    pub fn passed(&self, id: &str) -> bool {
        self.checks.iter().any(|c| c.id == id && c.passed)
    }
}

/// Scores one rewrite of `item` (an item of `drill`, whose offer patterns
/// apply too).
pub fn score(drill: &RewriteDrill, item: &Item, answer: &str) -> Rewritten {
    let (answer, truncated) = match answer.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => (&answer[..cut], true),
        None => (answer, false),
    };
    let norm = Norm::new(answer);
    let toks = tokens(&norm.text);
    let fail = |id| Check {
        id,
        passed: false,
        negated: false,
        evidence: None,
    };
    if toks.is_empty() {
        return Rewritten {
            score: 0,
            checks: vec![fail("dropped"), fail("meaning"), fail("offer")],
            flag: Some(Flag::Empty),
            truncated,
        };
    }
    let mut reader = Reader {
        text: &norm.text,
        clauses: split_clauses(&norm.text),
        cues: find_cues(&norm.text),
        masked: Vec::new(),
        occurrences: HashMap::new(),
    };

    // Dropped: the first clause holding a forbidden form, if any.
    let kept = first_match(&mut reader, item.forbidden.all());
    let dropped = Check {
        id: "dropped",
        passed: kept.is_none(),
        negated: false,
        evidence: kept.and_then(|k| reader.evidence(&norm, answer, k)),
    };
    let said = first_match(&mut reader, item.meaning.all());
    let meaning = Check {
        id: "meaning",
        passed: said.is_some(),
        negated: false,
        evidence: said.and_then(|k| reader.evidence(&norm, answer, k)),
    };
    // Offer: the first match read as it stands; else the first negated.
    let (mut made, mut negated) = (None, None);
    let offers = item.offer.iter().flat_map(|o| o.all()).chain(drill.offer.all());
    'offers: for raw in offers {
        let Some(p) = pattern(raw) else { continue };
        for (k, spans) in reader.matches(&p) {
            match reader.verdict(&p, k, &spans) {
                Verdict::Credit(..) => {
                    made = Some(k);
                    break 'offers;
                }
                Verdict::Reversed => {
                    negated.get_or_insert(k);
                }
            }
        }
    }
    let offer = Check {
        id: "offer",
        passed: made.is_some(),
        negated: made.is_none() && negated.is_some(),
        evidence: made.or(negated).and_then(|k| reader.evidence(&norm, answer, k)),
    };

    let flag = if toks.len() < MIN_TOKENS {
        Some(Flag::TooShort)
    } else if copied(&toks, item) {
        Some(Flag::Copied)
    } else {
        None
    };
    let points = [(&dropped, DROPPED), (&meaning, MEANING), (&offer, OFFER)]
        .iter()
        .filter(|(c, _)| c.passed)
        .map(|(_, w)| *w)
        .sum::<u8>();
    Rewritten {
        score: if flag.is_some() { 0 } else { points },
        checks: vec![dropped, meaning, offer],
        flag,
        truncated,
    }
}

/// The first clause where any of the patterns matches.
fn first_match<'a>(reader: &mut Reader<'_>, patterns: impl Iterator<Item = &'a str>) -> Option<usize> {
    let mut first: Option<usize> = None;
    for raw in patterns {
        let Some(p) = pattern(raw) else { continue };
        if let Some(&(k, _)) = reader.matches(&p).first() {
            first = Some(first.map_or(k, |f| f.min(k)));
        }
    }
    first
}

/// Patterns kept parsed: at most this many (then the cache starts again).
const MAX_CACHED: usize = 4096;

thread_local! {
    static PARSED: RefCell<HashMap<String, Option<Rc<Pattern>>>> = RefCell::new(HashMap::new());
}

/// A pattern parsed once and kept: a drill's few hundred patterns are read
/// for every answer, and parsing checks each word's normal form.
fn pattern(raw: &str) -> Option<Rc<Pattern>> {
    PARSED.with(|cache| {
        if let Some(p) = cache.borrow().get(raw) {
            return p.clone();
        }
        let p = Pattern::parse(raw).ok().map(Rc::new);
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_CACHED {
            cache.clear();
        }
        cache.insert(raw.to_owned(), p.clone());
        p
    })
}

/// Tokens of a normalised text: each Chinese character, each Latin word.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut word: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word(c) {
            word.get_or_insert(i);
            continue;
        }
        if let Some(s) = word.take() {
            out.push(&text[s..i]);
        }
        if is_cjk(c) {
            out.push(&text[i..i + c.len_utf8()]);
        }
    }
    if let Some(s) = word {
        out.push(&text[s..]);
    }
    out
}

/// Whether the answer is mostly the prompt (either language) copied back:
/// the whole prompt, or runs of three of its tokens covering [`COPIED_AT`].
fn copied(toks: &[&str], item: &Item) -> bool {
    let squeeze = |ts: &[&str]| ts.concat();
    let mine = squeeze(toks);
    for prompt in [&item.prompt.zh, &item.prompt.en] {
        let n = normalize(prompt);
        let theirs = tokens(&n);
        if theirs.is_empty() {
            continue;
        }
        if squeeze(&theirs) == mine {
            return true;
        }
        let runs: HashSet<&[&str]> = theirs.windows(3).collect();
        let mut hit = vec![false; toks.len()];
        for (k, w) in toks.windows(3).enumerate() {
            if runs.contains(w) {
                hit[k..k + 3].iter_mut().for_each(|h| *h = true);
            }
        }
        let share = hit.iter().filter(|&&h| h).count() as f64 / toks.len() as f64;
        if share >= COPIED_AT {
            return true;
        }
    }
    false
}

/// Every problem of a drill: [`drill::validate`], and for a rewrite drill
/// the scorer's own checks of each item in both languages: the `model`
/// scores full marks (all three checks, no flag) and the `prompt` fails
/// `dropped`.
pub fn validate_drill(d: &Drill) -> Vec<String> {
    let mut errors = drill::validate(d);
    if let Drill::Rewrite(r) = d {
        errors.extend(check_items(r));
    }
    errors
}

/// [`validate_drill`], plus: the id is the file's name.
pub fn validate_drill_file(file_id: &str, d: &Drill) -> Vec<String> {
    let mut errors = drill::validate_file(file_id, d);
    if let Drill::Rewrite(r) = d {
        errors.extend(check_items(r));
    }
    errors
}

fn check_items(d: &RewriteDrill) -> Vec<String> {
    let mut errors = Vec::new();
    for item in &d.items {
        let at = format!("drill {:?}: item {:?}", d.id, item.id);
        for (code, model, prompt) in [
            ("zh", &item.model.zh, &item.prompt.zh),
            ("en", &item.model.en, &item.prompt.en),
        ] {
            if !model.trim().is_empty() {
                let r = score(d, item, model);
                for c in r.checks.iter().filter(|c| !c.passed) {
                    let how = if c.negated { " (negated)" } else { "" };
                    errors.push(format!("{at}: {code} model fails check {:?}{how}", c.id));
                }
                if let Some(f) = r.flag {
                    errors.push(format!("{at}: {code} model is flagged {f:?}"));
                }
            }
            if !prompt.trim().is_empty() && score(d, item, prompt).passed("dropped") {
                errors.push(format!(
                    "{at}: {code} prompt matches no forbidden pattern (it must fail \"dropped\")"
                ));
            }
        }
    }
    errors
}
