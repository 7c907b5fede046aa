//! The five gaps (src/models/gaps/, lecture 9, 图6-1) and the airline
//! case's importance orders: the defaults, the chain stage by stage, the
//! stages' floor at 0, Spearman's ρ and its plain-words bands, the address
//! round trips, bad values reported and not applied, and the invariants as
//! properties (gap 5 closes when the four firm gaps close; widening any gap
//! never raises perceived quality nor narrows gap 5; ρ is 1 for the same
//! order, −1 for the reverse, symmetric and in [−1, 1]).

use loyalty_lab::models::gaps::ranking::{spearman, N};
use loyalty_lab::models::gaps::{Agreement, Attr, Gap, Order, Param, Params, Screen, Verdict, SPECS};
use loyalty_lab::models::params::{number, ParamSet};
use loyalty_lab::routing::route::query_pairs;
use proptest::prelude::*;

fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn defaults_give_the_chain_and_a_dissatisfied_customer() {
    let p = Params::default();
    let c = p.chain();
    assert_eq!(c.expected, 8.0);
    assert!(close(c.perception, 7.0));
    assert!(close(c.standards, 6.5));
    assert!(close(c.delivered, 5.5));
    assert!(close(c.promised, 6.0));
    assert!(close(c.perceived, 5.0));
    assert!(close(p.gap5(), 3.0));
    assert_eq!(p.verdict(), Verdict::FarShort);
    // The four effective gaps add up to gap 5.
    let sum: f64 = Gap::ALL.iter().map(|&g| c.effective(g)).sum();
    assert!(close(sum, c.gap5()));
    // Gaps 1 and 3 are the widest (a point each): gap 1 goes first.
    let (g, gain) = p.first_to_close().unwrap();
    assert_eq!(g, Gap::Knowing);
    assert!(close(gain, 1.0));
}

#[test]
fn closing_all_four_gaps_meets_the_expectation() {
    let mut p = Params::default();
    for g in Gap::ALL {
        p = p.with_gap(g, 0.0);
    }
    assert_eq!(p.gap5(), 0.0);
    assert_eq!(p.verdict(), Verdict::Met);
    assert_eq!(p.first_to_close(), None);
    let c = p.chain();
    assert_eq!((c.perceived, c.promised, c.expected), (8.0, 8.0, 8.0));
    // A small gap left open: a little short.
    let one = p.with_gap(Gap::Delivery, 1.0);
    assert_eq!(one.verdict(), Verdict::Short);
    assert!(close(one.gap5(), 1.0));
    assert_eq!(one.first_to_close().map(|x| x.0), Some(Gap::Delivery));
}

#[test]
fn broken_promises_cost_what_they_overstate() {
    let p = Params {
        expected: 8.0,
        gaps: [0.0, 0.0, 0.0, 2.0],
    };
    let c = p.chain();
    assert_eq!((c.delivered, c.promised, c.perceived), (8.0, 10.0, 6.0));
    assert_eq!(c.effective(Gap::Promises), 2.0);
    assert_eq!(p.verdict(), Verdict::FarShort);
}

#[test]
fn no_stage_drops_below_zero_so_gap5_is_at_most_the_expectation() {
    let p = Params {
        expected: 2.0,
        gaps: [1.5, 1.5, 1.5, 1.5],
    };
    let c = p.chain();
    assert_eq!(
        (c.perception, c.standards, c.delivered, c.perceived),
        (0.5, 0.0, 0.0, 0.0)
    );
    assert_eq!(c.effective(Gap::Standards), 0.5);
    assert_eq!(c.effective(Gap::Delivery), 0.0);
    assert_eq!(p.gap5(), 2.0);
    // Closing any one gap alone gives nothing back: the others still take
    // every point of the 2 expected.
    assert_eq!(p.first_to_close(), None);
    assert_eq!(Verdict::of(0.25), Verdict::Met);
    assert_eq!(Verdict::of(0.26), Verdict::Short);
    assert_eq!(Verdict::of(2.0), Verdict::FarShort);
}

#[test]
fn specs_list_every_parameter_once() {
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
        assert!(s.min >= 0.0, "no negative gap or expectation");
    }
    for g in Gap::ALL {
        assert_eq!(g.param().spec().key, format!("gap{}", g.number()));
        assert_eq!(d.gap(g), d.gaps[g.number() - 1]);
    }
    assert_eq!(Param::Expected.spec().max, 10.0);
}

#[test]
fn the_case_orders_and_their_agreement() {
    let (p, m) = (Order::PASSENGERS, Order::MANAGERS);
    assert_eq!(p.attrs()[..2], [Attr::Punctuality, Attr::Comfort]);
    assert_eq!(m.attrs()[..2], [Attr::Safety, Attr::Courtesy]);
    // Σd² = 4 + 9 + 9 + 9 + 9 + 4 = 44: ρ = 1 − 264 / 210.
    assert!(close(p.spearman(&m), 1.0 - 264.0 / 210.0));
    assert_eq!(Agreement::of(p.spearman(&m)), Agreement::Leaning);
    assert_eq!(p.spearman(&p), 1.0);
    assert_eq!(p.spearman(&p.reversed()), -1.0);
    assert_eq!(Agreement::of(1.0), Agreement::Same);
    assert_eq!(Agreement::of(-1.0), Agreement::Reversed);
    assert_eq!(Agreement::of(0.0), Agreement::Unrelated);
    // One neighbouring swap: Σd² = 2, ρ = 1 − 12 / 210.
    let swapped = p.moved(1, true);
    assert_eq!(swapped.attrs()[..2], [Attr::Comfort, Attr::Punctuality]);
    assert!(close(p.spearman(&swapped), 1.0 - 12.0 / 210.0));
    assert_eq!(Agreement::of(p.spearman(&swapped)), Agreement::Same);
    // Moving past either end changes nothing.
    assert_eq!(p.moved(0, true), p);
    assert_eq!(p.moved(N - 1, false), p);
    // Safety, punctuality, comfort, baggage, courtesy: three places apart.
    let (far, by) = p.furthest_apart(&m);
    assert_eq!(by, 3);
    assert_eq!(far, [Attr::Comfort, Attr::Baggage, Attr::Safety, Attr::Courtesy]);
    assert_eq!(p.furthest_apart(&p), (vec![], 0));
}

#[test]
fn spearman_refuses_what_is_not_two_rankings() {
    assert_eq!(spearman(&[1, 2, 3], &[3, 2, 1]), Some(-1.0));
    assert_eq!(spearman(&[1], &[1]), None);
    assert_eq!(spearman(&[1, 2, 3], &[1, 2]), None);
    assert_eq!(spearman(&[1, 1, 3], &[1, 2, 3]), None);
    assert_eq!(spearman(&[0, 1, 2], &[1, 2, 3]), None);
}

#[test]
fn orders_read_and_write_the_address() {
    let m = Order::MANAGERS;
    assert_eq!(m.to_value(), "safety,courtesy,punctuality,meals,comfort,baggage");
    assert_eq!(Order::parse(&m.to_value()), Some(m));
    assert_eq!(
        Order::parse(" safety , courtesy,punctuality,meals,comfort,baggage"),
        Some(m)
    );
    for bad in [
        "",
        "safety",
        "safety,courtesy,punctuality,meals,comfort",
        "safety,courtesy,punctuality,meals,comfort,baggage,safety",
        "safety,safety,punctuality,meals,comfort,baggage",
        "safety,courtesy,punctuality,meals,comfort,wifi",
        "Safety,courtesy,punctuality,meals,comfort,baggage",
        "safety;courtesy;punctuality;meals;comfort;baggage",
        "<img src=x>",
    ] {
        assert_eq!(Order::parse(bad), None, "{bad}");
    }
}

#[test]
fn the_screen_reads_and_writes_the_address() {
    let (s, bad) = Screen::from_query(&q(&[
        ("expected", "9"),
        ("gap3", "2.5"),
        ("managers", "punctuality,comfort,baggage,safety,courtesy,meals"),
        ("lang", "en"),
    ]));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!((s.params.expected, s.params.gaps[2]), (9.0, 2.5));
    assert_eq!(s.managers, Order::PASSENGERS);
    assert_eq!(Screen::from_query(&s.to_pairs()), (s, vec![]));
    // Through the encoded query too (commas may be escaped).
    let encoded = loyalty_lab::routing::route::encode_query(&s.to_pairs());
    assert_eq!(Screen::from_query(&query_pairs(&encoded)), (s, vec![]));
    assert_eq!(Screen::from_query(&[]), (Screen::default(), vec![]));
}

#[test]
fn bad_values_are_reported_and_keep_their_defaults() {
    let d = Screen::default();
    for s in SPECS {
        let other = if s.param == Param::Expected {
            Param::Knowing
        } else {
            Param::Expected
        };
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
            let (p, bad) = Screen::from_query(&q(&[(s.key, v), (other.spec().key, "3")]));
            assert_eq!(bad.len(), 1, "{}={v}", s.key);
            assert_eq!((bad[0].name.as_str(), bad[0].value.as_str()), (s.key, v));
            assert_eq!(p.params.get(s.param), d.params.get(s.param), "{}={v}", s.key);
            assert_eq!(p.params.get(other), 3.0);
            assert!(p.params.gap5().is_finite());
        }
    }
    // A bad order is noticed, the case's order kept, the rest applied.
    let (p, bad) = Screen::from_query(&q(&[("managers", "safety,courtesy"), ("gap1", "0")]));
    assert_eq!(bad.len(), 1);
    assert_eq!(
        (bad[0].name.as_str(), bad[0].value.as_str()),
        ("managers", "safety,courtesy")
    );
    assert_eq!(p.managers, Order::MANAGERS);
    assert_eq!(p.params.gaps[0], 0.0);
}

/// Any valid set of parameters.
fn params() -> impl Strategy<Value = Params> {
    prop::array::uniform5(0.0..=1.0f64).prop_map(|f| {
        let mut p = Params::default();
        for (s, x) in SPECS.iter().zip(f) {
            p.set(s.param, s.min + x * (s.max - s.min));
        }
        p
    })
}

/// Any order of the six attributes.
fn order() -> impl Strategy<Value = Order> {
    Just(Attr::ALL.to_vec()).prop_shuffle().prop_map(|v| {
        let attrs: [Attr; N] = v.try_into().unwrap();
        Order::new(attrs).unwrap()
    })
}

proptest! {
    #[test]
    fn gap5_is_zero_when_the_four_firm_gaps_are_closed(p in params()) {
        let closed = Params { gaps: [0.0; 4], ..p };
        prop_assert_eq!(closed.gap5(), 0.0);
        prop_assert_eq!(closed.verdict(), Verdict::Met);
        prop_assert_eq!(closed.chain().perceived, p.expected);
    }

    #[test]
    fn widening_a_gap_never_raises_perceived_quality(p in params(), g in 0usize..4, d in 0.0..5.0f64) {
        let gap = Gap::ALL[g];
        let wider = p.with_gap(gap, p.gap(gap) + d);
        prop_assert!(wider.chain().perceived <= p.chain().perceived);
        prop_assert!(wider.gap5() >= p.gap5());
        // Strictly, while the customer still perceives something.
        if d > 1e-6 && p.chain().perceived > d {
            prop_assert!(wider.gap5() > p.gap5());
        }
    }

    #[test]
    fn the_chain_is_bounded_and_adds_up(p in params()) {
        let c = p.chain();
        let stages = [c.expected, c.perception, c.standards, c.delivered, c.perceived];
        for w in stages.windows(2) {
            prop_assert!(w[1] <= w[0] && w[1] >= 0.0);
        }
        prop_assert!(c.promised >= c.delivered && c.promised.is_finite());
        let g5 = c.gap5();
        prop_assert!(g5 >= 0.0 && g5 <= c.expected);
        let sum: f64 = p.gaps.iter().sum();
        prop_assert!(g5 <= sum + 1e-9);
        if c.expected >= sum {
            prop_assert!((g5 - sum).abs() < 1e-9);
        }
        let effective: f64 = Gap::ALL.iter().map(|&g| c.effective(g)).sum();
        prop_assert!((effective - g5).abs() < 1e-9);
        if let Some((g, gain)) = p.first_to_close() {
            prop_assert!(gain > 0.0 && gain <= p.gap(g) + 1e-9);
            for other in Gap::ALL {
                prop_assert!(g5 - p.with_gap(other, 0.0).gap5() <= gain + 1e-9);
            }
        }
    }

    #[test]
    fn spearman_is_one_for_the_same_order_minus_one_reversed_and_symmetric(a in order(), b in order()) {
        prop_assert_eq!(a.spearman(&a), 1.0);
        prop_assert_eq!(a.spearman(&a.reversed()), -1.0);
        let r = a.spearman(&b);
        prop_assert!((-1.0..=1.0).contains(&r));
        prop_assert_eq!(r, b.spearman(&a));
        // Against the reverse, the sign turns.
        prop_assert!((a.reversed().spearman(&b) + r).abs() < 1e-12);
        prop_assert_eq!(Agreement::of(r), Agreement::of(b.spearman(&a)));
    }

    #[test]
    fn a_neighbouring_swap_moves_agreement_towards_the_order_it_copies(a in order(), b in order(), i in 0usize..N, up: bool) {
        let moved = a.moved(i, up);
        prop_assert!(Order::new(*moved.attrs()).is_some());
        // A neighbouring swap that puts the pair in b's order raises ρ.
        let j = if up { i.checked_sub(1) } else { (i + 1 < N).then_some(i + 1) };
        if let Some(j) = j {
            let (x, y) = (a.attrs()[i], a.attrs()[j]);
            // After the swap, x sits where y was; better when b agrees.
            let b_agrees = (b.rank(x) < b.rank(y)) == (j < i);
            let (before, after) = (a.spearman(&b), moved.spearman(&b));
            if b_agrees { prop_assert!(after > before); } else { prop_assert!(after < before); }
        } else {
            prop_assert_eq!(moved, a);
        }
    }

    #[test]
    fn screens_round_trip_through_the_address(p in params(), m in order()) {
        let s = Screen { params: p, managers: m };
        prop_assert_eq!(Screen::from_query(&s.to_pairs()), (s, vec![]));
        prop_assert_eq!(Order::parse(&m.to_value()), Some(m));
    }
}
