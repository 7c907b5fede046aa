//! Scenario A (kept) beside scenario B (the sliders now) on `#/staff-value`:
//! the assumptions that differ, then break-even, the value after three
//! years, the veteran's edge and the yearly cost of turnover.

use super::{label_key, yuan};
use crate::models::params::ParamSet;
use crate::models::staff_value::{Params, HORIZON, SPECS};
use crate::support::format::trim;
use crate::support::i18n::{tr, trf, Lang};
use yew::prelude::*;

/// A signed money difference (B − A).
fn diff(d: f64) -> String {
    let s = yuan(d.abs());
    if d.round() == 0.0 {
        yuan(0.0)
    } else if d > 0.0 {
        format!("+{s}")
    } else {
        format!("-{s}")
    }
}

fn even(lang: Lang, p: &Params) -> String {
    p.break_even().map_or_else(
        || trf(lang, "staff.even_never_short", &[("n", &HORIZON.to_string())]),
        |m| m.to_string(),
    )
}

pub fn comparison(lang: Lang, a: &Params, b: &Params) -> Html {
    let changed: Vec<(String, String, String)> = SPECS
        .iter()
        .filter(|s| a.get(s.param) != b.get(s.param))
        .map(|s| {
            let show = |p: &Params| {
                let v = p.get(s.param);
                if s.percent {
                    format!("{}%", trim(v * 100.0, 0))
                } else {
                    trim(v, 1)
                }
            };
            (tr(lang, label_key(s.param)), show(a), show(b))
        })
        .collect();
    let months = match (a.break_even(), b.break_even()) {
        (Some(x), Some(y)) => format!("{:+}", i64::from(y) - i64::from(x)),
        _ => String::new(),
    };
    let last = |p: &Params| p.curve().last().map_or(0.0, |m| m.cumulative);
    let money = |label: String, id: &'static str, f: &dyn Fn(&Params) -> f64| {
        (label, yuan(f(a)), yuan(f(b)), diff(f(b) - f(a)), id)
    };
    let rows = [
        (
            tr(lang, "staff.breakeven"),
            even(lang, a),
            even(lang, b),
            months,
            "breakeven",
        ),
        money(
            trf(lang, "staff.value_end", &[("n", &HORIZON.to_string())]),
            "value-36",
            &last,
        ),
        money(tr(lang, "staff.veteran_gap"), "veteran-gap", &|p| p.veteran().gap),
        money(tr(lang, "staff.turnover_cost"), "turnover-cost", &|p| {
            p.turnover_cost().yearly_cost
        }),
    ];
    html! {
        <section class="compare" aria-labelledby="staff-compare-h" data-testid="staff-compare">
            <h2 id="staff-compare-h">{ tr(lang, "staff.compare") }</h2>
            if changed.is_empty() {
                <p>{ tr(lang, "smith.compare_same") }</p>
            }
            <table class="status-table">
                <thead><tr>
                    <th scope="col"></th>
                    <th scope="col">{ tr(lang, "staff.scenario_a") }</th>
                    <th scope="col">{ tr(lang, "staff.scenario_b") }</th>
                    <th scope="col">{ tr(lang, "smith.col_diff") }</th>
                </tr></thead>
                <tbody>
                    { for changed.iter().map(|(label, va, vb)| html! {
                        <tr class="assumption"><th scope="row">{ label }</th><td>{ va }</td><td>{ vb }</td><td></td></tr>
                    }) }
                    { for rows.iter().map(|(label, va, vb, d, id)| html! {
                        <tr data-testid={format!("staff-compare-{id}")}>
                            <th scope="row">{ label }</th>
                            <td data-testid={format!("staff-a-{id}")}>{ va }</td>
                            <td data-testid={format!("staff-b-{id}")}>{ vb }</td>
                            <td>{ d }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
