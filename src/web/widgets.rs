//! Small pieces several screens share.

use crate::course::lectures::{drill_title, Lecture};
use crate::models::params::BadParam;
use crate::progress::record::Status;
use crate::support::i18n::{tr, trf, Lang};
use yew::prelude::*;

/// "第 3 讲" / "Lecture 3".
pub fn lecture_label(lang: Lang, n: u8) -> String {
    trf(lang, "lecture.label", &[("n", &n.to_string())])
}

/// A lecture's status as a small labelled badge.
pub fn status_badge(lang: Lang, status: Status) -> Html {
    let (class, key) = match status {
        Status::NotStarted => ("badge todo", "status.not_started"),
        Status::Visited => ("badge seen", "status.visited"),
        Status::Done => ("badge done", "status.done"),
    };
    html! { <span class={class} data-testid="lecture-status">{ tr(lang, key) }</span> }
}

/// Links to the lecture's models and self-checks that exist in this build
/// (nothing unbuilt is advertised).
pub fn activity_links(lang: Lang, lecture: &Lecture) -> Html {
    let models = lecture
        .built_models()
        .map(|m| (format!("#/{m}"), tr(lang, &format!("model.{m}"))));
    let exercises = lecture
        .built_exercises()
        .map(|e| (format!("#/self-check/{e}"), trf(lang, "exercise.label", &[("id", e)])));
    let drills = lecture
        .drills()
        .map(|d| (format!("#/drill/{d}"), drill_title(d, lang).to_owned()));
    html! {
        <ul class="activities">
            { for models.chain(exercises).chain(drills).map(|(href, label)| html! { <li><a {href}>{ label }</a></li> }) }
        </ul>
    }
}

/// Longest value a notice quotes; a longer one is cut with "…" (a pasted
/// 10 kB value would otherwise fill the screen).
pub const QUOTED_VALUE: usize = 40;

/// `text` cut to `max` characters, with "…" when something was cut.
pub fn shorten(text: &str, max: usize) -> String {
    let mut out: String = text.chars().take(max).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// "name=value, …": the address parameters that were ignored.
pub fn param_list(bad: &[BadParam]) -> String {
    bad.iter()
        .map(|b| format!("{}={}", b.name, shorten(&b.value, QUOTED_VALUE)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a model screen shows when its address held values it could not use
/// (they fell back to defaults); nothing when all was well.
pub fn bad_params_notice(lang: Lang, testid: &str, bad: &[BadParam]) -> Html {
    if bad.is_empty() {
        return html! {};
    }
    html! {
        <p class="notice info" role="status" data-testid={testid.to_owned()}>
            { trf(lang, "notice.model_params", &[("params", &param_list(bad))]) }
        </p>
    }
}

/// Its children, from the task after it mounts on. A screen wraps its lower
/// sections in it (and the shell its footer), so its first render is several
/// short script tasks rather than one long one and input is never blocked
/// for long while a screen opens (Lighthouse's Total Blocking Time; README,
/// "Measured").
#[function_component]
pub fn Later(props: &yew::html::ChildrenProps) -> Html {
    let shown = use_state_eq(|| false);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| {
            let timer = gloo::timers::callback::Timeout::new(0, move || shown.set(true));
            move || drop(timer)
        });
    }
    if *shown {
        html! { <>{ props.children.clone() }</> }
    } else {
        html! {}
    }
}
