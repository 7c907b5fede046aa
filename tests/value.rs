//! The value equation and expectations (src/models/value/, lecture 10;
//! seed 002): the defaults, the ranking of one-step improvements, the
//! promise forming the expectation, the six ways adding to delivery, the
//! address and A/B round trips, bad values refused, and the invariants as
//! properties (value rises with result and process and falls with price and
//! access; the first-ranked step really gives the largest rise; a higher
//! promise never raises satisfaction; everything finite).

use loyalty_lab::models::params::{number, ParamSet};
use loyalty_lab::models::value::{Lever, Param, Params, Verdict, Way, SPECS};
use loyalty_lab::routing::route::query_pairs;
use proptest::prelude::*;

fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

#[test]
fn defaults_give_the_equation_the_ranking_and_a_small_disappointment() {
    let p = Params::default();
    assert!(close(p.value(), 1.1), "(60 + 50) ÷ (80 + 20)");
    let moves = p.moves();
    let order: Vec<Lever> = moves.iter().map(|m| m.lever).collect();
    assert_eq!(order, [Lever::Process, Lever::Access, Lever::Result, Lever::Price]);
    // A point more quality: 111 / 100; a unit less at the bottom: 110 / 99.
    let find = |l: Lever| *moves.iter().find(|m| m.lever == l).unwrap();
    assert!(close(find(Lever::Process).after, 1.11));
    assert!(close(find(Lever::Result).after, 1.11));
    assert!(close(find(Lever::Access).after, 110.0 / 99.0));
    assert!(close(find(Lever::Price).after, 110.0 / 99.0));
    assert!(close(find(Lever::Process).per_effort, 0.01));
    assert!(close(find(Lever::Access).per_effort, (110.0 / 99.0 - 1.1) / 2.0));
    assert!(close(find(Lever::Result).per_effort, 0.01 / 3.0));
    assert!(close(find(Lever::Price).per_effort, (110.0 / 99.0 - 1.1) / 4.0));
    // Expectation 6 + 75 % × (8 − 6) = 7.5 against a delivery of 7.
    assert!(close(p.expectation(), 7.5));
    assert_eq!(p.delivery(), 7.0);
    assert!(close(p.satisfaction(), -0.5));
    assert_eq!(p.verdict(), Verdict::Short);
    assert!(close(p.break_even_promise().unwrap(), 6.0 + 1.0 / 0.75));
}

#[test]
fn over_promising_the_same_delivery_disappoints_and_under_promising_pleases() {
    let p = Params::default();
    let over = p.with_promise(10.0);
    let under = p.with_promise(6.0);
    assert!(close(over.satisfaction(), -2.0));
    assert_eq!(over.verdict(), Verdict::Short);
    assert!(close(under.satisfaction(), 1.0));
    assert_eq!(under.verdict(), Verdict::Exceeded);
    // The promise changes neither value nor delivery.
    assert_eq!((over.value(), over.delivery()), (p.value(), p.delivery()));
    // Met: promising exactly the break-even level.
    let even = p.with_promise(p.break_even_promise().unwrap());
    assert!(even.satisfaction().abs() < 1e-9);
    assert_eq!(even.verdict(), Verdict::Met);
    // Nobody believes the promise: it moves nothing.
    let deaf = Params { trust: 0.0, ..p };
    assert_eq!(deaf.break_even_promise(), None);
    assert_eq!(
        deaf.with_promise(10.0).satisfaction(),
        deaf.with_promise(0.0).satisfaction()
    );
}

#[test]
fn a_price_cut_wins_only_when_everything_else_costs_more() {
    let p = Params {
        effort_result: 10.0,
        effort_process: 10.0,
        effort_access: 10.0,
        ..Params::default()
    };
    assert_eq!(p.moves()[0].lever, Lever::Price);
    // Same effort for cutting access or price: the same rise, and the tie
    // goes to access (the course prefers it).
    let tie = Params {
        effort_access: 4.0,
        ..p
    };
    assert_eq!(tie.moves()[0].lever, Lever::Access);
    assert_eq!(tie.moves()[1].lever, Lever::Price);
}

#[test]
fn a_part_at_its_best_bound_gains_nothing() {
    let p = Params {
        process: 100.0,
        access: 0.0,
        ..Params::default()
    };
    for l in [Lever::Process, Lever::Access] {
        let m = p.step(l);
        assert_eq!((m.gain, m.after), (0.0, p.value()), "{l:?}");
    }
    let p = Params {
        result: 100.0,
        process: 100.0,
        price: 1.0,
        access: 0.0,
        ..Params::default()
    };
    assert!(p.moves().iter().all(|m| m.gain == 0.0));
    assert_eq!(p.value(), 200.0);
    // Price stops at 1, so the denominator never reaches 0.
    assert_eq!(p.stepped(Lever::Price).price, 1.0);
}

#[test]
fn the_six_ways_add_to_delivery_and_work_through_the_equation() {
    assert_eq!(Way::ALL.len(), 6);
    let base = Params::default();
    for (i, w) in Way::ALL.iter().enumerate() {
        assert!(!w.levers().is_empty(), "{w:?}");
        let mut p = base;
        p.set(w.extra(), 1.5);
        assert_eq!(p.extras[i], 1.5);
        assert_eq!(p.delivery(), base.delivery() + 1.5, "{w:?}");
        assert!(p.satisfaction() > base.satisfaction());
        assert_eq!(p.value(), base.value(), "the extras do not change the equation");
    }
    assert_eq!(Way::Value.levers(), &Lever::ALL);
    assert_eq!(Way::Convenience.levers(), &[Lever::Access]);
    assert_eq!(Way::Addons.levers(), &[Lever::Result]);
    assert!(Way::Information.sets_expectation());
    // All six at their most: 12 points over the core.
    let mut p = base;
    for w in Way::ALL {
        p.set(w.extra(), w.extra().spec().max);
    }
    assert_eq!(p.extras_total(), 12.0);
    assert_eq!(p.verdict(), Verdict::Exceeded);
}

#[test]
fn specs_list_every_parameter_once_with_positive_denominators() {
    let d = Params::default();
    assert!(d.is_valid());
    for (i, s) in SPECS.iter().enumerate() {
        assert!(
            SPECS[..i].iter().all(|t| t.param != s.param && t.key != s.key),
            "{}",
            s.key
        );
        assert!(s.min <= s.default && s.default <= s.max, "{}", s.key);
        assert_eq!(d.get(s.param), s.default);
    }
    assert_eq!(SPECS.len(), 18);
    // The bounds alone keep every division safe.
    assert!(Param::Price.spec().min + Param::Access.spec().min >= 1.0);
    for l in Lever::ALL {
        assert!(l.effort().spec().min > 0.0);
    }
}

#[test]
fn reads_and_writes_the_address() {
    let (p, bad) = Params::from_query(&q(&[
        ("result", "70"),
        ("promise", "9.5"),
        ("trust", "0.5"),
        ("extra_speed", "1.5"),
        ("lang", "en"),
    ]));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!((p.result, p.promise, p.trust, p.extras[2]), (70.0, 9.5, 0.5, 1.5));
    let back = Params::from_query(&query_pairs(&p.to_query())).0;
    assert_eq!(back, p);
    assert_eq!(Params::from_compact(&p.to_compact()), Some(p));
    assert_eq!(Params::from_compact("1,2"), None);
    // Eighteen values, one out of bounds (price 0): refused.
    let mut values: Vec<String> = SPECS.iter().map(|s| number(s.default)).collect();
    values[2] = "0".into();
    assert_eq!(Params::from_compact(&values.join(",")), None);
}

#[test]
fn bad_values_are_reported_and_keep_their_defaults() {
    let d = Params::default();
    for s in SPECS {
        let other = if s.param == Param::Promise {
            Param::Result
        } else {
            Param::Promise
        };
        let other_key = other.spec().key;
        let out_low = number(s.min - 1.0);
        let out_high = number(s.max + 1.0);
        for v in [
            "",
            "abc",
            "NaN",
            "inf",
            "-inf",
            "1e400",
            "<b>",
            "0x10",
            out_low.as_str(),
            out_high.as_str(),
        ] {
            // Another parameter in the same address still applies.
            let (p, bad) = Params::from_query(&q(&[(s.key, v), (other_key, "7")]));
            assert_eq!(bad.len(), 1, "{}={v}", s.key);
            assert_eq!((bad[0].name.as_str(), bad[0].value.as_str()), (s.key, v));
            assert_eq!(p.get(s.param), d.get(s.param), "{}={v}", s.key);
            assert_eq!(p.get(other), 7.0);
            assert!(p.value().is_finite() && p.satisfaction().is_finite());
        }
    }
    // A zero price or a zero effort would divide by nothing: refused.
    for (k, v) in [("price", "0"), ("effort_process", "0"), ("access", "-1")] {
        let (p, bad) = Params::from_query(&q(&[(k, v)]));
        assert_eq!((bad.len(), p), (1, d), "{k}={v}");
    }
}

/// Any valid set of parameters.
fn params() -> impl Strategy<Value = Params> {
    prop::array::uniform18(0.0..=1.0f64).prop_map(|f| {
        let mut p = Params::default();
        for (s, x) in SPECS.iter().zip(f) {
            p.set(s.param, s.min + x * (s.max - s.min));
        }
        p
    })
}

proptest! {
    #[test]
    fn value_rises_with_result_and_process_and_falls_with_price_and_access(p in params(), d in 0.0..50.0f64) {
        let v = p.value();
        prop_assert!(v.is_finite() && v >= 0.0);
        let with = |f: &dyn Fn(&mut Params)| {
            let mut q = p;
            f(&mut q);
            q.value()
        };
        prop_assert!(with(&|q| q.result += d) >= v);
        prop_assert!(with(&|q| q.process += d) >= v);
        prop_assert!(with(&|q| q.price += d) <= v);
        prop_assert!(with(&|q| q.access += d) <= v);
        // Strictly, for a step that moves something.
        if d > 1e-6 {
            prop_assert!(with(&|q| q.result += d) > v);
            if v > 0.0 {
                prop_assert!(with(&|q| q.price += d) < v);
            }
        }
    }

    #[test]
    fn the_first_ranked_step_really_gives_the_largest_rise(p in params()) {
        let moves = p.moves();
        let v = p.value();
        for m in &moves {
            prop_assert!(m.after.is_finite() && m.gain.is_finite() && m.per_effort.is_finite());
            prop_assert!(m.gain >= 0.0 && m.effort > 0.0);
            // What the ranking says is what the step really does.
            prop_assert!((m.after - p.stepped(m.lever).value()).abs() < 1e-12);
            prop_assert!((m.gain - (m.after - v).max(0.0)).abs() < 1e-12);
            prop_assert!(m.per_effort <= moves[0].per_effort);
        }
        for pair in moves.windows(2) {
            prop_assert!(pair[0].per_effort >= pair[1].per_effort);
        }
        // Every lever exactly once.
        for l in Lever::ALL {
            prop_assert_eq!(moves.iter().filter(|m| m.lever == l).count(), 1);
        }
        // With every effort the same, the first gives the largest rise in value.
        let mut even = p;
        for l in Lever::ALL {
            even.set(l.effort(), 1.0);
        }
        let em = even.moves();
        let best = Lever::ALL.iter().map(|&l| even.stepped(l).value()).fold(f64::MIN, f64::max);
        prop_assert!((em[0].after - best).abs() < 1e-12 || em[0].gain == 0.0);
        prop_assert!(em.iter().all(|m| m.after <= em[0].after + 1e-12));
    }

    #[test]
    fn a_higher_promise_never_raises_satisfaction(p in params(), d in 0.0..10.0f64) {
        let s = p.satisfaction();
        prop_assert!(s.is_finite() && p.expectation().is_finite());
        // The expectation lies between the prior and the promise.
        let (lo, hi) = (p.prior.min(p.promise), p.prior.max(p.promise));
        prop_assert!(p.expectation() >= lo - 1e-12 && p.expectation() <= hi + 1e-12);
        let higher = p.with_promise(p.promise + d);
        prop_assert!(higher.satisfaction() <= s + 1e-12);
        if p.trust > 0.0 && d > 0.0 {
            prop_assert!(higher.satisfaction() < s);
        }
        prop_assert_eq!(higher.delivery(), p.delivery());
    }

    #[test]
    fn more_delivery_never_lowers_satisfaction(p in params(), d in 0.0..2.0f64, way in 0usize..6) {
        let s = p.satisfaction();
        let better = Params { delivered: p.delivered + d, ..p };
        prop_assert!(better.satisfaction() >= s);
        let mut more = p;
        more.extras[way] += d;
        prop_assert!((more.satisfaction() - (s + d)).abs() < 1e-9);
    }

    #[test]
    fn promising_no_more_than_you_deliver_never_disappoints(p in params()) {
        let honest = p.with_promise(p.promise.min(p.delivery()));
        if honest.prior <= honest.delivery() {
            prop_assert!(honest.satisfaction() >= -1e-9);
            prop_assert_ne!(honest.verdict(), Verdict::Short);
        }
    }

    #[test]
    fn offers_pack_and_unpack(p in params()) {
        prop_assert_eq!(Params::from_compact(&p.to_compact()), Some(p));
        prop_assert_eq!(Params::from_query(&query_pairs(&p.to_query())), (p, vec![]));
    }
}
