//! The complaint emotion line (`#/emotion-line`), lectures 7–8: the three
//! paths of 图4-3 drawn over time with a scrubber and the rational platform
//! of 图5-1, your own mix of recovery steps, and the six-step role-play on
//! scenarios loaded from `content/scenarios/`. The address holds the chosen
//! path, the failure's parameters, the scenario and the replies so far.

use crate::course::lectures::{SCENARIO_IDS, SCENARIO_TITLES};
use crate::course::scenario::{self, Scenario};
use crate::models::emotion_line::{self as model, Path, Step, Steps, Tag, RATIONAL_PLATFORM};
use crate::models::params::BadParam;
use crate::routing::route::{query_pairs, Route};
use crate::support::format::trim;
use crate::support::i18n::{tr, trf, Lang};
use crate::web::charts::{LineChart, Series};
use crate::web::fetch::{parse_checked, use_content, Load};
use crate::web::model_screen::{use_model_screen, ModelParams};
use crate::web::pages::roleplay::{tag_key, Played};
use crate::web::state::AppCtx;
use crate::web::stepper::{self, Steps as StepThrough};
use crate::web::widgets::Later;
use yew::prelude::*;

/// Steps of the figure's step-through: purchase, failure, waiting, the
/// rational platform, then the three paths one by one.
const FIGURE_STEPS: usize = 7;

fn path_key(p: Option<Path>) -> &'static str {
    match p {
        Some(Path::None) => "emotion.path_none",
        Some(Path::Ordinary) => "emotion.path_ordinary",
        Some(Path::Perfect) => "emotion.path_perfect",
        None => "emotion.path_all",
    }
}

/// Everything the address says about this screen.
#[derive(Clone, Default, PartialEq)]
struct Address {
    params: model::Params,
    path: Option<Path>,
    scenario: Option<String>,
    choices: Vec<usize>,
}

impl ModelParams for Address {
    fn read(pairs: &[(String, String)]) -> (Address, Vec<BadParam>) {
        let (params, mut bad) = model::Params::from_query(pairs);
        let mut a = Address {
            params,
            ..Address::default()
        };
        for (k, v) in pairs {
            let mut report = || {
                bad.push(BadParam {
                    name: k.clone(),
                    value: v.clone(),
                })
            };
            match k.as_str() {
                "path" if v == "all" => a.path = None,
                "path" => match Path::parse(v) {
                    Some(p) => a.path = Some(p),
                    None => report(),
                },
                "scenario" => match SCENARIO_IDS.iter().find(|id| **id == v.as_str()) {
                    Some(id) => a.scenario = Some((*id).to_owned()),
                    None => report(),
                },
                "choices" => match v
                    .split('.')
                    .filter(|c| !c.is_empty())
                    .map(str::parse)
                    .collect::<Result<Vec<usize>, _>>()
                {
                    Ok(c) if c.len() <= 64 => a.choices = c,
                    _ => report(),
                },
                _ => {}
            }
        }
        (a, bad)
    }

    fn write(&self) -> Vec<(String, String)> {
        let mut q = query_pairs(&self.params.to_query());
        if let Some(p) = self.path {
            q.push(("path".into(), p.key().into()));
        }
        if let Some(s) = &self.scenario {
            q.push(("scenario".into(), s.clone()));
            if !self.choices.is_empty() {
                let c: Vec<String> = self.choices.iter().map(usize::to_string).collect();
                q.push(("choices".into(), c.join(".")));
            }
        }
        q
    }
}

#[function_component]
pub fn EmotionLinePage() -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    let screen = use_model_screen::<Address>(Route::EmotionLine, "emotion", FIGURE_STEPS);
    let (addr, steps, go) = (screen.params.clone(), screen.steps.clone(), screen.set());
    // Reset all also forgets what the figure keeps outside the address.
    let epoch = use_state(|| 0u32);
    let on_reset = {
        let epoch = epoch.clone();
        Callback::from(move |()| epoch.set(epoch.wrapping_add(1)))
    };
    html! {
        <div class="emotion" data-testid="emotion">
            <h1>{ tr(lang, "model.emotion-line") }</h1>
            <p class="lead">{ tr(lang, "emotion.lead") }</p>
            { screen.notice(lang) }
            <div class="toolbar" role="group" aria-label={tr(lang, "smith.tools")}>
                { stepper::toggle(lang, &steps, "emotion") }
                { screen.tools(lang, on_reset) }
            </div>
            // The figure, then the role-play, each from a later task
            // (`Later`): opening the screen is then several short tasks.
            <Later><Figure key={*epoch} addr={addr.clone()} go={go.clone()} {lang} {steps} /></Later>
            <Later><RolePlay {addr} {go} {lang} /></Later>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PartProps {
    addr: Address,
    go: Callback<Address>,
    lang: Lang,
}

#[derive(Properties, PartialEq)]
struct FigureProps {
    addr: Address,
    go: Callback<Address>,
    lang: Lang,
    steps: StepThrough,
}

/// Part 1: the three paths of 图4-3, alive.
#[function_component]
fn Figure(p: &FigureProps) -> Html {
    let lang = p.lang;
    let params = p.addr.params;
    let t = use_state(|| None::<usize>);
    let lines: Vec<(Path, Vec<f64>)> = Path::ALL
        .iter()
        .filter_map(|&path| model::path(path, &params).ok().map(|l| (path, l)))
        .collect();
    let own = model::line(&params).unwrap_or_default();
    let Some((_, first)) = lines.first() else {
        return html! {};
    };
    let last = first.len().saturating_sub(1);
    let shown = p.addr.path.unwrap_or(Path::Perfect);
    let final_of = |which: Path| {
        lines
            .iter()
            .find(|(q, _)| *q == which)
            .and_then(|(_, l)| l.last().copied())
            .unwrap_or(0.0)
    };
    let cursor = t.unwrap_or(last).min(last);
    let slots = [(Path::None, 0u8), (Path::Ordinary, 1), (Path::Perfect, 2)];
    let mut series: Vec<Series> = lines
        .iter()
        .map(|(path, l)| Series {
            label: tr(lang, path_key(Some(*path))),
            values: l.clone(),
            slot: slots.iter().find(|(q, _)| q == path).map_or(0, |(_, s)| *s),
            dashed: p.addr.path.is_some_and(|sel| sel != *path),
        })
        .collect();
    let custom = params.steps != Steps::ALL;
    if custom {
        series.push(Series {
            label: tr(lang, "emotion.yours"),
            values: own.clone(),
            slot: 3,
            dashed: false,
        });
    }
    let phase = phase_key(cursor, &params);
    // While stepping, the story is told bit by bit: the common line up to
    // the purchase, the failure, the wait; then the platform; then each path.
    let reveal = *p.steps;
    if let Some(s) = reveal {
        let upto = [
            params.failure_at as usize,
            params.failure_at as usize + 1,
            params.response_at(),
            params.response_at(),
        ];
        series = match upto.get(s) {
            Some(&n) => vec![Series {
                label: tr(lang, "emotion.customer_emotion"),
                values: first[..n.min(first.len())].to_vec(),
                slot: 0,
                dashed: false,
            }],
            None => series.into_iter().filter(|x| x.slot < 3).take(s - 3).collect(),
        };
    }
    let band = (reveal.is_none_or(|s| s >= 3)).then(|| (0.0, RATIONAL_PLATFORM, tr(lang, "emotion.below_platform")));
    let set_path = |path: Option<Path>| {
        let (go, addr) = (p.go.clone(), p.addr.clone());
        Callback::from(move |_| go.emit(Address { path, ..addr.clone() }))
    };
    let toggle_step = |step: Step| {
        let (go, addr) = (p.go.clone(), p.addr.clone());
        Callback::from(move |_| {
            let steps = if addr.params.steps.contains(step) {
                addr.params.steps.without(step)
            } else {
                addr.params.steps.with(step)
            };
            go.emit(Address {
                params: model::Params { steps, ..addr.params },
                ..addr.clone()
            })
        })
    };
    let set_num = |which: &'static str| {
        let (go, addr) = (p.go.clone(), p.addr.clone());
        Callback::from(move |v: f64| {
            let mut params = addr.params;
            match which {
                "severity" => params.severity = v / 100.0,
                "failure_at" => params.failure_at = v as u32,
                _ => params.delay = v as u32,
            }
            go.emit(Address { params, ..addr.clone() })
        })
    };
    let scrub = {
        let t = t.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            t.set(input.value().parse().ok());
        })
    };
    let at = |path: Path| {
        lines
            .iter()
            .find(|(q, _)| *q == path)
            .and_then(|(_, l)| l.get(cursor).copied())
            .unwrap_or(0.0)
    };
    html! {
        <section aria-labelledby="figure-h">
            <h2 id="figure-h">{ tr(lang, "emotion.figure") }</h2>
            <fieldset class="choice">
                <legend>{ tr(lang, "emotion.show_path") }</legend>
                { for [None, Some(Path::None), Some(Path::Ordinary), Some(Path::Perfect)].into_iter().map(|path| html! {
                    <label class="inline">
                        <input type="radio" name="path" checked={p.addr.path == path} onchange={set_path(path)}
                            data-testid={format!("emotion-path-{}", path.map_or("all", |q| q.key()))} />
                        { " " }{ tr(lang, path_key(path)) }
                    </label>
                }) }
            </fieldset>
            <dl class="stats big">
                <div><dt>{ tr(lang, "emotion.start") }</dt><dd data-testid="emotion-start">{ trim(first[0], 1) }</dd></div>
                <div><dt>{ trf(lang, "emotion.final", &[("path", &tr(lang, path_key(Some(shown))))]) }</dt>
                    <dd data-testid="emotion-final">{ trim(final_of(shown), 1) }</dd></div>
                <div><dt>{ tr(lang, "emotion.platform") }</dt><dd>{ trim(RATIONAL_PLATFORM, 0) }</dd></div>
            </dl>
            <LineChart id="emotion-chart" title={tr(lang, "emotion.figure")}
                desc={trf(lang, "emotion.chart_desc", &[
                    ("start", &trim(first[0], 1)), ("none", &trim(final_of(Path::None), 1)),
                    ("ordinary", &trim(final_of(Path::Ordinary), 1)), ("perfect", &trim(final_of(Path::Perfect), 1)),
                ])}
                {series} y_range={(0.0, 100.0)} {band} cursor={reveal.is_none().then_some(cursor)} x_points={Some(last + 1)}
                x_axis={(tr(lang, "emotion.purchase"), tr(lang, "emotion.later"))} x_heading={tr(lang, "emotion.time")}
                table_every={3} table_summary={tr(lang, "chart.as_table")} />
            if let Some(s) = reveal {
                { stepper::bar(lang, &p.steps, FIGURE_STEPS, figure_step_text(lang, &params, first, &final_of, s), "emotion") }
            } else {
                <label class="inline scrub">
                    { tr(lang, "emotion.scrub") }
                    <input type="range" min="0" max={last.to_string()} step="1" value={cursor.to_string()} oninput={scrub}
                        data-testid="emotion-scrub" />
                </label>
                <p class="phase" aria-live="polite" data-testid="emotion-phase">
                    <strong>{ tr(lang, phase) }</strong>{ " " }
                    { trf(lang, "emotion.at", &[("none", &trim(at(Path::None), 1)), ("ordinary", &trim(at(Path::Ordinary), 1)), ("perfect", &trim(at(Path::Perfect), 1))]) }
                </p>
            }
            <p class="print-only" data-testid="emotion-print-params">
                { trf(lang, "emotion.print_params", &[
                    ("severity", &trim(params.severity * 100.0, 0)), ("failure", &params.failure_at.to_string()),
                    ("delay", &params.delay.to_string()),
                    ("steps", &params.steps.list().iter().map(|&s| tr(lang, &tag_key(&Tag::Step(s)))).collect::<Vec<_>>().join(" · ")),
                ]) }
            </p>
            <details class="tweak">
                <summary>{ tr(lang, "emotion.tweak") }</summary>
                <crate::web::controls::Slider id="emotion-severity" label={tr(lang, "emotion.severity")} unit="%"
                    value={params.severity * 100.0} min={model::SEVERITY_MIN * 100.0} max={model::SEVERITY_MAX * 100.0} step={1.0}
                    integer={false} {lang} on_change={set_num("severity")} />
                <crate::web::controls::Slider id="emotion-failure" label={tr(lang, "emotion.failure_at")} unit=""
                    value={f64::from(params.failure_at)} min={f64::from(model::FAILURE_AT_MIN)} max={f64::from(model::FAILURE_AT_MAX)}
                    step={1.0} integer={true} {lang} on_change={set_num("failure_at")} />
                <crate::web::controls::Slider id="emotion-delay" label={tr(lang, "emotion.delay")} unit=""
                    value={f64::from(params.delay)} min={0.0} max={f64::from(model::DELAY_MAX)} step={1.0}
                    integer={true} {lang} on_change={set_num("delay")} />
                <fieldset class="choice">
                    <legend>{ tr(lang, "emotion.your_steps") }</legend>
                    { for Step::ALL.iter().map(|&s| html! {
                        <label class="inline">
                            <input type="checkbox" checked={params.steps.contains(s)} onchange={toggle_step(s)}
                                data-testid={format!("emotion-step-{}", s.key())} />
                            { " " }{ tr(lang, &tag_key(&Tag::Step(s))) }
                        </label>
                    }) }
                </fieldset>
                if custom {
                    <p data-testid="emotion-yours">{ trf(lang, "emotion.yours_final", &[("v", &trim(own.last().copied().unwrap_or(0.0), 1))]) }</p>
                }
            </details>
        </section>
    }
}

/// What step `s` of the figure's step-through tells, with its numbers.
fn figure_step_text(lang: Lang, p: &model::Params, line: &[f64], final_of: &dyn Fn(Path) -> f64, s: usize) -> String {
    let at = |t: usize| trim(line.get(t).copied().unwrap_or(0.0), 1);
    let failure = p.failure_at as usize;
    match s {
        0 => trf(lang, "emotion.step_purchase", &[("start", &at(0))]),
        1 => trf(
            lang,
            "emotion.step_failure",
            &[
                ("t", &failure.to_string()),
                ("before", &at(failure - 1)),
                ("after", &at(failure)),
            ],
        ),
        2 if p.delay == 0 => tr(lang, "emotion.step_no_wait"),
        2 => trf(
            lang,
            "emotion.step_wait",
            &[("n", &p.delay.to_string()), ("level", &at(p.response_at() - 1))],
        ),
        3 => trf(lang, "emotion.step_platform", &[("level", &trim(RATIONAL_PLATFORM, 0))]),
        4 => trf(lang, "emotion.step_none", &[("v", &trim(final_of(Path::None), 1))]),
        5 => trf(
            lang,
            "emotion.step_ordinary",
            &[("v", &trim(final_of(Path::Ordinary), 1))],
        ),
        _ => trf(
            lang,
            "emotion.step_perfect",
            &[("v", &trim(final_of(Path::Perfect), 1))],
        ),
    }
}

/// Which part of the story a moment belongs to.
fn phase_key(t: usize, p: &model::Params) -> &'static str {
    let failure = p.failure_at as usize;
    let response = p.response_at();
    if t == 0 {
        "emotion.phase_purchase"
    } else if t < failure {
        "emotion.phase_drift"
    } else if t < response {
        "emotion.phase_failure"
    } else if t < response + 6 {
        "emotion.phase_response"
    } else {
        "emotion.phase_after"
    }
}

fn parse_scenario(text: &str) -> Result<Scenario, String> {
    parse_checked(scenario::parse(text), scenario::validate)
}

/// Part 2: the recovery role-play.
#[function_component]
fn RolePlay(p: &PartProps) -> Html {
    let lang = p.lang;
    let pick = |id: Option<String>| {
        let (go, addr) = (p.go.clone(), p.addr.clone());
        Callback::from(move |_| {
            go.emit(Address {
                scenario: id.clone(),
                choices: Vec::new(),
                ..addr.clone()
            })
        })
    };
    html! {
        <section aria-labelledby="roleplay-h" class="roleplay">
            <h2 id="roleplay-h">{ tr(lang, "emotion.roleplay") }</h2>
            <p>{ tr(lang, "emotion.roleplay_help") }</p>
            <ul class="scenarios">
                { for SCENARIO_IDS.iter().map(|id| html! {
                    <li><ScenarioButton id={*id} {lang} current={p.addr.scenario.as_deref() == Some(*id)} onclick={pick(Some((*id).to_owned()))} /></li>
                }) }
            </ul>
            if let Some(id) = &p.addr.scenario {
                <Conversation id={id.clone()} addr={p.addr.clone()} go={p.go.clone()} {lang} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ScenarioButtonProps {
    id: &'static str,
    lang: Lang,
    current: bool,
    onclick: Callback<MouseEvent>,
}

/// A scenario to pick, titled from the list compiled in (`build.rs`): its
/// file loads only once it is picked.
#[function_component]
fn ScenarioButton(p: &ScenarioButtonProps) -> Html {
    let title = SCENARIO_TITLES
        .iter()
        .find(|(id, ..)| *id == p.id)
        .map_or(p.id, |(_, zh, en)| if p.lang == Lang::Zh { zh } else { en });
    html! {
        <button type="button" class="button" aria-pressed={p.current.to_string()} onclick={p.onclick.clone()}
            data-testid={format!("scenario-{}", p.id)}>{ title }</button>
    }
}

#[derive(Properties, PartialEq)]
struct ConversationProps {
    id: String,
    addr: Address,
    go: Callback<Address>,
    lang: Lang,
}

/// One conversation: its scenario file loaded, then played.
#[function_component]
fn Conversation(p: &ConversationProps) -> Html {
    let lang = p.lang;
    match use_content(format!("scenarios/{}.json", p.id), parse_scenario) {
        Load::Loading => html! { <p aria-busy="true">{ tr(lang, "emotion.loading") }</p> },
        Load::Failed(why) => {
            html! { <p class="message error" role="alert">{ trf(lang, "emotion.load_failed", &[("why", &why)]) }</p> }
        }
        Load::Ready(scenario) => {
            let (go, addr) = (p.go.clone(), p.addr.clone());
            let go = Callback::from(move |choices: Vec<usize>| {
                go.emit(Address {
                    choices,
                    ..addr.clone()
                })
            });
            html! {
                <Played {scenario} record={Some(p.id.clone())} choices={p.addr.choices.clone()} {go} {lang} />
            }
        }
    }
}
