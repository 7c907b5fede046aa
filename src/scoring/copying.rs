//! Stage 1b of the scorer: the case or the question copied back. The answer's
//! 8-token shingles (a token is a Chinese character or a Latin word) are
//! compared with the exercise's own texts; from [`super::COPY_MASK_AT`] of
//! the answer the copied stretches are masked (nothing in them counts), from
//! [`super::COPY_FLAG_AT`] the answer is flagged [`super::Flag::Copied`].

use super::SHINGLE;
use crate::support::normalize::{is_cjk, is_word, normalize};
use std::collections::HashSet;

/// Tokens (a CJK character or a Latin word) with their byte ranges.
fn tokens(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut word: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word(c) {
            word.get_or_insert(i);
            continue;
        }
        if let Some(s) = word.take() {
            out.push((s, i));
        }
        if is_cjk(c) {
            out.push((i, i + c.len_utf8()));
        }
    }
    if let Some(s) = word {
        out.push((s, text.len()));
    }
    out
}

fn hash_str(s: &str) -> u64 {
    // FNV-1a: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn shingles(text: &str, toks: &[(usize, usize)]) -> Vec<u64> {
    let hs: Vec<u64> = toks.iter().map(|&(a, b)| hash_str(&text[a..b])).collect();
    hs.windows(SHINGLE)
        .map(|w| {
            w.iter()
                .fold(0u64, |acc, &h| acc.wrapping_mul(1_000_003).wrapping_add(h))
        })
        .collect()
}

/// Share of the answer's tokens inside shingles shared with the sources, and
/// the byte ranges of those stretches.
pub(super) fn copied(text: &str, sources: &[&str]) -> (f64, Vec<(usize, usize)>) {
    let toks = tokens(text);
    if toks.len() < SHINGLE {
        return (0.0, Vec::new());
    }
    let mut known = HashSet::new();
    for src in sources {
        let n = normalize(src);
        known.extend(shingles(&n, &tokens(&n)));
    }
    let mut hit = vec![false; toks.len()];
    for (k, h) in shingles(text, &toks).into_iter().enumerate() {
        if known.contains(&h) {
            hit[k..k + SHINGLE].iter_mut().for_each(|x| *x = true);
        }
    }
    let share = hit.iter().filter(|&&x| x).count() as f64 / toks.len() as f64;
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (k, &(a, b)) in toks.iter().enumerate() {
        if !hit[k] {
            continue;
        }
        match ranges.last_mut() {
            Some(last) if k > 0 && hit[k - 1] => last.1 = b,
            _ => ranges.push((a, b)),
        }
    }
    (share, ranges)
}
