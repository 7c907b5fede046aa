//! What a member of staff is worth over time (`#/staff-value`, lecture 3,
//! 图2-1; lecture 1's 15–40 % yearly turnover): one person's output and
//! cumulative value by month of tenure (the risky first months shaded, the
//! break-even month marked, every month in a table), a 3-year veteran
//! against a newcomer, and what a yearly turnover costs a team of N. A
//! step-through for workshops, an A/B comparison of two scenarios. Thin:
//! the numbers come from `models::staff_value`, whose ramp is the
//! satisfaction mirror's.

mod chart;
mod compare;
mod sections;

use crate::models::params::{BadParam, ParamSet};
use crate::models::staff_value::{Param, Params, HORIZON, RISKY, SPECS};
use crate::routing::route::{query_pairs, Route};
use crate::support::format::{money, trim};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::controls::{use_slider_callbacks, Slider};
use crate::web::model_screen::{use_model_screen, ModelParams};
use crate::web::state::AppCtx;
use crate::web::stepper;
use crate::web::widgets::Later;
use std::rc::Rc;
use yew::prelude::*;

/// Steps: the first months, break-even, the veteran, the team's turnover.
const STEPS: usize = 4;

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

/// Money as the screen shows it: yuan, whole, thousands grouped.
pub(crate) fn yuan(x: f64) -> String {
    money(x, "¥")
}

/// A fraction as a whole percentage.
pub(crate) fn pct(x: f64) -> String {
    format!("{}%", trim(x * 100.0, 0))
}

pub(crate) fn label_key(p: Param) -> &'static str {
    match p {
        Param::Pay => "staff.pay",
        Param::Output => "staff.output",
        Param::Hire => "staff.hire",
        Param::TrainCost => "staff.train_cost",
        Param::TrainMonths => "staff.train_months",
        Param::Half => "staff.half",
        Param::Early => "staff.early",
        Param::Team => "staff.team",
        Param::Turnover => "staff.turnover",
    }
}

fn unit(p: Param, lang: Lang) -> String {
    let key = match p {
        Param::Pay | Param::Output => "staff.unit_month",
        Param::Hire | Param::TrainCost => "staff.unit_yuan",
        Param::TrainMonths | Param::Half => "staff.unit_months",
        Param::Team => "staff.unit_people",
        Param::Early | Param::Turnover => return "%".into(),
    };
    tr(lang, key)
}

/// The slider groups: heading key and the parameters under it.
const GROUPS: [(&str, &[Param]); 3] = [
    (
        "staff.g_money",
        &[Param::Pay, Param::Output, Param::Hire, Param::TrainCost],
    ),
    ("staff.g_ramp", &[Param::TrainMonths, Param::Half, Param::Early]),
    ("staff.g_team", &[Param::Team, Param::Turnover]),
];

fn even_short(lang: Lang, even: Option<u32>) -> String {
    match even {
        Some(m) => m.to_string(),
        None => trf(lang, "staff.even_never_short", &[("n", &HORIZON.to_string())]),
    }
}

fn step_text(lang: Lang, p: &Params, step: usize) -> String {
    match step {
        0 => {
            let risky = yuan(p.value_at_risky_end());
            if p.train_months > 0.0 {
                trf(
                    lang,
                    "staff.step_start",
                    &[
                        ("train", &trim(p.train_months, 0)),
                        ("pay", &yuan(p.pay)),
                        ("n", &RISKY.to_string()),
                        ("risky", &risky),
                    ],
                )
            } else {
                trf(
                    lang,
                    "staff.step_start_none",
                    &[("n", &RISKY.to_string()), ("risky", &risky)],
                )
            }
        }
        1 => match p.break_even() {
            Some(m) => trf(lang, "staff.step_even", &[("m", &m.to_string())]),
            None => trf(lang, "staff.step_never", &[("n", &HORIZON.to_string())]),
        },
        2 => {
            let v = p.veteran();
            trf(
                lang,
                "staff.step_veteran",
                &[("vet", &yuan(v.veteran_year)), ("new", &yuan(v.newcomer_year))],
            )
        }
        _ => {
            let t = p.turnover_cost();
            trf(
                lang,
                "staff.step_turnover",
                &[
                    ("leavers", &trim(t.leavers, 1)),
                    ("team", &trim(p.team, 0)),
                    ("cost", &yuan(t.yearly_cost)),
                ],
            )
        }
    }
}

#[function_component]
pub fn StaffValuePage() -> Html {
    let lang = use_context::<AppCtx>().expect("App provides the state").lang();
    let screen = use_model_screen::<Params>(Route::StaffValue, "staff", STEPS);
    let (params, compare, steps) = (screen.params, screen.compare, screen.steps.clone());
    let set = screen.set();
    let on_change = use_slider_callbacks(SPECS.iter().map(|s| s.param).collect(), {
        Callback::from(move |(param, display): (Param, f64)| {
            let mut p = params;
            p.set(param, display / param.spec().scale());
            set.emit(p);
        })
    });
    let curve = params.curve();
    let even = params.break_even();
    let shown = *steps;
    let hidden = move |i: usize| shown.is_some_and(|s| i > s);
    let part = move |i: usize, body: Html| {
        html! {
            <div class={classes!("staff-step", hidden(i).then_some("concealed"))} aria-hidden={hidden(i).then_some("true")}>
                { body }
            </div>
        }
    };
    let last = curve.last().map_or(0.0, |m| m.cumulative);

    html! {
        <div class="staff-screen" data-testid="staff">
            <h1>{ tr(lang, "model.staff-value") }</h1>
            <p class="lead">{ tr(lang, "staff.lead") }</p>
            { screen.notice(lang) }
            <div class="toolbar" role="group" aria-label={tr(lang, "smith.tools")}>
                { stepper::toggle(lang, &steps, "staff") }
                { screen.keep_a(lang) }
                if compare.is_some() {
                    { screen.clear_a(lang) }
                }
                { screen.tools(lang, Callback::noop()) }
            </div>

            <Later>
                <div class="smith-layout">
                    <section class="assumptions" aria-labelledby="staff-assumptions-h">
                        <h2 id="staff-assumptions-h">{ tr(lang, "smith.assumptions") }</h2>
                        { for GROUPS.iter().map(|(key, group)| html! {
                            <fieldset class="value-group">
                                <legend>{ tr(lang, key) }</legend>
                                { for group.iter().map(|&p| slider(lang, &params, p, &on_change)) }
                            </fieldset>
                        }) }
                        <p class="hint">{ tr(lang, "staff.hint_money") }</p>
                    </section>

                    <section class="results" aria-labelledby="staff-results-h">
                        <h2 id="staff-results-h">{ tr(lang, "staff.curve_h") }</h2>
                        <dl class="stats big">
                            <div><dt>{ trf(lang, "staff.risky_value", &[("n", &RISKY.to_string())]) }</dt>
                                <dd data-testid="staff-risky-value">{ yuan(params.value_at_risky_end()) }</dd></div>
                            <div class={classes!(hidden(1).then_some("concealed"))} aria-hidden={hidden(1).then_some("true")}>
                                <dt>{ tr(lang, "staff.breakeven") }</dt>
                                <dd data-testid="staff-breakeven-month">{ even_short(lang, even) }</dd>
                            </div>
                            <div class={classes!(hidden(1).then_some("concealed"))} aria-hidden={hidden(1).then_some("true")}>
                                <dt>{ trf(lang, "staff.value_end", &[("n", &HORIZON.to_string())]) }</dt>
                                <dd data-testid="staff-value-36">{ yuan(last) }</dd>
                            </div>
                        </dl>
                        { stepper::bar(lang, &steps, STEPS, step_text(lang, &params, shown.unwrap_or(0)), "staff") }
                        { chart::tenure_chart(lang, &params, &curve, even, !hidden(1)) }
                        <p class="hint">{ tr(lang, "staff.curve_hint") }</p>
                    </section>
                </div>
            </Later>

            <Later>
                <div class="staff-sections">
                    { part(2, sections::veteran(lang, &params)) }
                    { part(3, sections::turnover(lang, &params)) }
                    if let Some(a) = compare {
                        { compare::comparison(lang, &a, &params) }
                    }
                </div>
            </Later>
        </div>
    }
}

/// One labelled slider (ids `staff-{key}`), percentages shown 0–100.
fn slider(lang: Lang, params: &Params, p: Param, on_change: &Rc<Vec<Callback<f64>>>) -> Html {
    let i = SPECS.iter().position(|s| s.param == p).unwrap_or(0);
    let s = &SPECS[i];
    let scale = s.scale();
    let unit = unit(p, lang);
    html! {
        <Slider id={format!("staff-{}", s.key.replace('_', "-"))} label={format!("{} ({unit})", tr(lang, label_key(p)))} {unit}
            value={params.get(p) * scale} min={s.min * scale} max={s.max * scale}
            step={s.step * scale} integer={s.integer} {lang} on_change={on_change[i].clone()} />
    }
}
