//! The self-check files: every shipped file (listed by the build script in
//! `SELFCHECK_IDS`) parses and validates, the set matches the course's five
//! exercises, validation catches broken files, each model answer earns full
//! marks while the case copied back earns nothing, and the follow-up
//! questions are scored exactly.

use loyalty_lab::course::lectures::{course, KNOWN_EXERCISES, SELFCHECK_IDS};
use loyalty_lab::course::selfcheck::{parse, validate, validate_file, FollowupKind, SelfCheck};
use loyalty_lab::scoring::{score, score_followup, Flag};

fn read(id: &str) -> String {
    let path = format!("{}/content/selfchecks/{id}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn shipped() -> Vec<SelfCheck> {
    SELFCHECK_IDS
        .iter()
        .map(|id| parse(&read(id)).unwrap_or_else(|e| panic!("{id}.json: {e}")))
        .collect()
}

#[test]
fn every_shipped_file_is_valid() {
    for (id, sc) in SELFCHECK_IDS.iter().zip(shipped()) {
        assert_eq!(validate_file(id, &sc), Vec::<String>::new(), "{id}.json");
    }
}

#[test]
fn every_file_is_listed_under_its_lecture() {
    assert_eq!(KNOWN_EXERCISES, SELFCHECK_IDS, "the course's self-checks are its files");
    // Listed by the course file or not (a file dropped into
    // content/selfchecks/ names its lecture), each shows under its lecture,
    // and only there.
    for sc in shipped() {
        for l in &course().lectures {
            let here = l.built_exercises().filter(|e| *e == sc.id).count();
            assert_eq!(here, usize::from(l.n == sc.lecture), "{} under lecture {}", sc.id, l.n);
        }
    }
}

#[test]
fn validation_catches_broken_content() {
    let good = parse(&read("3-1")).unwrap();
    let mut sc = good.clone();
    sc.ideas[0].weight += 5;
    sc.ideas[1].label.en = " ".into();
    sc.ideas[2].phrasings.zh.truncate(1);
    sc.ideas[3].phrasings.en.push("Don't Scold".into());
    sc.ideas[3].phrasings.zh.push("私下，沟通".into());
    sc.ideas[4].id = sc.ideas[0].id.clone();
    sc.lecture = 7;
    sc.model_answer.zh = String::new();
    if let Some(f) = sc.followup.as_mut() {
        f.answer.push(99);
    }
    let errors = validate_file("3-2", &sc);
    for needle in [
        "sum to 105",
        "empty en",
        "at least 2 zh phrasings",
        "not in normal form",
        "clause separator",
        "appears twice",
        "under lecture 6, not 7",
        "model answer: empty zh",
        "out of range",
        "holds self-check",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(needle)),
            "no error about {needle:?} in {errors:#?}"
        );
    }

    let mut sc = good.clone();
    sc.ideas.truncate(3);
    sc.ideas[0].weight = 100 - sc.ideas[1].weight - sc.ideas[2].weight;
    assert!(validate(&sc).iter().any(|e| e.contains("4–6 ideas")));

    // A new id is fine (a file dropped into content/selfchecks/ joins the
    // course); one that cannot be an address, or a lecture that does not
    // exist, is not.
    let mut sc = good.clone();
    sc.id = "9-9".into();
    assert_eq!(validate(&sc), Vec::<String>::new());
    sc.id = "Nine Nine".into();
    sc.lecture = 13;
    let errors = validate(&sc);
    assert!(errors.iter().any(|e| e.contains("id: use")), "{errors:#?}");
    assert!(errors.iter().any(|e| e.contains("13 is not a lecture")), "{errors:#?}");

    let mut sc = parse(&read("7-1")).unwrap();
    let f = sc.followup.as_mut().unwrap();
    assert_eq!(f.kind, FollowupKind::Order);
    f.answer.pop();
    assert!(validate(&sc).iter().any(|e| e.contains("must order all")));

    let mut sc = good;
    sc.ideas[0].phrasings.zh[0] = "!^两种前缀".into();
    sc.ideas[1].phrasings.zh[0] = "a@b@c".into();
    sc.ideas[2].phrasings.zh[0] = "私下~".into();
    let errors = validate(&sc);
    assert!(
        errors.iter().filter(|e| e.contains("phrasing")).count() >= 3,
        "{errors:#?}"
    );
}

#[test]
fn unknown_fields_are_rejected_with_a_position() {
    let bad = read("5-1").replacen("\"model_answer\"", "\"model_anwser\"", 1);
    let e = parse(&bad).unwrap_err();
    assert!(e.line > 0 && e.message.contains("model_anwser"), "{e}");
    assert!(parse("{").is_err());
    assert!(parse("").is_err());
}

#[test]
fn model_answers_earn_full_marks_in_both_languages() {
    for sc in shipped() {
        for (lang, text) in [("zh", &sc.model_answer.zh), ("en", &sc.model_answer.en)] {
            let s = score(&sc, text);
            assert!(
                s.score >= 95,
                "{} {lang} model answer scores {}: {s:#?}",
                sc.id,
                s.score
            );
            assert!(s.ideas.iter().all(|i| i.found), "{} {lang}: {s:#?}", sc.id);
            assert!(s.flags.is_empty(), "{} {lang}: {:?}", sc.id, s.flags);
        }
    }
}

#[test]
fn the_case_copied_back_earns_nothing() {
    for sc in shipped() {
        for text in [&sc.case.zh, &sc.case.en] {
            let s = score(&sc, text);
            assert_eq!(s.score, 0, "{}: {s:#?}", sc.id);
            assert!(s.flags.contains(&Flag::Copied), "{}", sc.id);
        }
        let both = format!("{}{}", sc.case.zh, sc.question.zh);
        assert_eq!(score(&sc, &both).score, 0, "{}", sc.id);
    }
}

#[test]
fn every_hint_and_section_names_a_lecture() {
    for sc in shipped() {
        for idea in &sc.ideas {
            assert!(idea.section.zh.contains('讲'), "{} {}", sc.id, idea.id);
            assert!(idea.section.en.contains("Lecture"), "{} {}", sc.id, idea.id);
        }
    }
}

#[test]
fn followups_are_scored_exactly() {
    for sc in shipped() {
        let Some(f) = &sc.followup else { continue };
        let right = score_followup(f, &f.answer);
        assert!(right.correct && right.right == right.total, "{}: {right:?}", sc.id);
        match f.kind {
            FollowupKind::Pick => {
                // Order and duplicates do not matter; one option more or less does.
                let mut shuffled: Vec<usize> = f.answer.iter().rev().copied().collect();
                shuffled.push(f.answer[0]);
                assert!(score_followup(f, &shuffled).correct);
                let missing = score_followup(f, &f.answer[1..]);
                assert!(!missing.correct && missing.right == missing.total - 1, "{missing:?}");
                let wrong = (0..f.options.len()).find(|i| !f.answer.contains(i)).unwrap();
                let extra: Vec<usize> = f.answer.iter().copied().chain([wrong]).collect();
                assert!(!score_followup(f, &extra).correct);
                assert!(!score_followup(f, &[]).correct);
            }
            FollowupKind::Order => {
                let mut swapped = f.answer.clone();
                swapped.swap(0, 1);
                let s = score_followup(f, &swapped);
                assert!(!s.correct && s.right == s.total - 2, "{s:?}");
                assert!(!score_followup(f, &f.answer[..f.answer.len() - 1]).correct);
            }
        }
        // Out-of-range indices are wrong, never a panic.
        let s = score_followup(f, &[usize::MAX, 1_000]);
        assert!(!s.correct && s.right <= s.total);
    }
}

#[test]
fn the_recovery_steps_are_in_the_courses_order() {
    let sc = parse(&read("7-1")).unwrap();
    let f = sc.followup.unwrap();
    let steps: Vec<&str> = f.answer.iter().map(|&i| f.options[i].zh.as_str()).collect();
    assert_eq!(steps, ["感受", "道歉", "解决", "调查", "加分", "预防"]);
}

#[test]
fn files_round_trip_through_serde() {
    for sc in shipped() {
        let json = serde_json::to_string(&sc).unwrap();
        assert_eq!(parse(&json).unwrap(), sc);
    }
}
