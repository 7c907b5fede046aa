//! The progress record: round trips, migration from older schemas, drill
//! results (schema 5), and every way saved or imported data can be unusable.

use loyalty_lab::progress::drill::{DrillState, MAX_ANSWER};
use loyalty_lab::progress::record::{
    decode, load, DecodeError, ExerciseState, Loaded, Progress, Status, MAX_BYTES, SCHEMA,
};
use loyalty_lab::routing::route::Route;
use proptest::prelude::*;

fn sample() -> Progress {
    let mut p = Progress::default();
    p.visit(3);
    p.set_done(1, true);
    p.exercises.insert(
        "3-1".into(),
        ExerciseState {
            attempts: 2,
            best: 80,
            last: 60,
            missed: vec!["price-war".into(), "value-first".into()],
        },
    );
    p
}

#[test]
fn round_trips_through_text() {
    let p = sample();
    let d = decode(&p.encode()).unwrap();
    assert_eq!(d.progress, p);
    assert_eq!(d.from_version, SCHEMA);
}

#[test]
fn status_and_continue() {
    let mut p = Progress::default();
    assert!(!p.has_started());
    assert_eq!(p.continue_route(), Route::Lecture { n: 1 });
    p.set_done(1, true);
    assert_eq!(p.continue_route(), Route::Lecture { n: 2 });
    p.visit(7);
    assert_eq!(p.status(7), Status::Visited);
    assert_eq!(p.status(1), Status::Done);
    assert_eq!(p.status(2), Status::NotStarted);
    assert_eq!(p.continue_route(), Route::Lecture { n: 7 });
    assert_eq!(p.done_count(), 1);
    p.set_done(1, false);
    assert_eq!(p.status(1), Status::Visited);
}

#[test]
fn migrates_schema_1() {
    let v1 = r#"{"app":"loyalty-lab","version":1,"lang":"en","visited":[2,5],"done":[2]}"#;
    let d = decode(v1).unwrap();
    assert_eq!(d.from_version, 1);
    assert_eq!(d.progress.version, SCHEMA);
    assert_eq!(d.progress.lang, Some(loyalty_lab::support::i18n::Lang::En));
    assert_eq!(d.progress.status(2), Status::Done);
    assert_eq!(d.progress.status(5), Status::Visited);
    assert_eq!(d.progress.status(1), Status::NotStarted);
    // A migrated record re-reads as the current schema.
    assert_eq!(decode(&d.progress.encode()).unwrap().from_version, SCHEMA);
}

#[test]
fn reads_schema_2_as_is() {
    let v2 = r#"{"app":"loyalty-lab","version":2,"lectures":{"4":{"visited":true,"done":true}}}"#;
    let d = decode(v2).unwrap();
    assert_eq!(d.from_version, 2);
    assert_eq!(d.progress.status(4), Status::Done);
    assert!(d.progress.roleplays.is_empty());
}

#[test]
fn reads_schema_3_as_current_with_nothing_missed() {
    let v3 = r#"{"app":"loyalty-lab","version":3,"lectures":{"2":{"visited":true}},
        "exercises":{"5-1":{"attempts":2,"best":70,"last":40}},
        "roleplays":{"coffee-gift":{"attempts":1,"best":55,"last":55}}}"#;
    let d = decode(v3).unwrap();
    assert_eq!(d.from_version, 3);
    assert_eq!(d.progress.version, SCHEMA);
    assert_eq!(SCHEMA, 5);
    let e = &d.progress.exercises["5-1"];
    assert_eq!((e.attempts, e.best, e.last), (2, 70, 40));
    assert!(e.missed.is_empty());
    // Re-encoded, it reads as the current schema and is the same record.
    let again = decode(&d.progress.encode()).unwrap();
    assert_eq!(again.from_version, SCHEMA);
    assert_eq!(again.progress, d.progress);
    // Nothing missed is not written at all: files stay small.
    assert!(!d.progress.encode().contains("missed"));
}

#[test]
fn missed_ideas_round_trip_and_follow_the_latest_attempt() {
    let mut e = ExerciseState::first(40);
    e.set_missed([
        "value-first".to_owned(),
        "price-war".into(),
        "price-war".into(),
        "Bad Id".into(),
    ]);
    assert_eq!(e.missed, ["price-war", "value-first"]);
    e.record(90);
    assert!(e.missed.is_empty(), "a new attempt replaces what the last one missed");
    e.set_missed((0..40).map(|i| format!("idea-{i:02}")));
    assert_eq!(e.missed.len(), loyalty_lab::progress::record::MAX_MISSED);
    let mut p = Progress::default();
    p.exercises.insert("1-1".into(), e);
    let text = p.encode();
    assert!(text.contains("\"missed\""));
    assert_eq!(decode(&text).unwrap().progress, p);
}

#[test]
fn rejects_bad_missed_values() {
    let rec = |missed: &str| {
        format!(
            r#"{{"app":"loyalty-lab","version":4,"exercises":{{"1-1":{{"attempts":1,"best":10,"last":10,"missed":{missed}}}}}}}"#
        )
    };
    let too_many = format!(
        "[{}]",
        (0..13)
            .map(|i| format!("\"idea-{i:02}\""))
            .collect::<Vec<_>>()
            .join(",")
    );
    let too_long = format!("[\"{}\"]", "a".repeat(49));
    for (missed, invalid) in [
        ("[\"Price-War\"]", true),
        ("[\"price war\"]", true),
        ("[\"\"]", true),
        ("[\"-x\"]", true),
        ("[\"a--b\"]", true),
        ("[\"x\\u0000\"]", true),
        ("[\"b\",\"a\"]", true),
        ("[\"a\",\"a\"]", true),
        (too_many.as_str(), true),
        (too_long.as_str(), true),
        ("[1]", false),
        ("\"price-war\"", false),
        ("null", false),
    ] {
        let text = rec(missed);
        match decode(&text) {
            Err(DecodeError::Invalid(_)) if invalid => {}
            Err(DecodeError::Shape(_)) if !invalid => {}
            other => panic!("{missed}: unexpected {other:?}"),
        }
    }
    assert!(decode(&rec(&format!("[\"{}\"]", "a".repeat(48)))).is_ok());
    assert!(decode(&rec("[\"a\",\"b-2\"]")).is_ok());
    // Older schemas had no such field; role-plays never have one.
    let v3 =
        r#"{"app":"loyalty-lab","version":3,"exercises":{"1-1":{"attempts":1,"best":10,"last":10,"missed":["a"]}}}"#;
    assert!(matches!(decode(v3), Err(DecodeError::Shape(_))));
    let rp = r#"{"app":"loyalty-lab","version":4,"roleplays":{"coffee-gift":{"attempts":1,"best":10,"last":10,"missed":["a"]}}}"#;
    assert!(matches!(decode(rp), Err(DecodeError::Invalid(_))));
}

#[test]
fn role_play_results_round_trip_and_are_checked() {
    let mut p = sample();
    p.roleplays.insert("coffee-gift".into(), ExerciseState::first(40));
    p.roleplays.get_mut("coffee-gift").unwrap().record(90);
    p.roleplays.get_mut("coffee-gift").unwrap().record(70);
    assert_eq!(
        p.roleplays["coffee-gift"],
        ExerciseState {
            attempts: 3,
            best: 90,
            last: 70,
            missed: vec![]
        }
    );
    assert_eq!(decode(&p.encode()).unwrap().progress, p);
    for bad in [
        r#"{"app":"loyalty-lab","version":3,"roleplays":{"Bad Id!":{"attempts":1,"best":1,"last":1}}}"#,
        r#"{"app":"loyalty-lab","version":3,"roleplays":{"x":{"attempts":1,"best":10,"last":20}}}"#,
    ] {
        assert!(matches!(decode(bad), Err(DecodeError::Invalid(_))), "{bad}");
    }
}

#[test]
fn schema_1_with_bad_lectures_is_rejected() {
    let v1 = r#"{"app":"loyalty-lab","version":1,"visited":[99]}"#;
    assert!(matches!(decode(v1), Err(DecodeError::Invalid(_))));
}

#[test]
fn rejects_every_kind_of_bad_data() {
    let cases: &[(&str, fn(&DecodeError) -> bool)] = &[
        ("not json {", |e| matches!(e, DecodeError::NotJson(_))),
        ("[1,2,3]", |e| matches!(e, DecodeError::NotOurs)),
        (r#"{"app":"other","version":2}"#, |e| matches!(e, DecodeError::NotOurs)),
        (r#"{"app":"loyalty-lab"}"#, |e| matches!(e, DecodeError::NoVersion)),
        (r#"{"app":"loyalty-lab","version":"2"}"#, |e| {
            matches!(e, DecodeError::NoVersion)
        }),
        (r#"{"app":"loyalty-lab","version":0}"#, |e| {
            matches!(e, DecodeError::NoVersion)
        }),
        (r#"{"app":"loyalty-lab","version":6}"#, |e| {
            matches!(e, DecodeError::TooNew { version: 6 })
        }),
        (
            r#"{"app":"loyalty-lab","version":2,"lectures":{"13":{"done":true}}}"#,
            |e| matches!(e, DecodeError::Invalid(_)),
        ),
        (r#"{"app":"loyalty-lab","version":2,"lectures":{"x":{}}}"#, |e| {
            matches!(e, DecodeError::Shape(_))
        }),
        (
            r#"{"app":"loyalty-lab","version":2,"lectures":{"1":{"done":"yes"}}}"#,
            |e| matches!(e, DecodeError::Shape(_)),
        ),
        (r#"{"app":"loyalty-lab","version":2,"surprise":1}"#, |e| {
            matches!(e, DecodeError::Shape(_))
        }),
        (r#"{"app":"loyalty-lab","version":2,"lang":"fr"}"#, |e| {
            matches!(e, DecodeError::Shape(_))
        }),
        (
            r#"{"app":"loyalty-lab","version":2,"exercises":{"9-9":{"attempts":1,"best":1,"last":1}}}"#,
            |e| matches!(e, DecodeError::Invalid(_)),
        ),
        (
            r#"{"app":"loyalty-lab","version":2,"exercises":{"1-1":{"attempts":1,"best":101,"last":1}}}"#,
            |e| matches!(e, DecodeError::Invalid(_)),
        ),
        (
            r#"{"app":"loyalty-lab","version":2,"exercises":{"1-1":{"attempts":0,"best":1,"last":1}}}"#,
            |e| matches!(e, DecodeError::Invalid(_)),
        ),
        (r#"{"app":"loyalty-lab","version":2,"last":"/nowhere"}"#, |e| {
            matches!(e, DecodeError::Invalid(_))
        }),
    ];
    for (text, ok) in cases {
        let err = decode(text).expect_err(text);
        assert!(ok(&err), "{text}: unexpected {err:?}");
    }
    let huge = format!(
        r#"{{"app":"loyalty-lab","version":2,"pad":"{}"}}"#,
        "x".repeat(MAX_BYTES)
    );
    assert!(matches!(decode(&huge), Err(DecodeError::TooLarge { .. })));
}

#[test]
fn load_tells_fresh_found_and_damaged_apart() {
    assert_eq!(load(None), Loaded::Fresh);
    assert_eq!(load(Some("  ")), Loaded::Fresh);
    assert!(matches!(load(Some(&sample().encode())), Loaded::Found(_)));
    assert!(matches!(
        load(Some("{garbage")),
        Loaded::Damaged(DecodeError::NotJson(_))
    ));
    assert!(matches!(
        load(Some(r#"{"app":"loyalty-lab","version":7}"#)),
        Loaded::Damaged(DecodeError::TooNew { version: 7 })
    ));
}

// ---- drill results (schema 5) ---------------------------------------------

#[test]
fn drill_results_keep_best_and_latest_per_item_and_drill() {
    let mut p = Progress::default();
    p.record_drill("say-it-positively", "dont-know", 70, "我不知道，但我可以帮您查。", 30);
    p.record_drill("say-it-positively", "dont-know", 100, "我帮您查一下。", 30);
    p.record_drill("say-it-positively", "not-my-job", 40, "找财务吧。", 30);
    let d = &p.drills["say-it-positively"];
    assert_eq!((d.attempts, d.total, d.answered()), (3, 30, 2));
    assert_eq!(d.last, 5, "(100 + 40) / 30 items, rounded");
    assert_eq!(d.best, 5);
    let i = &d.items["dont-know"];
    assert_eq!((i.best, i.last, i.answer.as_str()), (100, 100, "我帮您查一下。"));
    p.record_drill("say-it-positively", "dont-know", 0, "不知道", 30);
    let d = &p.drills["say-it-positively"];
    assert_eq!((d.items["dont-know"].best, d.items["dont-know"].last), (100, 0));
    assert_eq!((d.best, d.last), (5, 1), "the drill's best stays, its score now drops");
    assert!(p.has_started());

    // Sorting all ten right is 100.
    let mut q = Progress::default();
    for k in 0..10 {
        q.record_drill("frontline-skills", &format!("skill-{k}"), 100, "basic", 10);
    }
    assert_eq!(
        (q.drills["frontline-skills"].best, q.drills["frontline-skills"].last),
        (100, 100)
    );

    // Bad ids are not recorded; answers are cut; scores capped.
    q.record_drill("Bad Drill", "x", 10, "", 3);
    q.record_drill("spot", "Bad Item", 10, "", 3);
    q.record_drill("spot", "late", 250, &"字".repeat(5000), 3);
    assert!(!q.drills.contains_key("Bad Drill"));
    assert_eq!(q.drills["spot"].items.len(), 1);
    assert_eq!(q.drills["spot"].items["late"].best, 100);
    assert_eq!(q.drills["spot"].items["late"].answer.chars().count(), MAX_ANSWER);
}

#[test]
fn drill_results_round_trip_through_the_saved_record() {
    let mut p = Progress::default();
    p.record_drill("say-it-positively", "dont-know", 70, "Let me check.", 30);
    p.record_drill("spot-the-mistake", "late-parcel", 100, "argue", 12);
    let text = p.encode();
    assert!(text.contains(&format!("\"version\": {SCHEMA}")));
    let d = decode(&text).unwrap();
    assert_eq!((d.from_version, &d.progress), (SCHEMA, &p));
}

#[test]
fn older_records_load_unchanged_with_no_drills() {
    let v4 = r#"{"app":"loyalty-lab","version":4,"lang":"en","lectures":{"6":{"visited":true,"done":true}},
        "exercises":{"3-1":{"attempts":2,"best":80,"last":60,"missed":["private"]}},
        "roleplays":{"coffee-gift":{"attempts":1,"best":55,"last":55}}}"#;
    let d = decode(v4).unwrap();
    assert_eq!(d.from_version, 4);
    assert!(d.progress.drills.is_empty());
    assert_eq!(d.progress.exercises["3-1"].missed, vec!["private".to_owned()]);
    assert_eq!(d.progress.roleplays["coffee-gift"].best, 55);
    // Saved again it is schema 5 and otherwise the same record.
    let again = decode(&d.progress.encode()).unwrap();
    assert_eq!((again.from_version, &again.progress), (SCHEMA, &d.progress));
    for v in [1, 2, 3] {
        let old = format!(r#"{{"app":"loyalty-lab","version":{v}}}"#);
        assert!(decode(&old).unwrap().progress.drills.is_empty(), "schema {v}");
    }
    // A schema-4 record cannot hold drills.
    let bad = r#"{"app":"loyalty-lab","version":4,"drills":{"x":{"attempts":1,"best":1,"last":1,"total":1}}}"#;
    assert!(matches!(decode(bad), Err(DecodeError::Shape(_))), "{:?}", decode(bad));
}

#[test]
fn impossible_drill_results_are_rejected() {
    let rec = |drills: &str| format!(r#"{{"app":"loyalty-lab","version":5,"drills":{drills}}}"#);
    let item = |best: u8, last: u8, answer: &str| format!(r#"{{"best":{best},"last":{last},"answer":"{answer}"}}"#);
    let ok = rec(&format!(
        r#"{{"d":{{"attempts":1,"best":50,"last":50,"total":2,"items":{{"a":{}}}}}}}"#,
        item(100, 100, "x")
    ));
    assert!(decode(&ok).is_ok(), "{:?}", decode(&ok));
    let long = "x".repeat(MAX_ANSWER + 1);
    for (what, drills) in [
        (
            "drill id",
            r#"{"Bad Id":{"attempts":1,"best":1,"last":1,"total":1}}"#.to_owned(),
        ),
        (
            "best over 100",
            r#"{"d":{"attempts":1,"best":101,"last":1,"total":1}}"#.to_owned(),
        ),
        (
            "last over best",
            r#"{"d":{"attempts":1,"best":10,"last":20,"total":1}}"#.to_owned(),
        ),
        (
            "more items than total",
            format!(
                r#"{{"d":{{"attempts":2,"best":1,"last":1,"total":1,"items":{{"a":{},"b":{}}}}}}}"#,
                item(1, 1, ""),
                item(1, 1, "")
            ),
        ),
        (
            "fewer attempts than items",
            format!(
                r#"{{"d":{{"attempts":0,"best":1,"last":1,"total":2,"items":{{"a":{}}}}}}}"#,
                item(1, 1, "")
            ),
        ),
        (
            "item id",
            format!(
                r#"{{"d":{{"attempts":1,"best":1,"last":1,"total":2,"items":{{"A B":{}}}}}}}"#,
                item(1, 1, "")
            ),
        ),
        (
            "item scores",
            format!(
                r#"{{"d":{{"attempts":1,"best":1,"last":1,"total":2,"items":{{"a":{}}}}}}}"#,
                item(5, 9, "")
            ),
        ),
        (
            "long answer",
            format!(
                r#"{{"d":{{"attempts":1,"best":1,"last":1,"total":2,"items":{{"a":{}}}}}}}"#,
                item(1, 1, &long)
            ),
        ),
    ] {
        let r = decode(&rec(&drills));
        assert!(matches!(r, Err(DecodeError::Invalid(_))), "{what}: {r:?}");
    }
    for (what, drills) in [
        (
            "unknown field",
            r#"{"d":{"attempts":1,"best":1,"last":1,"total":1,"extra":1}}"#,
        ),
        ("missing total", r#"{"d":{"attempts":1,"best":1,"last":1}}"#),
        ("not a map", r#"[1,2]"#),
        (
            "answer not text",
            r#"{"d":{"attempts":1,"best":1,"last":1,"total":1,"items":{"a":{"best":1,"last":1,"answer":3}}}}"#,
        ),
    ] {
        let r = decode(&rec(drills));
        assert!(matches!(r, Err(DecodeError::Shape(_))), "{what}: {r:?}");
    }
}

fn arb_progress() -> impl Strategy<Value = Progress> {
    let lectures = prop::collection::btree_map(1u8..=12, (any::<bool>(), any::<bool>()), 0..12);
    let exercises = prop::collection::btree_map(
        prop::sample::select(vec!["1-1", "3-1", "5-1", "6-1", "7-1"]),
        (
            1u32..50,
            0u8..=100,
            0u8..=100,
            prop::collection::btree_set("[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,8}){0,2}", 0..6),
        ),
        0..5,
    );
    (lectures, exercises, prop::option::of(1u8..=12), any::<bool>()).prop_map(|(ls, es, last, en)| {
        let mut p = Progress::default();
        for (n, (visited, done)) in ls {
            p.lectures
                .insert(n, loyalty_lab::progress::record::LectureState { visited, done });
        }
        for (id, (attempts, a, b, missed)) in es {
            p.exercises.insert(
                id.to_owned(),
                ExerciseState {
                    attempts,
                    best: a.max(b),
                    last: a.min(b),
                    missed: missed.into_iter().collect(),
                },
            );
        }
        p.last = last.map(|n| format!("/lecture/{n}"));
        p.lang = en.then_some(loyalty_lab::support::i18n::Lang::En);
        p
    })
}

proptest! {
    #[test]
    fn any_valid_record_round_trips(p in arb_progress()) {
        prop_assert_eq!(decode(&p.encode()).unwrap().progress, p);
    }

    #[test]
    fn decoding_any_text_never_panics(s in ".{0,400}") {
        let _ = decode(&s);
        let _ = load(Some(&s));
    }

    #[test]
    fn decoding_mangled_records_never_panics(p in arb_progress(), cut in 0usize..2000, junk in ".{0,8}") {
        let mut text = p.encode();
        let at = text.char_indices().map(|(i, _)| i).nth(cut % text.chars().count().max(1)).unwrap_or(0);
        text.insert_str(at, &junk);
        let _ = decode(&text);
        text.truncate(at);
        let _ = decode(&text);
    }

    #[test]
    fn recorded_drill_results_always_decode(steps in prop::collection::vec(
        ("[a-z]{1,3}|Bad Id|", any::<u8>(), ".{0,40}", 0usize..300), 0..40)) {
        let mut p = Progress::default();
        for (item, score, answer, total) in &steps {
            p.record_drill("drill", item, *score, answer, *total);
        }
        let d = decode(&p.encode()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(&d.progress, &p);
        if let Some(s) = p.drills.get("drill") {
            prop_assert!(s.last <= s.best && s.best <= 100);
            prop_assert!(s.answered() <= s.total as usize && s.attempts as usize >= s.answered());
            prop_assert!(DrillState::check(s, "drill").is_ok());
        }
    }
}
