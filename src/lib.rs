//! Loyalty Lab (忠诚实验室): the course 客户忠诚的价值 as interactive models and
//! self-checks that run entirely in the browser.
//!
//! The folders are the layers, and imports run one way, down this list:
//! [`web`] (the browser side: yew components and browser services) uses
//! [`routing`] (addresses, bundles) and [`progress`] (saved records), which
//! use [`scoring`] (the free-text scorer), which uses [`course`] (lectures,
//! self-checks, scenarios as data), which uses [`models`] (the course's
//! simulations), which use [`support`] (languages, number formats, sorting,
//! QR codes). Everything but `web` is pure: no yew, no browser calls, tested
//! natively. See ARCHITECTURE.md for the map.

pub mod course;
pub mod models;
pub mod progress;
pub mod routing;
pub mod scoring;
pub mod support;
pub mod web;

/// Starts the app in the page with the screens of one bundle (`None`: every
/// screen): installs the recovery panel for panics, loads the texts of the
/// first language, then renders into `<div id="app">`. Each `src/bin/*.rs` calls this with its own screens.
#[cfg(target_arch = "wasm32")]
pub fn start(bundle: Option<routing::bundle::Bundle>, screens: web::installed::Screens) {
    web::recovery::install();
    web::installed::install(bundle, screens);
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
