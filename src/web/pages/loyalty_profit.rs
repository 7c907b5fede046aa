//! Loyalty over time (`#/loyalty-profit`): one customer's profit by year as
//! stacked bars of its components (lecture 2, 图1-2/图1-3), the customer
//! lifetime value, what five more points of retention do to it (Reichheld &
//! Sasser), and two firms with the same sales and different loyalty
//! (图1-4/图1-5). Every assumption on a slider and a field, a step-through
//! for presenting and an A/B comparison; the address holds everything.

use crate::models::loyalty_profit::{
    self, Component, Customer, Firm, Firms, Param, ParamError, Params, COMPONENTS, SPECS,
};
use crate::models::params::{BadParam, ParamSet};
use crate::routing::route::{query_pairs, Route};
use crate::support::format::Num;
use crate::support::format::{fixed, group, trim};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::controls::use_slider_callbacks;
use crate::web::model_screen::{sliders, use_model_screen, ModelParams};
use crate::web::router::use_location;
use crate::web::state::AppCtx;
use crate::web::stepper;
use crate::web::widgets::Later;
use yew::prelude::*;

/// Steps: year 0's loss, each growing component (5), retention, the CLV,
/// five points more, the two firms.
const STEPS: usize = 10;
const STEP_RETENTION: usize = 6;
const STEP_CLV: usize = 7;
const STEP_UPLIFT: usize = 8;
const STEP_FIRMS: usize = 9;

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
        Param::Acquisition => "loyalty.acquisition",
        Param::Base => "loyalty.base",
        Param::Spend => "loyalty.spend",
        Param::Cost => "loyalty.cost",
        Param::Referral => "loyalty.referral",
        Param::Premium => "loyalty.premium",
        Param::Retention => "loyalty.retention",
        Param::Discount => "loyalty.discount",
        Param::Years => "loyalty.years",
        Param::LowRetention => "loyalty.low_retention",
        Param::Customers => "loyalty.customers",
        Param::CacMultiple => "loyalty.cac_multiple",
    }
}

fn unit(p: Param, lang: Lang) -> String {
    match p {
        Param::Acquisition | Param::Base => tr(lang, "loyalty.unit_money"),
        Param::Spend | Param::Cost | Param::Referral | Param::Premium => tr(lang, "loyalty.unit_growth"),
        Param::Years => tr(lang, "unit.years"),
        Param::Customers => tr(lang, "unit.people"),
        Param::CacMultiple => "×".into(),
        _ => "%".into(),
    }
}

fn component_key(c: Component) -> &'static str {
    match c {
        Component::Acquisition => "loyalty.c_acquisition",
        Component::Base => "loyalty.c_base",
        Component::Spend => "loyalty.c_spend",
        Component::Cost => "loyalty.c_cost",
        Component::Referral => "loyalty.c_referral",
        Component::Premium => "loyalty.c_premium",
    }
}

/// What a component's step says.
fn step_key(c: Component) -> &'static str {
    match c {
        Component::Acquisition => "loyalty.step_loss",
        Component::Base => "loyalty.step_base",
        Component::Spend => "loyalty.step_spend",
        Component::Cost => "loyalty.step_cost",
        Component::Referral => "loyalty.step_referral",
        Component::Premium => "loyalty.step_premium",
    }
}

fn amount(x: f64) -> String {
    group(x, 1)
}

fn pct(x: f64) -> String {
    format!("{}%", trim(x * 100.0, 1))
}

fn signed_pct(x: Option<f64>) -> String {
    match x {
        Some(v) if v >= 0.0 => format!("+{}%", group(v, 1)),
        Some(v) => format!("{}%", group(v, 1)),
        None => "—".into(),
    }
}

fn payback_text(lang: Lang, c: &Customer) -> String {
    match c.payback {
        Some(y) => trf(lang, "loyalty.year_n", &[("n", &y.to_string())]),
        None => tr(lang, "loyalty.no_payback"),
    }
}

#[function_component]
pub fn LoyaltyProfitPage() -> Html {
    let lang = use_context::<AppCtx>().expect("App provides the state").lang();
    let screen = use_model_screen::<Params>(Route::LoyaltyProfit, "loyalty", STEPS);
    let (params, compare, reveal) = (screen.params, screen.compare, screen.steps.clone());
    let rule = Params::order_broken(&query_pairs(&use_location().query));

    let set = screen.set();
    let set_param = use_slider_callbacks(SPECS.iter().map(|s| s.param).collect(), {
        let set = set.clone();
        Callback::from(move |(param, display): (Param, f64)| {
            let mut p = params;
            p.set(param, display / param.spec().scale());
            // Keep the low-loyalty firm at or below the loyal one while either moves.
            match param {
                Param::Retention if p.low_retention > p.retention => p.low_retention = p.retention,
                Param::LowRetention if p.low_retention > p.retention => p.retention = p.low_retention,
                _ => {}
            }
            set.emit(p);
        })
    });

    let (Ok(c), Ok(f)) = (loyalty_profit::customer(&params), loyalty_profit::firms(&params)) else {
        return html! { <p class="message error" role="alert">{ tr(lang, "loyalty.invalid") }</p> };
    };
    let shown = |step: usize| reveal.is_none_or(|r| r >= step);
    let hide = |step: usize| (!shown(step)).then_some("concealed");
    let aria_hide = |step: usize| (!shown(step)).then_some("true");
    let in_range = c.uplift.is_some_and(|u| (25.0..=85.0).contains(&u));

    html! {
        <div class="loyalty" data-testid="loyalty">
            <h1>{ tr(lang, "model.loyalty-profit") }</h1>
            <p class="lead">{ tr(lang, "loyalty.lead") }</p>
            { screen.notice(lang) }
            if let Some(e) = &rule {
                <p class="message error" role="alert" data-testid="loyalty-rule">{ rule_text(lang, e) }</p>
            }
            <div class="toolbar" role="group" aria-label={tr(lang, "smith.tools")}>
                { stepper::toggle(lang, &reveal, "loyalty") }
                { screen.keep_a(lang) }
                if compare.is_some() {
                    { screen.clear_a(lang) }
                }
                { screen.tools(lang, Callback::from(|()| ())) }
            </div>

            <Later>
                <div class="loyalty-layout">
                    <section class="assumptions" aria-labelledby="loyalty-assumptions-h">
                        <h2 id="loyalty-assumptions-h">{ tr(lang, "smith.assumptions") }</h2>
                        { sliders("loyalty", lang, &params, &set_param, |p| (tr(lang, label_key(p)), unit(p, lang))) }
                    </section>

                    <section class="results" aria-labelledby="loyalty-customer-h">
                        <h2 id="loyalty-customer-h">{ tr(lang, "loyalty.customer") }</h2>
                        <dl class="stats big">
                            <div class={classes!(hide(STEP_CLV))} aria-hidden={aria_hide(STEP_CLV)}>
                                <dt>{ tr(lang, "loyalty.clv") }</dt>
                                <dd data-testid="loyalty-clv">{ amount(c.clv) }</dd>
                            </div>
                            <div class={classes!(hide(STEP_CLV))} aria-hidden={aria_hide(STEP_CLV)}>
                                <dt>{ tr(lang, "loyalty.clv_plain") }</dt>
                                <dd data-testid="loyalty-clv-plain">{ amount(c.clv_undiscounted) }</dd>
                            </div>
                            <div>
                                <dt>{ tr(lang, "loyalty.payback") }</dt>
                                <dd data-testid="loyalty-payback">{ payback_text(lang, &c) }</dd>
                            </div>
                            <div class={classes!(hide(STEP_UPLIFT))} aria-hidden={aria_hide(STEP_UPLIFT)}>
                                <dt>{ trf(lang, "loyalty.clv_plus", &[("r", &pct(params.retention + loyalty_profit::UPLIFT_POINTS))]) }</dt>
                                <dd data-testid="loyalty-clv-plus">{ amount(c.clv_plus) }</dd>
                            </div>
                            <div class={classes!(hide(STEP_UPLIFT))} aria-hidden={aria_hide(STEP_UPLIFT)}>
                                <dt>{ tr(lang, "loyalty.uplift") }</dt>
                                <dd data-testid="loyalty-profit-uplift">{ signed_pct(c.uplift) }</dd>
                            </div>
                        </dl>
                        <p class={classes!("loyalty-verdict", hide(STEP_UPLIFT))} aria-hidden={aria_hide(STEP_UPLIFT)} data-testid="loyalty-uplift-range">
                            { tr(lang, if in_range { "loyalty.in_range" } else { "loyalty.out_of_range" }) }
                            { " " }{ tr(lang, "loyalty.source") }
                        </p>
                        { bars(lang, &c, &params, *reveal) }
                        { stepper::bar(lang, &reveal, STEPS, step_text(lang, &c, &f, &params, reveal.unwrap_or(0)), "loyalty") }
                    </section>
                </div>
            </Later>

            <Later>
                <section class={classes!("loyalty-firms", hide(STEP_FIRMS))} aria-hidden={aria_hide(STEP_FIRMS)} aria-labelledby="loyalty-firms-h">
                    <h2 id="loyalty-firms-h">{ tr(lang, "loyalty.firms") }</h2>
                    <p>{ trf(lang, "loyalty.firms_help", &[("n", &group(params.customers, 0)), ("x", &trim(params.cac_multiple, 1))]) }</p>
                    { firms_view(lang, &f) }
                </section>
                if let Some(a) = compare {
                    { comparison(lang, &a, &params) }
                }
                <aside class="note" data-testid="loyalty-defaults-note">
                    <h2>{ tr(lang, "loyalty.note_h") }</h2>
                    <p>{ tr(lang, "loyalty.note_defaults") }</p>
                    <p>{ tr(lang, "loyalty.note_convention") }</p>
                </aside>
            </Later>
        </div>
    }
}

fn rule_text(lang: Lang, e: &ParamError) -> String {
    match e {
        ParamError::RetentionOrder { low, high } => trf(
            lang,
            "loyalty.rule_order",
            &[("low", &pct(*low)), ("high", &pct(*high))],
        ),
        _ => tr(lang, "loyalty.invalid"),
    }
}

/// What step `i` of the step-through tells.
fn step_text(lang: Lang, c: &Customer, f: &Firms, p: &Params, i: usize) -> String {
    let last = c.years.last().map_or(0.0, |y| y.profit);
    match i {
        0 => trf(lang, "loyalty.step_loss", &[("a", &amount(p.acquisition))]),
        1..=5 => {
            let comp = COMPONENTS[i];
            let value = c.years.last().map_or(0.0, |y| y.parts[comp.index()]);
            let head = tr(lang, component_key(comp));
            let body = trf(lang, step_key(comp), &[("v", &amount(value)), ("n", &trim(p.years, 0))]);
            format!("{head}: {body}")
        }
        STEP_RETENTION => trf(
            lang,
            "loyalty.step_retention",
            &[("r", &pct(p.retention)), ("last", &amount(last))],
        ),
        STEP_CLV => trf(
            lang,
            "loyalty.step_clv",
            &[("clv", &amount(c.clv)), ("d", &pct(p.discount))],
        ),
        STEP_UPLIFT => trf(lang, "loyalty.step_uplift", &[("u", &signed_pct(c.uplift))]),
        _ => trf(
            lang,
            "loyalty.step_firms",
            &[
                ("low", &group(f.low.acquisition_spend, 0)),
                ("high", &group(f.high.acquisition_spend, 0)),
            ],
        ),
    }
}

const W: f64 = 640.0;
const H: f64 = 260.0;
const LEFT: f64 = 44.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 24.0;

/// The stacked bars, one per year, with the expected profit drawn over them
/// and the same numbers as a table.
fn bars(lang: Lang, c: &Customer, p: &Params, reveal: Option<usize>) -> Html {
    let shown = |step: usize| reveal.is_none_or(|r| r >= step);
    let hi = c.years.iter().map(|y| y.profit).fold(1.0f64, f64::max);
    let lo = (-p.acquisition).min(0.0);
    let span = (hi - lo).max(1e-9);
    let plot_h = H - TOP - BOTTOM;
    let y = |v: f64| TOP + (hi - v) / span * plot_h;
    let n = c.years.len().max(1) as f64;
    let bw = (W - LEFT) / n;
    let every = (c.years.len() / 10).max(1);
    let legend: Vec<Component> = COMPONENTS.to_vec();
    let desc = trf(
        lang,
        "loyalty.bars_desc",
        &[
            ("a", &amount(p.acquisition)),
            ("first", &amount(c.years.get(1).map_or(0.0, |y| y.profit))),
            ("n", &trim(p.years, 0)),
            ("last", &amount(c.years.last().map_or(0.0, |y| y.profit))),
        ],
    );
    let expected: String = c
        .years
        .iter()
        .map(|yr| {
            let x = LEFT + (yr.year as f64 + 0.5) * bw;
            format!(
                "{}{},{}",
                if yr.year == 0 { "M" } else { " L" },
                fixed(x, 1),
                fixed(y(yr.expected), 1)
            )
        })
        .collect();
    html! {
        <figure class="chart loyalty-chart">
            <svg viewBox={format!("0 0 {} {}", W.num(), H.num())} role="img" aria-labelledby="loyalty-bars-title loyalty-bars-desc" data-testid="loyalty-bars">
                <title id="loyalty-bars-title">{ tr(lang, "loyalty.bars") }</title>
                <desc id="loyalty-bars-desc">{ desc }</desc>
                { for [lo, 0.0, hi].iter().map(|v| html! {
                    <g>
                        <line class="grid" x1={LEFT.num()} x2={W.num()} y1={fixed(y(*v), 1)} y2={fixed(y(*v), 1)} />
                        <text class="tick" x={(LEFT - 4.0).num()} y={fixed(y(*v) + 4.0, 1)} text-anchor="end">{ trim(*v, 0) }</text>
                    </g>
                }) }
                { for c.years.iter().map(|yr| {
                    let x = LEFT + yr.year as f64 * bw + bw * 0.15;
                    let width = (bw * 0.7).max(1.0);
                    let mut base = 0.0;
                    html! {
                        <g>
                            { for COMPONENTS.iter().map(|comp| {
                                let v = yr.parts[comp.index()];
                                let (top, bottom) = if v >= 0.0 { (base + v, base) } else { (0.0, v) };
                                if v > 0.0 { base += v; }
                                let step = comp.index();
                                html! {
                                    if v != 0.0 {
                                        <rect class={classes!("part", format!("c-{}", comp.key()), (!shown(step)).then_some("concealed"))}
                                            x={fixed(x, 2)} y={fixed(y(top), 2)} width={fixed(width, 2)}
                                            height={fixed((y(bottom) - y(top)).max(0.0), 2)} />
                                    }
                                }
                            }) }
                            if (yr.year as usize).is_multiple_of(every) || yr.year as usize + 1 == c.years.len() {
                                <text class="tick" x={fixed(LEFT + (yr.year as f64 + 0.5) * bw, 1)} y={(H - 6.0).num()} text-anchor="middle">{ yr.year }</text>
                            }
                        </g>
                    }
                }) }
                <line class="axis" x1={LEFT.num()} x2={W.num()} y1={fixed(y(0.0), 1)} y2={fixed(y(0.0), 1)} />
                <g class={classes!("expected", (!shown(STEP_RETENTION)).then_some("concealed"))} data-testid="loyalty-expected">
                    <path d={expected} />
                    { for c.years.iter().map(|yr| html! {
                        <circle cx={fixed(LEFT + (yr.year as f64 + 0.5) * bw, 1)} cy={fixed(y(yr.expected), 1)} r="3" />
                    }) }
                </g>
            </svg>
            <ul class="legend loyalty-legend">
                { for legend.iter().map(|comp| html! {
                    <li class={classes!((!shown(comp.index())).then_some("concealed"))}>
                        <span class={classes!("swatch", format!("c-{}", comp.key()))} aria-hidden="true"></span>{ tr(lang, component_key(*comp)) }
                    </li>
                }) }
                <li class={classes!((!shown(STEP_RETENTION)).then_some("concealed"))}>
                    <span class="swatch expected" aria-hidden="true"></span>{ tr(lang, "loyalty.expected") }
                </li>
            </ul>
            <details class="chart-table">
                <summary>{ tr(lang, "chart.as_table") }</summary>
                <table data-testid="loyalty-bars-table">
                    <thead><tr>
                        <th scope="col">{ tr(lang, "loyalty.col_year") }</th>
                        { for COMPONENTS.iter().map(|comp| html! { <th scope="col">{ tr(lang, component_key(*comp)) }</th> }) }
                        <th scope="col">{ tr(lang, "loyalty.col_profit") }</th>
                        <th scope="col">{ tr(lang, "loyalty.col_survival") }</th>
                        <th scope="col">{ tr(lang, "loyalty.col_expected") }</th>
                    </tr></thead>
                    <tbody>
                        { for c.years.iter().map(|yr| html! {
                            <tr>
                                <th scope="row">{ yr.year }</th>
                                { for yr.parts.iter().map(|v| html! { <td>{ amount(*v) }</td> }) }
                                <td data-testid={format!("loyalty-year-{}-profit", yr.year)}>{ amount(yr.profit) }</td>
                                <td>{ pct(yr.survival) }</td>
                                <td>{ amount(yr.expected) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

/// The two firms: what each spends a year to serve the same customers, as
/// horizontal stacked bars and a table.
fn firms_view(lang: Lang, f: &Firms) -> Html {
    let rows: [(&str, &str, &Firm); 2] = [
        ("high", "loyalty.firm_high", &f.high),
        ("low", "loyalty.firm_low", &f.low),
    ];
    let max = f.high.spend.max(f.low.spend).max(1e-9);
    let label_w = 150.0;
    let plot_w = W - label_w - 90.0;
    let row_h = 44.0;
    let h = row_h * 2.0 + 8.0;
    let desc = trf(
        lang,
        "loyalty.firms_desc",
        &[
            ("high", &group(f.high.acquisition_spend, 0)),
            ("low", &group(f.low.acquisition_spend, 0)),
            ("n", &group(f.high.customers, 0)),
        ],
    );
    let ratio = f.acquisition_ratio();
    type Cell = fn(&Firm) -> String;
    let table: [(&str, &str, Cell); 8] = [
        ("loyalty.row_customers", "customers", |x| group(x.customers, 0)),
        ("loyalty.row_retention", "retention", |x| pct(x.retention)),
        ("loyalty.row_new", "new", |x| group(x.new_customers, 0)),
        ("loyalty.row_acquisition", "acquisition", |x| {
            group(x.acquisition_spend, 0)
        }),
        ("loyalty.row_keep", "keep", |x| group(x.keep_spend, 0)),
        ("loyalty.row_spend", "spend", |x| group(x.spend, 0)),
        ("loyalty.row_profit", "profit", |x| amount(x.profit_per_customer)),
        ("loyalty.row_net", "net", |x| group(x.net, 0)),
    ];
    html! {
        <>
            <figure class="chart loyalty-chart">
                <svg viewBox={format!("0 0 {} {}", W.num(), h.num())} role="img" aria-labelledby="loyalty-firms-title loyalty-firms-desc" data-testid="loyalty-firms-chart">
                    <title id="loyalty-firms-title">{ tr(lang, "loyalty.firms") }</title>
                    <desc id="loyalty-firms-desc">{ desc }</desc>
                    { for rows.iter().enumerate().map(|(i, (_, key, firm))| {
                        let y0 = 4.0 + i as f64 * row_h;
                        let wa = firm.acquisition_spend / max * plot_w;
                        let wk = firm.keep_spend / max * plot_w;
                        html! {
                            <g>
                                <text class="tick" x={(label_w - 8.0).num()} y={fixed(y0 + 18.0, 1)} text-anchor="end">{ tr(lang, key) }</text>
                                <text class="tick" x={(label_w - 8.0).num()} y={fixed(y0 + 34.0, 1)} text-anchor="end">{ pct(firm.retention) }</text>
                                <rect class="part c-acquisition" x={label_w.num()} y={fixed(y0 + 6.0, 1)} width={fixed(wa, 2)} height="28" />
                                <rect class="part c-keep" x={fixed(label_w + wa, 2)} y={fixed(y0 + 6.0, 1)} width={fixed(wk, 2)} height="28" />
                                <text class="value" x={fixed(label_w + wa + wk + 6.0, 1)} y={fixed(y0 + 25.0, 1)}>{ group(firm.spend, 0) }</text>
                            </g>
                        }
                    }) }
                </svg>
                <ul class="legend loyalty-legend">
                    <li><span class="swatch c-acquisition" aria-hidden="true"></span>{ tr(lang, "loyalty.row_acquisition") }</li>
                    <li><span class="swatch c-keep" aria-hidden="true"></span>{ tr(lang, "loyalty.row_keep") }</li>
                </ul>
            </figure>
            <table class="status-table" data-testid="loyalty-firms-table">
                <thead><tr>
                    <th scope="col"></th>
                    <th scope="col">{ tr(lang, "loyalty.firm_high") }</th>
                    <th scope="col">{ tr(lang, "loyalty.firm_low") }</th>
                </tr></thead>
                <tbody>
                    { for table.iter().map(|(key, id, cell)| html! {
                        <tr>
                            <th scope="row">{ tr(lang, key) }</th>
                            { for rows.iter().map(|(side, _, firm)| html! {
                                <td data-testid={format!("loyalty-firm-{side}-{id}")}>{ cell(firm) }</td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
            <p data-testid="loyalty-firms-ratio">
                { match ratio {
                    Some(r) => trf(lang, "loyalty.firms_ratio", &[("x", &trim(r, 2))]),
                    None => tr(lang, "loyalty.firms_free"),
                } }
            </p>
        </>
    }
}

/// The kept A set beside the current B set.
fn comparison(lang: Lang, a: &Params, b: &Params) -> Html {
    let (Ok(ca), Ok(cb), Ok(fa), Ok(fb)) = (
        loyalty_profit::customer(a),
        loyalty_profit::customer(b),
        loyalty_profit::firms(a),
        loyalty_profit::firms(b),
    ) else {
        return html! {};
    };
    let changed: Vec<(String, String, String)> = SPECS
        .iter()
        .filter(|s| a.get(s.param) != b.get(s.param))
        .map(|s| {
            let show = |p: &Params| {
                let v = p.get(s.param);
                if s.percent {
                    pct(v)
                } else {
                    trim(v, 2)
                }
            };
            (tr(lang, label_key(s.param)), show(a), show(b))
        })
        .collect();
    let rows: [(&str, String, String); 5] = [
        ("loyalty.clv", amount(ca.clv), amount(cb.clv)),
        ("loyalty.uplift", signed_pct(ca.uplift), signed_pct(cb.uplift)),
        ("loyalty.payback", payback_text(lang, &ca), payback_text(lang, &cb)),
        (
            "loyalty.row_acquisition_low",
            group(fa.low.acquisition_spend, 0),
            group(fb.low.acquisition_spend, 0),
        ),
        ("loyalty.row_net_high", group(fa.high.net, 0), group(fb.high.net, 0)),
    ];
    html! {
        <section class="compare" aria-labelledby="loyalty-compare-h" data-testid="loyalty-compare">
            <h2 id="loyalty-compare-h">{ tr(lang, "smith.compare") }</h2>
            if changed.is_empty() {
                <p>{ tr(lang, "smith.compare_same") }</p>
            }
            <table class="status-table">
                <thead><tr><th scope="col"></th><th scope="col">{ "A" }</th><th scope="col">{ "B" }</th></tr></thead>
                <tbody>
                    { for changed.iter().map(|(label, va, vb)| html! {
                        <tr class="assumption"><th scope="row">{ label }</th><td>{ va }</td><td>{ vb }</td></tr>
                    }) }
                    { for rows.iter().map(|(key, va, vb)| html! {
                        <tr><th scope="row">{ tr(lang, key) }</th><td>{ va }</td><td>{ vb }</td></tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
