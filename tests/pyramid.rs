//! The customer pyramid (lecture 2, 图1-7): the course's point from the
//! defaults (left alone, customers drift down and profit shrinks; with the
//! levers the pyramid moves up), the migration rules (rows ≤ 100 %, named
//! when over), the address and A/B round trips, bad values, and the
//! invariants as properties: customers conserved, counts never negative,
//! zero migration keeps counts and profit = counts × profit per customer,
//! more profit per customer never lowers total profit.

use loyalty_lab::models::params::{Invalid, ParamSet};
use loyalty_lab::models::pyramid::*;
use loyalty_lab::routing::route::query_pairs;
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-7 * a.abs().max(b.abs()).max(1.0)
}

const MATRIX: [Param; 16] = {
    use Param::*;
    [
        DiamondGold,
        DiamondBrass,
        DiamondLead,
        DiamondOut,
        GoldDiamond,
        GoldBrass,
        GoldLead,
        GoldOut,
        BrassDiamond,
        BrassGold,
        BrassLead,
        BrassOut,
        LeadDiamond,
        LeadGold,
        LeadBrass,
        LeadOut,
    ]
};

#[test]
fn specs_list_every_parameter_once_in_order() {
    assert_eq!(SPECS.len(), N);
    for (i, s) in SPECS.iter().enumerate() {
        assert_eq!(s.param as usize, i, "{}", s.key);
        assert!(s.min <= s.default && s.default <= s.max, "{}", s.key);
        assert!(SPECS.iter().filter(|o| o.key == s.key).count() == 1);
    }
    // Every off-diagonal cell of the matrix has its parameter, keyed m_<from>_<to>.
    for from in TIERS {
        for to in TIERS {
            let p = Param::migration(from, Some(to));
            assert_eq!(p.is_none(), from == to);
            if let Some(p) = p {
                assert_eq!(p.spec().key, format!("m_{}_{}", from.key(), to.key()));
            }
        }
        assert_eq!(
            Param::migration(from, None).unwrap().spec().key,
            format!("m_{}_out", from.key())
        );
    }
}

#[test]
fn defaults_show_the_course_point() {
    let p = Params::default();
    let off = run(&p).unwrap();
    assert_eq!(off.years.len(), 6);
    // Year 0: 100 × 1,000 + 400 × 400 + 1,500 × 60 − 3,000 × 40.
    assert_eq!(off.years[0].total, 230_000.0);
    assert_eq!(off.per_customer[3], -40.0);
    // Left alone: profit shrinks every year and the top of the pyramid thins.
    for w in off.years.windows(2) {
        assert!(w[1].total < w[0].total);
        assert!(Run::top_share(&w[1]) < Run::top_share(&w[0]));
    }
    assert!(off.last().total < 0.6 * off.years[0].total);
    // Both kind levers: the pyramid moves up and profit grows.
    let on = run(&p.with(Param::Service, 1.0).with(Param::Lead, 1.0)).unwrap();
    for w in on.years.windows(2) {
        assert!(w[1].total > w[0].total);
        assert!(Run::top_share(&w[1]) > Run::top_share(&w[0]));
    }
    assert!(on.last().counts[0] > p.v(Param::NDiamond));
    assert!(on.total_profit() > 2.0 * off.total_profit());
    // Service alone and re-pricing alone each beat doing nothing.
    assert!(run(&p.with(Param::Service, 1.0)).unwrap().total_profit() > off.total_profit());
    assert!(run(&p.with(Param::Lead, 1.0)).unwrap().total_profit() > off.total_profit());
    // Dropping lead with the defaults costs more (fixed costs, word of mouth) than it saves.
    let drop = run(&p.with(Param::Lead, 2.0)).unwrap();
    assert!(drop.total_profit() < off.total_profit());
    assert!(drop.last().counts[3] < off.last().counts[3]);
    assert!(drop.years[1].burden > 0.0);
}

#[test]
fn levers_act_as_described() {
    let p = Params::default().with(Param::Service, 1.0).with(Param::Lead, 1.0);
    let m = matrix(&p);
    // Gold: half of slipping and leaving kept, 8 points more up to diamond.
    assert!(close(m[1][0], 0.04 + 0.08));
    assert!(close(m[1][2], 0.07) && close(m[1][3], 0.015) && close(m[1][4], 0.04));
    // Lead: 6 points more to brass, 5 more leave; loss 40 → 10.
    assert!(close(m[3][2], 0.10) && close(m[3][4], 0.20));
    assert_eq!(per_customer(&p), [1_000.0, 360.0, 60.0, -10.0]);
    for row in &m {
        assert!(close(row.iter().sum::<f64>(), 1.0));
    }
    // A lever never pushes a row past 100 %: it takes at most what stays.
    let full = Params::default()
        .with(Param::LeadBrass, 0.5)
        .with(Param::LeadOut, 0.5)
        .with(Param::Lead, 1.0);
    let m = matrix(&full);
    assert!(close(m[3].iter().sum::<f64>(), 1.0) && m[3][3] >= 0.0);
}

#[test]
fn a_row_over_100_percent_is_refused_naming_the_row() {
    let p = Params::default().with(Param::GoldOut, 0.9);
    match run(&p) {
        Err(PyramidError::RowOver { from, sum }) => {
            assert_eq!(from, Tier::Gold);
            assert!(close(sum, 1.11));
        }
        other => panic!("{other:?}"),
    }
    // Exactly 100 % is fine: nobody stays.
    let p = Params::default().with(Param::LeadOut, 0.96);
    assert!(run(&p).is_ok());
    // The address keeps such a row as given; the run refuses it.
    let (q, bad) = Params::from_query(&query_pairs("m_brass_out=0.95"));
    assert!(bad.is_empty());
    assert!(matches!(run(&q), Err(PyramidError::RowOver { from: Tier::Brass, .. })));
    assert!(Params::from_compact(&q.to_compact()).is_none());
}

#[test]
fn address_round_trips_and_reads_keys() {
    let (p, bad) = Params::from_query(&query_pairs(
        "m_gold_diamond=0.2&years=10&service=1&lead=2&n_lead=0&lang=en",
    ));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(p.v(Param::GoldDiamond), 0.2);
    assert_eq!(p.years(), 10);
    assert!(p.service_on());
    assert_eq!(p.lead_policy(), LeadPolicy::Drop);
    let (back, bad) = Params::from_query(&query_pairs(&p.to_query()));
    assert!(bad.is_empty());
    assert_eq!(back, p);
    assert_eq!(Params::from_compact(&p.to_compact()), Some(p));
    assert_eq!(Params::from_compact("1,2,3"), None);
    assert_eq!(Params::from_compact(""), None);
}

#[test]
fn every_bad_value_is_refused_and_the_default_kept() {
    for s in &SPECS {
        let below = s.min - s.step;
        let above = s.max + s.step;
        let mut cases = vec![
            "abc".to_owned(),
            "NaN".into(),
            "inf".into(),
            "1e999".into(),
            "".into(),
            "<img>".into(),
        ];
        cases.push(format!("{below}"));
        cases.push(format!("{above}"));
        if s.integer {
            cases.push(format!("{}", s.min + 0.5));
        }
        for v in cases {
            let (p, bad) = Params::from_query(&[(s.key.to_owned(), v.clone()), ("years".into(), "7".into())]);
            if s.key == "years" {
                assert_eq!(p.years(), 7, "{v}");
                continue;
            }
            assert_eq!(bad.len(), 1, "{}={v}", s.key);
            assert_eq!(bad[0].name, s.key);
            assert_eq!(p, Params::default().with(Param::Years, 7.0), "{}={v}", s.key);
        }
        let mut p = Params::default();
        p.set(s.param, f64::NAN);
        assert!(matches!(
            run(&p),
            Err(PyramidError::Value {
                why: Invalid::NotFinite,
                ..
            })
        ));
    }
}

fn arb_params() -> impl Strategy<Value = Params> {
    (
        proptest::collection::vec(0.0f64..=1.0, N),
        proptest::collection::vec(0.0f64..=0.5, 16),
    )
        .prop_map(|(u, m)| {
            let mut p = Params::default();
            for (s, u) in SPECS.iter().zip(&u) {
                let mut v = s.min + (s.max - s.min) * u;
                if s.integer {
                    v = v.round();
                }
                p.set(s.param, v);
            }
            // Matrix rows: four shares each up to 50 %, scaled to at most 100 %.
            for (row, chunk) in MATRIX.chunks(4).zip(m.chunks(4)) {
                let sum: f64 = chunk.iter().sum();
                let k = if sum > 1.0 { 1.0 / sum } else { 1.0 };
                for (param, v) in row.iter().zip(chunk) {
                    p.set(*param, (v * k * 100.0).floor() / 100.0);
                }
            }
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn customers_are_conserved_and_never_negative(p in arb_params()) {
        let r = run(&p).unwrap();
        let start: f64 = r.years[0].counts.iter().sum();
        let end: f64 = r.last().counts.iter().sum();
        let scale = (start + r.arrivals()).max(1.0);
        prop_assert!((start + r.arrivals() - end - r.leavers()).abs() <= 1e-9 * scale);
        for y in &r.years {
            prop_assert!(y.counts.iter().all(|c| *c >= 0.0 && c.is_finite()));
            prop_assert!(y.total.is_finite());
            prop_assert!(y.leavers >= 0.0 && y.arrivals >= 0.0);
        }
        for row in &r.matrix {
            prop_assert!(row.iter().all(|v| *v >= 0.0));
            prop_assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        }
    }

    #[test]
    fn zero_migration_keeps_counts_and_profit_is_counts_times_profit(p in arb_params()) {
        let mut p = p.without_levers().with(Param::NewBrass, 0.0).with(Param::NewLead, 0.0);
        for m in MATRIX {
            p.set(m, 0.0);
        }
        let r = run(&p).unwrap();
        let per = [p.v(Param::PDiamond), p.v(Param::PGold), p.v(Param::PBrass), -p.v(Param::LossLead)];
        for y in &r.years {
            for t in TIERS {
                let c = p.v(Param::count(t));
                prop_assert_eq!(y.counts[t.index()], c);
                prop_assert!(close(y.profit[t.index()], c * per[t.index()]));
            }
            let expect: f64 = TIERS.iter().map(|t| p.v(Param::count(*t)) * per[t.index()]).sum();
            prop_assert!(close(y.total, expect));
        }
    }

    #[test]
    fn rows_over_100_percent_are_refused_naming_the_row(p in arb_params(), row in 0usize..4, extra in 0.02f64..1.0) {
        let from = TIERS[row];
        let first = MATRIX[row * 4];
        let room = 1.0 - p.row_sum(from) + p.v(first);
        let v = (room + extra).min(1.0);
        prop_assume!(p.row_sum(from) - p.v(first) + v > 1.0 + 1e-6);
        let bad = p.with(first, v);
        let earlier = TIERS[..row].iter().any(|t| bad.row_sum(*t) > 1.0 + 1e-9);
        prop_assume!(!earlier);
        match run(&bad) {
            Err(PyramidError::RowOver { from: named, sum }) => {
                prop_assert_eq!(named, from);
                prop_assert!(sum > 1.0);
            }
            other => prop_assert!(false, "{:?}", other),
        }
    }

    #[test]
    fn more_profit_per_customer_never_lowers_total_profit(p in arb_params(), which in 0usize..5, bump in 0.0f64..500.0) {
        let before = run(&p).unwrap().total_profit();
        let (param, sign) = [
            (Param::PDiamond, 1.0), (Param::PGold, 1.0), (Param::PBrass, 1.0),
            (Param::LossLead, -1.0), (Param::RepriceGain, 1.0),
        ][which];
        let s = param.spec();
        let v = (p.v(param) + sign * bump).clamp(s.min, s.max);
        let after = run(&p.with(param, v)).unwrap().total_profit();
        prop_assert!(after >= before - 1e-9 * before.abs().max(1.0), "{} → {}", before, after);
    }

    #[test]
    fn any_query_gives_params_that_never_panic(q in ".{0,160}") {
        let (p, _) = Params::from_query(&query_pairs(&q));
        let _ = run(&p);
        prop_assert!(p.first_invalid().is_none());
    }
}
