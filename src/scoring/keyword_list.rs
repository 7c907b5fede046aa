//! The cap for a bare list of keywords: three or more short segments and
//! almost no statement among them ([`super::Flag::KeywordList`], at most
//! [`super::KEYWORD_CAP`]). Naming the ideas is not yet explaining them.

use crate::support::normalize::{is_cjk, is_word};

const STATEMENT_ZH: &[char] = &[
    '是', '应', '该', '要', '会', '能', '让', '使', '把', '被', '不', '没', '了', '给', '得', '过', '着', '就', '才',
    '很', '太', '更', '最', '需', '可', '必', '将', '致', '令',
];
const STATEMENT_EN: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "should", "must", "will", "would", "can", "could", "do", "does", "did",
    "not", "no", "has", "have", "had", "he", "she", "they", "it", "i", "we", "you", "need", "needs", "may", "might",
];

/// Three or more short segments, almost none of them a statement.
pub(super) fn is_keyword_list(text: &str) -> bool {
    // A space between two Chinese characters separates keywords too.
    let chars: Vec<char> = text.chars().collect();
    let spaced: String = chars
        .iter()
        .enumerate()
        .map(|(k, &c)| {
            let cjk_around = k > 0 && is_cjk(chars[k - 1]) && chars.get(k + 1).is_some_and(|&n| is_cjk(n));
            if c == ' ' && cjk_around {
                '，'
            } else {
                c
            }
        })
        .collect();
    let segs: Vec<&str> = spaced
        .split(['，', '。', '、', '：', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if segs.len() < 3 {
        return false;
    }
    let bare = segs
        .iter()
        .filter(|s| {
            let cjk = s.chars().filter(|&c| is_cjk(c)).count();
            let words: Vec<&str> = s
                .split(|c: char| !is_word(c))
                .filter(|w| !w.is_empty() && w.chars().any(|c| !c.is_ascii_digit()))
                .collect();
            let statement =
                s.chars().any(|c| STATEMENT_ZH.contains(&c)) || words.iter().any(|w| STATEMENT_EN.contains(w));
            cjk <= 6 && words.len() <= 4 && !statement
        })
        .count();
    bare as f64 / segs.len() as f64 >= 0.7
}
