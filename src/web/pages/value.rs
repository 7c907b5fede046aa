//! The value equation and expectations (`#/value`, lecture 10; seed 002):
//! value = (result + process quality) ÷ (price + cost of access) with every
//! part on a slider; the four one-step improvements ranked by the value they
//! add per unit of effort (bars and a table, the best named in words); the
//! promise forming the expectation and satisfaction as delivery minus
//! expectation (a bar chart of the gap and a table of other promises); the
//! six ways to exceed expectations, each adding to delivery and working
//! through parts of the equation. A step-through for workshops, an A/B
//! comparison of two offers. Thin: the numbers come from `models::value`.

use crate::models::params::{BadParam, ParamSet};
use crate::models::value::{Lever, Move, Param, Params, Verdict, Way, SPECS};
use crate::routing::route::{query_pairs, Route};
use crate::support::format::Num;
use crate::support::format::{fixed, trim};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::controls::{use_slider_callbacks, Slider};
use crate::web::model_screen::{use_model_screen, ModelParams};
use crate::web::state::AppCtx;
use crate::web::stepper;
use crate::web::widgets::Later;
use std::rc::Rc;
use yew::prelude::*;

/// Steps: the equation, the best step, the promise, the gap, the six ways.
const STEPS: usize = 5;
/// The promises of the over- and under-promising buttons.
const OVER: f64 = 10.0;
const UNDER: f64 = 6.0;
/// Promises in the "same delivery, other promises" table.
const PROMISES: [f64; 6] = [0.0, 2.0, 4.0, 6.0, 8.0, 10.0];

impl ModelParams for Params {
    fn read(pairs: &[(String, String)]) -> (Params, Vec<BadParam>) {
        Params::from_query(pairs)
    }
    fn write(&self) -> Vec<(String, String)> {
        query_pairs(&self.to_query())
    }
    fn pack(&self) -> Option<String> {
        Some(self.to_compact())
    }
    fn unpack(&self, packed: &str) -> Option<Params> {
        Params::from_compact(packed)
    }
}

fn label_key(p: Param) -> &'static str {
    match p {
        Param::Result => "value.result",
        Param::Process => "value.process",
        Param::Price => "value.price",
        Param::Access => "value.access",
        Param::EffortResult => "value.effort_result",
        Param::EffortProcess => "value.effort_process",
        Param::EffortPrice => "value.effort_price",
        Param::EffortAccess => "value.effort_access",
        Param::Promise => "value.promise",
        Param::Delivered => "value.delivered",
        Param::Prior => "value.prior",
        Param::Trust => "value.trust",
        Param::ExtraValue => "value.extra_value",
        Param::ExtraInfo => "value.extra_info",
        Param::ExtraSpeed => "value.extra_speed",
        Param::ExtraPersonal => "value.extra_personal",
        Param::ExtraAddons => "value.extra_addons",
        Param::ExtraConvenience => "value.extra_convenience",
    }
}

fn unit(p: Param, lang: Lang) -> String {
    let key = match p {
        Param::Result | Param::Process => "value.unit_points",
        Param::Price | Param::Access => "value.unit_money",
        Param::EffortResult | Param::EffortProcess | Param::EffortPrice | Param::EffortAccess => "value.unit_effort",
        Param::Trust => return "%".into(),
        _ => "value.unit_score",
    };
    tr(lang, key)
}

/// The slider groups: heading key and the parameters under it.
const GROUPS: [(&str, &[Param]); 4] = [
    (
        "value.g_equation",
        &[Param::Result, Param::Process, Param::Price, Param::Access],
    ),
    (
        "value.g_effort",
        &[
            Param::EffortResult,
            Param::EffortProcess,
            Param::EffortAccess,
            Param::EffortPrice,
        ],
    ),
    (
        "value.g_promise",
        &[Param::Promise, Param::Delivered, Param::Prior, Param::Trust],
    ),
    (
        "value.g_extras",
        &[
            Param::ExtraValue,
            Param::ExtraInfo,
            Param::ExtraSpeed,
            Param::ExtraPersonal,
            Param::ExtraAddons,
            Param::ExtraConvenience,
        ],
    ),
];

/// A step in plain words ("Process quality +1").
fn lever_name(lang: Lang, l: Lever) -> String {
    tr(
        lang,
        match l {
            Lever::Result => "value.move_result",
            Lever::Process => "value.move_process",
            Lever::Access => "value.move_access",
            Lever::Price => "value.move_price",
        },
    )
}

/// The part a lever moves ("Process quality").
fn part_name(lang: Lang, l: Lever) -> String {
    tr(lang, label_key(l.param()))
}

fn way_name(lang: Lang, w: Way) -> String {
    tr(lang, way_key(w))
}

fn way_how(lang: Lang, w: Way, best: &Move) -> String {
    match w {
        Way::Value => trf(lang, "value.way_value_how", &[("move", &lever_name(lang, best.lever))]),
        Way::Information => tr(lang, "value.way_information_how"),
        Way::Speed => tr(lang, "value.way_speed_how"),
        Way::Personal => tr(lang, "value.way_personal_how"),
        Way::Addons => tr(lang, "value.way_addons_how"),
        Way::Convenience => tr(lang, "value.way_convenience_how"),
    }
}

/// A value as the screen shows it: two decimals.
fn ratio(v: f64) -> String {
    fixed(v, 2)
}

/// A value after a step: three decimals, so a small step still shows.
fn after(v: f64) -> String {
    fixed(v, 3)
}

/// A gain in value: signed, `d` decimals.
fn gain(v: f64, d: usize) -> String {
    format!("+{}", fixed(v.max(0.0), d))
}

/// A score (0–10), up to two decimals.
fn score(v: f64) -> String {
    trim(v, 2)
}

/// A signed score difference.
fn signed(v: f64) -> String {
    let s = trim(v.abs(), 2);
    if s == "0" {
        s
    } else if v > 0.0 {
        format!("+{s}")
    } else {
        format!("-{s}")
    }
}

fn verdict_text(lang: Lang, p: &Params) -> String {
    let s = p.satisfaction();
    let key = match p.verdict() {
        Verdict::Exceeded => "value.sat_above",
        Verdict::Met => "value.sat_equal",
        Verdict::Short => "value.sat_below",
    };
    trf(lang, key, &[("gap", &trim(s.abs(), 2))])
}

fn best_text(lang: Lang, best: &Move) -> String {
    if best.gain > 0.0 {
        trf(
            lang,
            "value.best",
            &[
                ("move", &lever_name(lang, best.lever)),
                ("after", &after(best.after)),
                ("gain", &gain(best.gain, 3)),
                ("effort", &trim(best.effort, 1)),
            ],
        )
    } else {
        tr(lang, "value.best_none")
    }
}

fn step_text(lang: Lang, p: &Params, best: &Move, step: usize) -> String {
    match step {
        0 => trf(lang, "value.step_equation", &[("value", &ratio(p.value()))]),
        1 => trf(
            lang,
            "value.step_best",
            &[("move", &lever_name(lang, best.lever)), ("after", &after(best.after))],
        ),
        2 => trf(
            lang,
            "value.step_expect",
            &[
                ("promise", &score(p.promise)),
                ("prior", &score(p.prior)),
                ("expectation", &score(p.expectation())),
            ],
        ),
        3 => verdict_text(lang, p),
        _ => trf(
            lang,
            "value.step_six",
            &[("extras", &score(p.extras_total())), ("sat", &signed(p.satisfaction()))],
        ),
    }
}

#[function_component]
pub fn ValuePage() -> Html {
    let lang = use_context::<AppCtx>().expect("App provides the state").lang();
    let screen = use_model_screen::<Params>(Route::Value, "value", STEPS);
    let (params, compare, steps) = (screen.params, screen.compare, screen.steps.clone());
    let set = screen.set();
    let on_change = use_slider_callbacks(SPECS.iter().map(|s| s.param).collect(), {
        let set = set.clone();
        Callback::from(move |(param, display): (Param, f64)| {
            let mut p = params;
            p.set(param, display / param.spec().scale());
            set.emit(p);
        })
    });
    let preset = |promise: f64, id: &'static str, key: &'static str| {
        let set = set.clone();
        let p = params.with_promise(promise);
        html! {
            <button type="button" class="button" aria-pressed={(p == params).to_string()}
                data-testid={format!("value-promise-{id}")} onclick={Callback::from(move |_| set.emit(p))}>
                { trf(lang, key, &[("promise", &score(promise))]) }
            </button>
        }
    };
    let moves = params.moves();
    let best = moves[0];
    let shown = *steps;
    let hidden = move |i: usize| shown.is_some_and(|s| i > s);
    let part = move |i: usize, body: Html| {
        html! {
            <div class={classes!("value-step", hidden(i).then_some("concealed"))} aria-hidden={hidden(i).then_some("true")}>
                { body }
            </div>
        }
    };

    html! {
        <div class="value-screen" data-testid="value">
            <h1>{ tr(lang, "model.value") }</h1>
            <p class="lead">{ tr(lang, "value.lead") }</p>
            { screen.notice(lang) }
            <div class="toolbar" role="group" aria-label={tr(lang, "smith.tools")}>
                { stepper::toggle(lang, &steps, "value") }
                { screen.keep_a(lang) }
                if compare.is_some() {
                    { screen.clear_a(lang) }
                }
                { screen.tools(lang, Callback::noop()) }
            </div>

            <Later>
                <div class="smith-layout">
                    <section class="assumptions" aria-labelledby="value-assumptions-h">
                        <h2 id="value-assumptions-h">{ tr(lang, "smith.assumptions") }</h2>
                        { for GROUPS.iter().map(|(key, group)| html! {
                            <fieldset class="value-group">
                                <legend>{ tr(lang, key) }</legend>
                                if *key == "value.g_effort" {
                                    <p class="hint">{ tr(lang, "value.hint_effort") }</p>
                                }
                                if *key == "value.g_promise" {
                                    <div class="toolbar" role="group" aria-label={tr(lang, "value.g_promise")}>
                                        { preset(OVER, "over", "value.promise_over") }
                                        { preset(UNDER, "under", "value.promise_under") }
                                    </div>
                                }
                                if *key == "value.g_extras" {
                                    <p class="hint">{ tr(lang, "value.hint_extras") }</p>
                                }
                                { for group.iter().map(|&p| slider(lang, &params, p, &on_change)) }
                            </fieldset>
                        }) }
                    </section>

                    <section class="results" aria-labelledby="value-results-h">
                        <h2 id="value-results-h">{ tr(lang, "value.equation") }</h2>
                        <p class="value-equation">
                            <span class="value-frac">
                                { "(" }{ trim(params.result, 2) }{ " + " }{ trim(params.process, 2) }{ ") ÷ (" }
                                { trim(params.price, 2) }{ " + " }{ trim(params.access, 2) }{ ")" }
                            </span>
                            { " = " }<strong data-testid="value-ratio">{ ratio(params.value()) }</strong>
                        </p>
                        <p class="hint">{ tr(lang, "value.equation_hint") }</p>
                        { stepper::bar(lang, &steps, STEPS, step_text(lang, &params, &best, shown.unwrap_or(0)), "value") }
                        { part(1, moves_section(lang, &params, &moves)) }
                        { part(2, expectation_section(lang, &params)) }
                        { part(3, gap_section(lang, &params)) }
                    </section>
                </div>
            </Later>

            <Later>
                { part(4, six_ways(lang, &params, &best)) }
                if let Some(a) = compare {
                    { comparison(lang, &a, &params) }
                }
            </Later>
        </div>
    }
}

/// One labelled slider (ids `value-{key}`), percentages shown 0–100.
fn slider(lang: Lang, params: &Params, p: Param, on_change: &Rc<Vec<Callback<f64>>>) -> Html {
    let i = SPECS.iter().position(|s| s.param == p).unwrap_or(0);
    let s = &SPECS[i];
    let scale = s.scale();
    let unit = unit(p, lang);
    html! {
        <Slider id={format!("value-{}", s.key.replace('_', "-"))} label={format!("{} ({unit})", tr(lang, label_key(p)))} {unit}
            value={params.get(p) * scale} min={s.min * scale} max={s.max * scale}
            step={s.step * scale} integer={s.integer} {lang} on_change={on_change[i].clone()} />
    }
}

/// The four one-step improvements: the best in words, bars of the value
/// each adds per unit of effort, and a table of the value after each.
fn moves_section(lang: Lang, p: &Params, moves: &[Move; 4]) -> Html {
    let best = moves[0];
    let top = best.per_effort.max(f64::MIN_POSITIVE);
    let (w, row, label_w, value_w) = (480.0, 32.0, 160.0, 64.0);
    let h = row * moves.len() as f64 + 4.0;
    let desc = trf(
        lang,
        "value.chart_desc",
        &[(
            "list",
            &moves
                .iter()
                .map(|m| format!("{} {}", lever_name(lang, m.lever), gain(m.per_effort, 4)))
                .collect::<Vec<_>>()
                .join(", "),
        )],
    );
    html! {
        <section aria-labelledby="value-moves-h">
            <h2 id="value-moves-h">{ tr(lang, "value.moves") }</h2>
            <p class="value-best" data-testid="value-best"><strong>{ best_text(lang, &best) }</strong></p>
            if best.lever == Lever::Price && best.gain > 0.0 {
                <p class="message error" data-testid="value-price-caution">{ tr(lang, "value.price_caution") }</p>
            }
            <figure class="chart value-chart">
                <svg viewBox={format!("0 0 {} {}", w.num(), h.num())} role="img" aria-labelledby="value-chart-title value-chart-desc"
                    data-testid="value-chart">
                    <title id="value-chart-title">{ tr(lang, "value.chart_title") }</title>
                    <desc id="value-chart-desc">{ desc }</desc>
                    { for moves.iter().enumerate().map(|(i, m)| {
                        let y = 2.0 + i as f64 * row;
                        let bw = (m.per_effort / top).clamp(0.0, 1.0) * (w - label_w - value_w);
                        html! {
                            <g class={classes!("value-bar", (i == 0 && m.gain > 0.0).then_some("best"))}>
                                <text class="tick" x={(label_w - 8.0).num()} y={fixed(y + row * 0.62, 1)} text-anchor="end">
                                    { format!("{}. {}", i + 1, lever_name(lang, m.lever)) }
                                </text>
                                <rect class="bar" x={label_w.num()} y={fixed(y + 6.0, 1)}
                                    width={fixed(bw.max(1.0), 2)} height={fixed(row - 12.0, 1)} />
                                <text class="value" x={fixed(label_w + bw + 6.0, 1)} y={fixed(y + row * 0.62, 1)}>
                                    { gain(m.per_effort, 4) }
                                </text>
                            </g>
                        }
                    }) }
                    <line class="axis" x1={label_w.num()} x2={label_w.num()} y1="0" y2={h.num()} />
                </svg>
            </figure>
            <table class="status-table value-moves" data-testid="value-moves">
                <caption>{ trf(lang, "value.moves_table", &[("value", &after(p.value()))]) }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "value.col_move") }</th>
                    <th scope="col">{ tr(lang, "value.col_after") }</th>
                    <th scope="col">{ tr(lang, "value.col_gain") }</th>
                    <th scope="col">{ tr(lang, "value.col_effort") }</th>
                    <th scope="col">{ tr(lang, "value.col_per_effort") }</th>
                </tr></thead>
                <tbody>
                    { for moves.iter().enumerate().map(|(i, m)| html! {
                        <tr data-testid={format!("value-rank-{i}")}>
                            <th scope="row">{ format!("{}. {}", i + 1, lever_name(lang, m.lever)) }</th>
                            <td data-testid={format!("value-after-{}", m.lever.key())}>{ after(m.after) }</td>
                            <td data-testid={format!("value-gain-{}", m.lever.key())}>{ gain(m.gain, 3) }</td>
                            <td>{ trim(m.effort, 1) }</td>
                            <td data-testid={format!("value-per-effort-{}", m.lever.key())}>{ gain(m.per_effort, 4) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="hint">{ tr(lang, "value.moves_hint") }</p>
        </section>
    }
}

/// The promise forms the expectation.
fn expectation_section(lang: Lang, p: &Params) -> Html {
    let even = p.break_even_promise();
    html! {
        <section aria-labelledby="value-expect-h">
            <h2 id="value-expect-h">{ tr(lang, "value.expect_h") }</h2>
            <dl class="stats">
                <div><dt>{ tr(lang, "value.promise") }</dt><dd data-testid="value-promised">{ score(p.promise) }</dd></div>
                <div><dt>{ tr(lang, "value.prior") }</dt><dd>{ score(p.prior) }</dd></div>
                <div><dt>{ tr(lang, "value.trust") }</dt><dd>{ format!("{}%", trim(p.trust * 100.0, 0)) }</dd></div>
                <div><dt>{ tr(lang, "value.expectation") }</dt><dd data-testid="value-expectation">{ score(p.expectation()) }</dd></div>
            </dl>
            <p class="hint">
                { trf(lang, "value.expect_how", &[("prior", &score(p.prior)), ("trust", &format!("{}%", trim(p.trust * 100.0, 0))), ("promise", &score(p.promise))]) }
                { " " }
                { match even {
                    Some(e) if e <= 10.0 => trf(lang, "value.break_even", &[("promise", &score(e.max(0.0)))]),
                    Some(_) => tr(lang, "value.break_even_any"),
                    None => tr(lang, "value.break_even_none"),
                } }
            </p>
        </section>
    }
}

/// Delivery against expectation: bars, the satisfaction, and the same
/// delivery under other promises.
fn gap_section(lang: Lang, p: &Params) -> Html {
    let s = p.satisfaction();
    let class = match p.verdict() {
        Verdict::Exceeded => "ok",
        Verdict::Met => "info",
        Verdict::Short => "error",
    };
    html! {
        <section aria-labelledby="value-gap-h">
            <h2 id="value-gap-h">{ tr(lang, "value.gap_h") }</h2>
            <dl class="stats big">
                <div><dt>{ tr(lang, "value.expectation") }</dt><dd>{ score(p.expectation()) }</dd></div>
                <div><dt>{ tr(lang, "value.delivery") }</dt><dd data-testid="value-delivery">{ score(p.delivery()) }</dd></div>
                <div><dt>{ tr(lang, "value.satisfaction") }</dt><dd data-testid="value-satisfaction">{ signed(s) }</dd></div>
            </dl>
            <p class={classes!("message", class)} data-testid="value-verdict">{ verdict_text(lang, p) }</p>
            { gap_chart(lang, p) }
            <table class="status-table value-promises" data-testid="value-promises">
                <caption>{ trf(lang, "value.promises_table", &[("delivery", &score(p.delivery()))]) }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "value.promise") }</th>
                    <th scope="col">{ tr(lang, "value.expectation") }</th>
                    <th scope="col">{ tr(lang, "value.satisfaction") }</th>
                </tr></thead>
                <tbody>
                    { for PROMISES.iter().map(|&pr| {
                        let q = p.with_promise(pr);
                        html! {
                            <tr class={classes!((pr == p.promise).then_some("current"))}>
                                <th scope="row">{ score(pr) }</th>
                                <td>{ score(q.expectation()) }</td>
                                <td data-testid={format!("value-if-promise-{}", trim(pr, 0))}>{ signed(q.satisfaction()) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <p class="hint">{ tr(lang, "value.promise_hint") }</p>
        </section>
    }
}

/// Two bars on one scale: the expectation (with the prior and the promise
/// marked) and the delivery (the core offer, then what each way adds).
fn gap_chart(lang: Lang, p: &Params) -> Html {
    let (w, label_w, right) = (480.0, 96.0, 14.0);
    let top = [10.0, p.delivery(), p.expectation(), p.promise]
        .into_iter()
        .fold(0.0f64, f64::max)
        .ceil();
    let span = w - label_w - right;
    let x = |v: f64| label_w + (v / top).clamp(0.0, 1.0) * span;
    let (row, bar_h) = (46.0, 24.0);
    let y_exp = 18.0;
    let y_del = y_exp + row;
    let axis_y = y_del + bar_h + 10.0;
    let h = axis_y + 22.0;
    let mut segments = vec![("value.core", p.delivered, 0usize)];
    for (i, way) in Way::ALL.iter().enumerate() {
        let v = p.get(way.extra());
        if v > 0.0 {
            segments.push((way_key(*way), v, i + 1));
        }
    }
    let mut at = 0.0;
    let bars: Html = segments
        .iter()
        .map(|(key, v, slot)| {
            let (a, b) = (x(at), x(at + v));
            at += v;
            html! {
                <rect class={classes!("value-seg", format!("k{slot}"))} x={fixed(a, 2)} y={y_del.num()}
                    width={fixed((b - a).max(0.0), 2)} height={bar_h.num()}>
                    <title>{ format!("{}: {}", tr(lang, key), score(*v)) }</title>
                </rect>
            }
        })
        .collect();
    let desc = trf(
        lang,
        "value.gap_desc",
        &[
            ("expectation", &score(p.expectation())),
            ("promise", &score(p.promise)),
            ("prior", &score(p.prior)),
            ("core", &score(p.delivered)),
            ("extras", &score(p.extras_total())),
            ("delivery", &score(p.delivery())),
            ("sat", &signed(p.satisfaction())),
        ],
    );
    let ticks = [0.0, top / 2.0, top];
    html! {
        <figure class="chart value-gap-chart">
            <svg viewBox={format!("0 0 {} {}", w.num(), fixed(h, 0))} role="img" aria-labelledby="value-gap-title value-gap-desc" data-testid="value-gap-chart">
                <title id="value-gap-title">{ tr(lang, "value.gap_title") }</title>
                <desc id="value-gap-desc">{ desc }</desc>
                <text class="tick" x={(label_w - 8.0).num()} y={(y_exp + bar_h * 0.68).num()} text-anchor="end">{ tr(lang, "value.expectation_short") }</text>
                <rect class="value-expect" x={label_w.num()} y={y_exp.num()} width={fixed((x(p.expectation()) - label_w).max(0.0), 2)} height={bar_h.num()} />
                <text class="tick" x={(label_w - 8.0).num()} y={(y_del + bar_h * 0.68).num()} text-anchor="end">{ tr(lang, "value.delivery_short") }</text>
                { bars }
                <g class="marker">
                    <line x1={fixed(x(p.promise), 2)} x2={fixed(x(p.promise), 2)} y1={(y_exp - 8.0).num()} y2={(y_exp + bar_h + 4.0).num()} />
                    <text x={fixed(x(p.promise), 2)} y={(y_exp - 10.0).num()} text-anchor="middle">{ trf(lang, "value.mark_promise", &[("v", &score(p.promise))]) }</text>
                </g>
                <line class="value-even" x1={fixed(x(p.expectation()), 2)} x2={fixed(x(p.expectation()), 2)}
                    y1={y_exp.num()} y2={(y_del + bar_h).num()} />
                <line class="axis" x1={label_w.num()} x2={(w - right).num()} y1={axis_y.num()} y2={axis_y.num()} />
                { for ticks.iter().map(|t| html! {
                    <text class="tick" x={fixed(x(*t), 2)} y={(axis_y + 16.0).num()} text-anchor="middle">{ score(*t) }</text>
                }) }
            </svg>
            <ul class="legend">
                { for segments.iter().map(|(key, v, slot)| html! {
                    <li><span class={classes!("swatch", "value-swatch", format!("k{slot}"))} aria-hidden="true"></span>{ format!("{} {}", tr(lang, key), score(*v)) }</li>
                }) }
            </ul>
        </figure>
    }
}

fn way_key(w: Way) -> &'static str {
    match w {
        Way::Value => "value.way_value",
        Way::Information => "value.way_information",
        Way::Speed => "value.way_speed",
        Way::Personal => "value.way_personal",
        Way::Addons => "value.way_addons",
        Way::Convenience => "value.way_convenience",
    }
}

/// The course's six ways to exceed expectations: what each means, the parts
/// of the equation it works through and what it adds to delivery here.
fn six_ways(lang: Lang, p: &Params, best: &Move) -> Html {
    html! {
        <section class="value-six" aria-labelledby="value-six-h">
            <h2 id="value-six-h">{ tr(lang, "value.six") }</h2>
            <p>{ tr(lang, "value.six_lead") }</p>
            <table class="status-table" data-testid="value-six">
                <thead><tr>
                    <th scope="col">{ tr(lang, "value.col_way") }</th>
                    <th scope="col">{ tr(lang, "value.col_how") }</th>
                    <th scope="col">{ tr(lang, "value.col_parts") }</th>
                    <th scope="col">{ tr(lang, "value.col_adds") }</th>
                </tr></thead>
                <tbody>
                    { for Way::ALL.iter().map(|&w| {
                        let mut parts: Vec<String> = w.levers().iter().map(|&l| part_name(lang, l)).collect();
                        if w.sets_expectation() {
                            parts.push(tr(lang, "value.expectation_short"));
                        }
                        html! {
                            <tr>
                                <th scope="row">{ way_name(lang, w) }</th>
                                <td>{ way_how(lang, w, best) }</td>
                                <td>{ parts.join(if lang == Lang::Zh { "、" } else { ", " }) }</td>
                                <td data-testid={format!("value-way-{}", w.key())}>{ format!("+{}", score(p.get(w.extra()))) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// Offer A (kept) beside offer B (the sliders now).
fn comparison(lang: Lang, a: &Params, b: &Params) -> Html {
    let changed: Vec<(String, String, String)> = SPECS
        .iter()
        .filter(|s| a.get(s.param) != b.get(s.param))
        .map(|s| {
            let show = |p: &Params| {
                let v = p.get(s.param);
                if s.percent {
                    format!("{}%", trim(v * 100.0, 0))
                } else {
                    trim(v, 2)
                }
            };
            (tr(lang, label_key(s.param)), show(a), show(b))
        })
        .collect();
    let (ba, bb) = (a.moves()[0], b.moves()[0]);
    let best = |m: &Move| {
        if m.gain > 0.0 {
            lever_name(lang, m.lever)
        } else {
            "—".into()
        }
    };
    let rows = [
        (
            "value.equation",
            ratio(a.value()),
            ratio(b.value()),
            signed_ratio(b.value() - a.value()),
            "ratio",
        ),
        ("value.best_short", best(&ba), best(&bb), String::new(), "best"),
        (
            "value.expectation",
            score(a.expectation()),
            score(b.expectation()),
            signed(b.expectation() - a.expectation()),
            "expectation",
        ),
        (
            "value.delivery",
            score(a.delivery()),
            score(b.delivery()),
            signed(b.delivery() - a.delivery()),
            "delivery",
        ),
        (
            "value.satisfaction",
            signed(a.satisfaction()),
            signed(b.satisfaction()),
            signed(b.satisfaction() - a.satisfaction()),
            "satisfaction",
        ),
    ];
    html! {
        <section class="compare" aria-labelledby="value-compare-h" data-testid="value-compare">
            <h2 id="value-compare-h">{ tr(lang, "value.compare") }</h2>
            if changed.is_empty() {
                <p>{ tr(lang, "smith.compare_same") }</p>
            }
            <table class="status-table">
                <thead><tr>
                    <th scope="col"></th>
                    <th scope="col">{ tr(lang, "value.offer_a") }</th>
                    <th scope="col">{ tr(lang, "value.offer_b") }</th>
                    <th scope="col">{ tr(lang, "smith.col_diff") }</th>
                </tr></thead>
                <tbody>
                    { for changed.iter().map(|(label, va, vb)| html! {
                        <tr class="assumption"><th scope="row">{ label }</th><td>{ va }</td><td>{ vb }</td><td></td></tr>
                    }) }
                    { for rows.iter().map(|(key, va, vb, diff, id)| html! {
                        <tr data-testid={format!("value-compare-{id}")}>
                            <th scope="row">{ tr(lang, key) }</th>
                            <td data-testid={format!("value-a-{id}")}>{ va }</td>
                            <td data-testid={format!("value-b-{id}")}>{ vb }</td>
                            <td>{ diff }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// A signed difference of two values, two decimals.
fn signed_ratio(d: f64) -> String {
    let s = fixed(d.abs(), 2);
    if s == "0.00" {
        s
    } else if d > 0.0 {
        format!("+{s}")
    } else {
        format!("-{s}")
    }
}
