//! *Say it positively*: one sentence at a time (the first not yet answered
//! comes first), a box for the rewrite, and on "Check" the three checks of
//! [`crate::scoring::rewrite`] with the trainee's own words quoted back, the
//! score, what was wrong with the original and a model rewrite. The latest
//! rewrite of every item is saved, and shown judged again on return.

use super::{Answered, KindProps};
use crate::course::drill::rewrite::Item;
use crate::course::drill::Drill;
use crate::scoring::rewrite::{score, Check, Flag, Rewritten, MAX_CHARS};
use crate::support::i18n::{tr, trf, Lang};
use std::rc::Rc;
use yew::prelude::*;

#[function_component]
pub(super) fn RewriteView(p: &KindProps) -> Html {
    let lang = p.lang;
    let Drill::Rewrite(d) = &*p.drill else { return html! {} };
    let n = d.items.len();
    let first_open = d
        .items
        .iter()
        .position(|i| !p.saved.items.contains_key(&i.id))
        .unwrap_or(0);
    let at = use_state(|| first_open);
    let k = (*at).min(n.saturating_sub(1));
    let Some(item) = d.items.get(k) else { return html! {} };
    let go = |to: usize| {
        let at = at.clone();
        Callback::from(move |_: MouseEvent| at.set(to))
    };
    let jump = {
        let at = at.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(to) = select.value().parse::<usize>() {
                at.set(to.min(n.saturating_sub(1)));
            }
        })
    };
    let drill = p.drill.clone();
    let saved = p.saved.items.get(&item.id).map(|s| s.answer.clone());
    html! {
        <section class="drill-rewrite" aria-labelledby="drill-item-h">
            <div class="toolbar drill-nav">
                <button type="button" class="button" onclick={go(k.saturating_sub(1))} disabled={k == 0}
                    data-testid="drill-prev">{ "← " }{ tr(lang, "drill.prev") }</button>
                <label class="inline">
                    <span class="toolbar-label">{ tr(lang, "drill.jump") }</span>{ " " }
                    <select onchange={jump} data-testid="drill-jump">
                        { for d.items.iter().enumerate().map(|(i, it)| {
                            let done = p.saved.items.get(&it.id).map(|s| s.last);
                            let mark = match done {
                                Some(100) => " ✓",
                                Some(_) => " …",
                                None => "",
                            };
                            html! {
                                <option value={i.to_string()} selected={i == k}>
                                    { format!("{}. {}{}", i + 1, it.prompt.get(lang), mark) }
                                </option>
                            }
                        }) }
                    </select>
                </label>
                <button type="button" class="button" onclick={go((k + 1).min(n - 1))} disabled={k + 1 >= n}
                    data-testid="drill-next">{ tr(lang, "drill.next") }{ " →" }</button>
            </div>
            <RewriteItem key={item.id.clone()} {drill} index={k} {lang} {saved} on_answer={p.on_answer.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    /// A rewrite drill.
    drill: Rc<Drill>,
    index: usize,
    lang: Lang,
    saved: Option<String>,
    on_answer: Callback<Answered>,
}

#[function_component]
fn RewriteItem(p: &ItemProps) -> Html {
    let lang = p.lang;
    let text = use_state(|| p.saved.clone().unwrap_or_default());
    // A saved rewrite is shown judged again (the scorer is deterministic).
    // (Hooks first, so they run in the same order on every render.)
    let result = use_state(|| match (&*p.drill, p.saved.as_deref()) {
        (Drill::Rewrite(d), Some(a)) => d.items.get(p.index).map(|item| score(d, item, a)),
        _ => None,
    });
    let Drill::Rewrite(d) = &*p.drill else { return html! {} };
    let Some(item) = d.items.get(p.index) else {
        return html! {};
    };
    let check = {
        let (text, result, drill, index, on_answer) = (
            text.clone(),
            result.clone(),
            p.drill.clone(),
            p.index,
            p.on_answer.clone(),
        );
        Callback::from(move |_: ()| {
            let Drill::Rewrite(d) = &*drill else { return };
            let Some(item) = d.items.get(index) else { return };
            let r = score(d, item, &text);
            on_answer.emit((item.id.clone(), r.score, (*text).clone()));
            result.set(Some(r));
        })
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(area.value());
        })
    };
    let on_submit = {
        let check = check.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            check.emit(());
        })
    };
    let on_keydown = {
        let check = check.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) && !e.is_composing() {
                e.prevent_default();
                check.emit(());
            }
        })
    };
    let n = d.items.len().to_string();
    html! {
        <div class="drill-item" data-testid={format!("drill-item-{}", item.id)}>
            <h2 id="drill-item-h">{ trf(lang, "drill.item_of", &[("n", &(p.index + 1).to_string()), ("total", &n)]) }</h2>
            <p class="help">{ item.context.get(lang) }</p>
            <blockquote class="drill-prompt" data-testid="drill-prompt">
                <span class="sr-only">{ tr(lang, "drill.prompt") }{ ": " }</span>{ item.prompt.get(lang) }
            </blockquote>
            <form class="answer" onsubmit={on_submit}>
                <label for="drill-answer"><strong>{ tr(lang, "drill.your_rewrite") }</strong></label>
                <textarea id="drill-answer" rows="3" value={(*text).clone()} oninput={on_input} onkeydown={on_keydown}
                    aria-describedby="drill-answer-help" data-testid="drill-answer" maxlength={MAX_CHARS.to_string()} />
                <p id="drill-answer-help" class="help">{ tr(lang, "drill.rewrite_help") }</p>
                <div class="toolbar">
                    <button type="submit" class="button primary" disabled={text.trim().is_empty()} data-testid="drill-check">
                        { tr(lang, "drill.check") }
                    </button>
                </div>
            </form>
            <div aria-live="polite">
                if let Some(r) = &*result {
                    { feedback(lang, item, r) }
                }
            </div>
        </div>
    }
}

/// The score, each check passed or not (with the words that decided it),
/// what was wrong with the original, and a model rewrite.
fn feedback(lang: Lang, item: &Item, r: &Rewritten) -> Html {
    let flag = r.flag.map(|f| match f {
        Flag::Empty => tr(lang, "drill.flag_empty"),
        Flag::TooShort => tr(lang, "drill.flag_short"),
        Flag::Copied => tr(lang, "drill.flag_copied"),
    });
    html! {
        <section class="feedback" aria-labelledby="drill-feedback-h" data-testid="drill-feedback">
            <h3 id="drill-feedback-h">{ tr(lang, "drill.result") }</h3>
            <p class="score"><span data-testid="drill-item-score">{ r.score }</span>{ " / 100" }</p>
            if let Some(f) = flag {
                <p class="message error" data-testid="drill-flag">{ f }</p>
            }
            if r.truncated {
                <p class="message error">{ tr(lang, "drill.flag_truncated") }</p>
            }
            <ul class="ideas-result">{ for r.checks.iter().map(|c| check_row(lang, c)) }</ul>
            <p><strong>{ tr(lang, "drill.why") }</strong>{ " " }{ item.why.get(lang) }</p>
            <details class="model-answer" data-testid="drill-model">
                <summary>{ tr(lang, "drill.model") }</summary>
                <p>{ item.model.get(lang) }</p>
            </details>
        </section>
    }
}

fn check_row(lang: Lang, c: &Check) -> Html {
    let label = match c.id {
        "dropped" => tr(lang, "drill.check_dropped"),
        "meaning" => tr(lang, "drill.check_meaning"),
        _ => tr(lang, "drill.check_offer"),
    };
    let quote = c.evidence.clone().unwrap_or_default();
    let q = [("quote", quote.as_str())];
    let note = match (c.id, c.passed, c.negated) {
        ("dropped", true, _) => tr(lang, "drill.dropped_yes"),
        ("dropped", false, _) => trf(lang, "drill.dropped_no", &q),
        ("meaning", true, _) => trf(lang, "drill.meaning_yes", &q),
        ("meaning", false, _) => tr(lang, "drill.meaning_no"),
        (_, true, _) => trf(lang, "drill.offer_yes", &q),
        (_, false, true) => trf(lang, "drill.offer_negated", &q),
        (_, false, false) => tr(lang, "drill.offer_no"),
    };
    html! {
        <li class={if c.passed { "found" } else { "missed" }} data-testid={format!("drill-check-{}", c.id)}
            data-passed={c.passed.to_string()}>
            <span class="mark" aria-hidden="true">{ if c.passed { "✓" } else { "✗" } }</span>
            <span class="sr-only">{ tr(lang, if c.passed { "drill.passed" } else { "drill.failed" }) }{ ": " }</span>
            <strong>{ label }</strong>
            <p class="hint">{ note }</p>
        </li>
    }
}
