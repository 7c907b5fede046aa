//! The last stage of the scorer: the whole answer read and every idea
//! credited. Each idea earns its best phrasing plus [`SECOND`] of the next
//! best (a weak phrasing and another weak one add up), at most 1; an idea
//! only contradicted earns nothing, costs [`REVERSAL_PENALTY`] of its weight
//! and is flagged. Score = Σ weight × credit, 0–100, capped for a bare
//! keyword list.

use super::clauses::split_clauses;
use super::copying::copied;
use super::cues::find_cues;
use super::keyword_list::is_keyword_list;
use super::matching::Reader;
use super::polarity::Verdict;
use super::{
    Flag, IdeaResult, Scored, COPY_FLAG_AT, COPY_MASK_AT, FOUND_AT, KEYWORD_CAP, MAX_CHARS, REVERSAL_PENALTY, SECOND,
};
use crate::course::phrasing::Pattern;
use crate::course::selfcheck::SelfCheck;
use crate::support::normalize::{is_cjk, is_word, Norm};
use std::collections::HashMap;

/// Scores one answer against one self-check. Never panics; the same input
/// always gives the same result.
pub fn score(exercise: &SelfCheck, answer: &str) -> Scored {
    let mut flags = Vec::new();
    let answer = match answer.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => {
            flags.push(Flag::Truncated);
            &answer[..cut]
        }
        None => answer,
    };
    let norm = Norm::new(answer);
    let empty_result = |flags: Vec<Flag>| Scored {
        score: 0,
        ideas: exercise
            .ideas
            .iter()
            .map(|i| IdeaResult {
                id: i.id.clone(),
                found: false,
                credit: 0.0,
                evidence: None,
            })
            .collect(),
        flags,
    };
    if !norm.text.chars().any(|c| is_word(c) || is_cjk(c)) {
        flags.push(Flag::Empty);
        return empty_result(flags);
    }

    let (share, ranges) = copied(
        &norm.text,
        &[
            &exercise.case.zh,
            &exercise.case.en,
            &exercise.question.zh,
            &exercise.question.en,
        ],
    );
    if share >= COPY_FLAG_AT {
        flags.push(Flag::Copied);
    }
    let mut reader = Reader {
        text: &norm.text,
        clauses: split_clauses(&norm.text),
        cues: find_cues(&norm.text),
        masked: if share >= COPY_MASK_AT { ranges } else { Vec::new() },
        occurrences: HashMap::new(),
    };

    let mut total = 0.0;
    let mut ideas = Vec::with_capacity(exercise.ideas.len());
    for idea in &exercise.ideas {
        // Best verdict of each phrasing: (credit, unjudged, clause).
        let mut credits: Vec<(f64, bool, usize)> = Vec::new();
        let mut reversed = false;
        for raw in idea.phrasings.all() {
            let Ok(p) = Pattern::parse(raw) else { continue };
            let mut best: Option<(f64, bool, usize)> = None;
            for (k, spans) in reader.matches(&p) {
                match reader.verdict(&p, k, &spans) {
                    Verdict::Reversed => reversed = true,
                    Verdict::Credit(v, unjudged) => {
                        if best.is_none_or(|b| v > b.0) {
                            best = Some((v, unjudged, k));
                        }
                    }
                }
            }
            credits.extend(best);
        }
        let judged = credits.iter().any(|&(_, unjudged, _)| !unjudged);
        let mut credit = 0.0;
        let mut evidence = None;
        if judged || !reversed {
            crate::support::sort::by(&mut credits, |a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)).is_lt());
            if let Some(&(v, _, k)) = credits.first() {
                credit = (v + SECOND * credits.get(1).map_or(0.0, |c| c.0)).min(1.0);
                evidence = reader.evidence(&norm, answer, k);
            }
        } else {
            flags.push(Flag::Negated(idea.id.clone()));
            total -= REVERSAL_PENALTY * f64::from(idea.weight);
        }
        total += credit * f64::from(idea.weight);
        ideas.push(IdeaResult {
            id: idea.id.clone(),
            found: credit >= FOUND_AT,
            credit,
            evidence,
        });
    }

    let mut score = total.clamp(0.0, 100.0).round() as u8;
    if is_keyword_list(&norm.text) {
        flags.push(Flag::KeywordList);
        score = score.min(KEYWORD_CAP);
    }
    Scored { score, ideas, flags }
}
