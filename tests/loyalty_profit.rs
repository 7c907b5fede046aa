//! Loyalty over time (lecture 2, 图1-2 to 图1-5): the defaults reproduce the
//! course's claims (a year-0 loss, profit rising with tenure, +5 points of
//! retention inside Reichheld & Sasser's 25–85 %, the low-loyalty firm paying
//! more for the same sales), the properties the issue asks for, bad values
//! refused, and the address and A/B round trips.

use loyalty_lab::models::loyalty_profit::*;
use loyalty_lab::models::params::ParamSet;
use loyalty_lab::routing::route::query_pairs;
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

fn with(pairs: &[(Param, f64)]) -> Params {
    let mut p = Params::default();
    for &(k, v) in pairs {
        p.set(k, v);
    }
    p
}

#[test]
fn specs_list_every_parameter_once_with_valid_defaults() {
    let mut keys: Vec<_> = SPECS.iter().map(|s| s.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), SPECS.len());
    for s in &SPECS {
        assert_eq!(Params::spec_of(s.param).key, s.key);
        assert!(s.check(s.default).is_ok(), "{}", s.key);
    }
    assert_eq!(Params::default().validate(), Ok(()));
    // Five more points always fit under 100 %.
    assert!(Param::Retention.spec().max + UPLIFT_POINTS <= 1.0 + 1e-12);
}

#[test]
fn defaults_reproduce_the_course() {
    let p = Params::default();
    let c = customer(&p).unwrap();
    assert_eq!(c.years.len(), 11);
    // Year 0 is the loss of winning the customer (图1-2/图1-3).
    assert_eq!(c.years[0].parts, [-60.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
    assert_eq!(c.years[0].profit, -60.0);
    assert_eq!(c.years[1].profit, 20.0);
    assert_eq!(c.years[10].profit, 110.0);
    assert_eq!(c.years[10].parts, [0.0, 20.0, 36.0, 27.0, 18.0, 9.0]);
    for w in c.years.windows(2) {
        assert!(w[1].profit >= w[0].profit);
    }
    assert_eq!(c.payback, Some(3));
    println!("clv {:.4} plus {:.4} uplift {:?}", c.clv, c.clv_plus, c.uplift);
    assert!((c.clv - 75.3168).abs() < 1e-3, "{}", c.clv);
    assert!((c.clv_plus - 109.2434).abs() < 1e-3, "{}", c.clv_plus);
    let u = c.uplift.unwrap();
    assert!((u - 45.045).abs() < 1e-2, "{u}");
    // Inside Reichheld & Sasser's 25–85 %, and not at an edge.
    assert!((35.0..=75.0).contains(&u), "{u}");
    assert!(c.clv_undiscounted > c.clv);

    let f = firms(&p).unwrap();
    assert_eq!(f.high.customers, f.low.customers);
    assert_eq!((f.high.new_customers, f.low.new_customers), (200.0, 400.0));
    assert_eq!(
        (f.high.acquisition_spend, f.low.acquisition_spend),
        (12_000.0, 24_000.0)
    );
    assert_eq!((f.high.keep_spend, f.low.keep_spend), (9_600.0, 7_200.0));
    assert_eq!((f.high.spend, f.low.spend), (21_600.0, 31_200.0));
    assert!(close(f.high.profit_per_customer, 60.0) && close(f.low.profit_per_customer, 35.0));
    assert!(f.high.net > f.low.net);
    assert!(close(f.acquisition_ratio().unwrap(), 2.0));
}

#[test]
fn the_expected_value_follows_the_documented_convention() {
    let p = Params::default();
    let c = customer(&p).unwrap();
    let mut sum = 0.0;
    for y in &c.years {
        let t = y.year as i32;
        let survival = if t <= 1 { 1.0 } else { p.retention.powi(t - 1) };
        assert!(close(y.survival, survival));
        assert!(close(y.expected, survival * y.profit / 1.1f64.powi(t)));
        sum += y.expected;
        assert!(close(y.cumulative, sum));
    }
    assert!(close(c.clv, sum));
    // Undiscounted: discount 0.
    let plain = Params { discount: 0.0, ..p };
    assert!(close(customer(&plain).unwrap().clv, c.clv_undiscounted));
}

#[test]
fn uplift_is_none_at_a_zero_clv_and_signed_from_a_loss() {
    assert_eq!(change(0.0, 5.0), None);
    assert_eq!(change(-10.0, -5.0), Some(50.0));
    assert_eq!(change(10.0, 15.0), Some(50.0));
    // A customer who never pays back: CLV negative, five points still help.
    let p = with(&[(Param::Acquisition, 5_000.0)]);
    let c = customer(&p).unwrap();
    assert!(c.clv < 0.0 && c.uplift.unwrap() > 0.0 && c.payback.is_none());
}

#[test]
fn invalid_parameters_are_errors_not_panics() {
    for s in &SPECS {
        for bad in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            s.min - s.step,
            s.max + s.step,
            -1e300,
            1e300,
        ] {
            let p = with(&[(s.param, bad)]);
            assert!(p.validate().is_err(), "{} = {bad}", s.key);
            assert!(customer(&p).is_err() && firms(&p).is_err(), "{} = {bad}", s.key);
        }
        if s.integer {
            let p = with(&[(s.param, s.default + 0.5)]);
            assert!(matches!(p.validate(), Err(ParamError::NotWhole { .. })), "{}", s.key);
        }
    }
    let p = with(&[(Param::Retention, 0.5), (Param::LowRetention, 0.6)]);
    assert_eq!(p.validate(), Err(ParamError::RetentionOrder { low: 0.6, high: 0.5 }));
    assert!(customer(&p).is_err());
}

#[test]
fn bad_address_values_keep_their_defaults_and_are_reported() {
    let d = Params::default();
    for s in &SPECS {
        let other = if s.key == "base" { Param::Spend } else { Param::Base };
        for bad in [
            "abc",
            "",
            "NaN",
            "inf",
            "1e309",
            "-1",
            "0x10",
            "1,5",
            "<script>",
            "99999999999999999999",
        ] {
            let pairs = vec![
                (s.key.to_owned(), bad.to_owned()),
                (other.spec().key.to_owned(), "7".to_owned()),
            ];
            let (p, reported) = Params::from_query(&pairs);
            assert_eq!(p.get(s.param), d.get(s.param), "{}={bad}", s.key);
            assert!(
                reported.iter().any(|b| b.name == s.key && b.value == bad),
                "{}={bad}",
                s.key
            );
            assert_eq!(p.get(other), 7.0, "others are kept");
            assert_eq!(p.validate(), Ok(()));
        }
    }
    let (p, bad) = Params::from_query(&query_pairs("retention=0.4&low_retention=0.7&base=25"));
    assert_eq!((p.retention, p.low_retention, p.base), (0.8, 0.6, 25.0));
    let names: Vec<_> = bad.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["retention", "low_retention"]);
    assert!(matches!(
        Params::order_broken(&query_pairs("retention=0.4&low_retention=0.7")),
        Some(ParamError::RetentionOrder { .. })
    ));
    // Only the end the address gave is named.
    let (_, bad) = Params::from_query(&query_pairs("low_retention=0.9"));
    assert_eq!(bad.len(), 1);
    assert_eq!(
        Params::order_broken(&query_pairs("retention=0.9&low_retention=abc")),
        None
    );
    assert_eq!(Params::order_broken(&query_pairs("")), None);
}

#[test]
fn address_and_comparison_round_trip() {
    let p = with(&[
        (Param::Acquisition, 123.0),
        (Param::Retention, 0.91),
        (Param::Years, 25.0),
    ]);
    let (q, bad) = Params::from_query(&query_pairs(&p.to_query()));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(q, p);
    assert_eq!(Params::from_compact(&p.to_compact()), Some(p));
    assert_eq!(Params::default().to_compact(), "60,20,4,3,2,1,0.8,0.1,10,0.6,1000,5");
    for bad in [
        "",
        "1,2",
        "60,20,4,3,2,1,0.8,0.1,10,0.6,1000",
        "60,20,4,3,2,1,0.5,0.1,10,0.6,1000,5",
        "x,20,4,3,2,1,0.8,0.1,10,0.6,1000,5",
    ] {
        assert_eq!(Params::from_compact(bad), None, "{bad}");
    }
}

fn arb() -> impl Strategy<Value = Params> {
    let v = |s: &Spec| {
        let (min, max, step, integer) = (s.min, s.max, s.step, s.integer);
        (0u32..=1000).prop_map(move |k| {
            let x = min + (max - min) * f64::from(k) / 1000.0;
            let x = if integer { x.round() } else { (x / step).round() * step };
            x.clamp(min, max)
        })
    };
    let values: Vec<_> = SPECS.iter().map(v).collect();
    values.prop_map(|vs| {
        let mut p = Params::default();
        for (s, x) in SPECS.iter().zip(vs) {
            p.set(s.param, x);
        }
        if p.low_retention > p.retention {
            std::mem::swap(&mut p.low_retention, &mut p.retention);
        }
        p
    })
}

proptest! {
    #[test]
    fn everything_is_finite(p in arb()) {
        prop_assert_eq!(p.validate(), Ok(()));
        let c = customer(&p).unwrap();
        prop_assert!(c.clv.is_finite() && c.clv_plus.is_finite() && c.clv_undiscounted.is_finite());
        prop_assert!(c.uplift.is_none_or(f64::is_finite));
        let f = firms(&p).unwrap();
        for x in [f.high, f.low] {
            prop_assert!([x.new_customers, x.acquisition_spend, x.keep_spend, x.spend, x.profit_per_customer, x.net].iter().all(|v| v.is_finite()));
        }
    }

    #[test]
    fn clv_rises_with_retention(p in arb(), a in 0.0f64..=1.0, b in 0.0f64..=1.0) {
        let (lo, hi) = (a.min(b), a.max(b));
        prop_assert!(clv_at(&p, lo) <= clv_at(&p, hi) + 1e-9 * (1.0 + clv_at(&p, hi).abs()));
    }

    #[test]
    fn five_points_help_whenever_later_years_earn(p in arb()) {
        let c = customer(&p).unwrap();
        let later_earn = c.years.iter().skip(2).any(|y| y.profit > 0.0);
        if later_earn {
            prop_assert!(c.clv_plus > c.clv, "{:?}", c);
            prop_assert!(c.uplift.is_none_or(|u| u > 0.0), "{:?}", c.uplift);
        }
    }

    #[test]
    fn yearly_profit_after_year_0_positive_means_a_positive_uplift(p in arb()) {
        // Every year after year 0 earns: base > 0 (growth is never negative).
        let p = Params { base: p.base.max(1.0), ..p };
        let c = customer(&p).unwrap();
        prop_assert!(c.years.iter().skip(1).all(|y| y.profit > 0.0));
        prop_assert!(c.clv_plus > c.clv);
        prop_assert!(c.uplift.is_none_or(|u| u > 0.0));
    }

    #[test]
    fn profit_per_year_never_falls_with_tenure(p in arb()) {
        let c = customer(&p).unwrap();
        for w in c.years[1..].windows(2) {
            prop_assert!(w[1].profit >= w[0].profit);
            for (a, b) in w[0].parts.iter().zip(w[1].parts) {
                prop_assert!(b >= *a);
            }
        }
    }

    #[test]
    fn zero_retention_leaves_year_one_minus_acquisition(p in arb()) {
        let p = Params { retention: 0.0, low_retention: 0.0, ..p };
        let c = customer(&p).unwrap();
        prop_assert!(close(c.clv, -p.acquisition + p.base / (1.0 + p.discount)), "{} vs {}", c.clv, -p.acquisition + p.base / (1.0 + p.discount));
        let plain = Params { discount: 0.0, ..p };
        prop_assert!(close(customer(&plain).unwrap().clv, -p.acquisition + p.base));
    }

    #[test]
    fn two_firms_same_sales_and_the_less_loyal_pays_more(p in arb(), low in 0.0f64..=0.95, high in 0.0f64..=0.95) {
        let (lo, hi) = (low.min(high), low.max(high));
        let a = firm(&p, hi);
        let b = firm(&p, lo);
        prop_assert_eq!(a.customers, b.customers);
        prop_assert!(close(a.kept + a.new_customers, p.customers) && close(b.kept + b.new_customers, p.customers));
        prop_assert!(b.acquisition_spend >= a.acquisition_spend);
        prop_assert!(b.spend >= a.spend - 1e-9 * (1.0 + a.spend));
        if lo < hi && p.acquisition > 0.0 {
            prop_assert!(b.acquisition_spend > a.acquisition_spend);
            prop_assert!(b.new_customers > a.new_customers);
        }
        let f = firms(&p).unwrap();
        prop_assert_eq!(f.high.customers, f.low.customers);
        prop_assert!(f.low.acquisition_spend >= f.high.acquisition_spend);
        if p.low_retention < p.retention && p.acquisition > 0.0 {
            prop_assert!(f.low.acquisition_spend > f.high.acquisition_spend);
        }
    }

    #[test]
    fn address_and_comparison_round_trip_any(p in arb()) {
        let (q, bad) = Params::from_query(&query_pairs(&p.to_query()));
        prop_assert!(bad.is_empty());
        prop_assert_eq!(q, p);
        prop_assert_eq!(Params::from_compact(&p.to_compact()), Some(p));
    }

    #[test]
    fn any_query_gives_valid_parameters(q in ".{0,120}") {
        let (p, _) = Params::from_query(&query_pairs(&q));
        prop_assert_eq!(p.validate(), Ok(()));
    }
}
