//! Bad input survey (issue 7): every parameter of every address and every
//! way into the progress record, fed a battery of bad values. The parameters
//! come from the code's own tables (`smith::SPECS`, `mirror::SPECS`,
//! `emotion_line::Param::ALL`, `Lang::ALL`, `BUILT_EXERCISES`, `LECTURES`),
//! so a parameter added later is surveyed without touching this file.
//!
//! The rules pinned down here:
//! - A bad value falls back to that parameter's default; every other
//!   parameter keeps what the address gave; exactly one `BadParam` names it,
//!   with the value as decoded from the address.
//! - Valid extremes (min and max exactly) are accepted; surrounding
//!   whitespace is ignored (`+` decodes as a space).
//! - A repeated parameter is read in order: the last valid occurrence
//!   counts (appending `&weekly=2` to a shared link overrides it), every
//!   invalid occurrence is reported and leaves the value it found.
//! - Names a parser does not know are left to the other readers (the global
//!   `lang` / `present`, the step-through's `reveal`, the page's own
//!   `compare`, `path`, `scenario`, `choices`, a tracking tag) and are not
//!   reported by it.
//! - Import and saved data: anything unusable is a typed `DecodeError`,
//!   never a panic, never a partly applied record.

use loyalty_lab::course::lectures::{BUILT_EXERCISES, KNOWN_EXERCISES, LECTURES};
use loyalty_lab::models::emotion_line::{self as emotion, Path, Step, Steps};
use loyalty_lab::models::params::BadParam;
use loyalty_lab::models::params::{number, ParamSet, Spec};
use loyalty_lab::models::{gaps, mirror, smith, staff_value, value};
use loyalty_lab::progress::record::{decode, load, DecodeError, ExerciseState, Loaded, Progress, MAX_BYTES, SCHEMA};
use loyalty_lab::routing::route::{
    encode_query as encode, normalize_hash, parse_global, parse_reveal, percent_encode, query_pairs, with_reveal, Route,
};
use loyalty_lab::support::i18n::Lang;
use proptest::prelude::*;
use serde_json::{json, Value};

// ---------------------------------------------------------------------------
// The battery

/// Values no numeric parameter accepts, whatever its range.
fn always_bad() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "\t",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "infinity",
        "1e309",
        "-1e309",
        "99999999999999999999999999999",
        "-1",
        "-99999999999999999999",
        "0x10",
        "0b1",
        "1,5",
        "1.5.2",
        "½",
        "１２",
        "١٢",
        "<script>alert(1)</script>",
        "\0",
        "%",
        "%zz",
        "abc",
        "5abc",
        "1e",
        "--1",
        "+",
        ".",
        "1 2",
        "\u{202e}5",
    ]
    .map(String::from)
    .to_vec();
    v.push("x".repeat(10 * 1024));
    v.push("9".repeat(10 * 1024));
    v
}

/// A value inside the range that differs from the default (so a test can
/// tell "kept" from "fell back").
fn nudge<P>(s: &Spec<P>) -> f64 {
    if s.default + s.step <= s.max {
        s.default + s.step
    } else {
        s.default - s.step
    }
}

/// The values that depend on the parameter's range: (text, valid?).
fn edges<P>(s: &Spec<P>) -> Vec<(String, bool)> {
    let mut v = vec![
        (number(s.min), true),
        (number(s.max), true),
        (format!(" {} ", number(s.default)), true),
        (format!("{:e}", s.max), true),
        (number(s.min - s.step), false),
        (number(s.max + s.step), false),
        (number(s.min - s.step / 1000.0), false),
        (number(s.max + s.step / 1000.0), false),
        ("-0".into(), s.min == 0.0),
    ];
    if s.integer && s.min + 0.5 <= s.max {
        v.push((number(s.min + 0.5), false));
    }
    v
}

/// `key=value&…` with every value percent-encoded, read back the way the
/// screens read it.
fn address(pairs: &[(String, String)]) -> Vec<(String, String)> {
    let q = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let back = query_pairs(&format!("?{q}"));
    assert_eq!(back, pairs, "the address round trip itself");
    back
}

fn bad(name: &str, value: &str) -> BadParam {
    BadParam {
        name: name.to_owned(),
        value: value.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// Table-driven models: smith and mirror

/// Feeds every parameter of `S` every value of the battery, with all other
/// parameters set to non-default values (and `partner` values for
/// parameters that constrain each other), plus `extra` pairs the parser
/// also reads. Checks the rules at the top of the file; returns how many
/// addresses were tried.
fn survey<S: ParamSet + std::fmt::Debug>(
    parse: impl Fn(&[(String, String)]) -> (S, Vec<BadParam>),
    partner: impl Fn(&str) -> Vec<(&'static str, f64)>,
    extra: &[(&str, &str)],
    check_extra: impl Fn(&S),
) -> usize {
    let mut tried = 0;
    for s in S::SPECS {
        let overrides = partner(s.key);
        let others: Vec<(&Spec<S::Param>, f64)> = S::SPECS
            .iter()
            .filter(|o| o.key != s.key)
            .map(|o| {
                let v = overrides
                    .iter()
                    .find(|(k, _)| *k == o.key)
                    .map_or(nudge(o), |(_, v)| *v);
                (o, v)
            })
            .collect();
        let cases = always_bad()
            .into_iter()
            .map(|b| (b, false))
            .chain(edges(s))
            .collect::<Vec<_>>();
        for (value, valid) in cases {
            // The tested parameter sits between the others, so both sides
            // of it are checked for being kept.
            let mut pairs: Vec<(String, String)> = Vec::new();
            let half = others.len() / 2;
            for (o, v) in &others[..half] {
                pairs.push((o.key.into(), number(*v)));
            }
            pairs.push((s.key.into(), value.clone()));
            for (o, v) in &others[half..] {
                pairs.push((o.key.into(), number(*v)));
            }
            for (k, v) in extra {
                pairs.push(((*k).into(), (*v).into()));
            }
            pairs.push(("utm_source".into(), "newsletter".into()));
            let pairs = address(&pairs);
            let (got, reported) = parse(&pairs);
            let shown: String = value.chars().take(40).collect();
            if valid {
                let want: f64 = value.trim().parse().unwrap();
                assert_eq!(got.get(s.param), want, "{}={shown:?} is valid", s.key);
                assert_eq!(reported, vec![], "{}={shown:?} is valid", s.key);
            } else {
                assert_eq!(got.get(s.param), s.default, "{}={shown:?} falls back", s.key);
                assert_eq!(reported, vec![bad(s.key, &value)], "{}={shown:?} is named", s.key);
            }
            for (o, v) in &others {
                assert_eq!(got.get(o.param), *v, "{} kept when {}={shown:?}", o.key, s.key);
            }
            check_extra(&got);
            tried += 1;
        }
    }
    tried
}

#[test]
fn smith_every_parameter_every_bad_value() {
    // The reach range must stay ordered: when one end is tested, the other
    // sits at its far extreme so every valid value of the first is in order.
    let partner = |key: &str| match key {
        "reach_lo" => vec![("reach_hi", smith::Param::ReachHi.spec().max)],
        "reach_hi" => vec![("reach_lo", smith::Param::ReachLo.spec().min)],
        _ => vec![],
    };
    let n = survey(
        smith::Params::from_query,
        partner,
        &[("currency", "cny"), ("seed", "7"), ("compare", "x"), ("lang", "en")],
        |p: &smith::Params| {
            assert_eq!(p.currency, smith::Currency::Cny);
            assert_eq!(p.seed, 7);
        },
    );
    assert!(n >= smith::SPECS.len() * 40, "{n}");
}

#[test]
fn mirror_every_lever_every_bad_value() {
    let n = survey(
        mirror::Levers::from_query,
        |_| vec![],
        &[("compare", "x"), ("present", "1")],
        |_| {},
    );
    assert!(n >= mirror::SPECS.len() * 40, "{n}");
}

#[test]
fn issue_19_screens_every_parameter_every_bad_value() {
    let extra = [("compare", "x"), ("present", "1")];
    let n = survey(value::Params::from_query, |_| vec![], &extra, |_| {});
    assert!(n >= value::SPECS.len() * 40, "value: {n}");
    let n = survey(staff_value::Params::from_query, |_| vec![], &extra, |_| {});
    assert!(n >= staff_value::SPECS.len() * 40, "staff-value: {n}");
    let managers = [("managers", "punctuality,comfort,baggage,safety,courtesy,meals")];
    let n = survey(
        |q| {
            let (s, b) = gaps::Screen::from_query(q);
            (s.params, b)
        },
        |_| vec![],
        &managers,
        |p| assert!(p.gap5().is_finite()),
    );
    assert!(n >= gaps::SPECS.len() * 40, "gaps: {n}");
}

#[test]
fn smith_currency_and_seed() {
    let run = |pairs: &[(&str, &str)]| {
        let pairs: Vec<(String, String)> = pairs.iter().map(|(k, v)| ((*k).into(), (*v).into())).collect();
        smith::Params::from_query(&address(&pairs))
    };
    for ok in ["usd", "USD", " cny ", "rmb", "¥", "$"] {
        let (p, b) = run(&[("currency", ok), ("weekly", "70")]);
        assert!(b.is_empty(), "{ok}");
        assert_eq!(p.weekly, 70.0);
    }
    for seed in ["0", "18446744073709551615", " 42 "] {
        let (p, b) = run(&[("seed", seed), ("weekly", "70")]);
        assert!(b.is_empty(), "{seed}");
        assert_eq!(p.seed, seed.trim().parse::<u64>().unwrap());
    }
    let d = smith::Params::default();
    for value in always_bad()
        .into_iter()
        .chain(["eur".into(), "18446744073709551616".into(), "1.5".into()])
    {
        let (p, b) = run(&[("weekly", "70"), ("currency", &value), ("seed", "9")]);
        assert_eq!(p.currency, d.currency);
        assert_eq!((p.weekly, p.seed), (70.0, 9));
        assert_eq!(b, vec![bad("currency", &value)]);
        let is_seed = value.trim().parse::<u64>().is_ok();
        let (p, b) = run(&[("weekly", "70"), ("seed", &value), ("currency", "cny")]);
        if !is_seed {
            assert_eq!(p.seed, d.seed);
            assert_eq!(b, vec![bad("seed", &value)]);
        }
        assert_eq!((p.weekly, p.currency), (70.0, smith::Currency::Cny));
    }
}

#[test]
fn smith_reversed_reach_is_refused_as_a_pair() {
    let pairs = address(&[
        ("weekly".into(), "70".into()),
        ("reach_lo".into(), "40".into()),
        ("reach_hi".into(), "12".into()),
    ]);
    let (p, b) = smith::Params::from_query(&pairs);
    let d = smith::Params::default();
    assert_eq!((p.reach_lo, p.reach_hi, p.weekly), (d.reach_lo, d.reach_hi, 70.0));
    assert_eq!(b, vec![bad("reach_lo", "40"), bad("reach_hi", "12")]);
    // Equal ends are a valid range.
    let (p, b) = smith::Params::from_query(&address(&[
        ("reach_lo".into(), "30".into()),
        ("reach_hi".into(), "30".into()),
    ]));
    assert!(b.is_empty());
    assert_eq!((p.reach_lo, p.reach_hi), (30.0, 30.0));
}

#[test]
fn compact_forms_refuse_every_bad_value_in_every_slot() {
    fn check<S: ParamSet + std::fmt::Debug>(read: impl Fn(&str) -> Option<S>) {
        let d = S::default();
        assert_eq!(read(&d.compact()).map(|s| s.compact()), Some(d.compact()));
        for (i, s) in S::SPECS.iter().enumerate() {
            let mut slots: Vec<String> = S::SPECS.iter().map(|o| number(o.default)).collect();
            for value in always_bad()
                .into_iter()
                .chain(edges(s).into_iter().filter(|(_, ok)| !ok).map(|(v, _)| v))
            {
                if value.contains(',') {
                    continue; // a comma changes the slot count, refused below
                }
                slots[i] = value.clone();
                assert!(read(&slots.join(",")).is_none(), "{}={value:?}", s.key);
            }
        }
        let (longer, many) = (format!("{},1", d.compact()), "1,".repeat(5000));
        for text in ["", ",", "1,2", longer.as_str(), many.as_str()] {
            assert!(read(text).is_none(), "{text:.40}");
        }
    }
    let base = smith::Params::default();
    check::<smith::Params>(|t| smith::Params::from_compact(t, &base));
    check::<mirror::Levers>(mirror::Levers::from_compact);
}

// ---------------------------------------------------------------------------
// The emotion line

/// The numeric parameters of the emotion line as specs (from the model's
/// own bounds); None for the steps set. A new `Param` variant fails to
/// compile here until it is given its range.
fn emotion_spec(p: emotion::Param) -> Option<Spec<emotion::Param>> {
    let d = emotion::Params::default();
    Some(match p {
        emotion::Param::Severity => Spec::new(
            p,
            "severity",
            emotion::SEVERITY_MIN,
            emotion::SEVERITY_MAX,
            0.01,
            d.severity,
            false,
            true,
        ),
        emotion::Param::FailureAt => Spec::new(
            p,
            "failure_at",
            f64::from(emotion::FAILURE_AT_MIN),
            f64::from(emotion::FAILURE_AT_MAX),
            1.0,
            f64::from(d.failure_at),
            true,
            false,
        ),
        emotion::Param::Delay => Spec::new(
            p,
            "delay",
            0.0,
            f64::from(emotion::DELAY_MAX),
            1.0,
            f64::from(d.delay),
            true,
            false,
        ),
        emotion::Param::Steps => return None,
    })
}

fn emotion_get(p: &emotion::Params, which: emotion::Param) -> String {
    match which {
        emotion::Param::Severity => number(p.severity),
        emotion::Param::FailureAt => p.failure_at.to_string(),
        emotion::Param::Delay => p.delay.to_string(),
        emotion::Param::Steps => p.steps.keys(),
    }
}

/// Non-default values for every emotion parameter, as the address writes them.
fn emotion_nudged(which: emotion::Param) -> String {
    match emotion_spec(which) {
        Some(s) => number(nudge(&s)),
        None => "feel,solve".into(),
    }
}

#[test]
fn emotion_line_every_parameter_every_bad_value() {
    let d = emotion::Params::default();
    for which in emotion::Param::ALL {
        assert_eq!(which.key(), emotion_spec(which).map_or("steps", |s| s.key));
        let cases: Vec<(String, bool)> = match emotion_spec(which) {
            Some(s) => {
                // Counts are read as whole numbers: no exponent, no sign.
                let unsigned = s.integer;
                always_bad()
                    .into_iter()
                    .map(|b| (b, false))
                    .chain(edges(&s).into_iter().map(|(v, ok)| {
                        let plain = !v.contains('e') && !v.starts_with('-');
                        (v, ok && (!unsigned || plain))
                    }))
                    .collect()
            }
            None => {
                let mut v: Vec<(String, bool)> = [
                    ("none", true),
                    ("", true),
                    ("feel", true),
                    ("prevent,feel,feel", true),
                    (" feel , solve ", true),
                    ("feel,apologise,solve,investigate,bonus,prevent", true),
                    ("fly", false),
                    ("feel,,solve", false),
                    ("feel;solve", false),
                    ("FEEL", false),
                    ("all", false),
                    ("none,feel", false),
                    ("<script>alert(1)</script>", false),
                    ("\0", false),
                    (",", false),
                ]
                .map(|(s, ok)| (s.to_owned(), ok))
                .to_vec();
                v.push(("feel,".repeat(2000), false));
                v.push(("x".repeat(10 * 1024), false));
                v
            }
        };
        for (value, valid) in cases {
            let mut pairs: Vec<(String, String)> = emotion::Param::ALL
                .iter()
                .filter(|o| **o != which)
                .map(|o| (o.key().to_owned(), emotion_nudged(*o)))
                .collect();
            pairs.insert(1, (which.key().to_owned(), value.clone()));
            pairs.push(("path".into(), "ordinary".into()));
            pairs.push(("scenario".into(), "coffee-gift".into()));
            let (p, b) = emotion::Params::from_query(&address(&pairs));
            let shown: String = value.chars().take(40).collect();
            let default = emotion_get(&d, which);
            if valid {
                assert_eq!(b, vec![], "{}={shown:?} is valid", which.key());
                assert!(p.validate().is_ok());
                if emotion_spec(which).is_some() {
                    let want: f64 = value.trim().parse().unwrap();
                    assert_eq!(emotion_get(&p, which), number(want), "{}={shown:?}", which.key());
                }
            } else {
                assert_eq!(b, vec![bad(which.key(), &value)], "{}={shown:?} is named", which.key());
                assert_eq!(emotion_get(&p, which), default, "{}={shown:?} falls back", which.key());
            }
            for o in emotion::Param::ALL.iter().filter(|o| **o != which) {
                let want = match emotion_spec(*o) {
                    Some(_) => emotion_nudged(*o),
                    None => Steps::parse("feel,solve").unwrap().keys(),
                };
                assert_eq!(
                    emotion_get(&p, *o),
                    want,
                    "{} kept when {}={shown:?}",
                    o.key(),
                    which.key()
                );
            }
        }
    }
}

#[test]
fn emotion_line_address_round_trips_at_the_extremes() {
    for (severity, failure_at, delay) in [(0.05, 1, 0), (1.0, 8, 8), (0.6, 4, 2)] {
        for steps in [Steps::NONE, Steps::ALL, Steps::of(&[Step::Prevent])] {
            let p = emotion::Params {
                severity,
                failure_at,
                delay,
                steps,
            };
            let (back, b) = emotion::Params::from_query(&query_pairs(&p.to_query()));
            assert!(b.is_empty(), "{b:?}");
            assert_eq!(back, p);
            let line = emotion::line(&back).unwrap();
            assert!(line.iter().all(|v| v.is_finite() && (0.0..=100.0).contains(v)));
        }
    }
}

#[test]
fn emotion_paths_read_only_their_names() {
    for p in Path::ALL {
        assert_eq!(Path::parse(p.key()), Some(p));
        assert_eq!(Path::parse(&format!(" {} ", p.key().to_uppercase())), Some(p));
    }
    for value in always_bad()
        .into_iter()
        .chain(["all", "perfect!", "perfectperfect", "0"].map(String::from))
    {
        assert_eq!(Path::parse(&value), None, "{value:.40}");
    }
}

#[test]
fn step_through_position_every_bad_value() {
    for total in [1, 6, 8] {
        for n in 1..=total {
            for form in [n.to_string(), format!(" {n} "), format!("0{n}")] {
                let pairs = query_pairs(&format!("weekly=60&reveal={}", percent_encode(&form)));
                assert_eq!(
                    parse_reveal(&pairs, total),
                    (Some(n - 1), vec![]),
                    "{form:?} of {total}"
                );
            }
        }
        let out_of_range = [
            "0".to_owned(),
            (total + 1).to_string(),
            "1.0".into(),
            "2.5".into(),
            "1e1".into(),
        ];
        for value in always_bad().into_iter().chain(out_of_range) {
            let pairs = query_pairs(&format!("reveal={}&weekly=60", percent_encode(&value)));
            assert_eq!(
                parse_reveal(&pairs, total),
                (None, vec![bad("reveal", &value)]),
                "{value:.40}"
            );
            // The model's own reader leaves the name to the step-through.
            assert!(smith::Params::from_query(&pairs).1.is_empty(), "{value:.40}");
        }
    }
    // Repeated: the last valid one counts, every bad one is named.
    let pairs = query_pairs("reveal=2&reveal=x&reveal=3&reveal=99");
    assert_eq!(
        parse_reveal(&pairs, 8),
        (Some(2), vec![bad("reveal", "x"), bad("reveal", "99")])
    );
    // Writing the position back keeps every other parameter as it was.
    let pairs = query_pairs("weekly=60&reveal=2&lang=en&reveal=x");
    let moved = with_reveal(&pairs, Some(4));
    assert_eq!(encode(&moved), "weekly=60&lang=en&reveal=5");
    assert_eq!(encode(&with_reveal(&moved, None)), "weekly=60&lang=en");
}

// ---------------------------------------------------------------------------
// Global parameters, routes, hashes

#[test]
fn global_lang_and_present() {
    for l in Lang::ALL {
        for form in [l.code().to_owned(), l.code().to_uppercase(), format!(" {} ", l.code())] {
            let (g, b) = parse_global(&format!("lang={}&present=0", percent_encode(&form)));
            assert_eq!((g.lang, g.present, b.len()), (Some(l), Some(false), 0), "{form}");
        }
    }
    for (value, on) in [
        ("1", true),
        ("true", true),
        ("on", true),
        ("", true),
        ("0", false),
        ("false", false),
        ("off", false),
        ("TRUE", true),
        (" 1 ", true),
        ("Off", false),
    ] {
        let (g, b) = parse_global(&format!("present={}&lang=en", percent_encode(value)));
        assert_eq!((g.present, g.lang, b.len()), (Some(on), Some(Lang::En), 0), "{value:?}");
    }
    let always: Vec<String> = always_bad().into_iter().filter(|v| !v.trim().is_empty()).collect();
    for value in always
        .iter()
        .cloned()
        .chain(["fr", "zh-CN", "中文", "e n"].map(String::from))
    {
        let (g, b) = parse_global(&format!("lang={}&present=1", percent_encode(&value)));
        assert_eq!((g.lang, g.present), (None, Some(true)), "{value:.40}");
        assert_eq!(b, vec![bad("lang", &value)]);
    }
    // An empty lang is a bad value too (an empty present means "on").
    assert_eq!(parse_global("lang=").1, vec![bad("lang", "")]);
    for value in always.iter().cloned().chain(["2", "yes", "no", "-1"].map(String::from)) {
        let (g, b) = parse_global(&format!("present={}&lang=en", percent_encode(&value)));
        assert_eq!((g.present, g.lang), (None, Some(Lang::En)), "{value:.40}");
        assert_eq!(b, vec![bad("present", &value)]);
    }
}

#[test]
fn repeated_parameters_last_valid_counts_every_bad_one_named() {
    let q = |s: &str| query_pairs(s);
    // smith / mirror (the shared table code)
    let (p, b) = smith::Params::from_query(&q("weekly=1&weekly=2"));
    assert_eq!((p.weekly, b.len()), (2.0, 0));
    let (p, b) = smith::Params::from_query(&q("weekly=abc&weekly=2"));
    assert_eq!((p.weekly, b), (2.0, vec![bad("weekly", "abc")]));
    let (p, b) = smith::Params::from_query(&q("weekly=2&weekly=abc"));
    assert_eq!((p.weekly, b), (2.0, vec![bad("weekly", "abc")]));
    let (p, b) = smith::Params::from_query(&q("weekly=x&weekly=y"));
    assert_eq!((p.weekly, b), (50.0, vec![bad("weekly", "x"), bad("weekly", "y")]));
    let (p, b) = smith::Params::from_query(&q("currency=cny&currency=usd&seed=1&seed=2"));
    assert_eq!((p.currency, p.seed, b.len()), (smith::Currency::Usd, 2, 0));
    let (l, b) = mirror::Levers::from_query(&q("training=10&training=90&pay=bad&pay=20"));
    assert_eq!((l.training, l.pay, b), (90.0, 20.0, vec![bad("pay", "bad")]));
    // emotion line
    let (p, b) = emotion::Params::from_query(&q("delay=1&delay=3&steps=fly&steps=feel"));
    assert_eq!(
        (p.delay, p.steps, b),
        (3, Steps::of(&[Step::Feel]), vec![bad("steps", "fly")])
    );
    // global
    let (g, b) = parse_global("lang=en&lang=zh&present=1&present=maybe");
    assert_eq!(
        (g.lang, g.present, b),
        (Some(Lang::Zh), Some(true), vec![bad("present", "maybe")])
    );
}

#[test]
fn unknown_names_are_left_to_other_readers() {
    let junk = "weekley=60&Weekly=3&WEEKS=1&%00=1&=5&&&a&utm_source=x&%3Cb%3E=1";
    let (p, b) = smith::Params::from_query(&query_pairs(junk));
    assert_eq!((p, b), (smith::Params::default(), vec![]));
    let (l, b) = mirror::Levers::from_query(&query_pairs(junk));
    assert_eq!((l, b), (mirror::Levers::default(), vec![]));
    let (e, b) = emotion::Params::from_query(&query_pairs(junk));
    assert_eq!((e, b), (emotion::Params::default(), vec![]));
    assert_eq!(parse_global(junk), Default::default());
}

#[test]
fn lecture_numbers_and_self_check_ids_in_the_path() {
    for n in 0..=600u32 {
        let want = if (1..=u32::from(LECTURES)).contains(&n) {
            Route::Lecture { n: n as u8 }
        } else {
            Route::NotFound
        };
        assert_eq!(Route::resolve(&format!("/lecture/{n}")), want, "{n}");
    }
    for bad in [
        "/lecture/",
        "/lecture/1.0",
        "/lecture/1e0",
        "/lecture/0x1",
        "/lecture/-0",
        "/lecture/-1",
        "/lecture/１",
        "/lecture/1,5",
        "/lecture/NaN",
        "/lecture/inf",
        "/lecture/%00",
        "/lecture/<script>",
        "/lecture/99999999999999999999999",
        "/lecture/1/2",
    ] {
        assert_eq!(Route::resolve(bad), Route::NotFound, "{bad}");
    }
    for id in BUILT_EXERCISES {
        assert_eq!(
            Route::resolve(&format!("/self-check/{id}")),
            Route::SelfCheck { id: id.to_owned() }
        );
    }
    let long = format!("/self-check/{}", "1".repeat(10 * 1024));
    for bad in [
        "/self-check/",
        "/self-check/9-9",
        "/self-check/1-2",
        "/self-check/11",
        "/self-check/1-1-1",
        "/self-check/..%2F1-1",
        "/self-check/%3Cscript%3E",
        "/self-check/1-1/x",
        long.as_str(),
    ] {
        assert_eq!(Route::resolve(bad), Route::NotFound, "{bad:.40}");
    }
}

#[test]
fn garbage_paths_never_reach_a_screen_that_cannot_show_them() {
    let long = "/".to_owned() + &"a".repeat(10 * 1024);
    for path in [
        "",
        "/",
        "//",
        "///",
        "/.",
        "/..",
        "/%",
        "/%zz",
        "/%00",
        "/\0",
        "/lecture",
        "/LECTURE/1",
        "/Progress",
        "/smith/",
        "/smith/x",
        "/mirror/1",
        "/emotion-line/",
        "/progress/extra",
        "/404",
        "/404/x",
        "<script>",
        "/?a=1",
        "/#x",
        "/\u{202e}",
        "/中文",
        long.as_str(),
    ] {
        let r = Route::resolve(path);
        match &r {
            Route::Lecture { n } => assert!((1..=LECTURES).contains(n), "{path:.40}"),
            Route::SelfCheck { id } => assert!(BUILT_EXERCISES.contains(&id.as_str()), "{path:.40}"),
            _ => {}
        }
    }
    for hash in [
        "#",
        "##",
        "#?",
        "#?lang=en",
        "#%",
        "#%2F",
        "#\0",
        "#/\0",
        "#x",
        "#//",
        "#///x",
        "# /",
        "#\\",
        "#javascript:alert(1)",
        "#/lecture/1#x",
    ] {
        match normalize_hash(hash) {
            None => assert!(
                hash == "#" || (hash.starts_with("#/") && !hash.starts_with("#//")),
                "{hash}"
            ),
            Some(fixed) => {
                assert!(fixed.starts_with("#/404?from="), "{fixed}");
                assert_eq!(normalize_hash(&fixed), None);
                assert_eq!(query_pairs(fixed.split_once('?').unwrap().1)[0].1, hash);
            }
        }
    }
    let fixed = normalize_hash(&format!("#{}", "x".repeat(10 * 1024))).unwrap();
    assert!(fixed.starts_with("#/404?from="));
}

// ---------------------------------------------------------------------------
// Import and saved data

/// A record using every field of the current schema.
fn full_record() -> Progress {
    let mut p = Progress::default();
    p.lang = Some(Lang::En);
    p.visit(3);
    p.set_done(1, true);
    let mut e = ExerciseState::first(40);
    e.record(90);
    e.record(70);
    p.exercises.insert("3-1".into(), e);
    p.roleplays.insert("coffee-gift".into(), ExerciseState::first(55));
    p
}

/// Every JSON pointer in `v`, containers included (not the root).
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                pointers(c, p, out);
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(c, p, out);
            }
        }
        _ => {}
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Replaces every field of `record` (each leaf and each container) with
/// values of every other JSON type, and numbers with impossible numbers:
/// each must be a typed error, except a null where the schema allows one.
fn wrong_types_everywhere(record: Value, nullable: &[&str]) -> usize {
    let mut at = Vec::new();
    pointers(&record, String::new(), &mut at);
    let replacements = [
        json!(null),
        json!(true),
        json!("x"),
        json!(""),
        json!([]),
        json!([1]),
        json!({}),
        json!({"zz": 1}),
        json!(-1),
        json!(1.5),
        json!(1e300),
        json!(256),
        json!(4_294_967_296u64),
    ];
    let mut tried = 0;
    for ptr in &at {
        let original = record.pointer(ptr).unwrap().clone();
        for r in &replacements {
            let same_kind = kind(r) == kind(&original);
            // Same-typed values are checked where they can be wrong: numbers.
            if same_kind && !original.is_number() {
                continue;
            }
            if *r == original {
                continue;
            }
            let mut v = record.clone();
            *v.pointer_mut(ptr).unwrap() = r.clone();
            let text = v.to_string();
            let result = decode(&text);
            tried += 1;
            if r.is_null() && nullable.contains(&ptr.as_str()) {
                assert!(result.is_ok(), "{ptr} = null is allowed: {result:?}");
                continue;
            }
            // 256 and above only fit the u32 attempts; version 256 is newer.
            let fits = match ptr.as_str() {
                p if p.ends_with("/attempts") => r.as_u64().is_some_and(|n| n >= 1 && n <= u64::from(u32::MAX)),
                _ => false,
            };
            if fits {
                assert!(result.is_ok(), "{ptr} = {r} fits: {result:?}");
                continue;
            }
            // serde reads a struct from its positional form too: `"1": []` is a
            // lecture neither visited nor done, `[true]` a visited one. Harmless
            // (every value still passes the checks), so it is allowed.
            let lecture_entry = ptr.starts_with("/lectures/") && ptr.matches('/').count() == 2;
            if lecture_entry && r.is_array() {
                if let Ok(d) = &result {
                    assert_eq!(decode(&d.progress.encode()).unwrap().progress, d.progress);
                    continue;
                }
            }
            match (ptr.as_str(), &result) {
                ("/app", Err(DecodeError::NotOurs))
                | ("/version", Err(DecodeError::NoVersion | DecodeError::TooNew { .. }))
                | (_, Err(DecodeError::Shape(_) | DecodeError::Invalid(_))) => {}
                _ => panic!("{ptr} = {r}: {result:?}"),
            }
        }
    }
    tried
}

#[test]
fn every_field_of_every_schema_with_a_wrong_type() {
    let current: Value = serde_json::from_str(&full_record().encode()).unwrap();
    let n = wrong_types_everywhere(current, &["/lang", "/last"]);
    assert!(n > 100, "{n}");
    let v2 = json!({"app": "loyalty-lab", "version": 2, "lang": "zh", "last": "/lecture/2",
        "lectures": {"2": {"visited": true, "done": false}},
        "exercises": {"1-1": {"attempts": 3, "best": 80, "last": 60}}});
    assert!(decode(&v2.to_string()).is_ok());
    wrong_types_everywhere(v2, &["/lang", "/last"]);
    let v1 = json!({"app": "loyalty-lab", "version": 1, "lang": "en", "visited": [1, 2], "done": [2]});
    assert!(decode(&v1.to_string()).is_ok());
    wrong_types_everywhere(v1, &["/lang"]);
}

#[test]
fn unknown_fields_at_every_level_are_refused() {
    let record: Value = serde_json::from_str(&full_record().encode()).unwrap();
    let mut at = vec![String::new()];
    pointers(&record, String::new(), &mut at);
    for ptr in at {
        let mut v = record.clone();
        if let Some(Value::Object(m)) = v.pointer_mut(&ptr) {
            m.insert("surprise".into(), json!({"visited": true}));
            let r = decode(&v.to_string());
            assert!(
                matches!(r, Err(DecodeError::Shape(_) | DecodeError::Invalid(_))),
                "{ptr}: {r:?}"
            );
        }
    }
}

#[test]
fn every_decode_error_is_reachable_from_a_file() {
    let s = SCHEMA;
    let rec = |body: &str| format!(r#"{{"app":"loyalty-lab","version":{s}{body}}}"#);
    let ex = |id: &str, a: &str, b: &str, l: &str| {
        rec(&format!(
            r#","exercises":{{"{id}":{{"attempts":{a},"best":{b},"last":{l}}}}}"#
        ))
    };
    let rp = |id: &str| {
        rec(&format!(
            r#","roleplays":{{"{id}":{{"attempts":1,"best":5,"last":5}}}}"#
        ))
    };
    let nested_arrays = "[".repeat(10_000) + &"]".repeat(10_000);
    let nested_objects = r#"{"a":"#.repeat(10_000) + "1" + &"}".repeat(10_000);
    let nested_inside = rec(&format!(r#","lectures":{}"#, nested_arrays));
    let utf16: Vec<u8> = std::iter::once(0xFEFFu16)
        .chain(rec("").encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let utf16 = String::from_utf8_lossy(&utf16).into_owned();
    type Is = fn(&DecodeError) -> bool;
    let not_json: Is = |e| matches!(e, DecodeError::NotJson(_));
    let not_ours: Is = |e| matches!(e, DecodeError::NotOurs);
    let no_version: Is = |e| matches!(e, DecodeError::NoVersion);
    let shape: Is = |e| matches!(e, DecodeError::Shape(_));
    let invalid: Is = |e| matches!(e, DecodeError::Invalid(_));
    let too_new: Is = |e| matches!(e, DecodeError::TooNew { .. });
    let over = rec(&format!(r#","pad":"{}""#, " ".repeat(MAX_BYTES)));
    let cases: Vec<(&str, String, Is)> = vec![
        ("not JSON", "this is not json {".into(), not_json),
        ("truncated", rec("").trim_end_matches('}').into(), not_json),
        ("trailing garbage", rec("") + "x", not_json),
        ("two records", rec("") + &rec(""), not_json),
        ("NUL bytes", "\0\0\0".into(), not_json),
        ("JSON with comments", rec("").replace('{', "{/* c */"), not_json),
        ("single quotes", rec("").replace('"', "'"), not_json),
        ("NaN literal", rec(r#","lectures":NaN"#), not_json),
        ("lone surrogate escape", rec(r#","last":"\ud800""#), not_json),
        ("10,000 nested arrays", nested_arrays.clone(), not_json),
        ("10,000 nested objects", nested_objects, not_json),
        ("nesting inside a field", nested_inside, not_json),
        ("UTF-16 text", utf16, not_json),
        ("BOM-prefixed", format!("\u{FEFF}{}", rec("")), not_json),
        ("JSON null", "null".into(), not_ours),
        ("JSON number", "3".into(), not_ours),
        ("JSON string", r#""loyalty-lab""#.into(), not_ours),
        ("JSON array", "[1,2,3]".into(), not_ours),
        ("empty object", "{}".into(), not_ours),
        ("other app", r#"{"app":"other","version":3}"#.into(), not_ours),
        (
            "app in other case",
            r#"{"app":"Loyalty-Lab","version":3}"#.into(),
            not_ours,
        ),
        ("app as a number", r#"{"app":1,"version":3}"#.into(), not_ours),
        ("missing version", r#"{"app":"loyalty-lab"}"#.into(), no_version),
        ("version 0", r#"{"app":"loyalty-lab","version":0}"#.into(), no_version),
        (
            "negative version",
            r#"{"app":"loyalty-lab","version":-1}"#.into(),
            no_version,
        ),
        (
            "float version",
            r#"{"app":"loyalty-lab","version":2.5}"#.into(),
            no_version,
        ),
        (
            "version 2.0",
            r#"{"app":"loyalty-lab","version":2.0}"#.into(),
            no_version,
        ),
        (
            "string version",
            r#"{"app":"loyalty-lab","version":"3"}"#.into(),
            no_version,
        ),
        (
            "null version",
            r#"{"app":"loyalty-lab","version":null}"#.into(),
            no_version,
        ),
        (
            "huge version",
            r#"{"app":"loyalty-lab","version":1e30}"#.into(),
            no_version,
        ),
        (
            "version u64 + 1",
            r#"{"app":"loyalty-lab","version":18446744073709551616}"#.into(),
            no_version,
        ),
        (
            "version u64::MAX",
            r#"{"app":"loyalty-lab","version":18446744073709551615}"#.into(),
            too_new,
        ),
        (
            "newer version",
            format!(r#"{{"app":"loyalty-lab","version":{}}}"#, s + 1),
            too_new,
        ),
        ("unknown field", rec(r#","surprise":1"#), shape),
        ("lang not a language", rec(r#","lang":"fr""#), shape),
        ("lecture key not a number", rec(r#","lectures":{"x":{}}"#), shape),
        ("lecture 256", rec(r#","lectures":{"256":{}}"#), shape),
        ("lecture -1", rec(r#","lectures":{"-1":{}}"#), shape),
        ("lecture 1.5", rec(r#","lectures":{"1.5":{}}"#), shape),
        ("lecture 0", rec(r#","lectures":{"0":{"visited":true}}"#), invalid),
        ("lecture 13", rec(r#","lectures":{"13":{"visited":true}}"#), invalid),
        ("lecture 255", rec(r#","lectures":{"255":{}}"#), invalid),
        ("best 101", ex("1-1", "1", "101", "1"), invalid),
        ("best 255", ex("1-1", "1", "255", "1"), invalid),
        ("best 256", ex("1-1", "1", "256", "1"), shape),
        ("last > best", ex("1-1", "1", "50", "60"), invalid),
        ("attempts 0", ex("1-1", "0", "50", "50"), invalid),
        ("attempts negative", ex("1-1", "-1", "50", "50"), shape),
        ("attempts float", ex("1-1", "1.5", "50", "50"), shape),
        ("attempts string", ex("1-1", "\"1\"", "50", "50"), shape),
        ("attempts huge", ex("1-1", "4294967296", "50", "50"), shape),
        ("unknown exercise", ex("9-9", "1", "50", "50"), invalid),
        ("exercise id with spaces", ex(" 1-1", "1", "50", "50"), invalid),
        (
            "missing score",
            rec(r#","exercises":{"1-1":{"attempts":1,"best":5}}"#),
            shape,
        ),
        ("bad role-play id", rp("Coffee Gift"), invalid),
        ("empty role-play id", rp(""), invalid),
        ("role-play id with script", rp("<script>"), invalid),
        ("over-long role-play id", rp(&"a".repeat(65)), invalid),
        (
            "role-play score 101",
            rec(r#","roleplays":{"coffee-gift":{"attempts":1,"best":101,"last":1}}"#),
            invalid,
        ),
        ("unknown place", rec(r#","last":"/nowhere""#), invalid),
        ("place not resumable", rec(r#","last":"/progress""#), invalid),
        ("place lecture 13", rec(r#","last":"/lecture/13""#), invalid),
        ("place with U+0000", rec(r#","last":"/lecture/\u0000""#), invalid),
        ("place with U+0000 first", rec(r#","last":"\u0000""#), invalid),
        (
            "schema 1 lecture 99",
            r#"{"app":"loyalty-lab","version":1,"visited":[99]}"#.into(),
            invalid,
        ),
        (
            "schema 1 lecture 0",
            r#"{"app":"loyalty-lab","version":1,"done":[0]}"#.into(),
            invalid,
        ),
        (
            "schema 1 lecture 300",
            r#"{"app":"loyalty-lab","version":1,"done":[300]}"#.into(),
            shape,
        ),
        (
            "schema 1 with schema 2 fields",
            r#"{"app":"loyalty-lab","version":1,"lectures":{}}"#.into(),
            shape,
        ),
    ];
    for (what, text, is) in &cases {
        let r = std::thread::scope(|s| s.spawn(|| decode(text)).join().expect("no panic"));
        match r {
            Err(e) => assert!(is(&e), "{what}: unexpected {e:?}"),
            Ok(d) => panic!("{what}: accepted {d:?}"),
        }
        // load() reports the same error as damaged data.
        assert!(matches!(load(Some(text)), Loaded::Damaged(_)), "{what}");
    }
    match decode(&over) {
        Err(DecodeError::TooLarge { bytes }) => assert_eq!(bytes, over.len()),
        other => panic!("too large: {other:?}"),
    }
    // Exactly at the limit is read.
    let base = rec("");
    let exact = format!("{}{}}}", &base[..base.len() - 1], " ".repeat(MAX_BYTES - base.len()));
    assert_eq!(exact.len(), MAX_BYTES);
    assert!(decode(&exact).is_ok());
    // Every error variant was reached.
    let mut seen = std::collections::BTreeSet::new();
    for (_, text, _) in &cases {
        if let Err(e) = decode(text) {
            seen.insert(format!("{e:?}").split(['(', ' ', '{']).next().unwrap().to_owned());
        }
    }
    if let Err(e) = decode(&over) {
        seen.insert(format!("{e:?}").split(['(', ' ', '{']).next().unwrap().to_owned());
    }
    let all = [
        "TooLarge",
        "NotJson",
        "NotOurs",
        "NoVersion",
        "TooNew",
        "Shape",
        "Invalid",
    ];
    assert_eq!(seen, all.iter().map(|s| s.to_string()).collect());
}

#[test]
fn valid_extremes_of_a_record_are_accepted() {
    let mut p = Progress::default();
    for n in 1..=LECTURES {
        p.set_done(n, n % 2 == 0);
    }
    for (i, id) in KNOWN_EXERCISES.iter().enumerate() {
        let mut e = ExerciseState::first(100);
        if i == 0 {
            e.attempts = u32::MAX;
        }
        if i == 1 {
            e = ExerciseState::first(0);
        }
        p.exercises.insert((*id).into(), e);
    }
    p.roleplays.insert("a".repeat(64), ExerciseState::first(0));
    p.roleplays.insert("0-9-z".into(), ExerciseState::first(100));
    p.last = Some(format!("/lecture/{LECTURES}"));
    let d = decode(&p.encode()).unwrap();
    assert_eq!(d.progress, p);
    // Fields may come in any order, with whitespace anywhere between tokens.
    let text = "\n\t {\"version\" : 2 ,\"lectures\":{\"1\":{\"done\":true}}, \"app\":\"loyalty-lab\"}\r\n ";
    let d = decode(text).unwrap();
    assert!(d.progress.lectures[&1].done);
    // A repeated key counts once, the last one (as JSON.parse reads it).
    let twice = format!(r#"{{"app":"loyalty-lab","version":{SCHEMA},"lang":"en","lang":"zh"}}"#);
    assert_eq!(decode(&twice).unwrap().progress.lang, Some(Lang::Zh));
}

/// Any progress record the app can hold (scores consistent by construction).
fn arb_record() -> impl Strategy<Value = Progress> {
    let lectures = prop::collection::btree_map(1..=LECTURES, (any::<bool>(), any::<bool>()), 0..=12);
    let scores = prop::collection::vec(0u8..=100, 1..6);
    let exercises = prop::collection::btree_map(prop::sample::select(KNOWN_EXERCISES.to_vec()), scores.clone(), 0..5);
    let roleplays = prop::collection::btree_map("[a-z0-9-]{1,64}", scores, 0..4);
    let lang = prop::option::of(prop::sample::select(Lang::ALL.to_vec()));
    let last = prop::option::of(1..=LECTURES);
    (lectures, exercises, roleplays, lang, last).prop_map(|(ls, es, rs, lang, last)| {
        let mut p = Progress {
            lang,
            last: last.map(|n| format!("/lecture/{n}")),
            ..Progress::default()
        };
        for (n, (visited, done)) in ls {
            let s = p.lectures.entry(n).or_default();
            s.visited = visited;
            s.done = done;
        }
        let results = |scores: Vec<u8>| {
            let mut e = ExerciseState::first(scores[0]);
            for s in &scores[1..] {
                e.record(*s);
            }
            // last ≤ best by construction of `record`.
            e
        };
        for (id, scores) in es {
            p.exercises.insert(id.to_owned(), results(scores));
        }
        for (id, scores) in rs {
            p.roleplays.insert(id, results(scores));
        }
        p
    })
}

/// Address queries made of known names and hostile values.
fn arb_query() -> impl Strategy<Value = String> {
    let mut names: Vec<String> = smith::SPECS.iter().map(|s| s.key.to_owned()).collect();
    names.extend(mirror::SPECS.iter().map(|s| s.key.to_owned()));
    names.extend(emotion::Param::ALL.iter().map(|p| p.key().to_owned()));
    names.extend(["lang", "present", "currency", "seed", "compare", "reveal", "x"].map(String::from));
    let value = prop_oneof![
        ".{0,12}",
        "[-+0-9.eE,%]{0,12}",
        any::<f64>().prop_map(|f| f.to_string()),
        any::<i64>().prop_map(|i| i.to_string()),
    ];
    prop::collection::vec((prop::sample::select(names), value), 0..12).prop_map(|pairs| {
        pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", percent_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_query_never_panics_and_always_gives_usable_parameters(
        q in prop_oneof![arb_query(), ".{0,200}", "[a-z_=&%0-9.,+-]{0,120}"]
    ) {
        let pairs = query_pairs(&q);
        let names: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        let (s, b1) = smith::Params::from_query(&pairs);
        prop_assert!(s.validate().is_ok());
        prop_assert!(smith::compute(&s).is_ok());
        let (m, b2) = mirror::Levers::from_query(&pairs);
        prop_assert!(m.validate().is_ok());
        let (e, b3) = emotion::Params::from_query(&pairs);
        prop_assert!(e.validate().is_ok());
        let (_, b4) = parse_global(&q);
        for b in b1.iter().chain(&b2).chain(&b3).chain(&b4) {
            prop_assert!(names.contains(&b.name.as_str()), "{b:?} names a parameter of the address");
        }
        // What a screen writes back reads back the same, with nothing to report.
        let (s2, b) = smith::Params::from_query(&query_pairs(&s.to_query()));
        prop_assert!(b.is_empty());
        prop_assert_eq!(s2, s);
        let (m2, b) = mirror::Levers::from_query(&query_pairs(&m.to_query()));
        prop_assert!(b.is_empty());
        prop_assert_eq!(m2, m);
        let (_, b) = emotion::Params::from_query(&query_pairs(&e.to_query()));
        prop_assert!(b.is_empty());
        let _ = Route::resolve(&q);
        let _ = normalize_hash(&q);
    }

    #[test]
    fn any_bytes_as_an_import_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = decode(&text);
        let _ = load(Some(&text));
    }

    #[test]
    fn any_valid_record_survives_encode_then_decode(p in arb_record()) {
        let d = decode(&p.encode()).unwrap();
        prop_assert_eq!(d.from_version, SCHEMA);
        prop_assert_eq!(&d.progress, &p);
        // And again: encoding is stable.
        prop_assert_eq!(d.progress.encode(), p.encode());
    }

    #[test]
    fn a_valid_record_with_one_byte_changed_is_read_or_refused(p in arb_record(), at in any::<usize>(), b in any::<u8>()) {
        let mut bytes = p.encode().into_bytes();
        let i = at % bytes.len();
        bytes[i] = b;
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(d) = decode(&text) {
            // Whatever is accepted passes every check: it re-encodes and reads back.
            prop_assert_eq!(decode(&d.progress.encode()).unwrap().progress, d.progress);
        }
    }
}

// ---------------------------------------------------------------------------
// Typed numbers (the number field beside every slider)

#[test]
fn typed_numbers_are_read_or_refused_never_guessed() {
    use loyalty_lab::web::controls::parse_number;
    for (text, want) in [
        ("12", 12.0),
        (" 12 ", 12.0),
        ("１２", 12.0),
        ("1,5", 1.5),
        ("1，5", 1.5),
        ("12．5", 12.5),
        ("1,200", 1200.0),
        ("1,234,567", 1_234_567.0),
        ("1 200", 1200.0),
        ("25%", 25.0),
        ("$50", 50.0),
        ("¥ 50", 50.0),
        ("－3", -3.0),
        ("-0", 0.0),
        ("1e3", 1000.0),
    ] {
        assert_eq!(parse_number(text), Some(want), "{text}");
    }
    for text in always_bad()
        .into_iter()
        .filter(|t| {
            ![
                "1,5",
                "１２",
                "-1",
                "99999999999999999999999999999",
                "-99999999999999999999",
            ]
            .contains(&t.as_str())
        })
        .chain(["1,5,0", "1,5.0", "12,34,56", "1.2.3", "½", "0x1F"].map(String::from))
    {
        assert_eq!(parse_number(&text), None, "{text:.40}");
    }
}
