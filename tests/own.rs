//! A trainer's own material (issue 21, `course::own`): files in the course's
//! format checked by the course's validators, in one language or two; the
//! authoring drafts; the browser's library kept apart from the course.

use loyalty_lab::course::lectures::{SCENARIO_IDS, SELFCHECK_IDS};
use loyalty_lab::course::own::draft::{Draft, ScenarioDraft, SelfCheckDraft};
use loyalty_lab::course::own::{read_file, FileError, Item, Kind, Library, Put, MAX_BYTES};
use loyalty_lab::course::{scenario, selfcheck};
use proptest::prelude::*;

fn course_file(dir: &str, id: &str) -> String {
    std::fs::read_to_string(format!("{}/content/{dir}/{id}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn own_selfcheck() -> selfcheck::SelfCheck {
    let mut sc = selfcheck::parse(&course_file("selfchecks", "3-1")).unwrap();
    sc.id = "our-kitchen".into();
    sc
}

fn own_scenario() -> scenario::Scenario {
    let mut s = scenario::parse(&course_file("scenarios", SCENARIO_IDS[0])).unwrap();
    s.id = "our-counter".into();
    s
}

#[test]
fn a_course_file_is_the_courses_own_until_its_id_changes() {
    for id in SELFCHECK_IDS {
        let err = read_file(&course_file("selfchecks", id)).unwrap_err();
        let FileError::Invalid(p) = err else {
            panic!("{id}: {err:?}")
        };
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].field, "id");
        assert!(p[0].message.contains("course's own"));
    }
    for id in SCENARIO_IDS {
        assert!(matches!(
            read_file(&course_file("scenarios", id)),
            Err(FileError::Invalid(_))
        ));
    }
    let sc = Item::SelfCheck(own_selfcheck());
    assert_eq!(read_file(&sc.to_file()), Ok(sc.clone()));
    let s = Item::Scenario(own_scenario());
    assert_eq!(read_file(&s.to_file()), Ok(s));
}

#[test]
fn a_downloaded_file_is_in_the_course_format() {
    // What a trainer downloads is what content/ holds: the course's own
    // parser reads it and its full (both-language) validation passes.
    let Item::SelfCheck(sc) = Item::SelfCheck(own_selfcheck()) else {
        unreachable!()
    };
    let file = Item::SelfCheck(sc.clone()).to_file();
    assert_eq!(selfcheck::parse(&file).unwrap(), sc);
    assert_eq!(selfcheck::validate(&sc), Vec::<String>::new());
    let s = own_scenario();
    let file = Item::Scenario(s.clone()).to_file();
    assert_eq!(scenario::parse(&file).unwrap(), s);
    assert_eq!(scenario::validate(&s), Vec::<String>::new());
}

#[test]
fn one_language_is_enough_but_it_must_be_whole() {
    let mut sc = own_selfcheck();
    for t in [&mut sc.title, &mut sc.case, &mut sc.question, &mut sc.model_answer] {
        t.zh.clear();
    }
    for i in &mut sc.ideas {
        i.label.zh.clear();
        i.hint.zh.clear();
        i.section.zh.clear();
        i.phrasings.zh.clear();
    }
    let item = Item::SelfCheck(sc.clone());
    assert_eq!(item.problems(), vec![], "English only is fine");
    // …but the shipped rule (both languages) would refuse it.
    assert!(!selfcheck::validate(&sc).is_empty());
    let first = sc.ideas[0].id.clone();
    sc.ideas[0].label.en.clear();
    sc.ideas[1].phrasings.en.truncate(1);
    let p = Item::SelfCheck(sc.clone()).problems();
    assert!(
        p.iter()
            .any(|p| p.field == format!("idea {first} label") && p.message.contains("empty en")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|p| p.field.starts_with(&format!("idea {:?}", sc.ideas[1].id)) && p.message.contains("phrasings")),
        "{p:?}"
    );
}

#[test]
fn scenario_problems_name_their_node() {
    let mut s = own_scenario();
    let start = s.start.clone();
    s.nodes.get_mut(&start).unwrap().replies[0].next = Some("nowhere".into());
    s.nodes.get_mut(&start).unwrap().replies[1].text.en.clear();
    let p = Item::Scenario(s).problems();
    assert!(
        p.iter()
            .any(|p| p.field == format!("node {start} reply 0") && p.message.contains("nowhere")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|p| p.field == format!("node {start} reply 1: text") && p.message == "empty en"),
        "{p:?}"
    );
}

#[test]
fn bad_files_get_a_reason() {
    assert!(matches!(read_file("not json"), Err(FileError::NotJson(_))));
    assert!(matches!(read_file("{}"), Err(FileError::NotContent)));
    assert!(matches!(read_file("[1, 2]"), Err(FileError::NotContent)));
    assert!(matches!(read_file(r#"{"ideas": 3}"#), Err(FileError::Malformed(_))));
    assert!(matches!(
        read_file(r#"{"nodes": {}, "extra": 1}"#),
        Err(FileError::Malformed(_))
    ));
    let big = format!("{{\"ideas\": \"{}\"}}", "x".repeat(MAX_BYTES));
    assert!(matches!(read_file(&big), Err(FileError::TooLarge(_))));
    // A byte-order mark (some editors write one) is no problem.
    let file = format!("\u{feff}{}", Item::SelfCheck(own_selfcheck()).to_file());
    assert!(read_file(&file).is_ok());
    for e in [read_file("x").unwrap_err(), read_file("{}").unwrap_err()] {
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn the_library_keeps_valid_items_apart_and_survives_damage() {
    let mut lib = Library::default();
    assert_eq!(lib.put(Item::SelfCheck(own_selfcheck())), Ok(Put::Added));
    assert_eq!(lib.put(Item::Scenario(own_scenario())), Ok(Put::Added));
    let mut edited = own_selfcheck();
    edited.title.en = "Our kitchen, again".into();
    assert_eq!(lib.put(Item::SelfCheck(edited.clone())), Ok(Put::Replaced));
    assert_eq!(lib.items().len(), 2);
    assert_eq!(lib.get(Kind::SelfCheck, "our-kitchen"), Some(Item::SelfCheck(edited)));
    // An invalid item is refused and changes nothing.
    let mut broken = own_selfcheck();
    broken.id = "3-1".into();
    assert!(lib.put(Item::SelfCheck(broken)).is_err());
    assert_eq!(lib.items().len(), 2);

    let text = lib.encode();
    assert_eq!(Library::decode(&text), Ok((lib.clone(), vec![])));
    // One damaged item is left out and named; the others stay.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["scenarios"][0]["start"] = "gone".into();
    let (kept, dropped) = Library::decode(&v.to_string()).unwrap();
    assert_eq!(kept.items().len(), 1);
    assert_eq!(dropped.len(), 1);
    assert!(dropped[0].starts_with("our-counter"), "{dropped:?}");
    for bad in [
        "",
        "null",
        "{\"kind\": \"other\", \"version\": 1}",
        "{\"kind\": \"loyalty-lab-own-material\", \"version\": 9}",
    ] {
        assert!(Library::decode(bad).is_err(), "{bad}");
    }
    assert!(lib.remove(Kind::Scenario, "our-counter"));
    assert!(!lib.remove(Kind::Scenario, "our-counter"));
}

#[test]
fn drafts_of_every_course_item_give_it_back() {
    for id in SELFCHECK_IDS {
        let mut sc = selfcheck::parse(&course_file("selfchecks", id)).unwrap();
        sc.id = format!("own-{id}");
        let item = Item::SelfCheck(sc);
        assert_eq!(Draft::of(&item).check(), Ok(item), "{id}");
    }
    for id in SCENARIO_IDS {
        let mut s = scenario::parse(&course_file("scenarios", id)).unwrap();
        s.id = format!("own-{id}");
        let item = Item::Scenario(s);
        assert_eq!(Draft::of(&item).check(), Ok(item), "{id}");
    }
}

#[test]
fn a_form_reports_what_it_cannot_read() {
    let mut d = SelfCheckDraft::new(vec![]);
    d.ideas[0].id = "a".into();
    d.ideas[0].weight = "lots".into();
    let p = Draft::SelfCheck(d).check().unwrap_err();
    assert_eq!(p[0].field, "idea a weight");
    let mut d = ScenarioDraft::new(vec![]);
    d.severity = "high".into();
    d.nodes[0].replies[0].minutes = "soon".into();
    d.nodes.push(d.nodes[0].clone());
    let p = Draft::Scenario(d).check().unwrap_err();
    let fields: Vec<&str> = p.iter().map(|p| p.field.as_str()).collect();
    assert!(fields.contains(&"severity"), "{p:?}");
    assert!(fields.contains(&"node open reply 0"), "{p:?}");
    assert!(fields.contains(&"node open"), "{p:?}");
    // A fresh form is not ready, and says why, in many places.
    assert!(Draft::SelfCheck(SelfCheckDraft::new(vec![])).check().unwrap_err().len() > 5);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_form_input_is_a_message_never_a_panic(
        id in "\\PC{0,12}", weight in "\\PC{0,4}", minutes in "\\PC{0,4}", severity in "\\PC{0,5}",
        text in "\\PC{0,40}", next in "[a-z]{0,5}", tag in "\\PC{0,12}",
    ) {
        let mut d = SelfCheckDraft::new(vec![]);
        d.id = id.clone();
        d.title.en = text.clone();
        d.ideas[1].weight = weight;
        d.ideas[2].phrasings.zh = text.clone();
        let _ = Draft::SelfCheck(d).check();
        let mut s = ScenarioDraft::new(vec![]);
        s.id = id;
        s.severity = severity;
        s.nodes[0].replies[0].minutes = minutes;
        s.nodes[0].replies[1].next = next;
        s.nodes[0].replies[2].tags = vec![tag];
        s.nodes[0].customer.zh = text;
        let _ = Draft::Scenario(s).check();
    }

    #[test]
    fn any_file_text_is_read_or_refused(s in "\\PC{0,200}") {
        let _ = read_file(&s);
        let _ = Library::decode(&s);
    }
}

#[test]
fn the_build_lists_every_content_file_there_is() {
    // What a trainer drops into content/ is in the next build: the lists
    // the app reads are the folders' listings, not hand-kept ones.
    let listing = |dir: &str| {
        let mut ids: Vec<String> = std::fs::read_dir(format!("{}/content/{dir}", env!("CARGO_MANIFEST_DIR")))
            .unwrap()
            .filter_map(|e| {
                e.ok()?
                    .file_name()
                    .into_string()
                    .ok()?
                    .strip_suffix(".json")
                    .map(str::to_owned)
            })
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(listing("selfchecks"), SELFCHECK_IDS);
    assert_eq!(listing("scenarios"), SCENARIO_IDS);
    assert_eq!(loyalty_lab::course::lectures::KNOWN_EXERCISES, SELFCHECK_IDS);
    for (id, lecture) in loyalty_lab::course::lectures::SELFCHECKS {
        let shown = loyalty_lab::course::lectures::course()
            .lecture(lecture)
            .is_some_and(|l| l.built_exercises().any(|e| e == id));
        assert!(shown, "{id} under lecture {lecture}");
    }
}
