//! The shell around every screen: state and router, header with language and
//! presentation switches, notices, keyboard shortcuts, and the page itself.

use crate::course::lectures::{course, drill_title, LECTURES};
use crate::progress::record::{Loaded, Progress};
use crate::routing::bundle::Bundle;
use crate::routing::route::{parse_global, Route};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::handoff::{self, Handoff};
use crate::web::installed;
use crate::web::keys;
use crate::web::lms;
use crate::web::notices::Notices;
use crate::web::pages::not_found::NotFound;
use crate::web::router::{self, use_location, use_route, Link, Router};
use crate::web::state::{Action, AppCtx, Notice, State};
use crate::web::storage;
use crate::web::texts;
use crate::web::update;
use crate::web::widgets::Later;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Builds the first state from what storage holds.
fn initial_state() -> State {
    let start = storage::startup();
    let mut notices = Vec::new();
    let mut progress = match start.loaded {
        Loaded::Fresh => Progress::default(),
        Loaded::Found(d) => {
            if d.from_version != crate::progress::record::SCHEMA {
                notices.push(Notice::Migrated { from: d.from_version });
            }
            d.progress
        }
        Loaded::Damaged(error) => {
            notices.push(Notice::Damaged {
                error,
                raw: Rc::new(start.raw.unwrap_or_default()),
                backup_key: start.backup_key,
            });
            Progress::default()
        }
    };
    if !start.can_save {
        notices.push(Notice::CannotSave);
    }
    // Launched from the SCORM package: the LMS's record joins this
    // browser's (`progress::scorm::merge`), and is saved here too.
    match lms::start() {
        lms::Start::Standalone => {}
        lms::Start::Connected { resumed } => {
            if let Some(theirs) = resumed {
                let merged = crate::progress::scorm::merge(&progress, &theirs);
                if merged != progress && start.can_save {
                    storage::save(&merged);
                }
                progress = merged;
            }
        }
        lms::Start::Unavailable(trouble) => notices.extend(trouble.map(Notice::Lms)),
    }
    // The address's language from the first render on (no flash of the
    // other one), remembered as the query effect would remember it.
    if let Some(asked) = texts::address_lang().filter(|l| progress.lang != Some(*l)) {
        progress.lang = Some(asked);
        if start.can_save {
            storage::save(&progress);
        }
    }
    State {
        progress,
        present: handoff::present(),
        can_save: start.can_save,
        notices,
        texts: 0,
    }
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    html! {
        <ContextProvider<AppCtx> context={state}>
            <Router>
                <Shell />
            </Router>
        </ContextProvider<AppCtx>>
    }
}

/// Renders the screen for a route: this bundle's own screens, not-found for
/// addresses that lead nowhere, and a hand-off to the bundle that holds any
/// other screen.
fn switch(route: &Route) -> Html {
    if let Some(page) = (installed::installed().screens)(route) {
        return page;
    }
    match Bundle::of(route) {
        Some(to) => html! { <Handoff {to} /> },
        None => html! { <NotFound /> },
    }
}

/// The page title for a route.
fn title(route: &Route, lang: Lang) -> String {
    let app = tr(lang, "app.name");
    let page = match route {
        Route::Home => return app,
        Route::Lecture { n } => match course().lecture(*n) {
            Some(l) => format!(
                "{} {}",
                trf(lang, "lecture.label", &[("n", &n.to_string())]),
                l.title.get(lang)
            ),
            None => tr(lang, "notfound.title"),
        },
        Route::Progress => tr(lang, "progress.title"),
        Route::Class => tr(lang, "class.title"),
        Route::Smith => tr(lang, "model.smith"),
        Route::Mirror => tr(lang, "model.mirror"),
        Route::EmotionLine => tr(lang, "model.emotion-line"),
        Route::Iceberg => tr(lang, "model.iceberg"),
        Route::Pyramid => tr(lang, "model.pyramid"),
        Route::LoyaltyProfit => tr(lang, "model.loyalty-profit"),
        Route::LoyaltyLadder => tr(lang, "model.loyalty-ladder"),
        Route::Gaps => tr(lang, "model.gaps"),
        Route::Value => tr(lang, "model.value"),
        Route::StaffValue => tr(lang, "model.staff-value"),
        Route::SelfCheck { id } => trf(lang, "exercise.label", &[("id", id)]),
        Route::Drill { id } => drill_title(id, lang).to_owned(),
        Route::Author => tr(lang, "author.title"),
        Route::NotFound => tr(lang, "notfound.title"),
    };
    format!("{page} · {app}")
}

#[function_component]
fn Shell() -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let location = use_location();
    let route = use_route();
    let lang = ctx.lang();
    let help_open = use_state(|| false);

    // Global query parameters, read on every address change.
    {
        let ctx = ctx.clone();
        use_effect_with(location.query, move |query| {
            let (global, bad) = parse_global(query);
            if let Some(l) = global.lang {
                ctx.dispatch(Action::SetLang(l));
            }
            if let Some(p) = global.present {
                ctx.dispatch(Action::SetPresent(p));
            }
            if !bad.is_empty() {
                ctx.dispatch(Action::Notify(Notice::BadParams(bad)));
            }
        });
    }

    // Save progress whenever it changes (not at start-up: unreadable saved
    // data is only replaced once the trainee has made new progress). Inside
    // an LMS, tell it too, at start-up as well (`web::lms`).
    {
        let ctx = ctx.clone();
        let saved = use_mut_ref(|| ctx.progress.clone());
        use_effect_with(ctx.progress.clone(), move |p| {
            if *saved.borrow() != *p && ctx.can_save {
                if storage::save(p) {
                    *saved.borrow_mut() = p.clone();
                } else {
                    ctx.dispatch(Action::SaveFailed);
                }
            }
            if let Some(trouble) = lms::report(p) {
                ctx.dispatch(Action::Notify(Notice::Lms(trouble)));
            }
        });
    }

    // Document language, title and presentation class follow the state.
    use_effect_with(
        (lang, ctx.present, route.clone(), ctx.texts),
        |(lang, present, route, _)| {
            handoff::set_present(*present);
            let document = gloo::utils::document();
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", lang.html_tag());
                let _ = html.set_attribute("class", if *present { "present" } else { "" });
            }
            document.set_title(&title(route, *lang));
        },
    );

    // Move focus to the page on navigation, for keyboard and screen readers.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(route.clone(), move |_| {
            // Not at start-up, unless the start is a hand-off from another bundle.
            if !std::mem::replace(&mut *first.borrow_mut(), false) || handoff::take_focus_request() {
                focus("#main");
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
    }

    // A language switched to for the first time: its texts arrive first
    // (until then, screens show the language already here). Not at the
    // first render: start-up loaded the address's language, which the
    // query effect above is about to apply.
    {
        let ctx = ctx.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(ctx.chosen_lang(), move |&lang| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) && !texts::ready(lang) {
                wasm_bindgen_futures::spawn_local(async move {
                    match texts::load(lang).await {
                        Ok(()) => ctx.dispatch(Action::TextsLoaded),
                        Err(e) => ctx.dispatch(Action::Notify(Notice::TextsFailed(lang, e))),
                    }
                });
            }
        });
    }

    // A new build waits (offline service worker): offer a reload.
    {
        let ctx = ctx.clone();
        use_effect_with((), move |_| {
            let listener = update::on_ready(move || ctx.dispatch(Action::Notify(Notice::UpdateReady)));
            move || drop(listener)
        });
    }

    // Keyboard shortcuts (listed in the help dialog).
    {
        let ctx = ctx.clone();
        let help_open = help_open.clone();
        use_effect_with((ctx.present, lang), move |(present, lang)| {
            let (present, lang) = (*present, *lang);
            let listener = keys::listen(move |e| {
                let go = |r: Route| router::push(&r, &[]);
                // The address now, not at the last render: a second key
                // pressed before the screen has rendered turns on from there.
                let lecture = match Route::resolve(&router::current().path) {
                    Route::Lecture { n } => Some(n),
                    _ => None,
                };
                let next = lecture.filter(|&n| n < LECTURES).map(|n| Route::Lecture { n: n + 1 });
                let prev = lecture.filter(|&n| n > 1).map(|n| Route::Lecture { n: n - 1 });
                // Arrows turn lecture pages; PageUp/PageDown (presenters'
                // clickers) only in presentation mode, where they would
                // otherwise just scroll.
                let key = e.key();
                let target = match key.as_str() {
                    "ArrowRight" => next,
                    "ArrowLeft" => prev,
                    "PageDown" if present => next,
                    "PageUp" if present => prev,
                    _ => None,
                };
                match (key.as_str(), target) {
                    (_, Some(r)) => go(r),
                    ("?", _) => help_open.set(true),
                    ("p" | "P", _) => ctx.dispatch(Action::TogglePresent),
                    ("l" | "L", _) => ctx.dispatch(Action::SetLang(lang.other())),
                    ("h" | "H", _) => go(Route::Home),
                    _ => return false,
                }
                true
            });
            move || drop(listener)
        });
    }

    let toggle_lang = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.dispatch(Action::SetLang(ctx.lang().other())))
    };
    // The header and the presentation bar each have their own toggle; after
    // switching, focus moves to the toggle that is now on screen.
    let refocus_toggle = use_mut_ref(|| false);
    let toggle_present = {
        let ctx = ctx.clone();
        let refocus_toggle = refocus_toggle.clone();
        Callback::from(move |_| {
            *refocus_toggle.borrow_mut() = true;
            ctx.dispatch(Action::TogglePresent)
        })
    };
    use_effect_with(ctx.present, move |_| {
        if std::mem::replace(&mut *refocus_toggle.borrow_mut(), false) {
            focus("[data-testid='present-toggle']");
        }
    });
    let open_help = {
        let help_open = help_open.clone();
        Callback::from(move |_| help_open.set(true))
    };
    let close_help = {
        let help_open = help_open.clone();
        Callback::from(move |()| help_open.set(false))
    };
    let skip = Callback::from(|_: MouseEvent| focus("#main"));
    let other = lang.other();

    html! {
        <>
            <button type="button" class="skip-link" onclick={skip}>{ tr(lang, "nav.skip") }</button>
            if !ctx.present {
                <header class="site-header">
                    <Link to={Route::Home} classes="brand">
                        <span class="brand-mark" aria-hidden="true">{ "◎" }</span>
                        { tr(lang, "app.name") }
                    </Link>
                    <nav aria-label={tr(lang, "nav.label")}>
                        <ul>
                            <li><Link to={Route::Home} current={route == Route::Home}>{ tr(lang, "nav.map") }</Link></li>
                            <li><Link to={Route::Progress} current={route == Route::Progress}>{ tr(lang, "nav.progress") }</Link></li>
                        </ul>
                    </nav>
                    <div class="header-tools">
                        <button type="button" data-testid="lang-switch" lang={other.html_tag()}
                            aria-label={tr(other, "lang.switch_label")} onclick={toggle_lang}>
                            { tr(other, "lang.name") }
                        </button>
                        <button type="button" data-testid="present-toggle" aria-pressed="false" onclick={toggle_present.clone()}>
                            { tr(lang, "present.enter") }
                        </button>
                    </div>
                </header>
            } else {
                <div class="present-bar" role="toolbar" aria-label={tr(lang, "present.toolbar")}>
                    <button type="button" data-testid="present-toggle" aria-pressed="true" onclick={toggle_present}>
                        { tr(lang, "present.exit") }
                    </button>
                    <button type="button" onclick={open_help.clone()} aria-keyshortcuts="?">{ tr(lang, "help.open") }</button>
                </div>
            }
            <Notices />
            <main id="main" tabindex="-1">
                { switch(&route) }
            </main>
            // Below the screen, so from a later task: the first render is
            // then only the header and the screen's own first part.
            <Later>
                if !ctx.present {
                    <footer class="site-footer">
                        <p>{ tr(lang, "footer.local") }</p>
                        <Link to={Route::Class}>{ tr(lang, "class.link") }</Link>
                        <Link to={Route::Author}>{ tr(lang, "author.link") }</Link>
                        <button type="button" class="link-button" onclick={open_help} aria-keyshortcuts="?">
                            { tr(lang, "help.open") }
                        </button>
                    </footer>
                }
                <Shortcuts open={*help_open} on_close={close_help} {lang} />
            </Later>
        </>
    }
}

/// Moves keyboard focus to the first element matching `selector`, if any.
fn focus(selector: &str) {
    let el = gloo::utils::document().query_selector(selector).ok().flatten();
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

#[derive(Properties, PartialEq)]
struct ShortcutsProps {
    open: bool,
    on_close: Callback<()>,
    lang: Lang,
}

/// The keyboard-shortcut help, a native modal dialog (Esc closes it).
#[function_component]
fn Shortcuts(p: &ShortcutsProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(p.open, move |open| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                if *open && !d.open() {
                    let _ = d.show_modal();
                } else if !*open && d.open() {
                    d.close();
                }
            }
        });
    }
    let lang = p.lang;
    let onclose = {
        let on_close = p.on_close.clone();
        Callback::from(move |_: Event| on_close.emit(()))
    };
    let close = {
        let on_close = p.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let rows = [
        ("?", "help.key_help"),
        ("P", "help.key_present"),
        ("L", "help.key_lang"),
        ("H", "help.key_home"),
        ("← →", "help.key_lectures"),
        ("PgUp PgDn", "help.key_pages"),
        ("S", "help.key_step"),
        ("→ ← Home End", "help.key_steps"),
        ("R", "help.key_reset"),
        ("Esc", "help.key_close"),
    ];
    html! {
        <dialog ref={dialog} class="shortcuts" aria-labelledby="shortcuts-title" data-testid="shortcuts" {onclose}>
            <h2 id="shortcuts-title">{ tr(lang, "help.title") }</h2>
            <dl>
                { for rows.iter().map(|(k, d)| html! {
                    <div class="shortcut"><dt><kbd>{ *k }</kbd></dt><dd>{ tr(lang, d) }</dd></div>
                }) }
            </dl>
            <button type="button" onclick={close} autofocus=true>{ tr(lang, "help.close") }</button>
        </dialog>
    }
}
