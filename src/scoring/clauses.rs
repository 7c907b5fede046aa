//! Stage 2 of the scorer: the normalised answer cut into clauses (at `，` `、`
//! `。` line breaks and at turning words: 但是, 而不是, 却, but, however,
//! instead, rather than …) and numbered by sentence. A label that judges
//! what follows it (不足之处：…, 缺点是…, Bad: …) is carried as the clause's
//! [`Heading`] until the sentence ends.

use crate::support::normalize::word_fits;

const TURNS: &[&str] = &[
    "但是",
    "但",
    "可是",
    "然而",
    "不过",
    "而是",
    "而不是",
    "却",
    "与其",
    "but",
    "however",
    "whereas",
    "instead",
    "rather than",
    "although",
    "though",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Heading {
    None,
    Condemn,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Clause {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) sentence: usize,
    pub(super) heading: Heading,
}

const HEAD_CONDEMN: &[&str] = &[
    "可惜",
    "遗憾",
    "不足",
    "缺点",
    "错误",
    "错在",
    "问题在于",
    "问题是",
    "失误",
    "弊端",
    "坏处",
    "毛病",
    "欠缺",
    "败笔",
    "不妥",
    "不当之处",
    "不足之处",
    "bad",
    "weakness",
    "flaw",
    "problem",
    "wrong",
    "mistake",
    "cons",
    "downside",
    "lacking",
    "drawback",
    "issue",
    "what is missing",
];
const HEAD_OTHER: &[&str] = &[
    "可取", "优点", "好处", "长处", "亮点", "优势", "good", "strength", "pros", "upside",
];

pub(super) fn split_clauses(text: &str) -> Vec<Clause> {
    // Raw pieces at separators.
    let mut raw: Vec<(usize, usize, usize)> = Vec::new(); // start, end, sentence
    let mut sentence = 0;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '，' || c == '、' || c == '。' || c == '\n' {
            if i > start {
                raw.push((start, i, sentence));
            }
            if c == '。' || c == '\n' {
                sentence += 1;
            }
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        raw.push((start, text.len(), sentence));
    }
    // Split at turning words.
    let mut clauses = Vec::new();
    let mut heading = Heading::None;
    let mut last_sentence = usize::MAX;
    for (s, e, sent) in raw {
        if sent != last_sentence {
            // A full stop ends a heading's reach; a bare line break does not.
            let full_stop = text[..s].ends_with('。');
            if full_stop {
                heading = Heading::None;
            }
            last_sentence = sent;
        }
        let mut cuts = vec![s];
        let mut i = s;
        while i < e {
            let Some(c) = text[i..e].chars().next() else { break };
            if i > s {
                if let Some(t) = TURNS
                    .iter()
                    .filter(|t| text[i..e].starts_with(**t) && word_fits(text, i, i + t.len(), false))
                    .max_by_key(|t| t.len())
                {
                    // 不但 is not a turn.
                    if !text[..i].ends_with('不') {
                        cuts.push(i);
                        i += t.len();
                        continue;
                    }
                }
            }
            i += c.len_utf8();
        }
        cuts.push(e);
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let piece = text[a..b].trim();
            if piece.is_empty() {
                continue;
            }
            if let Some(h) = heading_of(&text[a..b]) {
                heading = h;
            }
            clauses.push(Clause {
                start: a,
                end: b,
                sentence: sent,
                heading,
            });
        }
    }
    clauses
}

/// A label that judges what follows it: "不足之处：…", "Bad: …", "缺点是…".
fn heading_of(clause: &str) -> Option<Heading> {
    let (head, colon) = match clause.find('：') {
        Some(k) => (&clause[..k], true),
        None => {
            let end = clause.char_indices().nth(8).map_or(clause.len(), |(k, _)| k);
            (&clause[..end], false)
        }
    };
    let hit = |list: &[&str]| {
        list.iter().any(|w| match head.find(w) {
            Some(k) if colon => word_fits(head, k, k + w.len(), false),
            Some(k) => {
                let after = &head[k + w.len()..];
                let lead = head[..k].chars().count() <= 4;
                lead && [
                    "是",
                    "在于",
                    "有",
                    "为",
                    "的是",
                    "之处是",
                    "之处在于",
                    "之处有",
                    " is",
                    " was",
                ]
                .iter()
                .any(|x| after.starts_with(x))
            }
            None => false,
        })
    };
    if hit(HEAD_CONDEMN) {
        Some(Heading::Condemn)
    } else if hit(HEAD_OTHER) {
        Some(Heading::None)
    } else {
        None
    }
}
