//! The complaint emotion line: how a customer's mood moves from the purchase
//! through a service failure and the firm's response, and the rules the
//! recovery role-play is scored by.
//!
//! From lectures 7–8 (seed 000; COURSE.md "Emotion line and recovery"):
//! 图4-3 (the emotion line and its three paths), 图4-4 (the six recovery
//! steps: feel, apologise, solve, investigate, add a bonus, prevent), 图5-1
//! (the rational platform: no agreement while the customer is too upset),
//! the five reception techniques, 图5-2 (what complainants care about: a
//! resolution, its speed, the attitude), the ten improper ways to handle a
//! complaint, plus seed 004's forbidden phrases and seed 003's word of mouth
//! (an unhappy customer tells about 11 people, a happy one about 3). The
//! course gives the shapes and the directions; every number below that is
//! not cited is Loyalty Lab's own assumption, chosen to be simple and
//! bounded.
//!
//! ## The line (图4-3): [`line()`] and [`path()`]
//!
//! Emotion runs 0 (the bottom: the relationship ends) to 100, in abstract
//! ticks `t = 0..=`[`HORIZON`].
//!
//! - t = 0: [`START`] (80), high because of the promises made at the sale.
//! - Before the failure: a slow drift, −[`DRIFT`] (1) a tick.
//! - At `failure_at` (1–8): drift once more, then the failure takes away the
//!   share `severity` (0.05–1) of what is left.
//! - For `delay` ticks (0–8) nobody answers: −[`FESTER`] (5) a tick.
//! - Then the remedy: the chosen steps, one a tick, always in the course's
//!   order. Feel (0.30), apologise (0.25), solve (0.50) and investigate
//!   (0.30) close that share of the gap up to [`START`] — fixing can give
//!   back what was lost, no more. Solving while still below the rational
//!   platform, before any feeling or apology, closes only 0.3 × its share.
//!   Add a bonus (0.35) and prevent (0.25) close their share of the gap up
//!   to 100 — they break the balance upwards — but only once the problem is
//!   solved (before that they add nothing).
//! - Afterwards a solved problem holds its level; an unsolved one (no remedy
//!   at all, or words without a fix) goes on falling −[`FESTER`] a tick to
//!   the bottom.
//!
//! The three canonical paths ([`Path`]): **none** (no step) falls to 0 and the
//! relationship ends; **ordinary** (apologise + solve) climbs back part of
//! the way and stays below the start (the customer fears a repeat);
//! **perfect** (all six) climbs step by step and ends above the start. For
//! every valid parameter set: final(none) = 0 < final(ordinary) < [`START`]
//! < final(perfect) (the ordinary fix closes 62.5 % of a gap below the
//! start; the perfect one leaves at most 0.49 × 34.7 ≈ 17 points of the gap
//! to 100, which is less than the 20 between the start and 100).
//!
//! ## The rational platform (图5-1)
//!
//! Below [`RATIONAL_PLATFORM`] (40) the customer is too upset for any
//! agreement: [`can_agree`]. Feeling and apologising bring them back up.
//! The five reception techniques map onto the tags: calming the emotion and
//! empathy are `feel`; active listening and (closed) questions are
//! `investigate`; apology and thanks are `apologise`, spoiled by
//! `forbidden:company` ("I represent the company", a dodging "we") and
//! `forbidden:but`; quick and preventive solutions are `solve` and
//! `prevent`. What complainants care about (图5-2) is scored too: a
//! resolution (solving), its speed (minutes, the speed factor, "resolved
//! quickly") and the attitude (every mistake costs).
//!
//! ## Tags ([`Tag`], as written in the scenario files)
//!
//! - the six steps: `feel`, `apologise`, `solve`, `investigate`, `bonus`,
//!   `prevent`;
//! - the ten improper ways (lecture 8), `improper:` + `sorry-no-action`
//!   (sorry, no action), `refuse`, `empty-promise`, `no-response`, `rude`,
//!   `pass-the-buck`, `dodge-responsibility` (hiding behind "the company"),
//!   `body-language` (refusal without words), `interview` (irrelevant
//!   personal questions), `interrogate` (questioning like a suspect);
//! - forbidden phrases, `forbidden:` + `dont-know` ("I don't know"),
//!   `not-my-job` ("that's not my job / department"), `company` (speaking
//!   for "the company" / "we" to dodge), `but` (lectures 6 and 8), and from
//!   seed 004 `just-a-second` ("wait, two seconds"), `cant-do-that` ("we
//!   can't do that"), `you-must` ("you have to…"), `no` (a flat "No!");
//! - `near-miss`: plausible but weak.
//!
//! ## The role-play rules: [`Session::respond`]
//!
//! A [`Session`] starts at the level the default line reaches right after
//! the failure (at [`DEFAULT_FAILURE_AT`] = 4), `(START − 4 × DRIFT) × (1 −
//! severity)`: 30.4 at severity 0.6, 0 at severity 1. Each reply the trainee
//! picks carries [`Tag`]s and takes `minutes`:
//!
//! 1. The reply's tags act in order (2–4), then its minutes pass (5).
//! 2. A step adds its points ([`Step::points`]: feel 10, apologise 8, solve
//!    24, investigate 6, bonus 10, prevent 6) times:
//!    - 1 in the right order (every earlier step done), 0.5 out of order,
//!      0.25 for a step already done;
//!    - solve: 0.3 if the customer is below the platform and has been
//!      neither felt with nor apologised to; and a speed factor — full if
//!      the problem is solved within [`PEAK_MINUTES`] (15, before the bad
//!      mood peaks), then `PEAK_MINUTES / elapsed`, never below 0.5;
//!    - bonus: 0 before the problem is solved (it does not count, and is not
//!      recorded as done);
//!    - prevent: adds trust at the end — its full 6 points only once the
//!      problem is solved, 2 before.
//! 3. A near miss (plausible but weak) adds [`NEAR_MISS_POINTS`] (1).
//! 4. Each improper way costs [`Improper::cost`] (15 for refusing, no
//!    response, rudeness and interrogating; 10 for the other six); each
//!    forbidden phrase costs [`FORBIDDEN_COST`] (8). Both are recorded as
//!    mistakes.
//! 5. Time: every minute costs [`MINUTE_COST`] (0.5) if the problem was
//!    unsolved when the reply began, [`MINUTE_COST_SOLVED`] (0.1) if it was
//!    already solved. The clock (`elapsed`, used by the speed factor and
//!    `solved_at`) counts the reply's own minutes: a fix is done when the
//!    reply that makes it is over.
//! 6. Emotion is clamped to 0–100 after every tag and after the minutes.
//!    Reaching 0 during a reply ends the relationship: the customer walks
//!    away and nothing said later counts ([`Session::lost`]).
//!
//! So the six steps in the course's order score more than any other order
//! of the same replies (tested for all 719 other orders; only an easy
//! customer who reaches the top of the scale either way can tie).
//!
//! ## The outcome: [`outcome`]
//!
//! - Resolved quickly: solved within [`PEAK_MINUTES`] and ending on or above
//!   the platform; resolved: solved later, on or above the platform;
//!   otherwise unresolved (not solved, walked away, or still too upset to
//!   accept the fix).
//! - Repurchase likelihood (图4-1's idea: the better and faster the
//!   handling, the more customers come back). Seed 000 names a Wharton
//!   survey split at $100 but its figure's numbers are not in the text, so
//!   Loyalty Lab uses the widely cited figures attributed to TARP
//!   (Technical Assistance Research Programs) for the US Office of Consumer
//!   Affairs ("Consumer Complaint Handling in America", 1979, and its 1986
//!   update), in [`REPURCHASE`]: customers who would buy again after a minor
//!   problem (a possible loss under $5) / a major one (over $100): did not
//!   complain 37 % / 9 %; complained, not resolved 46 % / 19 %; resolved
//!   70 % / 54 %; resolved quickly 95 % / 82 %. Learn more: e.g. Fast Company, "What makes us loyal II" (2003),
//!   which reprints them. The app interpolates linearly between the minor
//!   row (severity 0) and the major row (severity 1).
//! - Word of mouth (seed 003): a happy customer (resolved and ending at or
//!   above [`HAPPY_LEVEL`], 60) tells about [`TELLS_HAPPY`] (3) people, an
//!   unhappy one about [`TELLS_UNHAPPY`] (11).
//!
//! Pure module: no yew, no web-sys. Invalid parameters are a [`ParamError`],
//! never a panic; every value is finite and within 0–100.

mod line;
mod mistakes;
mod outcome;
mod params;
mod session;
mod steps;
mod tags;

pub use line::{can_agree, line, path, CEILING, DRIFT, FESTER, HORIZON, RATIONAL_PLATFORM, START};
pub use mistakes::{Forbidden, Improper};
pub use outcome::{outcome, repurchase, Outcome, Resolution, HAPPY_LEVEL, REPURCHASE, TELLS_HAPPY, TELLS_UNHAPPY};
pub use params::{
    check_severity, Param, ParamError, Params, DEFAULT_FAILURE_AT, DELAY_MAX, FAILURE_AT_MAX, FAILURE_AT_MIN,
    SEVERITY_MAX, SEVERITY_MIN,
};
pub use session::{
    Session, FORBIDDEN_COST, MINUTE_COST, MINUTE_COST_SOLVED, NEAR_MISS_POINTS, OUT_OF_ORDER, PEAK_MINUTES, REPEATED,
    UNHEARD_SOLVE,
};
pub use steps::{Path, Step, Steps};
pub use tags::{Tag, UnknownTag};
