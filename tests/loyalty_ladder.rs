//! The loyalty ladder (lecture 11, figure 7-1) and the ten loyalty KPIs:
//! the defaults, the invariants of the flows (customers conserved, no
//! negative counts), the KPI definitions (base without lost and onlookers,
//! churn = 100 % − retention), the own-counts mode refusing impossible
//! input, and every parameter's bad values.

use loyalty_lab::models::loyalty_ladder::own::PARTS;
use loyalty_lab::models::loyalty_ladder::params::RULED;
use loyalty_lab::models::loyalty_ladder::*;
use loyalty_lab::models::params::ParamSet;
use loyalty_lab::routing::route::query_pairs;
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

fn total(c: &[f64; 8]) -> f64 {
    c.iter().sum()
}

#[test]
fn every_parameter_is_listed_once() {
    assert_eq!(SPECS.len(), 18);
    for (i, s) in SPECS.iter().enumerate() {
        assert_eq!(s.param as usize, i);
        assert!(s.check(s.default).is_ok(), "{}", s.key);
    }
    for (i, s) in OWN_SPECS.iter().enumerate() {
        assert_eq!(s.param as usize, i);
        assert!(s.check(s.default).is_ok(), "{}", s.key);
    }
    assert!(close(START_MIX.iter().sum(), 1.0));
    assert!(Rates::default().validate().is_ok());
    assert!(Counts::default().validate().is_ok());
}

#[test]
fn defaults_run_and_give_the_ten_kpis() {
    let r = Rates::default();
    let run = run(&r).unwrap();
    assert_eq!(run.months(), 24);
    assert_eq!(run.counts.len(), 25);
    let k = kpis(&r, &run);
    // 1 000 at the start, 70 % of them in the base.
    assert!(close(k.base_start, 700.0));
    assert!(k.base > 0.0 && k.base.is_finite());
    assert_eq!(k.window, 12);
    let ret = k.retention.unwrap();
    assert!(ret > 0.0 && ret < 1.0);
    assert_eq!(k.churn, Some(1.0 - ret));
    assert!(k.new_kept_12 <= k.new_kept_3 + 1e-12);
    // 40 % of wallet, 60 % of complainants satisfied, 2 visits × 50.
    assert_eq!(
        (k.wallet, k.complaint_sat, k.frequency, k.avg_spend),
        (0.4, 0.6, 2.0, 100.0)
    );
    // Constant rates: the save rate is 20 / (20 + 30).
    assert!(close(k.save_rate.unwrap(), 0.4));
    // The first month: 10 % of 300 onlookers become new.
    assert!(close(run.flows[0].converted, 30.0));
    println!("{k:?}");
}

#[test]
fn one_month_by_hand() {
    let r = Rates::default();
    let c = [0.0, 300.0, 50.0, 50.0, 150.0, 250.0, 150.0, 50.0];
    let (n, f) = step(&r, &c);
    // New: 50 − 50·(30 % + 20 %) + 30 converted + 0 won back.
    assert!(close(n[Level::New.index()], 55.0));
    // At-risk: 50·50 % stay + 10 from new + 12 from inactive.
    assert!(close(n[Level::AtRisk.index()], 25.0 + 10.0 + 12.0));
    assert!(close(f.saved, 10.0) && close(f.lost, 15.0));
    assert!(close(n[Level::Lost.index()], 15.0));
    assert!(close(total(&n), total(&c)));
}

#[test]
fn customer_base_excludes_lost_and_onlookers() {
    let c = [5.0, 7.0, 1.0, 2.0, 3.0, 4.0, 10.0, 20.0];
    assert_eq!(customer_base(&c), 40.0);
    let mut own = Counts::default();
    own.values[..8].copy_from_slice(&c);
    assert_eq!(own_kpis(&own).unwrap().base, 40.0);
    assert!(!Level::Lost.in_base() && !Level::Onlookers.in_base());
    assert!(LEVELS.iter().filter(|l| l.in_base()).count() == 6);
}

#[test]
fn own_defaults_give_the_worked_example() {
    let k = own_kpis(&Counts::default()).unwrap();
    assert_eq!(k.base, 710.0);
    assert_eq!(k.new_kept_3, Some(0.7));
    assert_eq!(k.new_kept_12, Some(0.5));
    assert_eq!(k.retention, Some(0.8));
    assert_eq!(tenths(k.churn.unwrap()), 200);
    assert_eq!(k.wallet, Some(65_000.0 / 160_000.0));
    assert_eq!(k.complaint_sat, Some(0.75));
    assert_eq!(k.new_per_month, 80.0);
    assert!(close(k.frequency.unwrap(), 1300.0 / 710.0));
    assert!(close(k.avg_spend.unwrap(), 65_000.0 / 710.0));
    assert_eq!(k.save_rate, Some(0.4));
}

#[test]
fn own_counts_refuse_impossible_input() {
    for (part, whole) in PARTS {
        let mut c = Counts::default();
        for (p, _) in PARTS {
            c.set(p, 0.0);
        }
        c.set(whole, 10.0);
        c.set(part, 11.0);
        match own_kpis(&c) {
            Err(OwnError::PartOverWhole { part: p, whole: w, .. }) => assert_eq!((p, w), (part, whole)),
            other => panic!("{part:?} > {whole:?}: {other:?}"),
        }
    }
    for s in &OWN_SPECS {
        let mut c = Counts::default();
        c.set(s.param, -1.0);
        assert_eq!(
            own_kpis(&c),
            Err(OwnError::Negative {
                param: s.param,
                value: -1.0
            })
        );
        c.set(s.param, f64::NAN);
        assert!(matches!(own_kpis(&c), Err(OwnError::Invalid { .. })));
    }
    // Zero to divide by: no KPI, no NaN.
    let mut c = Counts::default();
    for p in [
        OwnParam::Cohort,
        OwnParam::Kept3,
        OwnParam::Kept12,
        OwnParam::YearStart,
        OwnParam::YearKept,
    ] {
        c.set(p, 0.0);
    }
    let k = own_kpis(&c).unwrap();
    assert_eq!((k.new_kept_3, k.retention, k.churn), (None, None, None));
}

#[test]
fn rates_over_100_percent_out_of_a_level_are_refused() {
    for level in RULED {
        let mut r = Rates::default();
        for p in Param::out_of(level) {
            r.set(*p, 0.6);
        }
        match run(&r) {
            Err(RateError::LevelOver { level: l, total }) => {
                assert_eq!(l, level);
                assert!(close(total, 1.2));
            }
            other => panic!("{level:?}: {other:?}"),
        }
    }
    // Exactly 100 % is allowed.
    let mut r = Rates::default();
    r.set(Param::RiskSave, 0.7);
    r.set(Param::RiskLost, 0.3);
    assert!(run(&r).is_ok());
}

#[test]
fn address_round_trip_and_bad_values() {
    let (s, bad) = Screen::from_query(&query_pairs("months=36&convert=0.2&lang=en"));
    assert!(bad.is_empty());
    assert_eq!(
        (s.mode, s.rates.r(Param::Months), s.rates.r(Param::Convert)),
        (Mode::Sim, 36.0, 0.2)
    );
    let (back, bad) = Screen::from_query(&s.to_pairs());
    assert!(bad.is_empty());
    assert_eq!(back, s);
    let (o, bad) = Screen::from_query(&query_pairs("mode=own&n_core=5&kept3=70"));
    assert!(bad.is_empty());
    assert_eq!((o.mode, o.own.get(OwnParam::Core)), (Mode::Own, 5.0));
    assert_eq!(Screen::from_query(&o.to_pairs()).0, o);
    // Garbage: reported, defaults kept.
    let (g, bad) = Screen::from_query(&query_pairs("mode=x&months=abc&convert=2"));
    assert_eq!(g, Screen::default());
    let names: Vec<_> = bad.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["mode", "months", "convert"]);
    // A level over 100 %: its rates from the address reported, defaults kept.
    let (g, bad) = Screen::from_query(&query_pairs("risk_save=0.8&risk_lost=0.5&months=12"));
    assert_eq!(g.rates.r(Param::RiskSave), 0.2);
    assert_eq!(g.rates.r(Param::Months), 12.0);
    assert_eq!(
        bad.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(),
        ["risk_save", "risk_lost"]
    );
    // Own: kept more than started.
    let (g, bad) = Screen::from_query(&query_pairs("mode=own&cohort=10&kept3=20&n_core=9"));
    assert_eq!(g.own.get(OwnParam::Cohort), 80.0);
    assert_eq!(g.own.get(OwnParam::Core), 9.0);
    assert!(g.own.validate().is_ok());
    assert_eq!(bad.len(), 2);
}

#[test]
fn every_parameter_refuses_bad_values() {
    for s in &SPECS {
        for v in ["", "NaN", "inf", "-1", "1e309", "abc", "0x10"] {
            let (r, bad) = Rates::from_query(&query_pairs(&format!("{}={v}", s.key)));
            let ok = v == "-1" && s.min <= -1.0;
            assert!(ok || bad.len() == 1, "{}={v}", s.key);
            assert_eq!(r, Rates::default(), "{}={v}", s.key);
        }
        let (_, bad) = Rates::from_query(&query_pairs(&format!("{}={}", s.key, s.max + s.step)));
        assert_eq!(bad.len(), 1, "{} above max", s.key);
    }
    for s in &OWN_SPECS {
        for v in ["", "NaN", "-1", "1e309", "abc", "2.5x"] {
            let (c, bad) = Counts::from_query(&query_pairs(&format!("{}={v}", s.key)));
            assert_eq!(bad.len(), 1, "{}={v}", s.key);
            assert_eq!(c, Counts::default());
        }
    }
}

#[test]
fn ab_pack_round_trip() {
    let mut r = Rates::default();
    r.set(Param::Down, 0.1);
    assert_eq!(Rates::from_compact(&r.to_compact()), Some(r));
    assert_eq!(Rates::from_compact("1,2,3"), None);
    let mut over = Rates::default();
    over.set(Param::NewActive, 0.9);
    assert_eq!(Rates::from_compact(&over.to_compact()), None);
}

fn rates() -> impl Strategy<Value = Rates> {
    (
        1u32..=60,
        (1u32..=100).prop_map(|n| n as f64 * 100.0),
        0u32..=1000,
        proptest::collection::vec(0.0f64..=1.0, 11),
    )
        .prop_map(|(months, start, arrivals, v)| {
            let mut r = Rates::default();
            r.set(Param::Months, months as f64);
            r.set(Param::Start, start);
            r.set(Param::Arrivals, arrivals as f64);
            r.set(Param::Convert, v[0]);
            r.set(Param::Winback, v[1]);
            // Split each ruled level's way out so it stays ≤ 100 %.
            r.set(Param::NewActive, v[2] * v[3]);
            r.set(Param::NewRisk, v[2] * (1.0 - v[3]));
            r.set(Param::InactiveActive, v[4] * v[5]);
            r.set(Param::InactiveRisk, v[4] * (1.0 - v[5]));
            r.set(Param::Down, v[6] * 0.5);
            r.set(Param::ActiveCore, v[7] * 0.5);
            r.set(Param::CoreAdvocate, v[8] * 0.5);
            r.set(Param::RiskSave, v[9] * v[10]);
            r.set(Param::RiskLost, v[9] * (1.0 - v[10]));
            r
        })
}

proptest! {
    #[test]
    fn customers_are_conserved_and_never_negative(r in rates()) {
        let run = run(&r).unwrap();
        let start = r.r(Param::Start);
        let arrivals = r.r(Param::Arrivals);
        for (t, c) in run.counts.iter().enumerate() {
            let expected = start + arrivals * t as f64;
            prop_assert!((total(c) - expected).abs() <= 1e-9 * expected.max(1.0), "month {t}: {} vs {expected}", total(c));
            prop_assert!(c.iter().all(|x| *x >= 0.0 && x.is_finite()), "month {t}: {c:?}");
        }
    }

    #[test]
    fn churn_is_exactly_100_percent_minus_retention(r in rates()) {
        let run = run(&r).unwrap();
        let k = kpis(&r, &run);
        let ret = k.retention.unwrap();
        prop_assert_eq!(k.churn, Some(1.0 - ret));
        prop_assert!((0.0..=1.0 + 1e-12).contains(&ret));
        // As shown (tenths of a percent), the two add to exactly 100 %.
        let shown_churn = 1000 - tenths(ret);
        prop_assert_eq!(tenths(ret) + shown_churn, 1000);
        prop_assert!(k.base.is_finite() && k.base >= 0.0);
        prop_assert!(close(k.base, customer_base(run.last())));
    }

    #[test]
    fn own_churn_and_base(c in proptest::collection::vec(0u32..10_000, 8), start in 1u32..10_000, kept in 0.0f64..=1.0) {
        let mut own = Counts::default();
        for (i, v) in c.iter().enumerate() { own.values[i] = *v as f64; }
        own.set(OwnParam::YearStart, start as f64);
        own.set(OwnParam::YearKept, (start as f64 * kept).floor());
        let k = own_kpis(&own).unwrap();
        prop_assert_eq!(k.churn, Some(1.0 - k.retention.unwrap()));
        let base: f64 = c[2..].iter().map(|v| *v as f64).sum();
        prop_assert_eq!(k.base, base);
    }

    #[test]
    fn own_kept_above_started_is_refused(started in 0u32..10_000, extra in 1u32..1000) {
        let mut own = Counts::default();
        own.set(OwnParam::YearStart, started as f64);
        own.set(OwnParam::YearKept, (started + extra) as f64);
        let refused = matches!(own_kpis(&own), Err(OwnError::PartOverWhole { .. }));
        prop_assert!(refused);
    }
}
