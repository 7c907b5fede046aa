//! The Monte Carlo run of the course defaults (seed 2024, 100,000 trials),
//! pinned. `tests/smith.rs` checks it natively and `tests/web.rs` in the
//! browser, so a seed gives the same spread on every platform (a shared
//! link shows the histogram its sender saw).

use loyalty_lab::models::smith::{simulate, Params, TRIALS};

pub fn check_default_run() {
    let s = simulate(&Params::default(), TRIALS).unwrap();
    assert_eq!((s.trials, s.seed), (100_000, 2024));
    assert_eq!(s.mean, 317_986.24);
    assert_eq!((s.p5, s.median, s.p95), (130_000.0, 312_000.0, 546_000.0));
    assert_eq!((s.min, s.max), (26_000.0, 1_014_000.0));
    assert_eq!((s.histogram.start, s.histogram.width), (26_000.0, 52_000.0));
    assert_eq!(
        s.histogram.counts,
        [683, 3252, 7767, 12424, 15388, 15924, 14371, 11193, 7820, 5119, 2964, 1645, 802, 379, 175, 56, 21, 12, 4, 1]
    );
}
