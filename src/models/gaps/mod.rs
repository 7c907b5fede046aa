//! The five gaps between service and expectation (lecture 9, 超越期望—赢得
//! 忠诚 (上), figure 图6-1 服务质量与客户期望的差距示意图; seed 000).
//!
//! Above the line sits the customer: the service they expect and the service
//! they perceive. Below it sits the firm, and four gaps open on its side:
//! gap 1, managers do not know what customers really expect; gap 2, the
//! service standards they write fall short of what they did understand;
//! gap 3, what staff deliver falls short of the standards; gap 4, what the
//! firm promises in its communication is more than it delivers. The four add
//! up to gap 5, the one the customer feels: expected minus perceived
//! service, and it is gap 5 that decides satisfaction ([`chain`]).
//!
//! Knowing what customers expect includes knowing which expectations come
//! first. The course's airline case: passengers care most about punctuality
//! and comfort, managers think safety and courtesy matter most. [`ranking`]
//! holds six service attributes, the passengers' order, the managers' order
//! (which the user may change) and Spearman's rank correlation between the
//! two with a plain-words reading of it.
//!
//! Conventions of this model (the course draws the figure, not numbers):
//! every stage is a score out of 10; each firm-side gap is how many points a
//! stage loses against the one before it (never below 0); a promise not
//! kept is felt as a shortfall of its own size (the course's "心理落差"), so
//! perceived = delivered − gap 4. Without the floor at 0, gap 5 is exactly
//! the sum of the four. [`screen`] is what the screen keeps in its address.
//! Pure module: no yew, no web-sys.

pub mod chain;
mod params;
pub mod ranking;
pub mod screen;

pub use chain::{Chain, Gap, Verdict, FAR_SHORT, MET_WITHIN};
pub use params::{Param, Params, Spec, SPECS};
pub use ranking::{Agreement, Attr, Order};
pub use screen::Screen;
