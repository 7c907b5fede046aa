//! The recovery panel: if the app ever panics, the page shows a bilingual
//! panel (static markup in `index.html`) with a link that downloads the saved
//! progress and a link that reloads, instead of a blank page. Everything the
//! panel needs is prepared inside the panic hook, so it works even though the
//! WebAssembly instance is unusable afterwards.

use crate::web::storage::KEY;

/// Installs the panic hook. Call once, before rendering.
pub fn install() {
    std::panic::set_hook(Box::new(|info| show(&info.to_string())));
}

/// Shows the recovery panel with `detail` as the technical reason.
pub fn show(detail: &str) {
    let document = gloo::utils::document();
    let saved = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .unwrap_or_default();
    if let Some(link) = document.get_element_by_id("recovery-export") {
        let href = format!(
            "data:application/json;charset=utf-8,{}",
            js_sys::encode_uri_component(&saved)
        );
        let _ = link.set_attribute("href", &href);
        let _ = link.set_attribute("download", "loyalty-lab-progress-rescue.json");
    }
    if let Some(pre) = document.get_element_by_id("recovery-detail") {
        pre.set_text_content(Some(detail));
    }
    if let Some(panel) = document.get_element_by_id("recovery") {
        let _ = panel.remove_attribute("hidden");
    }
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
}
