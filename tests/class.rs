//! The class view's model: counting trainees' files, score bins at their
//! edges, duplicates, bad and old files, the CSV export.

use loyalty_lab::course::lectures::{BUILT_EXERCISES, LECTURES, SCENARIO_IDS};
use loyalty_lab::progress::class::{
    bin_of, bin_range, csv_field, median, summarize, to_csv, Class, Label, Skip, Trainee, BINS, CSV_HEADER, MAX_FILES,
};
use loyalty_lab::progress::record::{DecodeError, ExerciseState, Progress};
use proptest::prelude::*;

fn attempt(score: u8, missed: &[&str]) -> ExerciseState {
    let mut e = ExerciseState::first(score);
    e.set_missed(missed.iter().map(|s| (*s).to_owned()));
    e
}

/// Three trainees: Ann finished lectures 1–2 and did 1-1 twice, Bo opened
/// lecture 1 and did 1-1 and 3-1, Cy finished lecture 1 only.
fn three() -> Vec<(String, String)> {
    let mut ann = Progress::default();
    ann.set_done(1, true);
    ann.set_done(2, true);
    let mut e = attempt(30, &["price-war"]);
    e.record(85);
    e.set_missed(["value-first".to_owned()]);
    ann.exercises.insert("1-1".into(), e);
    ann.roleplays.insert("coffee-gift".into(), ExerciseState::first(60));

    let mut bo = Progress::default();
    bo.visit(1);
    bo.exercises
        .insert("1-1".into(), attempt(19, &["price-war", "short-term", "value-first"]));
    bo.exercises.insert("3-1".into(), attempt(100, &[]));
    bo.roleplays.insert("coffee-gift".into(), ExerciseState::first(91));

    let mut cy = Progress::default();
    cy.set_done(1, true);
    cy.exercises
        .insert("1-1".into(), attempt(20, &["price-war", "value-first"]));

    vec![
        ("ann.json".into(), ann.encode()),
        ("bo.json".into(), bo.encode()),
        ("cy.json".into(), cy.encode()),
    ]
}

#[test]
fn counts_lectures_exercises_and_roleplays() {
    let class = Class::from_files(three());
    assert!(class.skipped.is_empty(), "{:?}", class.skipped);
    let s = class.summary();
    assert_eq!(s.trainees, 3);
    assert_eq!(s.lectures.len(), usize::from(LECTURES));
    assert_eq!((s.lectures[0].n, s.lectures[0].visited, s.lectures[0].done), (1, 3, 2));
    assert_eq!((s.lectures[1].visited, s.lectures[1].done), (1, 1));
    assert!(s.lectures[2..].iter().all(|l| l.visited == 0 && l.done == 0));

    let ids: Vec<&str> = s.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, BUILT_EXERCISES);
    let e11 = &s.exercises[0];
    assert_eq!(e11.attempted, 3);
    // Best scores 85, 19, 20.
    assert_eq!(e11.bins, [1, 1, 0, 0, 1]);
    assert_eq!(e11.median, Some(20.0));
    assert_eq!(e11.missed_known, 3);
    let missed: Vec<(&str, u32)> = e11.missed.iter().map(|m| (m.id.as_str(), m.count)).collect();
    // Ann's latest attempt missed only value-first (her first missed price-war).
    assert_eq!(missed, [("value-first", 3), ("price-war", 2), ("short-term", 1)]);
    let e31 = &s.exercises[1];
    assert_eq!((e31.attempted, e31.bins, e31.median), (1, [0, 0, 0, 0, 1], Some(100.0)));
    assert!(e31.missed.is_empty());
    assert!(s.exercises[2..].iter().all(|e| e.attempted == 0 && e.median.is_none()));

    let ids: Vec<&str> = s.roleplays.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, SCENARIO_IDS);
    let coffee = s.roleplays.iter().find(|r| r.id == "coffee-gift").unwrap();
    assert_eq!((coffee.attempted, coffee.median), (2, Some(75.5)));
}

#[test]
fn bins_at_their_edges() {
    assert_eq!(BINS, 5);
    for (score, bin) in [
        (0, 0),
        (19, 0),
        (20, 1),
        (39, 1),
        (40, 2),
        (79, 3),
        (80, 4),
        (99, 4),
        (100, 4),
    ] {
        assert_eq!(bin_of(score), bin, "score {score}");
    }
    assert_eq!(bin_of(255), 4, "out of range stays in the last bin");
    let ranges: Vec<(u8, u8)> = (0..BINS).map(bin_range).collect();
    assert_eq!(ranges, [(0, 19), (20, 39), (40, 59), (60, 79), (80, 100)]);

    let files: Vec<(String, String)> = [0u8, 19, 20, 100]
        .iter()
        .enumerate()
        .map(|(i, &score)| {
            let mut p = Progress::default();
            p.exercises.insert("6-1".into(), ExerciseState::first(score));
            (format!("t{i}.json"), p.encode())
        })
        .collect();
    let s = Class::from_files(files).summary();
    let e = s.exercises.iter().find(|e| e.id == "6-1").unwrap();
    assert_eq!(e.bins, [2, 1, 0, 0, 1]);
    assert_eq!(e.median, Some(19.5));
}

#[test]
fn medians() {
    assert_eq!(median(&[]), None);
    assert_eq!(median(&[7]), Some(7.0));
    assert_eq!(median(&[9, 1, 5]), Some(5.0));
    assert_eq!(median(&[100, 0]), Some(50.0));
    assert_eq!(median(&[3, 1, 2, 4]), Some(2.5));
}

#[test]
fn duplicates_are_skipped_with_the_first_file_named() {
    let mut files = three();
    let ann = files[0].1.clone();
    files.push(("ann-again.json".into(), ann.clone()));
    // The same record, pretty or compact, is the same record.
    let compact = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&ann).unwrap()).unwrap();
    files.push(("ann-compact.json".into(), compact));
    let class = Class::from_files(files);
    assert_eq!(class.trainees.len(), 3);
    assert_eq!(class.skipped.len(), 2);
    for s in &class.skipped {
        assert_eq!(s.why, Skip::Duplicate { of: "ann.json".into() });
    }
    assert_eq!(class.summary(), Class::from_files(three()).summary());
}

#[test]
fn bad_files_are_reported_and_change_nothing() {
    let mut files = three();
    files.insert(1, ("notes.txt".into(), "hello, not json".into()));
    files.push(("other.json".into(), r#"{"app":"something-else","version":2}"#.into()));
    files.push(("future.json".into(), r#"{"app":"loyalty-lab","version":99}"#.into()));
    files.push((
        "broken.json".into(),
        r#"{"app":"loyalty-lab","version":4,"lectures":{"13":{"done":true}}}"#.into(),
    ));
    files.push((
        "huge.json".into(),
        format!("{{\"app\":\"loyalty-lab\",\"pad\":\"{}\"}}", "x".repeat(300_000)),
    ));
    let class = Class::from_files(files);
    assert_eq!(class.trainees.len(), 3);
    let why: Vec<(&str, &Skip)> = class.skipped.iter().map(|s| (s.file.as_str(), &s.why)).collect();
    assert_eq!(why.len(), 5);
    assert!(matches!(why[0], ("notes.txt", Skip::Bad(DecodeError::NotJson(_)))));
    assert!(matches!(why[1], ("other.json", Skip::Bad(DecodeError::NotOurs))));
    assert!(matches!(
        why[2],
        ("future.json", Skip::Bad(DecodeError::TooNew { version: 99 }))
    ));
    assert!(matches!(why[3], ("broken.json", Skip::Bad(DecodeError::Invalid(_)))));
    assert!(matches!(why[4], ("huge.json", Skip::Bad(DecodeError::TooLarge { .. }))));
    assert_eq!(class.summary(), Class::from_files(three()).summary());
}

#[test]
fn old_schemas_count_but_say_nothing_about_missed_ideas() {
    let v1 = r#"{"app":"loyalty-lab","version":1,"visited":[1,2],"done":[2]}"#;
    let v3 = r#"{"app":"loyalty-lab","version":3,"lectures":{"1":{"visited":true,"done":true}},
        "exercises":{"1-1":{"attempts":2,"best":45,"last":45}},
        "roleplays":{"urgent-spare-part":{"attempts":1,"best":80,"last":80}}}"#;
    // The current schema (4 added missed ideas; later ones keep them).
    let mut v4 = Progress::default();
    v4.exercises.insert("1-1".into(), attempt(70, &["short-term"]));
    let class = Class::from_files([("v1.json", v1), ("v3.json", v3), ("v4.json", v4.encode().as_str())]);
    assert!(class.skipped.is_empty(), "{:?}", class.skipped);
    let versions: Vec<u32> = class.trainees.iter().map(|t| t.from_version).collect();
    assert_eq!(versions, [1, 3, loyalty_lab::progress::record::SCHEMA]);
    let s = class.summary();
    assert_eq!((s.lectures[0].visited, s.lectures[0].done), (2, 1));
    assert_eq!((s.lectures[1].visited, s.lectures[1].done), (1, 1));
    let e = &s.exercises[0];
    assert_eq!((e.attempted, e.bins, e.median), (2, [0, 0, 1, 1, 0], Some(57.5)));
    assert_eq!(e.missed_known, 1, "only the schema-4 file says what it missed");
    assert_eq!(e.missed.len(), 1);
    assert_eq!((e.missed[0].id.as_str(), e.missed[0].count), ("short-term", 1));
    let spare = s.roleplays.iter().find(|r| r.id == "urgent-spare-part").unwrap();
    assert_eq!((spare.attempted, spare.median), (1, Some(80.0)));
    // A schema-3 file and the same record re-exported by this build are one trainee.
    let again = Class::from_files([
        ("v3.json", v3.to_owned()),
        ("v3-new.json", class.trainees[1].progress.encode()),
    ]);
    assert_eq!(again.skipped[0].why, Skip::Duplicate { of: "v3.json".into() });
}

#[test]
fn unknown_roleplays_are_listed_after_the_known_ones() {
    let mut p = Progress::default();
    p.roleplays.insert("zz-new".into(), ExerciseState::first(10));
    p.roleplays.insert("aa-new".into(), ExerciseState::first(10));
    let s = Class::from_files([("x.json", p.encode())]).summary();
    let ids: Vec<&str> = s.roleplays.iter().map(|r| r.id.as_str()).collect();
    let mut want: Vec<&str> = SCENARIO_IDS.to_vec();
    want.extend(["aa-new", "zz-new"]);
    assert_eq!(ids, want);
}

#[test]
fn the_class_is_capped() {
    let mut class = Class::default();
    for i in 0..MAX_FILES + 3 {
        let mut p = Progress::default();
        p.exercises.insert("1-1".into(), ExerciseState::first((i % 101) as u8));
        p.exercises.get_mut("1-1").unwrap().attempts = i as u32 + 1;
        class.add(&format!("{i}.json"), &p.encode());
    }
    assert_eq!(class.trainees.len(), MAX_FILES);
    assert_eq!(class.room(), 0);
    assert_eq!(class.skipped.len(), 3);
    assert!(class.skipped.iter().all(|s| s.why == Skip::TooMany));
    class.skip("bad.json", Skip::Unreadable);
    assert_eq!(class.skipped.last().unwrap().why, Skip::Unreadable);
}

/// Parses RFC 4180 text (quoted fields, doubled quotes, CRLF) back into rows.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR only before LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    assert!(field.is_empty() && row.is_empty(), "text ends with CRLF");
    rows
}

#[test]
fn csv_fields_are_quoted_as_rfc_4180_says() {
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("客户忠诚"), "客户忠诚");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
    assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_field("cr\r\nlf"), "\"cr\r\nlf\"");
    assert_eq!(csv_field(" padded "), "\" padded \"");
    assert_eq!(csv_field(""), "");
    assert_eq!(csv_field("72.5"), "72.5");
    // Not a formula when opened in a spreadsheet; numbers stay numbers.
    assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
    assert_eq!(csv_field("-3"), "-3");
}

#[test]
fn csv_export_holds_every_number_once_and_round_trips() {
    let s = Class::from_files(three()).summary();
    let tricky = "Idea, with \"quotes\"\nand a line";
    let csv = to_csv(&s, |l| match l {
        Label::Lecture(n) => Some(format!("Lecture {n}")),
        Label::Idea("1-1", "price-war") => Some(tricky.to_owned()),
        Label::Exercise(id) => Some(format!("Self-check {id}")),
        Label::Idea(..) | Label::Roleplay(_) => None,
    });
    assert!(csv.ends_with("\r\n"));
    let rows = parse_csv(&csv);
    assert_eq!(rows[0], CSV_HEADER);
    assert!(rows.iter().all(|r| r.len() == 5), "every row has 5 fields");
    let find = |section: &str, id: &str, item: &str| -> &Vec<String> {
        rows.iter()
            .find(|r| r[0] == section && r[1] == id && r[2] == item)
            .unwrap_or_else(|| panic!("no row {section} {id} {item}"))
    };
    assert_eq!(find("class", "", "trainees")[4], "3");
    assert_eq!(find("lecture", "1", "visited")[4], "3");
    assert_eq!(find("lecture", "1", "done")[3..], ["Lecture 1", "2"]);
    assert_eq!(find("self-check", "1-1", "attempted")[3..], ["Self-check 1-1", "3"]);
    assert_eq!(find("self-check", "1-1", "best 0-19")[4], "1");
    assert_eq!(find("self-check", "1-1", "best 80-100")[4], "1");
    assert_eq!(find("self-check", "1-1", "median best")[4], "20");
    assert_eq!(find("self-check", "5-1", "median best")[4], "", "nobody attempted 5-1");
    assert_eq!(find("self-check", "1-1", "missed known")[4], "3");
    assert_eq!(find("missed idea", "1-1", "price-war")[3..], [tricky, "2"]);
    assert_eq!(find("missed idea", "1-1", "value-first")[3..], ["", "3"]);
    assert_eq!(find("role-play", "coffee-gift", "median best")[4], "75.5");
    let missed_rows: Vec<&str> = rows
        .iter()
        .filter(|r| r[0] == "missed idea")
        .map(|r| r[2].as_str())
        .collect();
    assert_eq!(missed_rows, ["value-first", "price-war", "short-term"]);
    let lectures = usize::from(LECTURES) * 2;
    let exercises = BUILT_EXERCISES.len() * (1 + BINS + 2) + 3;
    let roleplays = SCENARIO_IDS.len() * 2;
    assert_eq!(rows.len(), 1 + 1 + lectures + exercises + roleplays);
}

#[test]
fn an_empty_class_summarises_to_zeros() {
    let s = summarize(&[]);
    assert_eq!(s.trainees, 0);
    assert!(s.lectures.iter().all(|l| l.visited == 0 && l.done == 0));
    assert!(s
        .exercises
        .iter()
        .all(|e| e.attempted == 0 && e.median.is_none() && e.missed.is_empty()));
    let rows = parse_csv(&to_csv(&s, |_| None));
    assert_eq!(rows[1], ["class", "", "trainees", "", "0"]);
}

fn arb_trainee() -> impl Strategy<Value = Progress> {
    let lectures = prop::collection::btree_map(1u8..=12, (any::<bool>(), any::<bool>()), 0..12);
    let result = (
        1u32..5,
        0u8..=100,
        0u8..=100,
        prop::collection::btree_set(prop::sample::select(vec!["a", "b-c", "d", "e-2", "f"]), 0..5),
    );
    let exercises = prop::collection::btree_map(prop::sample::select(BUILT_EXERCISES.to_vec()), result, 0..5);
    let roleplays = prop::collection::btree_map("[a-z]{1,6}", (0u8..=100, 0u8..=100), 0..3);
    (lectures, exercises, roleplays).prop_map(|(ls, es, rs)| {
        let mut p = Progress::default();
        for (n, (visited, done)) in ls {
            p.lectures
                .insert(n, loyalty_lab::progress::record::LectureState { visited, done });
        }
        for (id, (attempts, a, b, missed)) in es {
            let mut e = ExerciseState::first(a.max(b));
            e.attempts = attempts;
            e.last = a.min(b);
            e.set_missed(missed.into_iter().map(str::to_owned));
            p.exercises.insert(id.to_owned(), e);
        }
        for (id, (a, b)) in rs {
            let mut e = ExerciseState::first(a.max(b));
            e.last = a.min(b);
            p.roleplays.insert(id, e);
        }
        p
    })
}

proptest! {
    #[test]
    fn counts_never_exceed_the_class_and_bins_sum_to_attempted(
        ps in prop::collection::vec(arb_trainee(), 0..12),
        old in prop::collection::vec(any::<bool>(), 12),
    ) {
        let trainees: Vec<Trainee> = ps
            .into_iter()
            .enumerate()
            .map(|(i, progress)| Trainee { file: format!("{i}.json"), progress, from_version: if old[i] { 3 } else { 4 } })
            .collect();
        let s = summarize(&trainees);
        let n = trainees.len() as u32;
        prop_assert_eq!(s.trainees, n);
        for l in &s.lectures {
            prop_assert!(l.done <= l.visited && l.visited <= n);
        }
        for e in s.exercises.iter() {
            prop_assert!(e.attempted <= n);
            prop_assert_eq!(e.bins.iter().sum::<u32>(), e.attempted);
            prop_assert!(e.missed_known <= e.attempted);
            prop_assert!(e.missed.iter().all(|m| m.count >= 1 && m.count <= e.missed_known));
            prop_assert!(e.missed.windows(2).all(|w| w[0].count > w[1].count || (w[0].count == w[1].count && w[0].id < w[1].id)));
            prop_assert_eq!(e.median.is_some(), e.attempted > 0);
            if let Some(m) = e.median {
                prop_assert!((0.0..=100.0).contains(&m));
            }
        }
        for r in &s.roleplays {
            prop_assert!(r.attempted <= n);
        }
        let rows = parse_csv(&to_csv(&s, |_| Some("x, \"y\"\n".to_owned())));
        prop_assert!(rows.iter().all(|r| r.len() == 5));
    }

    #[test]
    fn files_in_any_order_give_the_same_summary(ps in prop::collection::vec(arb_trainee(), 0..6), seed in any::<u64>()) {
        let files: Vec<(String, String)> = ps.iter().enumerate().map(|(i, p)| (format!("{i}.json"), p.encode())).collect();
        let mut shuffled = files.clone();
        let k = shuffled.len().max(1);
        shuffled.rotate_left((seed as usize) % k);
        shuffled.reverse();
        let a = Class::from_files(files);
        let b = Class::from_files(shuffled);
        prop_assert_eq!(a.trainees.len() + a.skipped.len(), ps.len());
        prop_assert_eq!(a.summary(), b.summary());
    }

    #[test]
    fn any_text_is_skipped_or_imported_never_a_panic(s in ".{0,300}") {
        let class = Class::from_files([("x.json", s)]);
        prop_assert_eq!(class.trainees.len() + class.skipped.len(), 1);
    }
}
