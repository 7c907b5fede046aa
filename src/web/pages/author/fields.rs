//! The authoring form's pieces: a text in the languages the trainer writes
//! in (one labelled box per language), a one-line input, and the problems
//! of a field shown under it and tied to it (`aria-describedby`,
//! `aria-invalid`).

use crate::course::own::Problem;
use crate::support::i18n::{tr, Lang, Text};
use yew::prelude::*;

/// Whether fields still empty show their problems: not until the trainer
/// asks to save or try (a fresh form is not a wall of errors); the
/// summary under the form always counts them.
#[derive(Clone, Copy, PartialEq)]
pub struct Reveal(pub bool);

/// Whether empty fields show their problems now.
#[hook]
pub fn use_reveal() -> bool {
    use_context::<Reveal>().is_some_and(|r| r.0)
}

/// The messages about exactly `field`.
pub fn about(problems: &[Problem], field: &str) -> Vec<String> {
    problems
        .iter()
        .filter(|p| p.field == field)
        .map(|p| p.message.clone())
        .collect()
}

/// The list of a field's problems, with the id its input points at.
pub fn problem_list(id: &str, messages: &[String]) -> Html {
    if messages.is_empty() {
        return html! {};
    }
    html! {
        <ul class="field-problems" id={format!("{id}-problems")}>
            { for messages.iter().map(|m| html! { <li>{ m }</li> }) }
        </ul>
    }
}

/// A language's name (the keys are literal, so the build keeps them).
pub fn lang_name(lang: Lang, l: Lang) -> String {
    tr(
        lang,
        if l == Lang::Zh {
            "author.lang_zh"
        } else {
            "author.lang_en"
        },
    )
}

/// The ids of a field's help and problems, for `aria-describedby`.
fn described_by(id: &str, help: bool, bad: bool) -> Option<String> {
    let ids: Vec<String> = [(help, "help"), (bad, "problems")]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, what)| format!("{id}-{what}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[derive(Properties, PartialEq)]
pub struct TextProps {
    /// Element id stem (`sc-title` → `sc-title-zh`, `sc-title-en`).
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: Text,
    /// The languages written in (a box for each).
    pub langs: Vec<Lang>,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    pub problems: Vec<String>,
    pub onchange: Callback<Text>,
    pub lang: Lang,
}

/// A bilingual text: one box per language written in.
#[function_component]
pub fn TextField(p: &TextProps) -> Html {
    let reveal = use_reveal();
    let empty = p.langs.iter().all(|l| p.value.get_exact(*l).trim().is_empty());
    let bad = !p.problems.is_empty() && (reveal || !empty);
    let described = described_by(&p.id, p.help.is_some(), bad);
    html! {
        <div class={classes!("field", bad.then_some("invalid"))}>
            { for p.langs.iter().map(|&l| {
                let id = format!("{}-{}", p.id, l.code());
                let (value, onchange) = (p.value.clone(), p.onchange.clone());
                let oninput = Callback::from(move |e: InputEvent| {
                    let el: web_sys::HtmlInputElement = e.target_unchecked_into();
                    let mut t = value.clone();
                    match l {
                        Lang::Zh => t.zh = el.value(),
                        Lang::En => t.en = el.value(),
                    }
                    onchange.emit(t);
                });
                let label = format!("{} ({})", p.label, lang_name(p.lang, l));
                let value = p.value.get_exact(l).to_owned();
                html! {
                    <>
                        <label for={id.clone()}>{ label }</label>
                        if p.multiline {
                            <textarea id={id.clone()} rows="3" {value} {oninput} lang={l.code()}
                                aria-invalid={bad.to_string()} aria-describedby={described.clone()} data-testid={id} />
                        } else {
                            <input type="text" id={id.clone()} {value} {oninput} lang={l.code()}
                                aria-invalid={bad.to_string()} aria-describedby={described.clone()} data-testid={id} />
                        }
                    </>
                }
            }) }
            if let Some(h) = &p.help {
                <p class="help" id={format!("{}-help", p.id)}>{ h.clone() }</p>
            }
            if bad {
                { problem_list(&p.id, &p.problems) }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct LineProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    pub problems: Vec<String>,
    pub onchange: Callback<String>,
}

/// A one-line input (an id, a number as typed).
#[function_component]
pub fn LineField(p: &LineProps) -> Html {
    let reveal = use_reveal();
    let bad = !p.problems.is_empty() && (reveal || !p.value.trim().is_empty());
    let onchange = p.onchange.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let el: web_sys::HtmlInputElement = e.target_unchecked_into();
        onchange.emit(el.value());
    });
    let described = described_by(&p.id, p.help.is_some(), bad);
    html! {
        <div class={classes!("field", bad.then_some("invalid"))}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <input type="text" id={p.id.clone()} value={p.value.clone()} {oninput} inputmode={p.inputmode.clone()}
                aria-invalid={bad.to_string()} aria-describedby={described}
                data-testid={p.id.clone()} />
            if let Some(h) = &p.help {
                <p class="help" id={format!("{}-help", p.id)}>{ h.clone() }</p>
            }
            if bad {
                { problem_list(&p.id, &p.problems) }
            }
        </div>
    }
}

/// A `<select>`'s change handler: its value goes to `on`.
pub fn select_change(on: Callback<String>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let el: web_sys::HtmlSelectElement = e.target_unchecked_into();
        on.emit(el.value());
    })
}

/// A callback that changes one part of a draft and hands the whole new
/// draft on.
pub fn edit<D: Clone + 'static, T: 'static>(
    draft: &D,
    on: &Callback<D>,
    set: impl Fn(&mut D, T) + 'static,
) -> Callback<T> {
    let (d, on) = (draft.clone(), on.clone());
    Callback::from(move |v: T| {
        let mut d = d.clone();
        set(&mut d, v);
        on.emit(d)
    })
}

#[derive(Properties, PartialEq)]
pub struct LangsProps {
    pub id: AttrValue,
    pub value: Vec<Lang>,
    pub onchange: Callback<Vec<Lang>>,
    pub lang: Lang,
}

/// Which languages the item is written in (at least one stays ticked).
#[function_component]
pub fn LangsField(p: &LangsProps) -> Html {
    html! {
        <fieldset class="choice">
            <legend>{ tr(p.lang, "author.written_in") }</legend>
            { for Lang::ALL.iter().map(|&l| {
                let (value, onchange) = (p.value.clone(), p.onchange.clone());
                let on = value.contains(&l);
                let toggle = Callback::from(move |_: Event| {
                    let mut v: Vec<Lang> = value.iter().copied().filter(|x| *x != l).collect();
                    if !on {
                        v.push(l);
                    }
                    if !v.is_empty() {
                        onchange.emit(Lang::ALL.into_iter().filter(|x| v.contains(x)).collect());
                    }
                });
                html! {
                    <label class="inline">
                        <input type="checkbox" checked={on} onchange={toggle} disabled={on && p.value.len() == 1} data-testid={format!("{}-{}", p.id, l.code())} />
                        { " " }{ lang_name(p.lang, l) }
                    </label>
                }
            }) }
        </fieldset>
    }
}
