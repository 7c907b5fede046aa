//! The tenure curve of `#/staff-value` (图2-1) as one SVG of two panels on
//! one month axis: output per month against pay (top) and the cumulative
//! value crossing zero at the break-even month (bottom), the risky first
//! months shaded and the training months marked; a title, a description
//! and every month in a table beside it.

use super::yuan;
use crate::models::staff_value::{Params, TenureMonth, HORIZON, RISKY};
use crate::support::format::Num;
use crate::support::format::{fixed, trim};
use crate::support::i18n::{tr, trf, Lang};
use yew::prelude::*;

const W: f64 = 640.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 12.0;
const TOP: (f64, f64) = (30.0, 120.0);
const BOTTOM: (f64, f64) = (200.0, 130.0);
const H: f64 = 390.0;

fn x(m: f64) -> f64 {
    LEFT + m / f64::from(HORIZON) * (W - LEFT - RIGHT)
}

fn path(points: impl Iterator<Item = (f64, f64)>) -> String {
    points
        .enumerate()
        .map(|(i, (a, b))| format!("{}{},{}", if i == 0 { "M" } else { " L" }, fixed(a, 1), fixed(b, 1)))
        .collect()
}

/// A horizontal grid line with its label on the left.
fn grid(y: f64, label: String, class: &'static str) -> Html {
    html! {
        <g>
            <line class={class} x1={LEFT.num()} x2={(W - RIGHT).num()} y1={fixed(y, 1)} y2={fixed(y, 1)} />
            <text class="tick" x={(LEFT - 4.0).num()} y={fixed(y + 4.0, 1)} text-anchor="end">{ label }</text>
        </g>
    }
}

/// The two panels, the legend and the table; `cumulative`: whether the
/// lower panel is revealed yet (the step-through shows output first).
pub fn tenure_chart(lang: Lang, p: &Params, curve: &[TenureMonth], even: Option<u32>, cumulative: bool) -> Html {
    let top_max = p.output.max(p.pay);
    let yt = |v: f64| TOP.0 + (1.0 - (v / top_max).clamp(0.0, 1.0)) * TOP.1;
    let lo = curve.iter().map(|m| m.cumulative).fold(0.0f64, f64::min);
    let hi = curve.iter().map(|m| m.cumulative).fold(0.0f64, f64::max);
    let span = (hi - lo).max(1.0);
    let yb = |v: f64| BOTTOM.0 + (1.0 - ((v - lo) / span).clamp(0.0, 1.0)) * BOTTOM.1;
    let bottom_end = BOTTOM.0 + BOTTOM.1;
    let train = p.train_months.min(f64::from(HORIZON));
    let even_text = match even {
        Some(m) => trf(lang, "staff.even_month", &[("m", &m.to_string())]),
        None => tr(lang, "staff.even_never"),
    };
    let last = curve.last().map_or(0.0, |m| m.cumulative);
    let desc = trf(
        lang,
        "staff.chart_desc",
        &[
            ("train", &trim(p.train_months, 0)),
            ("half", &trim(p.half, 1)),
            ("output", &yuan(p.output)),
            ("pay", &yuan(p.pay)),
            ("low", &yuan(lo)),
            ("even", &even_text),
            ("last", &yuan(last)),
        ],
    );
    let conceal = (!cumulative).then_some("concealed");
    html! {
        <figure class="chart staff-chart">
            <svg viewBox={format!("0 0 {} {}", W.num(), H.num())} role="img" aria-labelledby="staff-chart-title staff-chart-desc" data-testid="staff-chart">
                <title id="staff-chart-title">{ tr(lang, "staff.chart_title") }</title>
                <desc id="staff-chart-desc">{ desc }</desc>
                <rect class="risky" x={fixed(x(0.0), 1)} y={(TOP.0 - 4.0).num()}
                    width={fixed(x(f64::from(RISKY)) - x(0.0), 1)} height={(bottom_end - TOP.0 + 4.0).num()} />
                <text class="tick" x={fixed(x(0.0) + 4.0, 1)} y={(TOP.0 - 10.0).num()}>
                    { trf(lang, "staff.chart_risky", &[("n", &RISKY.to_string())]) }
                </text>
                <text class="tick panel" x={(W - RIGHT).num()} y={(TOP.0 - 10.0).num()} text-anchor="end">{ tr(lang, "staff.chart_output") }</text>
                { grid(yt(0.0), yuan(0.0), "axis") }
                { grid(yt(top_max), yuan(top_max), "grid") }
                if train > 0.0 {
                    <rect class="training" x={fixed(x(0.0), 1)} y={fixed(yt(0.0) - 8.0, 1)}
                        width={fixed(x(train) - x(0.0), 1)} height="8" />
                }
                <line class="pay" x1={LEFT.num()} x2={(W - RIGHT).num()} y1={fixed(yt(p.pay), 1)} y2={fixed(yt(p.pay), 1)} />
                <path class="line s0" d={path(curve.iter().map(|m| (x(f64::from(m.month)), yt(m.output))))} />
                <g class={classes!(conceal)}>
                    <text class="tick panel" x={(W - RIGHT).num()} y={(BOTTOM.0 - 8.0).num()} text-anchor="end">{ tr(lang, "staff.chart_cumulative") }</text>
                    if hi > 0.0 {
                        { grid(yb(hi), yuan(hi), "grid") }
                    }
                    { grid(yb(0.0), yuan(0.0), "axis") }
                    if lo < 0.0 {
                        { grid(yb(lo), yuan(lo), "grid") }
                    }
                    <path class="line s1" d={path(curve.iter().map(|m| (x(f64::from(m.month)), yb(m.cumulative))))} />
                    if let Some(m) = even {
                        <g class="marker">
                            <line x1={fixed(x(f64::from(m)), 1)} x2={fixed(x(f64::from(m)), 1)}
                                y1={TOP.0.num()} y2={bottom_end.num()} />
                            <text x={fixed(x(f64::from(m)), 1)} y={(bottom_end + 32.0).num()} text-anchor="middle">{ &even_text }</text>
                        </g>
                    }
                </g>
                { for (0..=HORIZON).step_by(6).map(|m| html! {
                    <text class="tick" x={fixed(x(f64::from(m)), 1)} y={(bottom_end + 16.0).num()} text-anchor="middle">{ m }</text>
                }) }
                <text class="tick" x={(W - RIGHT).num()} y={(H - 4.0).num()} text-anchor="end">{ tr(lang, "staff.chart_x") }</text>
            </svg>
            <ul class="legend">
                <li><span class="swatch s0" aria-hidden="true"></span>{ tr(lang, "staff.col_output") }</li>
                <li><span class="swatch s3 dashed" aria-hidden="true"></span>{ tr(lang, "staff.pay") }</li>
                <li class={classes!(conceal)}><span class="swatch s1" aria-hidden="true"></span>{ tr(lang, "staff.col_cumulative") }</li>
                <li><span class="swatch staff-swatch risky" aria-hidden="true"></span>{ trf(lang, "staff.chart_risky", &[("n", &RISKY.to_string())]) }</li>
                <li><span class="swatch staff-swatch training" aria-hidden="true"></span>{ tr(lang, "staff.chart_training") }</li>
            </ul>
            <details class="chart-table">
                <summary>{ tr(lang, "staff.table_summary") }</summary>
                { table(lang, p, curve, even) }
            </details>
        </figure>
    }
}

/// Every month of the curve as text.
fn table(lang: Lang, p: &Params, curve: &[TenureMonth], even: Option<u32>) -> Html {
    html! {
        <table class="status-table" data-testid="staff-table">
            <thead><tr>
                <th scope="col">{ tr(lang, "staff.col_month") }</th>
                <th scope="col">{ tr(lang, "staff.col_share") }</th>
                <th scope="col">{ tr(lang, "staff.col_output") }</th>
                <th scope="col">{ tr(lang, "staff.col_net") }</th>
                <th scope="col">{ tr(lang, "staff.col_cumulative") }</th>
            </tr></thead>
            <tbody>
                { for curve.iter().map(|m| {
                    let note = if m.month == 0 {
                        tr(lang, "staff.row_hired")
                    } else if m.training(p) {
                        tr(lang, "staff.row_training")
                    } else if m.risky() {
                        tr(lang, "staff.row_risky")
                    } else {
                        String::new()
                    };
                    html! {
                        <tr class={classes!((Some(m.month) == even).then_some("current"))} data-testid={format!("staff-row-{}", m.month)}>
                            <th scope="row">{ m.month }{ if note.is_empty() { String::new() } else { format!(" ({note})") } }</th>
                            <td>{ format!("{}%", trim(m.share * 100.0, 0)) }</td>
                            <td>{ yuan(m.output) }</td>
                            <td>{ yuan(m.net) }</td>
                            <td>{ yuan(m.cumulative) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
