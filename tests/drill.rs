//! The practice drills (issue 19): every file in `content/drills/` parses and
//! validates (the scorer's checks included: each rewrite's model earns full
//! marks, each prompt keeps its forbidden form), the build lists exactly those
//! files, broken files are reported (never a panic), the rewrite scorer judges
//! its three checks as the course means them, sort and spot are scored
//! exactly (drill results in progress: `tests/progress.rs`).

use loyalty_lab::course::drill::rewrite::RewriteDrill;
use loyalty_lab::course::drill::sort::SortDrill;
use loyalty_lab::course::drill::spot::SpotDrill;
use loyalty_lab::course::drill::{parse, Drill, MIN_POSITIVE_ITEMS, SAY_IT_POSITIVELY};
use loyalty_lab::course::lectures::{course, DRILLS, DRILL_IDS};
use loyalty_lab::scoring::rewrite::{
    score, validate_drill, validate_drill_file, Flag, Rewritten, DROPPED, MEANING, OFFER,
};
use proptest::prelude::*;

fn root() -> &'static str {
    env!("CARGO_MANIFEST_DIR")
}

/// (id, text) of every file in `content/drills/`, sorted by id.
fn shipped_files() -> Vec<(String, String)> {
    let dir = format!("{}/content/drills", root());
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let id = name.strip_suffix(".json")?.to_owned();
            Some((id, std::fs::read_to_string(e.path()).ok()?))
        })
        .collect();
    files.sort();
    files
}

fn shipped() -> Vec<Drill> {
    shipped_files()
        .iter()
        .map(|(id, text)| parse(text).unwrap_or_else(|e| panic!("{id}.json: {e}")))
        .collect()
}

fn test_file(name: &str) -> String {
    let path = format!("{}/tests/data/drills/{name}.json", root());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn small_rewrite() -> RewriteDrill {
    match parse(&test_file("rewrite-small")).unwrap() {
        Drill::Rewrite(r) => r,
        other => panic!("not a rewrite drill: {}", other.kind()),
    }
}

fn small_sort() -> SortDrill {
    match parse(&test_file("sort-small")).unwrap() {
        Drill::Sort(s) => s,
        other => panic!("not a sort drill: {}", other.kind()),
    }
}

fn small_spot() -> SpotDrill {
    match parse(&test_file("spot-small")).unwrap() {
        Drill::Spot(s) => s,
        other => panic!("not a spot drill: {}", other.kind()),
    }
}

fn rewrite(item: &str, answer: &str) -> Rewritten {
    let d = small_rewrite();
    let item = d.items.iter().find(|i| i.id == item).expect("item exists");
    score(&d, item, answer)
}

fn has_error(errors: &[String], needle: &str) -> bool {
    errors.iter().any(|e| e.contains(needle))
}

// ---- the shipped files -------------------------------------------------

#[test]
fn every_shipped_drill_is_valid() {
    let mut all = Vec::new();
    for (id, text) in shipped_files() {
        match parse(&text) {
            Ok(d) => all.extend(validate_drill_file(&id, &d)),
            Err(e) => all.push(format!("{id}.json: {e}")),
        }
    }
    assert!(all.is_empty(), "{} problems:\n{}", all.len(), all.join("\n"));
}

#[test]
fn the_build_lists_exactly_the_shipped_files() {
    let files = shipped_files();
    let ids: Vec<&str> = files.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(DRILL_IDS.to_vec(), ids, "rebuild after adding a drill file");
    for d in shipped() {
        let h = d.head();
        let listed = DRILLS.iter().find(|x| x.0 == h.id).expect("listed");
        assert_eq!(
            (listed.1, listed.2, listed.3),
            (h.lecture, h.title.zh.as_str(), h.title.en.as_str())
        );
        assert!(course().lecture(h.lecture).is_some(), "{}: lecture {}", h.id, h.lecture);
    }
}

#[test]
fn the_three_drills_of_the_issue_are_shipped() {
    let drills = shipped();
    for kind in ["rewrite", "sort", "spot"] {
        assert!(
            drills.iter().any(|d| d.kind() == kind),
            "no {kind} drill in content/drills/"
        );
    }
    let positive = drills
        .iter()
        .find_map(|d| match d {
            Drill::Rewrite(r) if r.id == SAY_IT_POSITIVELY => Some(r),
            _ => None,
        })
        .expect("say-it-positively.json is a rewrite drill");
    assert!(positive.items.len() >= MIN_POSITIVE_ITEMS);
    assert_eq!(positive.lecture, 6);
    // The ten front-line skills in three levels; the ten improper ways.
    assert!(drills
        .iter()
        .any(|d| matches!(d, Drill::Sort(s) if s.items.len() == 10 && s.levels.len() == 3)));
    assert!(drills
        .iter()
        .any(|d| matches!(d, Drill::Spot(s) if s.options.len() == 10)));
}

#[test]
fn shipped_rewrites_reward_the_model_and_not_the_prompt() {
    for d in shipped() {
        let Drill::Rewrite(r) = d else { continue };
        for item in &r.items {
            for (model, prompt) in [(&item.model.zh, &item.prompt.zh), (&item.model.en, &item.prompt.en)] {
                assert_eq!(score(&r, item, model).score, 100, "{}: model {model:?}", item.id);
                let p = score(&r, item, prompt);
                assert!(
                    p.score < 100 && !p.passed("dropped"),
                    "{}: prompt {prompt:?} → {p:?}",
                    item.id
                );
            }
        }
    }
}

// ---- parsing and validation ---------------------------------------------

#[test]
fn the_test_files_are_valid() {
    for name in ["rewrite-small", "sort-small", "spot-small"] {
        let d = parse(&test_file(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(validate_drill_file(name, &d), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn malformed_files_are_clear_errors() {
    let good = test_file("sort-small");
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "EOF"),
        ("not json".into(), "expected"),
        ("[]".into(), "expected struct DrillFile"),
        (
            good.replacen("\"kind\": \"sort\"", "\"kind\": \"drag\"", 1),
            "unknown variant",
        ),
        (good.replacen("\"kind\": \"sort\",", "", 1), "missing field `kind`"),
        (good.replacen("\"intro\"", "\"blurb\"", 1), "unknown field"),
        (
            good.replacen("\"lecture\": 6", "\"lecture\": \"six\"", 1),
            "invalid type",
        ),
        (good.replacen("\"lecture\": 6", "\"lecture\": 600", 1), "invalid value"),
        (good.replacen(", \"level\": \"basic\"", "", 1), "missing field `level`"),
        (
            test_file("spot-small").replacen("\"customer\"", "\"manager\"", 1),
            "unknown variant",
        ),
        (
            test_file("rewrite-small").replacen("\"offer\"", "\"offers\"", 1),
            "unknown field",
        ),
    ];
    // Syntax errors and a bad kind are placed in the file.
    let e = parse("{\n  \"kind\": \"rewrite\",\n  \"id\": x\n}").unwrap_err();
    assert_eq!((e.line, e.to_string().starts_with("line 3")), (3, true), "{e}");
    let e = parse(&good.replacen("\"kind\": \"sort\"", "\"kind\": \"drag\"", 1)).unwrap_err();
    assert_eq!(e.line, 4, "{e}");
    for (text, needle) in cases {
        let e = parse(&text).expect_err(&text.chars().take(60).collect::<String>());
        assert!(e.message.contains(needle), "{needle:?} not in {e}");
        assert!(!e.to_string().contains("line 0"), "{e}");
    }
}

#[test]
fn validation_catches_broken_rewrite_drills() {
    let mut d = small_rewrite();
    d.id = SAY_IT_POSITIVELY.into();
    d.lecture = 13;
    d.items[1].id = d.items[0].id.clone();
    d.items[0].why.en = " ".into();
    d.items[0].forbidden.en.push("Don't Know".into());
    d.items[2].meaning.zh = vec!["填，表".into()];
    d.items[1].meaning.en.clear();
    d.offer.en.push("i can".into());
    d.offer.en.push("i can".into());
    d.items[2].model.en = "You must fill in the form.".into();
    d.items[2].prompt.zh = "请您填表。".into();
    let errors = validate_drill_file("say-it-positively", &Drill::Rewrite(d));
    for needle in [
        "at least 30 items",
        "lecture 13 does not exist",
        "appears twice",
        "why: empty en",
        "not in normal form",
        "clause separator",
        "needs at least one en pattern",
        "listed twice",
        "en model fails check \"dropped\"",
        "en model fails check \"meaning\"",
        "zh prompt matches no forbidden pattern",
    ] {
        assert!(has_error(&errors, needle), "no error about {needle:?} in {errors:#?}");
    }
    let mut d = small_rewrite();
    d.items[0].model.zh = "我没法帮您查到货时间。".into();
    let errors = validate_drill(&Drill::Rewrite(d));
    assert!(
        has_error(&errors, "zh model fails check \"offer\" (negated)"),
        "{errors:#?}"
    );
}

#[test]
fn validation_catches_broken_sort_and_spot_drills() {
    let mut s = small_sort();
    s.items[2].level = "expected".into();
    s.levels[0].about.zh = String::new();
    let errors = validate_drill_file("other", &Drill::Sort(s.clone()));
    for needle in [
        "holds drill",
        "\"expected\" is not a level",
        "level \"beyond\" has no item",
        "about: empty zh",
    ] {
        assert!(has_error(&errors, needle), "no error about {needle:?} in {errors:#?}");
    }
    s.levels.truncate(1);
    s.items[0].id = "Bad Id".into();
    let errors = validate_drill(&Drill::Sort(s));
    assert!(has_error(&errors, "needs 2–5 levels, has 1"), "{errors:#?}");
    assert!(has_error(&errors, "must be kebab-case"), "{errors:#?}");

    let mut p = small_spot();
    p.items[1].answer = "argue".into();
    p.items[0].exchange.truncate(1);
    p.items[0].id = "refund".into();
    let errors = validate_drill(&Drill::Spot(p.clone()));
    for needle in [
        "\"pass-the-buck\" is the answer of no item",
        "needs 2–6 lines, has 1",
        "appears twice",
    ] {
        assert!(has_error(&errors, needle), "no error about {needle:?} in {errors:#?}");
    }
    p.items[0].answer = "shout".into();
    p.options.truncate(1);
    let errors = validate_drill(&Drill::Spot(p));
    assert!(has_error(&errors, "\"shout\" is not an option"), "{errors:#?}");
    assert!(has_error(&errors, "at least 2 options"), "{errors:#?}");
}

// ---- the rewrite scorer -------------------------------------------------

#[test]
fn good_rewrites_pass_all_three_checks() {
    for (item, answer) in [
        ("dont-know", "我帮您查一下，确认后马上告诉您到货时间。"),
        ("dont-know", "Let me find out the delivery date and call you back."),
        ("not-my-job", "退款由财务办理，我来帮您联系他们。"),
        ("not-my-job", "I can contact accounts about your refund right now."),
        ("must-fill", "请您填一下这张表，我马上帮您换。"),
    ] {
        let r = rewrite(item, answer);
        assert_eq!(r.score, 100, "{answer}: {r:#?}");
        assert_eq!(r.flag, None);
        assert!(r.checks.iter().all(|c| c.passed && !c.negated), "{r:#?}");
        // What kept the message and made the offer is quoted back.
        assert!(
            r.checks[1].evidence.is_some() && r.checks[2].evidence.is_some(),
            "{r:#?}"
        );
        assert_eq!(r.checks[0].evidence, None);
    }
}

#[test]
fn the_prompt_itself_fails() {
    let d = small_rewrite();
    for item in &d.items {
        for prompt in [&item.prompt.zh, &item.prompt.en] {
            let r = score(&d, item, prompt);
            assert!(!r.passed("dropped"), "{prompt}: {r:#?}");
            assert!(r.checks[0].evidence.is_some(), "the kept form is quoted back");
            assert!(r.score < 100);
        }
    }
    // Copied back, it scores nothing at all.
    let r = rewrite("not-my-job", "这不归我管，你去找财务。");
    assert_eq!((r.score, r.flag), (0, Some(Flag::Copied)));
    let r = rewrite(
        "must-fill",
        "You must fill in the form first, or you can't exchange it!",
    );
    assert_eq!((r.score, r.flag), (0, Some(Flag::Copied)));
}

#[test]
fn keeping_the_forbidden_form_fails_dropped_even_with_an_offer() {
    let r = rewrite("dont-know", "我不知道，但是我可以帮您查一下到货时间。");
    assert!(
        !r.passed("dropped") && r.passed("meaning") && r.passed("offer"),
        "{r:#?}"
    );
    assert_eq!(r.score, MEANING + OFFER);
    assert_eq!(r.checks[0].evidence.as_deref(), Some("我不知道"));
}

#[test]
fn negated_offers_do_not_count() {
    for answer in [
        "我没法帮您查到货时间。",
        "我们不能帮您确认到货。",
        "Sorry, I can't check when it will arrive.",
        "We can not look into the arrival date.",
    ] {
        let r = rewrite("dont-know", answer);
        let offer = &r.checks[2];
        assert!(!offer.passed && offer.negated, "{answer}: {r:#?}");
        assert!(r.passed("meaning"), "{answer}");
        assert_eq!(r.score, DROPPED + MEANING, "{answer}");
    }
    // "cannot" is no offer at all.
    let r = rewrite("dont-know", "We cannot look into the arrival date.");
    assert!(!r.passed("offer") && r.score == DROPPED + MEANING, "{r:#?}");
    // A refusal turned into an offer counts, in its own clause.
    let r = rewrite("dont-know", "这个我现在查不到，但是我可以帮您问仓库确认到货。");
    assert!(r.passed("offer") && !r.checks[2].negated, "{r:#?}");
}

#[test]
fn an_english_rewrite_of_a_chinese_prompt_scores_normally() {
    let d = small_rewrite();
    let item = &d.items[0];
    assert!(item.prompt.zh.contains("不知道"));
    let r = score(&d, item, "Let me check the arrival date for you.");
    assert_eq!(r.score, 100, "{r:#?}");
    let r = score(&d, item, "我帮您check一下 when it will arrive。");
    assert_eq!(r.score, 100, "{r:#?}");
}

#[test]
fn missing_meaning_or_offer_costs_their_points() {
    let r = rewrite("dont-know", "我可以帮您。");
    assert!(
        r.passed("dropped") && !r.passed("meaning") && r.passed("offer"),
        "{r:#?}"
    );
    assert_eq!(r.score, DROPPED + OFFER);
    let r = rewrite("dont-know", "到货时间要问仓库。");
    assert!(
        r.passed("dropped") && r.passed("meaning") && !r.passed("offer"),
        "{r:#?}"
    );
    assert_eq!(r.score, DROPPED + MEANING);
    assert_eq!(DROPPED + MEANING + OFFER, 100);
}

#[test]
fn empty_short_and_long_answers() {
    for empty in ["", "   ", "\n\t", "。。！？", "<b></b>"] {
        let r = rewrite("dont-know", empty);
        assert_eq!((r.score, r.flag), (0, Some(Flag::Empty)), "{empty:?}");
        assert!(r.checks.iter().all(|c| !c.passed) && r.checks.len() == 3);
    }
    for short in ["好", "ok", "我查", "I check"] {
        let r = rewrite("dont-know", short);
        assert_eq!((r.score, r.flag), (0, Some(Flag::TooShort)), "{short:?}");
    }
    let long = format!("我马上帮您查一下到货时间。{}", "谢谢".repeat(2000));
    let r = rewrite("dont-know", &long);
    assert!(r.truncated && r.score == 100, "{:?}", (r.truncated, r.score));
}

// ---- sort and spot ------------------------------------------------------

#[test]
fn sort_is_scored_exactly() {
    let s = small_sort();
    let right: Vec<(&str, &str)> = s.items.iter().map(|i| (i.id.as_str(), i.level.as_str())).collect();
    let t = s.score(right.iter().copied());
    assert_eq!((t.right, t.total, t.percent()), (3, 3, 100));
    let t = s.score([("thanks", "basic"), ("smile", "beyond"), ("birthday", "basic")]);
    assert_eq!((t.right, t.total, t.percent()), (1, 3, 33));
    // Unknown items and second answers for an item earn nothing.
    let t = s.score([
        ("thanks", "basic"),
        ("thanks", "basic"),
        ("ghost", "basic"),
        ("smile", "nowhere"),
    ]);
    assert_eq!(t.right, 1);
    assert_eq!(s.judge("birthday", "beyond"), Some(true));
    assert_eq!(s.judge("birthday", "basic"), Some(false));
    assert_eq!(s.judge("ghost", "basic"), None);
}

#[test]
fn spot_is_scored_exactly() {
    let p = small_spot();
    let t = p.score([("late", "argue"), ("refund", "pass-the-buck")]);
    assert_eq!((t.right, t.total, t.percent()), (2, 2, 100));
    let t = p.score([("late", "pass-the-buck"), ("refund", "pass-the-buck")]);
    assert_eq!((t.right, t.percent()), (1, 50));
    assert_eq!(p.score([]).percent(), 0);
    assert_eq!(p.judge("late", "argue"), Some(true));
    assert_eq!(p.judge("nope", "argue"), None);
}

// ---- properties ---------------------------------------------------------

fn answer_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,200}",
        "[我不知道可以帮您查到货 ，。！can'tIletmecheckno]{0,60}",
        prop::collection::vec(
            prop::sample::select(vec![
                "我",
                "不",
                "知道",
                "可以",
                "帮您",
                "查",
                "到货",
                "但是",
                "没法",
                "，",
                "。",
                "i",
                "can't",
                "let me",
                "check",
                "not",
                "do not know",
                "arrive",
                "\n",
                "<b>",
                "！",
                "？",
                " ",
            ]),
            0..30
        )
        .prop_map(|v| v.concat()),
    ]
}

proptest! {
    #[test]
    fn scoring_never_panics_stays_in_range_and_is_deterministic(answer in answer_strategy(), k in 0usize..3) {
        let d = small_rewrite();
        let item = &d.items[k];
        let a = score(&d, item, &answer);
        prop_assert!(a.score <= 100);
        prop_assert_eq!(a.checks.len(), 3);
        prop_assert_eq!(&a, &score(&d, item, &answer));
        let points: u8 = a.checks.iter().zip([DROPPED, MEANING, OFFER]).filter(|(c, _)| c.passed).map(|(_, w)| w).sum();
        prop_assert_eq!(a.score, if a.flag.is_some() { 0 } else { points });
        prop_assert!(!(a.checks[2].passed && a.checks[2].negated));
    }

    #[test]
    fn parsing_any_text_never_panics(text in ".{0,300}") {
        let _ = parse(&text).map(|d| validate_drill(&d));
    }

    #[test]
    fn parsing_a_mangled_file_never_panics(cut in 0usize..4000, junk in ".{0,6}") {
        let good = test_file("rewrite-small");
        let cut = (0..=cut.min(good.len())).rev().find(|&c| good.is_char_boundary(c)).unwrap_or(0);
        let text = format!("{}{junk}{}", &good[..cut], &good[cut..]);
        let _ = parse(&text).map(|d| validate_drill(&d));
    }

    #[test]
    fn exact_scores_count_right_answers(picks in prop::collection::vec((0usize..4, 0usize..3), 0..10)) {
        let s = small_sort();
        let items = ["thanks", "smile", "birthday", "ghost"];
        let levels = ["basic", "beyond", "expected"];
        let given: Vec<(&str, &str)> = picks.iter().map(|&(i, l)| (items[i], levels[l])).collect();
        let t = s.score(given.iter().copied());
        prop_assert!(t.right <= t.total && t.total == 3 && t.percent() <= 100);
        let mut first = std::collections::BTreeMap::new();
        for (i, l) in &given { first.entry(*i).or_insert(*l); }
        let expect = first.iter().filter(|(i, l)| s.judge(i, l) == Some(true)).count();
        prop_assert_eq!(t.right, expect);
    }
}
