//! The class view (`#/class`), for trainers: import several trainees'
//! exported progress files at once (file picker or drag and drop) and see
//! the class as a whole — completion per lecture, best-score distribution per
//! self-check, the most-missed rubric ideas, role-play results — and export
//! the summary as CSV. The counting lives in [`crate::progress::class`].
//!
//! The files are other people's data: they stay in this component's state
//! (the tab's memory), are never saved, and never touch the trainer's own
//! progress (no `Action` is dispatched from here).

use crate::course::lectures::course;
use crate::course::selfcheck::{self, SelfCheck};
use crate::progress::class::{bin_range, to_csv, Class, ClassSummary, ExerciseSummary, Label, Skip, BINS, MAX_FILES};
use crate::progress::record::{DecodeError, MAX_BYTES};
use crate::support::format::trim;
use crate::support::i18n::{tr, trf, Lang};
use crate::web::charts::{BarChart, BarItem};
use crate::web::download;
use crate::web::fetch::{parse_checked, use_content, Load};
use crate::web::notices::explain;
use crate::web::state::AppCtx;
use crate::web::widgets::lecture_label;
use gloo::file::callbacks::FileReader;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// One file of an import, read or refused unread.
enum Entry {
    Text { file: String, text: String },
    Skip { file: String, why: Skip },
}

/// A line under the buttons.
#[derive(Clone, PartialEq)]
enum Message {
    Ok(String),
    Error(String),
}

/// The class and what the last import did.
#[derive(Clone, Default, PartialEq)]
struct View {
    class: Class,
    /// Files being read right now.
    reading: usize,
    /// The latest import: files imported, and where its skipped files start
    /// in `class.skipped`.
    batch: Option<(usize, usize)>,
    message: Option<Message>,
}

enum ViewAction {
    Reading(usize),
    Loaded(Vec<Entry>),
    Clear,
    Say(Message),
}

impl Reducible for View {
    type Action = ViewAction;

    fn reduce(self: Rc<Self>, action: ViewAction) -> Rc<Self> {
        let mut v = (*self).clone();
        match action {
            ViewAction::Reading(n) => {
                v.reading += n;
                v.message = None;
            }
            ViewAction::Loaded(entries) => {
                v.reading = v.reading.saturating_sub(entries.len());
                let (before, skipped_from) = (v.class.trainees.len(), v.class.skipped.len());
                for e in entries {
                    match e {
                        Entry::Text { file, text } => {
                            v.class.add(&file, &text);
                        }
                        Entry::Skip { file, why } => v.class.skip(&file, why),
                    }
                }
                v.batch = Some((v.class.trainees.len() - before, skipped_from));
            }
            ViewAction::Clear => {
                v = View {
                    reading: v.reading,
                    ..View::default()
                }
            }
            ViewAction::Say(m) => v.message = Some(m),
        }
        Rc::new(v)
    }
}

fn parse_exercise(text: &str) -> Result<SelfCheck, String> {
    parse_checked(selfcheck::parse(text), selfcheck::validate)
}

/// The files of a drop. `DataTransfer` is read through `Reflect`, so no
/// extra web-sys feature is needed.
fn dropped_files(e: &DragEvent) -> Vec<web_sys::File> {
    let files = js_sys::Reflect::get(e, &"dataTransfer".into())
        .and_then(|dt| js_sys::Reflect::get(&dt, &"files".into()))
        .ok()
        .and_then(|f| f.dyn_into::<web_sys::FileList>().ok());
    match files {
        Some(list) => (0..list.length()).filter_map(|i| list.get(i)).collect(),
        None => Vec::new(),
    }
}

/// Shows a copy cursor while files are dragged over the drop zone.
fn show_copy(e: &DragEvent) {
    if let Ok(dt) = js_sys::Reflect::get(e, &"dataTransfer".into()) {
        if dt.is_object() {
            let _ = js_sys::Reflect::set(&dt, &"dropEffect".into(), &"copy".into());
        }
    }
}

/// Reads `files` (at most `room` of them; each at most `MAX_BYTES`) and
/// hands them to the view in the order given, once all are read.
fn read_files(
    files: Vec<web_sys::File>,
    room: usize,
    view: UseReducerDispatcher<View>,
    readers: Rc<RefCell<Vec<FileReader>>>,
) {
    let n = files.len();
    if n == 0 {
        return;
    }
    view.dispatch(ViewAction::Reading(n));
    let slots: Rc<RefCell<Vec<Option<Entry>>>> = Rc::new(RefCell::new((0..n).map(|_| None).collect()));
    let left = Rc::new(Cell::new(n));
    let finish: Rc<dyn Fn(usize, Entry)> = Rc::new(move |i, entry| {
        if let Some(slot) = slots.borrow_mut().get_mut(i) {
            *slot = Some(entry);
        }
        left.set(left.get().saturating_sub(1));
        if left.get() == 0 {
            let entries = slots.borrow_mut().drain(..).flatten().collect();
            view.dispatch(ViewAction::Loaded(entries));
        }
    });
    for (i, f) in files.into_iter().enumerate() {
        let file = f.name();
        let size = f.size();
        if i >= room {
            finish(
                i,
                Entry::Skip {
                    file,
                    why: Skip::TooMany,
                },
            );
        } else if size > MAX_BYTES as f64 {
            let bytes = size as usize;
            finish(
                i,
                Entry::Skip {
                    file,
                    why: Skip::Bad(DecodeError::TooLarge { bytes }),
                },
            );
        } else {
            let finish = finish.clone();
            let reader = gloo::file::callbacks::read_as_text(&gloo::file::File::from(f), move |text| {
                finish(
                    i,
                    match text {
                        Ok(text) => Entry::Text { file, text },
                        Err(_) => Entry::Skip {
                            file,
                            why: Skip::Unreadable,
                        },
                    },
                )
            });
            readers.borrow_mut().push(reader);
        }
    }
}

/// Why a file was skipped, in words.
fn skip_reason(lang: Lang, why: &Skip) -> String {
    match why {
        Skip::Bad(e) => explain(lang, e),
        Skip::Unreadable => tr(lang, "progress.unreadable_file"),
        Skip::Duplicate { of } => trf(lang, "class.duplicate", &[("of", of)]),
        Skip::TooMany => trf(lang, "class.too_many", &[("max", &MAX_FILES.to_string())]),
    }
}

/// The rubrics fetched so far, by exercise id (for idea labels).
type Rubrics = Rc<RefCell<BTreeMap<String, Rc<SelfCheck>>>>;

fn exercise_name(lang: Lang, id: &str, rubric: Option<&SelfCheck>) -> String {
    match rubric {
        Some(sc) => sc.title.get(lang).to_owned(),
        None => trf(lang, "exercise.label", &[("id", id)]),
    }
}

fn median_text(m: Option<f64>) -> String {
    m.map(|m| trim(m, 1)).unwrap_or_else(|| "—".to_owned())
}

#[function_component]
pub fn ClassPage() -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    let view = use_reducer(View::default);
    let dragging = use_state_eq(|| false);
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let rubrics: Rubrics = use_mut_ref(BTreeMap::new);
    let input_ref = use_node_ref();

    let take = {
        let (dispatcher, readers) = (view.dispatcher(), readers.clone());
        let (room, idle) = (view.class.room(), view.reading == 0);
        Callback::from(move |files: Vec<web_sys::File>| {
            if idle {
                // Nothing is being read: earlier readers are done.
                readers.borrow_mut().clear();
            }
            read_files(files, room, dispatcher.clone(), readers.clone());
        })
    };
    let on_change = {
        let take = take.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files = input
                .files()
                .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
                .unwrap_or_default();
            input.set_value("");
            take.emit(files);
        })
    };
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            show_copy(&e);
            dragging.set(true);
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let (dragging, take) = (dragging.clone(), take.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            take.emit(dropped_files(&e));
        })
    };
    let clear = {
        let (view, input_ref) = (view.clone(), input_ref.clone());
        Callback::from(move |_| {
            view.dispatch(ViewAction::Clear);
            view.dispatch(ViewAction::Say(Message::Ok(tr(lang, "class.cleared"))));
            // The buttons go away with the data: keep focus on the page.
            if let Some(el) = input_ref.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        })
    };

    let class = &view.class;
    let summary = class.summary();
    html! {
        <div class="class-page">
            <h1>{ tr(lang, "class.title") }</h1>
            <p class="lead">{ tr(lang, "class.lead") }</p>
            <p class="privacy" data-testid="class-privacy">{ tr(lang, "class.privacy") }</p>

            <section aria-labelledby="class-import-h" class="class-import">
                <h2 id="class-import-h">{ tr(lang, "class.import_h") }</h2>
                <div class={classes!("drop-zone", (*dragging).then_some("dragging"))} data-testid="class-drop"
                    ondragover={on_dragover.clone()} ondragenter={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
                    <label class="button primary file-button">
                        { tr(lang, "class.choose") }
                        <input type="file" multiple={true} accept=".json,application/json" onchange={on_change}
                            ref={input_ref} aria-describedby="class-limits" data-testid="class-import" />
                    </label>
                    <p>{ tr(lang, "class.drop") }</p>
                    <p id="class-limits" class="help">
                        { trf(lang, "class.limits", &[("kb", &(MAX_BYTES / 1024).to_string()), ("max", &MAX_FILES.to_string())]) }
                    </p>
                </div>
                <div aria-live="polite" data-testid="class-report">
                    if view.reading > 0 {
                        <p aria-busy="true">{ trf(lang, "class.reading", &[("n", &view.reading.to_string())]) }</p>
                    }
                    if let Some((imported, from)) = view.batch {
                        { report(lang, class, imported, from) }
                    }
                    { match &view.message {
                        Some(Message::Ok(m)) => html! { <p class="message ok" data-testid="class-message">{ m }</p> },
                        Some(Message::Error(m)) => html! { <p class="message error" role="alert" data-testid="class-message">{ m }</p> },
                        None => html! {},
                    } }
                </div>
            </section>

            if class.trainees.is_empty() {
                <p data-testid="class-empty">{ tr(lang, "class.empty") }</p>
                if !class.skipped.is_empty() {
                    <div class="toolbar class-actions">
                        <button type="button" class="button" onclick={clear} data-testid="class-clear">{ tr(lang, "class.clear") }</button>
                    </div>
                }
            } else {
                <Summary class={Rc::new(class.clone())} {summary} {lang} {rubrics} on_clear={clear}
                    on_message={view.dispatcher().to_callback().reform(ViewAction::Say)} />
            }
        </div>
    }
}

/// "Imported N, skipped M", one line per skipped file.
fn report(lang: Lang, class: &Class, imported: usize, from: usize) -> Html {
    let skipped = class.skipped.get(from..).unwrap_or_default();
    html! {
        <div class="class-result">
            <p data-testid="class-result"><strong>
                { trf(lang, "class.result", &[("imported", &imported.to_string()), ("skipped", &skipped.len().to_string())]) }
            </strong></p>
            if !skipped.is_empty() {
                <h3 class="sr-only">{ tr(lang, "class.skipped_h") }</h3>
                <ul class="skipped" data-testid="class-skipped">
                    { for skipped.iter().enumerate().map(|(i, s)| html! {
                        <li data-testid={format!("class-skipped-{i}")}>
                            { trf(lang, "class.skip_line", &[("file", &s.file), ("why", &skip_reason(lang, &s.why))]) }
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SummaryProps {
    class: Rc<Class>,
    summary: ClassSummary,
    lang: Lang,
    rubrics: Rubrics,
    on_clear: Callback<MouseEvent>,
    on_message: Callback<Message>,
}

#[function_component]
fn Summary(p: &SummaryProps) -> Html {
    let lang = p.lang;
    let s = &p.summary;
    let n = s.trainees;
    let on_rubric = {
        let rubrics = p.rubrics.clone();
        Callback::from(move |sc: Rc<SelfCheck>| {
            rubrics.borrow_mut().insert(sc.id.clone(), sc);
        })
    };
    let export = {
        let (summary, rubrics, on_message) = (s.clone(), p.rubrics.clone(), p.on_message.clone());
        Callback::from(move |_| {
            let rubrics = rubrics.borrow();
            let csv = to_csv(&summary, |l| match l {
                Label::Lecture(n) => course().lecture(n).map(|l| l.title.get(lang).to_owned()),
                Label::Exercise(id) => Some(exercise_name(lang, id, rubrics.get(id).map(|r| r.as_ref()))),
                Label::Idea(ex, idea) => rubrics
                    .get(ex)
                    .and_then(|r| r.ideas.iter().find(|i| i.id == idea))
                    .map(|i| i.label.get(lang).to_owned()),
                Label::Roleplay(id) => Some(id.replace('-', " ")),
            });
            let name = format!("loyalty-lab-class-{}.csv", download::today());
            // A byte-order mark, so spreadsheets read the Chinese as UTF-8.
            let saved = download::save_text(&name, "text/csv;charset=utf-8", &format!("\u{feff}{csv}"));
            on_message.emit(if saved {
                Message::Ok(trf(lang, "class.exported", &[("file", &name)]))
            } else {
                Message::Error(tr(lang, "class.export_failed"))
            });
        })
    };
    let bars: Vec<BarItem> = s
        .lectures
        .iter()
        .map(|l| BarItem {
            label: l.n.to_string(),
            value: l.done,
        })
        .collect();
    html! {
        <>
            <div class="toolbar class-actions">
                <button type="button" class="button primary" onclick={export} data-testid="class-export">{ tr(lang, "class.export") }</button>
                <button type="button" class="button" onclick={p.on_clear.clone()} data-testid="class-clear">{ tr(lang, "class.clear") }</button>
            </div>
            <dl class="stats">
                <div><dt>{ tr(lang, "class.trainees") }</dt><dd data-testid="class-trainees">{ n }</dd></div>
            </dl>
            <details class="class-files">
                <summary>{ trf(lang, "class.files_h", &[("n", &p.class.trainees.len().to_string())]) }</summary>
                <ul data-testid="class-files">
                    { for p.class.trainees.iter().map(|t| html! {
                        <li>
                            { &t.file }
                            if t.from_version < 4 {
                                <span class="muted">{ " (" }{ tr(lang, "class.old_schema") }{ ")" }</span>
                            }
                        </li>
                    }) }
                </ul>
            </details>

            <section aria-labelledby="class-lectures-h">
                <h2 id="class-lectures-h">{ tr(lang, "class.lectures_h") }</h2>
                <table class="status-table class-table">
                    <thead><tr>
                        <th scope="col">{ tr(lang, "class.col_lecture") }</th>
                        <th scope="col" class="num">{ tr(lang, "class.col_visited") }</th>
                        <th scope="col" class="num">{ tr(lang, "class.col_done") }</th>
                    </tr></thead>
                    <tbody>
                        { for s.lectures.iter().map(|l| html! {
                            <tr>
                                <th scope="row">
                                    { lecture_label(lang, l.n) }
                                    { course().lecture(l.n).map(|c| format!(" · {}", c.title.get(lang))).unwrap_or_default() }
                                </th>
                                <td class="num" data-testid={format!("class-visited-{}", l.n)}>{ l.visited }</td>
                                <td class="num" data-testid={format!("class-done-{}", l.n)}>{ l.done }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <BarChart id="class-done-chart" title={tr(lang, "class.done_chart")}
                    desc={trf(lang, "class.done_chart_desc", &[("n", &n.to_string())])}
                    bars={bars} max={n}
                    table_heads={(tr(lang, "class.col_lecture"), tr(lang, "class.col_done"))}
                    table_summary={tr(lang, "chart.as_table")} />
            </section>

            <section aria-labelledby="class-exercises-h">
                <h2 id="class-exercises-h">{ tr(lang, "class.exercises_h") }</h2>
                <p class="help">{ tr(lang, "class.exercises_help") }</p>
                <div class="table-wrap">
                    <table class="status-table class-table">
                        <thead><tr>
                            <th scope="col">{ tr(lang, "class.col_exercise") }</th>
                            <th scope="col" class="num">{ tr(lang, "class.col_attempted") }</th>
                            <th scope="col" class="num">{ tr(lang, "class.col_median") }</th>
                            { for (0..BINS).map(|i| {
                                let (lo, hi) = bin_range(i);
                                html! { <th scope="col" class="num">{ format!("{lo}–{hi}") }</th> }
                            }) }
                        </tr></thead>
                        <tbody>
                            { for s.exercises.iter().map(|e| html! {
                                <tr>
                                    <th scope="row">{ trf(lang, "exercise.label", &[("id", &e.id)]) }</th>
                                    <td class="num" data-testid={format!("class-attempted-{}", e.id)}>{ e.attempted }</td>
                                    <td class="num" data-testid={format!("class-median-{}", e.id)}>{ median_text(e.median) }</td>
                                    { for e.bins.iter().enumerate().map(|(i, c)| html! {
                                        <td class="num" data-testid={format!("class-bin-{}-{i}", e.id)}>{ c }</td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <p class="help">{ tr(lang, "class.missed_help") }</p>
                { for s.exercises.iter().map(|e| html! {
                    <ExerciseBlock key={e.id.clone()} e={e.clone()} {lang} on_rubric={on_rubric.clone()} />
                }) }
            </section>

            if !s.roleplays.is_empty() {
                <section aria-labelledby="class-roleplays-h">
                    <h2 id="class-roleplays-h">{ tr(lang, "class.roleplays_h") }</h2>
                    <table class="status-table class-table">
                        <thead><tr>
                            <th scope="col">{ tr(lang, "class.col_scenario") }</th>
                            <th scope="col" class="num">{ tr(lang, "class.col_played") }</th>
                            <th scope="col" class="num">{ tr(lang, "class.col_median") }</th>
                        </tr></thead>
                        <tbody>
                            { for s.roleplays.iter().map(|r| html! {
                                <tr>
                                    <th scope="row">{ r.id.replace('-', " ") }</th>
                                    <td class="num" data-testid={format!("class-rp-attempted-{}", r.id)}>{ r.attempted }</td>
                                    <td class="num" data-testid={format!("class-rp-median-{}", r.id)}>{ median_text(r.median) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </section>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ExerciseBlockProps {
    e: ExerciseSummary,
    lang: Lang,
    on_rubric: Callback<Rc<SelfCheck>>,
}

/// One self-check: its score distribution as a chart and its most-missed
/// ideas, labelled from the rubric (fetched like the self-check screen does;
/// idea ids stand in while it loads or if it cannot be loaded).
#[function_component]
fn ExerciseBlock(p: &ExerciseBlockProps) -> Html {
    let lang = p.lang;
    let e = &p.e;
    let loaded = use_content(format!("selfchecks/{}.json", e.id), parse_exercise);
    let rubric = match &loaded {
        Load::Ready(sc) => Some(sc.clone()),
        _ => None,
    };
    {
        let on_rubric = p.on_rubric.clone();
        use_effect_with(rubric.clone(), move |r| {
            if let Some(r) = r {
                on_rubric.emit(r.clone());
            }
        });
    }
    let name = exercise_name(lang, &e.id, rubric.as_deref());
    let idea_label = |id: &str| {
        rubric
            .as_ref()
            .and_then(|r| r.ideas.iter().find(|i| i.id == id))
            .map_or_else(|| id.to_owned(), |i| i.label.get(lang).to_owned())
    };
    let heading = format!("class-ex-{}-h", e.id);
    let bars: Vec<BarItem> = e
        .bins
        .iter()
        .enumerate()
        .map(|(i, &value)| {
            let (lo, hi) = bin_range(i);
            BarItem {
                label: format!("{lo}–{hi}"),
                value,
            }
        })
        .collect();
    html! {
        <section class="class-exercise" aria-labelledby={heading.clone()} data-testid={format!("class-exercise-{}", e.id)}>
            <h3 id={heading}>{ &name }</h3>
            if e.attempted == 0 {
                <p class="muted">{ tr(lang, "class.nobody") }</p>
            } else {
                <BarChart id={format!("class-hist-{}", e.id)} title={trf(lang, "class.hist_title", &[("exercise", &name)])}
                    desc={trf(lang, "class.hist_desc", &[("n", &e.attempted.to_string()), ("median", &median_text(e.median))])}
                    {bars} max={e.attempted}
                    table_heads={(tr(lang, "class.col_range"), tr(lang, "class.col_count"))}
                    table_summary={tr(lang, "chart.as_table")} />
                <h4>{ tr(lang, "class.missed_h") }</h4>
                if e.missed_known > 0 {
                    <p>{ trf(lang, "class.missed_of", &[("exercise", &trf(lang, "exercise.label", &[("id", &e.id)])), ("n", &e.missed_known.to_string())]) }</p>
                    if e.missed.is_empty() {
                        <p data-testid={format!("class-missed-{}", e.id)}>{ tr(lang, "class.missed_none") }</p>
                    } else {
                        <table class="status-table class-table" data-testid={format!("class-missed-{}", e.id)}>
                            <thead><tr>
                                <th scope="col">{ tr(lang, "class.col_idea") }</th>
                                <th scope="col" class="num">{ tr(lang, "class.col_missed") }</th>
                            </tr></thead>
                            <tbody>
                                { for e.missed.iter().map(|m| html! {
                                    <tr data-testid={format!("class-missed-{}-{}", e.id, m.id)}>
                                        <th scope="row">{ idea_label(&m.id) }</th>
                                        <td class="num" data-testid={format!("class-missed-count-{}-{}", e.id, m.id)}>{ m.count }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    }
                }
                if e.attempted > e.missed_known {
                    <p class="muted" data-testid={format!("class-missed-unknown-{}", e.id)}>
                        { trf(lang, "class.missed_unknown", &[("n", &(e.attempted - e.missed_known).to_string())]) }
                    </p>
                }
            }
        </section>
    }
}
