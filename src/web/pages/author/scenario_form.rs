//! The role-play form of `#/author`: the scenario's id, title, setting,
//! customer and severity, then its conversation node by node: what the
//! customer says, and three or four replies, each with what it does (its
//! tags: a recovery step, a mistake, a near miss), how long it takes,
//! where the conversation goes next and the debrief note. Each field shows
//! the problems the course's validator finds in it.

use super::fields::{about, edit, problem_list, select_change, use_reveal, LangsField, LineField, TextField};
use crate::course::own::draft::{langs_or_both, NodeDraft, ReplyDraft, ScenarioDraft};
use crate::course::own::Problem;
use crate::course::scenario::{MAX_REPLIES, MIN_REPLIES};
use crate::models::emotion_line::Tag;
use crate::support::i18n::{tr, trf, Lang, Text};
use crate::web::pages::roleplay::tag_key;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub draft: ScenarioDraft,
    pub problems: Vec<Problem>,
    pub onchange: Callback<ScenarioDraft>,
    pub lang: Lang,
}

#[function_component]
pub fn ScenarioForm(p: &Props) -> Html {
    let lang = p.lang;
    let d = &p.draft;
    let on = &p.onchange;
    let reveal = use_reveal();
    let langs = langs_or_both(&d.langs);
    let text = |key: &'static str, field: &'static str, multiline: bool, get: fn(&mut ScenarioDraft) -> &mut Text| {
        let value = get(&mut d.clone()).clone();
        html! {
            <TextField id={format!("sn-{field}")} label={tr(lang, key)} {value} langs={langs.clone()} {multiline}
                problems={about(&p.problems, field)} onchange={edit(d, on, move |d, t| *get(d) = t)} {lang} />
        }
    };
    let add_node = edit(d, on, |d, _: MouseEvent| {
        let n = (1..)
            .map(|i| format!("node-{i}"))
            .find(|id| !d.nodes.iter().any(|x| &x.id == id))
            .unwrap_or_default();
        d.nodes.push(NodeDraft::new(&n));
    });
    html! {
        <div class="author-form" data-testid="scenario-form">
            <LangsField id="sn-langs" value={d.langs.clone()} onchange={edit(d, on, |d, l| d.langs = l)} {lang} />
            <LineField id="sn-id" label={tr(lang, "author.id")} value={d.id.clone()} help={tr(lang, "author.id_help")}
                problems={about(&p.problems, "id")} onchange={edit(d, on, |d, v| d.id = v)} />
            { text("author.sn_title", "title", false, |d| &mut d.title) }
            { text("author.sn_setting", "setting", true, |d| &mut d.setting) }
            { text("author.sn_customer", "customer", true, |d| &mut d.customer) }
            <LineField id="sn-severity" label={tr(lang, "author.severity")} value={d.severity.clone()} inputmode="decimal"
                help={tr(lang, "author.severity_help")} problems={about(&p.problems, "severity")} onchange={edit(d, on, |d, v| d.severity = v)} />
            <div class="field">
                <label for="sn-start">{ tr(lang, "author.start") }</label>
                <select id="sn-start" onchange={select_change(edit(d, on, |d, v| d.start = v))} data-testid="sn-start">
                    { for d.nodes.iter().map(|n| html! { <option value={n.id.clone()} selected={n.id == d.start}>{ n.id.clone() }</option> }) }
                </select>
            </div>
            <section class="nodes-edit" aria-labelledby="sn-nodes-h">
                <h3 id="sn-nodes-h">{ tr(lang, "author.nodes") }</h3>
                <p class="help">{ tr(lang, "author.nodes_help") }</p>
                { for d.nodes.iter().enumerate().map(|(i, n)| node_fields(p, &langs, reveal, i, n)) }
                <button type="button" class="button" onclick={add_node} data-testid="sn-add-node">{ tr(lang, "author.add_node") }</button>
            </section>
        </div>
    }
}

/// One node's fieldset: the customer's line and the replies.
fn node_fields(p: &Props, langs: &[Lang], reveal: bool, i: usize, n: &NodeDraft) -> Html {
    let (lang, d, on) = (p.lang, &p.draft, &p.onchange);
    let id = n.id.trim().to_owned();
    let remove = edit(d, on, move |d, _: MouseEvent| {
        if i > 0 && i < d.nodes.len() {
            d.nodes.remove(i);
        }
    });
    let add_reply = edit(d, on, move |d, _: MouseEvent| {
        if let Some(n) = d.nodes.get_mut(i) {
            n.replies.push(ReplyDraft::new());
        }
    });
    html! {
        <fieldset class="node-edit" data-testid={format!("sn-node{i}")}>
            <legend>{ trf(lang, "author.node_n", &[("n", &(i + 1).to_string()), ("id", &id)]) }</legend>
            if reveal {
                { problem_list(&format!("sn-node{i}"), &about(&p.problems, &format!("node {id}"))) }
            }
            <LineField id={format!("sn-node{i}-id")} label={tr(lang, "author.node_id")} value={n.id.clone()} problems={Vec::<String>::new()}
                onchange={edit(d, on, move |d, v: String| rename(d, i, v))} />
            <TextField id={format!("sn-node{i}-customer")} label={tr(lang, "author.node_customer")} value={n.customer.clone()}
                langs={langs.to_vec()} multiline=true problems={about(&p.problems, &format!("node {id}: customer"))}
                onchange={edit(d, on, move |d, t| { if let Some(n) = d.nodes.get_mut(i) { n.customer = t } })} {lang} />
            { for n.replies.iter().enumerate().map(|(j, r)| reply_fields(p, langs, reveal, i, &id, j, r)) }
            <div class="toolbar">
                <button type="button" class="button small" onclick={add_reply} disabled={n.replies.len() >= MAX_REPLIES}
                    data-testid={format!("sn-node{i}-add-reply")}>{ tr(lang, "author.add_reply") }</button>
                if i > 0 {
                    <button type="button" class="button small" onclick={remove}
                        aria-label={trf(lang, "author.remove_node", &[("id", &id)])}>{ tr(lang, "author.remove") }</button>
                }
            </div>
        </fieldset>
    }
}

/// Renames node `i`, and the start and every reply that led to it.
fn rename(d: &mut ScenarioDraft, i: usize, to: String) {
    let Some(old) = d.nodes.get(i).map(|n| n.id.clone()) else {
        return;
    };
    if d.start == old {
        d.start = to.clone();
    }
    for r in d.nodes.iter_mut().flat_map(|n| n.replies.iter_mut()) {
        if r.next == old && !old.is_empty() {
            r.next = to.clone();
        }
    }
    d.nodes[i].id = to;
}

/// One reply: its words, tags, minutes, next node and note.
fn reply_fields(p: &Props, langs: &[Lang], reveal: bool, i: usize, node: &str, j: usize, r: &ReplyDraft) -> Html {
    let (lang, d, on) = (p.lang, &p.draft, &p.onchange);
    let at = format!("node {node} reply {j}");
    let stem = format!("sn-node{i}-reply{j}");
    type Get = fn(&mut ReplyDraft) -> &mut Text;
    let text = |label: &str, what: &'static str, get: Get| {
        let value = get(&mut r.clone()).clone();
        html! {
            <TextField id={format!("{stem}-{what}")} label={tr(lang, label)} {value} langs={langs.to_vec()}
                problems={about(&p.problems, &format!("{at}: {what}"))}
                onchange={edit(d, on, move |d, t| { if let Some(x) = d.nodes.get_mut(i).and_then(|n| n.replies.get_mut(j)) { *get(x) = t } })} {lang} />
        }
    };
    let set = move |f: fn(&mut ReplyDraft, String)| {
        edit(d, on, move |d, v: String| {
            if let Some(x) = d.nodes.get_mut(i).and_then(|n| n.replies.get_mut(j)) {
                f(x, v)
            }
        })
    };
    let toggle = |key: String| {
        edit(d, on, move |d, _: Event| {
            if let Some(x) = d.nodes.get_mut(i).and_then(|n| n.replies.get_mut(j)) {
                match x.tags.iter().position(|t| *t == key) {
                    Some(at) => {
                        x.tags.remove(at);
                    }
                    None => x.tags.push(key.clone()),
                }
            }
        })
    };
    let remove = edit(d, on, move |d, _: MouseEvent| {
        if let Some(n) = d.nodes.get_mut(i) {
            if j < n.replies.len() {
                n.replies.remove(j);
            }
        }
    });
    let groups: [(&str, Vec<Tag>); 3] = [
        (
            "author.tags_steps",
            Tag::all()
                .into_iter()
                .filter(|t| matches!(t, Tag::Step(_) | Tag::NearMiss))
                .collect(),
        ),
        (
            "author.tags_improper",
            Tag::all()
                .into_iter()
                .filter(|t| matches!(t, Tag::Improper(_)))
                .collect(),
        ),
        (
            "author.tags_forbidden",
            Tag::all()
                .into_iter()
                .filter(|t| matches!(t, Tag::Forbidden(_)))
                .collect(),
        ),
    ];
    html! {
        <fieldset class="reply-edit" data-testid={stem.clone()}>
            <legend>{ trf(lang, "author.reply_n", &[("n", &(j + 1).to_string())]) }</legend>
            if reveal || *r != ReplyDraft::new() {
                { problem_list(&stem, &about(&p.problems, &at)) }
            }
            { text("author.reply_text", "text", |x| &mut x.text) }
            <details class="tags-edit">
                <summary>{ trf(lang, "author.tags", &[("n", &r.tags.len().to_string())]) }</summary>
                { for groups.iter().map(|(title, tags)| html! {
                    <fieldset class="choice column">
                        <legend>{ tr(lang, title) }</legend>
                        { for tags.iter().map(|t| {
                            let key = t.key();
                            html! {
                                <label class="inline">
                                    <input type="checkbox" checked={r.tags.contains(&key)} onchange={toggle(key.clone())}
                                        data-testid={format!("{stem}-tag-{key}")} />
                                    { " " }{ tr(lang, &tag_key(t)) }
                                </label>
                            }
                        }) }
                    </fieldset>
                }) }
            </details>
            <div class="field-row">
                <LineField id={format!("{stem}-minutes")} label={tr(lang, "author.minutes")} value={r.minutes.clone()} inputmode="numeric"
                    problems={Vec::<String>::new()} onchange={set(|x, v| x.minutes = v)} />
                <div class="field">
                    <label for={format!("{stem}-next")}>{ tr(lang, "author.next") }</label>
                    <select id={format!("{stem}-next")} onchange={select_change(set(|x, v| x.next = v))} data-testid={format!("{stem}-next")}>
                        <option value="" selected={r.next.is_empty()}>{ tr(lang, "author.next_end") }</option>
                        { for d.nodes.iter().map(|n| html! { <option value={n.id.clone()} selected={n.id == r.next}>{ n.id.clone() }</option> }) }
                    </select>
                </div>
            </div>
            { text("author.reply_note", "note", |x| &mut x.note) }
            <button type="button" class="button small" onclick={remove} disabled={d.nodes[i].replies.len() <= MIN_REPLIES}
                aria-label={trf(lang, "author.remove_reply", &[("n", &(j + 1).to_string())])}>{ tr(lang, "author.remove") }</button>
        </fieldset>
    }
}
