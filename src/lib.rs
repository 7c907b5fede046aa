//! Loyalty Lab (忠诚实验室): the course 客户忠诚的价值 as interactive models and
//! self-checks that run entirely in the browser.
//!
//! Pure modules (no yew components, no browser calls; tested natively):
//! [`i18n`], [`content`], [`route`], [`progress`]. The browser side lives in
//! [`web`]. See ARCHITECTURE.md for the map.

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
pub mod web;

/// Starts the app in the page: installs the recovery panel for panics, then
/// renders into `<div id="app">`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    web::recovery::install();
    // Before the router reads the address (at mount and on every change):
    // rewrite hashes it cannot read, so garbage never reaches it.
    fix_hash();
    gloo::events::EventListener::new(&gloo::utils::window(), "popstate", |_| fix_hash()).forget();
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .unwrap_or_else(|| gloo::utils::body().into());
    yew::Renderer::<web::app::App>::with_root(root).render();
}

#[cfg(target_arch = "wasm32")]
fn fix_hash() {
    let window = gloo::utils::window();
    let hash = window.location().hash().unwrap_or_default();
    if let Some(fixed) = route::normalize_hash(&hash) {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&fixed));
        }
    }
}

/// Times the Mrs Smith Monte Carlo kernel in the browser (called by
/// `scripts/bench` through the page's `wasmBindings`): `runs` runs of
/// 100,000 trials; returns the median milliseconds per run.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_smith(runs: u32) -> f64 {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    let p = smith::Params::default();
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|i| {
            let t = perf.now();
            let s = smith::simulate(
                &smith::Params {
                    seed: u64::from(i),
                    ..p
                },
                smith::TRIALS,
            );
            std::hint::black_box(s.ok());
            perf.now() - t
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
