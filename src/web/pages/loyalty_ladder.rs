//! The loyalty ladder (`#/loyalty-ladder`, lecture 11, figure 7-1): the
//! eight loyalty levels as a monthly cohort model with editable rates, the
//! ladder drawn as eight rungs with counts, the level counts over the
//! months, and the course's ten loyalty KPIs with their definitions. A
//! second mode (`mode=own`) takes a firm's own counts from a table and
//! gives the same KPIs without the simulation. Step-through: the levels,
//! the flows, the run, the KPIs. A/B for the simulation.

use crate::models::loyalty_ladder::own::{OwnKpis, OwnSpec};
use crate::models::loyalty_ladder::params::Spec;
use crate::models::loyalty_ladder::{
    self as ladder, kpis, own_kpis, tenths, Counts, Counts8, Kpis, Level, Mode, OwnError, OwnParam, Param, RateError,
    Rates, Run, Screen, LEVELS, OWN_SPECS, SPECS,
};
use crate::models::params::{BadParam, ParamSet};
use crate::routing::route::Route;
use crate::support::format::Num;
use crate::support::format::{fixed, group, trim};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::charts::{LineChart, Series};
use crate::web::controls::{parse_number, use_slider_callbacks, Slider};
use crate::web::model_screen::{use_model_screen, ModelParams};
use crate::web::stepper;
use yew::prelude::*;

/// Steps of the step-through: the levels, the flows, the run, the KPIs.
const STEPS: usize = 4;

impl ModelParams for Screen {
    fn read(pairs: &[(String, String)]) -> (Screen, Vec<BadParam>) {
        Screen::from_query(pairs)
    }
    fn write(&self) -> Vec<(String, String)> {
        self.to_pairs()
    }
    fn pack(&self) -> Option<String> {
        (self.mode == Mode::Sim).then(|| self.rates.to_compact())
    }
    fn unpack(&self, packed: &str) -> Option<Screen> {
        Rates::from_compact(packed).map(|rates| Screen { rates, ..*self })
    }
}

fn level_key(l: Level) -> (&'static str, &'static str) {
    match l {
        Level::Lost => ("ladder.lost", "ladder.lost_d"),
        Level::Onlookers => ("ladder.onlookers", "ladder.onlookers_d"),
        Level::AtRisk => ("ladder.at_risk", "ladder.at_risk_d"),
        Level::New => ("ladder.new", "ladder.new_d"),
        Level::Inactive => ("ladder.inactive", "ladder.inactive_d"),
        Level::Active => ("ladder.active", "ladder.active_d"),
        Level::Core => ("ladder.core", "ladder.core_d"),
        Level::Advocates => ("ladder.advocates", "ladder.advocates_d"),
    }
}

fn param_key(p: Param) -> &'static str {
    match p {
        Param::Months => "ladder.p_months",
        Param::Start => "ladder.p_start",
        Param::Arrivals => "ladder.p_arrivals",
        Param::Convert => "ladder.p_convert",
        Param::NewActive => "ladder.p_new_active",
        Param::NewRisk => "ladder.p_new_risk",
        Param::InactiveActive => "ladder.p_inactive_active",
        Param::InactiveRisk => "ladder.p_inactive_risk",
        Param::ActiveCore => "ladder.p_active_core",
        Param::CoreAdvocate => "ladder.p_core_advocate",
        Param::Down => "ladder.p_down",
        Param::RiskSave => "ladder.p_risk_save",
        Param::RiskLost => "ladder.p_risk_lost",
        Param::Winback => "ladder.p_winback",
        Param::Wallet => "ladder.p_wallet",
        Param::ComplaintSat => "ladder.p_complaint_sat",
        Param::Visits => "ladder.p_visits",
        Param::Spend => "ladder.p_spend",
    }
}

fn own_key(p: OwnParam) -> String {
    let key = match p {
        OwnParam::NewMonth => "ladder.o_new_month",
        OwnParam::Cohort => "ladder.o_cohort",
        OwnParam::Kept3 => "ladder.o_kept3",
        OwnParam::Kept12 => "ladder.o_kept12",
        OwnParam::YearStart => "ladder.o_year_start",
        OwnParam::YearKept => "ladder.o_year_kept",
        OwnParam::RiskWorked => "ladder.o_risk_worked",
        OwnParam::WonBack => "ladder.o_won_back",
        OwnParam::Complaints => "ladder.o_complaints",
        OwnParam::Satisfied => "ladder.o_satisfied",
        OwnParam::Visits => "ladder.o_purchases",
        OwnParam::Revenue => "ladder.o_revenue",
        OwnParam::WalletTotal => "ladder.o_wallet_total",
        level => return level_key(LEVELS[level as usize]).0.to_owned(),
    };
    key.to_owned()
}

fn unit(p: Param, lang: Lang) -> String {
    match p {
        Param::Months => tr(lang, "unit.months"),
        Param::Start | Param::Arrivals => tr(lang, "unit.people"),
        Param::Visits => tr(lang, "ladder.u_visits"),
        Param::Spend => tr(lang, "ladder.u_money"),
        Param::Wallet | Param::ComplaintSat => "%".into(),
        _ => tr(lang, "ladder.u_month"),
    }
}

fn pct(x: f64) -> String {
    format!("{}%", trim(x * 100.0, 1))
}

/// A share shown to a tenth of a percent (the precision churn is built on).
fn pct_tenths(t: i64) -> String {
    format!("{}%", trim(t as f64 / 10.0, 1))
}

/// Why a set of rates or counts is refused, in words.
fn rate_message(lang: Lang, e: &RateError) -> String {
    match e {
        RateError::LevelOver { level, total } => trf(
            lang,
            "ladder.rule_level",
            &[("level", &tr(lang, level_key(*level).0)), ("total", &pct(*total))],
        ),
        RateError::Invalid { .. } => tr(lang, "ladder.invalid"),
    }
}

fn own_message(lang: Lang, e: &OwnError) -> String {
    match e {
        OwnError::PartOverWhole { part, whole, a, b } => trf(
            lang,
            "ladder.rule_part",
            &[
                ("part", &tr(lang, &own_key(*part))),
                ("whole", &tr(lang, &own_key(*whole))),
                ("a", &group(*a, 0)),
                ("b", &group(*b, 0)),
            ],
        ),
        OwnError::Negative { param, .. } => {
            format!("{}: {}", tr(lang, &own_key(*param)), tr(lang, "ladder.negative"))
        }
        OwnError::Invalid { .. } => tr(lang, "ladder.invalid"),
    }
}

#[function_component]
pub fn LoyaltyLadderPage() -> Html {
    let lang = use_context::<crate::web::state::AppCtx>()
        .expect("App provides the state")
        .lang();
    let screen = use_model_screen::<Screen>(Route::LoyaltyLadder, "ladder", STEPS);
    let (s, compare, steps) = (screen.params, screen.compare, screen.steps.clone());
    let refused = use_state_eq(|| None::<String>);
    {
        let refused = refused.clone();
        use_effect_with(s, move |_| refused.set(None));
    }
    let go = screen.go();
    let set = screen.set();
    let set_rate = use_slider_callbacks(SPECS.iter().map(|s| s.param).collect(), {
        let (set, refused) = (set.clone(), refused.clone());
        Callback::from(move |(param, display): (Param, f64)| {
            let mut next = s;
            next.rates.set(param, display / param.spec().scale());
            match next.rates.validate() {
                Ok(()) => {
                    refused.set(None);
                    set.emit(next);
                }
                Err(e) => refused.set(Some(rate_message(lang, &e))),
            }
        })
    });
    let set_own = use_slider_callbacks(OWN_SPECS.iter().map(|s| s.param).collect(), {
        let (set, refused) = (set.clone(), refused.clone());
        Callback::from(move |(param, v): (OwnParam, f64)| {
            let mut next = s;
            next.own.set(param, v);
            match next.own.validate() {
                Ok(()) => {
                    refused.set(None);
                    set.emit(next);
                }
                Err(e) => refused.set(Some(own_message(lang, &e))),
            }
        })
    });
    let mode_button = |mode: Mode, key: &str, id: &str| {
        let go = go.clone();
        let onclick = Callback::from(move |_| go.emit((Screen { mode, ..s }, None)));
        html! {
            <button type="button" class="button" aria-pressed={(s.mode == mode).to_string()} {onclick}
                data-testid={format!("ladder-mode-{id}")}>{ tr(lang, key) }</button>
        }
    };
    let refused_msg = (*refused).clone().map(|m| {
        html! { <p class="message error" role="alert" data-testid="ladder-rule">{ m }</p> }
    });

    html! {
        <div class="ladder" data-testid="ladder">
            <h1>{ tr(lang, "model.loyalty-ladder") }</h1>
            <p class="lead">{ tr(lang, "ladder.lead") }</p>
            { screen.notice(lang) }
            <div class="toolbar" role="group" aria-label={tr(lang, "ladder.mode")}>
                <span class="toolbar-label">{ tr(lang, "ladder.mode") }</span>
                { mode_button(Mode::Sim, "ladder.mode_sim", "sim") }
                { mode_button(Mode::Own, "ladder.mode_own", "own") }
            </div>
            <div class="toolbar" role="group" aria-label={tr(lang, "smith.tools")}>
                if s.mode == Mode::Sim {
                    { stepper::toggle(lang, &steps, "ladder") }
                    { screen.keep_a(lang) }
                    if compare.is_some() {
                        { screen.clear_a(lang) }
                    }
                }
                { screen.tools(lang, Callback::from(|()| ())) }
            </div>
            { refused_msg }
            if s.mode == Mode::Sim {
                { sim_view(lang, &s.rates, compare.map(|c| c.rates), &set_rate, *steps) }
                { stepper::bar(lang, &steps, STEPS, tr(lang, step_key(steps.unwrap_or(0))), "ladder") }
            } else {
                { own_view(lang, &s.own, &set_own) }
            }
        </div>
    }
}

fn step_key(i: usize) -> &'static str {
    match i {
        0 => "ladder.step_levels",
        1 => "ladder.step_flows",
        2 => "ladder.step_run",
        _ => "ladder.step_kpis",
    }
}

/// The simulation: parameters, the ladder at the end, the flows, the run
/// and the KPIs (each section hidden until its step while stepping).
fn sim_view(lang: Lang, r: &Rates, a: Option<Rates>, set: &[Callback<f64>], reveal: Option<usize>) -> Html {
    let hidden = |i: usize| reveal.is_some_and(|s| i > s);
    let section = |i: usize| classes!("ladder-part", hidden(i).then_some("concealed"));
    let aria = |i: usize| hidden(i).then_some("true");
    let Ok(run) = ladder::run(r) else {
        return html! { <p class="message error" role="alert">{ tr(lang, "ladder.invalid") }</p> };
    };
    let k = kpis(r, &run);
    let a = a.and_then(|a| ladder::run(&a).ok().map(|run| kpis(&a, &run)));
    // Three groups of the one parameter set: the run, the flows, the firm inputs.
    let part = |specs: &[Spec], heading: &str, note: Option<&str>| {
        html! {
            <fieldset class="ladder-group">
                <legend>{ tr(lang, heading) }</legend>
                if let Some(n) = note { <p class="note">{ tr(lang, n) }</p> }
                { for specs.iter().map(|s| {
                    let scale = s.scale();
                    let (name, unit) = (tr(lang, param_key(s.param)), unit(s.param, lang));
                    html! {
                        <Slider id={format!("ladder-{}", s.key.replace('_', "-"))} label={format!("{name} ({unit})")} {unit}
                            value={r.get(s.param) * scale} min={s.min * scale} max={s.max * scale}
                            step={s.step * scale} integer={s.integer} {lang} on_change={set[s.param as usize].clone()} />
                    }
                }) }
            </fieldset>
        }
    };
    let months = run.months();
    html! {
        <div class="ladder-layout">
            <section class="assumptions" aria-labelledby="ladder-params-h">
                <h2 id="ladder-params-h">{ tr(lang, "ladder.rates") }</h2>
                { part(&SPECS[..3], "ladder.run_settings", None) }
                { part(&SPECS[3..14], "ladder.flows", None) }
                { part(&SPECS[14..], "ladder.inputs", Some("ladder.inputs_note")) }
            </section>
            <section class={section(0)} aria-hidden={aria(0)} aria-labelledby="ladder-levels-h">
                <h2 id="ladder-levels-h">{ trf(lang, "ladder.levels_after", &[("n", &months.to_string())]) }</h2>
                { rungs(lang, run.last()) }
            </section>
            <section class={section(1)} aria-hidden={aria(1)} aria-labelledby="ladder-flows-h">
                <h2 id="ladder-flows-h">{ tr(lang, "ladder.flows") }</h2>
                { flows_table(lang, r) }
            </section>
            <section class={section(2)} aria-hidden={aria(2)} aria-labelledby="ladder-run-h">
                <h2 id="ladder-run-h">{ tr(lang, "ladder.run") }</h2>
                { chart(lang, &run) }
            </section>
            <section class={section(3)} aria-hidden={aria(3)} aria-labelledby="ladder-kpis-h">
                <h2 id="ladder-kpis-h">{ trf(lang, "ladder.kpis_after", &[("n", &months.to_string())]) }</h2>
                { kpi_list(lang, &sim_rows(lang, &k)) }
                if let Some(a) = a {
                    { compare_table(lang, &a, &k) }
                }
            </section>
        </div>
    }
}

/// The eight rungs, most loyal at the top, each with its count at the end
/// of the run; the same numbers in a table.
fn rungs(lang: Lang, c: &Counts8) -> Html {
    let max = c.iter().cloned().fold(1.0f64, f64::max);
    let row = 34.0;
    let h = row * 8.0 + 8.0;
    let desc = LEVELS
        .iter()
        .map(|l| format!("{} {}", tr(lang, level_key(*l).0), group(c[l.index()], 0)))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <figure class="chart ladder-rungs">
            <svg viewBox={format!("0 0 640 {}", h.num())} role="img" aria-labelledby="ladder-rungs-title ladder-rungs-desc" data-testid="ladder-rungs">
                <title id="ladder-rungs-title">{ tr(lang, "ladder.rungs_title") }</title>
                <desc id="ladder-rungs-desc">{ desc }</desc>
                <line class="rail" x1="190" x2="190" y1="0" y2={h.num()} />
                <line class="rail" x1="630" x2="630" y1="0" y2={h.num()} />
                { for LEVELS.iter().rev().enumerate().map(|(i, l)| {
                    let y = 4.0 + i as f64 * row;
                    let n = c[l.index()];
                    let w = (n / max * 340.0).max(1.0);
                    html! {
                        <g class={classes!("rung", if l.in_base() { "in-base" } else { "outside" })}>
                            <text class="tick" x="182" y={fixed(y + row * 0.62, 1)} text-anchor="end">{ tr(lang, level_key(*l).0) }</text>
                            <rect class="step" x="190" y={fixed(y + 4.0, 1)} width="440" height={fixed(row - 8.0, 1)} />
                            <rect class="bar" x="196" y={fixed(y + 9.0, 1)} width={fixed(w, 1)} height={fixed(row - 18.0, 1)} />
                            <text class="value" x={fixed(202.0 + w, 1)} y={fixed(y + row * 0.62, 1)}>{ group(n, 0) }</text>
                        </g>
                    }
                }) }
            </svg>
            <table class="status-table">
                <caption>{ tr(lang, "ladder.rungs_table") }</caption>
                <thead><tr>
                    <th scope="col">{ tr(lang, "ladder.col_level") }</th>
                    <th scope="col">{ tr(lang, "ladder.col_count") }</th>
                    <th scope="col">{ tr(lang, "ladder.col_about") }</th>
                </tr></thead>
                <tbody>
                    { for LEVELS.iter().rev().map(|l| html! {
                        <tr>
                            <th scope="row">{ tr(lang, level_key(*l).0) }</th>
                            <td data-testid={format!("ladder-count-{}", l.key())}>{ group(c[l.index()], 0) }</td>
                            <td>{ tr(lang, level_key(*l).1) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </figure>
    }
}

/// Every way from one rung to another, with its monthly rate.
fn flows_table(lang: Lang, r: &Rates) -> Html {
    use Level::*;
    let ways: [(Level, Level, Param); 13] = [
        (Onlookers, New, Param::Convert),
        (New, Active, Param::NewActive),
        (New, AtRisk, Param::NewRisk),
        (Inactive, Active, Param::InactiveActive),
        (Inactive, AtRisk, Param::InactiveRisk),
        (Active, Core, Param::ActiveCore),
        (Active, Inactive, Param::Down),
        (Core, Advocates, Param::CoreAdvocate),
        (Core, Active, Param::Down),
        (Advocates, Core, Param::Down),
        (AtRisk, Active, Param::RiskSave),
        (AtRisk, Lost, Param::RiskLost),
        (Lost, New, Param::Winback),
    ];
    html! {
        <table class="status-table" data-testid="ladder-flows">
            <caption>{ trf(lang, "ladder.flows_caption", &[("n", &group(r.r(Param::Arrivals), 0))]) }</caption>
            <thead><tr>
                <th scope="col">{ tr(lang, "ladder.col_from") }</th>
                <th scope="col">{ tr(lang, "ladder.col_to") }</th>
                <th scope="col">{ tr(lang, "ladder.col_rate") }</th>
            </tr></thead>
            <tbody>
                { for ways.iter().map(|(from, to, p)| html! {
                    <tr>
                        <th scope="row">{ tr(lang, level_key(*from).0) }</th>
                        <td>{ tr(lang, level_key(*to).0) }</td>
                        <td>{ pct(r.r(*p)) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The eight level counts over the months (lines; the four outside or at
/// the edge of the base dashed).
fn chart(lang: Lang, run: &Run) -> Html {
    let slot = |l: Level| -> (u8, bool) {
        match l {
            Level::Lost => (0, true),
            Level::Onlookers => (1, true),
            Level::AtRisk => (3, true),
            Level::New => (2, true),
            Level::Inactive => (3, false),
            Level::Active => (1, false),
            Level::Core => (2, false),
            Level::Advocates => (0, false),
        }
    };
    let series: Vec<Series> = LEVELS
        .iter()
        .map(|l| {
            let (slot, dashed) = slot(*l);
            Series {
                label: tr(lang, level_key(*l).0),
                values: run.counts.iter().map(|c| c[l.index()]).collect(),
                slot,
                dashed,
            }
        })
        .collect();
    let top = run.counts.iter().flat_map(|c| c.iter()).cloned().fold(1.0f64, f64::max);
    let top = nice(top);
    let last = run.months();
    let end = run.last();
    html! {
        <LineChart id="ladder-chart" title={tr(lang, "ladder.chart")}
            desc={trf(lang, "ladder.chart_desc", &[("n", &last.to_string()), ("base", &group(ladder::customer_base(end), 0)),
                ("lost", &group(end[Level::Lost.index()], 0))])}
            {series} y_range={(0.0, top)}
            x_axis={(trf(lang, "ladder.month_n", &[("n", "0")]), trf(lang, "ladder.month_n", &[("n", &last.to_string())]))}
            x_heading={tr(lang, "ladder.month")} table_every={3} table_summary={tr(lang, "chart.as_table")} />
    }
}

/// A round top for the y axis (1, 2 or 5 × a power of ten).
fn nice(x: f64) -> f64 {
    let p = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|v| *v >= x)
        .unwrap_or(x)
}

/// One KPI as shown: test id, name, definition, value, whether it is an input.
struct KpiRow {
    id: &'static str,
    name: &'static str,
    def: &'static str,
    value: String,
    note: Option<String>,
    input: bool,
}

fn kpi_list(lang: Lang, rows: &[KpiRow]) -> Html {
    html! {
        <table class="status-table ladder-kpis" data-testid="ladder-kpis">
            <caption>{ tr(lang, "ladder.kpis") }</caption>
            <thead><tr>
                <th scope="col">{ tr(lang, "ladder.col_kpi") }</th>
                <th scope="col">{ tr(lang, "ladder.col_value") }</th>
                <th scope="col">{ tr(lang, "ladder.col_def") }</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|r| html! {
                    <tr>
                        <th scope="row">{ tr(lang, r.name) }</th>
                        <td class="num">
                            <span data-testid={r.id}>{ &r.value }</span>
                            if let Some(n) = &r.note { <br /><small>{ n }</small> }
                        </td>
                        <td>
                            { tr(lang, r.def) }
                            if r.input { { " " }<em class="ladder-input">{ tr(lang, "kpi.input") }</em> }
                        </td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

fn opt_pct(x: Option<f64>, lang: Lang) -> String {
    x.map_or_else(|| tr(lang, "kpi.none"), pct)
}

/// Retention and churn as shown: churn is 100 % minus the retention shown.
fn retention_pair(lang: Lang, k: Option<f64>) -> (String, String) {
    match k {
        Some(k) => (pct_tenths(tenths(k)), pct_tenths(1000 - tenths(k))),
        None => (tr(lang, "kpi.none"), tr(lang, "kpi.none")),
    }
}

#[allow(clippy::too_many_arguments)]
fn rows(
    lang: Lang,
    base: String,
    base_note: Option<String>,
    new3: String,
    new12: String,
    retention: Option<f64>,
    window_note: Option<String>,
    wallet: String,
    complaint: String,
    new_month: String,
    frequency: String,
    spend: String,
    save: String,
    save_note: Option<String>,
    inputs: bool,
) -> Vec<KpiRow> {
    let (ret, churn) = retention_pair(lang, retention);
    let row = |id, name, def, value: String, note: Option<String>, input| KpiRow {
        id,
        name,
        def,
        value,
        note,
        input,
    };
    vec![
        row("kpi-customer-base", "kpi.base", "kpi.base_d", base, base_note, false),
        row("kpi-new-retention-3", "kpi.new3", "kpi.new3_d", new3, None, false),
        row("kpi-new-retention-12", "kpi.new12", "kpi.new12_d", new12, None, false),
        row(
            "kpi-retention",
            "kpi.retention",
            "kpi.retention_d",
            ret,
            window_note,
            false,
        ),
        row(
            "kpi-share-of-wallet",
            "kpi.wallet",
            "kpi.wallet_d",
            wallet,
            None,
            inputs,
        ),
        row(
            "kpi-complainant-satisfaction",
            "kpi.complaint",
            "kpi.complaint_d",
            complaint,
            None,
            inputs,
        ),
        row(
            "kpi-new-per-month",
            "kpi.new_month",
            "kpi.new_month_d",
            new_month,
            None,
            false,
        ),
        row(
            "kpi-purchase-frequency",
            "kpi.frequency",
            "kpi.frequency_d",
            frequency,
            None,
            inputs,
        ),
        row("kpi-average-spend", "kpi.spend", "kpi.spend_d", spend, None, inputs),
        row("kpi-churn", "kpi.churn", "kpi.churn_d", churn, None, false),
        row("kpi-win-back", "kpi.save", "kpi.save_d", save, save_note, false),
    ]
}

fn sim_rows(lang: Lang, k: &Kpis) -> Vec<KpiRow> {
    rows(
        lang,
        group(k.base, 0),
        Some(trf(lang, "ladder.base_start", &[("n", &group(k.base_start, 0))])),
        pct(k.new_kept_3),
        pct(k.new_kept_12),
        k.retention,
        Some(trf(lang, "ladder.window", &[("n", &k.window.to_string())])),
        pct(k.wallet),
        pct(k.complaint_sat),
        trim(k.new_per_month, 1),
        trim(k.frequency, 2),
        trim(k.avg_spend, 2),
        opt_pct(k.save_rate, lang),
        Some(trf(lang, "ladder.won_back", &[("n", &group(k.won_back, 0))])),
        true,
    )
}

fn own_rows(lang: Lang, k: &OwnKpis) -> Vec<KpiRow> {
    let num = |x: Option<f64>, d| x.map_or_else(|| tr(lang, "kpi.none"), |v| trim(v, d));
    rows(
        lang,
        group(k.base, 0),
        None,
        opt_pct(k.new_kept_3, lang),
        opt_pct(k.new_kept_12, lang),
        k.retention,
        None,
        opt_pct(k.wallet, lang),
        opt_pct(k.complaint_sat, lang),
        group(k.new_per_month, 0),
        num(k.frequency, 2),
        num(k.avg_spend, 2),
        opt_pct(k.save_rate, lang),
        None,
        false,
    )
}

/// A and B side by side for the KPIs the flows produce.
fn compare_table(lang: Lang, a: &Kpis, b: &Kpis) -> Html {
    let rows: Vec<(&str, String, String)> = vec![
        ("kpi.base", group(a.base, 0), group(b.base, 0)),
        ("kpi.new3", pct(a.new_kept_3), pct(b.new_kept_3)),
        ("kpi.new12", pct(a.new_kept_12), pct(b.new_kept_12)),
        (
            "kpi.retention",
            retention_pair(lang, a.retention).0,
            retention_pair(lang, b.retention).0,
        ),
        (
            "kpi.churn",
            retention_pair(lang, a.retention).1,
            retention_pair(lang, b.retention).1,
        ),
        ("kpi.new_month", trim(a.new_per_month, 1), trim(b.new_per_month, 1)),
        ("kpi.save", opt_pct(a.save_rate, lang), opt_pct(b.save_rate, lang)),
    ];
    html! {
        <section class="compare" aria-labelledby="ladder-compare-h" data-testid="ladder-compare">
            <h3 id="ladder-compare-h">{ tr(lang, "ladder.compare") }</h3>
            <table class="status-table">
                <thead><tr>
                    <th scope="col">{ tr(lang, "ladder.col_kpi") }</th>
                    <th scope="col">{ "A" }</th>
                    <th scope="col">{ "B" }</th>
                </tr></thead>
                <tbody>
                    { for rows.into_iter().map(|(k, a, b)| html! {
                        <tr><th scope="row">{ tr(lang, k) }</th><td>{ a }</td><td>{ b }</td></tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

/// The own-counts mode: the table of counts, the ladder and the KPIs.
fn own_view(lang: Lang, c: &Counts, set: &[Callback<f64>]) -> Html {
    let field = |s: &OwnSpec| {
        html! {
            <OwnField id={format!("ladder-own-{}", s.key.replace('_', "-"))} label={tr(lang, &own_key(s.param))}
                value={c.get(s.param)} integer={s.integer} max={s.max} {lang} on_change={set[s.param as usize].clone()} />
        }
    };
    let kpis = own_kpis(c);
    html! {
        <div class="ladder-layout">
            <section class="assumptions" aria-labelledby="ladder-own-h">
                <h2 id="ladder-own-h">{ tr(lang, "ladder.own_table") }</h2>
                <p class="note">{ tr(lang, "ladder.own_note") }</p>
                <table class="status-table ladder-own" data-testid="ladder-own">
                    <caption>{ tr(lang, "ladder.own_levels") }</caption>
                    <tbody>{ for OWN_SPECS[..8].iter().map(field) }</tbody>
                </table>
                <table class="status-table ladder-own">
                    <caption>{ tr(lang, "ladder.own_period") }</caption>
                    <tbody>{ for OWN_SPECS[8..].iter().map(field) }</tbody>
                </table>
            </section>
            <section class="ladder-part" aria-labelledby="ladder-own-kpis-h">
                <h2 id="ladder-own-kpis-h">{ tr(lang, "ladder.kpis") }</h2>
                { match &kpis {
                    Ok(k) => kpi_list(lang, &own_rows(lang, k)),
                    Err(e) => html! { <p class="message error" role="alert">{ own_message(lang, e) }</p> },
                } }
                { rungs(lang, &c.levels()) }
            </section>
        </div>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct OwnFieldProps {
    id: String,
    label: String,
    value: f64,
    integer: bool,
    max: f64,
    lang: Lang,
    on_change: Callback<f64>,
}

/// One typed count in the own table: a number, not negative, whole where
/// it counts people; anything else is explained beside it and changes
/// nothing.
#[function_component]
fn OwnField(p: &OwnFieldProps) -> Html {
    let shown = trim(p.value, 2).replace(',', "");
    let draft = use_state(|| shown.clone());
    let error = use_state(|| None::<String>);
    {
        let (draft, error) = (draft.clone(), error.clone());
        use_effect_with((p.value, shown.clone()), move |(value, shown)| {
            if parse_number(&draft).is_none_or(|d| (d - value).abs() > 1e-9) {
                draft.set(shown.clone());
                error.set(None);
            }
        });
    }
    let oninput = {
        let (on_change, draft, error) = (p.on_change.clone(), draft.clone(), error.clone());
        let (max, integer, lang) = (p.max, p.integer, p.lang);
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            draft.set(text.clone());
            let max_s = trim(max, 0).replace(',', "");
            let args = [("min", "0"), ("max", max_s.as_str())];
            match parse_number(&text) {
                None => error.set(Some(trf(lang, "control.not_number", &args))),
                Some(v) if v < 0.0 => error.set(Some(tr(lang, "ladder.negative"))),
                Some(v) if v > max => error.set(Some(trf(lang, "control.out_of_range", &args))),
                Some(v) if integer && v.fract() != 0.0 => error.set(Some(trf(lang, "control.whole", &args))),
                Some(v) => {
                    error.set(None);
                    on_change.emit(v);
                }
            }
        })
    };
    let error_id = format!("{}-error", p.id);
    html! {
        <tr class={classes!("control", error.is_some().then_some("invalid"))}>
            <th scope="row"><label for={p.id.clone()}>{ &p.label }</label></th>
            <td>
                <input type="text" inputmode="decimal" id={p.id.clone()} value={(*draft).clone()} {oninput}
                    aria-invalid={error.is_some().to_string()} aria-describedby={error.is_some().then(|| error_id.clone())}
                    data-testid={p.id.clone()} size="10" autocomplete="off" />
                if let Some(msg) = &*error {
                    <p class="control-error" id={error_id} role="alert">{ msg }</p>
                }
            </td>
        </tr>
    }
}
