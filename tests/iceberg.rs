//! The complaint iceberg and Heinrich (lecture 7, 图4-2): the course's
//! figures from the defaults, the address round trip, the cross-parameter
//! rules, bad values refused, and the invariants as properties (parts add
//! up, better handling never loses more, lost ≤ with a problem, money
//! linear in lost customers through the smith chain, Heinrich exact).

use loyalty_lab::models::emotion_line::{self as emotion, Resolution};
use loyalty_lab::models::iceberg::*;
use loyalty_lab::models::params::{number, ParamSet};
use loyalty_lab::models::smith;
use loyalty_lab::routing::route::query_pairs;
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * b.abs().max(1.0)
}

#[test]
fn defaults_reproduce_the_course() {
    let p = Params::default();
    let o = compute(&p).unwrap();
    assert_eq!((o.parts.formal, o.parts.grumble, o.parts.silent), (80.0, 230.0, 690.0));
    assert_eq!(o.parts.total(), 1_000.0);
    assert_eq!((p.tell_unhappy, p.tell_happy), (11.0, 3.0));
    assert_eq!(o.per_complaint, Some(12.5));
    // One lost customer is worth Mrs Smith's direct loss.
    assert_eq!(o.per_customer, 26_000.0);
    assert_eq!(o.per_customer, smith::direct(&smith::Params::default()));
    assert_eq!(o.heinrich, [1.0, 29.0, 300.0]);
    // Default policy: of 80 complaints 16 quick, 40 solved, 24 not; of 230
    // grumbles 46 solved, 184 not; 690 silent.
    let customers: Vec<f64> = o.groups.iter().map(|g| g.customers).collect();
    for (got, want) in customers.iter().zip([16.0, 40.0, 24.0, 46.0, 184.0, 690.0]) {
        assert!(close(*got, want), "{customers:?}");
    }
    // 0.8 + 12 + 12.96 + 13.8 + 99.36 + 434.7
    assert!(close(o.lost, 573.62), "{}", o.lost);
    assert!(close(o.happy, 102.0));
    assert!(close(o.unhappy, 898.0));
    assert!(close(o.hear_bad, 898.0 * 11.0));
    assert!(close(o.hear_good, 102.0 * 3.0));
    assert!(close(o.money, 573.62 * 26_000.0));
}

#[test]
fn return_rates_are_tarps_as_the_emotion_line_has_them() {
    let p = Params::default();
    let order = [
        Resolution::ResolvedQuickly,
        Resolution::Resolved,
        Resolution::Unresolved,
        Resolution::NoComplaint,
    ];
    let minor = order.map(|r| emotion::repurchase(r, 0.0));
    let major = order.map(|r| emotion::repurchase(r, 1.0));
    for i in 0..4 {
        assert!(close(minor[i], RATES_MINOR[i]) && close(major[i], RATES_MAJOR[i]));
    }
    assert_eq!(
        [p.back_quick, p.back_resolved, p.back_unresolved, p.back_silent],
        RATES_MINOR
    );
    assert!(compute(&p.with_rates(RATES_MAJOR)).is_ok());
}

#[test]
fn money_and_years_share_the_smith_bounds() {
    for (mine, theirs) in [
        (Param::Weekly, smith::Param::Weekly),
        (Param::Years, smith::Param::Years),
    ] {
        let (a, b) = (mine.spec(), theirs.spec());
        assert_eq!(
            (a.key, a.min, a.max, a.step, a.default, a.integer),
            (b.key, b.min, b.max, b.step, b.default, b.integer)
        );
    }
}

#[test]
fn specs_list_every_parameter_once() {
    let params: Vec<Param> = SPECS.iter().map(|s| s.param).collect();
    for (i, p) in params.iter().enumerate() {
        assert!(!params[i + 1..].contains(p), "{p:?} twice");
        assert_eq!(Params::spec_of(*p).param, *p);
    }
    for s in &SPECS {
        assert!(s.check(s.default).is_ok(), "{}", s.key);
    }
    assert!(Params::default().validate().is_ok());
}

#[test]
fn the_address_round_trips() {
    let (p, bad) = Params::from_query(&query_pairs(
        "problems=500&formal=0.1&grumble=0.3&silent=0.6&quick=0.5&serious=3&lang=en&reveal=2",
    ));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(
        (p.problems, p.formal, p.grumble, p.silent, p.quick, p.serious),
        (500.0, 0.1, 0.3, 0.6, 0.5, 3.0)
    );
    let o = compute(&p).unwrap();
    assert_eq!((o.parts.formal, o.parts.grumble, o.parts.silent), (50.0, 150.0, 300.0));
    assert_eq!(o.heinrich, [3.0, 87.0, 900.0]);
    let (back, bad) = Params::from_query(&query_pairs(&p.to_query()));
    assert!(bad.is_empty());
    assert_eq!(back, p);
}

#[test]
fn shares_that_do_not_add_up_are_refused_as_a_set() {
    let (p, bad) = Params::from_query(&query_pairs("formal=0.1&problems=200"));
    assert_eq!((p.formal, p.grumble, p.silent, p.problems), (0.08, 0.23, 0.69, 200.0));
    assert_eq!(bad.len(), 1);
    assert_eq!((bad[0].name.as_str(), bad[0].value.as_str()), ("formal", "0.1"));
    let raw = Params::from_query_unchecked(&query_pairs("formal=0.1")).0;
    assert_eq!(raw.broken_rules(), vec![Rule::SharesSum]);
    assert!(matches!(raw.validate(), Err(ParamError::SharesSum { sum }) if close(sum, 1.02)));
    assert!(compute(&raw).is_err());

    let (p, bad) = Params::from_query(&query_pairs("quick=0.7&resolved=0.5"));
    assert_eq!((p.quick, p.resolved), (0.2, 0.5));
    assert_eq!(
        bad.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(),
        ["quick", "resolved"]
    );

    let (p, bad) = Params::from_query(&query_pairs("back_unresolved=0.9"));
    assert_eq!(p, Params::default());
    assert_eq!(bad.len(), 1);
    let raw = Params::from_query_unchecked(&query_pairs("back_unresolved=0.9")).0;
    assert_eq!(raw.validate(), Err(ParamError::RatesOrder));
}

#[test]
fn every_bad_value_is_refused_and_the_default_kept() {
    for s in &SPECS {
        let mut bad_values = vec![
            "".to_owned(),
            "NaN".into(),
            "inf".into(),
            "abc".into(),
            "1e309".into(),
            "<img src=x>".into(),
            number(s.min - 1.0),
            number(s.max + 1.0),
        ];
        if s.integer {
            bad_values.push(number(s.min + 0.5));
        }
        for v in bad_values {
            // Another parameter in the same address keeps its value.
            let other = if s.param == Param::Serious {
                Param::Problems
            } else {
                Param::Serious
            };
            let pairs = [(s.key.to_owned(), v.clone()), (other.spec().key.to_owned(), "2".into())];
            let (p, bad) = Params::from_query(&pairs);
            let mut want = Params::default();
            want.set(other, 2.0);
            assert_eq!(p, want, "{}={v}", s.key);
            assert_eq!(bad.len(), 1, "{}={v}: {bad:?}", s.key);
            assert_eq!((bad[0].name.as_str(), bad[0].value.as_str()), (s.key, v.as_str()));
        }
        // Typed values: NaN and out of range are errors, never a panic.
        let mut p = Params::default();
        p.set(s.param, f64::NAN);
        assert_eq!(compute(&p), Err(ParamError::NotFinite(s.param)));
        p.set(s.param, s.max + 1.0);
        assert!(matches!(compute(&p), Err(ParamError::OutOfRange { param, .. }) if param == s.param));
    }
}

#[test]
fn a_b_packs_and_unpacks() {
    let p = Params::default().with(Param::Quick, 0.6).with(Param::GrumbleFixed, 0.5);
    let packed = p.to_compact();
    assert_eq!(Params::from_compact(&packed), Some(p));
    assert_eq!(Params::from_compact("1,2,3"), None);
    // A packed set that breaks a rule is refused.
    let broken = Params {
        formal: 0.5,
        ..Params::default()
    }
    .to_compact();
    assert_eq!(Params::from_compact(&broken), None);
}

#[test]
fn sliders_keep_the_rules() {
    let p = Params::default().with(Param::Formal, 0.2);
    assert_eq!((p.formal, p.grumble, p.silent), (0.2, 0.23, 0.57));
    let p = Params::default().with(Param::Formal, 0.9);
    assert_eq!((p.formal, p.grumble, p.silent), (0.9, 0.1, 0.0));
    let p = Params::default().with(Param::Silent, 0.5);
    assert_eq!((p.formal, p.grumble, p.silent), (0.08, 0.42, 0.5));
    let p = Params::default().with(Param::Quick, 0.9);
    assert_eq!((p.quick, p.resolved), (0.9, 0.1));
    let p = Params::default().with(Param::BackUnresolved, 0.8);
    assert_eq!((p.back_quick, p.back_resolved, p.back_unresolved), (0.95, 0.8, 0.8));
    let p = Params::default().with(Param::BackQuick, 0.3);
    assert_eq!((p.back_quick, p.back_resolved, p.back_unresolved), (0.3, 0.3, 0.3));
}

#[test]
fn nobody_complains_no_ratio() {
    let p = Params {
        formal: 0.0,
        grumble: 0.31,
        ..Params::default()
    };
    let o = compute(&p).unwrap();
    assert_eq!(o.parts.formal, 0.0);
    assert_eq!(o.per_complaint, None);
    let o = compute(&Params {
        problems: 0.0,
        ..Params::default()
    })
    .unwrap();
    assert_eq!((o.lost, o.money, o.hear_bad), (0.0, 0.0, 0.0));
}

/// Any valid set of assumptions.
fn params() -> impl Strategy<Value = Params> {
    (
        0u32..=1_000_000,
        (0u32..=1000, 0u32..=1000),
        (0u32..=100, 0u32..=100, 0.0..=1.0f64),
        (0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64),
        (
            0.0..=100.0f64,
            0.0..=100.0f64,
            1.0..=10_000.0f64,
            1u32..=50,
            0u32..=10_000,
        ),
    )
        .prop_map(|(n, (a, b), (q, r, fixed), rates, (tu, th, weekly, years, serious))| {
            let (lo, hi) = (a.min(b) as f64 / 1000.0, a.max(b) as f64 / 1000.0);
            let mut r3 = [rates.0, rates.1, rates.2];
            r3.sort_by(|x, y| y.total_cmp(x));
            let r = r.min(100 - q);
            Params {
                problems: n as f64,
                formal: lo,
                grumble: hi - lo,
                silent: 1.0 - hi,
                quick: q as f64 / 100.0,
                resolved: r as f64 / 100.0,
                grumble_fixed: fixed,
                back_quick: r3[0],
                back_resolved: r3[1],
                back_unresolved: r3[2],
                back_silent: rates.3,
                tell_unhappy: tu,
                tell_happy: th,
                weekly,
                years: years as f64,
                serious: serious as f64,
            }
        })
        .prop_filter("valid", |p| p.validate().is_ok())
}

proptest! {
    #[test]
    fn parts_add_up_to_those_with_a_problem(p in params()) {
        let o = compute(&p).unwrap();
        prop_assert_eq!(o.parts.total(), p.problems);
        for x in [o.parts.formal, o.parts.grumble, o.parts.silent] {
            prop_assert!(x >= 0.0 && x.fract() == 0.0);
        }
        let groups: f64 = o.groups.iter().map(|g| g.customers).sum();
        prop_assert!(close(groups, p.problems));
    }

    #[test]
    fn lost_is_at_most_those_with_a_problem(p in params()) {
        let o = compute(&p).unwrap();
        prop_assert!(o.lost >= 0.0 && o.lost <= p.problems);
        prop_assert!(o.unhappy >= 0.0 && o.unhappy <= p.problems);
        for x in [o.lost, o.money, o.hear_bad, o.hear_good] {
            prop_assert!(x.is_finite());
        }
    }

    #[test]
    fn better_handling_never_loses_more(p in params(), shift in 0.0..=1.0f64, fix in 0.0..=1.0f64) {
        let base = compute(&p).unwrap();
        let unresolved = 1.0 - p.quick - p.resolved;
        // Some unsolved complaints solved; some solved ones solved quickly;
        // more grumbles passed on.
        let moves = [
            Params { resolved: p.resolved + unresolved * shift, ..p },
            Params { quick: p.quick + p.resolved * shift, resolved: p.resolved * (1.0 - shift), ..p },
            Params { quick: p.quick + unresolved * shift, ..p },
            Params { grumble_fixed: p.grumble_fixed + (1.0 - p.grumble_fixed) * fix, ..p },
        ];
        for better in moves {
            let o = compute(&better).unwrap();
            prop_assert!(o.lost <= base.lost + 1e-9 * base.lost.max(1.0), "{} > {}", o.lost, base.lost);
            prop_assert!(o.hear_bad <= base.hear_bad + 1e-9 * base.hear_bad.max(1.0));
        }
    }

    #[test]
    fn money_is_lost_customers_times_the_smith_direct_loss(p in params(), k in 0.0..=5.0f64) {
        let o = compute(&p).unwrap();
        let sp = smith_params(&p);
        prop_assert!(sp.validate().is_ok());
        prop_assert_eq!(o.per_customer, smith::direct(&sp));
        prop_assert!(close(o.money, o.lost * smith::direct(&sp)));
        // Linear: k times the customers with a problem, k times the money.
        let n = (p.problems * k).round();
        if n <= 1_000_000.0 && p.problems > 0.0 && n / p.problems == k {
            let ok = compute(&Params { problems: n, ..p }).unwrap();
            prop_assert!(close(ok.money / ok.lost.max(1e-12), o.per_customer) || ok.lost == 0.0);
        }
    }

    #[test]
    fn heinrich_is_exact(n in 0u32..=10_000) {
        let p = Params { serious: n as f64, ..Params::default() };
        let o = compute(&p).unwrap();
        prop_assert_eq!(o.heinrich, [n as f64, 29.0 * n as f64, 300.0 * n as f64]);
        prop_assert_eq!(heinrich(n as f64), o.heinrich);
    }

    #[test]
    fn split_always_adds_up(n in 0u32..=1_000_000, a in 0u32..=1000, b in 0u32..=1000) {
        let (lo, hi) = (a.min(b) as f64 / 1000.0, a.max(b) as f64 / 1000.0);
        let parts = split(n as f64, [lo, hi - lo, 1.0 - hi]);
        prop_assert_eq!(parts.iter().sum::<f64>(), n as f64);
    }

    #[test]
    fn slider_moves_always_keep_the_rules(p in params(), i in 0usize..16, v in 0.0..=1.0f64) {
        let s = &SPECS[i];
        let value = if s.integer { (s.min + (s.max - s.min) * v).round() } else { s.min + (s.max - s.min) * v };
        let moved = p.with(s.param, value);
        prop_assert!(moved.validate().is_ok(), "{:?} {} → {:?}", s.param, value, moved.validate());
    }
}
