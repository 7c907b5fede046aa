//! The free-text scorer: agreement with team-graded answers
//! (`tests/data/calibration.json`), the behaviours a marker expects
//! (negation, reversal, context, copying, keyword lists, either language,
//! partial credit), normalisation, speed, and invariants on arbitrary input.

use loyalty_lab::course::lectures::{LEARNED_IDS, SELFCHECK_IDS};
use loyalty_lab::course::phrasing::{check_phrasing, PatternError};
use loyalty_lab::course::selfcheck::{parse, SelfCheck};
use loyalty_lab::scoring::agreement::{band, bias, mae, qwk, ranks, spearman};
use loyalty_lab::scoring::*;
use loyalty_lab::support::normalize::normalize;
use proptest::prelude::*;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::Instant;

/// Rank agreement between scorer and graders over the calibration set.
const SPEARMAN_FLOOR: f64 = 0.85;
/// Mean absolute difference from the graders, in points (0–100).
const MAE_CEILING: f64 = 12.0;
/// Quadratic weighted kappa over 20-point bands (0–19, 20–39, …, 80–100).
const QWK_FLOOR: f64 = 0.80;
/// Answers per exercise the calibration set must hold, and the kinds.
const MIN_PER_EXERCISE: usize = 12;
const KINDS: [&str; 7] = ["strong", "partial", "wrong", "negated", "copied", "keywords", "english"];

fn exercises() -> &'static BTreeMap<String, SelfCheck> {
    static ALL: OnceLock<BTreeMap<String, SelfCheck>> = OnceLock::new();
    ALL.get_or_init(|| {
        SELFCHECK_IDS
            .iter()
            .map(|id| {
                let path = format!("{}/content/selfchecks/{id}.json", env!("CARGO_MANIFEST_DIR"));
                let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
                (id.to_string(), parse(&text).unwrap_or_else(|e| panic!("{path}: {e}")))
            })
            .collect()
    })
}

fn ex(id: &str) -> &'static SelfCheck {
    &exercises()[id]
}

fn credit(s: &Scored, idea: &str) -> f64 {
    s.ideas.iter().find(|i| i.id == idea).map_or(f64::NAN, |i| i.credit)
}

fn negated(s: &Scored, idea: &str) -> bool {
    s.flags.contains(&Flag::Negated(idea.into()))
}

// ------------------------------------------------------------ calibration

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Graded {
    exercise: String,
    answer: String,
    grade: u8,
    kind: String,
}

fn calibration() -> Vec<Graded> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/calibration.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("calibration file")).expect("calibration parses")
}

#[test]
fn metrics_are_right_on_known_data() {
    let a = [1.0, 2.0, 3.0, 4.0, 5.0];
    assert!((spearman(&a, &[10.0, 20.0, 30.0, 40.0, 50.0]) - 1.0).abs() < 1e-12);
    assert!((spearman(&a, &[5.0, 4.0, 3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
    assert_eq!(ranks(&[3.0, 1.0, 3.0]), [1.5, 0.0, 1.5]);
    let g = [0.0, 25.0, 50.0, 75.0, 100.0];
    assert!((qwk(&g, &g) - 1.0).abs() < 1e-12);
    assert!(qwk(&g, &[100.0, 75.0, 50.0, 25.0, 0.0]) < 0.0);
    assert_eq!((band(19.0), band(20.0), band(99.0), band(100.0)), (0, 1, 4, 4));
}

#[test]
fn calibration_set_covers_every_exercise_and_kind() {
    let cal = calibration();
    for id in LEARNED_IDS {
        let mine: Vec<&Graded> = cal.iter().filter(|g| g.exercise == id).collect();
        assert!(mine.len() >= MIN_PER_EXERCISE, "{id}: {} answers", mine.len());
        for kind in KINDS {
            assert!(mine.iter().any(|g| g.kind == kind), "{id}: no {kind:?} answer");
        }
    }
    for g in &cal {
        assert!(exercises().contains_key(&g.exercise), "unknown exercise {}", g.exercise);
        assert!(KINDS.contains(&g.kind.as_str()), "unknown kind {}", g.kind);
        assert!(g.grade <= 100);
    }
    assert!(cal.len() >= 60);
}

#[test]
fn scorer_agrees_with_the_graders() {
    let cal = calibration();
    let grades: Vec<f64> = cal.iter().map(|g| f64::from(g.grade)).collect();
    let scores: Vec<f64> = cal
        .iter()
        .map(|g| f64::from(score(ex(&g.exercise), &g.answer).score))
        .collect();
    let rho = spearman(&grades, &scores);
    let mae = grades.iter().zip(&scores).map(|(g, s)| (g - s).abs()).sum::<f64>() / grades.len() as f64;
    let kappa = qwk(&grades, &scores);
    println!("calibration: {} answers", cal.len());
    println!("  Spearman {rho:.3} (floor {SPEARMAN_FLOOR})");
    println!("  MAE      {mae:.2} (ceiling {MAE_CEILING})");
    println!("  QWK      {kappa:.3} (floor {QWK_FLOOR})");
    println!("  kind        n   grade  score");
    for kind in KINDS {
        let (g, s): (Vec<f64>, Vec<f64>) = cal
            .iter()
            .zip(grades.iter().zip(&scores))
            .filter(|(c, _)| c.kind == kind)
            .map(|(_, (g, s))| (*g, *s))
            .unzip();
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        println!("  {kind:9} {:3}   {:5.1}  {:5.1}", g.len(), mean(&g), mean(&s));
    }
    for id in LEARNED_IDS {
        let (g, s): (Vec<f64>, Vec<f64>) = cal
            .iter()
            .zip(grades.iter().zip(&scores))
            .filter(|(c, _)| c.exercise == id)
            .map(|(_, (g, s))| (*g, *s))
            .unzip();
        let mae = g.iter().zip(&s).map(|(a, b)| (a - b).abs()).sum::<f64>() / g.len() as f64;
        println!("  {id}: Spearman {:.3}, MAE {mae:.1}", spearman(&g, &s));
    }
    assert!(rho >= SPEARMAN_FLOOR, "Spearman {rho:.3} < {SPEARMAN_FLOOR}");
    assert!(mae <= MAE_CEILING, "MAE {mae:.2} > {MAE_CEILING}");
    assert!(kappa >= QWK_FLOOR, "QWK {kappa:.3} < {QWK_FLOOR}");
}

// --------------------------------------------- answers it never saw (issue 20)

/// Floors on `tests/data/answers/` (600 answers by three writers, graded
/// twice by graders who never saw the scorer; nothing was tuned on them):
/// set just under the figures measured when the data arrived (Spearman
/// 0.642, MAE 17.5, QWK 0.688 over 20-point bands, mean signed error
/// −10.7), so the test fails if a change makes the scorer worse on answers
/// it was never tuned for. These, not the calibration figures, are the ones
/// to trust.
const HELD_OUT_SPEARMAN_FLOOR: f64 = 0.62;
const HELD_OUT_MAE_CEILING: f64 = 18.5;
const HELD_OUT_QWK_FLOOR: f64 = 0.66;
const HELD_OUT_BIAS_FLOOR: f64 = -12.0;

#[derive(Deserialize)]
struct Written {
    id: String,
    exercise: String,
    writer: String,
    answer: String,
}

#[derive(Deserialize)]
struct Grade {
    id: String,
    grade: u8,
}

fn jsonl<T: for<'de> Deserialize<'de>>(name: &str) -> Vec<T> {
    let path = format!("{}/tests/data/answers/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}: {l}")))
        .collect()
}

/// (writer, exercise, mean grade, score) of every held-out answer.
fn held_out() -> Vec<(String, String, f64, f64)> {
    let mut grades: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for g in ["g1", "g2", "g3"]
        .iter()
        .flat_map(|g| jsonl::<Grade>(&format!("grades-{g}.jsonl")))
    {
        assert!(g.grade <= 100, "{}: grade {}", g.id, g.grade);
        grades.entry(g.id).or_default().push(f64::from(g.grade));
    }
    let answers: Vec<Written> = ["w1", "w2", "w3"]
        .iter()
        .flat_map(|w| jsonl(&format!("{w}.jsonl")))
        .collect();
    assert_eq!(answers.len(), 600);
    answers
        .into_iter()
        .map(|a| {
            let g = &grades[&a.id];
            assert!(g.len() >= 2, "{}: graded {} times", a.id, g.len());
            let grade = g.iter().sum::<f64>() / g.len() as f64;
            let s = f64::from(score(ex(&a.exercise), &a.answer).score);
            (a.writer, a.exercise, grade, s)
        })
        .collect()
}

/// Spearman, MAE, QWK and mean signed error (score − grade) of a subset.
fn agreement(rows: &[&(String, String, f64, f64)]) -> (f64, f64, f64, f64) {
    let g: Vec<f64> = rows.iter().map(|r| r.2).collect();
    let s: Vec<f64> = rows.iter().map(|r| r.3).collect();
    (spearman(&g, &s), mae(&s, &g), qwk(&g, &s), bias(&s, &g))
}

#[test]
fn scorer_on_answers_it_was_never_tuned_on() {
    let rows = held_out();
    let show = |name: &str, sel: Vec<&(String, String, f64, f64)>| {
        let (rho, mae, kappa, bias) = agreement(&sel);
        println!(
            "  {name:8} n={:3}  Spearman {rho:.3}  MAE {mae:5.1}  QWK {kappa:.3}  bias {bias:+5.1}",
            sel.len()
        );
    };
    println!("held-out answers (tests/data/answers):");
    for w in ["w1", "w2", "w3"] {
        show(w, rows.iter().filter(|r| r.0 == w).collect());
    }
    for id in LEARNED_IDS {
        show(id, rows.iter().filter(|r| r.1 == id).collect());
    }
    let all: Vec<_> = rows.iter().collect();
    show("all", all.clone());
    let (rho, mae, kappa, bias) = agreement(&all);
    assert!(
        rho >= HELD_OUT_SPEARMAN_FLOOR,
        "Spearman {rho:.3} < {HELD_OUT_SPEARMAN_FLOOR}"
    );
    assert!(mae <= HELD_OUT_MAE_CEILING, "MAE {mae:.2} > {HELD_OUT_MAE_CEILING}");
    assert!(kappa >= HELD_OUT_QWK_FLOOR, "QWK {kappa:.3} < {HELD_OUT_QWK_FLOOR}");
    assert!(bias >= HELD_OUT_BIAS_FLOOR, "bias {bias:.2} < {HELD_OUT_BIAS_FLOOR}");
}

#[test]
fn kinds_land_where_a_marker_puts_them() {
    let cal = calibration();
    let mean = |kind: &str| {
        let v: Vec<f64> = cal
            .iter()
            .filter(|g| g.kind == kind)
            .map(|g| f64::from(score(ex(&g.exercise), &g.answer).score))
            .collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    assert!(mean("copied") <= 5.0);
    assert!(mean("negated") <= 10.0);
    assert!(mean("keywords") <= f64::from(KEYWORD_CAP));
    assert!(mean("strong") >= 70.0);
    assert!(mean("strong") > mean("partial") && mean("partial") > mean("wrong"));
}

// ------------------------------------------------------------- behaviours

#[test]
fn negation_credits_the_idea_and_approval_reverses_it() {
    let sc = ex("3-1");
    let s = score(sc, "不应该在客人面前批评员工");
    assert_eq!(credit(&s, "front-back"), 1.0, "{s:#?}");
    assert!(s.flags.is_empty());

    let s = score(sc, "在客人面前批评是对的");
    assert_eq!(credit(&s, "front-back"), 0.0);
    assert!(negated(&s, "front-back"), "{:?}", s.flags);
    assert_eq!(s.score, 0);

    let s = score(sc, "The manager shouldn't scold staff in front of guests.");
    assert_eq!(credit(&s, "front-back"), 1.0, "{s:#?}");
    let s = score(sc, "Scolding in front of guests is fine.");
    assert_eq!(credit(&s, "front-back"), 0.0);
    assert!(negated(&s, "front-back"));

    // 不对 is one cue, not 不 + 对; 没错 approves.
    assert_eq!(credit(&score(sc, "当众批评员工是不对的"), "front-back"), 1.0);
    assert!(negated(&score(sc, "当众批评员工没错"), "front-back"));
    // A judgement in the next clause or under a label reaches back.
    assert_eq!(
        credit(&score(sc, "经理当着客人的面训斥员工，这是错误的。"), "front-back"),
        1.0
    );
    assert_eq!(
        credit(&score(sc, "错误：经理当着客人的面训斥员工。"), "front-back"),
        1.0
    );
}

#[test]
fn a_fault_only_named_earns_part_of_its_credit() {
    let s = score(ex("3-1"), "经理当着客人的面训斥员工。");
    assert_eq!(credit(&s, "front-back"), UNJUDGED);
    assert!(s.ideas[0].found);
}

#[test]
fn practices_and_effects_read_negation_differently() {
    let sc = ex("3-1");
    // A practice is cancelled by any negation, or by a judgement after it.
    assert_eq!(credit(&score(sc, "应该事后私下沟通。"), "do-instead"), 1.0);
    assert!(negated(&score(sc, "没有必要私下沟通。"), "do-instead"));
    assert!(negated(&score(sc, "私下沟通是错误的。"), "do-instead"));
    // …but criticising its absence names it.
    assert_eq!(credit(&score(sc, "不足之处：经理没有私下沟通。"), "do-instead"), 1.0);
    // An effect is cancelled by a denial, not by a warning.
    assert_eq!(credit(&score(sc, "不要让客人尴尬。"), "guest-experience"), 1.0);
    assert_eq!(credit(&score(sc, "这会让客人很尴尬。"), "guest-experience"), 1.0);
    assert!(negated(&score(sc, "这样做不会让客人尴尬。"), "guest-experience"));
    assert_eq!(
        credit(&score(sc, "Avoid making the guests uncomfortable."), "guest-experience"),
        1.0
    );
    // "X is not A, it is B": the "not" belongs to A.
    let s = score(
        ex("1-1"),
        "Exceeding expectations is not charity, it is how loyalty is built.",
    );
    assert_eq!(credit(&s, "exceed-expectations"), 1.0, "{s:#?}");
    // Questions of the form A-not-A do not deny.
    let s = score(ex("7-1"), "我马上帮您查一下其他仓库能不能加急。");
    assert_eq!(credit(&s, "alternatives"), 1.0);
    assert!(s.flags.is_empty(), "{:?}", s.flags);
}

#[test]
fn context_decides_what_a_phrase_is_about() {
    let sc = ex("5-1");
    let s = score(sc, "好的服务保证应该无需繁琐手续。");
    assert_eq!(credit(&s, "paperwork"), 1.0);
    let s = score(sc, "办会员卡无需繁琐手续，非常方便。");
    assert_eq!(credit(&s, "paperwork"), 0.0);
    assert!(s.flags.is_empty(), "{:?}", s.flags);
    assert_eq!(
        credit(&score(sc, "A good guarantee needs no paperwork."), "paperwork"),
        1.0
    );
    assert_eq!(
        credit(&score(sc, "Joining the newsletter needs no paperwork."), "paperwork"),
        0.0
    );
    // The context may sit in the sentence before.
    assert_eq!(
        credit(&score(sc, "再说这条保证。它应该无需繁琐手续。"), "paperwork"),
        1.0
    );
}

#[test]
fn copying_the_case_earns_nothing_but_an_added_comment_counts() {
    let sc = ex("3-1");
    let s = score(sc, &sc.case.zh);
    assert_eq!(s.score, 0);
    assert!(s.flags.contains(&Flag::Copied));
    let mixed = format!("{}经理不应该在客人面前批评员工，应该事后私下沟通。", sc.case.zh);
    let s = score(sc, &mixed);
    assert!(s.flags.contains(&Flag::Copied));
    assert_eq!(credit(&s, "front-back"), 1.0);
    assert_eq!(credit(&s, "do-instead"), 1.0);
    // The case's own words (当众, 嚷) earn nothing while copied…
    assert_eq!(credit(&score(sc, &sc.case.en), "front-back"), 0.0);
    // …but a short quote inside a real answer is no copy.
    let quoted = "经理当场冲服务员嚷道“煤气不花钱吗”，当着客人的面这样训人是错误的，会让客人尴尬，也伤了员工的自尊。";
    let s = score(sc, quoted);
    assert!(!s.flags.contains(&Flag::Copied), "{:?}", s.flags);
    assert!(s.score >= 60, "{s:#?}");
}

#[test]
fn a_bare_keyword_list_is_capped_and_flagged() {
    for (id, list) in [
        ("3-1", "表里世界 当众批评 员工自尊 客人心情 私下沟通"),
        ("3-1", "表里世界、当众批评、员工自尊、客人心情、私下沟通"),
        ("7-1", "alternatives, ownership, call back, apology"),
    ] {
        let s = score(ex(id), list);
        assert!(s.flags.contains(&Flag::KeywordList), "{list}: {:?}", s.flags);
        assert!(s.score <= KEYWORD_CAP, "{list}: {}", s.score);
        assert!(
            s.ideas.iter().filter(|i| i.found).count() >= 3,
            "ideas still reported: {s:#?}"
        );
    }
    // Short statements are not a keyword list.
    let s = score(ex("3-1"), "不该当众批评员工，应该事后私下沟通，要维护员工的自尊。");
    assert!(!s.flags.contains(&Flag::KeywordList), "{:?}", s.flags);
    assert!(s.score > KEYWORD_CAP);
}

#[test]
fn either_language_scores_against_either_exercise_text() {
    let sc = ex("3-1");
    let zh = score(sc, "经理不该当着客人批评员工，这会让客人尴尬；应该事后私下谈。");
    let en = score(
        sc,
        "The manager should not criticise staff in front of guests; it makes the guests uncomfortable. Talk privately afterwards.",
    );
    let found = |s: &Scored| {
        s.ideas
            .iter()
            .filter(|i| i.found)
            .map(|i| i.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(found(&zh), found(&en));
    assert_eq!(zh.score, en.score);
    // Mixed within one answer works too.
    let mixed = score(sc, "不该当众批评员工. Talk to him privately afterwards.");
    assert_eq!(found(&mixed), ["front-back", "do-instead"]);
}

#[test]
fn partial_credit_for_weaker_or_fewer_phrasings() {
    // A weak phrasing alone: half; two weak ones: three quarters.
    let s = score(ex("5-1"), "这个保证能吸引顾客。");
    assert_eq!(credit(&s, "clear-promise"), WEAK);
    assert!(!s.ideas[0].found || WEAK >= FOUND_AT);
    let s = score(ex("7-1"), "应该说对不起。他只说了这个回答。");
    assert!(credit(&s, "empathy-info") > 0.0 && credit(&s, "empathy-info") < 1.0);
    // More ideas, more points; weights add up.
    let one = score(ex("3-1"), "不应该当众批评员工。").score;
    let two = score(ex("3-1"), "不应该当众批评员工，应该事后私下沟通。").score;
    assert_eq!((one, two), (30, 50));
}

#[test]
fn empty_and_blank_answers_score_zero() {
    for blank in ["", "   ", "\n\t", "。，！", "……", "<br/>", "————"] {
        let s = score(ex("1-1"), blank);
        assert_eq!(s.score, 0, "{blank:?}");
        assert_eq!(s.flags, [Flag::Empty], "{blank:?}");
        assert_eq!(s.ideas.len(), 5);
        assert!(s
            .ideas
            .iter()
            .all(|i| !i.found && i.credit == 0.0 && i.evidence.is_none()));
    }
}

#[test]
fn long_answers_are_read_up_to_the_limit() {
    let sc = ex("3-1");
    let answer = format!("不应该当众批评员工。{}", "无关的话。".repeat(2_000));
    let s = score(sc, &answer);
    assert!(s.flags.contains(&Flag::Truncated));
    assert_eq!(credit(&s, "front-back"), 1.0);
    let hidden = format!("{}不应该当众批评员工。", "无关。".repeat(2_000));
    assert_eq!(score(sc, &hidden).score, 0, "past the limit is not read");
}

#[test]
fn evidence_quotes_the_original_text() {
    let s = score(ex("3-1"), "第一点：ＴＨＥ　ＭＡＮＡＧＥＲ　ＳＨＯＵＬＤＮ’Ｔ　ＳＣＯＬＤ　ＳＴＡＦＦ　ＩＮ　ＦＲＯＮＴ　ＯＦ　ＧＵＥＳＴＳ！");
    assert_eq!(credit(&s, "front-back"), 1.0, "{s:#?}");
    let ev = s.ideas[0].evidence.as_deref().unwrap();
    assert!(ev.contains("ＳＨＯＵＬＤＮ’Ｔ"), "{ev}");
}

#[test]
fn normalises_width_case_punctuation_and_spacing() {
    assert_eq!(normalize("ＴＨＥ　Ｍａｎａｇｅｒ！！"), "the manager");
    assert_eq!(normalize("  不应该，， 当众批评；员工。"), "不应该，当众批评，员工");
    assert_eq!(normalize("表里世界  当众批评"), "表里世界 当众批评");
    assert_eq!(normalize("“私下”沟通"), "私下沟通");
    assert_eq!(normalize("Don't  scold; he CAN'T"), "do not scold，he can not");
    assert_eq!(normalize("front-stage/back-stage"), "front stage back stage");
    assert_eq!(normalize("少还0.25元. 然后"), "少还0.25元。然后");
    assert_eq!(normalize("<p>经理<b>不该</b>当众训人</p>"), "经理不该当众训人");
    assert_eq!(normalize("a\r\n\r\nb"), "a\nb");
    assert_eq!(normalize("客人 面前 criticise"), "客人 面前criticise");
    // Found by proptest: a dropped apostrophe between control characters
    // once left two spaces.
    assert_eq!(normalize("¡\0'\0¼"), "¡ ¼");
    assert_eq!(normalize("a\0'𠀀"), "a𠀀");
}

#[test]
fn phrasing_patterns_are_checked() {
    for ok in [
        "私下",
        "!当众~批评|训斥",
        "?^客人~尴尬",
        "=自尊",
        "无需~手续@保证|承诺",
        "front stage",
        "do not~scold",
    ] {
        assert_eq!(check_phrasing(ok), Ok(()), "{ok}");
    }
    assert_eq!(check_phrasing(""), Err(PatternError::Empty));
    assert_eq!(check_phrasing("私下~"), Err(PatternError::EmptyPart));
    assert_eq!(check_phrasing("a||b"), Err(PatternError::EmptyPart));
    assert!(matches!(check_phrasing("Front Stage"), Err(PatternError::NotNormal(_))));
    assert!(matches!(check_phrasing("don't"), Err(PatternError::NotNormal(_))));
    assert!(matches!(
        check_phrasing("私下，沟通"),
        Err(PatternError::HasSeparator(_))
    ));
    assert!(matches!(check_phrasing("!^x"), Err(PatternError::Syntax(_))));
    assert!(matches!(check_phrasing("a@b@c"), Err(PatternError::Syntax(_))));
}

#[test]
fn english_words_match_at_word_starts_only() {
    let sc = ex("3-1");
    // "ok" inside "broken", "no" inside "know" are not cues.
    let s = score(sc, "I know scolding in front of guests is a broken habit and wrong.");
    assert_eq!(credit(&s, "front-back"), 1.0, "{s:#?}");
    // Stems take suffixes: humiliat → humiliated.
    assert_eq!(credit(&score(sc, "He humiliated the waiter."), "employee-dignity"), 1.0);
}

#[test]
fn scoring_is_deterministic_and_fast() {
    let cal = calibration();
    let first: Vec<Scored> = cal.iter().map(|g| score(ex(&g.exercise), &g.answer)).collect();
    let rounds = 20;
    let start = Instant::now();
    for _ in 0..rounds {
        for (g, f) in cal.iter().zip(&first) {
            assert_eq!(&score(ex(&g.exercise), &g.answer), f);
        }
    }
    let per = start.elapsed().as_secs_f64() * 1000.0 / (rounds * cal.len()) as f64;
    println!("mean time per answer: {per:.3} ms");
    // Under 1 ms in an optimised build; debug builds get headroom.
    let limit = if cfg!(debug_assertions) { 10.0 } else { 1.0 };
    assert!(per < limit, "{per:.3} ms per answer");
    let long = "经理不该当众批评员工，应该事后私下沟通，".repeat(200);
    let start = Instant::now();
    let _ = score(ex("3-1"), &long);
    let t = start.elapsed().as_secs_f64() * 1000.0;
    assert!(t < limit * 20.0, "a 4,000-character answer took {t:.2} ms");
}

fn arb_answer() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,200}",
        "[不没是对错应该批评当众客人私下沟通，。！？、：“”a-z ]{0,300}",
        "(<[a-z/]{1,4}>|[a-zA-Z' ,.!?]|不|该|批评){0,200}",
        "\\PC{0,50}",
        any::<Vec<char>>().prop_map(|v| v.into_iter().collect()),
        (".{0,20}", 0usize..5_000).prop_map(|(s, n)| s.repeat(n.min(300))),
    ]
}

proptest! {
    // Failures are reported, not saved next to the tests.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_answer_gives_a_sane_result(answer in arb_answer(), which in 0usize..5) {
        let sc = ex(SELFCHECK_IDS[which % SELFCHECK_IDS.len()]);
        let s = score(sc, &answer);
        prop_assert!(s.score <= 100);
        prop_assert_eq!(s.ideas.len(), sc.ideas.len());
        for (i, idea) in s.ideas.iter().zip(&sc.ideas) {
            prop_assert_eq!(&i.id, &idea.id);
            prop_assert!((0.0..=1.0).contains(&i.credit));
            prop_assert_eq!(i.found, i.credit >= FOUND_AT);
            if let Some(e) = &i.evidence {
                prop_assert!(answer.contains(e.trim_end_matches('…')));
            }
        }
        if s.flags.contains(&Flag::KeywordList) {
            prop_assert!(s.score <= KEYWORD_CAP);
        }
        prop_assert_eq!(score(sc, &answer), s);
    }

    #[test]
    fn normalising_is_idempotent(text in ".{0,200}") {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once.clone());
    }
}
