//! The satisfaction mirror: the course's two stories (invest → virtuous,
//! cut → vicious), the delayed effect of a staff shock, 图2-1's ramp, the
//! address round trip, and the invariants (bounded, deterministic, monotone
//! in the levers that help).

use loyalty_lab::models::mirror::*;
use loyalty_lab::models::params::ParamSet;
use loyalty_lab::routing::route::query_pairs;
use proptest::prelude::*;

fn levers(pairs: &[(Param, f64)]) -> Levers {
    let mut l = Levers::default();
    for &(p, v) in pairs {
        l.set(p, v);
    }
    l
}

fn end(l: &Levers) -> Month {
    *run(l).unwrap().months.last().unwrap()
}

fn preset(name: &str) -> Levers {
    presets().into_iter().find(|(n, _)| *n == name).unwrap().1
}

#[test]
fn loops_have_stable_unique_keys() {
    let mut keys: Vec<_> = LOOPS.iter().map(|l| l.key()).collect();
    assert_eq!(
        keys,
        [
            "knowledge",
            "recovery",
            "achievement",
            "efficiency",
            "quality",
            "tenure"
        ]
    );
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), LOOPS.len());
    for (i, l) in LOOPS.iter().enumerate() {
        assert_eq!(l.index(), i);
        assert_eq!(Loop::parse(l.key()), Some(*l));
        assert!(["cs", "es", "tenure"].contains(&l.target()));
    }
    assert_eq!(Loop::parse("nope"), None);
}

#[test]
fn the_default_firm_stands_still() {
    let r = run(&Levers::default()).unwrap();
    let s = start();
    assert_eq!((s.cs, s.es, s.customers, s.profit), (60.0, 60.0, 1000.0, 100.0));
    // The iceberg: 8 % complain + 23 % grumble to front-line staff are heard.
    assert!((s.voice_share - 0.31).abs() < 1e-12);
    for m in &r.months {
        assert!((m.cs - 60.0).abs() < 1e-6 && (m.es - 60.0).abs() < 1e-6, "{m:?}");
        assert!(
            (m.customers - 1000.0).abs() < 1e-6 && (m.profit - 100.0).abs() < 1e-6,
            "{m:?}"
        );
        assert!(m.flows.iter().all(|f| f.abs() < 1e-6), "{m:?}");
    }
    assert_eq!(r.class, Class::Stalled);
}

#[test]
fn every_run_starts_from_the_same_firm() {
    for (name, l) in presets() {
        let r = run(&l).unwrap();
        assert_eq!(r.months[0], start(), "{name}");
        assert_eq!(r.months[0].flows, [0.0; 6]);
    }
}

#[test]
fn a_run_has_one_entry_per_month_plus_the_start() {
    for n in [6.0, 7.0, 36.0, 120.0] {
        let r = run(&levers(&[(Param::Months, n)])).unwrap();
        assert_eq!(r.months.len(), n as usize + 1);
        for (i, m) in r.months.iter().enumerate() {
            assert_eq!(m.month as usize, i);
        }
    }
}

#[test]
fn investing_in_staff_beats_neglect_by_far() {
    let invest = end(&levers(&[
        (Param::Training, 85.0),
        (Param::Empowerment, 85.0),
        (Param::Turnover, 8.0),
    ]));
    let neglect = end(&levers(&[
        (Param::Training, 5.0),
        (Param::Empowerment, 5.0),
        (Param::Turnover, 45.0),
    ]));
    println!(
        "month 36: invest cs {:.1} es {:.1}; neglect cs {:.1} es {:.1}",
        invest.cs, invest.es, neglect.cs, neglect.es
    );
    assert!(invest.cs >= neglect.cs + 20.0, "{invest:?} vs {neglect:?}");
    assert!(invest.es >= neglect.es + 20.0, "{invest:?} vs {neglect:?}");
    // And the mirror shows in everything downstream.
    assert!(invest.retention > neglect.retention);
    assert!(invest.tenure > neglect.tenure);
    assert!(invest.customers > neglect.customers);
    assert!(invest.profit > neglect.profit);
}

#[test]
fn presets_tell_the_courses_two_stories() {
    let names: Vec<_> = presets().iter().map(|(n, _)| *n).collect();
    assert!(names.contains(&"invest") && names.contains(&"cut"), "{names:?}");
    for (name, l) in presets() {
        assert_eq!(l.validate(), Ok(()), "{name}");
    }
    let invest = run(&preset("invest")).unwrap();
    let cut = run(&preset("cut")).unwrap();
    assert_eq!(invest.class, Class::Virtuous);
    assert_eq!(cut.class, Class::Vicious);
    // In the virtuous circle every loop pushes up; in the vicious one the
    // loops that close through staff push down.
    let up = invest.cumulative();
    assert!(up.iter().all(|&f| f > 0.0), "{up:?}");
    let down = cut.cumulative();
    for l in [Loop::Quality, Loop::Achievement, Loop::Tenure, Loop::Knowledge] {
        assert!(down[l.index()] < 0.0, "{l:?} {down:?}");
    }
}

#[test]
fn investing_costs_first_and_pays_later() {
    let r = run(&preset("invest")).unwrap();
    assert!(r.months[1].profit < 100.0, "{:?}", r.months[1]);
    assert!(r.months[36].profit > 120.0, "{:?}", r.months[36]);
    let cut = run(&preset("cut")).unwrap();
    assert!(cut.months[36].profit < r.months[36].profit);
}

#[test]
fn a_staff_shock_reaches_customers_with_a_delay() {
    let base = run(&Levers::default()).unwrap();
    let shock = run(&levers(&[(Param::ShockMonth, 12.0), (Param::ShockSize, 0.5)])).unwrap();
    // Before and in the month of the shock customers notice nothing …
    for m in 0..=12 {
        assert!((shock.months[m].cs - base.months[m].cs).abs() < 0.01, "month {m}");
    }
    // … although half the staff are new: experience and output drop at once.
    assert!(shock.months[12].tenure < base.months[12].tenure * 0.6);
    assert!(shock.months[12].productivity < base.months[12].productivity - 0.2);
    // A few months later cs is clearly lower.
    for m in 14..=18 {
        assert!(
            shock.months[m].cs < base.months[m].cs - 2.0,
            "month {m}: {:?}",
            shock.months[m]
        );
    }
    // New hires are the likeliest to leave: turnover rises after the shock.
    assert!(shock.months[13].turnover > base.months[13].turnover + 5.0);
}

#[test]
fn new_hires_produce_nothing_while_training() {
    // Replace everyone at the end of month 6 (图2-1).
    let r = run(&levers(&[(Param::ShockMonth, 6.0), (Param::ShockSize, 1.0)])).unwrap();
    assert_eq!(r.months[6].tenure, 0.0);
    assert_eq!(r.months[6].productivity, 0.0);
    assert_eq!(r.months[8].productivity, 0.0);
    assert!(r.months[9].productivity > 0.0);
    // A year on, output is still only about half a veteran's.
    let year = r.months[18].productivity;
    assert!((0.35..=0.65).contains(&year), "{year}");
}

#[test]
fn the_verdict_follows_the_documented_rule() {
    let s = start();
    let moved = |dcs: f64, des: f64| Month {
        cs: s.cs + dcs,
        es: s.es + des,
        ..s
    };
    assert_eq!(classify(&s, &moved(5.0, 5.0)), Class::Virtuous);
    assert_eq!(classify(&s, &moved(-5.0, -5.0)), Class::Vicious);
    assert_eq!(classify(&s, &moved(4.9, 30.0)), Class::Stalled);
    assert_eq!(classify(&s, &moved(-30.0, -4.9)), Class::Stalled);
    assert_eq!(classify(&s, &moved(10.0, -10.0)), Class::Stalled);
    for (_, l) in presets() {
        let r = run(&l).unwrap();
        assert_eq!(r.class, classify(&r.months[0], r.months.last().unwrap()));
        let sum = r.cumulative();
        let top = sum[r.dominant.index()].abs();
        assert!(sum.iter().all(|f| f.abs() <= top));
    }
    assert_eq!(run(&preset("invest")).unwrap().dominant, Loop::Quality);
}

#[test]
fn invalid_levers_are_errors_not_panics() {
    let l = levers(&[(Param::Training, f64::NAN)]);
    assert_eq!(run(&l), Err(LeverError::NotFinite(Param::Training)));
    let l = levers(&[(Param::Turnover, 150.0)]);
    assert!(matches!(
        run(&l),
        Err(LeverError::OutOfRange {
            param: Param::Turnover,
            ..
        })
    ));
    let l = levers(&[(Param::Months, 36.5)]);
    assert!(matches!(
        run(&l),
        Err(LeverError::NotWhole {
            param: Param::Months,
            ..
        })
    ));
    let l = levers(&[(Param::ShockSize, f64::INFINITY)]);
    assert_eq!(run(&l), Err(LeverError::NotFinite(Param::ShockSize)));
}

#[test]
fn reads_levers_from_the_address() {
    let (l, bad) = Levers::from_query(&query_pairs(
        "training=80&empowerment=70.5&turnover=12&months=60&shock_month=24&shock_size=0.4&lang=en&present=1",
    ));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(
        (
            l.training,
            l.empowerment,
            l.turnover,
            l.months,
            l.shock_month,
            l.shock_size
        ),
        (80.0, 70.5, 12.0, 60.0, 24.0, 0.4)
    );
    assert_eq!(l.pay, 50.0);
}

#[test]
fn bad_address_values_fall_back_and_are_reported() {
    let (l, bad) = Levers::from_query(&query_pairs("training=abc&turnover=150&months=2.5&shock_size=-1"));
    assert_eq!(l, Levers::default());
    let names: Vec<_> = bad.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["training", "turnover", "months", "shock_size"]);
    assert_eq!(bad[0].value, "abc");
    let (l, bad) = Levers::from_query(&query_pairs(
        "pay=NaN&hiring=1e999&voice=&promo=%3Cimg%3E&shock_month=121&empowerment=-0.5&months=5",
    ));
    assert_eq!(l, Levers::default());
    assert_eq!(bad.len(), 7);
}

#[test]
fn address_round_trips() {
    let l = Levers {
        training: 33.333333333333336,
        empowerment: 0.07,
        pay: 99.5,
        promo: 12.25,
        months: 48.0,
        shock_month: 20.0,
        shock_size: 0.45,
        ..Levers::default()
    };
    let (q, bad) = Levers::from_query(&query_pairs(&l.to_query()));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(q, l);
    assert_eq!(
        Levers::default().to_query(),
        "training=50&empowerment=50&pay=50&hiring=50&voice=50&turnover=25&promo=0&months=36&shock_month=0&shock_size=0.3"
    );
}

#[test]
fn comparison_set_round_trips_and_rejects_garbage() {
    let d = Levers::default();
    assert_eq!(d.to_compact(), "50,50,50,50,50,25,0,36,0,0.3");
    for (_, l) in presets() {
        assert_eq!(Levers::from_compact(&l.to_compact()), Some(l));
    }
    for bad in [
        "",
        "1,2,3",
        "x,50,50,50,50,25,0,36,0,0.3",
        "50,50,50,50,50,25,0,36.5,0,0.3",
        "50,50,50,50,50,125,0,36,0,0.3",
        "50,50,50,50,50,25,0,36,0,0.3,9",
        "50,50,50,50,50,25,0,36,0,NaN",
    ] {
        assert_eq!(Levers::from_compact(bad), None, "{bad}");
    }
}

fn arb_levers() -> impl Strategy<Value = Levers> {
    (
        (
            0.0f64..=100.0,
            0.0f64..=100.0,
            0.0f64..=100.0,
            0.0f64..=100.0,
            0.0f64..=100.0,
        ),
        (0.0f64..=100.0, 0.0f64..=100.0, 6u32..=120, 0u32..=120, 0.0f64..=1.0),
    )
        .prop_map(
            |((training, empowerment, pay, hiring, voice), (turnover, promo, months, shock_month, shock_size))| {
                Levers {
                    training,
                    empowerment,
                    pay,
                    hiring,
                    voice,
                    turnover,
                    promo,
                    months: months as f64,
                    shock_month: shock_month as f64,
                    shock_size,
                }
            },
        )
}

/// `l` with `param` moved up by a share `bump` of its remaining room.
fn raised(l: &Levers, param: Param, bump: f64) -> Levers {
    let s = param.spec();
    let v = l.get(param);
    let mut q = *l;
    q.set(param, (v + bump * (s.max - v)).clamp(v, s.max));
    q
}

const TOL: f64 = 1e-9;

proptest! {
    #[test]
    fn every_month_is_finite_and_in_range(l in arb_levers()) {
        let r = run(&l).unwrap();
        prop_assert_eq!(r.months.len(), l.months as usize + 1);
        for m in &r.months {
            for (v, lo, hi) in [
                (m.cs, 0.0, 100.0),
                (m.es, 0.0, 100.0),
                (m.knowledge, 0.0, 100.0),
                (m.tenure, 0.0, TENURE_MAX),
                (m.productivity, 0.0, 1.0),
                (m.retention, 0.0, 1.0),
                (m.voice_share, 0.0, 1.0),
                (m.turnover, 0.0, 100.0),
                (m.customers, 0.0, MARKET),
                (m.profit, PROFIT_MIN, PROFIT_MAX),
            ] {
                prop_assert!(v.is_finite() && v >= lo && v <= hi, "{} not in [{}, {}]: {:?}", v, lo, hi, m);
            }
            prop_assert!(m.flows.iter().all(|f| f.is_finite()), "{:?}", m);
        }
        prop_assert_eq!(r.class, classify(&r.months[0], &r.months[r.months.len() - 1]));
    }

    #[test]
    fn runs_are_deterministic(l in arb_levers()) {
        prop_assert_eq!(run(&l).unwrap(), run(&l).unwrap());
    }

    #[test]
    fn more_training_never_lowers_satisfaction(l in arb_levers(), bump in 0.0f64..=1.0) {
        let (a, b) = (end(&l), end(&raised(&l, Param::Training, bump)));
        prop_assert!(b.cs >= a.cs - TOL, "cs {} → {}", a.cs, b.cs);
        prop_assert!(b.es >= a.es - TOL, "es {} → {}", a.es, b.es);
    }

    #[test]
    fn more_empowerment_never_lowers_satisfaction(l in arb_levers(), bump in 0.0f64..=1.0) {
        let (a, b) = (end(&l), end(&raised(&l, Param::Empowerment, bump)));
        prop_assert!(b.cs >= a.cs - TOL, "cs {} → {}", a.cs, b.cs);
        prop_assert!(b.es >= a.es - TOL, "es {} → {}", a.es, b.es);
    }

    #[test]
    fn pay_hiring_and_voice_never_lower_satisfaction(l in arb_levers(), which in 0usize..3, bump in 0.0f64..=1.0) {
        let param = [Param::Pay, Param::Hiring, Param::Voice][which];
        let (a, b) = (end(&l), end(&raised(&l, param, bump)));
        prop_assert!(b.cs >= a.cs - TOL, "{:?}: cs {} → {}", param, a.cs, b.cs);
        prop_assert!(b.es >= a.es - TOL, "{:?}: es {} → {}", param, a.es, b.es);
    }

    #[test]
    fn turnover_discounts_and_shocks_never_raise_satisfaction(
        l in arb_levers(), which in 0usize..3, bump in 0.0f64..=1.0
    ) {
        let param = [Param::Turnover, Param::Promo, Param::ShockSize][which];
        let (a, b) = (end(&l), end(&raised(&l, param, bump)));
        prop_assert!(b.cs <= a.cs + TOL, "{:?}: cs {} → {}", param, a.cs, b.cs);
        prop_assert!(b.es <= a.es + TOL, "{:?}: es {} → {}", param, a.es, b.es);
    }

    #[test]
    fn address_and_comparison_set_round_trip(l in arb_levers()) {
        let (q, bad) = Levers::from_query(&query_pairs(&l.to_query()));
        prop_assert!(bad.is_empty());
        prop_assert_eq!(q, l);
        prop_assert_eq!(Levers::from_compact(&l.to_compact()), Some(l));
    }

    #[test]
    fn any_query_gives_valid_levers(q in ".{0,120}") {
        let (l, _) = Levers::from_query(&query_pairs(&q));
        prop_assert_eq!(l.validate(), Ok(()));
        prop_assert!(run(&l).is_ok());
    }

    #[test]
    fn any_lever_query_gives_valid_levers(
        key in prop::sample::select(SPECS.iter().map(|s| s.key).collect::<Vec<_>>()),
        value in "[-+0-9.eE a-zN]{0,12}"
    ) {
        let (l, bad) = Levers::from_query(&[(key.to_owned(), value.clone())]);
        prop_assert_eq!(l.validate(), Ok(()));
        // Either the value was used as given or it was reported.
        prop_assert!(bad.len() == 1 || value.trim().parse::<f64>().ok() == Some(l.get(SPECS.iter().find(|s| s.key == key).unwrap().param)));
    }
}
