//! The own material kept in this browser: each item with its kind and
//! languages, to try, edit, download or remove; and loading files (a
//! trainer's shared material, or one's own from another browser), each
//! file read and checked on its own, with a message per file.

use super::fields::lang_name;
use super::kind_name;
use crate::course::own::{read_file, FileError, Item, Kind, Library, MAX_BYTES};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::download;
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// A message about what was just done.
#[derive(Clone, Debug, PartialEq)]
pub enum Said {
    Ok(String),
    Error(String),
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub library: Library,
    pub said: Vec<Said>,
    /// Files read: each name with its item, or why it is not one.
    pub on_files: Callback<Vec<(String, Result<Item, String>)>>,
    pub on_play: Callback<Item>,
    pub on_edit: Callback<Item>,
    pub on_remove: Callback<(Kind, String)>,
    pub lang: Lang,
}

#[function_component]
pub fn LibraryList(p: &Props) -> Html {
    let lang = p.lang;
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let confirming = use_state(|| None::<(Kind, String)>);
    let on_change = {
        let (on_files, readers) = (p.on_files.clone(), readers.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let files: Vec<web_sys::File> = input
                .files()
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            input.set_value("");
            read_all(files, lang, on_files.clone(), &readers);
        })
    };
    let items = p.library.items();
    html! {
        <section aria-labelledby="author-lib-h" class="author-library">
            <h2 id="author-lib-h">{ tr(lang, "author.library") }</h2>
            <p class="help">{ tr(lang, "author.library_help") }</p>
            if items.is_empty() {
                <p data-testid="author-empty">{ tr(lang, "author.library_empty") }</p>
            } else {
                <ul class="own-items">
                    { for items.iter().map(|item| {
                        let key = (item.kind(), item.id().to_owned());
                        let sure = confirming.as_ref() == Some(&key);
                        let act = |cb: &Callback<Item>| { let (cb, item) = (cb.clone(), item.clone()); Callback::from(move |_| cb.emit(item.clone())) };
                        let download = { let item = item.clone(); Callback::from(move |_| { download::save_text(&item.file_name(), "application/json", &item.to_file()); }) };
                        let ask = { let (c, key) = (confirming.clone(), key.clone()); Callback::from(move |_| c.set(if sure { None } else { Some(key.clone()) })) };
                        let remove = { let (c, on, key) = (confirming.clone(), p.on_remove.clone(), key.clone()); Callback::from(move |_| { c.set(None); on.emit(key.clone()) }) };
                        let langs: Vec<String> = item.langs().iter().map(|l| lang_name(lang, *l)).collect();
                        html! {
                            <li class="own-item" data-testid={format!("own-{}", item.id())}>
                                <p>
                                    <strong>{ item.title().get(lang) }</strong>{ " " }
                                    <span class="badge">{ tr(lang, "author.own_badge") }</span>
                                </p>
                                <p class="help">{ kind_name(lang, item.kind()) }{ " · " }<code>{ item.file_name() }</code>{ " · " }{ langs.join(" + ") }</p>
                                <div class="toolbar">
                                    <button type="button" class="button small" onclick={act(&p.on_play)} data-testid={format!("own-{}-play", item.id())}>{ tr(lang, "author.play") }</button>
                                    <button type="button" class="button small" onclick={act(&p.on_edit)} data-testid={format!("own-{}-edit", item.id())}>{ tr(lang, "author.edit") }</button>
                                    <button type="button" class="button small" onclick={download} data-testid={format!("own-{}-download", item.id())}>{ tr(lang, "author.download") }</button>
                                    <button type="button" class="button small" onclick={ask} aria-expanded={sure.to_string()} data-testid={format!("own-{}-remove", item.id())}>{ tr(lang, "author.remove") }</button>
                                    if sure {
                                        <button type="button" class="button small danger" onclick={remove} data-testid={format!("own-{}-remove-yes", item.id())}>
                                            { trf(lang, "author.remove_sure", &[("id", item.id())]) }
                                        </button>
                                    }
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            }
            <div class="field">
                <label for="author-load">{ tr(lang, "author.load") }</label>
                <input type="file" id="author-load" accept=".json,application/json" multiple=true onchange={on_change}
                    aria-describedby="author-load-help" data-testid="author-load" />
                <p class="help" id="author-load-help">{ tr(lang, "author.load_help") }</p>
            </div>
            <div aria-live="polite" data-testid="author-said">
                { for p.said.iter().map(|s| match s {
                    Said::Ok(m) => html! { <p class="message ok">{ m }</p> },
                    Said::Error(m) => html! { <p class="message error" role="alert">{ m }</p> },
                }) }
            </div>
        </section>
    }
}

/// Reads every file, then hands them on together, in the order given.
fn read_all(
    files: Vec<web_sys::File>,
    lang: Lang,
    on_files: Callback<Vec<(String, Result<Item, String>)>>,
    readers: &Rc<RefCell<Vec<FileReader>>>,
) {
    let n = files.len();
    if n == 0 {
        return;
    }
    type Slots = Vec<Option<(String, Result<Item, String>)>>;
    let slots: Rc<RefCell<Slots>> = Rc::new(RefCell::new(vec![None; n]));
    let finish = Rc::new(move |i: usize, entry: (String, Result<Item, String>)| {
        let mut s = slots.borrow_mut();
        s[i] = Some(entry);
        if s.iter().all(Option::is_some) {
            on_files.emit(s.drain(..).flatten().collect());
        }
    });
    for (i, f) in files.into_iter().enumerate() {
        let name = f.name();
        if f.size() > MAX_BYTES as f64 {
            finish(
                i,
                (
                    name,
                    Err(trf(
                        lang,
                        "author.too_large",
                        &[("max", &(MAX_BYTES / 1024).to_string())],
                    )),
                ),
            );
            continue;
        }
        let finish = finish.clone();
        let reader = gloo::file::callbacks::read_as_text(&gloo::file::File::from(f), move |text| {
            let item = match text {
                Ok(t) => read_file(&t).map_err(|e| file_error(lang, &e)),
                Err(_) => Err(tr(lang, "progress.unreadable_file")),
            };
            finish(i, (name, item));
        });
        readers.borrow_mut().push(reader);
    }
}

/// Why a file is not own material, in words (a validator's own messages
/// name the fields in the file's terms).
fn file_error(lang: Lang, e: &FileError) -> String {
    match e {
        FileError::TooLarge(_) => trf(lang, "author.too_large", &[("max", &(MAX_BYTES / 1024).to_string())]),
        FileError::NotJson(at) => trf(lang, "author.not_json", &[("at", at)]),
        FileError::NotContent => tr(lang, "author.not_content"),
        FileError::Malformed(_) | FileError::Invalid(_) => trf(lang, "author.invalid", &[("why", &e.to_string())]),
    }
}
