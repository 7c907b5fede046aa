//! The SCORM 1.2 model (`progress::scorm`): what the app reports to an LMS,
//! the journal of interactions, `cmi.suspend_data` within 4,096 characters
//! (packing, trimming, decoding garbage), combining two records, and the
//! package's `imsmanifest.xml` (written by `scripts/scorm`).

use loyalty_lab::course::lectures::{DRILL_IDS, KNOWN_EXERCISES, SCENARIO_IDS};
use loyalty_lab::progress::drill::{DrillState, ItemState};
use loyalty_lab::progress::record::{decode as decode_record, ExerciseState, LectureState, Progress};
use loyalty_lab::progress::scorm::pack::{pack, unpack, UnpackError};
use loyalty_lab::progress::scorm::suspend::{self, decode, encode, encode_within, SuspendError, SUSPEND_MAX};
use loyalty_lab::progress::scorm::{self, merge, Slots};
use loyalty_lab::support::i18n::Lang;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

fn root() -> &'static str {
    env!("CARGO_MANIFEST_DIR")
}

fn drill_file(id: &str) -> Value {
    let path = format!("{}/content/drills/{id}.json", root());
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).unwrap()
}

/// A trainee who has done everything the course offers, in `lang`: every
/// lecture done, every self-check tried a few times with missed ideas,
/// every role-play, and every drill item answered — rewrites with the
/// course's own model answers, which are longer than most trainees'.
fn everything(lang: &str) -> Progress {
    answered(lang, false)
}

/// As [`everything`], by a trainee who writes at length: each rewrite is
/// the model answer with the situation retold before it.
fn wordy(lang: &str) -> Progress {
    answered(lang, true)
}

fn answered(lang: &str, wordy: bool) -> Progress {
    let mut p = Progress {
        lang: Some(if lang == "en" { Lang::En } else { Lang::Zh }),
        last: Some("/lecture/12".into()),
        ..Progress::default()
    };
    for n in 1..=12 {
        p.set_done(n, true);
    }
    for (i, id) in KNOWN_EXERCISES.iter().enumerate() {
        let mut e = ExerciseState::first(40 + i as u8);
        e.record(70 + i as u8);
        e.record(55);
        e.set_missed(["follow-up".to_owned(), "clear-promise".to_owned()]);
        p.exercises.insert((*id).to_owned(), e);
    }
    for id in SCENARIO_IDS {
        p.roleplays.insert(id.to_owned(), ExerciseState::first(83));
    }
    for id in DRILL_IDS {
        let d = drill_file(id);
        let items = d["items"].as_array().unwrap();
        for (i, item) in items.iter().enumerate() {
            let item_id = item["id"].as_str().unwrap();
            let (score, answer) = match d["kind"].as_str().unwrap() {
                "rewrite" => {
                    let model = item["model"][lang].as_str().unwrap();
                    let context = item["context"][lang].as_str().unwrap();
                    let text = if wordy {
                        format!("{context} {model}")
                    } else {
                        model.to_owned()
                    };
                    (60 + (i % 5) as u8 * 10, text)
                }
                "sort" => (100, item["level"].as_str().unwrap().to_owned()),
                _ => (
                    if i % 3 == 0 { 0 } else { 100 },
                    item["answer"].as_str().unwrap().to_owned(),
                ),
            };
            p.record_drill(id, item_id, score, &answer, items.len());
        }
    }
    p
}

fn chars_ok(text: &str) {
    assert!(text.len() <= SUSPEND_MAX, "{} characters", text.len());
    assert!(suspend::is_safe(text), "unsafe characters in {text}");
    assert!(text.starts_with(suspend::PREFIX));
}

#[test]
fn a_whole_course_fits_without_trimming() {
    for lang in ["en", "zh"] {
        let p = everything(lang);
        let json = serde_json::to_string(&p).unwrap();
        let (text, trimmed) = encode_within(&p, SUSPEND_MAX);
        println!(
            "{lang}, everything done: JSON {} bytes, suspend_data {} characters",
            json.len(),
            text.len()
        );
        chars_ok(&text);
        assert!(trimmed.nothing(), "{lang}: {trimmed:?}");
        assert_eq!(decode(&text).unwrap(), p);
    }
}

#[test]
fn a_wordy_trainee_fits_by_dropping_some_answer_texts_only() {
    let p = wordy("zh");
    let json = serde_json::to_string(&p).unwrap();
    let (text, trimmed) = encode_within(&p, SUSPEND_MAX);
    println!(
        "zh, everything done at length: JSON {} bytes, suspend_data {} characters, {:?}",
        json.len(),
        text.len(),
        trimmed
    );
    chars_ok(&text);
    assert!(!trimmed.missed && !trimmed.items && trimmed.entries == 0, "{trimmed:?}");
    let back = decode(&text).unwrap();
    // Everything but some answers' text comes back.
    let mut expected = p.clone();
    let dropped: usize = back
        .drills
        .iter()
        .flat_map(|(d, s)| s.items.iter().map(move |(i, it)| (d, i, it)))
        .filter(|(_, _, it)| it.answer.is_empty())
        .count();
    assert_eq!(dropped, trimmed.answers);
    for (d, s) in &back.drills {
        for (i, it) in &s.items {
            if it.answer.is_empty() {
                expected
                    .drills
                    .get_mut(d)
                    .unwrap()
                    .items
                    .get_mut(i)
                    .unwrap()
                    .answer
                    .clear();
            }
        }
    }
    assert_eq!(back, expected);
    // The longest answers went first.
    let kept_max = back
        .drills
        .values()
        .flat_map(|s| s.items.values())
        .map(|i| i.answer.len())
        .max()
        .unwrap();
    let dropped_min = p
        .drills
        .iter()
        .flat_map(|(d, s)| s.items.iter().map(move |(i, it)| (d, i, it)))
        .filter(|(d, i, _)| back.drills[*d].items[*i].answer.is_empty())
        .map(|(_, _, it)| it.answer.len())
        .min()
        .unwrap();
    assert!(dropped_min >= kept_max, "dropped {dropped_min}, kept {kept_max}");
}

#[test]
fn white_space_inside_answers_is_kept() {
    let mut p = Progress::default();
    let answer = "  two  spaces, a tab\t, a \"quote\" and \\\" a backslash {\n} [ , : ]  ";
    p.record_drill("say-it-positively", "wait-teller", 70, answer, 36);
    assert_eq!(decode(&encode(&p)).unwrap(), p);
}

#[test]
fn packing_shrinks_the_record() {
    let json = serde_json::to_string(&everything("en")).unwrap();
    let packed = pack(json.as_bytes());
    println!("packed {} bytes of JSON into {} characters", json.len(), packed.len());
    // Base64 alone would be 4/3 of the bytes: the compressor must do much better.
    assert!(packed.len() * 2 < json.len(), "{} of {}", packed.len(), json.len());
    assert_eq!(unpack(&packed).unwrap(), json.as_bytes());
}

#[test]
fn trimming_goes_in_order_of_importance() {
    let p = wordy("zh");
    let full = encode_within(&p, usize::MAX).0.len();
    // Each step down drops the next part and keeps what matters more.
    let (t, trimmed) = encode_within(&p, full - 1);
    assert!(t.len() < full && trimmed.answers > 0 && !trimmed.missed, "{trimmed:?}");
    // Without any answer text: what is left must be trimmed further.
    let mut no_answers = p.clone();
    no_answers
        .drills
        .values_mut()
        .flat_map(|d| d.items.values_mut())
        .for_each(|i| i.answer.clear());
    let limit = encode_within(&no_answers, usize::MAX).0.len() - 1;
    let (t, trimmed) = encode_within(&p, limit);
    assert!(t.len() <= limit, "{}", t.len());
    let back = decode(&t).unwrap();
    assert_eq!(back.lectures, p.lectures);
    assert!(trimmed.missed && trimmed.entries == 0, "{trimmed:?}");
    assert!(back
        .drills
        .values()
        .flat_map(|d| d.items.values())
        .all(|i| i.answer.is_empty()));
    for (id, e) in &p.exercises {
        assert_eq!(back.exercises[id].best, e.best);
        assert_eq!(back.exercises[id].attempts, e.attempts);
    }
    // At the smallest, only lectures and language remain.
    let (t, trimmed) = encode_within(&p, 10);
    let back = decode(&t).unwrap();
    assert_eq!(back.lectures, p.lectures);
    assert_eq!(back.lang, p.lang);
    assert!(back.exercises.is_empty() && back.drills.is_empty() && back.roleplays.is_empty());
    assert_eq!(trimmed.entries, p.exercises.len() + p.drills.len() + p.roleplays.len());
    println!("twelve lectures alone: {} characters", t.len());
    assert!(t.len() < 250, "{}", t.len());
}

#[test]
fn unknown_and_weakest_entries_go_first() {
    let mut p = Progress::default();
    p.set_done(1, true);
    // Many role-plays from another build, one from this one with a low score.
    // (Ids and scores from a simple generator: nothing a compressor can guess.)
    let mut x = 12345u64;
    let mut next = || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        x >> 33
    };
    for _ in 0..2000 {
        let id = format!("other-{:x}-{:x}", next(), next());
        p.roleplays.insert(id, ExerciseState::first((next() % 101) as u8));
    }
    p.roleplays.insert(SCENARIO_IDS[0].to_owned(), ExerciseState::first(5));
    p.exercises
        .insert(KNOWN_EXERCISES[0].to_owned(), ExerciseState::first(90));
    let (text, trimmed) = encode_within(&p, SUSPEND_MAX);
    chars_ok(&text);
    let back = decode(&text).unwrap();
    assert!(trimmed.entries > 0);
    assert!(
        back.roleplays.contains_key(SCENARIO_IDS[0]),
        "this build's scenario kept"
    );
    assert_eq!(back.exercises, p.exercises);
    // Of the others, the best scores are the ones kept.
    let lowest_kept = back
        .roleplays
        .iter()
        .filter(|(id, _)| id.starts_with("other"))
        .map(|(_, e)| e.best)
        .min();
    let highest_dropped = p
        .roleplays
        .iter()
        .filter(|(id, _)| !back.roleplays.contains_key(*id))
        .map(|(_, e)| e.best)
        .max()
        .unwrap();
    if let Some(kept) = lowest_kept {
        assert!(kept >= highest_dropped, "kept {kept}, dropped {highest_dropped}");
    }
}

#[test]
fn decoding_garbage_is_a_typed_error() {
    assert_eq!(decode(""), Err(SuspendError::Empty));
    assert_eq!(decode("   "), Err(SuspendError::Empty));
    assert_eq!(decode("{\"app\":\"loyalty-lab\"}"), Err(SuspendError::NotOurs));
    assert_eq!(decode("bookmark=3;score=80"), Err(SuspendError::NotOurs));
    assert_eq!(
        decode("LL1.not base64!"),
        Err(SuspendError::Damaged(UnpackError::Alphabet))
    );
    assert_eq!(decode("LL1."), Err(SuspendError::Damaged(UnpackError::Header)));
    assert_eq!(decode("LL1.A"), Err(SuspendError::Damaged(UnpackError::Header)));
    // Another format byte.
    assert_eq!(decode("LL1.AgAA"), Err(SuspendError::Damaged(UnpackError::Header)));
    // A length past the record's limit.
    assert_eq!(
        decode("LL1.Af___w8AAAAA"),
        Err(SuspendError::Damaged(UnpackError::TooLarge))
    );
    // Packed text that is not a record.
    let not_ours = format!("LL1.{}", pack(b"{\"app\":\"other\"}"));
    assert!(
        matches!(decode(&not_ours), Err(SuspendError::Record(_))),
        "{:?}",
        decode(&not_ours)
    );
    let not_text = format!("LL1.{}", pack(&[0xff, 0xfe, 0x00]));
    assert_eq!(decode(&not_text), Err(SuspendError::NotText));
    // One character changed anywhere: the checksum (or the header) says so.
    let good = encode(&everything("en"));
    for at in (4..good.len()).step_by(97) {
        let mut bad = good.clone().into_bytes();
        bad[at] = if bad[at] == b'A' { b'B' } else { b'A' };
        let bad = String::from_utf8(bad).unwrap();
        assert!(decode(&bad).is_err(), "changed at {at}");
    }
    // Cut short.
    assert!(decode(&good[..good.len() / 2]).is_err());
}

#[test]
fn what_the_lms_is_told() {
    let mut p = Progress::default();
    let core = |p: &Progress| -> BTreeMap<String, String> { scorm::core(p).into_iter().collect() };
    assert_eq!(core(&p)["cmi.core.lesson_status"], "incomplete");
    assert!(
        !core(&p).contains_key("cmi.core.score.raw"),
        "no score before any exercise"
    );
    assert_eq!(core(&p)["cmi.core.exit"], "suspend");
    p.visit(2);
    assert_eq!(core(&p)["cmi.core.lesson_location"], "/lecture/2");
    for n in 1..=11 {
        p.set_done(n, true);
    }
    assert_eq!(core(&p)["cmi.core.lesson_status"], "incomplete");
    p.set_done(12, true);
    assert_eq!(core(&p)["cmi.core.lesson_status"], "completed");
    // The score: the mean best over every self-check and drill, untried = 0.
    p.exercises
        .insert(KNOWN_EXERCISES[0].to_owned(), ExerciseState::first(80));
    let n = (KNOWN_EXERCISES.len() + DRILL_IDS.len()) as u32;
    assert_eq!(core(&p)["cmi.core.score.raw"], ((80 + n / 2) / n).to_string());
    assert_eq!(core(&p)["cmi.core.score.max"], "100");
    let all = everything("en");
    let bests: Vec<u32> = all
        .exercises
        .values()
        .map(|e| u32::from(e.best))
        .chain(all.drills.values().map(|d| u32::from(d.best)))
        .collect();
    let mean = (bests.iter().sum::<u32>() + n / 2) / n;
    assert_eq!(scorm::course_score(&all), Some(mean as u8));
}

#[test]
fn objectives_per_lecture_and_per_exercise() {
    let mut p = Progress::default();
    p.visit(3);
    p.set_done(5, true);
    p.exercises.insert("1-1".into(), ExerciseState::first(64));
    let objectives = scorm::objectives(&p);
    assert_eq!(objectives.len(), 13);
    assert_eq!(objectives[2].id, "lecture-3");
    assert_eq!(objectives[2].status, "incomplete");
    assert_eq!(objectives[4].status, "completed");
    assert_eq!(objectives[0].status, "not attempted");
    assert_eq!(objectives[12].id, "self-check-1-1");
    assert_eq!(objectives[12].score, Some(64));
    // Slots: ids the LMS already holds keep their index, new ones append.
    let mut slots = Slots::from_ids(vec!["self-check-1-1".into(), "lecture-1".into()]);
    let values: BTreeMap<String, String> = scorm::objective_values(&p, &mut slots).into_iter().collect();
    assert_eq!(values["cmi.objectives.0.id"], "self-check-1-1");
    assert_eq!(values["cmi.objectives.0.score.raw"], "64");
    assert_eq!(values["cmi.objectives.1.id"], "lecture-1");
    assert_eq!(values["cmi.objectives.2.id"], "lecture-2");
    assert_eq!(values["cmi.objectives.12.id"], "lecture-12");
    assert!(!values.contains_key("cmi.objectives.13.id"));
    // An id is always written before the other fields of its entry.
    let order = scorm::objective_values(&p, &mut Slots::default());
    assert!(order[0].0.ends_with(".id"));
}

#[test]
fn interactions_only_for_new_results() {
    let before = Progress::default();
    let mut after = before.clone();
    assert!(scorm::interactions(&before, &after).is_empty());
    after.exercises.insert("3-1".into(), ExerciseState::first(72));
    let list = scorm::interactions(&before, &after);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, "self-check-3-1");
    assert_eq!(list[0].kind, "fill-in");
    assert_eq!(list[0].result, "72");
    // The same record again: nothing new to journal.
    assert!(scorm::interactions(&after, &after).is_empty());
    // A second attempt is a new entry.
    let mut again = after.clone();
    again.exercises.get_mut("3-1").unwrap().record(90);
    assert_eq!(scorm::interactions(&after, &again)[0].result, "90");
    // Drill items: a pick is a choice, right or wrong; a rewrite is fill-in
    // with its score and text; an unchanged item is not repeated.
    let mut d1 = again.clone();
    d1.record_drill("spot-the-mistake", "hair-in-soup", 100, "sorry-no-action", 17);
    d1.record_drill(
        "say-it-positively",
        "wait-teller",
        80,
        "I'd be glad to look that up for you.",
        36,
    );
    let list = scorm::interactions(&again, &d1);
    assert_eq!(list.len(), 2);
    let spot = list
        .iter()
        .find(|x| x.id == "drill-spot-the-mistake-hair-in-soup")
        .unwrap();
    assert_eq!(
        (spot.kind, spot.result.as_str(), spot.response.as_deref()),
        ("choice", "correct", None)
    );
    let rewrite = list
        .iter()
        .find(|x| x.id == "drill-say-it-positively-wait-teller")
        .unwrap();
    assert_eq!((rewrite.kind, rewrite.result.as_str()), ("fill-in", "80"));
    assert_eq!(
        rewrite.response.as_deref(),
        Some("I'd be glad to look that up for you.")
    );
    let mut d2 = d1.clone();
    d2.record_drill("spot-the-mistake", "smoky-room", 0, "refuse", 17);
    let list = scorm::interactions(&d1, &d2);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].result, "wrong");
    // Written as SCORM 1.2 elements, numbered from the LMS's count.
    let values = scorm::interaction_values(&list, 7, "09:05:00");
    let map: BTreeMap<String, String> = values.iter().cloned().collect();
    assert_eq!(values[0].0, "cmi.interactions.7.id");
    assert_eq!(map["cmi.interactions.7.type"], "choice");
    assert_eq!(map["cmi.interactions.7.time"], "09:05:00");
    assert_eq!(map["cmi.interactions.7.objectives.0.id"], "drill-spot-the-mistake");
    assert_eq!(map["cmi.interactions.7.weighting"], "1");
    assert_eq!(map["cmi.interactions.7.result"], "wrong");
    // Every value fits its SCORM 1.2 type: ids are printable ASCII with no
    // blank, at most 255; a response at most 255 characters.
    let everything = everything("zh");
    for (k, v) in scorm::interaction_values(&scorm::interactions(&Progress::default(), &everything), 0, "23:59:59") {
        if k.ends_with(".id") {
            assert!(v.len() <= 255 && v.chars().all(|c| c.is_ascii_graphic()), "{k} = {v}");
        }
        assert!(v.chars().count() <= 255, "{k} is {} characters", v.chars().count());
    }
}

#[test]
fn times_and_answers() {
    assert_eq!(scorm::timespan(0), "0000:00:00.00");
    assert_eq!(scorm::timespan(3_723_456), "0001:02:03.45");
    assert_eq!(scorm::timespan(u64::MAX), "9999:59:59.99");
    assert_eq!(scorm::time_of_day(0), "00:00:00");
    assert_eq!(scorm::time_of_day(86_399), "23:59:59");
    assert!(scorm::is_true("true") && scorm::is_true(" TRUE") && !scorm::is_true("false") && !scorm::is_true(""));
    assert!(scorm::is_no_error("0") && scorm::is_no_error("") && !scorm::is_no_error("101"));
    assert!(scorm::read_only("review") && !scorm::read_only("normal") && !scorm::read_only(""));
    assert!(scorm::launched_from_package("?scorm=12"));
    assert!(scorm::launched_from_package("?lang=en&scorm=12"));
    assert!(!scorm::launched_from_package(""));
    assert!(!scorm::launched_from_package("?scorm=2004"));
    assert!(!scorm::launched_from_package("?xscorm=12"));
}

#[test]
fn merging_keeps_the_better_or_later_of_each() {
    let mut local = Progress::default();
    local.set_done(1, true);
    local.visit(4);
    local.lang = Some(Lang::En);
    let mut e = ExerciseState::first(90);
    e.record(50);
    e.record(60);
    local.exercises.insert("1-1".into(), e); // 3 attempts, best 90, last 60
    local.exercises.insert("3-1".into(), ExerciseState::first(30));
    local.record_drill("spot-the-mistake", "hair-in-soup", 100, "sorry-no-action", 17);

    let mut lms = Progress::default();
    lms.set_done(2, true);
    lms.visit(7);
    lms.lang = Some(Lang::Zh);
    let mut e = ExerciseState::first(70);
    e.record(75);
    e.record(40);
    e.record(80);
    lms.exercises.insert("1-1".into(), e); // 4 attempts, best 80, last 80
    lms.record_drill("spot-the-mistake", "hair-in-soup", 0, "refuse", 17);
    lms.record_drill("spot-the-mistake", "hair-in-soup", 0, "rude", 17);
    lms.record_drill("spot-the-mistake", "smoky-room", 100, "refuse", 17);

    let m = merge(&local, &lms);
    assert!(m.lectures[&1].done && m.lectures[&2].done && m.lectures[&4].visited && m.lectures[&7].visited);
    assert_eq!(m.lang, Some(Lang::En), "this browser's language");
    assert_eq!(m.last.as_deref(), Some("/lecture/7"), "the LMS's place");
    let e = &m.exercises["1-1"];
    assert_eq!((e.attempts, e.best, e.last), (4, 90, 80));
    assert_eq!(m.exercises["3-1"].best, 30);
    let d = &m.drills["spot-the-mistake"];
    assert_eq!(
        d.items["hair-in-soup"],
        ItemState {
            best: 100,
            last: 0,
            answer: "rude".into()
        }
    );
    assert_eq!(d.items["smoky-room"].best, 100);
    assert_eq!(d.attempts, 3);
    // The merged record is a valid one.
    decode_record(&m.encode()).unwrap();
    // An empty side gives the other, with this browser's language if set.
    let fresh = Progress::default();
    assert_eq!(merge(&fresh, &lms), lms);
    assert_eq!(merge(&local, &fresh), local);
    let en_only = Progress {
        lang: Some(Lang::En),
        ..Progress::default()
    };
    assert_eq!(merge(&en_only, &lms).lang, Some(Lang::En));
    assert_eq!(merge(&en_only, &lms).exercises, lms.exercises);
}

#[test]
fn the_package_has_a_well_formed_scorm_12_manifest() {
    // A small build folder, with names that need escaping in XML.
    let dir = std::env::temp_dir().join(format!("loyalty-scorm-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("selfchecks")).unwrap();
    for (name, body) in [
        ("index.html", "<!doctype html>"),
        ("app-0123456789abcdef_bg.wasm", "wasm"),
        ("app-0123456789abcdef_bg.wasm.gz", "gzip copy"),
        ("app-0123456789abcdef_bg.wasm.br", "brotli copy"),
        ("selfchecks/1-1.json", "{}"),
        ("selfchecks/a&b <c>.json", "{}"),
    ] {
        std::fs::write(dir.join(name), body).unwrap();
    }
    let zip = dir.join("out/package.zip");
    let run = std::process::Command::new(format!("{}/scripts/scorm", root()))
        .arg("--package")
        .arg(&dir)
        .arg(&zip)
        .output()
        .expect("scripts/scorm runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    // Python's own zip and XML readers check the result.
    let check = r#"
import sys, zipfile, xml.dom.minidom as dom
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
assert names[0] == "imsmanifest.xml", names
m = dom.parseString(z.read("imsmanifest.xml"))
root = m.documentElement
assert root.tagName == "manifest"
assert root.getAttribute("xmlns") == "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
assert root.getAttribute("xmlns:adlcp") == "http://www.adlnet.org/xsd/adlcp_rootv1p2"
text = lambda tag: m.getElementsByTagName(tag)[0].firstChild.data
assert text("schema") == "ADL SCORM" and text("schemaversion") == "1.2"
orgs = m.getElementsByTagName("organizations")[0]
org = m.getElementsByTagName("organization")[0]
assert orgs.getAttribute("default") == org.getAttribute("identifier")
item = m.getElementsByTagName("item")[0]
res = m.getElementsByTagName("resource")
assert len(res) == 1, "one SCO"
r = res[0]
assert item.getAttribute("identifierref") == r.getAttribute("identifier")
assert r.getAttribute("adlcp:scormtype") == "sco" and r.getAttribute("type") == "webcontent"
assert r.getAttribute("href") == "index.html?scorm=12"
listed = [f.getAttribute("href") for f in r.getElementsByTagName("file")]
assert sorted(listed) == sorted(n for n in names if n != "imsmanifest.xml"), (listed, names)
assert "selfchecks/a&b <c>.json" in listed and "index.html" in listed
assert not any(n.endswith((".gz", ".br")) for n in names), names
print("ok", len(listed))
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(check)
        .arg(&zip)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok 4");
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- properties ----

fn arb_drill() -> impl Strategy<Value = DrillState> {
    prop::collection::vec(
        ("[a-z][a-z0-9]{0,12}(-[a-z0-9]{1,10}){0,3}", any::<u8>(), "\\PC{0,120}"),
        0..60,
    )
    .prop_map(|steps| {
        let mut d = DrillState::default();
        let total = steps.len().max(1) + 3;
        for (item, score, answer) in steps {
            d.record(&item, score, &answer, total);
        }
        d
    })
}

fn arb_progress() -> impl Strategy<Value = Progress> {
    let lectures = prop::collection::btree_map(1u8..=12, (any::<bool>(), any::<bool>()), 0..=12);
    let result = (1u32..60, 0u8..=100, 0u8..=100);
    let exercises = prop::collection::btree_map(
        prop::sample::select(KNOWN_EXERCISES.to_vec()),
        (
            result.clone(),
            prop::collection::btree_set("[a-z][a-z0-9]{0,20}(-[a-z0-9]{1,12}){0,2}", 0..12),
        ),
        0..=KNOWN_EXERCISES.len(),
    );
    let roleplays = prop::collection::btree_map("[a-z][a-z0-9-]{0,40}[a-z]", result, 0..40);
    let drills = prop::collection::btree_map("[a-z][a-z0-9-]{0,30}[a-z]", arb_drill(), 0..6);
    (
        lectures,
        exercises,
        roleplays,
        drills,
        prop::option::of(1u8..=12),
        any::<bool>(),
    )
        .prop_map(|(ls, es, rs, ds, last, en)| {
            let mut p = Progress::default();
            for (n, (visited, done)) in ls {
                p.lectures.insert(n, LectureState { visited, done });
            }
            let state = |(attempts, a, b): (u32, u8, u8)| ExerciseState {
                attempts,
                best: a.max(b),
                last: a.min(b),
                missed: Vec::new(),
            };
            for (id, (r, missed)) in es {
                let mut e = state(r);
                e.set_missed(missed);
                p.exercises.insert(id.to_owned(), e);
            }
            for (id, r) in rs {
                if !id.contains("--") {
                    p.roleplays.insert(id, state(r));
                }
            }
            for (id, d) in ds {
                if !id.contains("--") {
                    p.drills.insert(id, d);
                }
            }
            p.last = last.map(|n| format!("/lecture/{n}"));
            p.lang = en.then_some(Lang::En);
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_record_fits_and_keeps_what_matters(p in arb_progress()) {
        // The generated record is a valid one to start with.
        prop_assert!(decode_record(&p.encode()).is_ok());
        let (text, trimmed) = encode_within(&p, SUSPEND_MAX);
        prop_assert!(text.len() <= SUSPEND_MAX, "{} characters", text.len());
        prop_assert!(suspend::is_safe(&text));
        let back = decode(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        // Lectures and language always; anything kept keeps its best score
        // and attempts; without trimming, everything.
        prop_assert_eq!(&back.lectures, &p.lectures);
        prop_assert_eq!(back.lang, p.lang);
        if trimmed.nothing() {
            prop_assert_eq!(&back, &p);
        }
        if trimmed.entries == 0 {
            prop_assert_eq!(back.exercises.len(), p.exercises.len());
        }
        for (id, e) in &back.exercises {
            prop_assert_eq!((e.best, e.attempts), (p.exercises[id].best, p.exercises[id].attempts));
        }
        for (id, e) in &back.roleplays {
            prop_assert_eq!(e, &p.roleplays[id]);
        }
        for (id, d) in &back.drills {
            let was = &p.drills[id];
            prop_assert_eq!((d.best, d.last, d.attempts, d.total), (was.best, was.last, was.attempts, was.total));
            for (item, s) in &d.items {
                prop_assert_eq!((s.best, s.last), (was.items[item].best, was.items[item].last));
            }
        }
    }

    #[test]
    fn packing_round_trips_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let text = pack(&bytes);
        prop_assert!(text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        prop_assert_eq!(unpack(&text).unwrap(), bytes);
    }

    #[test]
    fn decoding_any_text_never_panics(s in "\\PC{0,300}", tail in "[A-Za-z0-9_-]{0,300}") {
        let _ = decode(&s);
        let _ = decode(&format!("LL1.{tail}"));
        let _ = unpack(&tail);
    }

    #[test]
    fn merging_any_two_records_is_valid_and_loses_nothing(a in arb_progress(), b in arb_progress()) {
        let m = merge(&a, &b);
        prop_assert!(decode_record(&m.encode()).is_ok(), "{:?}", decode_record(&m.encode()).err());
        for n in 1..=12u8 {
            let done = |p: &Progress| p.lectures.get(&n).is_some_and(|l| l.done);
            prop_assert_eq!(done(&m), done(&a) || done(&b));
        }
        for (id, e) in a.exercises.iter().chain(&b.exercises) {
            prop_assert!(m.exercises[id].best >= e.best && m.exercises[id].attempts >= e.attempts);
        }
        for (id, d) in a.drills.iter().chain(&b.drills) {
            prop_assert!(m.drills[id].best >= d.best && m.drills[id].attempts >= d.attempts);
        }
        prop_assert_eq!(merge(&a, &Progress::default()), a.clone());
    }
}
