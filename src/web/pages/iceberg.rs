//! The complaint iceberg and Heinrich's 1 : 29 : 300 (`#/iceberg`, lecture
//! 7, 图4-2): what the firm hears versus what happens, who comes back after
//! each kind of handling, who leaves, who hears about it, what the lost
//! customers were worth (the smith chain, per customer), and Heinrich's
//! pyramid beside it. Every assumption on a slider and a field, a
//! step-through for workshops, and an A/B comparison of two handling
//! policies. The address is the single source of truth.

use crate::models::iceberg::{self, Outcome, Param, Params, Rule, RATES_MAJOR, RATES_MINOR, SPECS};
use crate::models::params::{BadParam, ParamSet};
use crate::routing::route::{query_pairs, Route};
use crate::support::format::{fixed, money, trim};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::charts::band_points;
use crate::web::controls::{use_slider_callbacks, Slider};
use crate::web::model_screen::{use_model_screen, ModelParams};
use crate::web::router::use_location;
use crate::web::state::AppCtx;
use crate::web::stepper;
use crate::web::widgets::Later;
use std::rc::Rc;
use yew::prelude::*;

/// Steps of the step-through: the tip, below the water, who leaves, who
/// hears, the money, Heinrich.
const STEPS: usize = 6;
const SIGN: &str = "$";

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
        Param::Problems => "iceberg.problems",
        Param::Formal => "iceberg.p_formal",
        Param::Grumble => "iceberg.p_grumble",
        Param::Silent => "iceberg.p_silent",
        Param::Quick => "iceberg.p_quick",
        Param::Resolved => "iceberg.p_resolved",
        Param::GrumbleFixed => "iceberg.p_grumble_fixed",
        Param::BackQuick => "iceberg.back_quick",
        Param::BackResolved => "iceberg.back_resolved",
        Param::BackUnresolved => "iceberg.back_unresolved",
        Param::BackSilent => "iceberg.back_silent",
        Param::TellUnhappy => "iceberg.tell_unhappy",
        Param::TellHappy => "iceberg.tell_happy",
        Param::Weekly => "iceberg.weekly",
        Param::Years => "iceberg.years",
        Param::Serious => "iceberg.serious",
    }
}

fn unit(p: Param, lang: Lang) -> String {
    match p {
        _ if p.spec().percent => "%".into(),
        Param::Weekly => SIGN.into(),
        Param::Years => tr(lang, "unit.years"),
        Param::Serious => tr(lang, "iceberg.unit_incidents"),
        _ => tr(lang, "unit.people"),
    }
}

/// The slider groups: heading key and the parameters under it.
const GROUPS: [(&str, &[Param]); 5] = [
    (
        "iceberg.g_customers",
        &[Param::Problems, Param::Formal, Param::Grumble, Param::Silent],
    ),
    (
        "iceberg.g_policy",
        &[Param::Quick, Param::Resolved, Param::GrumbleFixed],
    ),
    (
        "iceberg.g_rates",
        &[
            Param::BackQuick,
            Param::BackResolved,
            Param::BackUnresolved,
            Param::BackSilent,
        ],
    ),
    ("iceberg.g_word", &[Param::TellUnhappy, Param::TellHappy]),
    ("iceberg.g_money", &[Param::Weekly, Param::Years, Param::Serious]),
];

fn rule_key(r: Rule) -> &'static str {
    match r {
        Rule::SharesSum => "iceberg.rule_shares",
        Rule::HandlingSum => "iceberg.rule_handling",
        Rule::RatesOrder => "iceberg.rule_rates",
    }
}

fn pct(x: f64) -> String {
    format!("{}%", trim(x * 100.0, 1))
}
fn people(x: f64) -> String {
    trim(x, 1)
}

#[function_component]
pub fn IcebergPage() -> Html {
    let lang = use_context::<AppCtx>().expect("App provides the state").lang();
    let screen = use_model_screen::<Params>(Route::Iceberg, "iceberg", STEPS);
    let (params, compare, steps) = (screen.params, screen.compare, screen.steps.clone());
    // The rules the address broke, explained with the values it gave.
    let raw = Params::from_query_unchecked(&query_pairs(&use_location().query)).0;
    let broken = raw.broken_rules();

    let set = screen.set();
    let on_change = use_slider_callbacks(SPECS.iter().map(|s| s.param).collect(), {
        let set = set.clone();
        Callback::from(move |(param, display): (Param, f64)| {
            set.emit(params.with(param, display / param.spec().scale()))
        })
    });
    let preset = |rates: [f64; 4], id: &'static str, key: &'static str| {
        let set = set.clone();
        let p = params.with_rates(rates);
        html! {
            <button type="button" class="button" aria-pressed={(p == params).to_string()}
                data-testid={format!("iceberg-rates-{id}")} onclick={Callback::from(move |_| set.emit(p))}>
                { tr(lang, key) }
            </button>
        }
    };
    let Ok(o) = iceberg::compute(&params) else {
        return html! { <p class="message error" role="alert">{ tr(lang, "iceberg.invalid") }</p> };
    };
    let shown = *steps;
    let hidden = move |i: usize| shown.is_some_and(|s| i > s);

    html! {
        <div class="iceberg" data-testid="iceberg">
            <h1>{ tr(lang, "model.iceberg") }</h1>
            <p class="lead">{ tr(lang, "iceberg.lead") }</p>
            { screen.notice(lang) }
            if !broken.is_empty() {
                <div class="message error" role="alert" data-testid="iceberg-rule">
                    { for broken.iter().map(|&r| html! { <p>{ rule_text(lang, r, &raw) }</p> }) }
                </div>
            }
            <div class="toolbar" role="group" aria-label={tr(lang, "smith.tools")}>
                { stepper::toggle(lang, &steps, "iceberg") }
                { screen.keep_a(lang) }
                if compare.is_some() {
                    { screen.clear_a(lang) }
                }
                { screen.tools(lang, Callback::noop()) }
            </div>

            <Later>
                <div class="smith-layout">
                    <section class="assumptions" aria-labelledby="iceberg-assumptions-h">
                        <h2 id="iceberg-assumptions-h">{ tr(lang, "smith.assumptions") }</h2>
                        { for GROUPS.iter().map(|(key, group)| html! {
                            <fieldset class="iceberg-group">
                                <legend>{ tr(lang, key) }</legend>
                                if *key == "iceberg.g_customers" {
                                    <p class="hint">{ tr(lang, "iceberg.hint_shares") }</p>
                                }
                                if *key == "iceberg.g_rates" {
                                    <div class="toolbar" role="group" aria-label={tr(lang, "iceberg.g_rates")}>
                                        { preset(RATES_MINOR, "minor", "iceberg.rates_minor") }
                                        { preset(RATES_MAJOR, "major", "iceberg.rates_major") }
                                    </div>
                                }
                                { for group.iter().map(|&p| slider(lang, &params, p, &on_change)) }
                            </fieldset>
                        }) }
                    </section>

                    <section class="results" aria-labelledby="iceberg-results-h">
                        <h2 id="iceberg-results-h">{ tr(lang, "iceberg.results") }</h2>
                        { iceberg_chart(lang, &o, &params, shown) }
                        { stepper::bar(lang, &steps, STEPS, step_text(lang, &o, &params, shown.unwrap_or(0)), "iceberg") }
                        { results(lang, &o, &params, hidden) }
                    </section>
                </div>
            </Later>

            <Later>
                <section aria-labelledby="iceberg-heinrich-h" class={classes!("iceberg-heinrich", hidden(5).then_some("concealed"))}
                    aria-hidden={hidden(5).then_some("true")}>
                    <h2 id="iceberg-heinrich-h">{ tr(lang, "iceberg.heinrich") }</h2>
                    <p>{ tr(lang, "iceberg.heinrich_help") }</p>
                    { heinrich_chart(lang, &o) }
                </section>
                if let Some(a) = compare {
                    { comparison(lang, &a, &params, screen.clear_a(lang)) }
                }
            </Later>
        </div>
    }
}

/// One labelled slider (ids `iceberg-{key}`), percentages shown 0–100.
fn slider(lang: Lang, params: &Params, p: Param, on_change: &Rc<Vec<Callback<f64>>>) -> Html {
    let i = SPECS.iter().position(|s| s.param == p).unwrap_or(0);
    let s = &SPECS[i];
    let scale = s.scale();
    let unit = unit(p, lang);
    html! {
        <Slider id={format!("iceberg-{}", s.key.replace('_', "-"))} label={format!("{} ({unit})", tr(lang, label_key(p)))} {unit}
            value={params.get(p) * scale} min={s.min * scale} max={s.max * scale}
            step={s.step * scale} integer={s.integer} {lang} on_change={on_change[i].clone()} />
    }
}

/// What a broken rule means, with the values the address gave.
fn rule_text(lang: Lang, r: Rule, raw: &Params) -> String {
    let sum = match r {
        Rule::SharesSum => raw.formal + raw.grumble + raw.silent,
        Rule::HandlingSum => raw.quick + raw.resolved,
        Rule::RatesOrder => 0.0,
    };
    trf(lang, rule_key(r), &[("sum", &pct(sum))])
}

/// The iceberg: formal complaints above the waterline, grumbles and silent
/// leavers below; band heights follow the shares.
fn iceberg_chart(lang: Lang, o: &Outcome, p: &Params, shown: Option<usize>) -> Html {
    let (top, span, floor) = (16.0, 250.0, 22.0);
    let shares = [p.formal, p.grumble, p.silent];
    let heights = shares.map(|s| floor + span * s);
    let mut ys = [top; 4];
    for i in 0..3 {
        ys[i + 1] = ys[i] + heights[i];
    }
    let water = ys[1];
    let bottom = ys[3] + 12.0;
    let half = |y: f64| 18.0 + (y - top) * 0.5;
    let cx = 190.0;
    let band = |i: usize| {
        let (a, b) = (ys[i], ys[i + 1]);
        band_points(cx, (a, half(a)), (b, half(b)))
    };
    let counts = [o.parts.formal, o.parts.grumble, o.parts.silent];
    let names = ["iceberg.formal", "iceberg.grumble", "iceberg.silent"];
    let ids = ["formal", "grumble", "silent"];
    let hidden = |i: usize| shown.is_some_and(|s| s < if i == 0 { 0 } else { 1 });
    let desc = trf(
        lang,
        "iceberg.chart_desc",
        &[
            ("formal", &people(counts[0])),
            ("grumble", &people(counts[1])),
            ("silent", &people(counts[2])),
            ("n", &people(p.problems)),
        ],
    );
    html! {
        <figure class="chart iceberg-chart">
            <svg viewBox={format!("0 0 640 {}", fixed(bottom, 0))} role="img" aria-labelledby="iceberg-chart-title iceberg-chart-desc"
                data-testid="iceberg-chart">
                <title id="iceberg-chart-title">{ tr(lang, "iceberg.chart") }</title>
                <desc id="iceberg-chart-desc">{ desc }</desc>
                <rect class="water" x="0" y={fixed(water, 1)} width="640" height={fixed(bottom - water, 1)} />
                { for (0..3).map(|i| html! {
                    <g class={classes!("part", ids[i], hidden(i).then_some("concealed"))}>
                        <polygon points={band(i)} />
                        <text x="390" y={fixed((ys[i] + ys[i + 1]) / 2.0 + 5.0, 1)}>
                            { format!("{} · {}", tr(lang, names[i]), people(counts[i])) }
                        </text>
                    </g>
                }) }
                <line class="waterline" x1="0" x2="640" y1={fixed(water, 1)} y2={fixed(water, 1)} />
                <text class="tick" x="4" y={fixed(water - 6.0, 1)}>{ tr(lang, "iceberg.waterline") }</text>
            </svg>
            <table class="status-table" data-testid="iceberg-parts">
                <caption class="sr-only">{ tr(lang, "iceberg.chart") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "iceberg.col_part") }</th>
                    <th scope="col">{ tr(lang, "iceberg.col_customers") }</th>
                    <th scope="col">{ tr(lang, "iceberg.col_share") }</th>
                </tr></thead>
                <tbody>
                    { for (0..3).map(|i| html! {
                        <tr class={classes!(hidden(i).then_some("concealed"))} aria-hidden={hidden(i).then_some("true")}>
                            <th scope="row">{ tr(lang, names[i]) }{ if i == 0 { format!(" ({})", tr(lang, "iceberg.above")) } else { format!(" ({})", tr(lang, "iceberg.below")) } }</th>
                            <td data-testid={format!("iceberg-{}", ids[i])}>{ people(counts[i]) }</td>
                            <td>{ pct(shares[i]) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}

/// Seen versus real, who leaves, who hears, the money.
fn results(lang: Lang, o: &Outcome, p: &Params, hidden: impl Fn(usize) -> bool) -> Html {
    let part = |step: usize, body: Html| {
        html! {
            <div class={classes!("iceberg-step", hidden(step).then_some("concealed"))} aria-hidden={hidden(step).then_some("true")}>
                { body }
            </div>
        }
    };
    let per = o.per_complaint.map_or_else(|| "—".to_owned(), |x| trim(x, 1));
    let below = o.parts.grumble + o.parts.silent;
    html! {
        <>
            { part(1, html! {
                <p data-testid="iceberg-seen">
                    { trf(lang, "iceberg.seen", &[("formal", &people(o.parts.formal)), ("n", &people(p.problems)), ("below", &people(below)), ("per", &per)]) }
                </p>
            }) }
            { part(2, html! {
                <dl class="stats big">
                    <div><dt>{ tr(lang, "iceberg.lost") }</dt><dd data-testid="iceberg-lost-customers">{ people(o.lost) }</dd></div>
                    <div><dt>{ tr(lang, "iceberg.lost_share") }</dt><dd data-testid="iceberg-lost-share">{ if p.problems > 0.0 { pct(o.lost / p.problems) } else { "—".into() } }</dd></div>
                    <div><dt>{ tr(lang, "iceberg.lost_silent") }</dt><dd data-testid="iceberg-lost-silent">{ people(o.groups[5].lost()) }</dd></div>
                </dl>
            }) }
            { part(2, groups_table(lang, o)) }
            { part(3, html! {
                <dl class="stats">
                    <div><dt>{ tr(lang, "iceberg.unhappy") }</dt><dd data-testid="iceberg-unhappy">{ people(o.unhappy) }</dd></div>
                    <div><dt>{ trf(lang, "iceberg.hear_bad", &[("n", &trim(p.tell_unhappy, 1))]) }</dt><dd data-testid="iceberg-hear-bad">{ people(o.hear_bad) }</dd></div>
                    <div><dt>{ trf(lang, "iceberg.hear_good", &[("n", &trim(p.tell_happy, 1))]) }</dt><dd data-testid="iceberg-hear-good">{ people(o.hear_good) }</dd></div>
                </dl>
            }) }
            { part(4, html! {
                <>
                    <dl class="stats big">
                        <div><dt>{ tr(lang, "iceberg.per_customer") }</dt><dd data-testid="iceberg-per-customer">{ money(o.per_customer, SIGN) }</dd></div>
                        <div><dt>{ tr(lang, "iceberg.money") }</dt><dd data-testid="iceberg-money">{ money(o.money, SIGN) }</dd></div>
                    </dl>
                    <p class="hint">
                        { trf(lang, "iceberg.money_help", &[("weekly", &money(p.weekly, SIGN)), ("years", &trim(p.years, 0))]) }
                        { " " }<a href="#/smith">{ tr(lang, "iceberg.to_smith") }</a>
                    </p>
                </>
            }) }
            <p class="hint">{ tr(lang, "iceberg.other_estimates") }</p>
        </>
    }
}

/// The six groups: customers, return rate, lost.
fn groups_table(lang: Lang, o: &Outcome) -> Html {
    let keys = [
        "iceberg.grp_quick",
        "iceberg.grp_resolved",
        "iceberg.grp_unresolved",
        "iceberg.grp_grumble_fixed",
        "iceberg.grp_grumble_left",
        "iceberg.grp_silent",
    ];
    html! {
        <table class="status-table" data-testid="iceberg-groups">
            <caption class="sr-only">{ tr(lang, "iceberg.groups") }</caption>
            <thead><tr>
                <th scope="col">{ tr(lang, "iceberg.col_group") }</th>
                <th scope="col">{ tr(lang, "iceberg.col_customers") }</th>
                <th scope="col">{ tr(lang, "iceberg.col_back") }</th>
                <th scope="col">{ tr(lang, "iceberg.col_lost") }</th>
            </tr></thead>
            <tbody>
                { for o.groups.iter().zip(keys).map(|(g, key)| html! {
                    <tr>
                        <th scope="row">{ tr(lang, key) }</th>
                        <td>{ people(g.customers) }</td>
                        <td>{ pct(g.back) }</td>
                        <td>{ people(g.lost()) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// Heinrich's pyramid for the user's count of serious incidents.
fn heinrich_chart(lang: Lang, o: &Outcome) -> Html {
    let names = ["iceberg.h_serious", "iceberg.h_minor", "iceberg.h_near"];
    let ids = ["serious", "minor", "near"];
    let ys = [10.0, 70.0, 140.0, 230.0];
    let (cx, apex, base) = (170.0, 10.0, 230.0);
    let half = |y: f64| (y - apex) / (base - apex) * 160.0;
    let band = |i: usize| {
        let (a, b) = (ys[i], ys[i + 1]);
        band_points(cx, (a, half(a)), (b, half(b)))
    };
    let h = o.heinrich;
    let desc = trf(
        lang,
        "iceberg.heinrich_desc",
        &[
            ("serious", &people(h[0])),
            ("minor", &people(h[1])),
            ("near", &people(h[2])),
        ],
    );
    html! {
        <figure class="chart iceberg-chart">
            <svg viewBox="0 0 640 240" role="img" aria-labelledby="iceberg-heinrich-title iceberg-heinrich-desc"
                data-testid="iceberg-heinrich-chart">
                <title id="iceberg-heinrich-title">{ tr(lang, "iceberg.heinrich") }</title>
                <desc id="iceberg-heinrich-desc">{ desc }</desc>
                { for (0..3).map(|i| html! {
                    <g class={classes!("level", ids[i])}>
                        <polygon points={band(i)} />
                        <text x="360" y={fixed((ys[i] + ys[i + 1]) / 2.0 + 5.0, 1)}>
                            { format!("{} · {}", tr(lang, names[i]), people(h[i])) }
                        </text>
                    </g>
                }) }
            </svg>
            <table class="status-table" data-testid="iceberg-heinrich">
                <caption class="sr-only">{ tr(lang, "iceberg.heinrich") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "iceberg.col_level") }</th>
                    <th scope="col">{ tr(lang, "iceberg.col_ratio") }</th>
                    <th scope="col">{ tr(lang, "iceberg.col_count") }</th>
                </tr></thead>
                <tbody>
                    { for (0..3).map(|i| html! {
                        <tr>
                            <th scope="row">{ tr(lang, names[i]) }</th>
                            <td>{ trim(iceberg::HEINRICH[i], 0) }</td>
                            <td data-testid={format!("iceberg-heinrich-{}", ids[i])}>{ people(h[i]) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}

/// What step `i` of the step-through tells.
fn step_text(lang: Lang, o: &Outcome, p: &Params, i: usize) -> String {
    let per = o.per_complaint.map_or_else(|| "—".to_owned(), |x| trim(x, 1));
    match i {
        0 => trf(
            lang,
            "iceberg.step_tip",
            &[("formal", &people(o.parts.formal)), ("share", &pct(p.formal))],
        ),
        1 => trf(
            lang,
            "iceberg.step_below",
            &[
                ("grumble", &people(o.parts.grumble)),
                ("silent", &people(o.parts.silent)),
                ("per", &per),
            ],
        ),
        2 => trf(
            lang,
            "iceberg.step_lost",
            &[("lost", &people(o.lost)), ("silent", &people(o.groups[5].lost()))],
        ),
        3 => trf(
            lang,
            "iceberg.step_hear",
            &[("unhappy", &people(o.unhappy)), ("bad", &people(o.hear_bad))],
        ),
        4 => trf(
            lang,
            "iceberg.step_money",
            &[("per", &money(o.per_customer, SIGN)), ("money", &money(o.money, SIGN))],
        ),
        _ => trf(
            lang,
            "iceberg.step_heinrich",
            &[
                ("serious", &people(o.heinrich[0])),
                ("minor", &people(o.heinrich[1])),
                ("near", &people(o.heinrich[2])),
            ],
        ),
    }
}

/// Two handling policies side by side: the kept A set and the current B.
fn comparison(lang: Lang, a: &Params, b: &Params, clear: Html) -> Html {
    let (Ok(oa), Ok(ob)) = (iceberg::compute(a), iceberg::compute(b)) else {
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
    let diff = |x: f64, m: bool| {
        let s = if m { money(x.abs(), SIGN) } else { people(x.abs()) };
        if x > 0.0 {
            format!("+{s}")
        } else if x < 0.0 {
            format!("-{s}")
        } else {
            s
        }
    };
    let rows = [
        ("iceberg.lost", oa.lost, ob.lost, false, "lost"),
        ("iceberg.unhappy", oa.unhappy, ob.unhappy, false, "unhappy"),
        ("iceberg.hear_bad_short", oa.hear_bad, ob.hear_bad, false, "hear-bad"),
        ("iceberg.money", oa.money, ob.money, true, "money"),
    ];
    html! {
        <section class="compare" aria-labelledby="iceberg-compare-h" data-testid="iceberg-compare">
            <h2 id="iceberg-compare-h">{ tr(lang, "iceberg.compare") }</h2>
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
                        <tr class="assumption"><th scope="row">{ label }</th><td>{ va }</td><td>{ vb }</td><td></td></tr>
                    }) }
                    { for rows.iter().map(|(key, va, vb, m, id)| html! {
                        <tr data-testid={format!("iceberg-compare-{id}")}>
                            <th scope="row">{ tr(lang, key) }</th>
                            <td>{ if *m { money(*va, SIGN) } else { people(*va) } }</td>
                            <td>{ if *m { money(*vb, SIGN) } else { people(*vb) } }</td>
                            <td>{ diff(vb - va, *m) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            { clear }
        </section>
    }
}
