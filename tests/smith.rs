//! Goodbye Mrs Smith: the course's numbers, the address round trip, the
//! Monte Carlo run, and the invariants (finite, non-negative, monotone).

use loyalty_lab::models::params::ParamSet;
use loyalty_lab::models::smith::*;
use loyalty_lab::routing::route::query_pairs;
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_distr::{Binomial, Distribution, Poisson};

#[path = "data/default_run.rs"]
mod default_run;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6 * b.abs().max(1.0)
}

#[test]
fn defaults_reproduce_the_course() {
    let p = Params::default();
    let o = compute(&p).unwrap();
    assert_eq!(direct(&p), 26_000.0);
    assert_eq!((o.low.reach, o.high.reach), (10.0, 20.0));
    assert_eq!((o.low.first, o.high.first), (5.0, 10.0));
    assert_eq!((o.low.second, o.high.second), (25.0, 50.0));
    assert_eq!((o.low.influenced, o.high.influenced), (30.0, 60.0));
    assert_eq!((o.low.lost, o.high.lost), (7.5, 15.0));
    assert_eq!((o.low.indirect, o.high.indirect), (195_000.0, 390_000.0));
    assert_eq!((o.low.total, o.high.total), (221_000.0, 416_000.0));
    // 221,000 × 20 % margin over 10 years.
    assert!(close(o.keep_budget_per_year(&p), 4_420.0));
}

#[test]
fn invalid_parameters_are_errors_not_panics() {
    let mut p = Params::default();
    p.weekly = f64::NAN;
    assert_eq!(compute(&p), Err(ParamError::NotFinite(Param::Weekly)));
    let mut p = Params::default();
    p.stop = 1.5;
    assert!(matches!(
        compute(&p),
        Err(ParamError::OutOfRange { param: Param::Stop, .. })
    ));
    let mut p = Params::default();
    p.weeks = 3.5;
    assert!(matches!(
        simulate(&p, 10),
        Err(ParamError::NotWhole {
            param: Param::Weeks,
            ..
        })
    ));
    let mut p = Params::default();
    p.reach_lo = 30.0;
    assert_eq!(sensitivity(&p), Err(ParamError::ReachOrder { lo: 30.0, hi: 20.0 }));
}

#[test]
fn reads_parameters_from_the_address() {
    let (p, bad) = Params::from_query(&query_pairs(
        "weekly=80&years=5&reach_lo=5&reach_hi=8&stop=0.5&currency=cny&seed=7&lang=en",
    ));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(
        (p.weekly, p.years, p.reach_lo, p.reach_hi, p.stop, p.seed),
        (80.0, 5.0, 5.0, 8.0, 0.5, 7)
    );
    assert_eq!(p.currency, Currency::Cny);
    assert_eq!(p.weeks, 52.0);
}

#[test]
fn bad_address_values_fall_back_and_are_reported() {
    let (p, bad) = Params::from_query(&query_pairs(
        "weekly=abc&weeks=53&years=2.5&influenced=-1&second=1e999&stop=NaN&currency=eur&seed=-4&margin=%3Cimg%3E",
    ));
    assert_eq!(p, Params::default());
    let names: Vec<_> = bad.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "weekly",
            "weeks",
            "years",
            "influenced",
            "second",
            "stop",
            "currency",
            "seed",
            "margin"
        ]
    );
    let (p, bad) = Params::from_query(&query_pairs("reach_lo=30&reach_hi=12"));
    assert_eq!((p.reach_lo, p.reach_hi), (10.0, 20.0));
    assert_eq!(bad.len(), 2);
}

#[test]
fn address_round_trips() {
    let mut p = Params::default();
    p.weekly = 37.5;
    p.influenced = 0.33;
    p.second = 2.5;
    p.currency = Currency::Cny;
    p.seed = 99;
    let (q, bad) = Params::from_query(&query_pairs(&p.to_query()));
    assert!(bad.is_empty());
    assert_eq!(q, p);
}

#[test]
fn comparison_set_round_trips_and_rejects_garbage() {
    let base = Params::default();
    let mut a = base;
    a.weekly = 20.0;
    a.stop = 0.1;
    assert_eq!(Params::from_compact(&a.to_compact(), &base), Some(a));
    assert_eq!(base.to_compact(), "50,52,10,10,20,0.5,5,0.25,0.2,5");
    for bad in [
        "",
        "1,2,3",
        "50,52,10,20,10,0.5,5,0.25,0.2,5",
        "x,52,10,10,20,0.5,5,0.25,0.2,5",
        "50,52,10,10,20,0.5,5,0.25,0.2,5,9",
    ] {
        assert_eq!(Params::from_compact(bad, &base), None, "{bad}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// The screen runs the trials in slices between which the page gets
    /// control back: whatever the slices, the run is the one `simulate` gives.
    #[test]
    fn a_run_in_slices_is_the_whole_run(seed in any::<u64>(), trials in 1u32..3_000, slice in 1u32..700) {
        let p = Params { seed, ..Params::default() };
        let mut run = Run::new(&p, trials).unwrap();
        let mut slices = 0;
        while !run.step(slice) {
            slices += 1;
            prop_assert!(slices <= trials, "a slice ran no trial");
        }
        prop_assert_eq!(run.finish(), simulate(&p, trials).unwrap());
    }

    /// The kernel keeps each distribution for the rest of a run once made:
    /// its trials are exactly those of making each one afresh, whatever the
    /// assumptions (large reaches and second-hand counts included, past the
    /// distributions it keeps).
    #[test]
    fn kept_distributions_draw_what_fresh_ones_would(
        seed in any::<u64>(), lo in 0.0..1000.0f64, span in 0.0..200.0f64,
        influenced in 0.0..=1.0f64, second in 0.0..=100.0f64, stop in 0.0..=1.0f64, trials in 1u32..400,
    ) {
        let (lo, hi) = (lo.round(), (lo + span).round().min(1000.0));
        let p = Params { seed, reach_lo: lo, reach_hi: hi, influenced, second, stop, ..Params::default() };
        prop_assert_eq!(simulate_lost(&p, trials).unwrap(), fresh_run(&p, trials));
    }
}

#[test]
fn the_default_run_is_the_pinned_one() {
    default_run::check_default_run();
}

/// The model read plainly: every distribution made afresh for each draw.
fn fresh_run(p: &Params, trials: u32) -> Vec<u64> {
    let mut rng = rand_xoshiro::Xoshiro256PlusPlus::seed_from_u64(p.seed);
    let binomial = |rng: &mut rand_xoshiro::Xoshiro256PlusPlus, n: u64, q: f64| {
        if n == 0 || q <= 0.0 {
            0
        } else {
            Binomial::new(n, q).unwrap().sample(rng)
        }
    };
    (0..trials)
        .map(|_| {
            let reach = rng.random_range(p.reach_lo as u64..=p.reach_hi as u64);
            let first = binomial(&mut rng, reach, p.influenced);
            let mean = first as f64 * p.second;
            let more = if mean > 0.0 {
                Poisson::new(mean).unwrap().sample(&mut rng) as u64
            } else {
                0
            };
            binomial(&mut rng, first + more, p.stop)
        })
        .collect()
}

#[test]
fn monte_carlo_is_reproducible_and_centred_on_the_chain() {
    let p = Params::default();
    let a = simulate(&p, TRIALS).unwrap();
    let b = simulate(&p, TRIALS).unwrap();
    assert_eq!(a, b, "same seed, same run");
    let mid = mid_total(&p);
    assert_eq!(mid, 318_500.0);
    assert!((a.mean - mid).abs() / mid < 0.01, "mean {} vs chain {}", a.mean, mid);
    assert!(a.min <= a.p5 && a.p5 <= a.median && a.median <= a.p95 && a.p95 <= a.max);
    assert_eq!(a.histogram.counts.iter().map(|&c| c as u64).sum::<u64>(), TRIALS as u64);
    assert!(a.histogram.counts.len() <= BINS);
    let c = simulate(&Params { seed: 1, ..p }, TRIALS).unwrap();
    assert_ne!(a.histogram, c.histogram, "another seed, another run");
}

#[test]
fn tornado_is_sorted_and_led_by_what_multiplies_everything() {
    let s = sensitivity(&Params::default()).unwrap();
    assert_eq!(s.len(), 8);
    assert!(s.windows(2).all(|w| w[0].size() >= w[1].size()));
    // Sales per week, weeks and years multiply both the direct and the
    // indirect loss, so they swing the total the most.
    assert!(matches!(s[0].param, Param::Weekly | Param::Weeks | Param::Years));
    let base = mid_total(&Params::default());
    for w in &s {
        assert!(w.down <= base + 1e-6 && w.up >= base - 1e-6, "{w:?}");
    }
}

fn arb_params() -> impl Strategy<Value = Params> {
    (
        1.0f64..10_000.0,
        1u32..=52,
        1u32..=50,
        0u32..=1000,
        0u32..=1000,
        0.0f64..=1.0,
        0.0f64..=100.0,
        0.0f64..=1.0,
        0.0f64..=1.0,
        any::<u64>(),
    )
        .prop_map(
            |(weekly, weeks, years, a, b, influenced, second, stop, margin, seed)| Params {
                weekly,
                weeks: weeks as f64,
                years: years as f64,
                reach_lo: a.min(b) as f64,
                reach_hi: a.max(b) as f64,
                influenced,
                second,
                stop,
                margin,
                seed,
                ..Params::default()
            },
        )
}

proptest! {
    #[test]
    fn results_are_finite_and_non_negative(p in arb_params()) {
        let o = compute(&p).unwrap();
        for c in [o.low, o.high] {
            for v in [c.first, c.second, c.influenced, c.lost, c.direct, c.indirect, c.total] {
                prop_assert!(v.is_finite() && v >= 0.0);
            }
            prop_assert!(c.total >= c.direct);
        }
        prop_assert!(o.high.total >= o.low.total);
        prop_assert!(o.keep_budget_per_year(&p).is_finite());
    }

    #[test]
    fn more_of_any_driver_never_lowers_the_loss(p in arb_params(), which in 0usize..8, bump in 0.0f64..1.0) {
        let param = DRIVERS[which];
        let s = param.spec();
        let mut q = p;
        let mut v = (p.get(param) + bump * (s.max - p.get(param))).min(s.max);
        if s.integer { v = v.floor(); }
        if param == Param::ReachLo { v = v.min(p.reach_hi); }
        q.set(param, v.max(p.get(param)));
        if param == Param::ReachHi || param == Param::ReachLo {
            prop_assert!(mid_total(&q) >= mid_total(&p));
        }
        let (a, b) = (compute(&p).unwrap(), compute(&q).unwrap());
        prop_assert!(b.low.total >= a.low.total - 1e-9 * a.low.total);
        prop_assert!(b.high.total >= a.high.total - 1e-9 * a.high.total);
    }

    #[test]
    fn monte_carlo_never_panics_and_stays_in_bounds(p in arb_params(), trials in 1u32..300) {
        let s = simulate(&p, trials).unwrap();
        let d = direct(&p);
        prop_assert!(s.mean.is_finite() && s.mean >= d);
        prop_assert!(s.min >= d && s.min <= s.p5 && s.p95 <= s.max);
        prop_assert_eq!(s.histogram.counts.iter().map(|&c| c as u64).sum::<u64>(), trials as u64);
    }

    #[test]
    fn any_query_gives_valid_params(q in ".{0,120}") {
        let (p, _) = Params::from_query(&query_pairs(&q));
        prop_assert_eq!(p.validate(), Ok(()));
    }
}
