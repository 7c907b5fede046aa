//! Figure 图6-1 as SVG: the customer's side above the line (expected and
//! perceived service), the firm's below (managers' idea of the expectation,
//! service standards, delivery, promises), each gap marked on the link it
//! opens, each part revealed at its step; and the same chain as a table.

use super::{gap_name, score};
use crate::models::gaps::{Chain, Gap, Params};
use crate::support::format::Num;
use crate::support::i18n::{tr, trf, Lang};
use yew::prelude::*;

/// The main column of boxes and its size.
const X: f64 = 170.0;
const W: f64 = 230.0;
const H: f64 = 50.0;
/// The promises box, right of delivery.
const PX: f64 = 470.0;
const PW: f64 = 160.0;
/// Top of each box.
const Y_EXPECTED: f64 = 16.0;
const Y_PERCEIVED: f64 = 96.0;
const Y_DELIVERED: f64 = 196.0;
const Y_STANDARDS: f64 = 290.0;
const Y_PERCEPTION: f64 = 384.0;
/// The line between the customer and the firm.
const LINE: f64 = 170.0;
/// The x of the gap-1 link, left of the boxes.
const G1X: f64 = 60.0;

fn conceal(hidden: bool) -> Option<&'static str> {
    hidden.then_some("concealed")
}

/// A stage's box: its name and its score.
fn stage(x: f64, y: f64, w: f64, name: String, v: f64, id: &str, hide: bool) -> Html {
    html! {
        <g class={classes!("box", conceal(hide))} data-testid={format!("gaps-box-{id}")}>
            <rect x={x.num()} y={y.num()} width={w.num()} height={H.num()} rx="8" />
            <text x={(x + w / 2.0).num()} y={(y + 20.0).num()} text-anchor="middle">{ name }</text>
            <text class="score" x={(x + w / 2.0).num()} y={(y + 40.0).num()} text-anchor="middle">{ score(v) }</text>
        </g>
    }
}

/// A gap's label, two lines ("Gap 2", its points) at (x, y).
fn label(lang: Lang, n: usize, v: f64, x: f64, y: f64, anchor: &'static str) -> Html {
    html! {
        <text class="gap-label" x={x.num()} y={y.num()} text-anchor={anchor}>
            <tspan x={x.num()}>{ trf(lang, "gaps.gap_n", &[("n", &n.to_string())]) }</tspan>
            <tspan x={x.num()} dy="16">{ score(v) }</tspan>
        </text>
    }
}

/// An upward arrowhead with its tip at (x, y).
fn head_up(x: f64, y: f64) -> Html {
    html! { <polygon class="head" points={format!("{},{} {},{} {},{}", (x - 5.0).num(), (y + 9.0).num(), (x + 5.0).num(), (y + 9.0).num(), x.num(), y.num())} /> }
}

fn gap_class(v: f64) -> Classes {
    classes!("gap-line", (v <= 0.0).then_some("closed"))
}

/// The figure. `hidden(step)`: whether that step is still to come.
pub fn figure(lang: Lang, c: &Chain, hidden: &dyn Fn(usize) -> bool) -> Html {
    let eff = |g: Gap| c.effective(g);
    let mid = X + W / 2.0;
    let desc = trf(
        lang,
        "gaps.figure_desc",
        &[
            ("expected", &score(c.expected)),
            ("perception", &score(c.perception)),
            ("standards", &score(c.standards)),
            ("delivered", &score(c.delivered)),
            ("promised", &score(c.promised)),
            ("perceived", &score(c.perceived)),
            ("gap5", &score(c.gap5())),
        ],
    );
    let g5 = c.gap5();
    html! {
        <figure class="chart gaps-figure">
            <svg viewBox="0 0 640 440" role="img" aria-labelledby="gaps-figure-title gaps-figure-desc" data-testid="gaps-figure">
                <title id="gaps-figure-title">{ tr(lang, "gaps.figure_title") }</title>
                <desc id="gaps-figure-desc">{ desc }</desc>
                <rect class="customer-side" x="0" y="0" width="640" height={LINE.num()} />
                <text class="side" x="8" y="20">{ tr(lang, "gaps.side_customer") }</text>
                <text class="side" x="8" y={(LINE + 22.0).num()}>{ tr(lang, "gaps.side_firm") }</text>
                <line class="divide" x1="0" x2="640" y1={LINE.num()} y2={LINE.num()} />

                { stage(X, Y_EXPECTED, W, tr(lang, "gaps.stage_expected"), c.expected, "expected", false) }

                // Gap 1: from what customers expect down to what managers think they expect.
                <g class={classes!(conceal(hidden(1)))}>
                    <path class={gap_class(eff(Gap::Knowing))}
                        d={format!("M{},{} H{} V{} H{}", X.num(), (Y_EXPECTED + 14.0).num(), G1X.num(), (Y_PERCEPTION + H / 2.0).num(), (X - 9.0).num())} fill="none" />
                    <polygon class="head" points={format!("{},{} {},{} {},{}", (X - 9.0).num(), (Y_PERCEPTION + H / 2.0 - 5.0).num(), (X - 9.0).num(), (Y_PERCEPTION + H / 2.0 + 5.0).num(), X.num(), (Y_PERCEPTION + H / 2.0).num())} />
                    { label(lang, 1, eff(Gap::Knowing), G1X + 8.0, 310.0, "start") }
                    { stage(X, Y_PERCEPTION, W, tr(lang, "gaps.stage_perception"), c.perception, "perception", false) }
                </g>

                <g class={classes!(conceal(hidden(2)))}>
                    <line class={gap_class(eff(Gap::Standards))} x1={mid.num()} x2={mid.num()}
                        y1={Y_PERCEPTION.num()} y2={(Y_STANDARDS + H + 9.0).num()} />
                    { head_up(mid, Y_STANDARDS + H) }
                    { label(lang, 2, eff(Gap::Standards), mid + 10.0, Y_STANDARDS + H + 16.0, "start") }
                    { stage(X, Y_STANDARDS, W, tr(lang, "gaps.stage_standards"), c.standards, "standards", false) }
                </g>

                <g class={classes!(conceal(hidden(3)))}>
                    <line class={gap_class(eff(Gap::Delivery))} x1={mid.num()} x2={mid.num()}
                        y1={Y_STANDARDS.num()} y2={(Y_DELIVERED + H + 9.0).num()} />
                    { head_up(mid, Y_DELIVERED + H) }
                    { label(lang, 3, eff(Gap::Delivery), mid + 10.0, Y_DELIVERED + H + 16.0, "start") }
                    { stage(X, Y_DELIVERED, W, tr(lang, "gaps.stage_delivered"), c.delivered, "delivered", false) }
                </g>

                // Gap 4: what is promised against what is delivered; promises shape expectations.
                <g class={classes!(conceal(hidden(4)))}>
                    <line class={gap_class(c.promised - c.delivered)} x1={(X + W).num()} x2={PX.num()}
                        y1={(Y_DELIVERED + H / 2.0).num()} y2={(Y_DELIVERED + H / 2.0).num()} />
                    { label(lang, 4, c.promised - c.delivered, (X + W + PX) / 2.0, Y_DELIVERED + H + 18.0, "middle") }
                    <path class="flow promise" d={format!("M{},{} V{} H{}", (PX + PW / 2.0).num(), Y_DELIVERED.num(), (Y_EXPECTED + H / 2.0).num(), (X + W + 9.0).num())} fill="none" />
                    <polygon class="head" points={format!("{},{} {},{} {},{}", (X + W + 9.0).num(), (Y_EXPECTED + H / 2.0 - 5.0).num(), (X + W + 9.0).num(), (Y_EXPECTED + H / 2.0 + 5.0).num(), (X + W).num(), (Y_EXPECTED + H / 2.0).num())} />
                    <text class="note" x={(PX + PW / 2.0 - 6.0).num()} y={(Y_EXPECTED + H / 2.0 + 20.0).num()} text-anchor="end">{ tr(lang, "gaps.shapes") }</text>
                    { stage(PX, Y_DELIVERED, PW, tr(lang, "gaps.stage_promised"), c.promised, "promised", false) }
                </g>

                // Gap 5: what the customer expected against what they perceive.
                <g class={classes!(conceal(hidden(5)))}>
                    <line class="flow" x1={mid.num()} x2={mid.num()} y1={Y_DELIVERED.num()} y2={(Y_PERCEIVED + H + 9.0).num()} />
                    { head_up(mid, Y_PERCEIVED + H) }
                    <path class={classes!(gap_class(g5), "gap5")}
                        d={format!("M{},{} H{} V{} H{}", (X - 4.0).num(), (Y_EXPECTED + H / 2.0 + 6.0).num(), (X - 18.0).num(), (Y_PERCEIVED + H / 2.0).num(), (X - 4.0).num())} fill="none" />
                    { label(lang, 5, g5, X - 24.0, Y_PERCEIVED - 12.0, "end") }
                    { stage(X, Y_PERCEIVED, W, tr(lang, "gaps.stage_perceived"), c.perceived, "perceived", false) }
                </g>
            </svg>
        </figure>
    }
}

/// A row of the chain table: its stage's text key, score, the gap on the
/// way to it (number, name, points), the step that reveals it, its test id.
type Row<'a> = (&'a str, f64, Option<(usize, String, f64)>, usize, &'a str);

/// The chain link by link: every stage, its score and the gap that opened
/// on the way to it (the figure's text equivalent).
pub fn table(lang: Lang, p: &Params, c: &Chain, hidden: &dyn Fn(usize) -> bool) -> Html {
    let rows: [Row; 6] = [
        ("gaps.stage_expected", c.expected, None, 0, "expected"),
        (
            "gaps.stage_perception",
            c.perception,
            Some((1, gap_name(lang, Gap::Knowing), c.effective(Gap::Knowing))),
            1,
            "perception",
        ),
        (
            "gaps.stage_standards",
            c.standards,
            Some((2, gap_name(lang, Gap::Standards), c.effective(Gap::Standards))),
            2,
            "standards",
        ),
        (
            "gaps.stage_delivered",
            c.delivered,
            Some((3, gap_name(lang, Gap::Delivery), c.effective(Gap::Delivery))),
            3,
            "delivered",
        ),
        (
            "gaps.stage_promised",
            c.promised,
            Some((4, gap_name(lang, Gap::Promises), p.gap(Gap::Promises))),
            4,
            "promised",
        ),
        (
            "gaps.stage_perceived",
            c.perceived,
            Some((5, tr(lang, "gaps.gap5_name"), c.gap5())),
            5,
            "perceived",
        ),
    ];
    html! {
        <table class="status-table gaps-chain" data-testid="gaps-chain">
            <caption>{ tr(lang, "gaps.table_caption") }</caption>
            <thead><tr>
                <th scope="col">{ tr(lang, "gaps.col_stage") }</th>
                <th scope="col">{ tr(lang, "gaps.col_score") }</th>
                <th scope="col">{ tr(lang, "gaps.col_gap") }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|(key, v, gap, step, id)| html! {
                    <tr class={classes!(conceal(hidden(*step)))} aria-hidden={hidden(*step).then_some("true")}>
                        <th scope="row">{ tr(lang, key) }</th>
                        <td data-testid={format!("gaps-stage-{id}")}>{ score(*v) }</td>
                        <td>{ match gap {
                            Some((n, name, g)) => trf(lang, "gaps.table_gap", &[("n", &n.to_string()), ("name", name), ("v", &score(*g))]),
                            None => "—".into(),
                        } }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
