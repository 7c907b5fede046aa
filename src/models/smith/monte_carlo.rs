//! The chain with uncertainty: a seeded, reproducible Monte Carlo run of the
//! loss (reach uniform, swaying binomial, second order Poisson, stopping
//! binomial), kept as a histogram with its percentiles. Each distribution is
//! made once per run and kept, so the browser run stays fast.

use super::chain::direct;
use super::params::{ParamError, Params};
use rand::{Rng, SeedableRng};
use rand_distr::{Binomial, Distribution, Poisson};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The trials' random generator: xoshiro256++ everywhere, so a seed gives
/// the same trials in the browser as natively (rand's `SmallRng` is a 32-bit
/// generator on WebAssembly, which also costs two draws per 64-bit number).
type Draws = Xoshiro256PlusPlus;

/// A histogram of total loss.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// Lower edge of the first bin.
    pub start: f64,
    pub width: f64,
    pub counts: Vec<u32>,
}

/// The result of a Monte Carlo run.
#[derive(Clone, Debug, PartialEq)]
pub struct Simulation {
    pub trials: u32,
    pub seed: u64,
    pub mean: f64,
    pub median: f64,
    pub p5: f64,
    pub p95: f64,
    pub min: f64,
    pub max: f64,
    pub histogram: Histogram,
}

/// Samplers for one run, built from validated parameters. Each draw of a
/// trial depends on a whole number drawn before it (the reach, then the
/// swayed, then everyone influenced), so each distribution is made the first
/// time its number comes up and kept for the rest of the run: making one
/// costs a `powf` or an `exp`, most of a draw's time, above all in
/// WebAssembly, whose maths library is slower than the system's. The draws
/// are exactly those of making each distribution afresh.
struct Kernel {
    lo: u64,
    hi: u64,
    influenced: f64,
    second: f64,
    stop: f64,
    /// Binomial(reach, influenced), by reach − lo.
    swayed: Vec<Option<Draw>>,
    /// Poisson(swayed × second), by the number swayed.
    retold: Vec<Option<Draw>>,
    /// Binomial(influenced, stop), by the number influenced.
    stopped: Vec<Option<Draw>>,
}

/// The numbers a run keeps distributions for (0..KEPT, each list grown as
/// they come up); rarer, larger ones are made each time.
const KEPT: usize = 4096;

impl Kernel {
    fn new(p: &Params) -> Kernel {
        let (lo, hi) = (p.reach_lo as u64, p.reach_hi as u64);
        Kernel {
            lo,
            hi,
            influenced: p.influenced,
            second: p.second,
            stop: p.stop,
            swayed: Vec::new(),
            retold: Vec::new(),
            stopped: Vec::new(),
        }
    }

    /// Customers lost in one trial.
    fn trial(&mut self, rng: &mut Draws) -> u64 {
        let reach = rng.random_range(self.lo..=self.hi);
        let (influenced, second, stop) = (self.influenced, self.second, self.stop);
        let first = kept(&mut self.swayed, reach - self.lo, || Draw::binomial(reach, influenced)).sample(rng);
        let more = kept(&mut self.retold, first, || Draw::poisson(first as f64 * second)).sample(rng);
        let all = first + more;
        kept(&mut self.stopped, all, || Draw::binomial(all, stop)).sample(rng)
    }
}

/// The distribution kept at `cache[i]`, made by `make` the first time (or
/// every time, from [`KEPT`] on).
fn kept(cache: &mut Vec<Option<Draw>>, i: u64, make: impl FnOnce() -> Draw) -> Draw {
    let i = i as usize;
    if i >= KEPT {
        return make();
    }
    if cache.len() <= i {
        cache.resize(i + 1, None);
    }
    *cache[i].get_or_insert_with(make)
}

/// One draw of a whole number: a distribution, or a number it cannot miss.
#[derive(Clone, Copy)]
enum Draw {
    Binomial(Binomial),
    Poisson(Poisson<f64>),
    Always(u64),
}

impl Draw {
    fn binomial(n: u64, p: f64) -> Draw {
        if n == 0 || p <= 0.0 {
            return Draw::Always(0);
        }
        // Valid because p is in [0, 1] (validated); a failure cannot happen, and
        // if it did the expected value is the honest fallback.
        Binomial::new(n, p.min(1.0)).map_or(Draw::Always((n as f64 * p) as u64), Draw::Binomial)
    }

    fn poisson(mean: f64) -> Draw {
        if mean <= 0.0 {
            return Draw::Always(0);
        }
        Poisson::new(mean).map_or(Draw::Always(mean as u64), Draw::Poisson)
    }

    fn sample(self, rng: &mut Draws) -> u64 {
        match self {
            Draw::Binomial(d) => d.sample(rng),
            Draw::Poisson(d) => d.sample(rng) as u64,
            Draw::Always(n) => n,
        }
    }
}

/// Number of histogram bins.
pub const BINS: usize = 24;

/// A Monte Carlo run done a slice of trials at a time, so the screen can
/// give the page back between slices and no single task blocks it: the
/// trials and the result are exactly those of [`simulate`].
pub struct Run {
    p: Params,
    kernel: Kernel,
    rng: Draws,
    lost: Vec<u64>,
    trials: usize,
}

impl Run {
    /// A run of `trials` trials (at least one) of valid parameters.
    pub fn new(p: &Params, trials: u32) -> Result<Run, ParamError> {
        p.validate()?;
        let trials = trials.max(1) as usize;
        Ok(Run {
            p: *p,
            kernel: Kernel::new(p),
            rng: Draws::seed_from_u64(p.seed),
            lost: Vec::with_capacity(trials),
            trials,
        })
    }

    /// Runs up to `n` more trials; true once every trial has run.
    pub fn step(&mut self, n: u32) -> bool {
        let n = (n as usize).min(self.trials - self.lost.len());
        for _ in 0..n {
            self.lost.push(self.kernel.trial(&mut self.rng));
        }
        self.lost.len() == self.trials
    }

    /// The summary of a finished run (the trials still to run first).
    pub fn finish(mut self) -> Simulation {
        self.step(u32::MAX);
        summarise(&self.p, self.lost)
    }
}

/// Customers lost in each of `trials` trials: the kernel the benchmarks time.
pub fn simulate_lost(p: &Params, trials: u32) -> Result<Vec<u64>, ParamError> {
    let mut run = Run::new(p, trials)?;
    run.step(u32::MAX);
    Ok(run.lost)
}

/// Runs the Monte Carlo simulation (at least one trial).
pub fn simulate(p: &Params, trials: u32) -> Result<Simulation, ParamError> {
    Ok(Run::new(p, trials)?.finish())
}

/// Mean, percentiles and histogram of the trials' losses.
fn summarise(p: &Params, mut lost: Vec<u64>) -> Simulation {
    let trials = lost.len() as u32;
    lost.sort_unstable();
    let direct = direct(p);
    let total = |l: u64| direct * (1.0 + l as f64);
    let n = lost.len();
    let pct = |q: f64| total(lost[((q * (n - 1) as f64).round() as usize).min(n - 1)]);
    let mean = direct * (1.0 + lost.iter().map(|&l| l as f64).sum::<f64>() / n as f64);
    let (min, max) = (total(lost[0]), total(lost[n - 1]));
    // Bins over whole numbers of lost customers, so no bin is half empty.
    let (lo_l, hi_l) = (lost[0], lost[n - 1]);
    let per_bin = ((hi_l - lo_l + 1) as f64 / BINS as f64).ceil().max(1.0) as u64;
    let bins = ((hi_l - lo_l) / per_bin + 1) as usize;
    let mut counts = vec![0u32; bins];
    for &l in &lost {
        counts[((l - lo_l) / per_bin) as usize] += 1;
    }
    Simulation {
        trials,
        seed: p.seed,
        mean,
        median: pct(0.5),
        p5: pct(0.05),
        p95: pct(0.95),
        min,
        max,
        histogram: Histogram {
            start: total(lo_l),
            width: per_bin as f64 * direct,
            counts,
        },
    }
}
