//! Screen bundles: the app ships as several WebAssembly files, one per family
//! of screens, so that no screen's first load carries every other screen's
//! code (DESIGN.md, "Initial load ... every kilobyte is justified").
//!
//! Every bundle holds the shell (header, notices, shortcuts, not-found) and
//! the screens of its family. `assets/boot.js` picks the bundle for the
//! address at load; when a running bundle is asked for a screen it does not
//! hold, it names the bundle that does and reloads the page into it
//! (`web::handoff`). All state lives in storage and the address, so a reload
//! loses nothing. Pure module: no yew, no web-sys.

use crate::routing::route::Route;

/// A family of screens built into one WebAssembly file (`src/bin/<name>.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// Course map, lectures, my progress.
    Map,
    /// The trainer's class view.
    Class,
    Smith,
    Mirror,
    EmotionLine,
    Iceberg,
    Pyramid,
    LoyaltyProfit,
    LoyaltyLadder,
    Gaps,
    Value,
    StaffValue,
    /// Self-checks (scored by the rubric and the learned scorer).
    SelfCheck,
    /// Practice drills (a bundle of their own: the self-check's learned
    /// scorer is not needed there, nor the drills in a self-check).
    Drill,
    /// A trainer's own material: the authoring forms, and the self-check
    /// and role-play as a trainee plays them (for the preview).
    Author,
}

impl Bundle {
    pub const ALL: [Bundle; 15] = [
        Bundle::Map,
        Bundle::Class,
        Bundle::Smith,
        Bundle::Mirror,
        Bundle::EmotionLine,
        Bundle::Iceberg,
        Bundle::Pyramid,
        Bundle::LoyaltyProfit,
        Bundle::LoyaltyLadder,
        Bundle::Gaps,
        Bundle::Value,
        Bundle::StaffValue,
        Bundle::SelfCheck,
        Bundle::Drill,
        Bundle::Author,
    ];

    /// The bundle's file name stem, as `scripts/build-bundles` writes it and
    /// `assets/boot.js` looks it up.
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Map => "map",
            Bundle::Class => "class",
            Bundle::Smith => "smith",
            Bundle::Mirror => "mirror",
            Bundle::EmotionLine => "emotion-line",
            Bundle::Iceberg => "iceberg",
            Bundle::Pyramid => "pyramid",
            Bundle::LoyaltyProfit => "loyalty-profit",
            Bundle::LoyaltyLadder => "loyalty-ladder",
            Bundle::Gaps => "gaps",
            Bundle::Value => "value",
            Bundle::StaffValue => "staff-value",
            Bundle::SelfCheck => "self-check",
            Bundle::Drill => "drill",
            Bundle::Author => "author",
        }
    }

    pub fn parse(name: &str) -> Option<Bundle> {
        Bundle::ALL.into_iter().find(|b| b.name() == name)
    }

    /// The bundle that holds a route's screen. Not-found is in every bundle,
    /// so it belongs to none: `None` means "show it where you are".
    pub fn of(route: &Route) -> Option<Bundle> {
        Some(match route {
            Route::Home | Route::Lecture { .. } | Route::Progress => Bundle::Map,
            Route::Class => Bundle::Class,
            Route::Smith => Bundle::Smith,
            Route::Mirror => Bundle::Mirror,
            Route::EmotionLine => Bundle::EmotionLine,
            Route::Iceberg => Bundle::Iceberg,
            Route::Pyramid => Bundle::Pyramid,
            Route::LoyaltyProfit => Bundle::LoyaltyProfit,
            Route::LoyaltyLadder => Bundle::LoyaltyLadder,
            Route::Gaps => Bundle::Gaps,
            Route::Value => Bundle::Value,
            Route::StaffValue => Bundle::StaffValue,
            Route::SelfCheck { .. } => Bundle::SelfCheck,
            Route::Drill { .. } => Bundle::Drill,
            Route::Author => Bundle::Author,
            Route::NotFound => return None,
        })
    }

    /// Whether the bundle's screens show lecture texts (so start-up loads
    /// the course file for it).
    pub fn needs_lectures(self) -> bool {
        matches!(
            self,
            Bundle::Map | Bundle::Class | Bundle::SelfCheck | Bundle::Drill | Bundle::Author
        )
    }

    /// Whether they show the lectures' whole texts. The others that need the
    /// course use its outline only (chapters; lecture numbers, titles,
    /// models and self-checks), which `scripts/bundles.js` writes as a part
    /// of its own with every other text empty.
    pub fn needs_lecture_bodies(self) -> bool {
        matches!(self, Bundle::Map)
    }
}
