//! Loyalty Lab (忠诚实验室): the course 客户忠诚的价值 as interactive models and
//! self-checks that run entirely in the browser.
//!
//! Pure modules (no yew components, no browser calls; tested natively):
//! [`i18n`], [`content`], [`route`], [`progress`]. The browser side lives in
//! [`web`]. See ARCHITECTURE.md for the map.

pub mod bundle;
pub mod class;
pub mod content;
pub mod emotion_line;
pub mod format;
pub mod i18n;
pub mod mirror;
pub mod params;
pub mod progress;
pub mod qr;
pub mod route;
pub mod scenario;
pub mod scoring;
pub mod selfcheck;
pub mod smith;
pub mod sort;
pub mod web;

/// Starts the app in the page with the screens of one bundle (`None`: every
/// screen): installs the recovery panel for panics, loads the texts of the
/// first language, then renders into `<div id="app">`. Each `src/bin/*.rs` calls this with its own screens.
#[cfg(target_arch = "wasm32")]
pub fn start(bundle: Option<bundle::Bundle>, screens: web::screens::Screens) {
    web::recovery::install();
    web::screens::install(bundle, screens);
    // The first language's texts arrive before anything renders.
    wasm_bindgen_futures::spawn_local(async {
        if let Err(e) = web::texts::load(web::texts::first_lang()).await {
            web::recovery::show(&e);
            return;
        }
        // The screen renders in a task of its own: starting the module and
        // reading the texts is one short task, the first render the next.
        let next_task = js_sys::Promise::new(&mut |resolve, _| {
            let _ = gloo::utils::window().set_timeout_with_callback(&resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(next_task).await;
        let root = gloo::utils::document()
            .get_element_by_id("app")
            .unwrap_or_else(|| gloo::utils::body().into());
        yew::Renderer::<web::app::App>::with_root(root).render();
    });
}
