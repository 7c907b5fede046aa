//! The customer pyramid and how to make it move (lecture 2, 图1-7
//! "让客户金字塔动起来"; seed 000, 区别对待各层级的客户; COURSE.md row 2).
//!
//! Four tiers by profit: diamond (钻石), gold (黄金), brass (黄铜) and lead
//! (重铅, the tier that loses money). Every year a share of each tier moves
//! to each other tier or leaves (a migration matrix; the rest stay), and
//! newcomers join brass and lead. Each tier earns head count × profit per
//! customer. Left alone (the defaults), customers drift down and out and
//! profit shrinks. The course's levers:
//!
//! - service for gold: of the gold customers who would slip down or leave,
//!   a share stays; some more move up to diamond; it costs so much per gold
//!   customer a year;
//! - re-price lead (trim their benefits, raise prices): each loses less,
//!   some move up to brass, some more leave;
//! - drop lead: a share is let go each year and the same share of lead
//!   newcomers turned away. The losses stop, but the course's reasons to
//!   keep them show as costs: the fixed costs they helped carry stay
//!   behind (for as long as they would have stayed) and word of mouth
//!   brings fewer brass newcomers.
//!
//! Pure module: no yew, no web-sys. Invalid assumptions are a
//! [`PyramidError`], never a panic.

mod params;
mod run;

pub use params::{LeadPolicy, Param, Params, PyramidError, Spec, Tier, N, SPECS, TIERS};
pub use run::{matrix, per_customer, run, Run, Year};
