//! A self-check (`#/self-check/ID`): the case, the question, a generous
//! answer box, and on submit a local score with feedback on each idea of the
//! rubric, the model answer and "try again"; a structured follow-up where the
//! exercise has one. The draft survives closing the page; attempts and the
//! best score go to progress. Exercises are loaded from `content/selfchecks/`,
//! the learned scorer's model and exemplars from `content/scorer/` once the
//! trainee starts on an answer (not on the first visit: they would weigh on
//! it). An answer sent while they load is scored as soon as they are in;
//! if they cannot load, the rubric scores alone, and the screen says so.

use crate::course::lectures::LEARNED_IDS;
use crate::course::selfcheck::{self, Followup, FollowupKind, SelfCheck};
use crate::scoring::learned::{score_with, Bank, Exemplars, Model};
use crate::scoring::{self, Flag, FollowupScore, Scored};
use crate::support::i18n::{tr, trf, Lang};
use crate::web::fetch::{parse_checked, use_content, use_content_when, Load};
use crate::web::state::{Action, AppCtx};
use std::rc::Rc;
use yew::prelude::*;

/// localStorage key of the draft answer of exercise `id`.
fn draft_key(id: &str) -> String {
    format!("loyalty-lab.draft.{id}")
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn parse_exercise(text: &str) -> Result<SelfCheck, String> {
    parse_checked(selfcheck::parse(text), selfcheck::validate)
}

fn parse_model(text: &str) -> Result<Model, String> {
    Model::parse(text)
}

fn parse_exemplars(text: &str) -> Result<Exemplars, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// The learned scorer for one self-check, once its files are in: the
/// model and the exemplars prepared once (not for every answer).
pub struct Scorer {
    model: Rc<Model>,
    bank: Rc<Bank>,
    /// How many graded answers the model compares with.
    exemplars: usize,
}

impl PartialEq for Scorer {
    fn eq(&self, other: &Scorer) -> bool {
        Rc::ptr_eq(&self.model, &other.model) && Rc::ptr_eq(&self.bank, &other.bank)
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
}

#[function_component]
pub fn SelfCheckPage(p: &Props) -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    let loaded = use_content(format!("selfchecks/{}.json", p.id), parse_exercise);
    // The scorer's files are fetched once the answer box is first used.
    let wanted = use_state(|| false);
    let want = {
        let wanted = wanted.clone();
        Callback::from(move |()| {
            if !*wanted {
                wanted.set(true);
            }
        })
    };
    // A self-check with no graded answers yet (a file newly dropped into
    // content/) is scored by its rubric: there is nothing to fetch.
    let learnable = LEARNED_IDS.contains(&p.id.as_str());
    let fetch = *wanted && learnable;
    let model = use_content_when(fetch.then(|| "scorer/model.json".to_owned()), parse_model);
    let exemplars = use_content_when(fetch.then(|| format!("scorer/{}.json", p.id)), parse_exemplars);
    let ready = match (&model, &exemplars, &loaded) {
        (Load::Ready(m), Load::Ready(e), Load::Ready(sc)) if e.exercise == *p.id => {
            Some((m.clone(), e.clone(), sc.clone()))
        }
        _ => None,
    };
    let bank = {
        let key = ready
            .as_ref()
            .map(|(m, e, sc)| (Rc::as_ptr(m) as usize, Rc::as_ptr(e) as usize, Rc::as_ptr(sc) as usize));
        let ready = ready.clone();
        use_memo(key, move |_| {
            ready.map(|(_, e, sc)| Rc::new(Bank::new(&sc, &e.exemplars)))
        })
    };
    let scorer = match (model, exemplars) {
        _ if !learnable => Load::Failed(tr(lang, "selfcheck.no_exemplars")),
        (Load::Ready(m), Load::Ready(e)) if e.exercise == *p.id => match &*bank {
            Some(bank) => Load::Ready(Rc::new(Scorer {
                model: m,
                bank: bank.clone(),
                exemplars: e.exemplars.len(),
            })),
            None => Load::Loading,
        },
        (Load::Ready(_), Load::Ready(_)) => Load::Failed("scorer file of another self-check".into()),
        (Load::Failed(why), _) | (_, Load::Failed(why)) => Load::Failed(why),
        _ => Load::Loading,
    };
    match loaded {
        Load::Loading => html! { <p aria-busy="true">{ tr(lang, "selfcheck.loading") }</p> },
        Load::Failed(why) => html! {
            <p class="message error" role="alert">{ trf(lang, "selfcheck.load_failed", &[("why", &why)]) }</p>
        },
        Load::Ready(sc) => {
            // With the model when asked and it is in, else the rubric.
            let score = {
                let (sc, scorer) = (sc.clone(), scorer.clone());
                Callback::from(move |(text, learned): (String, bool)| match &scorer {
                    Load::Ready(l) if learned => score_with(&l.model, &l.bank, &sc, &text),
                    _ => scoring::score(&sc, &text),
                })
            };
            html! { <Exercise sc={(*sc).clone()} {scorer} {score} wanted={*wanted} {want} {lang} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ExerciseProps {
    pub sc: SelfCheck,
    pub scorer: Load<Scorer>,
    /// Scores an answer, with the learned model if the flag says so and it
    /// is in (the page decides how: the authoring preview links no model).
    pub score: Callback<(String, bool), Scored>,
    /// Whether the scorer's files have been asked for.
    pub wanted: bool,
    /// Asks for them.
    pub want: Callback<()>,
    /// A trainer's own self-check (`#/author`): scored by its rubric, its
    /// attempts not written to progress.
    #[prop_or_default]
    pub own: bool,
    pub lang: Lang,
}

/// How long an answer waits for the scorer's files before the rubric
/// scores it alone (a stalled connection never leaves it unscored).
const WAIT_MS: u32 = 5_000;

/// One self-check as a trainee answers it.
#[function_component]
pub fn Exercise(p: &ExerciseProps) -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = p.lang;
    let sc = &p.sc;
    let id = sc.id.clone();
    let text = use_state(|| {
        local()
            .and_then(|s| s.get_item(&draft_key(&id)).ok().flatten())
            .unwrap_or_default()
    });
    let result = use_state(|| None::<Scored>);
    // An answer sent while the scorer's files load waits for them.
    let pending = use_state(|| false);
    let record = ctx.progress.exercises.get(&sc.id).filter(|_| !p.own).cloned();
    // A saved draft is likely to be sent soon: fetch the scorer now.
    {
        let (want, draft) = (p.want.clone(), !text.is_empty());
        use_effect_with((), move |_| {
            if draft {
                want.emit(());
            }
        });
    }
    let on_focus = {
        let want = p.want.clone();
        Callback::from(move |_: FocusEvent| want.emit(()))
    };

    let on_input = {
        let (text, id, want) = (text.clone(), id.clone(), p.want.clone());
        Callback::from(move |e: InputEvent| {
            want.emit(());
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            let value = area.value();
            // Keep the draft, so closing the page loses nothing.
            if let Some(s) = local() {
                let _ = s.set_item(&draft_key(&id), &value);
            }
            text.set(value);
        })
    };
    // Scores the answer: with the model when `learned` and it is in.
    let score_now = {
        let (text, result, ctx, sc, score, own) = (
            text.clone(),
            result.clone(),
            ctx.clone(),
            sc.clone(),
            p.score.clone(),
            p.own,
        );
        Callback::from(move |learned: bool| {
            let scored = score.emit(((*text).clone(), learned));
            // Missed = not found (credit below scoring::FOUND_AT): the ideas
            // the feedback marks ✗. They feed the trainer's class view.
            let missed = scored.ideas.iter().filter(|i| !i.found).map(|i| i.id.clone()).collect();
            if !own {
                ctx.dispatch(Action::RecordExercise(sc.id.clone(), scored.score, missed));
            }
            result.set(Some(scored));
        })
    };
    let submit = {
        let (text, pending, score_now, loading, want) = (
            text.clone(),
            pending.clone(),
            score_now.clone(),
            matches!(p.scorer, Load::Loading),
            p.want.clone(),
        );
        Callback::from(move |_: ()| {
            if text.trim().is_empty() || *pending {
                return;
            }
            if loading {
                want.emit(());
                pending.set(true);
            } else {
                score_now.emit(true);
            }
        })
    };
    // The files came in (or failed): score the waiting answer.
    {
        let (pending, score_now) = (pending.clone(), score_now.clone());
        use_effect_with(matches!(p.scorer, Load::Loading), move |loading| {
            if !*loading && *pending {
                pending.set(false);
                score_now.emit(true);
            }
        });
    }
    // They are slow: the rubric scores it alone.
    {
        let (pending, score_now) = (pending.clone(), score_now.clone());
        use_effect_with(*pending, move |waiting| {
            let timer = waiting.then(|| {
                gloo::timers::callback::Timeout::new(WAIT_MS, move || {
                    pending.set(false);
                    score_now.emit(false);
                })
            });
            move || drop(timer)
        });
    }
    let on_submit = {
        let submit = submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            submit.emit(());
        })
    };
    // Ctrl/⌘+Enter submits, but never while an input method is composing
    // (nothing is scored while typing: only on submit).
    let on_keydown = {
        let submit = submit.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) && !e.is_composing() {
                e.prevent_default();
                submit.emit(());
            }
        })
    };
    let again = {
        let result = result.clone();
        Callback::from(move |_| result.set(None))
    };

    html! {
        <article class="selfcheck" data-testid="selfcheck">
            <p class="eyebrow">{ trf(lang, "exercise.label", &[("id", &sc.id)]) }{ " · " }{ trf(lang, "lecture.label", &[("n", &sc.lecture.to_string())]) }</p>
            // Inside the authoring preview the page has its own h1.
            if p.own {
                <h3>{ sc.title.get(lang) }</h3>
            } else {
                <h1>{ sc.title.get(lang) }</h1>
            }
            <section aria-labelledby="case-h">
                <h2 id="case-h">{ tr(lang, "selfcheck.case") }</h2>
                <p class="case-text">{ sc.case.get(lang) }</p>
            </section>
            <form class="answer" onsubmit={on_submit}>
                <label for="answer" class="question"><strong>{ sc.question.get(lang) }</strong></label>
                <textarea id="answer" rows="9" value={(*text).clone()} oninput={on_input} onfocus={on_focus} onkeydown={on_keydown}
                    aria-describedby="answer-help" data-testid="selfcheck-answer" maxlength={scoring::MAX_CHARS.to_string()} />
                <p id="answer-help" class="help">{ tr(lang, "selfcheck.help") }</p>
                if p.own {
                    <p class="help scorer-note" data-testid="selfcheck-scorer" data-scorer="own">{ tr(lang, "selfcheck.scorer_own") }</p>
                } else {
                    { scorer_note(lang, &p.scorer, p.wanted) }
                }
                <div class="toolbar">
                    <button type="submit" class="button primary" disabled={text.trim().is_empty() || *pending}
                        aria-busy={pending.to_string()} data-testid="selfcheck-submit">
                        { tr(lang, if *pending { "selfcheck.scoring" } else { "selfcheck.submit" }) }
                    </button>
                    if let Some(r) = &record {
                        <span data-testid="selfcheck-record">{ trf(lang, "selfcheck.record", &[("n", &r.attempts.to_string()), ("best", &r.best.to_string())]) }</span>
                    }
                </div>
            </form>
            <div aria-live="polite">
                if let Some(r) = &*result {
                    { feedback(lang, sc, r, again) }
                } else if let Some(r) = &record {
                    <p>{ tr(lang, "selfcheck.latest") }{ " " }<strong data-testid="selfcheck-score">{ r.last }</strong>{ " / 100" }</p>
                }
            </div>
            if let Some(f) = &sc.followup {
                <FollowupQuestion f={f.clone()} {lang} />
            }
        </article>
    }
}

/// How the score is made: the rubric with the fitted model (loaded once
/// the answer box is used), or, if the model cannot load, the rubric alone.
fn scorer_note(lang: Lang, scorer: &Load<Scorer>, wanted: bool) -> Html {
    let (state, text) = match scorer {
        Load::Loading if !wanted => ("idle", tr(lang, "selfcheck.scorer_idle")),
        Load::Ready(s) => (
            "learned",
            trf(lang, "selfcheck.scorer_learned", &[("n", &s.exemplars.to_string())]),
        ),
        Load::Loading => ("loading", tr(lang, "selfcheck.scorer_loading")),
        Load::Failed(why) => ("rubric", trf(lang, "selfcheck.scorer_rubric", &[("why", why)])),
    };
    html! { <p class="help scorer-note" data-testid="selfcheck-scorer" data-scorer={state}>{ text }</p> }
}

/// The score, each idea found or missed, and the model answer.
fn feedback(lang: Lang, sc: &SelfCheck, r: &Scored, again: Callback<MouseEvent>) -> Html {
    let flag_text = |f: &Flag| match f {
        Flag::Empty => tr(lang, "selfcheck.flag_empty"),
        Flag::Truncated => tr(lang, "selfcheck.flag_truncated"),
        Flag::Copied => tr(lang, "selfcheck.flag_copied"),
        Flag::KeywordList => tr(lang, "selfcheck.flag_keywords"),
        Flag::Negated(idea) => {
            let label = sc
                .ideas
                .iter()
                .find(|i| &i.id == idea)
                .map(|i| i.label.get(lang).to_owned())
                .unwrap_or_default();
            trf(lang, "selfcheck.flag_negated", &[("idea", &label)])
        }
    };
    html! {
        <section class="feedback" aria-labelledby="feedback-h" data-testid="selfcheck-feedback">
            <h2 id="feedback-h">{ tr(lang, "selfcheck.result") }</h2>
            <p class="score"><span data-testid="selfcheck-score">{ r.score }</span>{ " / 100" }</p>
            if !r.flags.is_empty() {
                <ul class="flags">{ for r.flags.iter().map(|f| html! { <li>{ flag_text(f) }</li> }) }</ul>
            }
            <ul class="ideas-result">
                { for sc.ideas.iter().map(|idea| {
                    let res = r.ideas.iter().find(|x| x.id == idea.id);
                    let found = res.is_some_and(|x| x.found);
                    let partial = res.map_or(0.0, |x| x.credit);
                    html! {
                        <li class={if found { "found" } else { "missed" }} data-testid={format!("idea-{}", idea.id)}>
                            <span class="mark" aria-hidden="true">{ if found { "✓" } else { "✗" } }</span>
                            <span class="sr-only">{ tr(lang, if found { "selfcheck.found" } else { "selfcheck.missed" }) }{ ": " }</span>
                            <strong>{ idea.label.get(lang) }</strong>
                            { format!(" ({}%)", percent(partial)) }
                            if !found {
                                <p class="hint">{ idea.hint.get(lang) }{ " " }<em>{ trf(lang, "selfcheck.read", &[("where", idea.section.get(lang))]) }</em></p>
                            }
                        </li>
                    }
                }) }
            </ul>
            <details class="model-answer">
                <summary>{ tr(lang, "selfcheck.model_answer") }</summary>
                <p>{ sc.model_answer.get(lang) }</p>
            </details>
            <button type="button" class="button" onclick={again} data-testid="selfcheck-again">{ tr(lang, "selfcheck.again") }</button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FollowupProps {
    f: Followup,
    lang: Lang,
}

/// A structured question scored exactly: pick the right options, or put
/// them in order.
#[function_component]
fn FollowupQuestion(p: &FollowupProps) -> Html {
    let lang = p.lang;
    let f = &p.f;
    let n = f.options.len();
    // Pick: the ticked options. Order: the options in the trainee's order.
    let given = use_state(|| match f.kind {
        FollowupKind::Pick => Vec::new(),
        FollowupKind::Order => (0..n).rev().collect::<Vec<usize>>(),
    });
    let checked = use_state(|| None::<FollowupScore>);
    let toggle = |i: usize| {
        let (given, checked) = (given.clone(), checked.clone());
        Callback::from(move |_| {
            let mut g = (*given).clone();
            match g.iter().position(|&x| x == i) {
                Some(at) => {
                    g.remove(at);
                }
                None => g.push(i),
            }
            checked.set(None);
            given.set(g);
        })
    };
    let swap = |at: usize, up: bool| {
        let (given, checked) = (given.clone(), checked.clone());
        Callback::from(move |_| {
            let mut g = (*given).clone();
            let other = if up {
                at.checked_sub(1)
            } else {
                Some(at + 1).filter(|o| *o < g.len())
            };
            if let Some(o) = other {
                g.swap(at, o);
            }
            checked.set(None);
            given.set(g);
        })
    };
    let check = {
        let (given, checked, f) = (given.clone(), checked.clone(), f.clone());
        Callback::from(move |_| checked.set(Some(scoring::score_followup(&f, &given))))
    };
    html! {
        <section class="followup" aria-labelledby="followup-h" data-testid="followup">
            <h2 id="followup-h">{ tr(lang, "selfcheck.followup") }</h2>
            <p>{ f.prompt.get(lang) }</p>
            { match f.kind {
                FollowupKind::Pick => html! {
                    <fieldset class="choice column">
                        <legend class="sr-only">{ f.prompt.get(lang) }</legend>
                        { for f.options.iter().enumerate().map(|(i, o)| html! {
                            <label class="inline">
                                <input type="checkbox" checked={given.contains(&i)} onchange={toggle(i)} data-testid={format!("followup-option-{i}")} />
                                { " " }{ o.get(lang) }
                            </label>
                        }) }
                    </fieldset>
                },
                FollowupKind::Order => html! {
                    <ol class="order">
                        { for given.iter().enumerate().map(|(at, &i)| html! {
                            <li data-testid={format!("followup-item-{at}")}>
                                <span>{ f.options[i].get(lang) }</span>
                                <button type="button" class="button small" onclick={swap(at, true)} disabled={at == 0}
                                    aria-label={trf(lang, "selfcheck.move_up", &[("item", f.options[i].get(lang))])}>{ "↑" }</button>
                                <button type="button" class="button small" onclick={swap(at, false)} disabled={at + 1 == n}
                                    aria-label={trf(lang, "selfcheck.move_down", &[("item", f.options[i].get(lang))])}>{ "↓" }</button>
                            </li>
                        }) }
                    </ol>
                },
            } }
            <button type="button" class="button primary" onclick={check} data-testid="followup-check">{ tr(lang, "selfcheck.check") }</button>
            <div aria-live="polite">
                if let Some(s) = *checked {
                    <p class={classes!("message", if s.correct { "ok" } else { "error" })} data-testid="followup-result">
                        { trf(lang, if s.correct { "selfcheck.followup_right" } else { "selfcheck.followup_partly" },
                            &[("right", &s.right.to_string()), ("total", &s.total.to_string())]) }
                    </p>
                }
            </div>
        </section>
    }
}

/// A credit of 0–1 as a whole percentage. Integer formatting: float
/// formatting would add about 2 KB gzip to the bundle for this one number.
fn percent(credit: f64) -> u8 {
    (credit.clamp(0.0, 1.0) * 100.0).round() as u8
}
