//! Native benchmark of the Mrs Smith Monte Carlo kernel: 100,000 trials with
//! the course defaults, repeated; prints the median and best time.
//!   cargo run --release --example bench_smith
//! `scripts/bench` runs this and the same kernel in headless Chromium.

use loyalty_lab::models::smith::{simulate, Params, TRIALS};
use std::time::Instant;

fn main() {
    let p = Params::default();
    let mut times: Vec<f64> = (0..30)
        .map(|i| {
            let q = Params { seed: i, ..p };
            let t = Instant::now();
            let s = simulate(&q, TRIALS).expect("defaults are valid");
            std::hint::black_box(s);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "native smith::simulate, {TRIALS} trials: median {:.2} ms, best {:.2} ms (30 runs)",
        times[15], times[0]
    );
}
