//! The satisfaction mirror (`#/mirror`): the customer–employee loops of
//! lecture 1 (图1-1) as a running model. Levers on sliders, the loops drawn
//! as a causal diagram whose arrows carry this month's flow, a time-series
//! chart, play / pause / step, presets that tell the course's two stories,
//! and an A/B comparison. The address holds every lever.

use crate::models::mirror::{self, Class, Levers, Loop, Month, Param, Run, LOOPS, SPECS};
use crate::models::params::BadParam;
use crate::models::params::ParamSet;
use crate::routing::route::{query_pairs, Route};
use crate::support::format::Num;
use crate::support::format::{fixed, trim};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::charts::{LineChart, Series};
use crate::web::controls::use_slider_callbacks;
use crate::web::model_screen::{sliders, use_model_screen, ModelParams};
use crate::web::stepper;
use crate::web::widgets::Later;
use gloo::timers::callback::Interval;
use yew::prelude::*;

/// Time between months while playing.
const PLAY_MS: u32 = 140;

/// Steps of the step-through: the two sides, each loop, the whole mirror.
const STEPS: usize = LOOPS.len() + 2;

fn label_key(p: Param) -> &'static str {
    match p {
        Param::Training => "mirror.training",
        Param::Empowerment => "mirror.empowerment",
        Param::Pay => "mirror.pay",
        Param::Hiring => "mirror.hiring",
        Param::Voice => "mirror.voice",
        Param::Turnover => "mirror.turnover",
        Param::Promo => "mirror.promo",
        Param::Months => "mirror.months",
        Param::ShockMonth => "mirror.shock_month",
        Param::ShockSize => "mirror.shock_size",
    }
}

fn unit(p: Param, lang: Lang) -> String {
    match p {
        Param::Turnover => tr(lang, "unit.percent_year"),
        Param::Months | Param::ShockMonth => tr(lang, "unit.months"),
        _ if p.spec().percent => "%".into(),
        _ => "/100".into(),
    }
}

fn loop_key(l: Loop) -> (&'static str, &'static str) {
    match l {
        Loop::Knowledge => ("mirror.loop_knowledge", "mirror.explain_knowledge"),
        Loop::Recovery => ("mirror.loop_recovery", "mirror.explain_recovery"),
        Loop::Achievement => ("mirror.loop_achievement", "mirror.explain_achievement"),
        Loop::Efficiency => ("mirror.loop_efficiency", "mirror.explain_efficiency"),
        Loop::Quality => ("mirror.loop_quality", "mirror.explain_quality"),
        Loop::Tenure => ("mirror.loop_tenure", "mirror.explain_tenure"),
    }
}

impl ModelParams for Levers {
    fn read(pairs: &[(String, String)]) -> (Levers, Vec<BadParam>) {
        Levers::from_query(pairs)
    }
    fn write(&self) -> Vec<(String, String)> {
        query_pairs(&self.to_query())
    }
    fn pack(&self) -> Option<String> {
        Some(self.to_compact())
    }
    fn unpack(&self, packed: &str) -> Option<Levers> {
        Levers::from_compact(packed)
    }
}

fn preset_key(id: &str) -> &'static str {
    match id {
        "invest" => "mirror.preset_invest",
        "cut" => "mirror.preset_cut",
        "shock" => "mirror.preset_shock",
        _ => "mirror.preset_middle",
    }
}

fn class_key(c: Class) -> &'static str {
    match c {
        Class::Virtuous => "mirror.class_virtuous",
        Class::Vicious => "mirror.class_vicious",
        Class::Stalled => "mirror.class_stalled",
    }
}

#[function_component]
pub fn MirrorPage() -> Html {
    let ctx = use_context::<crate::web::state::AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    let screen = use_model_screen::<Levers>(Route::Mirror, "mirror", STEPS);
    let (levers, compare, steps) = (screen.params, screen.compare, screen.steps.clone());
    let run = use_memo(levers, |l| mirror::run(l).ok());
    let run_a = use_memo(compare, |a| a.and_then(|a| mirror::run(&a).ok()));
    let last = levers.months as usize;
    // The month shown in the diagram; the whole run unless playing or stepping.
    // (`_eq`: the reset below runs on mount too, where it changes nothing and
    // must not render the screen a second time.)
    let t = use_state_eq(|| last);
    let playing = use_state_eq(|| false);
    let selected = use_state(|| None::<Loop>);
    {
        let (t, playing) = (t.clone(), playing.clone());
        use_effect_with(levers, move |_| {
            t.set(last);
            playing.set(false);
        });
    }
    {
        let (t, playing) = (t.clone(), playing.clone());
        use_effect_with((*playing, last), move |&(on, last)| {
            let timer = on.then(|| {
                let t = t.clone();
                let step = std::rc::Rc::new(std::cell::Cell::new(*t));
                Interval::new(PLAY_MS, move || {
                    let next = (step.get() + 1).min(last);
                    step.set(next);
                    t.set(next);
                    if next == last {
                        playing.set(false);
                    }
                })
            });
            move || drop(timer)
        });
    }

    let set = screen.set();
    let set_lever = use_slider_callbacks(SPECS.iter().map(|s| s.param).collect(), {
        let set = set.clone();
        Callback::from(move |(param, display): (Param, f64)| {
            let mut l = levers;
            l.set(param, display / param.spec().scale());
            set.emit(l);
        })
    });
    let play = {
        let (t, playing) = (t.clone(), playing.clone());
        Callback::from(move |_| {
            if *playing {
                playing.set(false);
            } else {
                if *t >= last {
                    t.set(0);
                }
                playing.set(true);
            }
        })
    };
    let step = {
        let (t, playing) = (t.clone(), playing.clone());
        Callback::from(move |_| {
            playing.set(false);
            t.set((*t + 1).min(last));
        })
    };
    let rewind = {
        let (t, playing) = (t.clone(), playing.clone());
        Callback::from(move |_| {
            playing.set(false);
            t.set(0);
        })
    };
    let scrub = {
        let (t, playing) = (t.clone(), playing.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<usize>() {
                playing.set(false);
                t.set(v.min(last));
            }
        })
    };
    let on_reset = {
        let (t, playing, selected) = (t.clone(), playing.clone(), selected.clone());
        Callback::from(move |()| {
            t.set(Levers::default().months as usize);
            playing.set(false);
            selected.set(None);
        })
    };
    let select = {
        let selected = selected.clone();
        Callback::from(move |l: Loop| selected.set(Some(l)))
    };

    let Some(run) = (*run).clone() else {
        return html! { <p class="message error" role="alert">{ tr(lang, "mirror.invalid") }</p> };
    };
    let now = run.months[(*t).min(last)];
    let end = run.months[last];

    html! {
        <div class="mirror" data-testid="mirror">
            <h1>{ tr(lang, "model.mirror") }</h1>
            <p class="lead">{ tr(lang, "mirror.lead") }</p>
            { screen.notice(lang) }
            <div class="toolbar" role="group" aria-label={tr(lang, "mirror.presets")}>
                <span class="toolbar-label">{ tr(lang, "mirror.presets") }</span>
                { for mirror::presets().into_iter().map(|(id, l)| {
                    let set = set.clone();
                    let active = l == levers;
                    html! {
                        <button type="button" class="button" aria-pressed={active.to_string()}
                            data-testid={format!("mirror-preset-{id}")}
                            onclick={Callback::from(move |_| set.emit(l))}>
                            { tr(lang, preset_key(id)) }
                        </button>
                    }
                }) }
            </div>
            <div class="toolbar" role="group" aria-label={tr(lang, "smith.tools")}>
                { stepper::toggle(lang, &steps, "mirror") }
                { screen.keep_a(lang) }
                if compare.is_some() {
                    { screen.clear_a(lang) }
                }
                { screen.tools(lang, on_reset) }
            </div>

            // The levers and results, then the loops, each from a later task
            // (`Later`): opening the screen is then several short tasks.
            <Later>
                <div class="mirror-layout">
                    <section class="assumptions" aria-labelledby="levers-h">
                        <h2 id="levers-h">{ tr(lang, "mirror.levers") }</h2>
                        { sliders("mirror", lang, &levers, &set_lever, |p| (tr(lang, label_key(p)), unit(p, lang))) }
                    </section>

                    <section class="results" aria-labelledby="result-h">
                        <h2 id="result-h">{ trf(lang, "mirror.after", &[("n", &last.to_string())]) }</h2>
                        <dl class="stats big">
                            <div><dt>{ tr(lang, "mirror.cs") }</dt><dd data-testid="mirror-customer-satisfaction">{ trim(end.cs, 1) }</dd></div>
                            <div><dt>{ tr(lang, "mirror.es") }</dt><dd data-testid="mirror-employee-satisfaction">{ trim(end.es, 1) }</dd></div>
                            <div><dt>{ tr(lang, "mirror.retention") }</dt><dd data-testid="mirror-retention">{ format!("{}%", trim(end.retention * 100.0, 1)) }</dd></div>
                            <div><dt>{ tr(lang, "mirror.staff_turnover") }</dt><dd data-testid="mirror-turnover">{ format!("{}%", trim(end.turnover, 1)) }</dd></div>
                            <div><dt>{ tr(lang, "mirror.customers") }</dt><dd data-testid="mirror-customers">{ trim(end.customers, 0) }</dd></div>
                            <div><dt>{ tr(lang, "mirror.profit") }</dt><dd data-testid="mirror-profit">{ trim(end.profit, 0) }</dd></div>
                        </dl>
                        <p class={classes!("verdict", run.class.key())} data-testid="mirror-class">
                            <strong>{ tr(lang, class_key(run.class)) }</strong>
                            { " " }{ verdict_detail(lang, &run) }
                        </p>
                        { chart(lang, &run, (*run_a).as_ref(), last) }
                    </section>
                </div>
            </Later>

            <Later>
                <section aria-labelledby="loops-h" class="loops">
                    <h2 id="loops-h">{ tr(lang, "mirror.loops") }</h2>
                    <div class="player" role="group" aria-label={tr(lang, "mirror.player")}>
                        <button type="button" class="button primary" onclick={play} data-testid="mirror-play" aria-pressed={playing.to_string()}>
                            { tr(lang, if *playing { "mirror.pause" } else { "mirror.play" }) }
                        </button>
                        <button type="button" class="button" onclick={step} data-testid="mirror-step" disabled={*t >= last}>{ tr(lang, "mirror.step") }</button>
                        <button type="button" class="button" onclick={rewind} data-testid="mirror-rewind">{ tr(lang, "mirror.rewind") }</button>
                        <label class="inline scrub">
                            { trf(lang, "mirror.month_of", &[("n", &now.month.to_string()), ("total", &last.to_string())]) }
                            <input type="range" min="0" max={last.to_string()} step="1" value={now.month.to_string()}
                                oninput={scrub} data-testid="mirror-month" />
                        </label>
                    </div>
                    { diagram(lang, &run, &now, *selected, select, *steps) }
                    { stepper::bar(lang, &steps, STEPS, step_text(lang, &run, &now, steps.unwrap_or(0)), "mirror") }
                </section>
            </Later>
        </div>
    }
}

/// What step `i` of the step-through tells: the two sides, then each loop
/// in the course's order (its mechanism and this month's push), then the
/// whole mirror and which way this run turned it.
fn step_text(lang: Lang, run: &Run, now: &Month, i: usize) -> String {
    match LOOPS.get(i.wrapping_sub(1)) {
        _ if i == 0 => tr(lang, "mirror.step_sides"),
        Some(&l) => {
            let (name, sentence) = loop_key(l);
            format!(
                "{}: {} {}",
                tr(lang, name),
                tr(lang, sentence),
                flow_text(lang, l, now.flow(l))
            )
        }
        None => format!(
            "{} {} {}",
            tr(lang, "mirror.step_whole"),
            tr(lang, class_key(run.class)),
            verdict_detail(lang, run)
        ),
    }
}

/// Step-through: the step at which each node (in [`NODES`] order) appears.
const NODE_STEP: [usize; 6] = [0, 1, 2, 0, 6, 4];

/// "which loop drove it" under the verdict (nothing when nothing moved).
fn verdict_detail(lang: Lang, run: &Run) -> String {
    let total: f64 = run.cumulative().iter().map(|f| f.abs()).sum();
    if total < 1.0 {
        return tr(lang, "mirror.still");
    }
    trf(
        lang,
        "mirror.dominant",
        &[("loop", &tr(lang, loop_key(run.dominant).0))],
    )
}

/// Customer and employee satisfaction over the run (and the A set, dashed).
fn chart(lang: Lang, run: &Run, a: Option<&Run>, last: usize) -> Html {
    let line = |r: &Run, f: fn(&Month) -> f64| r.months.iter().map(f).collect::<Vec<_>>();
    let mut series = vec![
        Series {
            label: tr(lang, "mirror.cs"),
            values: line(run, |m| m.cs),
            slot: 0,
            dashed: false,
        },
        Series {
            label: tr(lang, "mirror.es"),
            values: line(run, |m| m.es),
            slot: 1,
            dashed: false,
        },
    ];
    if let Some(a) = a {
        series.push(Series {
            label: format!("A · {}", tr(lang, "mirror.cs")),
            values: line(a, |m| m.cs),
            slot: 0,
            dashed: true,
        });
        series.push(Series {
            label: format!("A · {}", tr(lang, "mirror.es")),
            values: line(a, |m| m.es),
            slot: 1,
            dashed: true,
        });
    }
    let end = run.months[last];
    html! {
        <LineChart id="mirror-chart" title={tr(lang, "mirror.chart")}
            desc={trf(lang, "mirror.chart_desc", &[("n", &last.to_string()), ("cs", &trim(end.cs, 1)), ("es", &trim(end.es, 1))])}
            {series} y_range={(0.0, 100.0)}
            x_axis={(trf(lang, "mirror.month_n", &[("n", "0")]), trf(lang, "mirror.month_n", &[("n", &last.to_string())]))}
            x_heading={tr(lang, "mirror.month")} table_every={6} table_summary={tr(lang, "chart.as_table")} />
    }
}

/// Node positions of the causal diagram: customer side left, staff side right.
const NODES: [(&str, f64, f64); 6] = [
    ("mirror.node_cs", 150.0, 175.0),
    ("mirror.node_knowledge", 150.0, 45.0),
    ("mirror.node_voice", 150.0, 305.0),
    ("mirror.node_es", 490.0, 175.0),
    ("mirror.node_tenure", 490.0, 45.0),
    ("mirror.node_efficiency", 490.0, 305.0),
];

/// The arrow of each loop: from node, to node, bend. The two satisfactions
/// face each other across the mirror: achievement runs customer → staff
/// below it, process quality runs staff → customer above it.
fn arrow_of(l: Loop) -> (usize, usize, f64) {
    match l {
        Loop::Knowledge => (1, 0, 0.0),
        Loop::Recovery => (2, 0, 0.0),
        Loop::Achievement => (0, 3, 60.0),
        Loop::Efficiency => (5, 3, 0.0),
        Loop::Quality => (3, 0, -60.0),
        Loop::Tenure => (3, 4, 0.0),
    }
}

/// The causal-loop diagram at one month, with a text equivalent.
/// While stepping (`reveal`), only the loops told so far are drawn and the
/// latest is highlighted.
fn diagram(
    lang: Lang,
    run: &Run,
    now: &Month,
    selected: Option<Loop>,
    select: Callback<Loop>,
    reveal: Option<usize>,
) -> Html {
    // Thickness is relative to the strongest flow anywhere in the run.
    let scale = run
        .months
        .iter()
        .flat_map(|m| m.flows.iter())
        .fold(0.0f64, |a, f| a.max(f.abs()))
        .max(1e-6);
    let explain = selected.map(|l| tr(lang, loop_key(l).1));
    // Step s shows loops 0..s and highlights loop s − 1.
    let concealed = |step: usize| reveal.is_some_and(|r| step > r);
    let selected = match reveal {
        Some(r) => LOOPS.get(r.wrapping_sub(1)).copied(),
        None => selected,
    };
    html! {
        <div class="diagram">
            <svg viewBox="0 0 640 350" role="group" aria-labelledby="diagram-title" data-testid="mirror-diagram">
                <title id="diagram-title">{ tr(lang, "mirror.diagram") }</title>
                <defs>
                    <marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" class="head" />
                    </marker>
                </defs>
                <text class="side" x="150" y="340" text-anchor="middle">{ tr(lang, "mirror.side_customers") }</text>
                <text class="side" x="490" y="340" text-anchor="middle">{ tr(lang, "mirror.side_staff") }</text>
                <line class="mirror-line" x1="320" x2="320" y1="20" y2="330" />
                { for LOOPS.iter().map(|&l| {
                    let (from, to, bend) = arrow_of(l);
                    let ((_, x1, y1), (_, x2, y2)) = (NODES[from], NODES[to]);
                    // Stop short of the node boxes.
                    let (dx, dy) = (x2 - x1, y2 - y1);
                    let len = (dx * dx + dy * dy).sqrt().max(1.0);
                    let (ux, uy) = (dx / len, dy / len);
                    // Distance from a node's centre to its box edge along the arrow.
                    let edge = (70.0 / ux.abs().max(1e-6)).min(20.0 / uy.abs().max(1e-6));
                    // Arcs leave and enter a little off-centre so the pair stays apart.
                    let off = bend.signum() * 8.0;
                    let (sx, sy) = (x1 + ux * (edge + 2.0), y1 + uy * (edge + 2.0) + off);
                    let (ex, ey) = (x2 - ux * (edge + 6.0), y2 - uy * (edge + 6.0) + off);
                    let (cx, cy) = ((sx + ex) / 2.0, (sy + ey) / 2.0 + bend);
                    // Labels beside vertical arrows, above or below arcs.
                    let (lx, ly, anchor) = if bend == 0.0 {
                        (cx + 10.0, cy + 4.0, "start")
                    } else {
                        (cx, cy / 2.0 + (sy + ey) / 4.0 + bend.signum() * 16.0, "middle")
                    };
                    let d = format!("M{},{} Q{},{} {},{}", fixed(sx, 1), fixed(sy, 1), fixed(cx, 1), fixed(cy, 1), fixed(ex, 1), fixed(ey, 1));
                    let flow = now.flow(l);
                    let width = 1.5 + 9.0 * (flow.abs() / scale).min(1.0);
                    let sign = if flow > 0.05 { "up" } else if flow < -0.05 { "down" } else { "flat" };
                    // Hovering, focusing, clicking or Enter: each shows the
                    // arrow's explanation below the diagram.
                    let show = {
                        let select = select.clone();
                        move || select.emit(l)
                    };
                    let (name, sentence) = loop_key(l);
                    let label = format!("{}: {} {}", tr(lang, name), tr(lang, sentence), flow_text(lang, l, flow));
                    html! {
                        <g class={classes!("arrow", sign, (selected == Some(l)).then_some("selected"), concealed(l.index() + 1).then_some("concealed"))}
                            aria-hidden={concealed(l.index() + 1).then_some("true")} tabindex="0" role="button"
                            aria-pressed={(selected == Some(l)).to_string()} aria-label={label}
                            data-testid={format!("mirror-arrow-{}", l.key())}
                            onclick={Callback::from({ let show = show.clone(); move |_: MouseEvent| show() })}
                            onfocus={Callback::from({ let show = show.clone(); move |_: FocusEvent| show() })}
                            onmouseenter={Callback::from({ let show = show.clone(); move |_: MouseEvent| show() })}
                            onkeydown={Callback::from(move |e: KeyboardEvent| {
                                if e.key() == "Enter" || e.key() == " " {
                                    e.prevent_default();
                                    show();
                                }
                            })}>
                            <path class="hit" d={d.clone()} />
                            <path class="flow" {d} stroke-width={fixed(width, 1)} marker-end="url(#head)" />
                            <text x={fixed(lx, 1)} y={fixed(ly, 1)} text-anchor={anchor}>{ tr(lang, name) }</text>
                        </g>
                    }
                }) }
                { for NODES.iter().zip(NODE_STEP).map(|((key, x, y), step)| html! {
                    <g class={classes!("node", concealed(step).then_some("concealed"))} aria-hidden="true">
                        <rect x={fixed(x - 70.0, 1)} y={fixed(y - 20.0, 1)} width="140" height="40" rx="8" />
                        <text x={x.num()} y={fixed(y + 5.0, 1)} text-anchor="middle">{ tr(lang, key) }</text>
                    </g>
                }) }
            </svg>
            if reveal.is_none() {
                <p class="explain" aria-live="polite" data-testid="mirror-explain">
                    { explain.unwrap_or_else(|| tr(lang, "mirror.pick_arrow")) }
                </p>
            }
            <table class="status-table loops-table">
                <caption>{ trf(lang, "mirror.loops_at", &[("n", &now.month.to_string())]) }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "mirror.col_loop") }</th>
                    <th scope="col">{ tr(lang, "mirror.col_effect") }</th>
                </tr></thead>
                <tbody>
                    { for LOOPS.iter().map(|&l| html! {
                        <tr data-testid={format!("mirror-flow-{}", l.key())}>
                            <th scope="row">{ tr(lang, loop_key(l).0) }</th>
                            <td>{ flow_text(lang, l, now.flow(l)) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// "+1.2 points of customer satisfaction this month" and the like.
fn flow_text(lang: Lang, l: Loop, flow: f64) -> String {
    let target = match l.target() {
        "cs" => tr(lang, "mirror.cs"),
        "es" => tr(lang, "mirror.es"),
        _ => tr(lang, "mirror.node_tenure"),
    };
    let amount = if flow >= 0.0 {
        format!("+{}", trim(flow, 2))
    } else {
        trim(flow, 2)
    };
    trf(lang, "mirror.flow", &[("amount", &amount), ("target", &target)])
}
