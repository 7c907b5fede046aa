//! A lecture page (`#/lecture/N`): its key ideas, further points, figures and
//! cases in the app's own words, links to its models and self-checks, and a
//! "mark as done" switch that feeds progress.

use crate::course::lectures::{course, LECTURES};
use crate::progress::record::Status;
use crate::routing::route::Route;
use crate::support::i18n::{tr, trf};
use crate::web::router::Link;
use crate::web::state::{Action, AppCtx};
use crate::web::widgets::{activity_links, lecture_label, status_badge};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub n: u8,
}

#[function_component]
pub fn LecturePage(p: &Props) -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    let n = p.n;
    {
        let ctx = ctx.clone();
        use_effect_with(n, move |&n| ctx.dispatch(Action::Visit(n)));
    }
    let Some(l) = course().lecture(n) else {
        return html! {};
    };
    let chapter = course()
        .chapter(l.chapter)
        .map(|c| c.title.get(lang))
        .unwrap_or_default();
    let status = ctx.progress.status(n);
    let done = status == Status::Done;
    let toggle_done = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::SetDone(n, !done)))
    };

    html! {
        <article class="lecture" data-testid="lecture">
            <p class="eyebrow">
                { trf(lang, "chapter.label", &[("n", &l.chapter.to_string())]) }{ " · " }{ chapter }
            </p>
            <h1>
                <span class="lecture-no">{ lecture_label(lang, n) }</span>
                { l.title.get(lang) }
            </h1>
            <p class="lead">{ l.summary.get(lang) }</p>
            <p class="lecture-status">{ status_badge(lang, status) }</p>

            <section aria-labelledby="ideas-h">
                <h2 id="ideas-h">{ tr(lang, "lecture.ideas") }</h2>
                <ol class="ideas">{ for l.ideas.iter().map(|i| html! { <li>{ i.get(lang) }</li> }) }</ol>
            </section>
            if !l.details.is_empty() {
                <section aria-labelledby="details-h">
                    <h2 id="details-h">{ tr(lang, "lecture.details") }</h2>
                    <ul class="details">{ for l.details.iter().map(|d| html! { <li>{ d.get(lang) }</li> }) }</ul>
                </section>
            }
            if !l.figures.is_empty() {
                <section aria-labelledby="figures-h">
                    <h2 id="figures-h">{ tr(lang, "lecture.figures") }</h2>
                    <dl class="figures">
                        { for l.figures.iter().map(|f| html! {
                            <div class="figure">
                                <dt><span class="fig-id">{ &f.id }</span>{ " " }{ f.title.get(lang) }</dt>
                                <dd>{ f.caption.get(lang) }</dd>
                            </div>
                        }) }
                    </dl>
                </section>
            }
            if !l.cases.is_empty() {
                <section aria-labelledby="cases-h">
                    <h2 id="cases-h">{ tr(lang, "lecture.cases") }</h2>
                    { for l.cases.iter().map(|c| html! {
                        <div class="case">
                            <h3>{ c.title.get(lang) }</h3>
                            <p>{ c.summary.get(lang) }</p>
                        </div>
                    }) }
                </section>
            }
            if l.has_built_activities() {
                <section aria-labelledby="try-h">
                    <h2 id="try-h">{ tr(lang, "lecture.try") }</h2>
                    { activity_links(lang, l) }
                </section>
            }
            <div class="lecture-actions">
                <button type="button" class={classes!("button", done.then_some("primary"))} aria-pressed={done.to_string()}
                    data-testid="mark-done" onclick={toggle_done}>
                    { tr(lang, if done { "lecture.done" } else { "lecture.mark_done" }) }
                </button>
            </div>
            <nav class="pager" aria-label={tr(lang, "lecture.pager")}>
                if n > 1 {
                    <Link to={Route::Lecture { n: n - 1 }} classes="prev">
                        { "← " }{ lecture_label(lang, n - 1) }
                    </Link>
                }
                <Link to={Route::Home} classes="up">{ tr(lang, "nav.map") }</Link>
                if n < LECTURES {
                    <Link to={Route::Lecture { n: n + 1 }} classes="next">
                        { lecture_label(lang, n + 1) }{ " →" }
                    </Link>
                }
            </nav>
        </article>
    }
}
