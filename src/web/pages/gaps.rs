//! The five gaps (`#/gaps`, lecture 9, 图6-1): the customer's expected
//! service and the four firm-side gaps on sliders, the figure drawn as SVG
//! (customer above the line, firm below, every gap marked) with the chain
//! as a table beside it; gap 5 and what it means for satisfaction, and the
//! gap worth closing first. Then the airline case's importance orders: the
//! managers' order the user rearranges with Up / Down buttons, the
//! passengers' order beside it, and how far apart they are (Spearman's ρ in
//! numbers and in words). A step-through for workshops. Thin: the numbers
//! come from `models::gaps`.

mod figure;
mod ranking;

use crate::models::gaps::{Agreement, Chain, Gap, Order, Param, Params, Screen, Verdict, SPECS};
use crate::models::params::{BadParam, ParamSet};
use crate::routing::route::Route;
use crate::support::format::{fixed, trim};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::controls::use_slider_callbacks;
use crate::web::model_screen::{sliders, use_model_screen, ModelParams};
use crate::web::state::AppCtx;
use crate::web::stepper;
use crate::web::widgets::Later;
use yew::prelude::*;

/// Steps: the expectation, gaps 1 to 4 one by one, gap 5, the ranking.
const STEPS: usize = 7;
/// The step that shows the importance orders.
const RANK_STEP: usize = 6;

impl ModelParams for Screen {
    fn read(pairs: &[(String, String)]) -> (Screen, Vec<BadParam>) {
        Screen::from_query(pairs)
    }
    fn write(&self) -> Vec<(String, String)> {
        self.to_pairs()
    }
}

fn label_key(p: Param) -> &'static str {
    match p {
        Param::Expected => "gaps.expected",
        Param::Knowing => "gaps.gap1",
        Param::Standards => "gaps.gap2",
        Param::Delivery => "gaps.gap3",
        Param::Promises => "gaps.gap4",
    }
}

/// What a gap is, in a few words.
fn gap_name(lang: Lang, g: Gap) -> String {
    tr(
        lang,
        match g {
            Gap::Knowing => "gaps.gap1_name",
            Gap::Standards => "gaps.gap2_name",
            Gap::Delivery => "gaps.gap3_name",
            Gap::Promises => "gaps.gap4_name",
        },
    )
}

/// A score out of 10, up to two decimals.
fn score(v: f64) -> String {
    trim(v, 2)
}

/// ρ with two decimals, never "-0.00".
fn rho_text(r: f64) -> String {
    let s = fixed(r, 2);
    if s == "-0.00" {
        "0.00".into()
    } else {
        s
    }
}

fn verdict_text(lang: Lang, p: &Params) -> String {
    let g5 = score(p.gap5());
    let key = match p.verdict() {
        Verdict::Met => "gaps.verdict_met",
        Verdict::Short => "gaps.verdict_short",
        Verdict::FarShort => "gaps.verdict_far",
    };
    trf(lang, key, &[("gap", &g5)])
}

fn first_text(lang: Lang, p: &Params) -> String {
    match p.first_to_close() {
        Some((g, gain)) => trf(
            lang,
            "gaps.first",
            &[
                ("n", &g.number().to_string()),
                ("name", &gap_name(lang, g)),
                ("gain", &score(gain)),
            ],
        ),
        None if p.gap5() > 0.0 => tr(lang, "gaps.first_together"),
        None => tr(lang, "gaps.first_none"),
    }
}

fn step_text(lang: Lang, s: &Screen, c: &Chain, step: usize) -> String {
    let eff = |g: Gap| score(c.effective(g));
    match step {
        0 => trf(lang, "gaps.step_expected", &[("v", &score(c.expected))]),
        1 => trf(
            lang,
            "gaps.step_gap1",
            &[("gap", &eff(Gap::Knowing)), ("v", &score(c.perception))],
        ),
        2 => trf(
            lang,
            "gaps.step_gap2",
            &[("gap", &eff(Gap::Standards)), ("v", &score(c.standards))],
        ),
        3 => trf(
            lang,
            "gaps.step_gap3",
            &[("gap", &eff(Gap::Delivery)), ("v", &score(c.delivered))],
        ),
        4 => trf(
            lang,
            "gaps.step_gap4",
            &[("promised", &score(c.promised)), ("v", &score(c.perceived))],
        ),
        5 => verdict_text(lang, &s.params),
        _ => {
            let r = Order::PASSENGERS.spearman(&s.managers);
            trf(
                lang,
                "gaps.step_rank",
                &[
                    ("rho", &rho_text(r)),
                    ("words", &ranking::agreement_words(lang, Agreement::of(r))),
                ],
            )
        }
    }
}

#[function_component]
pub fn GapsPage() -> Html {
    let lang = use_context::<AppCtx>().expect("App provides the state").lang();
    let screen = use_model_screen::<Screen>(Route::Gaps, "gaps", STEPS);
    let (state, steps) = (screen.params, screen.steps.clone());
    let set = screen.set();
    let on_change = use_slider_callbacks(SPECS.iter().map(|s| s.param).collect(), {
        let set = set.clone();
        Callback::from(move |(param, v): (Param, f64)| {
            let mut s = state;
            s.params.set(param, v / param.spec().scale());
            set.emit(s);
        })
    });
    let on_order = {
        let set = set.clone();
        Callback::from(move |managers: Order| set.emit(Screen { managers, ..state }))
    };
    let p = state.params;
    let chain = p.chain();
    let shown = *steps;
    let hidden = move |i: usize| shown.is_some_and(|s| i > s);
    let verdict_class = match p.verdict() {
        Verdict::Met => "ok",
        Verdict::Short => "info",
        Verdict::FarShort => "error",
    };

    html! {
        <div class="gaps" data-testid="gaps">
            <h1>{ tr(lang, "model.gaps") }</h1>
            <p class="lead">{ tr(lang, "gaps.lead") }</p>
            { screen.notice(lang) }
            <div class="toolbar" role="group" aria-label={tr(lang, "smith.tools")}>
                { stepper::toggle(lang, &steps, "gaps") }
                { screen.tools(lang, Callback::noop()) }
            </div>

            <Later>
                <div class="smith-layout">
                    <section class="assumptions" aria-labelledby="gaps-assumptions-h">
                        <h2 id="gaps-assumptions-h">{ tr(lang, "smith.assumptions") }</h2>
                        <p class="hint">{ tr(lang, "gaps.hint") }</p>
                        { sliders("gaps", lang, &p, &on_change, |q| (tr(lang, label_key(q)), tr(lang, "gaps.unit"))) }
                    </section>

                    <section class="results" aria-labelledby="gaps-chain-h">
                        <h2 id="gaps-chain-h">{ tr(lang, "gaps.chain_h") }</h2>
                        { stepper::bar(lang, &steps, STEPS, step_text(lang, &state, &chain, shown.unwrap_or(0)), "gaps") }
                        <div class={classes!("gaps-summary", hidden(5).then_some("concealed"))} aria-hidden={hidden(5).then_some("true")}>
                            <dl class="stats big">
                                <div><dt>{ tr(lang, "gaps.stage_expected") }</dt><dd data-testid="gaps-expected">{ score(chain.expected) }</dd></div>
                                <div><dt>{ tr(lang, "gaps.stage_perceived") }</dt><dd data-testid="gaps-perceived">{ score(chain.perceived) }</dd></div>
                                <div><dt>{ tr(lang, "gaps.gap5") }</dt><dd data-testid="gaps-gap5">{ score(chain.gap5()) }</dd></div>
                            </dl>
                            <p class={classes!("message", verdict_class)} data-testid="gaps-verdict">{ verdict_text(lang, &p) }</p>
                            <p data-testid="gaps-first">{ first_text(lang, &p) }</p>
                        </div>
                        { figure::figure(lang, &chain, &hidden) }
                        { figure::table(lang, &p, &chain, &hidden) }
                    </section>
                </div>
            </Later>

            <Later>
                <div class={classes!("gaps-step", hidden(RANK_STEP).then_some("concealed"))} aria-hidden={hidden(RANK_STEP).then_some("true")}>
                    <ranking::Ranking {lang} managers={state.managers} on_order={on_order} />
                </div>
            </Later>
        </div>
    }
}
