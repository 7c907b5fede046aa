//! Stage 5 of the scorer: negation and reversal. A match reads for or
//! against its idea by the parity of the cue words ([`super::cues`]) in its
//! clause outside the matched words, by the kind of phrasing (practice,
//! effect, fault, topic: see [`crate::course::phrasing`]) and by two
//! contexts: "X不是A，而是B" / "X is not A, it is B" does not deny X, and a
//! fault left unjudged in its clause takes the judgement of a label (不足之处：…)
//! or of a following clause that points back (…，这是错误的).

use super::clauses::{Clause, Heading};
use super::cues::Cue;
use super::matching::Reader;
use super::{UNJUDGED, WEAK};
use crate::course::phrasing::{Kind, Pattern};

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Verdict {
    /// Credit, and whether the fault was only named (unjudged).
    Credit(f64, bool),
    Reversed,
}

impl Reader<'_> {
    /// Counts of (deny, warn, condemn, approve, condemn after the matched
    /// words) cues in a clause, leaving out cues inside the matched words.
    fn polarity(&self, c: &Clause, spans: &[(usize, usize)]) -> (usize, usize, usize, usize, usize) {
        let first = self.cues.partition_point(|&(a, _, _)| a < c.start);
        let last_end = spans.iter().map(|&(_, b)| b).max().unwrap_or(c.start);
        let mut n = (0, 0, 0, 0, 0);
        for &(a, b, cue) in self.cues[first..].iter().take_while(|&&(a, _, _)| a < c.end) {
            if spans.iter().any(|&(x, y)| x <= a && b <= y) {
                continue;
            }
            match cue {
                Cue::Deny => n.0 += 1,
                Cue::Warn => n.1 += 1,
                Cue::Condemn => {
                    n.2 += 1;
                    if a >= last_end {
                        n.4 += 1;
                    }
                }
                Cue::Approve => n.3 += 1,
                Cue::Inert => {}
            }
        }
        n
    }

    /// How a match reads in its clause.
    pub(super) fn verdict(&self, p: &Pattern, k: usize, spans: &[(usize, usize)]) -> Verdict {
        let c = &self.clauses[k];
        let base = if p.weak { WEAK } else { 1.0 };
        let (mut deny, warn, condemn, approve, condemn_after) = self.polarity(c, spans);
        if self.contrast_after(k, spans) {
            // "X is not A, it is B" / "X不是A，而是B": the "not" belongs to A.
            deny -= 1;
        }
        let against = deny + warn + condemn;
        match p.kind {
            Kind::Topic => Verdict::Credit(base, false),
            // A practice judged after it is named ("给别的方案反而显得不专业")
            // or negated ("没必要私下沟通") is reversed; a condemnation before
            // it is about something else, and a condemning label makes a
            // negated practice a criticism of its absence ("不足：没有私下沟通").
            Kind::Practice if c.heading == Heading::Condemn && (deny + warn) % 2 == 1 => Verdict::Credit(base, false),
            Kind::Practice if (deny + warn + condemn_after) % 2 == 1 => Verdict::Reversed,
            Kind::Practice => Verdict::Credit(base, false),
            Kind::Effect if deny % 2 == 1 => Verdict::Reversed,
            Kind::Effect => Verdict::Credit(base, false),
            Kind::Fault if against % 2 == 1 => Verdict::Credit(base, false),
            Kind::Fault if approve > 0 => Verdict::Reversed,
            Kind::Fault => {
                if c.heading == Heading::Condemn {
                    return Verdict::Credit(base, false);
                }
                // A following clause that points back: "…，这是错误的".
                if let Some(next) = self.clauses.get(k + 1).filter(|n| n.sentence == c.sentence) {
                    let t = &self.text[next.start..next.end];
                    let back = [
                        "这", "那", "此", "是", "都是", "实在", "真是", "that", "this", "which", "it ", "is ", "was ",
                    ]
                    .iter()
                    .any(|w| t.trim_start().starts_with(w));
                    if back {
                        let (d, w, cn, ap, _) = self.polarity(next, &[]);
                        if (d + w + cn) % 2 == 1 {
                            return Verdict::Credit(base, false);
                        }
                        if ap > 0 {
                            return Verdict::Reversed;
                        }
                    }
                }
                Verdict::Credit(base * UNJUDGED, true)
            }
        }
    }

    /// Whether the clause's one copular "not" comes after the matched words
    /// and the next clause of the sentence takes up the contrast.
    fn contrast_after(&self, k: usize, spans: &[(usize, usize)]) -> bool {
        let c = &self.clauses[k];
        let end = spans.iter().map(|&(_, b)| b).max().unwrap_or(c.start);
        let first = self.cues.partition_point(|&(a, _, _)| a < c.start);
        let denials: Vec<&(usize, usize, Cue)> = self.cues[first..]
            .iter()
            .take_while(|&&(a, _, _)| a < c.end)
            .filter(|&&(_, _, cue)| cue == Cue::Deny)
            .collect();
        let [&(a, b, _)] = denials.as_slice() else { return false };
        let word = &self.text[a..b];
        let copular = match word {
            "不" => self.text[b..].starts_with('是'),
            "并非" | "非" => true,
            "not" => {
                let before = self.text[c.start..a].trim_end();
                ["is", "are", "was", "were"].iter().any(|w| before.ends_with(w))
            }
            _ => false,
        };
        if a < end || !copular {
            return false;
        }
        self.clauses
            .get(k + 1)
            .filter(|n| n.sentence == c.sentence)
            .is_some_and(|n| {
                let t = self.text[n.start..n.end].trim_start();
                ["而是", "是", "而", "it is", "its", "it s", "but", "rather"]
                    .iter()
                    .any(|w| t.starts_with(w))
            })
    }
}
