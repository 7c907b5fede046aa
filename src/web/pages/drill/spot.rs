//! *Spot the mistake* (lecture 8's ten improper ways of handling
//! complaints): each short exchange, who says what, then a native select of
//! the mistakes and a "Check" button; the verdict (and why, and what to do
//! instead) appears at once and is saved. One point per exchange whose
//! mistake is named.

use super::{saved_answer, verdict, KindProps};
use crate::course::drill::spot::Who;
use crate::course::drill::Drill;
use crate::support::i18n::{tr, trf};
use std::collections::BTreeMap;
use yew::prelude::*;

#[function_component]
pub(super) fn SpotView(p: &KindProps) -> Html {
    let lang = p.lang;
    let chosen = use_state(|| {
        let Drill::Spot(d) = &*p.drill else {
            return BTreeMap::new();
        };
        d.items
            .iter()
            .filter_map(|i| Some((i.id.clone(), saved_answer(&p.saved, &i.id)?)))
            .collect::<BTreeMap<String, String>>()
    });
    let checked = use_state(|| (*chosen).clone());
    let Drill::Spot(d) = &*p.drill else { return html! {} };
    let choose = |item: String| {
        let (chosen, checked) = (chosen.clone(), checked.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            let mut c = (*chosen).clone();
            if value.is_empty() {
                c.remove(&item);
            } else {
                c.insert(item.clone(), value.clone());
            }
            chosen.set(c);
            let mut k = (*checked).clone();
            if k.get(&item) != Some(&value) {
                k.remove(&item);
                checked.set(k);
            }
        })
    };
    let check = |item: String| {
        let (chosen, checked, drill, on_answer) =
            (chosen.clone(), checked.clone(), p.drill.clone(), p.on_answer.clone());
        Callback::from(move |_: MouseEvent| {
            let Drill::Spot(d) = &*drill else { return };
            let Some(option) = chosen.get(&item).cloned() else {
                return;
            };
            let right = d.judge(&item, &option) == Some(true);
            on_answer.emit((item.clone(), if right { 100 } else { 0 }, option.clone()));
            let mut k = (*checked).clone();
            k.insert(item.clone(), option);
            checked.set(k);
        })
    };
    let tally = d.score(checked.iter().map(|(i, o)| (i.as_str(), o.as_str())));
    html! {
        <section aria-labelledby="drill-spot-h">
            <h2 id="drill-spot-h">{ tr(lang, "drill.exchanges") }</h2>
            <p class="help" data-testid="drill-tally">
                { trf(lang, "drill.tally", &[("right", &tally.right.to_string()), ("total", &tally.total.to_string())]) }
            </p>
            <ol class="drill-items">
                { for d.items.iter().enumerate().map(|(k, item)| {
                    let id = item.id.clone();
                    let mine = chosen.get(&id).cloned().unwrap_or_default();
                    let judged = checked.get(&id).cloned();
                    let select_id = format!("drill-choice-{id}");
                    html! {
                        <li class="drill-item" data-testid={format!("drill-item-{id}")}>
                            <h3>{ trf(lang, "drill.exchange", &[("n", &(k + 1).to_string())]) }</h3>
                            <ul class="drill-exchange">
                                { for item.exchange.iter().map(|line| {
                                    let (class, who) = match line.who {
                                        Who::Customer => ("customer", tr(lang, "drill.customer")),
                                        Who::Staff => ("staff", tr(lang, "drill.staff")),
                                    };
                                    html! {
                                        <li class={class}>
                                            <strong>{ trf(lang, "drill.speaker", &[("who", &who)]) }</strong>{ " " }{ line.text.get(lang) }
                                        </li>
                                    }
                                }) }
                            </ul>
                            <div class="toolbar">
                                <label for={select_id.clone()}>{ tr(lang, "drill.the_mistake") }</label>
                                <select id={select_id} onchange={choose(id.clone())} data-testid={format!("drill-choice-{id}")}>
                                    <option value="" selected={mine.is_empty()}>{ tr(lang, "drill.choose") }</option>
                                    { for d.options.iter().map(|o| html! {
                                        <option value={o.id.clone()} selected={mine == o.id}>{ o.label.get(lang) }</option>
                                    }) }
                                </select>
                                <button type="button" class="button" onclick={check(id.clone())} disabled={mine.is_empty()}
                                    data-testid={format!("drill-check-{id}")}
                                    aria-label={trf(lang, "drill.check_item", &[("item", &trf(lang, "drill.exchange", &[("n", &(k + 1).to_string())]))])}>
                                    { tr(lang, "drill.check") }
                                </button>
                            </div>
                            <div aria-live="polite">
                                if let Some(option) = judged {
                                    { verdict(lang, format!("drill-result-{id}"), option == item.answer,
                                        d.option(&item.answer).map_or("", |o| o.label.get(lang)), item.why.get(lang)) }
                                }
                            </div>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
