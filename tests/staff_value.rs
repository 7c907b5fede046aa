//! What a member of staff is worth over time (src/models/staff_value/,
//! lecture 3, 图2-1; lecture 1's 15–40 % turnover): the defaults tell the
//! figure's story (no output while training, still under water after the
//! first year, break-even in year 2), the ramp is the mirror's, the cost of
//! turnover is made of its parts, the address round-trips and bad values are
//! reported and not applied; and the course's invariants as properties
//! (output never above full and never falling after training; break-even
//! later when training is longer or costs higher; turnover cost linear in
//! the team and rising with turnover).

use loyalty_lab::models::mirror::{ramp_output, RISKY_MONTHS, TRAINING_MONTHS};
use loyalty_lab::models::params::{number, ParamSet};
use loyalty_lab::models::staff_value::{Param, Params, COURSE_RANGE, HORIZON, RISKY, SPECS};
use loyalty_lab::routing::route::query_pairs;
use proptest::prelude::*;

fn q(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * b.abs().max(1.0)
}

#[test]
fn defaults_tell_the_story_of_the_figure() {
    let p = Params::default();
    let c = p.curve();
    assert_eq!(c.len(), HORIZON as usize + 1);
    // Hiring day: hiring + training paid, nothing made.
    assert_eq!((c[0].output, c[0].cumulative), (0.0, -13_000.0));
    // Two training months with no output: the net is minus the pay.
    for m in &c[1..=2] {
        assert!(m.training(&p) && m.risky());
        assert_eq!((m.output, m.net), (0.0, -6_000.0));
    }
    assert!(!c[3].training(&p) && c[3].risky() && !c[4].risky());
    // Half of full output 9 months after training.
    assert!(close(p.share(11), 0.5, 1e-12));
    // Still under water at the end of year 1 (a deeper hole than at month 3).
    assert!(c[12].cumulative < c[3].cumulative && c[3].cumulative < 0.0);
    // Break-even in year 2: month 21 (−3,520 after month 20, +2,008 after 21).
    assert_eq!(p.break_even(), Some(21));
    assert!(close(c[20].cumulative, -3_520.07, 1e-6));
    assert!(close(c[21].cumulative, 2_007.90, 1e-6));
    assert!(close(c[36].cumulative, 107_299.97, 1e-6));
    assert!(close(p.value_at_risky_end(), -29_888.12, 1e-6));
    // Output keeps growing in years 2–3.
    assert!(c[36].output > c[24].output && c[24].output > c[12].output);
    let v = p.veteran();
    assert!(close(v.veteran_year, 99_760.94, 1e-6));
    assert!(close(v.newcomer_year, -35_624.11, 1e-6));
    assert!(close(v.gap, 135_385.04, 1e-6));
    assert!(close(v.veteran_output, 13_906.38, 1e-6));
    assert!(close(v.newcomer_output, 4_114.66, 1e-6));
}

#[test]
fn the_ramp_is_the_mirrors() {
    let p = Params::default();
    assert_eq!(p.train_months, TRAINING_MONTHS);
    assert_eq!(RISKY, RISKY_MONTHS as u32);
    // The mirror's default training gives τ = 13 months; ours is within a
    // hundredth of a month of it.
    assert!((p.tau() - 13.0).abs() < 0.02, "{}", p.tau());
    for m in p.curve().iter().skip(1) {
        assert_eq!(m.share, ramp_output(f64::from(m.month), p.train_months, p.tau()));
        assert_eq!(m.output, p.output * m.share);
    }
}

#[test]
fn the_cost_of_turnover_is_made_of_its_parts() {
    let p = Params::default();
    let t = p.turnover_cost();
    assert_eq!(t.leavers, 5.0);
    assert!(close(t.hires_per_post, 1.25, 1e-12));
    assert!(close(t.early_gap, 43_888.12, 1e-6));
    assert!(close(t.ramp_gap, 203_700.03, 1e-6));
    // A quarter of an early leaver per post: (13,000 + 43,888) / 4, then
    // the one who stays: 13,000 + 203,700.
    assert!(close(t.per_post, 230_922.06, 1e-6));
    assert!(close(t.yearly_cost, 1_154_610.30, 1e-6));
    assert!(close(t.share_of_output, 0.3207, 1e-3));
    // The course's range, 15–40 %, in order.
    let costs: Vec<f64> = COURSE_RANGE
        .iter()
        .map(|&y| p.with_turnover(y).turnover_cost().yearly_cost)
        .collect();
    assert!(costs.windows(2).all(|w| w[0] < w[1]));
    assert!(close(costs[0], 692_766.18, 1e-6));
    assert!(close(costs[5], 1_847_376.48, 1e-6));
    // Nobody leaves: nothing to pay; nobody leaves early: one hire a post.
    assert_eq!(p.with_turnover(0.0).turnover_cost().yearly_cost, 0.0);
    let steady = Params { early: 0.0, ..p }.turnover_cost();
    assert_eq!(steady.hires_per_post, 1.0);
    assert!(close(steady.per_post, 13_000.0 + steady.ramp_gap, 1e-12));
}

#[test]
fn a_long_ramp_or_a_low_output_never_breaks_even() {
    let slow = Params {
        train_months: 12.0,
        half: 36.0,
        ..Params::default()
    };
    assert_eq!(slow.break_even(), None);
    let poor = Params {
        output: 6_000.0,
        ..Params::default()
    };
    // Output never exceeds pay: the hole only deepens.
    assert_eq!(poor.break_even(), None);
    assert!(poor.curve().windows(2).all(|w| w[1].cumulative <= w[0].cumulative));
    // Nothing to recover and productive from the start: month 1.
    let easy = Params {
        hire: 0.0,
        train_cost: 0.0,
        train_months: 0.0,
        half: 1.0,
        output: 20_000.0,
        ..Params::default()
    };
    assert_eq!(easy.break_even(), Some(1));
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
        assert_eq!(s.param.spec().key, s.key);
    }
    assert_eq!(SPECS.len(), 9);
    // The bounds keep everything finite: τ > 0, 1 − early > 0, output > 0.
    assert!(Param::Half.spec().min > 0.0 && Param::Early.spec().max < 1.0 && Param::Output.spec().min > 0.0);
    // The course's 15–40 % lies inside the turnover range, the default in it.
    let t = Param::Turnover.spec();
    assert!(t.min < 0.15 && t.max > 0.40 && (0.15..=0.40).contains(&t.default));
}

#[test]
fn reads_and_writes_the_address() {
    let (p, bad) = Params::from_query(&q(&[
        ("pay", "7500"),
        ("train_months", "4"),
        ("early", "0.35"),
        ("team", "120"),
        ("turnover", "0.4"),
        ("lang", "en"),
        ("reveal", "2"),
    ]));
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(
        (p.pay, p.train_months, p.early, p.team, p.turnover),
        (7_500.0, 4.0, 0.35, 120.0, 0.4)
    );
    assert_eq!(Params::from_query(&query_pairs(&p.to_query())), (p, vec![]));
    assert_eq!(Params::from_compact(&p.to_compact()), Some(p));
    assert_eq!(Params::from_compact("1,2,3"), None);
    let mut values: Vec<String> = SPECS.iter().map(|s| number(s.default)).collect();
    values[4] = "2.5".into();
    assert_eq!(
        Params::from_compact(&values.join(",")),
        None,
        "training months must be whole"
    );
}

#[test]
fn bad_values_are_reported_and_keep_their_defaults() {
    let d = Params::default();
    for s in SPECS {
        let other = if s.param == Param::Team {
            Param::Pay
        } else {
            Param::Team
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
            // Another parameter in the same address still applies.
            let (p, bad) = Params::from_query(&q(&[(s.key, v), (other.spec().key, "700")]));
            assert_eq!(bad.len(), 1, "{}={v}", s.key);
            assert_eq!((bad[0].name.as_str(), bad[0].value.as_str()), (s.key, v));
            assert_eq!(p.get(s.param), d.get(s.param), "{}={v}", s.key);
            assert_eq!(p.get(other), 700.0);
            assert!(p.turnover_cost().yearly_cost.is_finite());
        }
    }
    for (k, v) in [
        ("team", "2.5"),
        ("train_months", "1.5"),
        ("half", "0"),
        ("early", "1"),
        ("turnover", "0.9"),
    ] {
        let (p, bad) = Params::from_query(&q(&[(k, v)]));
        assert_eq!((bad.len(), p), (1, d), "{k}={v}");
    }
}

/// Any valid set of parameters (whole numbers where the spec says so).
fn params() -> impl Strategy<Value = Params> {
    prop::array::uniform9(0.0..=1.0f64).prop_map(|f| {
        let mut p = Params::default();
        for (s, x) in SPECS.iter().zip(f) {
            let v = s.min + x * (s.max - s.min);
            p.set(s.param, if s.integer { v.round() } else { v });
        }
        p
    })
}

/// Break-even as a number that orders "never" last.
fn later(p: &Params) -> u32 {
    p.break_even().unwrap_or(u32::MAX)
}

proptest! {
    #[test]
    fn output_is_never_above_full_and_never_falls_after_training(p in params()) {
        prop_assert!(p.is_valid());
        let c = p.curve();
        for m in &c {
            prop_assert!(m.output.is_finite() && m.cumulative.is_finite());
            prop_assert!(m.output >= 0.0 && m.output <= p.output);
            prop_assert!((0.0..=1.0).contains(&m.share));
            if m.training(&p) {
                prop_assert_eq!(m.output, 0.0);
            }
        }
        for w in c[1..].windows(2) {
            prop_assert!(w[1].output >= w[0].output);
        }
        // Once crossed, the line stays above zero.
        if let Some(b) = p.break_even() {
            prop_assert!(c[b as usize..].iter().all(|m| m.cumulative >= 0.0));
            prop_assert!(c[..b as usize].iter().all(|m| m.cumulative < 0.0) || p.entry_cost() == 0.0);
        }
        let v = p.veteran();
        prop_assert!(v.gap >= 0.0 && v.veteran_output >= v.newcomer_output);
    }

    #[test]
    fn break_even_comes_later_with_longer_training_or_higher_costs(p in params(), d in 0.0..5_000.0f64, months in 0u32..4) {
        let b = later(&p);
        let with = |f: &dyn Fn(&mut Params)| {
            let mut q = p;
            f(&mut q);
            later(&q)
        };
        prop_assert!(with(&|q| q.train_months = (q.train_months + f64::from(months)).min(12.0)) >= b);
        prop_assert!(with(&|q| q.half = (q.half + d / 1_000.0).min(36.0)) >= b);
        prop_assert!(with(&|q| q.pay += d) >= b);
        prop_assert!(with(&|q| q.hire += d) >= b);
        prop_assert!(with(&|q| q.train_cost += d) >= b);
        prop_assert!(with(&|q| q.output += d) <= b);
    }

    #[test]
    fn turnover_cost_is_linear_in_the_team_and_rises_with_turnover(p in params(), k in 1u32..8, d in 0.0..0.3f64) {
        let t = p.turnover_cost();
        prop_assert!(t.yearly_cost.is_finite() && t.yearly_cost >= 0.0 && t.per_post > 0.0);
        let bigger = p.with_team(p.team * f64::from(k)).turnover_cost();
        prop_assert!(close(bigger.yearly_cost, t.yearly_cost * f64::from(k), 1e-9));
        // Per person it is the same team.
        prop_assert!(close(bigger.share_of_output, t.share_of_output, 1e-9));
        let more = p.with_turnover(p.turnover + d).turnover_cost();
        prop_assert!(more.yearly_cost >= t.yearly_cost);
        if d > 0.0 {
            prop_assert!(more.yearly_cost > t.yearly_cost);
        }
        // Early leavers and a slower ramp only add to it.
        let mut risky = p;
        risky.early = (p.early + d).min(0.9);
        let risky = risky.turnover_cost();
        prop_assert!(risky.yearly_cost >= t.yearly_cost);
        let mut slow = p;
        slow.half = (p.half + d * 10.0).min(36.0);
        let slow = slow.turnover_cost();
        prop_assert!(slow.yearly_cost >= t.yearly_cost - 1e-9 * t.yearly_cost.max(1.0));
    }

    #[test]
    fn parameters_round_trip_through_the_address(p in params()) {
        prop_assert_eq!(Params::from_query(&query_pairs(&p.to_query())), (p, vec![]));
        prop_assert_eq!(Params::from_compact(&p.to_compact()), Some(p));
    }
}
