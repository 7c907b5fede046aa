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

mod dynamics;
mod levers;
mod loops;
mod presets;
mod run;
mod staff;

pub use dynamics::{run, start};
pub use levers::{LeverError, Levers, Param, Spec, SPECS};
pub use loops::{Loop, LOOPS};
pub use presets::presets;
pub use run::{classify, Class, Month, Run, CLASS_POINTS, MARKET, PROFIT_MAX, PROFIT_MIN, TENURE_MAX};
pub use staff::{ramp_output, RISKY_MONTHS, TRAINING_MONTHS};
