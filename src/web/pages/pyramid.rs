//! The customer pyramid (`#/pyramid`, lecture 2, 图1-7): the four tiers with
//! their head counts and profit per customer, the yearly migration matrix
//! (one row per tier, each share on a slider and a field), the course's
//! levers (service for gold, re-price or drop lead), and the run: stacked
//! head counts by year with the total-profit line, and the same as a table.
//! A step-through (tiers, flows, levers, result) and an A/B comparison; the
//! "without levers" run is drawn beside the run with levers. The address
//! holds every number.

use crate::models::params::{BadParam, ParamSet};
use crate::models::pyramid::{self, LeadPolicy, Param, Params, PyramidError, Run, Tier, SPECS, TIERS};
use crate::routing::route::{query_pairs, Route};
use crate::support::format::Num;
use crate::support::format::{fixed, money, trim};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::charts::band_points;
use crate::web::controls::{use_slider_callbacks, Slider};
use crate::web::model_screen::{use_model_screen, ModelParams};
use crate::web::state::AppCtx;
use crate::web::stepper;
use crate::web::widgets::Later;
use yew::prelude::*;

/// Steps of the step-through: the tiers, the flows, the levers, the result.
const STEPS: usize = 4;
const SIGN: &str = "¥";

/// The lead tier's choices: policy, its `lead` value, test-id stem, name and
/// reason keys.
const LEAD_CHOICES: [(LeadPolicy, f64, &str, &str, &str); 3] = [
    (
        LeadPolicy::Keep,
        0.0,
        "keep",
        "pyramid.lead_keep",
        "pyramid.lead_keep_why",
    ),
    (
        LeadPolicy::Reprice,
        1.0,
        "reprice",
        "pyramid.lead_reprice",
        "pyramid.lead_reprice_why",
    ),
    (
        LeadPolicy::Drop,
        2.0,
        "drop",
        "pyramid.lead_drop",
        "pyramid.lead_drop_why",
    ),
];

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

fn tier_name(lang: Lang, t: Tier) -> String {
    let key = match t {
        Tier::Diamond => "pyramid.tier_diamond",
        Tier::Gold => "pyramid.tier_gold",
        Tier::Brass => "pyramid.tier_brass",
        Tier::Lead => "pyramid.tier_lead",
    };
    tr(lang, key)
}

/// Label and unit of a slider.
fn label(lang: Lang, p: Param) -> (String, String) {
    use Param::*;
    let t = |t: Tier| tier_name(lang, t);
    let per = || trf(lang, "pyramid.unit_per", &[("sign", SIGN)]);
    let people = || tr(lang, "unit.people");
    match p {
        NDiamond | NGold | NBrass | NLead => {
            let tier = TIERS
                .into_iter()
                .find(|x| Param::count(*x) == p)
                .unwrap_or(Tier::Diamond);
            (trf(lang, "pyramid.count", &[("tier", &t(tier))]), people())
        }
        PDiamond => (trf(lang, "pyramid.profit", &[("tier", &t(Tier::Diamond))]), per()),
        PGold => (trf(lang, "pyramid.profit", &[("tier", &t(Tier::Gold))]), per()),
        PBrass => (trf(lang, "pyramid.profit", &[("tier", &t(Tier::Brass))]), per()),
        LossLead => (trf(lang, "pyramid.loss", &[("tier", &t(Tier::Lead))]), per()),
        NewBrass => (
            trf(lang, "pyramid.new", &[("tier", &t(Tier::Brass))]),
            tr(lang, "pyramid.unit_year"),
        ),
        NewLead => (
            trf(lang, "pyramid.new", &[("tier", &t(Tier::Lead))]),
            tr(lang, "pyramid.unit_year"),
        ),
        Years => (tr(lang, "pyramid.years"), tr(lang, "unit.years")),
        ServiceUp => (tr(lang, "pyramid.service_up"), "%".into()),
        ServiceKeep => (tr(lang, "pyramid.service_keep"), "%".into()),
        ServiceCost => (tr(lang, "pyramid.service_cost"), per()),
        RepriceGain => (tr(lang, "pyramid.reprice_gain"), per()),
        RepriceUp => (tr(lang, "pyramid.reprice_up"), "%".into()),
        RepriceOut => (tr(lang, "pyramid.reprice_out"), "%".into()),
        DropShare => (tr(lang, "pyramid.drop_share"), "%".into()),
        FixedLead => (tr(lang, "pyramid.fixed_lead"), per()),
        Wom => (tr(lang, "pyramid.wom"), "%".into()),
        _ => {
            // A matrix share.
            for from in TIERS {
                for to in TIERS.into_iter().map(Some).chain([None]) {
                    if Param::migration(from, to) == Some(p) {
                        let text = match to {
                            Some(to) => trf(lang, "pyramid.move", &[("from", &t(from)), ("to", &t(to))]),
                            None => trf(lang, "pyramid.leave", &[("from", &t(from))]),
                        };
                        return (text, "%".into());
                    }
                }
            }
            (String::new(), String::new())
        }
    }
}

fn pct(x: f64) -> String {
    format!("{}%", trim(x * 100.0, 1))
}

/// What the cross-row rule says when a row is over 100 %.
fn row_message(lang: Lang, e: &PyramidError) -> String {
    match e {
        PyramidError::RowOver { from, sum } => trf(
            lang,
            "pyramid.row_over",
            &[("tier", &tier_name(lang, *from)), ("sum", &pct(*sum))],
        ),
        PyramidError::Value { .. } => tr(lang, "pyramid.invalid"),
    }
}

#[function_component]
pub fn PyramidPage() -> Html {
    let lang = use_context::<AppCtx>().expect("App provides the state").lang();
    let screen = use_model_screen::<Params>(Route::Pyramid, "pyramid", STEPS);
    let (params, compare, steps) = (screen.params, screen.compare, screen.steps.clone());
    let set = screen.set();
    let cbs = use_slider_callbacks(SPECS.iter().map(|s| s.param).collect(), {
        let set = set.clone();
        Callback::from(move |(param, display): (Param, f64)| {
            set.emit(params.with(param, display / param.spec().scale()));
        })
    });
    // The last valid run stays on screen while a row is over 100 %.
    let last_valid = use_mut_ref(|| (Params::default(), pyramid::run(&Params::default()).ok()));
    let current = pyramid::run(&params);
    let error = current.as_ref().err().cloned();
    if let Ok(r) = &current {
        *last_valid.borrow_mut() = (params, Some(r.clone()));
    }
    let (shown_params, shown) = {
        let lv = last_valid.borrow();
        (lv.0, lv.1.clone())
    };
    let Some(shown) = shown else {
        return html! { <p class="message error" role="alert">{ tr(lang, "pyramid.invalid") }</p> };
    };
    let off = pyramid::run(&shown_params.without_levers()).ok();
    let run_a = compare.and_then(|a| pyramid::run(&a).ok());

    let hidden = |i: usize| steps.is_some_and(|s| i > s);
    let section_class = |i: usize| classes!("pyramid-part", hidden(i).then_some("concealed"));
    let slider = |p: Param| {
        let s = p.spec();
        let scale = s.scale();
        let (name, unit) = label(lang, p);
        let idx = SPECS.iter().position(|x| x.param == p).unwrap_or(0);
        html! {
            <Slider id={format!("pyramid-{}", s.key.replace('_', "-"))} label={format!("{name} ({unit})")} {unit}
                value={params.get(p) * scale} min={s.min * scale} max={s.max * scale}
                step={s.step * scale} integer={s.integer} {lang} on_change={cbs[idx].clone()} />
        }
    };
    let set_service = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            set.emit(params.with(Param::Service, if input.checked() { 1.0 } else { 0.0 }));
        })
    };
    let set_lead = |v: f64| {
        let set = set.clone();
        Callback::from(move |_: Event| set.emit(params.with(Param::Lead, v)))
    };
    let years = shown.years.len() - 1;
    let last = *shown.last();

    html! {
        <div class="pyramid" data-testid="pyramid">
            <h1>{ tr(lang, "model.pyramid") }</h1>
            <p class="lead">{ tr(lang, "pyramid.lead") }</p>
            { screen.notice(lang) }
            <div class="toolbar" role="group" aria-label={tr(lang, "smith.tools")}>
                { stepper::toggle(lang, &steps, "pyramid") }
                // Only a valid set can be kept as A.
                if error.is_none() {
                    { screen.keep_a(lang) }
                }
                { screen.tools(lang, Callback::from(|()| ())) }
            </div>
            { stepper::bar(lang, &steps, STEPS, step_text(lang, steps.unwrap_or(0), &shown), "pyramid") }
            if let Some(e) = &error {
                <p class="message error" role="alert" data-testid="pyramid-row-error">
                    { row_message(lang, e) }{ " " }{ tr(lang, "pyramid.kept_last") }
                </p>
            }

            <Later>
                <section class={section_class(0)} aria-hidden={hidden(0).then_some("true")} aria-labelledby="pyramid-tiers-h">
                    <h2 id="pyramid-tiers-h">{ tr(lang, "pyramid.tiers") }</h2>
                    <p>{ tr(lang, "pyramid.tiers_help") }</p>
                    <div class="pyramid-grid">
                        { shape(lang, &params) }
                        <div>
                            { for TIERS.iter().map(|t| html! {
                                <div class="pyramid-tier">
                                    { slider(Param::count(*t)) }
                                    { slider([Param::PDiamond, Param::PGold, Param::PBrass, Param::LossLead][t.index()]) }
                                </div>
                            }) }
                        </div>
                    </div>
                </section>

                <section class={section_class(1)} aria-hidden={hidden(1).then_some("true")} aria-labelledby="pyramid-flows-h">
                    <h2 id="pyramid-flows-h">{ tr(lang, "pyramid.flows") }</h2>
                    <p>{ tr(lang, "pyramid.flows_help") }</p>
                    <div class="pyramid-rows">
                        { for TIERS.iter().map(|from| {
                            let sum = params.row_sum(*from);
                            let over = sum > 1.0 + 1e-9;
                            html! {
                                <fieldset class={classes!("pyramid-row", over.then_some("over"))} data-testid={format!("pyramid-row-{}", from.key())}>
                                    <legend>{ trf(lang, "pyramid.row", &[("tier", &tier_name(lang, *from))]) }</legend>
                                    { for TIERS.into_iter().map(Some).chain([None]).filter_map(|to| Param::migration(*from, to)).map(slider) }
                                    <p class={classes!("pyramid-stay", over.then_some("error"))} data-testid={format!("pyramid-stay-{}", from.key())}>
                                        if over {
                                            { trf(lang, "pyramid.row_sum_over", &[("sum", &pct(sum))]) }
                                        } else {
                                            { trf(lang, "pyramid.stay", &[("share", &pct(1.0 - sum))]) }
                                        }
                                    </p>
                                </fieldset>
                            }
                        }) }
                    </div>
                    <div class="pyramid-tier">
                        { slider(Param::NewBrass) }
                        { slider(Param::NewLead) }
                        { slider(Param::Years) }
                    </div>
                </section>
            </Later>

            <Later>
                <section class={section_class(2)} aria-hidden={hidden(2).then_some("true")} aria-labelledby="pyramid-levers-h">
                    <h2 id="pyramid-levers-h">{ tr(lang, "pyramid.levers") }</h2>
                    <div class="pyramid-rows">
                        <fieldset class="pyramid-row">
                            <legend>{ tr(lang, "pyramid.service") }</legend>
                            <label class="inline">
                                <input type="checkbox" checked={params.service_on()} onchange={set_service} data-testid="pyramid-service" />
                                { " " }{ tr(lang, "pyramid.service_on") }
                            </label>
                            <p class="explain-text">{ tr(lang, "pyramid.service_why") }</p>
                            { slider(Param::ServiceUp) }
                            { slider(Param::ServiceKeep) }
                            { slider(Param::ServiceCost) }
                        </fieldset>
                        <fieldset class="pyramid-row">
                            <legend>{ tr(lang, "pyramid.lead_policy") }</legend>
                            { for LEAD_CHOICES.into_iter().map(|(policy, v, key, name, why)| html! {
                                <label class="pyramid-choice">
                                    <input type="radio" name="pyramid-lead" checked={params.lead_policy() == policy}
                                        onchange={set_lead(v)} data-testid={format!("pyramid-lead-{key}")} />
                                    { " " }<strong>{ tr(lang, name) }</strong>
                                    { " " }{ tr(lang, why) }
                                </label>
                            }) }
                            { slider(Param::RepriceGain) }
                            { slider(Param::RepriceUp) }
                            { slider(Param::RepriceOut) }
                            { slider(Param::DropShare) }
                            { slider(Param::FixedLead) }
                            { slider(Param::Wom) }
                            <p class="explain-text">{ tr(lang, "pyramid.keep_reasons") }</p>
                        </fieldset>
                    </div>
                </section>
            </Later>

            <Later>
                <section class={section_class(3)} aria-hidden={hidden(3).then_some("true")} aria-labelledby="pyramid-result-h">
                    <h2 id="pyramid-result-h">{ trf(lang, "pyramid.result", &[("n", &years.to_string())]) }</h2>
                    <dl class="stats big">
                        <div><dt>{ trf(lang, "pyramid.total_profit", &[("n", &years.to_string())]) }</dt>
                            <dd data-testid="pyramid-total-profit">{ money(shown.total_profit(), SIGN) }</dd></div>
                        <div><dt>{ trf(lang, "pyramid.final_profit", &[("n", &years.to_string())]) }</dt>
                            <dd data-testid="pyramid-final-profit">{ money(last.total, SIGN) }</dd></div>
                        if let Some(off) = &off {
                            <div><dt>{ tr(lang, "pyramid.total_off") }</dt>
                                <dd data-testid="pyramid-total-off">{ money(off.total_profit(), SIGN) }</dd></div>
                        }
                    </dl>
                    <dl class="stats">
                        { for TIERS.iter().map(|t| html! {
                            <div><dt>{ trf(lang, "pyramid.final_count", &[("tier", &tier_name(lang, *t)), ("n", &years.to_string())]) }</dt>
                                <dd data-testid={format!("pyramid-year-count-{}", t.key())}>{ trim(last.counts[t.index()], 0) }</dd></div>
                        }) }
                    </dl>
                    <p class="verdict" data-testid="pyramid-verdict">{ verdict(lang, &shown, off.as_ref()) }</p>
                    { chart(lang, &shown, off.as_ref()) }
                    { table(lang, &shown) }
                    if let Some(a) = run_a {
                        { comparison(lang, &a, &shown, screen.clear_a(lang)) }
                    }
                </section>
            </Later>
        </div>
    }
}

/// What step `i` shows, for the step bar.
fn step_text(lang: Lang, i: usize, r: &Run) -> String {
    match i {
        0 => tr(lang, "pyramid.step_tiers"),
        1 => tr(lang, "pyramid.step_flows"),
        2 => tr(lang, "pyramid.step_levers"),
        _ => trf(
            lang,
            "pyramid.step_result",
            &[("total", &money(r.total_profit(), SIGN))],
        ),
    }
}

/// One sentence on where the run goes, and what the levers add.
fn verdict(lang: Lang, r: &Run, off: Option<&Run>) -> String {
    let (first, last) = (&r.years[0], r.last());
    let key = if last.total < first.total {
        "pyramid.verdict_down"
    } else {
        "pyramid.verdict_up"
    };
    let mut s = trf(
        lang,
        key,
        &[
            ("from", &money(first.total, SIGN)),
            ("to", &money(last.total, SIGN)),
            ("top0", &pct(Run::top_share(first))),
            ("top1", &pct(Run::top_share(last))),
        ],
    );
    if let Some(off) = off.filter(|o| *o != r) {
        let diff = r.total_profit() - off.total_profit();
        let d = if diff >= 0.0 {
            format!("+{}", money(diff, SIGN))
        } else {
            money(diff, SIGN)
        };
        s.push(' ');
        s.push_str(&trf(lang, "pyramid.verdict_levers", &[("diff", &d)]));
    }
    s
}

/// The pyramid as four stacked bands, diamond on top.
fn shape(lang: Lang, p: &Params) -> Html {
    let (w, h) = (320.0, 220.0);
    let band = h / 4.0;
    let half = |y: f64| 30.0 + (w / 2.0 - 30.0) * (y / h);
    let per = [
        p.v(Param::PDiamond),
        p.v(Param::PGold),
        p.v(Param::PBrass),
        -p.v(Param::LossLead),
    ];
    let desc: Vec<String> = TIERS
        .iter()
        .map(|t| {
            format!(
                "{} {} · {}",
                tier_name(lang, *t),
                trim(p.v(Param::count(*t)), 0),
                money(per[t.index()], SIGN)
            )
        })
        .collect();
    html! {
        <svg class="pyramid-shape" viewBox={format!("0 0 {} {}", w.num(), h.num())} role="img" aria-labelledby="pyramid-shape-title pyramid-shape-desc" data-testid="pyramid-shape">
            <title id="pyramid-shape-title">{ tr(lang, "pyramid.shape") }</title>
            <desc id="pyramid-shape-desc">{ desc.join("; ") }</desc>
            { for TIERS.iter().map(|t| {
                let i = t.index() as f64;
                let (y0, y1) = (i * band, (i + 1.0) * band);
                let (a, b) = (half(y0), half(y1));
                let c = w / 2.0;
                html! {
                    <g>
                        <polygon class={format!("s{}", t.index())}
                            points={band_points(c, (y0, a), (y1, b))} />
                        <text x={c.num()} y={fixed(y0 + band / 2.0 + 5.0, 1)} text-anchor="middle">
                            { format!("{} {}", tier_name(lang, *t), trim(p.v(Param::count(*t)), 0)) }
                        </text>
                    </g>
                }
            }) }
        </svg>
    }
}

/// Stacked head counts by year, with the total-profit line (and the
/// without-levers line dashed). The table below carries the same numbers.
fn chart(lang: Lang, r: &Run, off: Option<&Run>) -> Html {
    let (w, h, left, right, top, bottom) = (640.0, 260.0, 48.0, 64.0, 16.0, 28.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let n = r.years.len();
    let bw = plot_w / n as f64;
    let max_count = r.years.iter().map(|y| y.counts.iter().sum::<f64>()).fold(1.0, f64::max);
    let off = off.filter(|o| *o != r);
    let totals = || {
        r.years
            .iter()
            .map(|y| y.total)
            .chain(off.into_iter().flat_map(|o| o.years.iter().map(|y| y.total)))
    };
    let lo = totals().fold(0.0, f64::min);
    let hi = totals().fold(1.0, f64::max);
    let yc = |v: f64| top + plot_h - v / max_count * plot_h;
    let yp = |v: f64| top + plot_h - (v - lo) / (hi - lo).max(1e-9) * plot_h;
    let cx = |i: usize| left + (i as f64 + 0.5) * bw;
    let line = |run: &Run| -> String {
        run.years
            .iter()
            .enumerate()
            .map(|(i, y)| {
                format!(
                    "{}{},{}",
                    if i == 0 { "M" } else { " L" },
                    fixed(cx(i), 1),
                    fixed(yp(y.total), 1)
                )
            })
            .collect()
    };
    let first = &r.years[0];
    let desc = trf(
        lang,
        "pyramid.chart_desc",
        &[
            ("n", &(n - 1).to_string()),
            ("c0", &trim(first.counts.iter().sum(), 0)),
            ("c1", &trim(r.last().counts.iter().sum(), 0)),
            ("p0", &money(first.total, SIGN)),
            ("p1", &money(r.last().total, SIGN)),
        ],
    );
    html! {
        <figure class="chart pyramid-chart">
            <svg viewBox={format!("0 0 {} {}", w.num(), h.num())} role="img" aria-labelledby="pyramid-chart-title pyramid-chart-desc" data-testid="pyramid-chart">
                <title id="pyramid-chart-title">{ tr(lang, "pyramid.chart") }</title>
                <desc id="pyramid-chart-desc">{ desc }</desc>
                { for [0.0, 0.5, 1.0].iter().map(|f| html! {
                    <g>
                        <line class="grid" x1={left.num()} x2={(w - right).num()} y1={fixed(top + plot_h * (1.0 - f), 1)} y2={fixed(top + plot_h * (1.0 - f), 1)} />
                        <text class="tick" x={(left - 4.0).num()} y={fixed(top + plot_h * (1.0 - f) + 4.0, 1)} text-anchor="end">{ trim(max_count * f, 0) }</text>
                        <text class="tick" x={(w - right + 4.0).num()} y={fixed(yp(lo + (hi - lo) * f) + 4.0, 1)} text-anchor="start">{ money(lo + (hi - lo) * f, SIGN) }</text>
                    </g>
                }) }
                { for r.years.iter().enumerate().map(|(i, y)| {
                    let mut base = 0.0;
                    html! {
                        <g>
                            { for [3usize, 2, 1, 0].into_iter().map(|t| {
                                let (y0, y1) = (yc(base), yc(base + y.counts[t]));
                                base += y.counts[t];
                                html! { <rect class={format!("s{t}")} x={fixed(left + i as f64 * bw + bw * 0.15, 1)} y={fixed(y1, 1)}
                                    width={fixed(bw * 0.7, 1)} height={fixed((y0 - y1).max(0.0), 1)} /> }
                            }) }
                            <text class="tick" x={fixed(cx(i), 1)} y={(h - 8.0).num()} text-anchor="middle">{ i }</text>
                        </g>
                    }
                }) }
                if let Some(o) = off {
                    <path class="profit-line dashed" d={line(o)} />
                }
                <path class="profit-line" d={line(r)} />
            </svg>
            <ul class="legend">
                { for TIERS.iter().map(|t| html! {
                    <li><span class={format!("swatch block s{}", t.index())} aria-hidden="true"></span>{ tier_name(lang, *t) }</li>
                }) }
                <li><span class="swatch profit" aria-hidden="true"></span>{ tr(lang, "pyramid.line_total") }</li>
                if off.is_some() {
                    <li><span class="swatch profit dashed" aria-hidden="true"></span>{ tr(lang, "pyramid.line_off") }</li>
                }
            </ul>
        </figure>
    }
}

/// Year by year: head counts and profit per tier, and the total.
fn table(lang: Lang, r: &Run) -> Html {
    html! {
        <div class="pyramid-table-wrap">
            <table class="status-table pyramid-table" data-testid="pyramid-table">
                <caption>{ tr(lang, "pyramid.table") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "pyramid.col_year") }</th>
                    { for TIERS.iter().map(|t| html! { <th scope="col">{ tier_name(lang, *t) }</th> }) }
                    <th scope="col">{ tr(lang, "pyramid.col_total") }</th>
                </tr></thead>
                <tbody>
                    { for r.years.iter().map(|y| html! {
                        <tr data-testid={format!("pyramid-table-year-{}", y.year)}>
                            <th scope="row">{ y.year }</th>
                            { for TIERS.iter().map(|t| html! {
                                <td>{ trim(y.counts[t.index()], 0) }<br /><small>{ money(y.profit[t.index()], SIGN) }</small></td>
                            }) }
                            <td>
                                { money(y.total, SIGN) }
                                if y.burden > 0.0 {
                                    <br /><small>{ trf(lang, "pyramid.burden", &[("v", &money(y.burden, SIGN))]) }</small>
                                }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The kept A set against the current run.
fn comparison(lang: Lang, a: &Run, b: &Run, clear: Html) -> Html {
    let rows: Vec<(String, String, String)> = std::iter::once((
        tr(lang, "pyramid.col_total_run"),
        money(a.total_profit(), SIGN),
        money(b.total_profit(), SIGN),
    ))
    .chain(std::iter::once((
        tr(lang, "pyramid.col_final"),
        money(a.last().total, SIGN),
        money(b.last().total, SIGN),
    )))
    .chain(TIERS.iter().map(|t| {
        (
            tier_name(lang, *t),
            trim(a.last().counts[t.index()], 0),
            trim(b.last().counts[t.index()], 0),
        )
    }))
    .collect();
    html! {
        <section class="compare" aria-labelledby="pyramid-compare-h" data-testid="pyramid-compare">
            <h3 id="pyramid-compare-h">{ tr(lang, "smith.compare") }</h3>
            <table class="status-table">
                <thead><tr><th scope="col"></th><th scope="col">{ "A" }</th><th scope="col">{ "B" }</th></tr></thead>
                <tbody>
                    { for rows.iter().map(|(k, va, vb)| html! {
                        <tr><th scope="row">{ k }</th><td>{ va }</td><td>{ vb }</td></tr>
                    }) }
                </tbody>
            </table>
            { clear }
        </section>
    }
}
