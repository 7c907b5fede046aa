//! The trainer tools every model screen has: "reset all" (button and key R)
//! back to the course defaults, and "share": the screen's address as a link
//! to copy and as a QR code drawn here ([`crate::support::qr`]), for trainees to open
//! the same scenario on their phones. One component for both, since every
//! yew component costs its own code.

use crate::routing::route::{global_only, share_query, Route};
use crate::support::i18n::{tr, trf, Lang};
use crate::support::qr::{Qr, LINK_MAX_VERSION};
use crate::web::keys;
use crate::web::router::{self, use_location};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub route: Route,
    pub lang: Lang,
    /// Test-id prefix (`smith` gives `smith-reset`, `smith-share`, …).
    pub id: AttrValue,
    /// The screen's own parameters as it reads them (bad values already
    /// replaced by defaults) and the course defaults: the share link
    /// carries those that differ.
    pub canonical: Vec<(String, String)>,
    pub defaults: Vec<(String, String)>,
    /// Resets what the screen keeps outside the address (step-through, month shown…).
    #[prop_or_default]
    pub on_reset: Callback<()>,
}

/// Reset all: the address without the screen's parameters (keeping `lang`
/// and `present`), as a new history entry so Back returns to the scenario.
/// Share: a disclosure with the link (read-only field, copy button) and its
/// QR code, or a message when the link is too long for one. On paper, the
/// link as text.
#[function_component]
pub fn TrainerTools(p: &Props) -> Html {
    let location = use_location();
    // Whether the share panel is open, and the link last copied (with the
    // outcome), so the message goes once the link changes.
    let ui = use_state(|| (false, None::<(String, bool)>));
    let (lang, id) = (p.lang, &p.id);
    let reset = {
        let (route, on_reset, keep) = (p.route.clone(), p.on_reset.clone(), global_only(&location.query));
        Callback::from(move |()| {
            on_reset.emit(());
            router::push(&route, &keep);
        })
    };
    {
        let reset = reset.clone();
        use_effect_with(reset, move |reset| {
            let reset = reset.clone();
            let listener = keys::listen(move |e| {
                let hit = matches!(e.key().as_str(), "r" | "R");
                if hit {
                    reset.emit(());
                }
                hit
            });
            move || drop(listener)
        });
    }
    let link = {
        let href = gloo::utils::window().location().href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default();
        format!(
            "{base}#{}?{}",
            location.path,
            share_query(&p.canonical, &p.defaults, lang)
        )
    };
    let (open, copied) = (*ui).clone();
    let toggle = {
        let ui = ui.clone();
        Callback::from(move |_| ui.set((!open, None)))
    };
    let field_id = format!("{id}-share-link");
    let copy = {
        let (ui, link, field_id) = (ui.clone(), link.clone(), field_id.clone());
        Callback::from(move |_| {
            // Selected either way, so Ctrl+C works where copying is refused.
            let field = gloo::utils::document().get_element_by_id(&field_id);
            if let Some(input) = field.and_then(|f| f.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                input.select();
            }
            ui.set((true, Some((link.clone(), copy_selection()))));
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    let panel_id = format!("{id}-share-panel");
    let status = match copied {
        Some((l, ok)) if l == link => tr(lang, if ok { "share.copied" } else { "share.copy_failed" }),
        _ => String::new(),
    };
    html! {
        <>
            <p class="print-only">{ tr(lang, "share.link") }{ ": " }<span class="address">{ link.clone() }</span></p>
            <button type="button" class="button" aria-keyshortcuts="R" onclick={reset.reform(|_| ())}
                data-testid={format!("{id}-reset")}>{ tr(lang, "tools.reset") }</button>
            <button type="button" class="button" aria-expanded={open.to_string()} aria-controls={panel_id.clone()}
                onclick={toggle} data-testid={format!("{id}-share")}>{ tr(lang, "share.open") }</button>
            if open {
                <section class="share" id={panel_id} aria-label={tr(lang, "share.title")} data-testid={format!("{id}-share-panel")}>
                    <div class="share-link">
                        <label for={field_id.clone()}>{ tr(lang, "share.link") }</label>
                        <div class="share-row">
                            <input type="text" readonly=true id={field_id.clone()} value={link.clone()}
                                onfocus={select_all} data-testid={field_id} />
                            <button type="button" class="button" onclick={copy} data-testid={format!("{id}-share-copy")}>
                                { tr(lang, "share.copy") }
                            </button>
                        </div>
                        <p class="help" role="status" data-testid={format!("{id}-share-status")}>{ status }</p>
                    </div>
                    { qr_figure(lang, &link, id) }
                </section>
            }
        </>
    }
}

/// The link's QR code as one SVG path, named, with the link as its caption
/// (markup written here rather than built node by node: smaller code); or
/// why there is none.
fn qr_figure(lang: Lang, link: &str, id: &str) -> Html {
    let markup = match Qr::for_link(link) {
        Ok(qr) => {
            let side = qr.size() + 8;
            format!(
                r#"<figure class="qr"><svg viewBox="0 0 {side} {side}" role="img" aria-label="{label}" aria-describedby="{id}-qr-caption" shape-rendering="crispEdges" data-testid="{id}-qr"><rect width="{side}" height="{side}" class="qr-light"/><path d="{d}" class="qr-dark"/></svg><figcaption id="{id}-qr-caption" data-testid="{id}-qr-text">{link}</figcaption></figure>"#,
                label = escape(&tr(lang, "share.qr")),
                d = qr.svg_path(4),
                link = escape(link),
            )
        }
        Err(e) => {
            let args = [
                ("n", e.len.to_string()),
                ("max", e.max.to_string()),
                ("version", LINK_MAX_VERSION.to_string()),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            format!(
                r#"<p class="message error" data-testid="{id}-share-too-long">{}</p>"#,
                escape(&trf(lang, "share.too_long", &args))
            )
        }
    };
    Html::from_html_unchecked(markup.into())
}

/// Text made safe inside HTML markup and attribute values.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Copies the page's selection (`document.execCommand("copy")`, looked up at
/// run time so no extra bindings are compiled in); false when refused.
fn copy_selection() -> bool {
    let document: JsValue = gloo::utils::document().into();
    js_sys::Reflect::get(&document, &JsValue::from_str("execCommand"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&document, &JsValue::from_str("copy")).ok())
        .is_some_and(|ok| ok.as_bool() == Some(true))
}
