//! The satisfaction mirror: how customer and staff satisfaction pull each
//! other up, or down, month by month.
//!
//! From lecture 1 (seed 000, 图1-1 客户—员工满意镜; COURSE.md "Satisfaction
//! mirror"), lecture 3 (图2-1 "留人第一": staff value grows with tenure —
//! no output while training, the first 3 months the riskiest, cost not
//! recovered in year 1, output growing in years 2–3), lecture 7's complaint
//! iceberg (图4-2: 8 % complain, 23 % grumble to front-line staff, 69 % leave
//! silently) and lecture 1's 15–40 % yearly staff turnover of Chinese firms.
//! Loyalty Lab's reading is a monthly system-dynamics model. The course gives
//! the mechanisms and their direction; every rate and weight below is the
//! model's own assumption, chosen to be simple, smooth and bounded.
//!
//! ## Stocks (clamped to their ranges every month)
//!
//! `cs` customer satisfaction 0–100; `es` employee satisfaction 0–100;
//! `knowledge` of customers' preferences 0–100; the staff as monthly tenure
//! cohorts 0…120 (the last one "120 and more"; their mean is `tenure`,
//! 0–120 months); yearly `retention` 0–1; `voice_share` 0–1, the unhappy
//! customers the firm hears of; `customers` 0–[`MARKET`] (an index).
//!
//! ## The starting firm (month 0, the same for every run; [`start`])
//!
//! A middling firm: cs 60, es 60, 1000 customers, and every other stock
//! where the default levers hold it steady: staff in the steady state of 25 %
//! yearly turnover (mean tenure ≈ 43 months, productivity ≈ 0.74, realised
//! turnover ≈ 26 % with the risky first months), voice share 0.31 (the
//! iceberg's 8 % + 23 %), retention ≈ 0.75, knowledge ≈ 66. Its quality
//! (≈ 0.63), heard-and-fixed share (≈ 0.20) and efficiency (≈ 0.71) are the
//! reference points written `quality₀`, `heard₀`, `efficiency₀` below. So the
//! default levers change nothing, and every loop term is 0 at the start: a
//! loop's sign says whether it is lifting the firm above where it began or
//! dragging it below.
//!
//! ## Derived each month (levers as fractions: `t` = training/100, `e` =
//! empowerment/100, `p` = pay/100, `h` = hiring/100, `v` = voice/100, `d` =
//! promo/100; `c(x) = (x − ½)/½` centres a lever on its default)
//!
//! - ramp (图2-1): a person with `k` months of tenure produces `r(k) = 0`
//!   while training (`k` < 2), then `1 − exp(−(k − 2)/τ)`, `τ = 8 + 10 ×
//!   (1 − t)` months. At the default training (τ = 13): about ½ at one year,
//!   0.8 at two, 0.93 at three.
//! - productivity = Σ cohort share × r(k) (0–1); tenure = Σ share × k.
//! - turnover: the lever scaled by how staff feel, are paid and were chosen,
//!   `T = turnover × exp(−(es − 60)/50 − 0.5 c(p) − 0.3 c(h))` (% a year, at
//!   most 100); a cohort of tenure `k` leaves with monthly hazard `q(k) =
//!   min(1/12, T/1200 × w(k))`, `w(k) = 1 + 1.5 × (1 − t)` in the first 3
//!   months (better training, fewer early quits), else 1. Leavers (monthly
//!   share `q̄` = Σ share × q) are replaced by new hires at tenure 0. The
//!   reported `turnover` is the realised yearly rate, 1200 × q̄.
//! - quality = 0.3 × es/100 + 0.4 × productivity + 0.15 t + 0.15 h (0–1)
//!   ("quality lives in the process").
//! - recovery effectiveness `eff = 0.2 + 0.5 e + 0.3 × es/100` (0.2–1);
//!   heard-and-fixed `heard = voice_share × eff`.
//! - efficiency = ½ × retention + ½ × knowledge/100 (0–1).
//!
//! ## Updates (month m from the state at the end of month m − 1)
//!
//! - `cs += 0.12 × (60 + K + Q + R − cs)` with the loop terms
//!   - **knowledge** `K = 20 × (knowledge − knowledge₀)/50`
//!   - **quality** `Q = 30 × (quality − quality₀)/0.5`
//!   - **recovery** `R = 30 × (1 − quality) × (heard − heard₀)`: of the
//!     failures (1 − quality), those heard and put right lift cs; hearing and
//!     fixing less than the starting firm lets them drag cs down.
//! - `es += 0.15 × (60 + A + E + L − es)` with
//!   - **achievement** `A = 20 × (cs − 60)/50` (satisfied customers make
//!     conversations easy and give staff a sense of achievement)
//!   - **efficiency** `E = 5 × (efficiency − efficiency₀)/0.3` (regulars know
//!     the process: less costly consultation, less stress)
//!   - levers `L = 10 c(e) + 8 c(p) + 5 c(t) + 4 c(h)`
//! - `knowledge += 0.08 × (100 × retention − knowledge) − ½ × q̄ ×
//!   knowledge` (repeat purchases teach the firm; leavers take half of what
//!   they knew with them)
//! - `retention += 0.15 × (r* − retention)`, `r* = 0.93 − 0.55 × (1 −
//!   cs/100) × (1 − heard) − 0.2 d` (unhappy customers who are not heard and
//!   helped leave silently; discount hunters are less loyal)
//! - `voice_share += 0.2 × (s* − voice_share)`, `s* = 0.16 v + 0.46 v ×
//!   (0.45 + ½ × (es/100 + e))`: formal complaints plus the grumbles
//!   front-line staff pass on (more when they are satisfied and empowered);
//!   0.31 at the defaults.
//! - cohorts: `staff'(0) = q̄`, `staff'(k + 1) = staff(k) × (1 − q(k))`, the
//!   last cohort keeps its own survivors too.
//! - customers: `n' = n × retention^(1/12) + (n × g × (cs/100)² + 50 d ×
//!   exp(−(m − 1)/4)) × (1 − n/MARKET)`: word of mouth from satisfied
//!   customers (`g` set so the starting firm's base holds steady) plus a brief
//!   burst of new buyers from discounting, both limited by the market.
//! - shock: at the end of month `shock_month` (1…months; 0 = none) a share
//!   `shock_size` of the staff leaves at once and is replaced by new hires
//!   (every cohort × (1 − size), then cohort 0 + size), and knowledge × (1 −
//!   size/2). cs is untouched that month and feels it in the months after,
//!   through productivity, quality and knowledge.
//!
//! Monotone by construction: every stock that feeds back (cs, es, knowledge,
//! cohorts, retention, voice share) and the levers training, empowerment,
//! pay, hiring and voice only ever push each other up (the cohort update
//! keeps "more experienced" more experienced because hazards never rise
//! with tenure; recovery never outweighs the failure it fixes), while
//! turnover, promo and the shock only push down. So more training or
//! empowerment never lowers cs or es, and the rest likewise (tested).
//! Customers and profit are outputs and feed nothing back.
//!
//! ## Flows and the verdict
//!
//! Each loop's flow is its signed push on its target this month, in points
//! of the target's 0–100 scale: knowledge, recovery, quality → cs (0.12 ×
//! K, R, Q); achievement, efficiency → es (0.15 × A, E); **tenure** (es, pay,
//! hiring → turnover → experience) → the tenure gained this month over what
//! the turnover lever alone would give, × 100/120. `dominant` is the loop
//! with the largest |cumulative flow|. [`Class`]: cs and es both up by at
//! least [`CLASS_POINTS`] from month 0 → virtuous, both down by as much →
//! vicious, otherwise stalled.
//!
//! ## Profit (an output, not fed back)
//!
//! With `n` = customers/1000 and wage `w = 0.25 × (0.8 + 0.4 p)`: revenue
//! `n × (0.85 + 0.2 × retention) × (1 − 0.1 d)` (loyal customers spend more;
//! discounts cost margin) − serving `n × 0.35 × (1.3 − 0.6 × efficiency)` −
//! staff `n × w / (0.4 + 0.6 × productivity)` − replacing leavers `n × w ×
//! 2 × q̄` (plus the shock's leavers in its month) − training `0.04 t` −
//! complaint handling `0.02 v n`. The index is 100 × that / the starting
//! firm's, so month 0 is 100 for every run and investing first costs, then
//! pays.
//!
//! Pure module: no yew, no web-sys. Invalid levers are a [`LeverError`],
//! never a panic.

use crate::models::params::BadParam;
use crate::models::params::{self, Invalid, ParamSet};

/// One adjustable lever.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Training,
    Empowerment,
    Pay,
    Hiring,
    Voice,
    Turnover,
    Promo,
    Months,
    ShockMonth,
    ShockSize,
}

/// How a lever is named in the address, bounded and stepped.
pub type Spec = params::Spec<Param>;

/// Every lever. Defaults: a middling firm. The five 0–100 levers sit at 50
/// (neither invests nor neglects); turnover 25 % a year, inside the course's
/// 15–40 % for Chinese firms; promo 0 (the starting firm does not discount,
/// so any discounting is a visible decision); 36 months, long enough for
/// 图2-1's years 2–3 to show; no shock (month 0), and a shock size of 30 %
/// ready for when a month is chosen.
pub const SPECS: [Spec; 10] = [
    Spec::new(Param::Training, "training", 0.0, 100.0, 1.0, 50.0, false, false),
    Spec::new(Param::Empowerment, "empowerment", 0.0, 100.0, 1.0, 50.0, false, false),
    Spec::new(Param::Pay, "pay", 0.0, 100.0, 1.0, 50.0, false, false),
    Spec::new(Param::Hiring, "hiring", 0.0, 100.0, 1.0, 50.0, false, false),
    Spec::new(Param::Voice, "voice", 0.0, 100.0, 1.0, 50.0, false, false),
    Spec::new(Param::Turnover, "turnover", 0.0, 100.0, 1.0, 25.0, false, false),
    Spec::new(Param::Promo, "promo", 0.0, 100.0, 1.0, 0.0, false, false),
    Spec::new(Param::Months, "months", 6.0, 120.0, 1.0, 36.0, true, false),
    Spec::new(Param::ShockMonth, "shock_month", 0.0, 120.0, 1.0, 0.0, true, false),
    Spec::new(Param::ShockSize, "shock_size", 0.0, 1.0, 0.01, 0.3, false, true),
];

impl Param {
    pub fn spec(self) -> &'static Spec {
        Levers::spec_of(self)
    }
}

/// A full set of levers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Levers {
    /// Training (0–100): faster productivity ramp, fewer early quits, quality.
    pub training: f64,
    /// Front-line authority (0–100): recovery effectiveness, es.
    pub empowerment: f64,
    /// Pay competitiveness (0–100): lower turnover, es; costs profit.
    pub pay: f64,
    /// Hiring selectivity (0–100): base quality, fit (es), lower turnover.
    pub hiring: f64,
    /// How easy it is to complain (0–100).
    pub voice: f64,
    /// Baseline yearly staff turnover, % (0–100).
    pub turnover: f64,
    /// Short-term discounting (0–100).
    pub promo: f64,
    /// Run length in months (6–120).
    pub months: f64,
    /// Month at whose end the shock hits (0, or later than `months` = none).
    pub shock_month: f64,
    /// Share of staff who leave at once (0–1).
    pub shock_size: f64,
}

impl Default for Levers {
    fn default() -> Self {
        let mut l = Levers {
            training: 0.0,
            empowerment: 0.0,
            pay: 0.0,
            hiring: 0.0,
            voice: 0.0,
            turnover: 0.0,
            promo: 0.0,
            months: 0.0,
            shock_month: 0.0,
            shock_size: 0.0,
        };
        for s in &SPECS {
            l.set(s.param, s.default);
        }
        l
    }
}

/// Why a set of levers cannot be run.
#[derive(Clone, Debug, PartialEq)]
pub enum LeverError {
    NotFinite(Param),
    OutOfRange { param: Param, value: f64 },
    NotWhole { param: Param, value: f64 },
}

impl ParamSet for Levers {
    type Param = Param;
    const SPECS: &'static [Spec] = &SPECS;

    fn get(&self, p: Param) -> f64 {
        match p {
            Param::Training => self.training,
            Param::Empowerment => self.empowerment,
            Param::Pay => self.pay,
            Param::Hiring => self.hiring,
            Param::Voice => self.voice,
            Param::Turnover => self.turnover,
            Param::Promo => self.promo,
            Param::Months => self.months,
            Param::ShockMonth => self.shock_month,
            Param::ShockSize => self.shock_size,
        }
    }

    fn set(&mut self, p: Param, v: f64) {
        let slot = match p {
            Param::Training => &mut self.training,
            Param::Empowerment => &mut self.empowerment,
            Param::Pay => &mut self.pay,
            Param::Hiring => &mut self.hiring,
            Param::Voice => &mut self.voice,
            Param::Turnover => &mut self.turnover,
            Param::Promo => &mut self.promo,
            Param::Months => &mut self.months,
            Param::ShockMonth => &mut self.shock_month,
            Param::ShockSize => &mut self.shock_size,
        };
        *slot = v;
    }
}

impl Levers {
    /// Checks one value against its lever's bounds.
    pub fn check_value(param: Param, v: f64) -> Result<(), LeverError> {
        param.spec().check(v).map_err(|e| LeverError::new(param, v, e))
    }

    pub fn validate(&self) -> Result<(), LeverError> {
        match self.first_invalid() {
            Some((param, v, e)) => Err(LeverError::new(param, v, e)),
            None => Ok(()),
        }
    }

    /// Reads levers from an address query; anything missing takes its
    /// default, anything invalid takes its default and is reported. Unknown
    /// names (`lang`, `present`, …) are left to others.
    pub fn from_query(pairs: &[(String, String)]) -> (Levers, Vec<BadParam>) {
        let mut l = Levers::default();
        let mut bad = Vec::new();
        l.read_query(pairs, &mut bad);
        (l, bad)
    }

    /// The levers as an address query (every one, so a link reproduces the
    /// screen exactly).
    pub fn to_query(&self) -> String {
        self.write_query()
    }

    /// The ten levers as one comma-separated value in [`SPECS`] order, for
    /// the "A" set of an A/B comparison in the address
    /// (`compare=50,50,50,50,50,25,0,36,0,0.3`).
    pub fn to_compact(&self) -> String {
        self.compact()
    }

    /// Reads [`to_compact`](Self::to_compact) back; None unless all ten
    /// values are present and valid.
    pub fn from_compact(text: &str) -> Option<Levers> {
        Levers::default().read_compact(text)
    }
}

impl LeverError {
    fn new(param: Param, value: f64, e: Invalid) -> Self {
        match e {
            Invalid::NotFinite => LeverError::NotFinite(param),
            Invalid::OutOfRange => LeverError::OutOfRange { param, value },
            Invalid::NotWhole => LeverError::NotWhole { param, value },
        }
    }
}

/// Ready-made lever sets: the starting firm ("middle"), the course's two
/// stories ("invest", "cut") and a staff shock ("shock").
pub fn presets() -> Vec<(&'static str, Levers)> {
    let d = Levers::default();
    vec![
        ("middle", d),
        (
            // Invest in staff (lecture 3–4): train, empower, pay and choose
            // well, listen to complaints, keep people, no discount chasing.
            "invest",
            Levers {
                training: 85.0,
                empowerment: 85.0,
                pay: 75.0,
                hiring: 70.0,
                voice: 70.0,
                turnover: 10.0,
                promo: 0.0,
                ..d
            },
        ),
        (
            // Cut costs: almost no training, low pay, staff churn, and buy
            // customers with heavy discounts (the mirror turned downward).
            "cut",
            Levers {
                training: 5.0,
                empowerment: 20.0,
                pay: 15.0,
                hiring: 30.0,
                voice: 30.0,
                turnover: 45.0,
                promo: 70.0,
                ..d
            },
        ),
        (
            // The middling firm loses half its staff at the end of year one.
            "shock",
            Levers {
                shock_month: 12.0,
                shock_size: 0.5,
                ..d
            },
        ),
    ]
}

/// One feedback loop of the mirror.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Loop {
    /// Repeat purchases → knowledge of preferences → smoother service → cs.
    Knowledge,
    /// Voice → heard complaints → recovered failures → cs.
    Recovery,
    /// Satisfied customers → easy conversations, achievement → es.
    Achievement,
    /// Regulars know the process → efficiency → profit and less stress (es).
    Efficiency,
    /// es and experience → process quality → cs.
    Quality,
    /// es, pay, hiring → lower turnover → tenure (experience).
    Tenure,
}

/// Every loop, in the order of [`Month::flows`].
pub const LOOPS: [Loop; 6] = [
    Loop::Knowledge,
    Loop::Recovery,
    Loop::Achievement,
    Loop::Efficiency,
    Loop::Quality,
    Loop::Tenure,
];

impl Loop {
    /// Stable name (addresses, interface strings, tests).
    pub fn key(self) -> &'static str {
        match self {
            Loop::Knowledge => "knowledge",
            Loop::Recovery => "recovery",
            Loop::Achievement => "achievement",
            Loop::Efficiency => "efficiency",
            Loop::Quality => "quality",
            Loop::Tenure => "tenure",
        }
    }

    /// The stock the loop's flow pushes: "cs", "es" or "tenure".
    pub fn target(self) -> &'static str {
        match self {
            Loop::Knowledge | Loop::Recovery | Loop::Quality => "cs",
            Loop::Achievement | Loop::Efficiency => "es",
            Loop::Tenure => "tenure",
        }
    }

    /// Position in [`LOOPS`] and [`Month::flows`].
    pub fn index(self) -> usize {
        match self {
            Loop::Knowledge => 0,
            Loop::Recovery => 1,
            Loop::Achievement => 2,
            Loop::Efficiency => 3,
            Loop::Quality => 4,
            Loop::Tenure => 5,
        }
    }

    pub fn parse(key: &str) -> Option<Loop> {
        LOOPS.iter().copied().find(|l| l.key() == key)
    }
}

/// Which way the mirror turned over a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    Virtuous,
    Vicious,
    Stalled,
}

impl Class {
    pub fn key(self) -> &'static str {
        match self {
            Class::Virtuous => "virtuous",
            Class::Vicious => "vicious",
            Class::Stalled => "stalled",
        }
    }
}

/// How far (points) cs and es must both move for a run to count as a cycle.
pub const CLASS_POINTS: f64 = 5.0;

/// cs and es both up by [`CLASS_POINTS`] → virtuous, both down → vicious.
pub fn classify(start: &Month, end: &Month) -> Class {
    let (dcs, des) = (end.cs - start.cs, end.es - start.es);
    if dcs >= CLASS_POINTS && des >= CLASS_POINTS {
        Class::Virtuous
    } else if dcs <= -CLASS_POINTS && des <= -CLASS_POINTS {
        Class::Vicious
    } else {
        Class::Stalled
    }
}

/// The market the customer index can fill (4 × the starting base).
pub const MARKET: f64 = 4000.0;
/// Longest tenure tracked (months); the last cohort is "this and more".
pub const TENURE_MAX: f64 = 120.0;
/// Bounds of the profit index.
pub const PROFIT_MIN: f64 = -1000.0;
pub const PROFIT_MAX: f64 = 1000.0;

/// One month of a run: the stocks at the month's end, and what moved them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Month {
    /// 0 = the starting firm.
    pub month: u32,
    /// Customer satisfaction, 0–100.
    pub cs: f64,
    /// Employee satisfaction, 0–100.
    pub es: f64,
    /// Knowledge of customers' preferences, 0–100.
    pub knowledge: f64,
    /// Average staff tenure, months (0–120).
    pub tenure: f64,
    /// Output per person as a share of a fully ramped veteran's, 0–1.
    pub productivity: f64,
    /// Yearly customer retention, 0–1.
    pub retention: f64,
    /// Share of unhappy customers the firm hears of, 0–1.
    pub voice_share: f64,
    /// Realised yearly staff turnover this month, % (0–100; a shock is not
    /// counted here).
    pub turnover: f64,
    /// Customer base index (1000 at the start, 0–[`MARKET`]).
    pub customers: f64,
    /// Profit index ([`PROFIT_MIN`]–[`PROFIT_MAX`]; 100 at month 0).
    pub profit: f64,
    /// Each loop's signed push on its target this month, in [`LOOPS`] order
    /// (points of the target's 0–100 scale; all zero at month 0).
    pub flows: [f64; 6],
}

impl Month {
    pub fn flow(&self, l: Loop) -> f64 {
        self.flows[l.index()]
    }
}

/// A whole run.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// months + 1 entries, month 0 first.
    pub months: Vec<Month>,
    pub class: Class,
    /// The loop with the largest absolute cumulative flow (the first in
    /// [`LOOPS`] on a tie).
    pub dominant: Loop,
}

impl Run {
    /// Each loop's flow summed over the run, in [`LOOPS`] order.
    pub fn cumulative(&self) -> [f64; 6] {
        cumulative(&self.months)
    }
}

fn cumulative(months: &[Month]) -> [f64; 6] {
    let mut sum = [0.0; 6];
    for m in months {
        for (s, f) in sum.iter_mut().zip(m.flows) {
            *s += f;
        }
    }
    sum
}

const COHORTS: usize = TENURE_MAX as usize + 1;
/// Months of training with no output (图2-1).
const TRAINING_MONTHS: f64 = 2.0;
/// The first months, when new hires are most likely to leave (图2-1).
const RISKY_MONTHS: usize = 3;
const CS_RATE: f64 = 0.12;
const ES_RATE: f64 = 0.15;
const KNOWLEDGE_RATE: f64 = 0.08;
const RETENTION_RATE: f64 = 0.15;
const VOICE_RATE: f64 = 0.2;

/// The stocks.
#[derive(Clone, Copy, Debug, PartialEq)]
struct State {
    cs: f64,
    es: f64,
    knowledge: f64,
    retention: f64,
    voice_share: f64,
    customers: f64,
    /// Share of staff by months of tenure; sums to 1.
    staff: [f64; COHORTS],
}

/// The starting firm and the reference points its loops are measured from.
#[derive(Clone, Copy, Debug)]
struct Firm {
    state: State,
    quality: f64,
    heard: f64,
    efficiency: f64,
    /// Word-of-mouth rate that keeps its customer base steady.
    wom: f64,
    /// Its raw profit: the index's 100.
    profit: f64,
}

/// Levers as fractions.
#[derive(Clone, Copy)]
struct Frac {
    t: f64,
    e: f64,
    p: f64,
    h: f64,
    v: f64,
    d: f64,
}

impl Frac {
    fn of(l: &Levers) -> Frac {
        Frac {
            t: l.training / 100.0,
            e: l.empowerment / 100.0,
            p: l.pay / 100.0,
            h: l.hiring / 100.0,
            v: l.voice / 100.0,
            d: l.promo / 100.0,
        }
    }
}

/// Output of a person with `k` months of tenure (图2-1).
fn ramp(k: f64, t: f64) -> f64 {
    let tau = 8.0 + 10.0 * (1.0 - t);
    if k < TRAINING_MONTHS {
        0.0
    } else {
        1.0 - (-(k - TRAINING_MONTHS) / tau).exp()
    }
}

fn productivity(staff: &[f64; COHORTS], t: f64) -> f64 {
    let p: f64 = staff.iter().enumerate().map(|(k, s)| s * ramp(k as f64, t)).sum();
    p.clamp(0.0, 1.0)
}

fn tenure(staff: &[f64; COHORTS]) -> f64 {
    let m: f64 = staff.iter().enumerate().map(|(k, s)| s * k as f64).sum();
    m.clamp(0.0, TENURE_MAX)
}

/// Yearly turnover (%) past the risky months: the baseline lever scaled by
/// es, pay and hiring (equal to the lever at es 60 and middling pay and
/// hiring).
fn firm_turnover(l: &Levers, f: Frac, es: f64) -> f64 {
    let m = (-(es - 60.0) / 50.0 - 0.5 * (f.p - 0.5) / 0.5 - 0.3 * (f.h - 0.5) / 0.5).exp();
    (l.turnover * m).clamp(0.0, 100.0)
}

/// Monthly leaving hazard of each cohort (never rising with tenure).
fn hazards(yearly: f64, t: f64) -> [f64; COHORTS] {
    let mut q = [0.0; COHORTS];
    for (k, h) in q.iter_mut().enumerate() {
        let w = if k < RISKY_MONTHS { 1.0 + 1.5 * (1.0 - t) } else { 1.0 };
        *h = (yearly / 1200.0 * w).clamp(0.0, 1.0 / 12.0);
    }
    q
}

/// Next month's staff, and the share that left (replaced by new hires).
fn age(staff: &[f64; COHORTS], q: &[f64; COHORTS]) -> ([f64; COHORTS], f64) {
    let mut next = [0.0; COHORTS];
    let mut left = 0.0;
    for (k, (s, q)) in staff.iter().zip(q).enumerate() {
        left += s * q;
        next[(k + 1).min(COHORTS - 1)] += s * (1.0 - q);
    }
    next[0] += left;
    (next, left)
}

/// The cohorts that `q` keeps unchanged (hazards are positive here).
fn steady_staff(q: &[f64; COHORTS]) -> [f64; COHORTS] {
    let mut staff = [0.0; COHORTS];
    let mut share = 1.0;
    for (s, q) in staff.iter_mut().zip(q) {
        *s = share;
        share *= 1.0 - q;
    }
    let last = COHORTS - 1;
    staff[last] = if q[last] > 0.0 {
        staff[last] / q[last]
    } else {
        staff[last]
    };
    let total: f64 = staff.iter().sum();
    staff.map(|s| s / total)
}

fn leaving(staff: &[f64; COHORTS], q: &[f64; COHORTS]) -> f64 {
    staff.iter().zip(q).map(|(s, q)| s * q).sum()
}

fn quality(es: f64, productivity: f64, f: Frac) -> f64 {
    (0.3 * es / 100.0 + 0.4 * productivity + 0.15 * f.t + 0.15 * f.h).clamp(0.0, 1.0)
}

fn effectiveness(es: f64, f: Frac) -> f64 {
    0.2 + 0.5 * f.e + 0.3 * es / 100.0
}

fn efficiency(retention: f64, knowledge: f64) -> f64 {
    0.5 * retention + 0.5 * knowledge / 100.0
}

fn target_voice(es: f64, f: Frac) -> f64 {
    let relay = 0.45 + 0.5 * (es / 100.0 + f.e);
    0.16 * f.v + 0.46 * f.v * relay
}

fn target_retention(cs: f64, heard: f64, f: Frac) -> f64 {
    0.93 - 0.55 * (1.0 - cs / 100.0) * (1.0 - heard) - 0.2 * f.d
}

/// Raw profit (not yet an index).
fn raw_profit(s: &State, f: Frac, productivity: f64, left: f64) -> f64 {
    let c = s.customers / 1000.0;
    let revenue = c * (0.85 + 0.2 * s.retention) * (1.0 - 0.1 * f.d);
    let serving = c * 0.35 * (1.3 - 0.6 * efficiency(s.retention, s.knowledge));
    let wage = 0.25 * (0.8 + 0.4 * f.p);
    let staff = c * wage / (0.4 + 0.6 * productivity);
    let replacing = c * wage * 2.0 * left;
    revenue - serving - staff - replacing - 0.04 * f.t - 0.02 * f.v * c
}

/// The middling firm every run starts from: cs and es 60, 1000 customers,
/// and every other stock where the default levers hold it steady.
fn firm() -> Firm {
    let f = Frac::of(&Levers::default());
    let (cs, es) = (60.0, 60.0);
    let q = hazards(firm_turnover(&Levers::default(), f, es), f.t);
    let staff = steady_staff(&q);
    let left = leaving(&staff, &q);
    let prod = productivity(&staff, f.t);
    let voice_share = target_voice(es, f);
    let heard = voice_share * effectiveness(es, f);
    let retention = target_retention(cs, heard, f);
    let knowledge = KNOWLEDGE_RATE * 100.0 * retention / (KNOWLEDGE_RATE + 0.5 * left);
    let state = State {
        cs,
        es,
        knowledge,
        retention,
        voice_share,
        customers: 1000.0,
        staff,
    };
    let churn = 1.0 - retention.powf(1.0 / 12.0);
    let wom = churn / ((cs / 100.0_f64).powi(2) * (1.0 - 1000.0 / MARKET));
    let raw = raw_profit(&state, f, prod, left);
    Firm {
        state,
        quality: quality(es, prod, f),
        heard,
        efficiency: efficiency(retention, knowledge),
        wom,
        profit: if raw > 0.0 { raw } else { 1.0 },
    }
}

/// One month forward: the new state and its record.
fn step(s: &State, firm: &Firm, l: &Levers, m: u32) -> (State, Month) {
    let f = Frac::of(l);
    let prod = productivity(&s.staff, f.t);
    let qual = quality(s.es, prod, f);
    let heard = s.voice_share * effectiveness(s.es, f);
    let start = &firm.state;

    // Customer satisfaction.
    let k_term = 20.0 * (s.knowledge - start.knowledge) / 50.0;
    let q_term = 30.0 * (qual - firm.quality) / 0.5;
    let r_term = 30.0 * (1.0 - qual) * (heard - firm.heard);
    let cs = s.cs + CS_RATE * (start.cs + k_term + q_term + r_term - s.cs);

    // Employee satisfaction.
    let a_term = 20.0 * (s.cs - start.cs) / 50.0;
    let e_term = 5.0 * (efficiency(s.retention, s.knowledge) - firm.efficiency) / 0.3;
    let centred = |x: f64| (x - 0.5) / 0.5;
    let levers = 10.0 * centred(f.e) + 8.0 * centred(f.p) + 5.0 * centred(f.t) + 4.0 * centred(f.h);
    let es = s.es + ES_RATE * (start.es + a_term + e_term + levers - s.es);

    // Staff: turnover, ageing, replacement.
    let q = hazards(firm_turnover(l, f, s.es), f.t);
    let (staff, left) = age(&s.staff, &q);
    let (baseline, _) = age(&s.staff, &hazards(l.turnover, f.t));
    let tenure_flow = (tenure(&staff) - tenure(&baseline)) * 100.0 / TENURE_MAX;

    // Knowledge, retention, voice.
    let knowledge = s.knowledge + KNOWLEDGE_RATE * (100.0 * s.retention - s.knowledge) - 0.5 * left * s.knowledge;
    let retention = s.retention + RETENTION_RATE * (target_retention(s.cs, heard, f) - s.retention);
    let voice_share = s.voice_share + VOICE_RATE * (target_voice(s.es, f) - s.voice_share);

    // Customers: the loyal stay, word of mouth and discounts bring new ones.
    let room = (1.0 - s.customers / MARKET).clamp(0.0, 1.0);
    let burst = 50.0 * f.d * (-(f64::from(m) - 1.0) / 4.0).exp();
    let newcomers = (s.customers * firm.wom * (s.cs / 100.0).powi(2) + burst) * room;
    let customers = s.customers * s.retention.clamp(0.0, 1.0).powf(1.0 / 12.0) + newcomers;

    let mut next = State {
        cs: finite(cs, 0.0, 100.0),
        es: finite(es, 0.0, 100.0),
        knowledge: finite(knowledge, 0.0, 100.0),
        retention: finite(retention, 0.0, 1.0),
        voice_share: finite(voice_share, 0.0, 1.0),
        customers: finite(customers, 0.0, MARKET),
        staff,
    };
    let mut replaced = left;
    if l.shock_month >= 1.0 && f64::from(m) == l.shock_month {
        let size = l.shock_size.clamp(0.0, 1.0);
        replaced += size;
        for share in next.staff.iter_mut() {
            *share *= 1.0 - size;
        }
        next.staff[0] += size;
        next.knowledge = finite(next.knowledge * (1.0 - size / 2.0), 0.0, 100.0);
    }

    let prod_end = productivity(&next.staff, f.t);
    let profit = 100.0 * raw_profit(&next, f, prod_end, replaced) / firm.profit;
    let mut flows = [0.0; 6];
    flows[Loop::Knowledge.index()] = CS_RATE * k_term;
    flows[Loop::Recovery.index()] = CS_RATE * r_term;
    flows[Loop::Quality.index()] = CS_RATE * q_term;
    flows[Loop::Achievement.index()] = ES_RATE * a_term;
    flows[Loop::Efficiency.index()] = ES_RATE * e_term;
    flows[Loop::Tenure.index()] = tenure_flow;
    let record = record(&next, m, prod_end, 1200.0 * left, profit, flows);
    (next, record)
}

/// `x` if finite, clamped; `lo` otherwise (cannot happen with valid levers).
fn finite(x: f64, lo: f64, hi: f64) -> f64 {
    if x.is_finite() {
        x.clamp(lo, hi)
    } else {
        lo
    }
}

fn record(s: &State, m: u32, productivity: f64, turnover: f64, profit: f64, flows: [f64; 6]) -> Month {
    Month {
        month: m,
        cs: s.cs,
        es: s.es,
        knowledge: s.knowledge,
        tenure: tenure(&s.staff),
        productivity,
        retention: s.retention,
        voice_share: s.voice_share,
        turnover: finite(turnover, 0.0, 100.0),
        customers: s.customers,
        profit: finite(profit, PROFIT_MIN, PROFIT_MAX),
        flows: flows.map(|x| finite(x, -100.0, 100.0)),
    }
}

/// The starting firm as month 0: the same for every run.
pub fn start() -> Month {
    start_of(&firm())
}

fn start_of(firm: &Firm) -> Month {
    let f = Frac::of(&Levers::default());
    let s = &firm.state;
    let q = hazards(firm_turnover(&Levers::default(), f, s.es), f.t);
    let left = leaving(&s.staff, &q);
    record(s, 0, productivity(&s.staff, f.t), 1200.0 * left, 100.0, [0.0; 6])
}

/// Runs the model for `levers.months` months.
pub fn run(levers: &Levers) -> Result<Run, LeverError> {
    levers.validate()?;
    let n = levers.months as u32;
    let firm = firm();
    let mut months = Vec::with_capacity(n as usize + 1);
    months.push(start_of(&firm));
    let mut state = firm.state;
    for m in 1..=n {
        let (next, record) = step(&state, &firm, levers, m);
        state = next;
        months.push(record);
    }
    let class = match (months.first(), months.last()) {
        (Some(a), Some(b)) => classify(a, b),
        _ => Class::Stalled,
    };
    let sum = cumulative(&months);
    let mut dominant = LOOPS[0];
    for l in LOOPS {
        if sum[l.index()].abs() > sum[dominant.index()].abs() {
            dominant = l;
        }
    }
    Ok(Run {
        months,
        class,
        dominant,
    })
}
