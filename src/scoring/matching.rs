//! Stage 4 of the scorer: where a phrasing matches. Every part of a
//! [`Pattern`] must occur in one clause (any order), each word standing as a
//! word (a Latin word of five letters or more also as a stem), outside
//! masked copied text; a context word (`@`) must occur in the same or the
//! previous sentence. The [`Reader`] holds one answer's clauses and cues and
//! remembers where each word occurs; whether a match counts for or against
//! its idea is [`super::polarity`]'s question.

use super::clauses::Clause;
use super::cues::Cue;
use crate::course::phrasing::Pattern;
use crate::support::normalize::{stem_ok, word_fits, Norm};
use std::collections::{HashMap, HashSet};

/// One answer, read: its normal form, clauses, cues and copied stretches.
pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) clauses: Vec<Clause>,
    pub(super) cues: Vec<(usize, usize, Cue)>,
    pub(super) masked: Vec<(usize, usize)>,
    pub(super) occurrences: HashMap<String, Vec<(usize, usize)>>,
}

impl<'a> Reader<'a> {
    fn occurrences(&mut self, word: &str) -> &[(usize, usize)] {
        if !self.occurrences.contains_key(word) {
            let stem = stem_ok(word);
            let found: Vec<(usize, usize)> = self
                .text
                .match_indices(word)
                .map(|(a, w)| (a, a + w.len()))
                .filter(|&(a, b)| word_fits(self.text, a, b, stem))
                .filter(|&(a, b)| !self.masked.iter().any(|&(x, y)| a < y && x < b))
                .collect();
            self.occurrences.insert(word.to_owned(), found);
        }
        self.occurrences.get(word).map_or(&[], Vec::as_slice)
    }

    pub(super) fn clause_of(&self, at: usize) -> Option<usize> {
        let k = self.clauses.partition_point(|c| c.start <= at);
        let k = k.checked_sub(1)?;
        (at < self.clauses[k].end).then_some(k)
    }

    /// Every clause where the pattern matches, with the matched words.
    pub(super) fn matches(&mut self, p: &Pattern) -> Vec<(usize, Vec<(usize, usize)>)> {
        let mut per_part: Vec<Vec<(usize, usize)>> = Vec::with_capacity(p.parts.len());
        for part in &p.parts {
            let mut occ: Vec<(usize, usize)> = Vec::new();
            for w in part {
                occ.extend_from_slice(self.occurrences(w));
            }
            if occ.is_empty() {
                return Vec::new();
            }
            crate::support::sort::by(&mut occ, |a, b| a < b);
            per_part.push(occ);
        }
        let context: Vec<usize> = {
            let mut sentences = Vec::new();
            for w in &p.context {
                let occ = self.occurrences(w).to_vec();
                sentences.extend(
                    occ.iter()
                        .filter_map(|&(a, _)| self.clause_of(a))
                        .map(|k| self.clauses[k].sentence),
                );
            }
            sentences
        };
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for &(a, _) in &per_part[0] {
            let Some(k) = self.clause_of(a) else { continue };
            if !seen.insert(k) {
                continue;
            }
            let c = self.clauses[k];
            let mut spans = Vec::with_capacity(per_part.len());
            let all = per_part.iter().all(|occ| {
                let i = occ.partition_point(|&(x, _)| x < c.start);
                match occ.get(i) {
                    Some(&(x, y)) if y <= c.end => {
                        spans.push((x, y));
                        true
                    }
                    _ => false,
                }
            });
            if !all {
                continue;
            }
            if !p.context.is_empty() && !context.iter().any(|&s| s == c.sentence || s + 1 == c.sentence) {
                continue;
            }
            out.push((k, spans));
        }
        out
    }

    pub(super) fn evidence(&self, norm: &Norm, original: &str, k: usize) -> Option<String> {
        let c = self.clauses.get(k)?;
        let (a, b) = norm.original(c.start, c.end)?;
        let s = original.get(a..b)?.trim();
        const MAX: usize = 120;
        Some(if s.chars().count() > MAX {
            let mut t: String = s.chars().take(MAX).collect();
            t.push('…');
            t
        } else {
            s.to_owned()
        })
    }
}
