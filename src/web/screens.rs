//! Which screens a bundle renders (see `bundle`). Each `src/bin/*.rs`
//! installs one of these functions at start ([`crate::web::installed`]); only the pages it names are
//! linked into that WebAssembly file. `all` holds every screen (the
//! development build and the component tests).

use crate::routing::bundle::Bundle;
use crate::routing::route::Route;
use crate::web::installed::Screens;
use crate::web::pages::{
    author::AuthorPage, class::ClassPage, drill::DrillPage, emotion_line::EmotionLinePage, gaps::GapsPage, home::Home,
    iceberg::IcebergPage, lecture::LecturePage, loyalty_ladder::LoyaltyLadderPage, loyalty_profit::LoyaltyProfitPage,
    mirror::MirrorPage, progress::ProgressPage, pyramid::PyramidPage, self_check::SelfCheckPage, smith::SmithPage,
    staff_value::StaffValuePage, value::ValuePage,
};
use yew::prelude::*;

pub fn map(route: &Route) -> Option<Html> {
    Some(match route {
        Route::Home => html! { <Home /> },
        Route::Lecture { n } => html! { <LecturePage n={*n} /> },
        Route::Progress => html! { <ProgressPage /> },
        _ => return None,
    })
}

pub fn class(route: &Route) -> Option<Html> {
    matches!(route, Route::Class).then(|| html! { <ClassPage /> })
}

pub fn smith(route: &Route) -> Option<Html> {
    matches!(route, Route::Smith).then(|| html! { <SmithPage /> })
}

pub fn mirror(route: &Route) -> Option<Html> {
    matches!(route, Route::Mirror).then(|| html! { <MirrorPage /> })
}

pub fn emotion_line(route: &Route) -> Option<Html> {
    matches!(route, Route::EmotionLine).then(|| html! { <EmotionLinePage /> })
}

pub fn iceberg(route: &Route) -> Option<Html> {
    matches!(route, Route::Iceberg).then(|| html! { <IcebergPage /> })
}

pub fn pyramid(route: &Route) -> Option<Html> {
    matches!(route, Route::Pyramid).then(|| html! { <PyramidPage /> })
}

pub fn loyalty_profit(route: &Route) -> Option<Html> {
    matches!(route, Route::LoyaltyProfit).then(|| html! { <LoyaltyProfitPage /> })
}

pub fn loyalty_ladder(route: &Route) -> Option<Html> {
    matches!(route, Route::LoyaltyLadder).then(|| html! { <LoyaltyLadderPage /> })
}

pub fn gaps(route: &Route) -> Option<Html> {
    matches!(route, Route::Gaps).then(|| html! { <GapsPage /> })
}

pub fn value(route: &Route) -> Option<Html> {
    matches!(route, Route::Value).then(|| html! { <ValuePage /> })
}

pub fn staff_value(route: &Route) -> Option<Html> {
    matches!(route, Route::StaffValue).then(|| html! { <StaffValuePage /> })
}

pub fn self_check(route: &Route) -> Option<Html> {
    match route {
        Route::SelfCheck { id } => Some(html! { <SelfCheckPage id={id.clone()} /> }),
        _ => None,
    }
}

pub fn drill(route: &Route) -> Option<Html> {
    match route {
        Route::Drill { id } => Some(html! { <DrillPage id={id.clone()} /> }),
        _ => None,
    }
}

pub fn author(route: &Route) -> Option<Html> {
    matches!(route, Route::Author).then(|| html! { <AuthorPage /> })
}

/// Every screen.
pub fn all(route: &Route) -> Option<Html> {
    map(route)
        .or_else(|| class(route))
        .or_else(|| smith(route))
        .or_else(|| mirror(route))
        .or_else(|| emotion_line(route))
        .or_else(|| iceberg(route))
        .or_else(|| pyramid(route))
        .or_else(|| loyalty_profit(route))
        .or_else(|| loyalty_ladder(route))
        .or_else(|| gaps(route))
        .or_else(|| value(route))
        .or_else(|| staff_value(route))
        .or_else(|| self_check(route))
        .or_else(|| drill(route))
        .or_else(|| author(route))
}

/// The screens function of a bundle (for tests: proves each bundle holds
/// every route `Bundle::of` sends to it).
pub fn of(bundle: Bundle) -> Screens {
    match bundle {
        Bundle::Map => map,
        Bundle::Class => class,
        Bundle::Smith => smith,
        Bundle::Mirror => mirror,
        Bundle::EmotionLine => emotion_line,
        Bundle::Iceberg => iceberg,
        Bundle::Pyramid => pyramid,
        Bundle::LoyaltyProfit => loyalty_profit,
        Bundle::LoyaltyLadder => loyalty_ladder,
        Bundle::Gaps => gaps,
        Bundle::Value => value,
        Bundle::StaffValue => staff_value,
        Bundle::SelfCheck => self_check,
        Bundle::Drill => drill,
        Bundle::Author => author,
    }
}
