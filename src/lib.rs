//! Loyalty Lab (忠诚实验室): the course 客户忠诚的价值 as interactive models and
//! self-checks that run entirely in the browser.
//!
//! Pure modules (no yew components, no browser calls; tested natively):
//! [`i18n`], [`content`], [`route`], [`progress`]. The browser side lives in
//! [`web`]. See ARCHITECTURE.md for the map.

pub mod content;
pub mod format;
pub mod i18n;
pub mod progress;
pub mod route;
pub mod smith;
pub mod web;

/// Starts the app in the page: installs the recovery panel for panics, then
/// renders into `<div id="app">`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    web::recovery::install();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<web::app::App>::with_root(root).render();
}
