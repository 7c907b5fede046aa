//! Bundle `smith`: the shell and the Goodbye Mrs Smith screen (see `loyalty_lab::routing::bundle`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    loyalty_lab::start(
        Some(loyalty_lab::routing::bundle::Bundle::Smith),
        loyalty_lab::web::screens::smith,
    );
}

/// The Monte Carlo benchmark hook for `scripts/bench` (`wasmBindings.bench_smith`).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_smith(runs: u32) -> f64 {
    loyalty_lab::web::bench::smith(runs)
}
