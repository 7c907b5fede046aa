//! Goodbye Mrs Smith: what one lost customer really costs.
//!
//! From lecture 2's case (seed 000, 【案例】再见了，史密斯太太; COURSE.md): a
//! regular spends $50 a week at Jack's supermarket and leaves after poor
//! service. The course lists the loss link by link; Loyalty Lab's reading:
//!
//! - direct loss = `weekly` × `weeks` × `years` (her own sales, 10 years)
//! - she tells `reach` people (10–20); a share `influenced` (½) of them are
//!   swayed: first = reach × influenced
//! - each of those sways `second` (5) more: second order = first × second
//! - all influenced = first + second order
//! - a share `stop` (¼) of all influenced stop buying: lost = influenced × stop
//! - each lost customer is worth the same sales as she is:
//!   indirect = lost × direct; total = direct + indirect
//!
//! With the defaults: direct 26,000; influenced 30–60; lost 7.5–15; total
//! 221,000–416,000. `margin` turns sales into profit; `cac_multiple` is the
//! course's "winning a customer costs 5–6× keeping one".
//!
//! [`simulate`] adds uncertainty (Monte Carlo, seeded, reproducible): reach
//! uniform on [lo, hi]; each person told is swayed with probability
//! `influenced` (binomial); the swayed sway Poisson(`second`) more each, in
//! total Poisson(first × second); each influenced person stops with
//! probability `stop` (binomial). Its mean equals the chain at the mean reach.
//!
//! Pure module: no yew, no web-sys. Invalid parameters are a [`ParamError`],
//! never a panic.

use crate::models::params::BadParam;
use crate::models::params::{self, Invalid, ParamSet};
use rand::{Rng, SeedableRng};
use rand_distr::{Binomial, Distribution, Poisson};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The trials' random generator: xoshiro256++ everywhere, so a seed gives
/// the same trials in the browser as natively (rand's `SmallRng` is a 32-bit
/// generator on WebAssembly, which also costs two draws per 64-bit number).
type Draws = Xoshiro256PlusPlus;

/// One adjustable assumption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Weekly,
    Weeks,
    Years,
    ReachLo,
    ReachHi,
    Influenced,
    Second,
    Stop,
    Margin,
    CacMultiple,
}

/// How a parameter is named in the address, bounded and stepped.
pub type Spec = params::Spec<Param>;

/// Every parameter, in the order the chain uses them.
pub const SPECS: [Spec; 10] = [
    Spec::new(Param::Weekly, "weekly", 1.0, 10_000.0, 1.0, 50.0, false, false),
    Spec::new(Param::Weeks, "weeks", 1.0, 52.0, 1.0, 52.0, true, false),
    Spec::new(Param::Years, "years", 1.0, 50.0, 1.0, 10.0, true, false),
    Spec::new(Param::ReachLo, "reach_lo", 0.0, 1000.0, 1.0, 10.0, true, false),
    Spec::new(Param::ReachHi, "reach_hi", 0.0, 1000.0, 1.0, 20.0, true, false),
    Spec::new(Param::Influenced, "influenced", 0.0, 1.0, 0.01, 0.5, false, true),
    Spec::new(Param::Second, "second", 0.0, 100.0, 0.5, 5.0, false, false),
    Spec::new(Param::Stop, "stop", 0.0, 1.0, 0.01, 0.25, false, true),
    Spec::new(Param::Margin, "margin", 0.0, 1.0, 0.01, 0.2, false, true),
    Spec::new(Param::CacMultiple, "cac_multiple", 1.0, 20.0, 0.5, 5.0, false, false),
];

impl Param {
    pub fn spec(self) -> &'static Spec {
        Params::spec_of(self)
    }
}

/// The sign amounts are shown with (no conversion: the amounts are the
/// trainer's own).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Currency {
    #[default]
    Usd,
    Cny,
}

impl Currency {
    pub fn sign(self) -> &'static str {
        match self {
            Currency::Usd => "$",
            Currency::Cny => "¥",
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "usd",
            Currency::Cny => "cny",
        }
    }
    pub fn parse(s: &str) -> Option<Currency> {
        match s.trim().to_ascii_lowercase().as_str() {
            "usd" | "$" => Some(Currency::Usd),
            "cny" | "rmb" | "¥" => Some(Currency::Cny),
            _ => None,
        }
    }
}

/// A full set of assumptions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    pub weekly: f64,
    pub weeks: f64,
    pub years: f64,
    pub reach_lo: f64,
    pub reach_hi: f64,
    pub influenced: f64,
    pub second: f64,
    pub stop: f64,
    pub margin: f64,
    pub cac_multiple: f64,
    pub currency: Currency,
    /// Seed of the Monte Carlo run.
    pub seed: u64,
}

/// The seed a fresh screen starts with, so a default link is reproducible.
pub const DEFAULT_SEED: u64 = 2024;
/// Trials per Monte Carlo run on the screen.
pub const TRIALS: u32 = 100_000;

impl Default for Params {
    fn default() -> Self {
        let mut p = Params {
            weekly: 0.0,
            weeks: 0.0,
            years: 0.0,
            reach_lo: 0.0,
            reach_hi: 0.0,
            influenced: 0.0,
            second: 0.0,
            stop: 0.0,
            margin: 0.0,
            cac_multiple: 0.0,
            currency: Currency::Usd,
            seed: DEFAULT_SEED,
        };
        for s in &SPECS {
            p.set(s.param, s.default);
        }
        p
    }
}

/// Why a set of assumptions cannot be computed.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamError {
    NotFinite(Param),
    OutOfRange {
        param: Param,
        value: f64,
    },
    NotWhole {
        param: Param,
        value: f64,
    },
    /// The low reach is above the high reach.
    ReachOrder {
        lo: f64,
        hi: f64,
    },
}

impl ParamSet for Params {
    type Param = Param;
    const SPECS: &'static [Spec] = &SPECS;

    fn get(&self, p: Param) -> f64 {
        match p {
            Param::Weekly => self.weekly,
            Param::Weeks => self.weeks,
            Param::Years => self.years,
            Param::ReachLo => self.reach_lo,
            Param::ReachHi => self.reach_hi,
            Param::Influenced => self.influenced,
            Param::Second => self.second,
            Param::Stop => self.stop,
            Param::Margin => self.margin,
            Param::CacMultiple => self.cac_multiple,
        }
    }

    fn set(&mut self, p: Param, v: f64) {
        let slot = match p {
            Param::Weekly => &mut self.weekly,
            Param::Weeks => &mut self.weeks,
            Param::Years => &mut self.years,
            Param::ReachLo => &mut self.reach_lo,
            Param::ReachHi => &mut self.reach_hi,
            Param::Influenced => &mut self.influenced,
            Param::Second => &mut self.second,
            Param::Stop => &mut self.stop,
            Param::Margin => &mut self.margin,
            Param::CacMultiple => &mut self.cac_multiple,
        };
        *slot = v;
    }
}

impl Params {
    /// Checks one value against its parameter's bounds.
    pub fn check_value(param: Param, v: f64) -> Result<(), ParamError> {
        param.spec().check(v).map_err(|e| ParamError::new(param, v, e))
    }

    pub fn validate(&self) -> Result<(), ParamError> {
        if let Some((param, v, e)) = self.first_invalid() {
            return Err(ParamError::new(param, v, e));
        }
        if self.reach_lo > self.reach_hi {
            return Err(ParamError::ReachOrder {
                lo: self.reach_lo,
                hi: self.reach_hi,
            });
        }
        Ok(())
    }

    /// Reads parameters from an address query; anything missing takes its
    /// default, anything invalid takes its default and is reported.
    pub fn from_query(pairs: &[(String, String)]) -> (Params, Vec<BadParam>) {
        let mut p = Params::default();
        let mut bad = Vec::new();
        p.read_query(pairs, &mut bad);
        let mut report = |name: &str, value: &str| {
            bad.push(BadParam {
                name: name.to_owned(),
                value: value.to_owned(),
            })
        };
        for (name, value) in pairs {
            if name == "currency" {
                match Currency::parse(value) {
                    Some(c) => p.currency = c,
                    None => report(name, value),
                }
            } else if name == "seed" {
                match value.trim().parse::<u64>() {
                    Ok(seed) => p.seed = seed,
                    Err(_) => report(name, value),
                }
            }
        }
        if p.reach_lo > p.reach_hi {
            let find = |key: &str| {
                pairs
                    .iter()
                    .rev()
                    .find(|(n, _)| n == key)
                    .map(|(_, v)| v.as_str())
                    .unwrap_or("")
            };
            // Name only the ends the address gave (a missing one is at its
            // default already).
            for key in ["reach_lo", "reach_hi"] {
                if pairs.iter().any(|(n, _)| n == key) {
                    report(key, find(key));
                }
            }
            let d = Params::default();
            p.reach_lo = d.reach_lo;
            p.reach_hi = d.reach_hi;
        }
        // Report in the order the address gave them.
        crate::support::sort::by_key(&mut bad, |b| pairs.iter().position(|(n, _)| *n == b.name));
        (p, bad)
    }

    /// The parameters as an address query (every one, so a link reproduces
    /// the screen exactly).
    pub fn to_query(&self) -> String {
        format!(
            "{}&currency={}&seed={}",
            self.write_query(),
            self.currency.code(),
            self.seed
        )
    }

    /// The ten assumptions as one comma-separated value, for the "A" set of
    /// an A/B comparison in the address (`compare=50,52,10,…`).
    pub fn to_compact(&self) -> String {
        self.compact()
    }

    /// Reads [`to_compact`](Self::to_compact) back; None unless all ten
    /// values are present and valid. Currency and seed come from `base`.
    pub fn from_compact(text: &str, base: &Params) -> Option<Params> {
        base.read_compact(text).filter(|p| p.validate().is_ok())
    }
}

impl ParamError {
    fn new(param: Param, value: f64, e: Invalid) -> Self {
        match e {
            Invalid::NotFinite => ParamError::NotFinite(param),
            Invalid::OutOfRange => ParamError::OutOfRange { param, value },
            Invalid::NotWhole => ParamError::NotWhole { param, value },
        }
    }
}

/// Every link of the chain for one reach.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Chain {
    /// People she tells.
    pub reach: f64,
    /// Of those, how many she sways.
    pub first: f64,
    /// People those in turn sway.
    pub second: f64,
    /// Everyone influenced: first + second.
    pub influenced: f64,
    /// Customers who stop buying.
    pub lost: f64,
    /// Her own sales over the period.
    pub direct: f64,
    /// The lost customers' sales over the period.
    pub indirect: f64,
    /// direct + indirect.
    pub total: f64,
}

/// Her own sales over the period.
pub fn direct(p: &Params) -> f64 {
    p.weekly * p.weeks * p.years
}

/// The deterministic chain for a given reach (no validation: callers pass
/// validated parameters; any finite input gives a finite result).
pub fn chain(p: &Params, reach: f64) -> Chain {
    let direct = direct(p);
    let first = reach * p.influenced;
    let second = first * p.second;
    let influenced = first + second;
    let lost = influenced * p.stop;
    let indirect = lost * direct;
    Chain {
        reach,
        first,
        second,
        influenced,
        lost,
        direct,
        indirect,
        total: direct + indirect,
    }
}

/// The chain at the low and the high reach.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    pub low: Chain,
    pub high: Chain,
}

impl Outcome {
    /// The most Jack's could spend each year to keep her and still come out
    /// ahead: the profit the low (cautious) estimate loses, per year.
    pub fn keep_budget_per_year(&self, p: &Params) -> f64 {
        self.low.total * p.margin / p.years
    }
}

pub fn compute(p: &Params) -> Result<Outcome, ParamError> {
    p.validate()?;
    Ok(Outcome {
        low: chain(p, p.reach_lo),
        high: chain(p, p.reach_hi),
    })
}

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

/// How much the total (at the middle reach) moves when one assumption moves
/// 20 % down and up (within its bounds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Swing {
    pub param: Param,
    pub down: f64,
    pub up: f64,
}

impl Swing {
    pub fn size(&self) -> f64 {
        (self.up - self.down).abs()
    }
}

/// The total at the middle of the reach range.
pub fn mid_total(p: &Params) -> f64 {
    chain(p, (p.reach_lo + p.reach_hi) / 2.0).total
}

/// The assumptions that drive the sales loss (margin and the cost multiple
/// only re-express it).
pub const DRIVERS: [Param; 8] = [
    Param::Weekly,
    Param::Weeks,
    Param::Years,
    Param::ReachLo,
    Param::ReachHi,
    Param::Influenced,
    Param::Second,
    Param::Stop,
];

/// The tornado: every driver of the sales loss, biggest swing first.
pub fn sensitivity(p: &Params) -> Result<Vec<Swing>, ParamError> {
    p.validate()?;
    let moved = |param: Param, factor: f64| {
        let s = param.spec();
        let mut q = *p;
        let mut v = (p.get(param) * factor).clamp(s.min, s.max);
        if s.integer {
            v = v.round();
        }
        match param {
            Param::ReachLo => v = v.min(p.reach_hi),
            Param::ReachHi => v = v.max(p.reach_lo),
            _ => {}
        }
        q.set(param, v);
        mid_total(&q)
    };
    let mut swings: Vec<Swing> = DRIVERS
        .iter()
        .map(|&param| Swing {
            param,
            down: moved(param, 0.8),
            up: moved(param, 1.2),
        })
        .collect();
    crate::support::sort::by(&mut swings, |a, b| a.size() > b.size());
    Ok(swings)
}
