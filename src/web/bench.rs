//! Times the Mrs Smith Monte Carlo kernel in the browser, for `scripts/bench`
//! (exported as `bench_smith` by the bundles that hold the Smith screen).

/// `runs` runs of 100,000 trials with the course defaults; the median
/// milliseconds per run.
pub fn smith(runs: u32) -> f64 {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    let p = crate::models::smith::Params::default();
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|i| {
            let t = perf.now();
            let s = crate::models::smith::simulate(
                &crate::models::smith::Params {
                    seed: u64::from(i),
                    ..p
                },
                crate::models::smith::TRIALS,
            );
            std::hint::black_box(s.ok());
            perf.now() - t
        })
        .collect();
    crate::support::sort::by(&mut times, |a, b| a.total_cmp(b).is_lt());
    times[times.len() / 2]
}
