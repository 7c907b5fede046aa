//! The normal form of free text: the form self-check answers are read in and
//! rubric phrasings are written in (lecture self-checks, seed 000). Full-width
//! to half-width, lower case, punctuation folded to three separators (`，`
//! clause, `。` sentence, `：` label), dashes and slashes to spaces, quotes
//! and inline HTML tags dropped (block tags separate), `n't` to ` not`, other
//! spaces collapsed (kept between Chinese characters only, where they
//! separate keywords). `Norm` keeps the original range of every character,
//! so the scorer can quote the trainee's own words back.
//!
//! Also here: what a character is (Chinese, or part of a Latin word) and
//! where a word stands as a word (`word_fits`), which the scorer's stages
//! and the phrasing checker share.

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2fa1f}')
}

/// A letter or digit of a Latin-like word (not a CJK character).
pub(crate) fn is_word(c: char) -> bool {
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
pub(crate) struct Norm {
    pub(crate) text: String,
    /// (byte offset in `text`, original start, original end) per character.
    at: Vec<(usize, usize, usize)>,
}

impl Norm {
    pub(crate) fn new(s: &str) -> Norm {
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
    pub(crate) fn original(&self, a: usize, b: usize) -> Option<(usize, usize)> {
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

/// Whether `text[a..b]` stands as a word there: Latin words need a word
/// boundary before, and after unless the word is long enough to take a
/// suffix (`scold` → `scolding`); a plural `s` is always allowed.
pub(crate) fn word_fits(text: &str, a: usize, b: usize, prefix_ok: bool) -> bool {
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
pub(crate) fn stem_ok(word: &str) -> bool {
    let last = word.rsplit(' ').next().unwrap_or(word);
    last.chars().all(|c| c.is_ascii_alphabetic()) && last.len() >= 5
}
