//! Goodbye Mrs Smith (`#/smith`): the lost-customer chain as a cascade, every
//! assumption on a slider and a field, the Monte Carlo spread, the tornado of
//! what matters most, a step-through for workshops and an A/B comparison.
//! The address is the single source of truth: every change rewrites it, so
//! a copied link reproduces the screen exactly.

use crate::models::params::BadParam;
use crate::models::params::ParamSet;
use crate::models::smith::{self, Chain, Currency, Outcome, Param, Params, Simulation, SPECS, TRIALS};
use crate::routing::route::{query_pairs, Route};
use crate::support::format::{money, trim};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::charts::{Bin, Histogram, Marker, Tornado, TornadoRow};
use crate::web::controls::use_slider_callbacks;
use crate::web::model_screen::{sliders, use_model_screen, ModelParams};
use crate::web::state::AppCtx;
use crate::web::stepper;
use crate::web::widgets::Later;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Pause after the last change before the Monte Carlo run starts.
const MC_DELAY_MS: i32 = 120;
/// Milliseconds of trials per task, so the page answers input meanwhile on
/// any device (a slow phone simply takes more tasks).
const MC_SLICE_MS: f64 = 4.0;

/// Resolves in a later task, `ms` milliseconds from now at the earliest.
async fn next_task(ms: i32) {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}

/// Number of links in the cascade (for the step-through).
const LINKS: usize = 8;

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
        Params::from_compact(packed, self)
    }
}

fn label_key(p: Param) -> &'static str {
    match p {
        Param::Weekly => "smith.weekly",
        Param::Weeks => "smith.weeks",
        Param::Years => "smith.years",
        Param::ReachLo => "smith.reach_lo",
        Param::ReachHi => "smith.reach_hi",
        Param::Influenced => "smith.influenced",
        Param::Second => "smith.second",
        Param::Stop => "smith.stop",
        Param::Margin => "smith.margin",
        Param::CacMultiple => "smith.cac_multiple",
    }
}

fn unit(p: Param, lang: Lang, currency: Currency) -> String {
    let spec = p.spec();
    if spec.percent {
        "%".into()
    } else {
        match p {
            Param::Weekly => currency.sign().into(),
            Param::Weeks => tr(lang, "unit.weeks"),
            Param::Years => tr(lang, "unit.years"),
            Param::ReachLo | Param::ReachHi | Param::Second => tr(lang, "unit.people"),
            _ => "×".into(),
        }
    }
}

#[function_component]
pub fn SmithPage() -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    let screen = use_model_screen::<Params>(Route::Smith, "smith", LINKS);
    let (params, compare, reveal) = (screen.params, screen.compare, screen.steps.clone());
    let show_profit = use_state(|| false);

    let set = screen.set();
    let set_param = use_slider_callbacks(SPECS.iter().map(|s| s.param).collect(), {
        let set = set.clone();
        Callback::from(move |(param, display): (Param, f64)| {
            let mut p = params;
            let v = display / param.spec().scale();
            p.set(param, v);
            // Keep the reach range ordered while either end moves.
            match param {
                Param::ReachLo if p.reach_lo > p.reach_hi => p.reach_hi = p.reach_lo,
                Param::ReachHi if p.reach_hi < p.reach_lo => p.reach_lo = p.reach_hi,
                _ => {}
            }
            set.emit(p);
        })
    });

    let outcome = smith::compute(&params);
    // The Monte Carlo run waits until the assumptions stop moving, so a
    // slider drag re-renders the chain at once; the run follows ~0.1 s later,
    // a few milliseconds of trials per task so the page stays responsive meanwhile.
    let sim = use_state(|| None::<(Params, Simulation)>);
    {
        let sim = sim.clone();
        use_effect_with(params, move |p| {
            let p = *p;
            let cancelled = Rc::new(Cell::new(false));
            let stop = cancelled.clone();
            wasm_bindgen_futures::spawn_local(async move {
                next_task(MC_DELAY_MS).await;
                let Ok(mut run) = smith::Run::new(&p, TRIALS) else {
                    sim.set(None);
                    return;
                };
                while !cancelled.get() {
                    let started = js_sys::Date::now();
                    while js_sys::Date::now() - started < MC_SLICE_MS {
                        if run.step(1_000) {
                            sim.set(Some((p, run.finish())));
                            return;
                        }
                    }
                    next_task(0).await;
                }
            });
            move || stop.set(true)
        });
    }
    let sim_stale = sim.as_ref().is_none_or(|(p, _)| *p != params);
    let swings = smith::sensitivity(&params).unwrap_or_default();

    let on_reset = {
        let show_profit = show_profit.clone();
        Callback::from(move |()| show_profit.set(false))
    };
    let rerun = {
        let set = set.clone();
        Callback::from(move |_| {
            let seed = (js_sys::Math::random() * 1_000_000.0) as u64;
            set.emit(Params { seed, ..params });
        })
    };
    let set_currency = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(c) = Currency::parse(&select.value()) {
                set.emit(Params { currency: c, ..params });
            }
        })
    };
    let toggle_profit = {
        let show_profit = show_profit.clone();
        Callback::from(move |_| show_profit.set(!*show_profit))
    };
    let sign = params.currency.sign();

    html! {
        <div class="smith" data-testid="smith">
            <h1>{ tr(lang, "model.smith") }</h1>
            <p class="lead">{ tr(lang, "smith.lead") }</p>
            { screen.notice(lang) }
            <div class="toolbar" role="group" aria-label={tr(lang, "smith.tools")}>
                { stepper::toggle(lang, &reveal, "smith") }
                { screen.keep_a(lang) }
                <label class="inline">
                    { tr(lang, "smith.currency") }{ " " }
                    <select onchange={set_currency} data-testid="smith-currency">
                        <option value="usd" selected={params.currency == Currency::Usd}>{ "$ USD" }</option>
                        <option value="cny" selected={params.currency == Currency::Cny}>{ "¥ CNY" }</option>
                    </select>
                </label>
                <label class="inline">
                    <input type="checkbox" checked={*show_profit} onchange={toggle_profit} data-testid="smith-profit-toggle" />
                    { " " }{ tr(lang, "smith.show_profit") }
                </label>
                { screen.tools(lang, on_reset) }
            </div>

            // Everything below the toolbar comes in later tasks, one section
            // each (`Later`): opening the screen is then several short tasks.
            <Later>
                <div class="smith-layout">
                    <section class="assumptions" aria-labelledby="assumptions-h">
                        <h2 id="assumptions-h">{ tr(lang, "smith.assumptions") }</h2>
                        { sliders("smith", lang, &params, &set_param, |p| (tr(lang, label_key(p)), unit(p, lang, params.currency))) }
                    </section>

                    <section class="results" aria-labelledby="chain-h">
                        <h2 id="chain-h">{ tr(lang, "smith.chain") }</h2>
                        { match &outcome {
                            Ok(o) => cascade(lang, sign, o, &params, *reveal, *show_profit),
                            Err(_) => html! { <p class="message error" role="alert">{ tr(lang, "smith.invalid") }</p> },
                        } }
                        if let Ok(o) = &outcome {
                            { stepper::bar(lang, &reveal, LINKS, link_text(lang, sign, o, &params, reveal.unwrap_or(0)), "smith") }
                        }
                        if let Ok(o) = &outcome {
                            { insights(lang, sign, o, &params, &swings) }
                        }
                    </section>
                </div>
            </Later>

            <Later>
                if let Some(a) = compare {
                    { comparison(lang, sign, &a, &params, screen.clear_a(lang)) }
                }

                <section aria-labelledby="mc-h">
                    <h2 id="mc-h">{ tr(lang, "smith.mc") }</h2>
                    <div aria-busy={sim_stale.to_string()}>
                        { match &*sim {
                            Some((_, s)) => monte_carlo(lang, sign, s, rerun),
                            None => html! { <p>{ tr(lang, "smith.mc_running") }</p> },
                        } }
                    </div>
                </section>
            </Later>

            <Later>
                if !swings.is_empty() {
                    <section aria-labelledby="tornado-h">
                        <h2 id="tornado-h">{ tr(lang, "smith.tornado") }</h2>
                        <p>{ tr(lang, "smith.tornado_help") }</p>
                        <Tornado id="smith-tornado" title={tr(lang, "smith.tornado")}
                            desc={trf(lang, "smith.tornado_desc", &[("top", &tr(lang, label_key(swings[0].param)))])}
                            base={smith::mid_total(&params)}
                            rows={swings.iter().map(|s| TornadoRow {
                                label: tr(lang, label_key(s.param)), down: s.down, up: s.up,
                                text: (money(s.down, sign), money(s.up, sign)),
                            }).collect::<Vec<_>>()}
                            table_heads={(tr(lang, "smith.col_assumption"), tr(lang, "smith.col_lower"), tr(lang, "smith.col_higher"))}
                            table_summary={tr(lang, "chart.as_table")} />
                    </section>
                }
            </Later>
        </div>
    }
}

/// The chain, link by link, low and high reach side by side.
fn cascade(lang: Lang, sign: &str, o: &Outcome, p: &Params, reveal: Option<usize>, profit: bool) -> Html {
    let n = |x: f64| trim(x, 2);
    let m = |x: f64| money(x, sign);
    let pct = |x: f64| format!("{}%", trim(x * 100.0, 1));
    type Cell = fn(&Chain) -> f64;
    // (title key, formula, testid stem, value of a chain, is money)
    let rows: [(&str, String, &str, Cell, bool); 7] = [
        ("smith.link_told", tr(lang, "smith.f_told"), "told", |c| c.reach, false),
        (
            "smith.link_first",
            format!("× {}", pct(p.influenced)),
            "first",
            |c| c.first,
            false,
        ),
        (
            "smith.link_second",
            format!("× {}", n(p.second)),
            "second",
            |c| c.second,
            false,
        ),
        (
            "smith.link_influenced",
            tr(lang, "smith.f_influenced"),
            "influenced",
            |c| c.influenced,
            false,
        ),
        (
            "smith.link_lost",
            format!("× {}", pct(p.stop)),
            "lost",
            |c| c.lost,
            false,
        ),
        (
            "smith.link_indirect",
            format!("× {}", m(o.low.direct)),
            "indirect",
            |c| c.indirect,
            true,
        ),
        (
            "smith.link_total",
            tr(lang, "smith.f_total"),
            "total",
            |c| c.total,
            true,
        ),
    ];
    let hidden = |i: usize| reveal.is_some_and(|r| i > r);
    html! {
        <ol class="cascade" data-testid="smith-cascade">
            <li class={classes!("link", "direct", hidden(0).then_some("concealed"))} aria-hidden={hidden(0).then_some("true")}>
                <span class="link-title">{ tr(lang, "smith.link_direct") }</span>
                <span class="formula">{ format!("{} × {} × {}", m(p.weekly), n(p.weeks), n(p.years)) }</span>
                <span class="value wide" data-testid="smith-direct-loss">{ m(o.low.direct) }</span>
            </li>
            <li class="link heads" aria-hidden="true">
                <span></span><span></span>
                <span class="value">{ trf(lang, "smith.low", &[("n", &n(p.reach_lo))]) }</span>
                <span class="value">{ trf(lang, "smith.high", &[("n", &n(p.reach_hi))]) }</span>
            </li>
            { for rows.iter().enumerate().map(|(i, (key, formula, id, cell, is_money))| {
                let show = |x: f64| if *is_money { m(x) } else { n(x) };
                let idx = i + 1;
                html! {
                    <li class={classes!("link", (*id == "total").then_some("total"), hidden(idx).then_some("concealed"))}
                        aria-hidden={hidden(idx).then_some("true")}>
                        <span class="link-title">{ tr(lang, key) }</span>
                        <span class="formula">{ formula }</span>
                        <span class="value" data-testid={format!("smith-{id}-low")}>
                            <span class="sr-only">{ trf(lang, "smith.low", &[("n", &n(p.reach_lo))]) }{ ": " }</span>{ show(cell(&o.low)) }
                        </span>
                        <span class="value" data-testid={format!("smith-{id}-high")}>
                            <span class="sr-only">{ trf(lang, "smith.high", &[("n", &n(p.reach_hi))]) }{ ": " }</span>{ show(cell(&o.high)) }
                        </span>
                    </li>
                }
            }) }
            if profit {
                <li class={classes!("link", "profit", hidden(LINKS - 1).then_some("concealed"))}>
                    <span class="link-title">{ tr(lang, "smith.link_profit") }</span>
                    <span class="formula">{ format!("× {}", pct(p.margin)) }</span>
                    <span class="value" data-testid="smith-profit-low">{ m(o.low.total * p.margin) }</span>
                    <span class="value" data-testid="smith-profit-high">{ m(o.high.total * p.margin) }</span>
                </li>
            }
        </ol>
    }
}

/// What step `i` of the step-through reveals, for the bar (and screen readers).
fn link_text(lang: Lang, sign: &str, o: &Outcome, p: &Params, i: usize) -> String {
    let n = |x: f64| trim(x, 2);
    let m = |x: f64| money(x, sign);
    let (key, low, high) = match i {
        0 => return format!("{}: {}", tr(lang, "smith.link_direct"), m(o.low.direct)),
        1 => ("smith.link_told", n(o.low.reach), n(o.high.reach)),
        2 => ("smith.link_first", n(o.low.first), n(o.high.first)),
        3 => ("smith.link_second", n(o.low.second), n(o.high.second)),
        4 => ("smith.link_influenced", n(o.low.influenced), n(o.high.influenced)),
        5 => ("smith.link_lost", n(o.low.lost), n(o.high.lost)),
        6 => ("smith.link_indirect", m(o.low.indirect), m(o.high.indirect)),
        _ => ("smith.link_total", m(o.low.total), m(o.high.total)),
    };
    let low_head = trf(lang, "smith.low", &[("n", &n(p.reach_lo))]);
    let high_head = trf(lang, "smith.high", &[("n", &n(p.reach_hi))]);
    format!("{}: {low_head} {low}; {high_head} {high}", tr(lang, key))
}

/// The three take-aways under the cascade.
fn insights(lang: Lang, sign: &str, o: &Outcome, p: &Params, swings: &[smith::Swing]) -> Html {
    let budget = o.keep_budget_per_year(p);
    html! {
        <ul class="insights">
            <li data-testid="smith-insight-cac">{ trf(lang, "smith.insight_cac", &[("x", &trim(p.cac_multiple, 1))]) }</li>
            <li data-testid="smith-insight-budget">
                { trf(lang, "smith.insight_budget", &[("amount", &money(budget, sign)), ("margin", &trim(p.margin * 100.0, 1))]) }
            </li>
            if let Some(top) = swings.first() {
                <li data-testid="smith-insight-driver">{ trf(lang, "smith.insight_driver", &[("name", &tr(lang, label_key(top.param)))]) }</li>
            }
        </ul>
    }
}

/// The Monte Carlo histogram, its percentiles and the re-run button.
fn monte_carlo(lang: Lang, sign: &str, s: &Simulation, rerun: Callback<MouseEvent>) -> Html {
    let width = s.histogram.width;
    let span = (width * s.histogram.counts.len() as f64).max(1e-9);
    let at = |x: f64| (x - s.histogram.start) / span;
    let bins: Vec<Bin> = s
        .histogram
        .counts
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let from = s.histogram.start + i as f64 * width;
            Bin {
                label: format!("{}–{}", money(from, sign), money(from + width, sign)),
                count,
            }
        })
        .collect();
    let markers = vec![
        Marker {
            at: at(s.p5),
            label: format!("P5 {}", money(s.p5, sign)),
        },
        Marker {
            at: at(s.median),
            label: trf(lang, "smith.median_short", &[("v", &money(s.median, sign))]),
        },
        Marker {
            at: at(s.p95),
            label: format!("P95 {}", money(s.p95, sign)),
        },
    ];
    let end = s.histogram.start + span;
    html! {
        <>
            <p>{ trf(lang, "smith.mc_help", &[("n", &trim(s.trials as f64, 0))]) }</p>
            <dl class="stats">
                <div><dt>{ tr(lang, "smith.mean") }</dt><dd data-testid="smith-mc-mean">{ money(s.mean, sign) }</dd></div>
                <div><dt>{ tr(lang, "smith.median") }</dt><dd data-testid="smith-mc-median">{ money(s.median, sign) }</dd></div>
                <div><dt>{ tr(lang, "smith.p5_p95") }</dt><dd data-testid="smith-mc-range">{ format!("{} – {}", money(s.p5, sign), money(s.p95, sign)) }</dd></div>
                <div><dt>{ tr(lang, "smith.seed") }</dt><dd data-testid="smith-seed">{ s.seed }</dd></div>
            </dl>
            <button type="button" class="button" onclick={rerun} data-testid="smith-rerun">{ tr(lang, "smith.rerun") }</button>
            <Histogram id="smith-histogram" title={tr(lang, "smith.mc")}
                desc={trf(lang, "smith.hist_desc", &[("p5", &money(s.p5, sign)), ("median", &money(s.median, sign)), ("p95", &money(s.p95, sign))])}
                {bins} {markers} axis={(money(s.histogram.start, sign), money(end, sign))}
                table_heads={(tr(lang, "smith.col_range"), tr(lang, "smith.col_trials"))}
                table_summary={tr(lang, "chart.as_table")} />
        </>
    }
}

/// Side-by-side key results of the kept A set and the current B set.
fn comparison(lang: Lang, sign: &str, a: &Params, b: &Params, clear: Html) -> Html {
    let (Ok(oa), Ok(ob)) = (smith::compute(a), smith::compute(b)) else {
        return html! {};
    };
    let rows = [
        ("smith.link_direct", oa.low.direct, ob.low.direct),
        ("smith.total_low", oa.low.total, ob.low.total),
        ("smith.total_high", oa.high.total, ob.high.total),
        ("smith.profit_low", oa.low.total * a.margin, ob.low.total * b.margin),
    ];
    // The assumptions where B differs from A, in display units.
    let changed: Vec<(String, String, String)> = SPECS
        .iter()
        .filter(|s| a.get(s.param) != b.get(s.param))
        .map(|s| {
            let show = |p: &Params| {
                let v = p.get(s.param);
                if s.percent {
                    format!("{}%", trim(v * 100.0, 1))
                } else {
                    trim(v, 2)
                }
            };
            (tr(lang, label_key(s.param)), show(a), show(b))
        })
        .collect();
    html! {
        <section class="compare" aria-labelledby="compare-h" data-testid="smith-compare">
            <h2 id="compare-h">{ tr(lang, "smith.compare") }</h2>
            if changed.is_empty() {
                <p>{ tr(lang, "smith.compare_same") }</p>
            }
            <table class="status-table">
                <thead><tr>
                    <th scope="col"></th>
                    <th scope="col">{ "A" }</th>
                    <th scope="col">{ "B" }</th>
                    <th scope="col">{ tr(lang, "smith.col_diff") }</th>
                </tr></thead>
                <tbody>
                    { for changed.iter().map(|(label, va, vb)| html! {
                        <tr class="assumption">
                            <th scope="row">{ label }</th>
                            <td>{ va }</td>
                            <td>{ vb }</td>
                            <td></td>
                        </tr>
                    }) }
                    { for rows.iter().map(|(key, va, vb)| html! {
                        <tr>
                            <th scope="row">{ tr(lang, key) }</th>
                            <td>{ money(*va, sign) }</td>
                            <td>{ money(*vb, sign) }</td>
                            <td>{ if vb >= va { format!("+{}", money(vb - va, sign)) } else { money(vb - va, sign) } }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            { clear }
        </section>
    }
}
