//! The role-play scenarios: every shipped file parses and validates, its
//! best path recovers above the start and its worst path hits the bottom,
//! its shape is what the screen needs (depth, branches, a mix of moves),
//! and broken scenarios are caught.

use loyalty_lab::course::lectures::SCENARIO_IDS;
use loyalty_lab::course::scenario::{self, all_paths, best_path, play, validate, worst_path, PlayError, Scenario};
use loyalty_lab::models::emotion_line::{outcome, Resolution, Session, Step, Tag, START, TELLS_HAPPY, TELLS_UNHAPPY};
use std::collections::BTreeSet;

fn read(id: &str) -> String {
    let path = format!("{}/content/scenarios/{id}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn load(id: &str) -> Scenario {
    scenario::parse(&read(id)).unwrap_or_else(|e| panic!("{id}: {e}"))
}

#[test]
fn there_are_at_least_three_scenarios() {
    assert!(SCENARIO_IDS.len() >= 3, "{SCENARIO_IDS:?}");
    for id in ["coffee-gift", "crushed-chocolate", "urgent-spare-part"] {
        assert!(SCENARIO_IDS.contains(&id), "{id}");
    }
}

#[test]
fn every_scenario_parses_and_validates() {
    for id in SCENARIO_IDS {
        let s = load(id);
        assert_eq!(s.id, id, "the id is the file name");
        assert_eq!(validate(&s), Vec::<String>::new(), "{id}");
    }
}

#[test]
fn best_path_recovers_above_the_start_and_worst_hits_the_bottom() {
    for id in SCENARIO_IDS {
        let s = load(id);
        let best = best_path(&s);
        let (session, turns) = play(&s, &best).unwrap();
        assert_eq!(turns.last().unwrap().next, None, "{id}: the best path ends");
        assert!(session.emotion() > session.start(), "{id}");
        assert!(
            session.emotion() > START,
            "{id}: a perfect recovery ends above the purchase level"
        );
        assert_eq!(
            session.steps(),
            &Step::ALL,
            "{id}: the best path takes the six steps in order"
        );
        assert!(session.mistakes().is_empty(), "{id}");
        let o = outcome(&session);
        assert_eq!(o.resolution, Resolution::ResolvedQuickly, "{id}");
        assert!(o.happy && o.word_of_mouth == TELLS_HAPPY, "{id}");
        assert!(
            (5..=8).contains(&best.len()),
            "{id}: best path {} turns deep",
            best.len()
        );

        let worst = worst_path(&s);
        let (session, turns) = play(&s, &worst).unwrap();
        assert_eq!(turns.last().unwrap().next, None, "{id}: the worst path ends");
        assert!(session.lost() && session.emotion() == 0.0, "{id}");
        let o = outcome(&session);
        assert_eq!(o.resolution, Resolution::Unresolved);
        assert_eq!(o.word_of_mouth, TELLS_UNHAPPY);
        assert!(!session.mistakes().is_empty());
    }
}

#[test]
fn every_path_ends_and_stays_in_range() {
    for id in SCENARIO_IDS {
        let s = load(id);
        let paths = all_paths(&s);
        assert!(paths.len() >= 20, "{id}: only {} paths", paths.len());
        let (best, _) = play(&s, &best_path(&s)).unwrap();
        for p in &paths {
            let (session, turns) = play(&s, p).unwrap();
            assert_eq!(turns.last().unwrap().next, None);
            assert!(p.len() <= s.nodes.len());
            for t in &turns {
                assert!((0.0..=100.0).contains(&t.emotion_after), "{id} {p:?}");
            }
            assert!(
                session.emotion() <= best.emotion() + 1e-9,
                "{id}: {p:?} beats the best path"
            );
        }
    }
}

#[test]
fn scenarios_branch_and_mix_their_moves() {
    for id in SCENARIO_IDS {
        let s = load(id);
        // Different choices lead to different places.
        let branching = s
            .nodes
            .values()
            .filter(|n| n.replies.iter().map(|r| &r.next).collect::<BTreeSet<_>>().len() > 1)
            .count();
        assert!(branching >= 4, "{id}: {branching} branching nodes");
        assert!(s.nodes.len() >= 8, "{id}: {} nodes", s.nodes.len());
        let tags: Vec<Tag> = s
            .nodes
            .values()
            .flat_map(|n| &n.replies)
            .flat_map(|r| r.tags.clone())
            .collect();
        let improper = tags
            .iter()
            .filter(|t| matches!(t, Tag::Improper(_)))
            .map(Tag::key)
            .collect::<BTreeSet<_>>();
        let forbidden = tags
            .iter()
            .filter(|t| matches!(t, Tag::Forbidden(_)))
            .map(Tag::key)
            .collect::<BTreeSet<_>>();
        assert!(improper.len() >= 5, "{id}: {} improper ways", improper.len());
        assert!(forbidden.len() >= 4, "{id}: {} forbidden phrases", forbidden.len());
        assert!(tags.contains(&Tag::NearMiss), "{id}");
        for step in Step::ALL {
            assert!(tags.contains(&Tag::Step(step)), "{id}: no {step:?}");
        }
        // Every node offers a real choice: not all replies of one kind.
        for (nid, n) in &s.nodes {
            let good = n
                .replies
                .iter()
                .filter(|r| r.tags.iter().all(|t| matches!(t, Tag::Step(_))))
                .count();
            assert!(good < n.replies.len(), "{id}/{nid}: every reply is good");
        }
    }
}

#[test]
fn all_ten_improper_ways_and_the_main_forbidden_phrases_appear_somewhere() {
    let mut seen = BTreeSet::new();
    for id in SCENARIO_IDS {
        for n in load(id).nodes.values() {
            for r in &n.replies {
                seen.extend(r.tags.iter().map(Tag::key));
            }
        }
    }
    for key in [
        "improper:sorry-no-action",
        "improper:refuse",
        "improper:empty-promise",
        "improper:no-response",
        "improper:rude",
        "improper:pass-the-buck",
        "improper:dodge-responsibility",
        "improper:body-language",
        "improper:interview",
        "improper:interrogate",
        "forbidden:dont-know",
        "forbidden:not-my-job",
        "forbidden:company",
        "forbidden:but",
        "forbidden:you-must",
    ] {
        assert!(seen.contains(key), "{key} is never practised");
    }
}

#[test]
fn play_reports_bad_choices() {
    let s = load("coffee-gift");
    let (session, turns) = play(&s, &[]).unwrap();
    assert!(turns.is_empty());
    assert_eq!(session, Session::new(s.severity).unwrap());
    assert_eq!(
        play(&s, &[9]).unwrap_err(),
        PlayError::NoReply {
            node: s.start.clone(),
            index: 9
        }
    );
    let mut too_long = best_path(&s);
    too_long.push(0);
    assert_eq!(
        play(&s, &too_long).unwrap_err(),
        PlayError::PastEnd {
            turn: too_long.len() - 1
        }
    );
    // A prefix stops where the conversation stands.
    let (_, turns) = play(&s, &best_path(&s)[..2]).unwrap();
    assert!(turns[1].next.is_some());
    assert_eq!(turns[1].node, turns[0].next.clone().unwrap());
}

fn sample() -> Scenario {
    load("coffee-gift")
}

fn has(errors: &[String], needle: &str) -> bool {
    errors.iter().any(|e| e.contains(needle))
}

#[test]
fn broken_scenarios_are_caught() {
    // Missing start, dangling next, empty text, no tags, bad severity.
    let mut s = sample();
    s.start = "nowhere".into();
    assert!(has(&validate(&s), "start node"));
    assert!(matches!(play(&s, &[0]), Err(PlayError::NoNode(_))));

    let mut s = sample();
    s.nodes.get_mut("fix").unwrap().replies[0].next = Some("void".into());
    assert!(has(&validate(&s), "\"void\" does not exist"));

    let mut s = sample();
    s.title.en = " ".into();
    s.nodes.get_mut("check").unwrap().replies[1].note.zh = String::new();
    let e = validate(&s);
    assert!(has(&e, "title: empty en") && has(&e, "note: empty zh"), "{e:?}");

    let mut s = sample();
    s.nodes.get_mut("extra").unwrap().replies[0].tags.clear();
    assert!(has(&validate(&s), "no tag"));

    let mut s = sample();
    s.severity = 1.5;
    assert!(has(&validate(&s), "severity"));
    assert!(matches!(play(&s, &[]), Err(PlayError::Severity(_))));

    let mut s = sample();
    s.id = "Coffee Gift".into();
    assert!(has(&validate(&s), "kebab"));

    let mut s = sample();
    s.nodes.get_mut("open").unwrap().replies.truncate(2);
    assert!(has(&validate(&s), "2 replies"));
}

#[test]
fn unreachable_nodes_and_cycles_are_caught() {
    let mut s = sample();
    let orphan = s.nodes["prevent"].clone();
    s.nodes.insert("orphan".into(), orphan);
    assert!(has(&validate(&s), "node orphan is unreachable"));

    // prevent → open: a path that never ends.
    let mut s = sample();
    s.nodes.get_mut("prevent").unwrap().replies[1].next = Some("open".into());
    assert!(has(&validate(&s), "cycle"));
    assert!(all_paths(&s).is_empty());
    assert!(best_path(&s).len() <= s.nodes.len(), "the greedy walk is bounded");
}

#[test]
fn weak_scenarios_are_caught() {
    // A scenario whose best reply is only a near miss does not recover.
    let mut s = sample();
    for n in s.nodes.values_mut() {
        for r in &mut n.replies {
            if r.tags.iter().any(|t| matches!(t, Tag::Step(_))) {
                r.tags = vec![Tag::NearMiss];
            }
        }
    }
    assert!(has(&validate(&s), "not above the start"));
    // One without real mistakes never reaches the bottom.
    let mut s = sample();
    for n in s.nodes.values_mut() {
        for r in &mut n.replies {
            r.tags.retain(|t| !t.is_mistake());
            if r.tags.is_empty() {
                r.tags.push(Tag::NearMiss);
            }
        }
    }
    assert!(has(&validate(&s), "not at the bottom"));
}

#[test]
fn unknown_fields_and_tags_are_rejected() {
    let json = read("coffee-gift");
    assert!(scenario::parse(&json.replacen("\"severity\"", "\"severty\"", 1)).is_err());
    assert!(scenario::parse(&json.replacen("\"feel\"", "\"smile\"", 1)).is_err());
    assert!(scenario::parse(&json.replacen("\"minutes\": 2", "\"minutes\": -2", 1)).is_err());
    let bad = json.replacen("\"start\": \"open\",", "\"start\": \"open\", \"author\": \"x\",", 1);
    assert!(scenario::parse(&bad).is_err());
    assert!(scenario::parse("{}").is_err());
    assert!(scenario::parse("not json").is_err());
}

#[test]
fn the_model_is_deterministic() {
    for id in SCENARIO_IDS {
        let s = load(id);
        assert_eq!(best_path(&s), best_path(&s));
        assert_eq!(play(&s, &worst_path(&s)), play(&s, &worst_path(&s)));
    }
}

#[test]
fn compiled_titles_match_the_files() {
    let titles = loyalty_lab::course::lectures::SCENARIO_TITLES;
    assert_eq!(titles.len(), SCENARIO_IDS.len());
    for ((id, zh, en), file_id) in titles.iter().zip(SCENARIO_IDS) {
        assert_eq!(id, &file_id);
        let s = load(id);
        assert_eq!((*zh, *en), (s.title.zh.as_str(), s.title.en.as_str()), "{id}");
    }
}
