//! A practice drill (`#/drill/ID`, issue 19): the drill file from
//! `content/drills/` (fetched like a self-check), its intro and its place in
//! the course, the score so far, and the kind's own screen: rewrite a
//! sentence positively (`rewrite`), sort items into levels (`sort`), spot
//! the mistake in an exchange (`spot`). Every item is judged as soon as it
//! is checked, and the result goes to progress at once (best and latest per
//! item and drill, the latest answer), so a reload finds it again.

mod rewrite;
mod sort;
mod spot;

use crate::course::drill::{self, Drill};
use crate::progress::drill::DrillState;
use crate::routing::route::Route;
use crate::scoring::rewrite::validate_drill;
use crate::support::i18n::{tr, trf, Lang};
use crate::web::fetch::{parse_checked, use_content, Load};
use crate::web::router::Link;
use crate::web::state::{Action, AppCtx};
use crate::web::widgets::lecture_label;
use std::rc::Rc;
use yew::prelude::*;

fn parse_drill(text: &str) -> Result<Drill, String> {
    parse_checked(drill::parse(text), validate_drill)
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
}

#[function_component]
pub fn DrillPage(p: &Props) -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    match use_content(format!("drills/{}.json", p.id), parse_drill) {
        Load::Loading => html! { <p aria-busy="true">{ tr(lang, "drill.loading") }</p> },
        Load::Failed(why) => html! {
            <p class="message error" role="alert">{ trf(lang, "drill.load_failed", &[("why", &why)]) }</p>
        },
        Load::Ready(d) => html! { <DrillView drill={d} {lang} /> },
    }
}

/// A checked answer: item id, score 0–100, the answer as saved.
pub(super) type Answered = (String, u8, String);

#[derive(Properties, PartialEq)]
struct ViewProps {
    drill: Rc<Drill>,
    lang: Lang,
}

#[function_component]
fn DrillView(p: &ViewProps) -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = p.lang;
    let d = &*p.drill;
    let h = d.head();
    let total = d.item_ids().len();
    let saved = ctx.progress.drills.get(h.id).cloned().unwrap_or_default();
    let on_answer = {
        let (ctx, id) = (ctx.clone(), h.id.to_owned());
        // The handle reads the state as it is now, so two results in a row
        // both count.
        Callback::from(move |(item, score, answer): Answered| {
            let mut progress = ctx.progress.clone();
            progress.record_drill(&id, &item, score, &answer, total);
            ctx.dispatch(Action::Replace(progress));
        })
    };
    let (drill, saved_now) = (p.drill.clone(), saved.clone());
    let body = match d {
        Drill::Rewrite(_) => html! { <rewrite::RewriteView {drill} {lang} saved={saved_now} {on_answer} /> },
        Drill::Sort(_) => html! { <sort::SortView {drill} {lang} saved={saved_now} {on_answer} /> },
        Drill::Spot(_) => html! { <spot::SpotView {drill} {lang} saved={saved_now} {on_answer} /> },
    };
    html! {
        <article class="drill" data-testid="drill" data-kind={d.kind()}>
            <p class="eyebrow">{ tr(lang, "drill.label") }{ " · " }{ lecture_label(lang, h.lecture) }</p>
            <h1>{ h.title.get(lang) }</h1>
            <p class="lead">{ h.intro.get(lang) }</p>
            <p class="help drill-source">{ trf(lang, "drill.source", &[("where", h.source.get(lang))]) }</p>
            { summary(lang, &saved, total) }
            { body }
            <nav class="pager" aria-label={tr(lang, "drill.pager")}>
                <Link to={Route::Lecture { n: h.lecture }} classes="prev">{ "← " }{ lecture_label(lang, h.lecture) }</Link>
                <Link to={Route::Progress} classes="next">{ tr(lang, "nav.progress") }</Link>
            </nav>
        </article>
    }
}

/// Items answered, the score now and the best so far.
fn summary(lang: Lang, s: &DrillState, total: usize) -> Html {
    html! {
        <p class="drill-summary" data-testid="drill-summary" aria-live="polite">
            { trf(lang, "drill.answered", &[("done", &s.answered().to_string()), ("total", &total.to_string())]) }
            { " · " }{ tr(lang, "drill.score_now") }{ " " }
            <strong data-testid="drill-score">{ s.last }</strong>{ " / 100 · " }
            { tr(lang, "drill.best") }{ " " }<span data-testid="drill-best">{ s.best }</span>
        </p>
    }
}

/// The verdict on one exactly scored item: right, or what was right, and why.
pub(super) fn verdict(lang: Lang, testid: String, right: bool, answer: &str, why: &str) -> Html {
    html! {
        <div class={classes!("drill-verdict", if right { "right" } else { "wrong" })} data-testid={testid}
            data-right={right.to_string()}>
            <p class={classes!("message", if right { "ok" } else { "error" })}>
                <span aria-hidden="true">{ if right { "✓ " } else { "✗ " } }</span>
                { if right { tr(lang, "drill.right") } else { trf(lang, "drill.wrong", &[("answer", answer)]) } }
            </p>
            <p class="help">{ why }</p>
        </div>
    }
}

/// What every kind's screen gets: the drill (of its kind), the results
/// saved so far, and where a checked answer goes.
#[derive(Properties, PartialEq)]
pub(super) struct KindProps {
    pub drill: Rc<Drill>,
    pub lang: Lang,
    pub saved: DrillState,
    pub on_answer: Callback<Answered>,
}

/// The latest answer saved for `item`, if any.
pub(super) fn saved_answer(saved: &DrillState, item: &str) -> Option<String> {
    saved.items.get(item).map(|s| s.answer.clone())
}
