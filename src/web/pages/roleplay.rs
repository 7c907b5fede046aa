//! A role-play conversation as a trainee plays it: the customer, the
//! replies to pick, the emotion line and the clock, and the debrief at the
//! end. Shared by the emotion-line screen (its replies in the address, its
//! result in progress) and the authoring preview (replies kept on the
//! screen, nothing recorded).

use crate::course::scenario::{self, Scenario};
use crate::models::emotion_line::{self as model, Tag, RATIONAL_PLATFORM};
use crate::models::params::BadParam;
use crate::support::format::trim;
use crate::support::i18n::{tr, trf, Lang};
use crate::web::charts::{LineChart, Series};
use crate::web::state::{Action, AppCtx};
use crate::web::widgets::bad_params_notice;
use std::rc::Rc;
use yew::prelude::*;

/// The interface key naming a reply's tag (`tag.step_feel`,
/// `tag.forbidden_dont_know`, …).
pub fn tag_key(tag: &Tag) -> String {
    format!("tag.{}", tag.key().replace([':', '-'], "_"))
}

/// For a forbidden phrase, the key of what to say instead.
pub fn better_key(tag: &Tag) -> Option<String> {
    match tag {
        Tag::Forbidden(f) => Some(format!("tag.better_{}", f.key().replace('-', "_"))),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct PlayedProps {
    pub scenario: Rc<Scenario>,
    /// The replies picked so far, by index.
    pub choices: Vec<usize>,
    /// Asks for another list of replies (one more, or a replay).
    pub go: Callback<Vec<usize>>,
    /// The id the result is recorded under in progress, if it is (a
    /// trainer's own scenario's result is not).
    pub record: Option<String>,
    pub lang: Lang,
}

/// A loaded conversation: the customer, your replies, the emotion line, the
/// clock, and the debrief at the end. (A component of its own, so its hooks
/// run in the same order on every render, loaded or not.)
#[function_component]
pub fn Played(p: &PlayedProps) -> Html {
    let lang = p.lang;
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let s = p.scenario.clone();
    // Replies that no longer fit the scenario (an edited link) are dropped.
    let (choices, played) = {
        let mut n = p.choices.len();
        loop {
            if let Ok(r) = scenario::play(&s, &p.choices[..n]) {
                break (p.choices[..n].to_vec(), r);
            }
            if n == 0 {
                return html! { <p class="message error" role="alert">{ tr(lang, "emotion.invalid_scenario") }</p> };
            }
            n -= 1;
        }
    };
    // Say so when replies were dropped (nothing is ignored silently).
    let dropped = if choices.len() < p.choices.len() {
        let given: Vec<String> = p.choices.iter().map(usize::to_string).collect();
        vec![BadParam {
            name: "choices".into(),
            value: given.join("."),
        }]
    } else {
        Vec::new()
    };
    let (session, turns) = played;
    let node_id = turns.last().map_or(Some(s.start.clone()), |t| t.next.clone());
    let finished = node_id.is_none() || session.lost();
    let outcome = model::outcome(&session);
    let score = outcome.emotion.round().clamp(0.0, 100.0) as u8;
    // Record the result once, when the conversation ends.
    {
        let ctx = ctx.clone();
        use_effect_with(
            (finished, choices.clone(), p.record.clone()),
            move |(finished, _, id)| {
                if let Some(id) = id.as_ref().filter(|_| *finished) {
                    ctx.dispatch(Action::RecordRoleplay(id.clone(), score));
                }
            },
        );
    }
    let answer = |i: usize| {
        let (go, choices) = (p.go.clone(), choices.clone());
        Callback::from(move |_| {
            let mut c = choices.clone();
            c.push(i);
            go.emit(c)
        })
    };
    let replay = |c: Vec<usize>| {
        let go = p.go.clone();
        Callback::from(move |_| go.emit(c.clone()))
    };
    let mut emotions = vec![session.start()];
    emotions.extend(turns.iter().map(|t| t.emotion_after));
    html! {
        <div class="conversation" data-testid="conversation">
            { bad_params_notice(lang, "roleplay-notice", &dropped) }
            <h3>{ s.title.get(lang) }</h3>
            <p class="setting">{ s.setting.get(lang) }</p>
            <p class="persona"><strong>{ tr(lang, "emotion.customer") }</strong>{ " " }{ s.customer.get(lang) }</p>
            <div class="roleplay-layout">
                <ol class="transcript" aria-label={tr(lang, "emotion.transcript")}>
                    { for turns.iter().map(|t| {
                        let node = &s.nodes[&t.node];
                        let reply = &node.replies[t.reply];
                        html! {
                            <>
                                <li class="says customer">{ node.customer.get(lang) }</li>
                                <li class="says you">{ reply.text.get(lang) }</li>
                            </>
                        }
                    }) }
                    if let Some(id) = node_id.as_ref().filter(|_| !finished) {
                        <li class="says customer current" data-testid="customer-line">{ s.nodes[id].customer.get(lang) }</li>
                    }
                </ol>
                <div class="meter">
                    <dl class="stats">
                        <div><dt>{ tr(lang, "emotion.now") }</dt><dd data-testid="roleplay-emotion">{ trim(session.emotion(), 0) }</dd></div>
                        <div><dt>{ tr(lang, "emotion.clock") }</dt><dd data-testid="roleplay-clock">{ trf(lang, "emotion.minutes", &[("n", &session.elapsed().to_string())]) }</dd></div>
                    </dl>
                    <LineChart id="roleplay-chart" title={tr(lang, "emotion.roleplay_chart")}
                        desc={trf(lang, "emotion.roleplay_desc", &[("start", &trim(session.start(), 0)), ("now", &trim(session.emotion(), 0))])}
                        series={vec![Series { label: tr(lang, "emotion.customer_emotion"), values: emotions, slot: 0, dashed: false }]}
                        y_range={(0.0, 100.0)} band={Some((0.0, RATIONAL_PLATFORM, tr(lang, "emotion.below_platform")))}
                        x_axis={(tr(lang, "emotion.turn_start"), tr(lang, "emotion.turn_now"))} x_heading={tr(lang, "emotion.turn")}
                        table_every={1} table_summary={tr(lang, "chart.as_table")} />
                </div>
            </div>
            if !finished {
                if let Some(id) = &node_id {
                    <fieldset class="replies">
                        <legend>{ tr(lang, "emotion.your_reply") }</legend>
                        { for s.nodes[id].replies.iter().enumerate().map(|(i, r)| html! {
                            <button type="button" class="button reply" onclick={answer(i)} data-testid={format!("reply-{i}")}>
                                { r.text.get(lang) }
                            </button>
                        }) }
                    </fieldset>
                }
            } else {
                { debrief(lang, &s, &turns, &outcome, session.start()) }
            }
            <div class="toolbar">
                <button type="button" class="button" onclick={replay(Vec::new())} data-testid="roleplay-restart">{ tr(lang, "emotion.restart") }</button>
                <button type="button" class="button" onclick={replay(scenario::best_path(&s))} data-testid="roleplay-best">{ tr(lang, "emotion.show_best") }</button>
                <button type="button" class="button" onclick={replay(scenario::worst_path(&s))} data-testid="roleplay-worst">{ tr(lang, "emotion.show_worst") }</button>
            </div>
        </div>
    }
}

/// What each reply was (a step or a mistake) and how it ended.
fn debrief(lang: Lang, s: &Scenario, turns: &[scenario::Turn], o: &model::Outcome, start: f64) -> Html {
    let delta = o.emotion - start;
    html! {
        <section class="debrief" aria-labelledby="debrief-h" data-testid="debrief">
            <h3 id="debrief-h">{ tr(lang, "emotion.debrief") }</h3>
            <dl class="stats">
                <div><dt>{ tr(lang, "emotion.final_emotion") }</dt><dd data-testid="roleplay-final">{ trim(o.emotion, 0) }</dd></div>
                <div><dt>{ tr(lang, "emotion.vs_start") }</dt><dd>{ if delta >= 0.0 { format!("+{}", trim(delta, 0)) } else { trim(delta, 0) } }</dd></div>
                <div><dt>{ tr(lang, "emotion.repurchase") }</dt><dd data-testid="roleplay-repurchase">{ format!("{}%", trim(o.repurchase * 100.0, 0)) }</dd></div>
                <div><dt>{ tr(lang, "emotion.word_of_mouth") }</dt><dd data-testid="roleplay-wom">{ trf(lang, if o.happy { "emotion.tells_good" } else { "emotion.tells_bad" }, &[("n", &o.word_of_mouth.to_string())]) }</dd></div>
            </dl>
            <table class="status-table">
                <thead><tr>
                    <th scope="col">{ tr(lang, "emotion.col_reply") }</th>
                    <th scope="col">{ tr(lang, "emotion.col_was") }</th>
                    <th scope="col">{ tr(lang, "emotion.col_why") }</th>
                </tr></thead>
                <tbody>
                    { for turns.iter().map(|t| {
                        let r = &s.nodes[&t.node].replies[t.reply];
                        let mistake = r.tags.iter().any(Tag::is_mistake);
                        let labels: Vec<String> = r.tags.iter().map(|tag| tr(lang, &tag_key(tag))).collect();
                        let better: Vec<String> = r.tags.iter().filter_map(better_key).map(|k| tr(lang, &k)).collect();
                        html! {
                            <tr class={classes!(mistake.then_some("mistake"))}>
                                <td>{ r.text.get(lang) }</td>
                                <td>{ labels.join(" · ") }</td>
                                <td>
                                    { r.note.get(lang) }
                                    { for better.iter().map(|b| html! {
                                        <span class="better">{ " " }{ tr(lang, "emotion.say_instead") }{ " " }{ b }</span>
                                    }) }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}
