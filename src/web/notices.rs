//! The notices above every page: unreadable or migrated saved data, storage
//! that refuses writes, ignored address parameters, a learning platform
//! (LMS) that cannot be used. Each says what happened and what the trainee
//! can do; none disappears on its own.

use crate::progress::record::DecodeError;
use crate::support::i18n::{tr, trf, Lang};
use crate::web::download;
use crate::web::lms::Trouble;
use crate::web::state::{Action, AppCtx, Notice};
use crate::web::update;
use crate::web::widgets::{param_list, shorten};
use yew::prelude::*;

/// A trainee-readable reason why a text is not usable progress.
pub fn explain(lang: Lang, e: &DecodeError) -> String {
    match e {
        DecodeError::TooLarge { bytes } => trf(
            lang,
            "decode.too_large",
            &[
                ("kb", &(bytes / 1024).to_string()),
                ("max", &(crate::progress::record::MAX_BYTES / 1024).to_string()),
            ],
        ),
        DecodeError::NotJson(_) => tr(lang, "decode.not_json"),
        DecodeError::NotOurs => tr(lang, "decode.not_ours"),
        DecodeError::NoVersion => tr(lang, "decode.no_version"),
        DecodeError::TooNew { version } => trf(lang, "decode.too_new", &[("v", &version.to_string())]),
        // A detail quotes the file (an id, a value): keep it readable.
        DecodeError::Shape(d) | DecodeError::Invalid(d) => trf(lang, "decode.invalid", &[("detail", &shorten(d, 200))]),
    }
}

#[function_component]
pub fn Notices() -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    if ctx.notices.is_empty() {
        return html! {};
    }
    html! {
        <section class="notices" aria-label={tr(lang, "notice.label")}>
            { for ctx.notices.iter().enumerate().map(|(i, n)| {
                let dismiss = {
                    let ctx = ctx.clone();
                    Callback::from(move |_| ctx.dispatch(Action::Dismiss(i)))
                };
                let (kind, body) = body(lang, n);
                html! {
                    <div class={classes!("notice", kind)} role={if kind == "warning" { "alert" } else { "status" }} data-testid="notice">
                        { body }
                        <button type="button" class="link-button" onclick={dismiss}>{ tr(lang, "notice.dismiss") }</button>
                    </div>
                }
            }) }
        </section>
    }
}

fn body(lang: Lang, n: &Notice) -> (&'static str, Html) {
    match n {
        Notice::Damaged { error, raw, backup_key } => {
            let export = {
                let raw = raw.clone();
                Callback::from(move |_| {
                    let name = format!("loyalty-lab-unreadable-{}.json", download::today());
                    download::save_text(&name, "application/json", &raw);
                })
            };
            let kept = match backup_key {
                Some(k) => trf(lang, "notice.damaged_kept", &[("key", k)]),
                None => tr(lang, "notice.damaged_not_kept"),
            };
            (
                "warning",
                html! {
                    <div class="notice-body" data-testid="notice-damaged">
                        <p><strong>{ tr(lang, "notice.damaged_title") }</strong>{ " " }{ explain(lang, error) }</p>
                        <p>{ kept }</p>
                        <button type="button" onclick={export} data-testid="export-damaged">{ tr(lang, "notice.damaged_export") }</button>
                    </div>
                },
            )
        }
        Notice::Migrated { from } => (
            "info",
            html! {
                <p class="notice-body">{ trf(lang, "notice.migrated", &[("v", &from.to_string())]) }</p>
            },
        ),
        Notice::CannotSave => (
            "warning",
            html! {
                <p class="notice-body" data-testid="notice-cannot-save">{ tr(lang, "notice.cannot_save") }</p>
            },
        ),
        Notice::BadParams(bad) => (
            "info",
            html! {
                <p class="notice-body" data-testid="notice-params">{ trf(lang, "notice.bad_params", &[("params", &param_list(bad))]) }</p>
            },
        ),
        Notice::TextsFailed(wanted, why) => (
            "warning",
            html! {
                <p class="notice-body" data-testid="notice-texts">
                    { trf(lang, "notice.texts_failed", &[("lang", &tr(*wanted, "lang.name")), ("why", &shorten(why, 200))]) }
                </p>
            },
        ),
        Notice::Lms(trouble) => (
            "info",
            html! {
                <p class="notice-body" data-testid="notice-lms">
                    { match trouble {
                        Trouble::Missing => tr(lang, "notice.lms_missing"),
                        Trouble::Broken => tr(lang, "notice.lms_broken"),
                        Trouble::Refused => tr(lang, "notice.lms_refused"),
                    } }
                </p>
            },
        ),
        Notice::UpdateReady => (
            "info",
            html! {
                <div class="notice-body" data-testid="notice-update">
                    <p>{ tr(lang, "notice.update_ready") }</p>
                    <button type="button" onclick={Callback::from(|_| update::apply())} data-testid="update-reload">
                        { tr(lang, "notice.update_reload") }
                    </button>
                </div>
            },
        ),
    }
}
