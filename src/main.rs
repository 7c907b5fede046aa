//! The bundle with every screen: what `trunk serve` runs in development (see
//! `loyalty_lab::routing::bundle`; release builds ship one bundle per screen family).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(None, loyalty_lab::web::screens::all);
}

/// The Monte Carlo benchmark hook for `scripts/bench` (`wasmBindings.bench_smith`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_smith(runs: u32) -> f64 {
    loyalty_lab::web::bench::smith(runs)
}
