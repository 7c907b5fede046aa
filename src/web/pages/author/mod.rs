//! `#/author`: a trainer's own material (issue 21). Write a self-check or a
//! role-play scenario in a form (or start from a copy of the course's),
//! see every problem the course's validator finds, field by field, try it
//! exactly as a trainee plays it, save it to this browser's own material,
//! and download it as a content file to share with the class or drop into
//! `content/`. Trainees load such files here too. The material is kept in
//! storage entries of its own (never the progress record); the open draft
//! is kept while typing, so closing the page loses nothing.

mod fields;

mod library;
mod scenario_form;
mod selfcheck_form;

use crate::course::lectures::{SCENARIO_IDS, SCENARIO_TITLES, SELFCHECK_IDS};
use crate::course::own::draft::{Draft, ScenarioDraft, SelfCheckDraft};
use crate::course::own::{read_file, Item, Kind, Library, Put};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::fetch::{fetch_text, Load};
use crate::web::pages::roleplay::Played;
use crate::web::pages::self_check::Exercise;
use crate::web::state::AppCtx;
use crate::web::{download, storage};
use fields::Reveal;
use library::{LibraryList, Said};
use scenario_form::ScenarioForm;
use selfcheck_form::SelfCheckForm;
use std::rc::Rc;
use yew::prelude::*;

/// Storage entry of the own material.
pub const LIBRARY_KEY: &str = "loyalty-lab.own";
/// Storage entry of the open draft.
pub const DRAFT_KEY: &str = "loyalty-lab.author-draft";

/// The stored library and what reading it found to say.
fn load_library(lang: Lang) -> (Library, Vec<Said>) {
    let Some(raw) = storage::read_entry(LIBRARY_KEY) else {
        return (Library::default(), Vec::new());
    };
    match Library::decode(&raw) {
        Ok((lib, dropped)) if dropped.is_empty() => (lib, Vec::new()),
        Ok((lib, dropped)) => {
            let kept = storage::backup(&raw).is_some();
            let said = dropped
                .iter()
                .map(|d| {
                    Said::Error(trf(
                        lang,
                        if kept { "author.dropped_kept" } else { "author.dropped" },
                        &[("what", d)],
                    ))
                })
                .collect();
            (lib, said)
        }
        Err(why) => {
            let kept = storage::backup(&raw).is_some();
            let key = if kept {
                "author.library_damaged_kept"
            } else {
                "author.library_damaged"
            };
            (Library::default(), vec![Said::Error(trf(lang, key, &[("why", &why)]))])
        }
    }
}

fn save_library(lib: &Library) -> bool {
    storage::write_entry(LIBRARY_KEY, &lib.encode())
}

/// The draft kept from last time, if it still reads.
fn load_draft() -> Option<Draft> {
    serde_json::from_str(&storage::read_entry(DRAFT_KEY)?).ok()
}

fn save_draft(d: Option<&Draft>) {
    match d.and_then(|d| serde_json::to_string(d).ok()) {
        Some(text) => {
            let _ = storage::write_entry(DRAFT_KEY, &text);
        }
        None => storage::remove_entry(DRAFT_KEY),
    }
}

/// The item's kind in words.
fn kind_name(lang: Lang, k: Kind) -> String {
    tr(
        lang,
        if k == Kind::SelfCheck {
            "author.kind_selfcheck"
        } else {
            "author.kind_scenario"
        },
    )
}

#[function_component]
pub fn AuthorPage() -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    let start = use_memo((), move |_| load_library(lang));
    let library = use_state(|| start.0.clone());
    let said = use_state(|| start.1.clone());
    let draft = use_state(load_draft);
    let trying = use_state(|| None::<Item>);
    let discarding = use_state(|| false);
    // Whether empty fields show their problems (after a save or try with
    // problems left).
    let reveal = use_state(|| false);

    let set_draft = {
        let (draft, reveal) = (draft.clone(), reveal.clone());
        Callback::from(move |d: Option<Draft>| {
            if d.is_none() || draft.is_none() {
                reveal.set(false);
            }
            save_draft(d.as_ref());
            draft.set(d);
        })
    };
    let say = {
        let said = said.clone();
        Callback::from(move |s: Vec<Said>| said.set(s))
    };
    // Puts items in the library and stores it; says what happened.
    let put = {
        let (library, say) = (library.clone(), say.clone());
        Callback::from(move |items: Vec<(String, Result<Item, String>)>| {
            let mut lib = (*library).clone();
            let mut out = Vec::new();
            for (name, item) in items {
                match item.and_then(|i| {
                    let (id, kind) = (i.id().to_owned(), i.kind());
                    lib.put(i).map(|put| (id, kind, put)).map_err(|e| e.to_string())
                }) {
                    Ok((id, kind, how)) => out.push(Said::Ok(trf(
                        lang,
                        if how == Put::Added {
                            "author.added"
                        } else {
                            "author.replaced"
                        },
                        &[("name", &name), ("id", &id), ("kind", &kind_name(lang, kind))],
                    ))),
                    Err(why) => out.push(Said::Error(trf(
                        lang,
                        "author.refused",
                        &[("name", &name), ("why", &why)],
                    ))),
                }
            }
            if lib != *library {
                if save_library(&lib) {
                    library.set(lib);
                } else {
                    out = vec![Said::Error(tr(lang, "author.storage_refused"))];
                }
            }
            say.emit(out);
        })
    };
    let remove = {
        let (library, say, trying) = (library.clone(), say.clone(), trying.clone());
        Callback::from(move |(kind, id): (Kind, String)| {
            let mut lib = (*library).clone();
            lib.remove(kind, &id);
            if save_library(&lib) {
                if trying.as_ref().is_some_and(|t| t.kind() == kind && t.id() == id) {
                    trying.set(None);
                }
                library.set(lib);
                say.emit(vec![Said::Ok(trf(lang, "author.removed", &[("id", &id)]))]);
            } else {
                say.emit(vec![Said::Error(tr(lang, "author.storage_refused"))]);
            }
        })
    };
    let play = {
        let trying = trying.clone();
        Callback::from(move |item: Item| {
            trying.set(Some(item));
            focus("#author-try-h");
        })
    };
    let edit_item = {
        let set_draft = set_draft.clone();
        Callback::from(move |item: Item| {
            set_draft.emit(Some(Draft::of(&item)));
            focus("#author-write-h");
        })
    };

    html! {
        <div class="author" data-testid="author">
            <h1>{ tr(lang, "author.title") }</h1>
            <p class="lead">{ tr(lang, "author.lead") }</p>
            <LibraryList library={(*library).clone()} said={(*said).clone()} on_files={put.clone()}
                on_play={play.clone()} on_edit={edit_item} on_remove={remove} {lang} />
            <section aria-labelledby="author-write-h" class="author-write">
                <h2 id="author-write-h" tabindex="-1">{ tr(lang, "author.write") }</h2>
                { match &*draft {
                    None => html! { <Starters on_start={set_draft.clone()} {lang} /> },
                    Some(d) => html! {
                        <ContextProvider<Reveal> context={Reveal(*reveal)}>
                            { editor(lang, d, &set_draft, &put, &play, &discarding, &reveal) }
                        </ContextProvider<Reveal>>
                    },
                } }
            </section>
            if let Some(item) = &*trying {
                <section aria-labelledby="author-try-h" class="author-try" data-testid="author-trying">
                    <h2 id="author-try-h" tabindex="-1">{ trf(lang, "author.trying", &[("title", item.title().get(lang))]) }</h2>
                    <p class="help">{ tr(lang, "author.trying_help") }</p>
                    <Preview key={format!("{:?}-{}", item.kind(), item.id())} item={item.clone()} {lang} />
                    <button type="button" class="button" onclick={{ let t = trying.clone(); move |_| t.set(None) }}
                        data-testid="author-try-close">{ tr(lang, "author.try_close") }</button>
                </section>
            }
        </div>
    }
}

/// Moves focus to the element `selector` (after this render).
fn focus(selector: &'static str) {
    gloo::timers::callback::Timeout::new(0, move || {
        if let Some(el) = gloo::utils::document()
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
    })
    .forget();
}

/// The open draft: its form, its problems, and what can be done with it.
fn editor(
    lang: Lang,
    d: &Draft,
    set_draft: &Callback<Option<Draft>>,
    put: &Callback<Vec<(String, Result<Item, String>)>>,
    play: &Callback<Item>,
    discarding: &UseStateHandle<bool>,
    reveal: &UseStateHandle<bool>,
) -> Html {
    let checked = d.check();
    let problems = checked.as_ref().err().cloned().unwrap_or_default();
    let ready = checked.as_ref().ok().cloned();
    let form = match d {
        Draft::SelfCheck(sc) => {
            let set = set_draft.clone();
            html! { <SelfCheckForm draft={sc.clone()} problems={problems.clone()} onchange={move |d| set.emit(Some(Draft::SelfCheck(d)))} {lang} /> }
        }
        Draft::Scenario(sn) => {
            let set = set_draft.clone();
            html! { <ScenarioForm draft={sn.clone()} problems={problems.clone()} onchange={move |d| set.emit(Some(Draft::Scenario(d)))} {lang} /> }
        }
    };
    // Each action runs on a ready item; with problems left it shows them
    // all instead, and moves to their list.
    let act = |f: Rc<dyn Fn(&Item)>| {
        let (ready, reveal) = (ready.clone(), reveal.clone());
        Callback::from(move |_: MouseEvent| match &ready {
            Some(item) => f(item),
            None => {
                reveal.set(true);
                focus("#author-problems-msg");
            }
        })
    };
    let save = {
        let put = put.clone();
        act(Rc::new(move |item: &Item| {
            put.emit(vec![(item.file_name(), Ok(item.clone()))])
        }))
    };
    let try_it = {
        let play = play.clone();
        act(Rc::new(move |item: &Item| play.emit(item.clone())))
    };
    let download = act(Rc::new(|item: &Item| {
        download::save_text(&item.file_name(), "application/json", &item.to_file());
    }));
    let discard = {
        let (set, discarding) = (set_draft.clone(), discarding.clone());
        Callback::from(move |_| {
            discarding.set(false);
            set.emit(None);
        })
    };
    let ask = {
        let discarding = discarding.clone();
        Callback::from(move |_| discarding.set(!*discarding))
    };
    html! {
        <>
            { form }
            <div class="author-check" role="status" aria-live="polite" data-testid="author-problems" data-count={problems.len().to_string()}>
                if problems.is_empty() {
                    <p class="message ok" id="author-problems-msg" tabindex="-1">{ tr(lang, "author.ready") }</p>
                } else {
                    <p class="message error" id="author-problems-msg" tabindex="-1">{ trf(lang, "author.problems", &[("n", &problems.len().to_string())]) }</p>
                    <ul class="problems">{ for problems.iter().map(|p| html! { <li>{ p.to_string() }</li> }) }</ul>
                }
            </div>
            <div class="toolbar">
                <button type="button" class="button primary" onclick={save} data-testid="author-save">{ tr(lang, "author.save") }</button>
                <button type="button" class="button" onclick={try_it} data-testid="author-try">{ tr(lang, "author.try") }</button>
                <button type="button" class="button" onclick={download} data-testid="author-download">{ tr(lang, "author.download") }</button>
                <button type="button" class="button" onclick={ask} aria-expanded={discarding.to_string()} data-testid="author-discard">{ tr(lang, "author.discard") }</button>
            </div>
            if **discarding {
                <p class="message warn" data-testid="author-discard-confirm">
                    { tr(lang, "author.discard_sure") }{ " " }
                    <button type="button" class="button small" onclick={discard} data-testid="author-discard-yes">{ tr(lang, "author.discard_yes") }</button>
                </p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct StartersProps {
    on_start: Callback<Option<Draft>>,
    lang: Lang,
}

/// Ways to begin: an empty self-check or role-play, or a copy of one of
/// the course's (fetched, then renamed so it is the trainer's own).
#[function_component]
fn Starters(p: &StartersProps) -> Html {
    let lang = p.lang;
    let copying = use_state(|| None::<Load<()>>);
    let choice = use_state(|| format!("selfcheck:{}", SELFCHECK_IDS.first().copied().unwrap_or_default()));
    let new_sc = {
        let on = p.on_start.clone();
        Callback::from(move |_| on.emit(Some(Draft::SelfCheck(SelfCheckDraft::new(vec![lang])))))
    };
    let new_sn = {
        let on = p.on_start.clone();
        Callback::from(move |_| on.emit(Some(Draft::Scenario(ScenarioDraft::new(vec![lang])))))
    };
    let pick = {
        let choice = choice.clone();
        fields::select_change(Callback::from(move |v: String| choice.set(v)))
    };
    let copy = {
        let (on, choice, copying) = (p.on_start.clone(), choice.clone(), copying.clone());
        Callback::from(move |_| {
            let Some((kind, id)) = choice.split_once(':').map(|(k, i)| (k.to_owned(), i.to_owned())) else {
                return;
            };
            let url = if kind == "selfcheck" {
                format!("selfchecks/{id}.json")
            } else {
                format!("scenarios/{id}.json")
            };
            let (on, copying) = (on.clone(), copying.clone());
            copying.set(Some(Load::Loading));
            wasm_bindgen_futures::spawn_local(async move {
                let copied = fetch_text(&url).await.and_then(|text| {
                    let mut v: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
                    v["id"] = format!("my-{id}").into();
                    read_file(&v.to_string()).map_err(|e| e.to_string())
                });
                match copied {
                    Ok(item) => {
                        copying.set(None);
                        on.emit(Some(Draft::of(&item)));
                    }
                    Err(why) => copying.set(Some(Load::Failed(why))),
                }
            });
        })
    };
    html! {
        <div class="author-start">
            <p>{ tr(lang, "author.start_help") }</p>
            <div class="toolbar">
                <button type="button" class="button primary" onclick={new_sc} data-testid="author-new-selfcheck">{ tr(lang, "author.new_selfcheck") }</button>
                <button type="button" class="button primary" onclick={new_sn} data-testid="author-new-scenario">{ tr(lang, "author.new_scenario") }</button>
            </div>
            <div class="field">
                <label for="author-copy">{ tr(lang, "author.copy_label") }</label>
                <div class="field-row">
                    <select id="author-copy" onchange={pick} data-testid="author-copy">
                        <optgroup label={tr(lang, "author.kind_selfcheck")}>
                            { for SELFCHECK_IDS.iter().map(|id| html! {
                                <option value={format!("selfcheck:{id}")} selected={*choice == format!("selfcheck:{id}")}>{ trf(lang, "exercise.label", &[("id", id)]) }</option>
                            }) }
                        </optgroup>
                        <optgroup label={tr(lang, "author.kind_scenario")}>
                            { for SCENARIO_IDS.iter().map(|id| {
                                let title = SCENARIO_TITLES.iter().find(|t| t.0 == *id).map_or(*id, |t| if lang == Lang::Zh { t.1 } else { t.2 });
                                html! { <option value={format!("scenario:{id}")} selected={*choice == format!("scenario:{id}")}>{ title }</option> }
                            }) }
                        </optgroup>
                    </select>
                    <button type="button" class="button" onclick={copy} disabled={matches!(*copying, Some(Load::Loading))}
                        data-testid="author-copy-start">{ tr(lang, "author.copy") }</button>
                </div>
                if let Some(Load::Failed(why)) = &*copying {
                    <p class="message error" role="alert">{ trf(lang, "author.copy_failed", &[("why", why)]) }</p>
                }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    item: Item,
    lang: Lang,
}

/// The item as a trainee meets it: the self-check screen's exercise, or
/// the emotion line's conversation; nothing goes to progress.
#[function_component]
fn Preview(p: &PreviewProps) -> Html {
    let choices = use_state(Vec::<usize>::new);
    let scenario = use_memo(p.item.clone(), |item| match item {
        Item::Scenario(s) => Some(Rc::new(s.clone())),
        Item::SelfCheck(_) => None,
    });
    match (&p.item, &*scenario) {
        (Item::SelfCheck(sc), _) => {
            let score = {
                let sc = sc.clone();
                Callback::from(move |(text, _): (String, bool)| crate::scoring::score(&sc, &text))
            };
            html! {
                <Exercise sc={sc.clone()} scorer={Load::Failed(String::new())} {score} wanted=false want={Callback::noop()} own=true lang={p.lang} />
            }
        }
        (Item::Scenario(_), Some(s)) => {
            let go = {
                let choices = choices.clone();
                Callback::from(move |c: Vec<usize>| choices.set(c))
            };
            html! { <Played scenario={s.clone()} choices={(*choices).clone()} {go} record={None::<String>} lang={p.lang} /> }
        }
        _ => html! {},
    }
}
