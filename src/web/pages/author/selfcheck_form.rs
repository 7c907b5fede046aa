//! The self-check form of `#/author`: id, lecture, the case, question and
//! model answer, and four to six rubric ideas (label, hint, where to read,
//! weight, phrasings one per line), in the languages the trainer writes in.
//! Each field shows the problems the course's validator finds in it.

use super::fields::{about, edit, problem_list, select_change, use_reveal, LangsField, LineField, TextField};
use crate::course::lectures::{course, LECTURES};
use crate::course::own::draft::{langs_or_both, IdeaDraft, SelfCheckDraft};
use crate::course::own::Problem;
use crate::course::selfcheck::IDEAS;
use crate::support::i18n::{tr, trf, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: SelfCheckDraft,
    pub problems: Vec<Problem>,
    pub onchange: Callback<SelfCheckDraft>,
    pub lang: Lang,
}

#[function_component]
pub fn SelfCheckForm(p: &Props) -> Html {
    let lang = p.lang;
    let d = &p.draft;
    let on = &p.onchange;
    let reveal = use_reveal();
    let langs = langs_or_both(&d.langs);
    let text = |key: &'static str,
                field: &'static str,
                multiline: bool,
                get: fn(&mut SelfCheckDraft) -> &mut crate::support::i18n::Text| {
        let value = get(&mut d.clone()).clone();
        html! {
            <TextField id={format!("sc-{}", field.replace(' ', "-"))} label={tr(lang, key)} {value} langs={langs.clone()} {multiline}
                problems={about(&p.problems, field)} onchange={edit(d, on, move |d, t| *get(d) = t)} {lang} />
        }
    };
    let lecture_change = select_change(edit(d, on, |d, v: String| {
        if let Ok(n) = v.parse() {
            d.lecture = n;
        }
    }));
    let add_idea = edit(d, on, |d, _: MouseEvent| {
        d.ideas.push(IdeaDraft {
            weight: "0".into(),
            ..IdeaDraft::default()
        })
    });
    let general: Vec<String> = if reveal { about(&p.problems, "") } else { Vec::new() };
    html! {
        <div class="author-form" data-testid="selfcheck-form">
            <LangsField id="sc-langs" value={d.langs.clone()} onchange={edit(d, on, |d, l| d.langs = l)} {lang} />
            <LineField id="sc-id" label={tr(lang, "author.id")} value={d.id.clone()} help={tr(lang, "author.id_help")}
                problems={about(&p.problems, "id")} onchange={edit(d, on, |d, v| d.id = v)} />
            <div class={classes!("field", (!about(&p.problems, "lecture").is_empty()).then_some("invalid"))}>
                <label for="sc-lecture">{ tr(lang, "author.lecture") }</label>
                <select id="sc-lecture" onchange={lecture_change} data-testid="sc-lecture">
                    { for (1..=LECTURES).map(|n| {
                        let title = course().lecture(n).map(|l| l.title.get(lang).to_owned()).unwrap_or_default();
                        html! {
                            <option value={n.to_string()} selected={d.lecture == n}>
                                { trf(lang, "lecture.label", &[("n", &n.to_string())]) }{ " " }{ title }
                            </option>
                        }
                    }) }
                </select>
                { problem_list("sc-lecture", &about(&p.problems, "lecture")) }
            </div>
            { text("author.sc_title", "title", false, |d| &mut d.title) }
            { text("author.sc_case", "case", true, |d| &mut d.case) }
            { text("author.sc_question", "question", false, |d| &mut d.question) }
            { text("author.sc_model_answer", "model answer", true, |d| &mut d.model_answer) }
            <section class="ideas-edit" aria-labelledby="sc-ideas-h">
                <h3 id="sc-ideas-h">{ tr(lang, "author.ideas") }</h3>
                <p class="help">{ tr(lang, "author.ideas_help") }</p>
                { problem_list("sc-ideas", &general) }
                { for d.ideas.iter().enumerate().map(|(i, idea)| idea_fields(p, &langs, reveal, i, idea)) }
                <button type="button" class="button" onclick={add_idea} disabled={d.ideas.len() >= *IDEAS.end()}
                    data-testid="sc-add-idea">{ tr(lang, "author.add_idea") }</button>
            </section>
        </div>
    }
}

/// One idea's fieldset.
fn idea_fields(p: &Props, langs: &[Lang], reveal: bool, i: usize, idea: &IdeaDraft) -> Html {
    let (lang, d, on) = (p.lang, &p.draft, &p.onchange);
    let key = |what: &str| format!("idea {} {what}", idea.id.trim());
    // Messages about the idea as a whole (id, weight, phrasings), once
    // it has something in it or the trainer asked.
    let started = *idea
        != IdeaDraft {
            weight: idea.weight.clone(),
            ..IdeaDraft::default()
        };
    let whole: Vec<String> = p
        .problems
        .iter()
        .filter(|x| (reveal || started) && x.field == format!("idea {:?}", idea.id.trim()))
        .map(|x| x.message.clone())
        .collect();
    type Get = fn(&mut IdeaDraft) -> &mut crate::support::i18n::Text;
    let text = |label: &str, what: &'static str, multiline: bool, help: Option<String>, get: Get| {
        let value = get(&mut idea.clone()).clone();
        html! {
            <TextField id={format!("sc-idea{i}-{what}")} label={tr(lang, label)} {value} langs={langs.to_vec()} {multiline}
                help={help.map(AttrValue::from)} problems={about(&p.problems, &key(what))}
                onchange={edit(d, on, move |d, t| { if let Some(x) = d.ideas.get_mut(i) { *get(x) = t } })} {lang} />
        }
    };
    let remove = edit(d, on, move |d, _: MouseEvent| {
        if i < d.ideas.len() {
            d.ideas.remove(i);
        }
    });
    html! {
        <fieldset class="idea-edit" data-testid={format!("sc-idea{i}")}>
            <legend>{ trf(lang, "author.idea_n", &[("n", &(i + 1).to_string())]) }</legend>
            { problem_list(&format!("sc-idea{i}"), &whole) }
            <div class="field-row">
                <LineField id={format!("sc-idea{i}-id")} label={tr(lang, "author.idea_id")} value={idea.id.clone()}
                    problems={Vec::<String>::new()} onchange={edit(d, on, move |d, v| { if let Some(x) = d.ideas.get_mut(i) { x.id = v } })} />
                <LineField id={format!("sc-idea{i}-weight")} label={tr(lang, "author.weight")} value={idea.weight.clone()} inputmode="numeric"
                    problems={about(&p.problems, &key("weight"))} onchange={edit(d, on, move |d, v| { if let Some(x) = d.ideas.get_mut(i) { x.weight = v } })} />
            </div>
            { text("author.idea_label", "label", false, None, |x| &mut x.label) }
            { text("author.idea_hint", "hint", false, None, |x| &mut x.hint) }
            { text("author.idea_section", "section", false, None, |x| &mut x.section) }
            { text("author.phrasings", "phrasings", true, Some(tr(lang, "author.phrasings_help")), |x| &mut x.phrasings) }
            <button type="button" class="button small" onclick={remove} disabled={d.ideas.len() <= *IDEAS.start()}
                aria-label={trf(lang, "author.remove_idea", &[("n", &(i + 1).to_string())])}>{ tr(lang, "author.remove") }</button>
        </fieldset>
    }
}
