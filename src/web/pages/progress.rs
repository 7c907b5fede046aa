//! My progress (`#/progress`): status per lecture, per self-check, role-play
//! and drill, and the three ways to move progress: export to a file, import
//! from a file (validated and size-capped before anything changes), and reset
//! (confirmed, with a backup copy kept).

use crate::course::lectures::{course, drill_title, BUILT_EXERCISES, DRILL_IDS, LECTURES, SCENARIO_IDS};
use crate::progress::record::{decode, DecodeError, ExerciseState, Progress, MAX_BYTES};
use crate::routing::route::Route;
use crate::support::i18n::{tr, trf, Lang};
use crate::web::download;
use crate::web::notices::explain;
use crate::web::router::Link;
use crate::web::state::{Action, AppCtx};
use crate::web::storage;
use crate::web::widgets::{lecture_label, status_badge};
use gloo::file::callbacks::FileReader;
use yew::prelude::*;

/// The outcome line under the actions.
#[derive(Clone, PartialEq)]
enum Message {
    Ok(String),
    Error(String),
}

impl Message {
    /// Why a file was not imported, and that nothing changed.
    fn import_failed(lang: Lang, file: &str, why: &str) -> Message {
        Message::Error(trf(lang, "progress.import_failed", &[("file", file), ("why", why)]))
    }
}

#[function_component]
pub fn ProgressPage() -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    let message = use_state(|| None::<Message>);
    let confirming = use_state(|| false);
    // Focus follows the confirmation: to Cancel when it opens, back to the
    // reset button (which stays in place) when it closes.
    let reset_button = use_node_ref();
    let cancel_button = use_node_ref();
    {
        let (reset_button, cancel_button) = (reset_button.clone(), cancel_button.clone());
        let opened_before = use_mut_ref(|| false);
        use_effect_with(*confirming, move |&open| {
            let target = if open {
                Some(cancel_button)
            } else if std::mem::replace(&mut *opened_before.borrow_mut(), false) {
                Some(reset_button)
            } else {
                None
            };
            *opened_before.borrow_mut() |= open;
            if let Some(el) = target.and_then(|r| r.cast::<web_sys::HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }
    let reader = use_mut_ref(|| None::<FileReader>);

    let export = {
        let ctx = ctx.clone();
        let message = message.clone();
        Callback::from(move |_| {
            let lang = ctx.lang();
            let name = format!("loyalty-lab-progress-{}.json", download::today());
            message.set(Some(
                if download::save_text(&name, "application/json", &ctx.progress.encode()) {
                    Message::Ok(trf(lang, "progress.exported", &[("file", &name)]))
                } else {
                    Message::Error(tr(lang, "progress.export_failed"))
                },
            ));
        })
    };

    let import = {
        let ctx = ctx.clone();
        let message = message.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let lang = ctx.lang();
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let size = file.size() as usize;
            let name = file.name();
            if size > MAX_BYTES {
                let why = explain(lang, &DecodeError::TooLarge { bytes: size });
                message.set(Some(Message::import_failed(lang, &name, &why)));
                return;
            }
            let ctx = ctx.clone();
            let message = message.clone();
            let file = gloo::file::File::from(file);
            *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&file, move |text| {
                let lang = ctx.lang();
                let result = match text {
                    Ok(text) => decode(&text).map_err(|e| explain(lang, &e)),
                    Err(_) => Err(tr(lang, "progress.unreadable_file")),
                };
                message.set(Some(match result {
                    Ok(d) => {
                        storage::backup_current();
                        let done = d.progress.done_count();
                        ctx.dispatch(Action::Replace(d.progress));
                        Message::Ok(trf(
                            lang,
                            "progress.imported",
                            &[("file", &name), ("done", &done.to_string())],
                        ))
                    }
                    Err(why) => Message::import_failed(lang, &name, &why),
                }));
            }));
        })
    };

    let ask_reset = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let cancel_reset = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(false))
    };
    let do_reset = {
        let ctx = ctx.clone();
        let confirming = confirming.clone();
        let message = message.clone();
        Callback::from(move |_| {
            let lang = ctx.lang();
            let kept = storage::backup_current();
            // Language is a preference, not progress: keep it.
            ctx.dispatch(Action::Replace(Progress {
                lang: ctx.progress.lang,
                ..Progress::default()
            }));
            confirming.set(false);
            message.set(Some(Message::Ok(match kept {
                Some(key) => trf(lang, "progress.reset_done_kept", &[("key", &key)]),
                None => tr(lang, "progress.reset_done"),
            })));
        })
    };

    let p = &ctx.progress;
    let done = p.done_count();
    html! {
        <div class="progress-page">
            <h1>{ tr(lang, "progress.title") }</h1>
            <p class="lead" data-testid="progress-summary">
                { trf(lang, "home.done_count", &[("done", &done.to_string()), ("total", &LECTURES.to_string())]) }
            </p>

            <section aria-labelledby="lectures-h">
                <h2 id="lectures-h">{ tr(lang, "progress.lectures") }</h2>
                <table class="status-table">
                    <thead><tr>
                        <th scope="col">{ tr(lang, "progress.col_lecture") }</th>
                        <th scope="col">{ tr(lang, "progress.col_status") }</th>
                    </tr></thead>
                    <tbody>
                        { for course().lectures.iter().map(|l| html! {
                            <tr data-testid={format!("progress-row-{}", l.n)}>
                                <th scope="row">
                                    <Link to={Route::Lecture { n: l.n }}>
                                        { lecture_label(lang, l.n) }{ " · " }{ l.title.get(lang) }
                                    </Link>
                                </th>
                                <td>{ status_badge(lang, p.status(l.n)) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </section>

            if !BUILT_EXERCISES.is_empty() {
                { results_table(lang, "exercises-h", "progress.exercises", "progress.col_exercise",
                    BUILT_EXERCISES.iter().map(|id| ResultRow {
                        label: trf(lang, "exercise.label", &[("id", id)]),
                        href: format!("#/self-check/{id}"),
                        testid: format!("progress-exercise-{id}"),
                        state: p.exercises.get(*id).cloned(),
                    }).collect()) }
            }
            if !SCENARIO_IDS.is_empty() {
                { results_table(lang, "roleplays-h", "progress.roleplays", "progress.col_roleplay",
                    SCENARIO_IDS.iter().map(|id| ResultRow {
                        label: id.replace('-', " "),
                        href: format!("#/emotion-line?scenario={id}"),
                        testid: format!("progress-roleplay-{id}"),
                        state: p.roleplays.get(*id).cloned(),
                    }).collect()) }
            }

            if !DRILL_IDS.is_empty() {
                { results_table(lang, "drills-h", "drill.progress_title", "drill.progress_col",
                    DRILL_IDS.iter().map(|id| ResultRow {
                        label: drill_title(id, lang).to_owned(),
                        href: format!("#/drill/{id}"),
                        testid: format!("progress-drill-{id}"),
                        // Attempts: answers checked; best and latest: the drill's score.
                        state: p.drills.get(*id).map(|d| ExerciseState {
                            attempts: d.attempts,
                            best: d.best,
                            last: d.last,
                            missed: Vec::new(),
                        }),
                    }).collect()) }
            }

            <section aria-labelledby="move-h" class="move">
                <h2 id="move-h">{ tr(lang, "progress.move") }</h2>
                <p>{ tr(lang, "progress.move_help") }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={export} data-testid="export">{ tr(lang, "progress.export") }</button>
                    <label class="button file-button">
                        { tr(lang, "progress.import") }
                        <input type="file" accept=".json,application/json" onchange={import} data-testid="import" />
                    </label>
                    <button type="button" class="button danger" onclick={ask_reset} data-testid="reset" ref={reset_button}
                        aria-expanded={confirming.to_string()}>{ tr(lang, "progress.reset") }</button>
                </div>
                if *confirming {
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-q">
                        <p id="confirm-q">{ tr(lang, "progress.reset_confirm") }</p>
                        <button type="button" class="button danger" onclick={do_reset} data-testid="reset-confirm">{ tr(lang, "progress.reset_yes") }</button>
                        <button type="button" class="button" onclick={cancel_reset} ref={cancel_button}>{ tr(lang, "progress.reset_no") }</button>
                    </div>
                }
                <div aria-live="polite" data-testid="progress-message">
                    { match &*message {
                        Some(Message::Ok(m)) => html! { <p class="message ok">{ m }</p> },
                        Some(Message::Error(m)) => html! { <p class="message error" role="alert">{ m }</p> },
                        None => html! {},
                    } }
                </div>
                <p class="help">
                    { tr(lang, "class.link_help") }{ " " }
                    <Link to={Route::Class}>{ tr(lang, "class.link") }</Link>
                </p>
            </section>
        </div>
    }
}

/// One row of a results table: a link to the activity and its record.
struct ResultRow {
    label: String,
    href: String,
    testid: String,
    state: Option<ExerciseState>,
}

/// Attempts and scores, one row per activity.
fn results_table(lang: Lang, id: &str, heading: &str, first_col: &str, rows: Vec<ResultRow>) -> Html {
    let cell = |v: Option<String>| v.unwrap_or_else(|| "—".to_owned());
    html! {
        <section aria-labelledby={id.to_owned()}>
            <h2 id={id.to_owned()}>{ tr(lang, heading) }</h2>
            <table class="status-table">
                <thead><tr>
                    <th scope="col">{ tr(lang, first_col) }</th>
                    <th scope="col">{ tr(lang, "progress.col_attempts") }</th>
                    <th scope="col">{ tr(lang, "progress.col_best") }</th>
                    <th scope="col">{ tr(lang, "progress.col_last") }</th>
                </tr></thead>
                <tbody>
                    { for rows.into_iter().map(|r| html! {
                        <tr data-testid={r.testid}>
                            <th scope="row"><a href={r.href}>{ r.label }</a></th>
                            <td>{ cell(r.state.as_ref().map(|e| e.attempts.to_string())) }</td>
                            <td>{ cell(r.state.as_ref().map(|e| e.best.to_string())) }</td>
                            <td>{ cell(r.state.map(|e| e.last.to_string())) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
