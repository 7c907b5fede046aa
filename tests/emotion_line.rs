//! The emotion line: the three paths of 图4-3, the rational platform, the
//! role-play rules (order, delay, mistakes, bonus, prevent), the TARP
//! outcome, and the invariants (finite, within 0–100, deterministic).

use loyalty_lab::models::emotion_line::*;
use loyalty_lab::routing::route::query_pairs;
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn last(v: &[f64]) -> f64 {
    *v.last().unwrap()
}

fn finals(p: &Params) -> (f64, f64, f64) {
    (
        last(&path(Path::None, p).unwrap()),
        last(&path(Path::Ordinary, p).unwrap()),
        last(&path(Path::Perfect, p).unwrap()),
    )
}

fn steps(list: &[Step]) -> Vec<Tag> {
    list.iter().map(|&s| Tag::Step(s)).collect()
}

/// Plays one reply per step, `minutes` each.
fn play_steps(severity: f64, list: &[Step], minutes: u32) -> Session {
    let mut s = Session::new(severity).unwrap();
    for &step in list {
        s.respond(&[Tag::Step(step)], minutes);
    }
    s
}

#[test]
fn default_paths_reproduce_the_figure() {
    let p = Params::default();
    let (none, ordinary, perfect) = finals(&p);
    assert_eq!(none, 0.0, "no remedy: the relationship ends at the bottom");
    assert!(
        none < ordinary && ordinary < START && START < perfect,
        "{none} {ordinary} {perfect}"
    );
    for which in Path::ALL {
        let v = path(which, &p).unwrap();
        assert_eq!(v.len(), HORIZON + 1);
        assert_eq!(v[0], START);
        // The same before the response.
        assert_eq!(v[..p.response_at()], path(Path::None, &p).unwrap()[..p.response_at()]);
    }
    // High at purchase, slow drift, then the failure takes 60 %.
    let v = path(Path::Perfect, &p).unwrap();
    assert_eq!(v[1], START - DRIFT);
    assert!((v[4] - (START - 4.0 * DRIFT) * 0.4).abs() < 1e-9);
    // Perfect climbs step by step from the response on and never falls.
    let r = p.response_at();
    assert!(v[r..r + 6].windows(2).all(|w| w[1] > w[0]), "{v:?}");
    assert!(v[r..].windows(2).all(|w| w[1] >= w[0]));
    // Ordinary recovers part of the way, then holds.
    let o = path(Path::Ordinary, &p).unwrap();
    assert!(o[r + 1] > o[r - 1] && o[r + 1] < START);
    assert!(o[r + 1..].iter().all(|&x| x == o[r + 1]));
}

#[test]
fn words_without_a_fix_fall_to_the_bottom() {
    let p = Params {
        steps: Steps::of(&[Step::Feel, Step::Apologise, Step::Bonus]),
        ..Params::default()
    };
    let v = line(&p).unwrap();
    assert_eq!(last(&v), 0.0);
    // A bonus without a fix adds nothing.
    let r = p.response_at();
    assert_eq!(v[r + 2], v[r + 1]);
}

#[test]
fn solving_an_unheard_customer_below_the_platform_helps_little_on_the_line() {
    let p = Params {
        severity: 0.9,
        steps: Steps::of(&[Step::Solve]),
        ..Params::default()
    };
    let heard = Params {
        steps: Steps::of(&[Step::Apologise, Step::Solve]),
        ..p
    };
    let (a, b) = (line(&p).unwrap(), line(&heard).unwrap());
    let r = p.response_at();
    assert!(!can_agree(a[r - 1]));
    assert!(a[r] - a[r - 1] < 0.5 * (b[r + 1] - b[r]));
}

#[test]
fn rational_platform() {
    assert!(!can_agree(RATIONAL_PLATFORM - 0.01));
    assert!(can_agree(RATIONAL_PLATFORM));
    assert!(can_agree(100.0));
    assert!(!can_agree(f64::NAN));
    assert!(!can_agree(0.0));
}

#[test]
fn invalid_parameters_are_errors_not_panics() {
    let d = Params::default();
    assert_eq!(
        line(&Params {
            severity: f64::NAN,
            ..d
        }),
        Err(ParamError::NotFinite(Param::Severity))
    );
    for severity in [0.0, 0.01, 1.5, -1.0] {
        assert!(matches!(
            path(Path::Perfect, &Params { severity, ..d }),
            Err(ParamError::OutOfRange {
                param: Param::Severity,
                ..
            })
        ));
    }
    for failure_at in [0, 9] {
        assert!(matches!(
            line(&Params { failure_at, ..d }),
            Err(ParamError::OutOfRange {
                param: Param::FailureAt,
                ..
            })
        ));
    }
    assert!(matches!(
        line(&Params { delay: 9, ..d }),
        Err(ParamError::OutOfRange {
            param: Param::Delay,
            ..
        })
    ));
    assert!(Session::new(f64::INFINITY).is_err());
    assert!(Session::new(0.0).is_err());
    assert!(!ParamError::NotFinite(Param::Delay).to_string().is_empty());
}

#[test]
fn keys_round_trip() {
    for p in Path::ALL {
        assert_eq!(Path::parse(p.key()), Some(p));
    }
    assert_eq!(Path::parse(" Perfect "), Some(Path::Perfect));
    assert_eq!(Path::parse("great"), None);
    assert_eq!(Path::Ordinary.steps(), Steps::of(&[Step::Apologise, Step::Solve]));
    for s in Step::ALL {
        assert_eq!(Step::parse(s.key()), Some(s));
        assert_eq!(Step::ALL[s.index()], s);
    }
    let all = Tag::all();
    assert_eq!(all.len(), 6 + 10 + 8 + 1);
    let mut keys: Vec<String> = all.iter().map(Tag::key).collect();
    for t in &all {
        assert_eq!(Tag::parse(&t.key()), Ok(*t));
    }
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), all.len(), "keys are unique");
    for k in [
        "feel",
        "apologise",
        "solve",
        "investigate",
        "bonus",
        "prevent",
        "near-miss",
        "improper:pass-the-buck",
        "improper:refuse",
        "improper:interrogate",
        "forbidden:dont-know",
        "forbidden:not-my-job",
        "forbidden:company",
        "forbidden:but",
    ] {
        assert!(keys.iter().any(|x| x == k), "{k}");
    }
    for bad in [
        "",
        "feeling",
        "improper:",
        "improper:argue-loudly",
        "forbidden:maybe",
        "Near-Miss",
    ] {
        assert_eq!(Tag::parse(bad), Err(UnknownTag(bad.to_owned())));
    }
    let tags: Vec<Tag> = serde_json::from_str(r#"["feel", "improper:rude", "forbidden:but", "near-miss"]"#).unwrap();
    assert_eq!(
        serde_json::to_string(&tags).unwrap(),
        r#"["feel","improper:rude","forbidden:but","near-miss"]"#
    );
    assert!(serde_json::from_str::<Vec<Tag>>(r#"["smile"]"#).is_err());
}

#[test]
fn steps_and_address_round_trip() {
    for s in [
        Steps::NONE,
        Steps::ALL,
        Path::Ordinary.steps(),
        Steps::of(&[Step::Bonus]),
    ] {
        assert_eq!(Steps::parse(&s.keys()), Some(s));
    }
    assert_eq!(
        Steps::parse("solve,feel,solve"),
        Some(Steps::of(&[Step::Feel, Step::Solve]))
    );
    assert_eq!(Steps::parse("solve,dance"), None);
    assert_eq!(Steps::ALL.without(Step::Bonus).list().len(), 5);
    let p = Params {
        severity: 0.35,
        failure_at: 6,
        delay: 0,
        steps: Path::Ordinary.steps(),
    };
    let (q, bad) = Params::from_query(&query_pairs(&p.to_query()));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(q, p);
    let (q, bad) = Params::from_query(&query_pairs("severity=2&failure_at=0&delay=x&steps=feel,fly&lang=en"));
    assert_eq!(q, Params::default());
    let names: Vec<_> = bad.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["severity", "failure_at", "delay", "steps"]);
}

#[test]
fn ordered_six_steps_beat_every_shuffle() {
    let ordered = play_steps(0.6, &Step::ALL, 2);
    assert!(
        ordered.emotion() > START,
        "perfect recovery ends above the purchase level"
    );
    assert!(ordered.emotion() > ordered.start());
    // Every one of the 719 other orders of the same six steps.
    let mut perm = Step::ALL;
    let mut count = 0;
    while next_permutation(&mut perm) {
        let shuffled = play_steps(0.6, &perm, 2);
        assert!(
            shuffled.emotion() < ordered.emotion(),
            "{perm:?}: {}",
            shuffled.emotion()
        );
        count += 1;
    }
    assert_eq!(count, 719);
}

fn next_permutation(a: &mut [Step; 6]) -> bool {
    let Some(i) = (0..5).rev().find(|&i| a[i] < a[i + 1]) else {
        return false;
    };
    let j = (i + 1..6).rev().find(|&j| a[j] > a[i]).unwrap();
    a.swap(i, j);
    a[i + 1..].reverse();
    true
}

#[test]
fn delay_lowers_the_outcome() {
    let quick = play_steps(0.6, &Step::ALL, 2);
    let slow = play_steps(0.6, &Step::ALL, 8);
    assert!(slow.emotion() < quick.emotion());
    let (oq, os) = (outcome(&quick), outcome(&slow));
    assert_eq!(oq.resolution, Resolution::ResolvedQuickly);
    assert_eq!(os.resolution, Resolution::Resolved);
    assert!(os.repurchase < oq.repurchase);
    // Waiting before anyone answers costs too.
    let mut waited = Session::new(0.6).unwrap();
    waited.respond(&[], 10);
    for s in Step::ALL {
        waited.respond(&[Tag::Step(s)], 2);
    }
    assert!(waited.emotion() < quick.emotion());
    // Solving past the bad mood's peak is worth less than solving before.
    let mut early = Session::new(0.3).unwrap();
    let mut late = early.clone();
    early.respond(&steps(&[Step::Feel, Step::Apologise]), 0);
    late.respond(&steps(&[Step::Feel, Step::Apologise]), 0);
    late.respond(&[], 30);
    let (e0, l0) = (early.emotion(), late.emotion());
    early.respond(&[Tag::Step(Step::Solve)], 0);
    late.respond(&[Tag::Step(Step::Solve)], 0);
    assert!(late.emotion() - l0 < early.emotion() - e0);
}

#[test]
fn every_mistake_lowers_emotion() {
    let mut base = Session::new(0.6).unwrap();
    base.respond(&steps(&[Step::Feel, Step::Apologise]), 1);
    for tag in Tag::all().into_iter().filter(Tag::is_mistake) {
        let mut s = base.clone();
        s.respond(&[tag], 0);
        assert!(s.emotion() < base.emotion(), "{}", tag.key());
        assert_eq!(s.mistakes(), &[tag]);
    }
    let mut s = base.clone();
    s.respond(&[Tag::NearMiss], 0);
    assert!(s.emotion() > base.emotion() && s.emotion() - base.emotion() < Step::Investigate.points());
}

#[test]
fn solving_before_hearing_the_customer_helps_little() {
    let mut cold = Session::new(0.6).unwrap();
    assert!(!cold.can_agree());
    let before = cold.emotion();
    cold.respond(&[Tag::Step(Step::Solve)], 0);
    let mut warm = Session::new(0.6).unwrap();
    warm.respond(&steps(&[Step::Feel, Step::Apologise]), 0);
    let w0 = warm.emotion();
    warm.respond(&[Tag::Step(Step::Solve)], 0);
    assert!(cold.emotion() - before < 0.25 * (warm.emotion() - w0));
    assert!(cold.solved(), "the fix is made, but barely felt");
}

#[test]
fn bonus_counts_only_after_solve_and_prevent_adds_trust_at_the_end() {
    let mut s = Session::new(0.7).unwrap();
    s.respond(&steps(&[Step::Feel, Step::Apologise]), 0);
    let e = s.emotion();
    s.respond(&[Tag::Step(Step::Bonus)], 0);
    assert_eq!(s.emotion(), e, "a bonus before the fix does not count");
    assert!(!s.steps().contains(&Step::Bonus));
    let mut early = s.clone();
    early.respond(&[Tag::Step(Step::Prevent)], 0);
    s.respond(&steps(&[Step::Solve, Step::Investigate]), 0);
    let e = s.emotion();
    s.respond(&[Tag::Step(Step::Bonus)], 0);
    assert!(close(s.emotion(), e + Step::Bonus.points()));
    let e = s.emotion();
    s.respond(&[Tag::Step(Step::Prevent)], 0);
    assert!(close(s.emotion(), e + Step::Prevent.points()));
    assert!(s.emotion() < CEILING);
    assert!(early.emotion() - e < Step::Prevent.points());
    assert_eq!(s.steps(), &Step::ALL);
}

#[test]
fn out_of_order_and_repeated_steps_count_less() {
    let mut a = Session::new(0.6).unwrap();
    a.respond(&[Tag::Step(Step::Feel)], 0);
    let e = a.emotion();
    a.respond(&[Tag::Step(Step::Feel)], 0);
    assert!(close(a.emotion() - e, Step::Feel.points() * REPEATED));
    let mut b = Session::new(0.6).unwrap();
    let e = b.emotion();
    b.respond(&[Tag::Step(Step::Apologise)], 0);
    assert!(close(b.emotion() - e, Step::Apologise.points() * OUT_OF_ORDER));
}

#[test]
fn walking_away_is_final() {
    let mut s = Session::new(0.6).unwrap();
    s.respond(
        &[
            Tag::Improper(Improper::Rude),
            Tag::Improper(Improper::Refuse),
            Tag::Forbidden(Forbidden::No),
        ],
        3,
    );
    assert!(s.lost() && s.emotion() == 0.0);
    s.respond(&steps(&Step::ALL), 1);
    assert_eq!(s.emotion(), 0.0);
    assert_eq!(s.elapsed(), 4);
    let o = outcome(&s);
    assert_eq!(o.resolution, Resolution::Unresolved);
    assert_eq!(o.word_of_mouth, TELLS_UNHAPPY);
    assert!(!o.happy);
}

#[test]
fn outcome_uses_the_tarp_figures() {
    assert_eq!(repurchase(Resolution::ResolvedQuickly, 1.0), 0.82);
    assert_eq!(repurchase(Resolution::Resolved, 1.0), 0.54);
    assert_eq!(repurchase(Resolution::Unresolved, 1.0), 0.19);
    assert_eq!(repurchase(Resolution::NoComplaint, 1.0), 0.09);
    assert_eq!(repurchase(Resolution::ResolvedQuickly, 0.0), 0.95);
    assert_eq!(repurchase(Resolution::NoComplaint, 0.0), 0.37);
    for sev in [0.0, 0.3, 0.7, 1.0] {
        let r: Vec<f64> = Resolution::ALL.iter().map(|&x| repurchase(x, sev)).collect();
        assert!(
            r.windows(2).all(|w| w[0] < w[1]),
            "better handling, more come back: {r:?}"
        );
    }
    let good = outcome(&play_steps(0.6, &Step::ALL, 2));
    assert!(good.happy);
    assert_eq!(good.word_of_mouth, TELLS_HAPPY);
    assert!((good.repurchase - (0.95 + (0.82 - 0.95) * 0.6)).abs() < 1e-12);
    let unsolved = outcome(&play_steps(0.6, &[Step::Feel, Step::Apologise], 2));
    assert_eq!(unsolved.resolution, Resolution::Unresolved);
    assert_eq!(unsolved.word_of_mouth, 11);
}

#[test]
fn deterministic() {
    let p = Params::default();
    assert_eq!(line(&p), line(&p));
    let tags = [
        Tag::Step(Step::Feel),
        Tag::Forbidden(Forbidden::But),
        Tag::Step(Step::Solve),
    ];
    let mut a = Session::new(0.7).unwrap();
    let mut b = Session::new(0.7).unwrap();
    a.respond(&tags, 4);
    b.respond(&tags, 4);
    assert_eq!(a, b);
    assert_eq!(outcome(&a), outcome(&b));
}

fn arb_params() -> impl Strategy<Value = Params> {
    (
        SEVERITY_MIN..=SEVERITY_MAX,
        FAILURE_AT_MIN..=FAILURE_AT_MAX,
        0..=DELAY_MAX,
        0u8..64,
    )
        .prop_map(|(severity, failure_at, delay, bits)| Params {
            severity,
            failure_at,
            delay,
            steps: Steps::of(
                &Step::ALL
                    .into_iter()
                    .filter(|s| bits & 1 << s.index() != 0)
                    .collect::<Vec<_>>(),
            ),
        })
}

fn arb_tag() -> impl Strategy<Value = Tag> {
    let all = Tag::all();
    (0..all.len()).prop_map(move |i| all[i])
}

proptest! {
    #[test]
    fn canonical_order_holds_for_any_valid_params(p in arb_params()) {
        let (none, ordinary, perfect) = finals(&p);
        prop_assert_eq!(none, 0.0);
        prop_assert!(none < ordinary, "{} {}", none, ordinary);
        prop_assert!(ordinary < START, "{}", ordinary);
        prop_assert!(START < perfect, "{}", perfect);
    }

    #[test]
    fn lines_are_finite_and_in_range(p in arb_params()) {
        let v = line(&p).unwrap();
        prop_assert_eq!(v.len(), HORIZON + 1);
        prop_assert!(v.iter().all(|x| x.is_finite() && (0.0..=100.0).contains(x)));
    }

    #[test]
    fn more_delay_never_helps(p in arb_params(), extra in 1u32..=DELAY_MAX) {
        let q = Params { delay: (p.delay + extra).min(DELAY_MAX), ..p };
        for which in [Path::Ordinary, Path::Perfect] {
            prop_assert!(last(&path(which, &q).unwrap()) <= last(&path(which, &p).unwrap()) + 1e-9);
        }
    }

    #[test]
    fn any_params_are_checked_not_panicked(severity in any::<f64>(), failure_at in any::<u32>(), delay in any::<u32>()) {
        let p = Params { severity, failure_at, delay, steps: Steps::ALL };
        match line(&p) {
            Ok(v) => prop_assert!(v.iter().all(|x| x.is_finite())),
            Err(_) => prop_assert!(p.validate().is_err()),
        }
    }

    #[test]
    fn sessions_stay_finite_and_in_range(
        severity in SEVERITY_MIN..=SEVERITY_MAX,
        turns in proptest::collection::vec((proptest::collection::vec(arb_tag(), 0..4), 0u32..100_000), 0..20),
    ) {
        let mut s = Session::new(severity).unwrap();
        for (tags, minutes) in &turns {
            s.respond(tags, *minutes);
            prop_assert!(s.emotion().is_finite() && (0.0..=100.0).contains(&s.emotion()));
        }
        let o = outcome(&s);
        prop_assert!(o.emotion.is_finite() && (0.0..=1.0).contains(&o.repurchase));
        prop_assert!(o.word_of_mouth == TELLS_HAPPY || o.word_of_mouth == TELLS_UNHAPPY);
    }

    #[test]
    fn ordered_steps_beat_a_random_shuffle(severity in SEVERITY_MIN..=SEVERITY_MAX, minutes in 0u32..=5, seed in any::<u64>()) {
        let mut perm = Step::ALL;
        // A deterministic shuffle from the seed.
        let mut x = seed | 1;
        for i in (1..6).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            perm.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assume!(perm != Step::ALL);
        let ordered = play_steps(severity, &Step::ALL, minutes);
        let shuffled = play_steps(severity, &perm, minutes);
        prop_assert!(shuffled.emotion() <= ordered.emotion(), "{:?}", perm);
        // Strictly, wherever the scale has room for all 64 step points
        // (an easy customer can reach the top of the scale either way).
        if Session::new(severity).unwrap().start() + 64.0 < CEILING {
            prop_assert!(shuffled.emotion() < ordered.emotion(), "{:?}", perm);
        }
    }
}
