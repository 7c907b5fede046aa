//! Addresses: route recognition and the global query parameters.

use loyalty_lab::course::lectures::{BUILT_EXERCISES, LECTURES};
use loyalty_lab::routing::route::{global_only, normalize_hash, parse_global, query_pairs, share_query, Route};
use loyalty_lab::support::i18n::Lang;
use proptest::prelude::*;

#[test]
fn resolves_the_designed_routes() {
    assert_eq!(Route::resolve("/"), Route::Home);
    assert_eq!(Route::resolve("/progress"), Route::Progress);
    for n in 1..=12 {
        assert_eq!(Route::resolve(&format!("/lecture/{n}")), Route::Lecture { n });
    }
    for bad in [
        "/lecture/0",
        "/lecture/13",
        "/lecture/abc",
        "/lecture/-1",
        "/lecture/300",
        "/nowhere",
        "/lecture",
    ] {
        assert_eq!(Route::resolve(bad), Route::NotFound, "{bad}");
    }
}

#[test]
fn routes_round_trip_to_paths() {
    let fixed = [
        (Route::Home, "/"),
        (Route::Progress, "/progress"),
        (Route::Class, "/class"),
        (Route::Smith, "/smith"),
        (Route::Mirror, "/mirror"),
        (Route::EmotionLine, "/emotion-line"),
        (Route::NotFound, "/404"),
    ];
    for (r, path) in fixed {
        assert_eq!(r.to_path(), path);
        assert_eq!(Route::resolve(path), r);
    }
    for n in 1..=LECTURES {
        let r = Route::Lecture { n };
        assert_eq!(r.to_path(), format!("/lecture/{n}"));
        assert_eq!(Route::resolve(&r.to_path()), r);
    }
    for id in BUILT_EXERCISES {
        let r = Route::SelfCheck { id: id.to_string() };
        assert_eq!(r.to_path(), format!("/self-check/{id}"));
        assert_eq!(Route::resolve(&r.to_path()), r);
    }
    // A parameter is percent-encoded as yew-router encoded it.
    assert_eq!(
        Route::SelfCheck { id: "a b/中~".into() }.to_path(),
        "/self-check/a%20b%2F%E4%B8%AD~"
    );
}

/// Paths are read as yew-router 0.20 (route-recognizer) read them; these
/// were checked against it before it was removed.
#[test]
fn reads_paths_as_yew_router_did() {
    let lecture = |n| Route::Lecture { n };
    let one_one = Route::SelfCheck { id: "1-1".into() };
    for (path, want) in [
        // One trailing slash is ignored, the leading one is optional.
        ("", Route::Home),
        ("//", Route::Home),
        ("/smith/", Route::Smith),
        ("smith", Route::Smith),
        ("/lecture/5/", lecture(5)),
        ("lecture/5", lecture(5)),
        ("/lecture/5//", Route::NotFound),
        ("/smith//", Route::NotFound),
        ("///", Route::NotFound),
        // A parameter is percent-decoded, `+` kept, then parsed as a u8.
        ("/lecture/%35", lecture(5)),
        ("/lecture/05", lecture(5)),
        ("/lecture/+5", lecture(5)),
        ("/lecture/%2B5", lecture(5)),
        ("/lecture/ 5", Route::NotFound),
        ("/lecture/5%20", Route::NotFound),
        ("/self-check/%31-1", one_one.clone()),
        ("/self-check/1%2D1", one_one.clone()),
        ("/self-check/1-1/", one_one),
        ("/self-check/+1-1", Route::NotFound),
        // Fixed names are matched exactly, undecoded.
        ("/%73mith", Route::NotFound),
        ("/smith\0", Route::NotFound),
        ("/\0", Route::NotFound),
        ("/404/", Route::NotFound),
    ] {
        assert_eq!(Route::resolve(path), want, "{path:?}");
    }
}

#[test]
fn reads_global_parameters() {
    let (g, bad) = parse_global("?lang=en&present=1&weekly=50");
    assert_eq!(g.lang, Some(Lang::En));
    assert_eq!(g.present, Some(true));
    assert!(bad.is_empty());
    let (g, bad) = parse_global("lang=klingon&present=maybe");
    assert_eq!(g.lang, None);
    assert_eq!(g.present, None);
    assert_eq!(bad.len(), 2);
    assert_eq!(bad[0].value, "klingon");
    assert_eq!(parse_global("present=0").0.present, Some(false));
    assert_eq!(parse_global("").0, Default::default());
}

#[test]
fn splits_query_pairs() {
    assert_eq!(
        query_pairs("?a=1&&b=%E4%B8%AD&c"),
        vec![
            ("a".into(), "1".into()),
            ("b".into(), "中".into()),
            ("c".into(), "".into())
        ]
    );
}

#[test]
fn unreadable_hashes_become_not_found() {
    for ok in ["", "#", "#/", "#/lecture/3?lang=en", "#/smith?weekly=5"] {
        assert_eq!(normalize_hash(ok), None, "{ok}");
    }
    assert_eq!(normalize_hash("#//").as_deref(), Some("#/404?from=%23%2F%2F"));
    assert_eq!(normalize_hash("#x/y").as_deref(), Some("#/404?from=%23x%2Fy"));
    let fixed = normalize_hash("#top").unwrap();
    assert_eq!(Route::resolve(fixed[1..].split('?').next().unwrap()), Route::NotFound);
    let from = query_pairs(fixed.split_once('?').unwrap().1);
    assert_eq!(from, vec![("from".to_owned(), "#top".to_owned())]);
}

#[test]
fn reset_keeps_only_the_global_parameters() {
    assert_eq!(global_only(""), vec![]);
    assert_eq!(global_only("weekly=90&years=3&currency=cny"), vec![]);
    assert_eq!(
        global_only("?weekly=90&lang=en&compare=1%2C2&present=1"),
        vec![
            ("lang".to_owned(), "en".to_owned()),
            ("present".to_owned(), "1".to_owned())
        ]
    );
}

#[test]
fn a_shared_link_holds_what_differs_from_the_defaults_and_the_language() {
    let pairs = |q: &str| query_pairs(q);
    let defaults = pairs("training=50&pay=50&months=36");
    assert_eq!(share_query(&[], &defaults, Lang::Zh), "lang=zh");
    assert_eq!(share_query(&defaults, &defaults, Lang::En), "lang=en");
    assert_eq!(
        share_query(
            &pairs("training=80&pay=50&months=36&compare=50%2C52"),
            &defaults,
            Lang::En
        ),
        "training=80&compare=50%2C52&lang=en"
    );
    assert_eq!(
        share_query(&pairs("scenario=late&choices=0.2.1&steps=feel,solve"), &[], Lang::Zh),
        "scenario=late&choices=0.2.1&steps=feel%2Csolve&lang=zh"
    );
}

proptest! {
    #[test]
    fn any_address_resolves_without_panic(path in "/[a-z0-9/%-]{0,30}", query in ".{0,60}") {
        let _ = Route::resolve(&path);
        let _ = parse_global(&query);
    }

    #[test]
    fn normalized_hashes_are_readable(hash in ".{0,40}") {
        if let Some(fixed) = normalize_hash(&hash) {
            prop_assert!(fixed.starts_with("#/404?from="));
            prop_assert_eq!(normalize_hash(&fixed), None);
            let from = query_pairs(fixed.split_once('?').unwrap().1);
            prop_assert_eq!(&from[0].1, &hash);
        }
    }
}
