//! The course map (`#/`): the 12 lectures in their 7 chapters as cards with
//! key ideas and progress, and "continue where I left off".

use crate::course::lectures::{course, LECTURES};
use crate::routing::route::Route;
use crate::support::i18n::{tr, trf};
use crate::web::router::Link;
use crate::web::state::AppCtx;
use crate::web::widgets::{activity_links, lecture_label, status_badge};
use yew::prelude::*;

#[function_component]
pub fn Home() -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    let p = &ctx.progress;
    let done = p.done_count();
    let next = p.continue_route();
    let next_label = match &next {
        Route::Lecture { n } => course()
            .lecture(*n)
            .map(|l| format!("{} · {}", lecture_label(lang, *n), l.title.get(lang)))
            .unwrap_or_default(),
        _ => String::new(),
    };
    let cta = if p.has_started() { "home.continue" } else { "home.start" };

    html! {
        <div class="home">
            <section class="hero">
                <h1>{ tr(lang, "home.title") }</h1>
                <p class="lead">{ tr(lang, "home.lead") }</p>
                <div class="hero-actions">
                    <Link to={next} classes="button primary">
                        <span data-testid="continue">{ tr(lang, cta) }</span>
                        <span class="sub">{ next_label }</span>
                    </Link>
                    <div class="overall">
                        <label for="overall-progress">
                            { trf(lang, "home.done_count", &[("done", &done.to_string()), ("total", &LECTURES.to_string())]) }
                        </label>
                        <progress id="overall-progress" max={LECTURES.to_string()} value={done.to_string()} data-testid="overall-progress">
                            { format!("{done}/{LECTURES}") }
                        </progress>
                    </div>
                </div>
            </section>
            { for course().chapters.iter().map(|ch| html! {
                <section class="chapter" aria-labelledby={format!("chapter-{}", ch.n)}>
                    <h2 id={format!("chapter-{}", ch.n)}>
                        <span class="chapter-no">{ trf(lang, "chapter.label", &[("n", &ch.n.to_string())]) }</span>
                        { ch.title.get(lang) }
                    </h2>
                    <ul class="cards">
                        { for course().lectures.iter().filter(|l| l.chapter == ch.n).map(|l| {
                            let figures = l.figures.len();
                            let cases = l.cases.len();
                            html! {
                                <li class="card" data-testid={format!("lecture-card-{}", l.n)}>
                                    <p class="card-no">{ lecture_label(lang, l.n) }</p>
                                    <h3><Link to={Route::Lecture { n: l.n }}>{ l.title.get(lang) }</Link></h3>
                                    <ul class="ideas">
                                        { for l.ideas.iter().map(|i| html! { <li>{ i.get(lang) }</li> }) }
                                    </ul>
                                    <p class="card-meta">
                                        { status_badge(lang, p.status(l.n)) }
                                        if figures > 0 {
                                            <span>{ trf(lang, "card.figures", &[("n", &figures.to_string())]) }</span>
                                        }
                                        if cases > 0 {
                                            <span>{ trf(lang, "card.cases", &[("n", &cases.to_string())]) }</span>
                                        }
                                    </p>
                                    { activity_links(lang, l) }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }) }
        </div>
    }
}
