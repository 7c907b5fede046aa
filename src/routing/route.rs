//! Addresses: the hash routes of DESIGN.md (`index.html#/path?query`) and the
//! global query parameters every screen understands (`lang`, `present`).
//! Hash routing keeps deep links working on any static server.
//! Pure module: paths in, routes out, no browser calls ([`crate::web::router`]
//! wires it to the address).

use crate::course::lectures::{BUILT_EXERCISES, DRILL_IDS, LECTURES};
use crate::models::params::BadParam;
use crate::support::i18n::Lang;

/// The screens and their addresses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Home,
    /// `/lecture/:n`
    Lecture { n: u8 },
    /// `/progress`
    Progress,
    /// `/class`: the trainer's class view, trainees' exported files summarised.
    Class,
    /// `/smith`
    Smith,
    /// `/mirror`
    Mirror,
    /// `/emotion-line`
    EmotionLine,
    /// `/iceberg`: the complaint iceberg and Heinrich's 1 : 29 : 300.
    Iceberg,
    /// `/pyramid`: the customer pyramid and how customers move in it.
    Pyramid,
    /// `/loyalty-profit`: one customer's profit over the years of loyalty.
    LoyaltyProfit,
    /// `/loyalty-ladder`: the eight loyalty levels and the ten loyalty KPIs.
    LoyaltyLadder,
    /// `/gaps`: the five service-quality gaps and the airline ranking case.
    Gaps,
    /// `/value`: the value equation and expectations set by the promise.
    Value,
    /// `/staff-value`: what a member of staff is worth by month of tenure.
    StaffValue,
    /// `/self-check/:id`
    SelfCheck { id: String },
    /// `/author`: a trainer's own self-checks and role-plays, written,
    /// checked, tried and shared as files.
    Author,
    /// `/drill/:id`: a practice drill (a file in `content/drills/`).
    Drill { id: String },
    /// `/404`, and every address that leads nowhere.
    NotFound,
}

/// The routes without parameters and their paths (without the leading `/`).
const FIXED: [(&str, Route); 15] = [
    ("", Route::Home),
    ("progress", Route::Progress),
    ("class", Route::Class),
    ("smith", Route::Smith),
    ("mirror", Route::Mirror),
    ("emotion-line", Route::EmotionLine),
    ("iceberg", Route::Iceberg),
    ("pyramid", Route::Pyramid),
    ("loyalty-profit", Route::LoyaltyProfit),
    ("loyalty-ladder", Route::LoyaltyLadder),
    ("gaps", Route::Gaps),
    ("value", Route::Value),
    ("staff-value", Route::StaffValue),
    ("author", Route::Author),
    ("404", Route::NotFound),
];

impl Route {
    /// The route for an address path, with out-of-range lecture numbers and
    /// self-checks not built and drills with no file treated as not found.
    pub fn resolve(path: &str) -> Route {
        match Route::recognize(path) {
            Route::Lecture { n } if !(1..=LECTURES).contains(&n) => Route::NotFound,
            Route::SelfCheck { id } if !BUILT_EXERCISES.contains(&id.as_str()) => Route::NotFound,
            Route::Drill { id } if !DRILL_IDS.contains(&id.as_str()) => Route::NotFound,
            r => r,
        }
    }

    /// What a path names, read as yew-router 0.20 read it: one trailing `/`
    /// ignored, the leading `/` optional, a parameter one non-empty segment,
    /// percent-decoded (`+` kept), a lecture number whatever `u8` parses
    /// (`05`, `+5`); anything else is not found.
    fn recognize(path: &str) -> Route {
        let path = path.strip_suffix('/').unwrap_or(path);
        let path = path.strip_prefix('/').unwrap_or(path);
        let param = |prefix: &str| {
            path.strip_prefix(prefix)
                .filter(|p| !p.is_empty() && !p.contains('/'))
                .map(|p| decode(p, false))
        };
        if let Some((_, r)) = FIXED.iter().find(|(p, _)| *p == path) {
            r.clone()
        } else if let Some(n) = param("lecture/") {
            n.parse().map_or(Route::NotFound, |n| Route::Lecture { n })
        } else if let Some(id) = param("self-check/") {
            Route::SelfCheck { id }
        } else if let Some(id) = param("drill/") {
            Route::Drill { id }
        } else {
            Route::NotFound
        }
    }

    /// The path of this route (`/lecture/2`), as links and the address show it.
    pub fn to_path(&self) -> String {
        match self {
            Route::Lecture { n } => format!("/lecture/{n}"),
            Route::SelfCheck { id } => format!("/self-check/{}", percent_encode(id)),
            Route::Drill { id } => format!("/drill/{}", percent_encode(id)),
            fixed => {
                let name = FIXED.iter().find(|(_, r)| r == fixed).map_or("404", |(p, _)| p);
                format!("/{name}")
            }
        }
    }

    /// Whether this route is a real screen worth returning to ("continue").
    pub fn is_resumable(&self) -> bool {
        matches!(self, Route::Lecture { .. })
    }
}

/// Global parameters read from any address's query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GlobalQuery {
    pub lang: Option<Lang>,
    pub present: Option<bool>,
}

/// Splits a query string (`a=1&b=x%20y`, with or without the leading `?`)
/// into decoded name/value pairs.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// Decodes `%XX` escapes and `+` as space; invalid escapes are kept literally
/// and invalid UTF-8 is replaced, so any input yields a string.
pub fn percent_decode(s: &str) -> String {
    decode(s, true)
}

/// [`percent_decode`], with `+` as a space (query) or kept (path segment).
fn decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
                continue;
            }
            (b'+', _) if plus_is_space => out.push(b' '),
            (b, _) => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The hash router only understands `#/path`; an address hash it cannot
/// read (`#x/y`, `#//`, an in-page `#top`) is rewritten to the not-found
/// page, keeping what was typed in `from`. None if the hash is fine.
pub fn normalize_hash(hash: &str) -> Option<String> {
    let h = hash.strip_prefix('#').unwrap_or(hash);
    if h.is_empty() || (h.starts_with('/') && !h.starts_with("//")) {
        None
    } else {
        Some(format!("#/404?from={}", percent_encode(hash)))
    }
}

/// Reads the global parameters from a query; unknown names belong to the
/// screens and are ignored here, known names with bad values are reported.
pub fn parse_global(query: &str) -> (GlobalQuery, Vec<BadParam>) {
    let mut g = GlobalQuery::default();
    let mut bad = Vec::new();
    for (name, value) in query_pairs(query) {
        match name.as_str() {
            "lang" => match Lang::parse(&value) {
                Some(l) => g.lang = Some(l),
                None => bad.push(BadParam { name, value }),
            },
            "present" => match value.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "on" | "" => g.present = Some(true),
                "0" | "false" | "off" => g.present = Some(false),
                _ => bad.push(BadParam { name, value }),
            },
            _ => {}
        }
    }
    (g, bad)
}

/// Whether a query parameter is one of the global ones every screen shares.
fn is_global(name: &str) -> bool {
    name == "lang" || name == "present"
}

/// The query a screen's "reset all" leaves: only the global parameters
/// (`lang`, `present`), so the screen falls back to the course defaults.
pub fn global_only(query: &str) -> Vec<(String, String)> {
    query_pairs(query).into_iter().filter(|(k, _)| is_global(k)).collect()
}

/// A query string from name/value pairs, percent-encoded.
pub fn encode_query(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The query name of a story screen's step-through position.
pub const REVEAL: &str = "reveal";

/// The step-through position a story screen's address asks for:
/// `reveal=n` shows steps 1..=n of `total` (returned 0-based), no `reveal`
/// shows everything. Read like the model parameters: surrounding
/// whitespace is ignored, the last valid occurrence counts and every
/// unusable one (not a whole number from 1 to `total`) is reported.
pub fn parse_reveal(pairs: &[(String, String)], total: usize) -> (Option<usize>, Vec<BadParam>) {
    let mut step = None;
    let mut bad = Vec::new();
    for (name, value) in pairs.iter().filter(|(k, _)| k == REVEAL) {
        match value.trim().parse::<usize>() {
            Ok(n) if (1..=total).contains(&n) => step = Some(n - 1),
            _ => bad.push(BadParam {
                name: name.clone(),
                value: value.clone(),
            }),
        }
    }
    (step, bad)
}

/// `pairs` with the step-through position set to `step` (0-based; None
/// removes it), every other parameter as it was.
pub fn with_reveal(pairs: &[(String, String)], step: Option<usize>) -> Vec<(String, String)> {
    let mut out: Vec<_> = pairs.iter().filter(|(k, _)| k != REVEAL).cloned().collect();
    out.extend(step.map(|s| (REVEAL.to_owned(), (s + 1).to_string())));
    out
}

/// The query of a link to share a screen: the screen's parameters as it
/// reads them (so nothing it ignored travels on) that differ from the
/// course defaults, then the language shown; `present` is left out
/// (whoever opens the link chooses).
pub fn share_query(params: &[(String, String)], defaults: &[(String, String)], lang: Lang) -> String {
    params
        .iter()
        .filter(|p| !defaults.contains(p))
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .chain([format!("lang={}", lang.code())])
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_percent_escapes_safely() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("%E4%B8%AD"), "中");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert_eq!(percent_decode("%+5"), "% 5");
    }
}
