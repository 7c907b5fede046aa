//! The local free-text scorer for the self-checks.
//!
//! A self-check ([`crate::course::selfcheck`]) asks an open question about a case from
//! the course (seed 000, the five 【自检】 exercises) and lists the ideas a good
//! answer uses, each weighted, each with phrasings in Chinese and English.
//! [`score`] reads a trainee's answer the way a careful marker skims it: which
//! ideas are stated, and are they stated the right way round?
//!
//! 1. **Normalise** ([`normalize`]): full-width to half-width, lower case,
//!    punctuation folded to three separators (`，` clause, `。` sentence, `：`
//!    label), dashes and slashes to spaces, quotes and inline HTML tags
//!    dropped (block tags separate), `n't` to ` not`, other spaces collapsed
//!    (kept between Chinese characters only, where they separate keywords).
//!    Only the first [`MAX_CHARS`] characters are read.
//! 2. **Split** into clauses (at `，` `、` `。` newlines and at turning words:
//!    但是, 而不是, 却, but, however, instead, rather than …) and sentences.
//! 3. **Discount copying**: 8-token shingles (a token is a Chinese character
//!    or a Latin word) shared with the case or the question. When they cover
//!    at least [`COPY_MASK_AT`] of the answer they are masked (nothing in them
//!    counts); from [`COPY_FLAG_AT`] the answer is flagged [`Flag::Copied`].
//! 4. **Match phrasings** within one clause. Pattern language (each phrasing
//!    is one pattern; both languages always apply, so an English answer to a
//!    Chinese exercise scores normally):
//!    - `a~b~c`: every part in the same clause, in any order;
//!    - `a|b`: alternatives within a part;
//!    - `…@x|y`: a context word must appear in the same or the previous
//!      sentence (无需繁琐手续 counts only when said of the guarantee);
//!    - prefix `?`: a weaker phrasing, half credit;
//!    - prefix `!`: names the **fault** (当众批评): credited when the clause
//!      condemns it, [`UNJUDGED`] credit when merely named, nothing (and
//!      [`Flag::Negated`]) when the clause approves of it;
//!    - prefix `^`: names a bad **effect** (客人尴尬): a plain denial (不会,
//!      won't) cancels it, a warning (不要让客人尴尬, avoid) does not;
//!    - prefix `=`: a **topic** (自尊, 积极性): counts whatever the polarity;
//!    - no prefix: a good **practice** (私下沟通): a negation (没必要私下沟通)
//!      or a condemnation after it (私下沟通是错的) cancels it; under a
//!      condemning label a negated practice names what was missing
//!      (不足：没有私下沟通) and counts.
//!
//!    Polarity is the parity of the cue words in the clause outside the
//!    matched words, read greedily longest-first so 不对, 没错, 不应该 and
//!    "nothing wrong" are one cue each: denials (不, 没, not, no, 谁能…？),
//!    warnings (不要, 避免, should not, avoid), condemnations (错, 不足, wrong,
//!    bad, 本该) and approvals (是对的, 合理, fine, reasonable). Some look-alikes
//!    are inert: 不满, 非常, right away, A-not-A questions (能不能, 有没有),
//!    and naming a failure (没有提供, 没有看到, failed to). "X不是A，而是B" /
//!    "X is not A, it is B" does not deny X. A fault left unjudged in its
//!    clause takes the judgement of a label (不足之处：…, 缺点是…, Bad: …) or
//!    of a following clause that points back (…，这是错误的).
//! 5. **Credit** each idea: the best phrasing plus [`SECOND`] of the next
//!    best (a weak phrasing and another weak one add up), at most 1. An idea
//!    only contradicted earns nothing, costs [`REVERSAL_PENALTY`] of its
//!    weight and is flagged. Score = Σ weight × credit, 0–100.
//! 6. **Caps**: a bare list of keywords ([`Flag::KeywordList`]: three or more
//!    short segments and no statement) earns at most [`KEYWORD_CAP`].
//!
//! Deterministic, linear in the answer, never panics (any string: empty,
//! huge, HTML). Calibrated against team-graded answers in
//! `tests/data/calibration.json` (see `tests/scoring.rs`).
//!
//! Pure module: no yew, no web-sys.

use crate::course::selfcheck::{Followup, FollowupKind, SelfCheck};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

/// Characters of an answer that are read; the rest is ignored (flagged).
pub const MAX_CHARS: usize = 4000;
/// Credit at which an idea counts as found.
pub const FOUND_AT: f64 = 0.5;
/// Credit of a weak (`?`) phrasing.
pub const WEAK: f64 = 0.5;
/// Credit of a fault (`!`) named but neither condemned nor approved.
pub const UNJUDGED: f64 = 0.6;
/// Share of the second-best phrasing added to the best one.
pub const SECOND: f64 = 0.5;
/// Share of an idea's weight taken off when the answer states its opposite.
pub const REVERSAL_PENALTY: f64 = 0.5;
/// Most a bare keyword list can score.
pub const KEYWORD_CAP: u8 = 25;
/// Tokens per shingle when looking for copied case text.
pub const SHINGLE: usize = 8;
/// Share of copied tokens from which copied stretches are masked.
pub const COPY_MASK_AT: f64 = 0.35;
/// Share of copied tokens from which the answer is flagged as copied.
pub const COPY_FLAG_AT: f64 = 0.5;

/// The scorer's verdict on one answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scored {
    /// 0–100.
    pub score: u8,
    /// One per rubric idea, in the exercise's order.
    pub ideas: Vec<IdeaResult>,
    pub flags: Vec<Flag>,
}

/// What the scorer found for one idea.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IdeaResult {
    pub id: String,
    /// `credit` ≥ [`FOUND_AT`].
    pub found: bool,
    /// 0–1: share of the idea's weight earned.
    pub credit: f64,
    /// The clause of the answer (original text) that earned the credit.
    pub evidence: Option<String>,
}

/// Something about the answer as a whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "flag", content = "idea", rename_all = "kebab-case")]
pub enum Flag {
    /// Nothing to read.
    Empty,
    /// Longer than [`MAX_CHARS`]; the rest was not read.
    Truncated,
    /// Mostly the case or the question copied back.
    Copied,
    /// A bare list of keywords, no statement.
    KeywordList,
    /// The answer states the opposite of this idea (approves the fault,
    /// denies the practice).
    Negated(String),
}

/// Why a phrasing pattern is invalid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternError {
    Empty,
    EmptyPart,
    /// A word that normalisation would change (capitals, full-width, `'`…),
    /// so it could never match.
    NotNormal(String),
    /// A word holding a separator, so it could never fit in one clause.
    HasSeparator(String),
    /// More than one `@`, or `!`, `^`, `=` combined.
    Syntax(String),
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PatternError::Empty => write!(f, "empty pattern"),
            PatternError::EmptyPart => write!(f, "empty part or alternative"),
            PatternError::NotNormal(w) => write!(f, "{w:?} is not in normal form (expected {:?})", normalize(w)),
            PatternError::HasSeparator(w) => write!(f, "{w:?} contains a clause separator"),
            PatternError::Syntax(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for PatternError {}

/// Checks one phrasing pattern (used by [`crate::course::selfcheck::validate`]).
pub fn check_phrasing(p: &str) -> Result<(), PatternError> {
    Pattern::parse(p).map(|_| ())
}

// ---------------------------------------------------------------- patterns

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Practice,
    Effect,
    Fault,
    Topic,
}

#[derive(Clone, Debug)]
struct Pattern {
    weak: bool,
    kind: Kind,
    parts: Vec<Vec<String>>,
    context: Vec<String>,
}

impl Pattern {
    fn parse(p: &str) -> Result<Pattern, PatternError> {
        let mut rest = p.trim();
        let mut weak = false;
        let mut kind = None;
        while let Some(c) = rest.chars().next() {
            let k = match c {
                '?' if !weak => {
                    weak = true;
                    rest = &rest[1..];
                    continue;
                }
                '!' => Kind::Fault,
                '^' => Kind::Effect,
                '=' => Kind::Topic,
                _ => break,
            };
            if kind.is_some() {
                return Err(PatternError::Syntax("only one of ! ^ = may be given".into()));
            }
            kind = Some(k);
            rest = &rest[1..];
        }
        let mut halves = rest.split('@');
        let body = halves.next().unwrap_or("");
        let context = halves.next();
        if halves.next().is_some() {
            return Err(PatternError::Syntax("more than one @".into()));
        }
        if body.trim().is_empty() {
            return Err(PatternError::Empty);
        }
        let words = |s: &str| -> Result<Vec<String>, PatternError> {
            s.split('|')
                .map(|w| {
                    let w = w.trim();
                    if w.is_empty() {
                        Err(PatternError::EmptyPart)
                    } else if w.chars().any(|c| matches!(c, '，' | '。' | '：' | '、' | '\n')) {
                        Err(PatternError::HasSeparator(w.to_owned()))
                    } else if normalize(w) != w {
                        Err(PatternError::NotNormal(w.to_owned()))
                    } else {
                        Ok(w.to_owned())
                    }
                })
                .collect()
        };
        let parts = body.split('~').map(words).collect::<Result<Vec<_>, _>>()?;
        let context = match context {
            Some(c) => words(c)?,
            None => Vec::new(),
        };
        Ok(Pattern {
            weak,
            kind: kind.unwrap_or(Kind::Practice),
            parts,
            context,
        })
    }
}

// ----------------------------------------------------------- normalisation

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2fa1f}')
}

/// A letter or digit of a Latin-like word (not a CJK character).
fn is_word(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

fn is_sep(c: char) -> bool {
    matches!(c, '，' | '。' | '：' | '\n')
}

/// Strength of a separator, to keep the strongest of a run.
fn sep_rank(c: char) -> u8 {
    match c {
        '，' => 1,
        '：' => 2,
        '\n' => 3,
        '。' => 4,
        _ => 0,
    }
}

/// One character after the first folding step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Folded {
    Char(char),
    Space,
    Drop,
}

fn fold(c: char) -> Folded {
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    match c {
        '。' | '！' | '？' | '!' | '?' | '｡' => Folded::Char('。'),
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => Folded::Char('\n'),
        '，' | ',' | '；' | ';' | '…' | '(' | ')' | '（' | '）' | '[' | ']' | '【' | '】' | '{' | '}' | '《' | '》'
        | '〈' | '〉' | '<' | '>' | '｛' | '｝' | '〔' | '〕' | '·' | '•' | '●' | '○' | '■' | '□' | '◆' | '▪' => {
            Folded::Char('，')
        }
        '：' | ':' => Folded::Char('：'),
        '、' => Folded::Char('、'),
        '"' | '“' | '”' | '「' | '」' | '『' | '』' | '`' | '«' | '»' | '„' => Folded::Drop,
        '\'' | '’' | '‘' | '′' => Folded::Char('\''),
        '-' | '‐' | '‑' | '–' | '—' | '―' | '_' | '/' | '\\' | '~' | '～' | '|' | '*' | '#' | '+' | '=' | '&' | '^'
        | '@' => Folded::Space,
        c if c.is_whitespace() || c.is_control() => Folded::Space,
        c => Folded::Char(c),
    }
}

/// An HTML tag (`<b>`, `</p>`, `<br/>`) at the start of `s`: its length,
/// and whether it is inline (text formatting rather than a block).
fn html_tag(s: &str) -> Option<(usize, bool)> {
    let rest = s.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let (k, _) = s.char_indices().skip(1).take(80).find(|&(_, c)| c == '>' || c == '<')?;
    if !s[k..].starts_with('>') {
        return None;
    }
    const INLINE: &[&str] = &[
        "a", "b", "i", "u", "s", "em", "strong", "span", "font", "small", "big", "mark", "code", "sub", "sup", "q",
    ];
    Some((k + 1, INLINE.contains(&name.to_ascii_lowercase().as_str())))
}

/// The normalised answer, with the original byte range of every character.
struct Norm {
    text: String,
    /// (byte offset in `text`, original start, original end) per character.
    at: Vec<(usize, usize, usize)>,
}

impl Norm {
    fn new(s: &str) -> Norm {
        // Fold, lower-case and expand, keeping the original range.
        let mut chars: Vec<(char, usize, usize)> = Vec::with_capacity(s.len());
        let mut pending_space: Option<(usize, usize)> = None;
        let mut pending_block: Option<(usize, usize)> = None;
        let src: Vec<(usize, char)> = s.char_indices().collect();
        let mut skip_until = 0;
        for (k, &(i, c)) in src.iter().enumerate() {
            let end = src.get(k + 1).map_or(s.len(), |&(j, _)| j);
            if i < skip_until {
                continue;
            }
            if let Some((len, inline)) = html_tag(&s[i..]) {
                // An inline tag vanishes ("<b>不该</b>" is "不该"); a block
                // tag (<p>, <br>, <li>…) separates like a space.
                skip_until = i + len;
                if !inline {
                    pending_block.get_or_insert((i, i + len));
                }
                continue;
            }
            match fold(c) {
                Folded::Drop => {}
                Folded::Space => {
                    pending_space.get_or_insert((i, end));
                }
                Folded::Char(f) => {
                    if f == '\'' {
                        // n't → " not"; any other apostrophe goes, leaving
                        // the spacing around it as if it were not there.
                        let folded = |j: usize| match src.get(j).map(|&(_, n)| fold(n)) {
                            Some(Folded::Char(n)) => Some(n),
                            _ => None,
                        };
                        let prev = chars.last().map(|&(p, _, _)| p);
                        let next_t = matches!(folded(k + 1), Some('t' | 'T'));
                        let after = folded(k + 2);
                        if pending_space.is_none() && prev == Some('n') && next_t && !after.is_some_and(is_word) {
                            let len = chars.len();
                            let ca = len >= 3 && chars[len - 3].0 == 'c' && chars[len - 2].0 == 'a';
                            if !ca {
                                chars.pop();
                            }
                            chars.push((' ', i, end));
                            chars.push(('n', i, end));
                            chars.push(('o', i, end));
                        }
                        continue;
                    }
                    if let Some((a, b)) = pending_block.take() {
                        pending_space = None;
                        chars.push(('，', a, b));
                    }
                    let prev = chars.last().map(|&(p, _, _)| p);
                    if let Some((a, b)) = pending_space.take() {
                        // Between two Chinese characters a space is kept: it
                        // separates keywords but not clauses.
                        let sep = match prev {
                            Some(p) if is_cjk(p) && is_cjk(f) => Some(' '),
                            Some(p) if is_cjk(p) || is_sep(p) || is_cjk(f) || is_sep(f) || p == '、' || f == '、' => {
                                None
                            }
                            None => None,
                            _ => Some(' '),
                        };
                        if let Some(x) = sep {
                            chars.push((x, a, b));
                        }
                    }
                    if f == '.' {
                        // A decimal point stays; any other full stop ends a sentence.
                        let digit_before = prev.is_some_and(|p| p.is_ascii_digit());
                        let digit_after = src.get(k + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
                        if !(digit_before && digit_after) {
                            chars.push(('。', i, end));
                            continue;
                        }
                    }
                    for l in f.to_lowercase() {
                        chars.push((l, i, end));
                    }
                }
            }
        }
        // Collapse runs of separators (keep the strongest) and drop leading ones.
        let mut out: Vec<(char, usize, usize)> = Vec::with_capacity(chars.len());
        for ch in chars {
            if is_sep(ch.0) || ch.0 == '、' {
                match out.last_mut() {
                    None => continue,
                    Some(last) if is_sep(last.0) || last.0 == '、' || last.0 == ' ' => {
                        if last.0 == ' ' {
                            *last = ch;
                        } else if sep_rank(ch.0) > sep_rank(last.0) {
                            last.0 = ch.0;
                        }
                        continue;
                    }
                    _ => {}
                }
            } else if ch.0 == ' ' && out.last().is_some_and(|l| is_sep(l.0) || l.0 == '、' || l.0 == ' ') {
                continue;
            }
            out.push(ch);
        }
        while out.last().is_some_and(|l| is_sep(l.0) || l.0 == '、' || l.0 == ' ') {
            out.pop();
        }
        let mut text = String::with_capacity(out.len() * 2);
        let mut at = Vec::with_capacity(out.len());
        for (c, a, b) in out {
            at.push((text.len(), a, b));
            text.push(c);
        }
        Norm { text, at }
    }

    /// Original byte range of the normalised byte range `[a, b)`.
    fn original(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let first = self.at.partition_point(|&(t, _, _)| t < a);
        let last = self.at.partition_point(|&(t, _, _)| t < b);
        if first >= last {
            return None;
        }
        let start = self.at[first..last].iter().map(|&(_, s, _)| s).min()?;
        let end = self.at[first..last].iter().map(|&(_, _, e)| e).max()?;
        Some((start, end))
    }
}

/// The normal form phrasings are written in and answers are read in.
pub fn normalize(s: &str) -> String {
    Norm::new(s).text
}

// -------------------------------------------------------------------- cues

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    /// 不, 没, not: flips any statement.
    Deny,
    /// 不要, 避免, should not: warns against.
    Warn,
    /// 错, 不足, wrong: judges as bad.
    Condemn,
    /// 是对的, 合理, fine: judges as good.
    Approve,
    /// Looks like a cue but is not (不满, 非常, right away): consumed, ignored.
    Inert,
}

#[rustfmt::skip]
const DENY: &[&str] = &[
    "不", "没", "无", "未", "非", "并非", "毫无", "从未", "绝非", "未必", "not", "no", "never", "without", "nothing", "none", "nor",
    "neither", "hardly", "no longer", "nobody", "no one",
    // Rhetorical questions deny: "谁能拿到对手的销售记录？".
    "谁能", "谁会", "怎么可能", "哪能", "哪里能", "何必", "who can", "who could", "how could", "how can",
];
#[rustfmt::skip]
const WARN: &[&str] = &[
    "不要", "不能", "不应", "不该", "不可", "不得", "不准", "不许", "不宜", "别", "勿", "切忌", "切勿", "千万不", "禁止", "避免", "杜绝", "防止", "以免",
    "免得", "忌", "do not", "should not", "must not", "can not", "cannot", "shall not", "ought not", "may not", "avoid",
    "avoided", "avoiding", "instead of", "rather than", "stop", "refrain",
];
#[rustfmt::skip]
const CONDEMN: &[&str] = &[
    "错", "不对", "不妥", "欠妥", "不当", "不好", "不足", "缺点", "缺陷", "弊端", "弊病", "坏处", "毛病", "失误", "过失", "过错", "不合理", "不合适",
    "不恰当", "不专业", "不礼貌", "不尊重", "不公平", "不公", "不可取", "不正确", "有问题", "问题在于", "问题是", "太", "过于", "破坏", "损害", "伤害", "违反",
    "违背", "混淆", "糟糕", "差劲", "失职", "欠缺", "缺乏", "败招", "误区", "粗暴", "无礼", "失礼", "过分", "冒失", "不够", "不行", "不明智", "不理智",
    "不负责", "不称职", "草率", "得不偿失", "要不得", "不可接受", "不像话", "wrong", "mistake", "mistaken", "mistakes", "bad", "badly",
    "inappropriate", "unprofessional", "improper", "poor", "poorly", "fault", "flaw", "flawed", "flaws", "weakness",
    "weaknesses", "a problem", "the problem", "problematic", "too", "damage", "damages", "damaging", "damaged",
    "harm", "harms", "harmful", "hurt", "hurts", "hurting", "ruin", "ruins", "ruined", "spoil", "spoils", "spoiled",
    "violate", "violates", "violated", "violating", "undermine", "undermines", "unfair", "unacceptable", "rude",
    "harsh", "error", "errors", "lack", "lacks", "lacking", "fail", "fails", "failed", "failure", "drawback",
    "downside", "terrible", "awful", "unreasonable", "careless", "disrespectful", "crossed", "breaks", "broke",
    // Counterfactuals judge what was done: "本该关起门来说", "should have".
    "本该", "本应", "本来应该", "理应", "should have", "可惜", "遗憾",
];
#[rustfmt::skip]
const APPROVE: &[&str] = &[
    "对的", "是对的", "做得对", "没错", "没有错", "不错", "正确", "合理", "应该", "应当", "理所当然", "可以理解", "无可厚非", "情有可原", "很好", "挺好", "好的",
    "没问题", "没有问题", "没什么问题", "没关系", "有道理", "有必要", "必要", "值得", "就该", "就要", "活该", "该骂", "才是关键", "是关键", "最重要", "应有", "可取",
    "优点", "好处", "高明", "有效", "做得好", "说得对", "说得有道理", "合适", "恰当", "妥当", "规范", "公平", "没什么不足", "没有什么不足", "没有不足", "没有缺点",
    "fine", "is right", "was right", "are right", "were right", "right to", "all right", "quite right", "correct",
    "ok", "okay", "good", "acceptable", "justified", "appropriate", "reasonable", "should", "must", "deserved",
    "deserves", "nothing wrong", "no problem", "not a problem", "not wrong", "makes sense", "fair", "sensible",
    "smart", "wise", "effective", "necessary", "valid", "proper",
];
#[rustfmt::skip]
const INERT: &[&str] = &[
    "不满", "不仅", "不断", "不少", "不同", "不久", "不但", "不管", "不论", "不住", "不得不", "不停", "不禁", "不已", "不妨", "不光", "不一定", "不如",
    "不然", "不安", "不悦", "不快", "不便", "不好意思", "不舒服", "不自在", "不愉快", "不开心", "不高兴", "不爽", "不痛快", "不耐烦", "不放心", "不信任", "不满意",
    "不适", "没面子", "没有面子", "没脑子", "没有脑子", "长没长脑子", "无论", "无数", "无比", "非常", "非要", "非得", "未来", "没想到", "无微不至", "除非", "是非",
    "无疑", "毫不犹豫", "无形", "无限", "无奈", "无辜", "没准", "太太", "别人", "别的", "别处", "别家", "区别", "特别", "分别", "类别", "级别", "个别",
    "告别", "识别", "差别", "性别", "无时无刻", "right away", "right in", "right now", "right there", "right after", "right on",
    "not only", "not just", "no matter", "no doubt", "good faith", "good will",
    // "No" said, not meant: "never just say no", "不说“不”".
    "say no", "says no", "said no", "saying no", "说不",
    // A-not-A questions ask, they do not deny: "能不能加急", "有没有替代型号".
    "能不能", "是不是", "会不会", "要不要", "可不可以", "有没有", "对不对", "好不好", "行不行", "该不该", "用不用", "肯不肯", "愿不愿意", "需不需要", "够不够", "来不来",
    // Failing to do something names it: "没有提供其他办法", "did not offer".
    "没有提供", "没提供", "未提供", "没有给出", "没给出", "没有主动", "没主动", "没有及时", "没及时", "未能", "没能", "没有做到", "没做到", "没想过", "没有想过",
    "没有考虑", "没考虑", "did not offer", "never offered", "failed to", "fails to", "did not provide", "no attempt",
    // Missing something is not denying it: "没有看到长远利益" names the idea.
    "没有看到", "没看到", "看不到", "没有意识到", "没意识到", "意识不到", "没有认识到", "没认识到", "认识不到", "忽视", "忽略", "不懂", "不明白", "不理解", "不知道",
    "fails to see", "failed to see", "does not see", "did not see", "ignores", "ignored", "overlooks", "overlooked",
    "does not realise", "does not realize", "did not realise", "did not realize", "does not understand", "forgets",
    "forgot",
];

struct CueTable {
    /// First character → (word, class), longest first.
    by_first: HashMap<char, Vec<(&'static str, Cue)>>,
}

fn cue_table() -> &'static CueTable {
    static TABLE: OnceLock<CueTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_first: HashMap<char, Vec<(&'static str, Cue)>> = HashMap::new();
        for (list, cue) in [
            (DENY, Cue::Deny),
            (WARN, Cue::Warn),
            (CONDEMN, Cue::Condemn),
            (APPROVE, Cue::Approve),
            (INERT, Cue::Inert),
        ] {
            for &w in list {
                if let Some(c) = w.chars().next() {
                    by_first.entry(c).or_default().push((w, cue));
                }
            }
        }
        for v in by_first.values_mut() {
            crate::support::sort::by(v, |a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)).is_lt());
        }
        CueTable { by_first }
    })
}

/// Whether `text[a..b]` stands as a word there: Latin words need a word
/// boundary before, and after unless the word is long enough to take a
/// suffix (`scold` → `scolding`); a plural `s` is always allowed.
fn word_fits(text: &str, a: usize, b: usize, prefix_ok: bool) -> bool {
    let word = &text[a..b];
    let first = word.chars().next();
    if first.is_some_and(is_word) && text[..a].chars().next_back().is_some_and(is_word) {
        return false;
    }
    let last = word.chars().next_back();
    if last.is_some_and(is_word) && !prefix_ok {
        let mut after = text[b..].chars();
        if let Some(c) = after.next().filter(|&c| is_word(c)) {
            let plural = c == 's' && !after.next().is_some_and(is_word);
            if !plural {
                return false;
            }
        }
    }
    true
}

/// Latin words of five letters or more match as prefixes (stems).
fn stem_ok(word: &str) -> bool {
    let last = word.rsplit(' ').next().unwrap_or(word);
    last.chars().all(|c| c.is_ascii_alphabetic()) && last.len() >= 5
}

/// Every cue in the text, greedily longest-first, left to right.
fn find_cues(text: &str) -> Vec<(usize, usize, Cue)> {
    let table = cue_table();
    let mut cues = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else { break };
        let mut step = c.len_utf8();
        if let Some(cands) = table.by_first.get(&c) {
            for &(w, cue) in cands {
                let stem = w.len() >= 6 && w.chars().all(|c| c.is_ascii_alphabetic());
                if text[i..].starts_with(w) && word_fits(text, i, i + w.len(), stem) {
                    if cue != Cue::Inert {
                        cues.push((i, i + w.len(), cue));
                    }
                    step = w.len();
                    break;
                }
            }
        }
        i += step;
    }
    cues
}

// ----------------------------------------------------------------- clauses

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
enum Heading {
    None,
    Condemn,
}

#[derive(Clone, Copy, Debug)]
struct Clause {
    start: usize,
    end: usize,
    sentence: usize,
    heading: Heading,
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

fn split_clauses(text: &str) -> Vec<Clause> {
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

// ----------------------------------------------------------- copy detection

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
fn copied(text: &str, sources: &[&str]) -> (f64, Vec<(usize, usize)>) {
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

// ------------------------------------------------------------ keyword list

const STATEMENT_ZH: &[char] = &[
    '是', '应', '该', '要', '会', '能', '让', '使', '把', '被', '不', '没', '了', '给', '得', '过', '着', '就', '才',
    '很', '太', '更', '最', '需', '可', '必', '将', '致', '令',
];
const STATEMENT_EN: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "should", "must", "will", "would", "can", "could", "do", "does", "did",
    "not", "no", "has", "have", "had", "he", "she", "they", "it", "i", "we", "you", "need", "needs", "may", "might",
];

/// Three or more short segments, almost none of them a statement.
fn is_keyword_list(text: &str) -> bool {
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

// ----------------------------------------------------------------- scoring

#[derive(Clone, Copy, Debug, PartialEq)]
enum Verdict {
    /// Credit, and whether the fault was only named (unjudged).
    Credit(f64, bool),
    Reversed,
}

struct Reader<'a> {
    text: &'a str,
    clauses: Vec<Clause>,
    cues: Vec<(usize, usize, Cue)>,
    masked: Vec<(usize, usize)>,
    occurrences: HashMap<String, Vec<(usize, usize)>>,
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

    fn clause_of(&self, at: usize) -> Option<usize> {
        let k = self.clauses.partition_point(|c| c.start <= at);
        let k = k.checked_sub(1)?;
        (at < self.clauses[k].end).then_some(k)
    }

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

    /// Every clause where the pattern matches, with the matched words.
    fn matches(&mut self, p: &Pattern) -> Vec<(usize, Vec<(usize, usize)>)> {
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

    /// How a match reads in its clause.
    fn verdict(&self, p: &Pattern, k: usize, spans: &[(usize, usize)]) -> Verdict {
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

    fn evidence(&self, norm: &Norm, original: &str, k: usize) -> Option<String> {
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

/// The result of a structured follow-up question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FollowupScore {
    /// Exactly right.
    pub correct: bool,
    /// Pick: options judged right (picked and right, or left and wrong).
    /// Order: positions holding the right option.
    pub right: usize,
    /// Pick: number of options. Order: number of positions.
    pub total: usize,
}

/// Scores a follow-up exactly: `given` holds picked option indices (any
/// order, duplicates ignored) or the options in the trainee's order.
/// Indices out of range are simply wrong.
pub fn score_followup(f: &Followup, given: &[usize]) -> FollowupScore {
    match f.kind {
        FollowupKind::Pick => {
            let picked: HashSet<usize> = given.iter().copied().collect();
            let right_set: HashSet<usize> = f.answer.iter().copied().collect();
            let total = f.options.len();
            let right = (0..total)
                .filter(|i| picked.contains(i) == right_set.contains(i))
                .count();
            FollowupScore {
                correct: picked == right_set,
                right,
                total,
            }
        }
        FollowupKind::Order => {
            let total = f.answer.len();
            let right = f.answer.iter().zip(given).filter(|(a, g)| a == g).count();
            FollowupScore {
                correct: given == f.answer.as_slice(),
                right,
                total,
            }
        }
    }
}
