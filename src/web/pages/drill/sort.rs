//! *Sort into levels* (the ten front-line skills, lecture 6, 图3-1): the
//! levels with what each means, then every item as a radio group of the
//! levels (keyboard: Tab to the group, arrows to choose) and a "Check"
//! button; the verdict appears at once and is saved, so the drill's score is
//! exact: one point per item in its level.

use super::{saved_answer, verdict, KindProps};
use crate::course::drill::Drill;
use crate::support::i18n::{tr, trf};
use std::collections::BTreeMap;
use yew::prelude::*;

#[function_component]
pub(super) fn SortView(p: &KindProps) -> Html {
    let lang = p.lang;
    // Chosen and checked level per item; saved answers count as checked.
    let chosen = use_state(|| {
        let Drill::Sort(d) = &*p.drill else {
            return BTreeMap::new();
        };
        d.items
            .iter()
            .filter_map(|i| Some((i.id.clone(), saved_answer(&p.saved, &i.id)?)))
            .collect::<BTreeMap<String, String>>()
    });
    let checked = use_state(|| (*chosen).clone());
    let Drill::Sort(d) = &*p.drill else { return html! {} };
    let choose = |item: String, level: String| {
        let (chosen, checked) = (chosen.clone(), checked.clone());
        Callback::from(move |_: Event| {
            let mut c = (*chosen).clone();
            c.insert(item.clone(), level.clone());
            chosen.set(c);
            // A new choice is not judged until it is checked.
            let mut k = (*checked).clone();
            if k.get(&item) != Some(&level) {
                k.remove(&item);
                checked.set(k);
            }
        })
    };
    let check = |item: String| {
        let (chosen, checked, drill, on_answer) =
            (chosen.clone(), checked.clone(), p.drill.clone(), p.on_answer.clone());
        Callback::from(move |_: MouseEvent| {
            let Drill::Sort(d) = &*drill else { return };
            let Some(level) = chosen.get(&item).cloned() else {
                return;
            };
            let right = d.judge(&item, &level) == Some(true);
            on_answer.emit((item.clone(), if right { 100 } else { 0 }, level.clone()));
            let mut k = (*checked).clone();
            k.insert(item.clone(), level);
            checked.set(k);
        })
    };
    let tally = d.score(checked.iter().map(|(i, l)| (i.as_str(), l.as_str())));
    html! {
        <>
            <section aria-labelledby="drill-levels-h">
                <h2 id="drill-levels-h">{ tr(lang, "drill.levels") }</h2>
                <dl class="drill-levels">
                    { for d.levels.iter().map(|l| html! {
                        <div><dt>{ l.label.get(lang) }</dt><dd>{ l.about.get(lang) }</dd></div>
                    }) }
                </dl>
            </section>
            <section aria-labelledby="drill-sort-h">
                <h2 id="drill-sort-h">{ tr(lang, "drill.sort_items") }</h2>
                <p class="help" data-testid="drill-tally">
                    { trf(lang, "drill.tally", &[("right", &tally.right.to_string()), ("total", &tally.total.to_string())]) }
                </p>
                <ol class="drill-items">
                    { for d.items.iter().enumerate().map(|(k, item)| {
                        let id = item.id.clone();
                        let mine = chosen.get(&id).cloned();
                        let judged = checked.get(&id).cloned();
                        html! {
                            <li class="drill-item" data-testid={format!("drill-item-{id}")}>
                                <fieldset class="choice">
                                    <legend><strong>{ format!("{}.", k + 1) }</strong>{ " " }{ item.text.get(lang) }</legend>
                                    { for d.levels.iter().map(|l| html! {
                                        <label class="inline">
                                            <input type="radio" name={format!("drill-{id}")} value={l.id.clone()}
                                                checked={mine.as_deref() == Some(l.id.as_str())}
                                                onchange={choose(id.clone(), l.id.clone())}
                                                data-testid={format!("drill-{id}-{}", l.id)} />
                                            { " " }{ l.label.get(lang) }
                                        </label>
                                    }) }
                                </fieldset>
                                <button type="button" class="button" onclick={check(id.clone())} disabled={mine.is_none()}
                                    data-testid={format!("drill-check-{id}")}
                                    aria-label={trf(lang, "drill.check_item", &[("item", item.text.get(lang))])}>
                                    { tr(lang, "drill.check") }
                                </button>
                                <div aria-live="polite">
                                    if let Some(level) = judged {
                                        { verdict(lang, format!("drill-result-{id}"), level == item.level,
                                            d.level(&item.level).map_or("", |l| l.label.get(lang)), item.why.get(lang)) }
                                    }
                                </div>
                            </li>
                        }
                    }) }
                </ol>
            </section>
        </>
    }
}
