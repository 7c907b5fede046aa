//! The friendly page for an address that leads nowhere.

use crate::routing::route::Route;
use crate::support::i18n::tr;
use crate::web::router::{use_location, Link};
use crate::web::state::AppCtx;
use yew::prelude::*;

#[function_component]
pub fn NotFound() -> Html {
    let ctx = use_context::<AppCtx>().expect("App provides the state");
    let lang = ctx.lang();
    let location = use_location();
    // An unreadable address arrives as `#/404?from=<what was typed>`.
    let typed = crate::routing::route::query_pairs(&location.query)
        .into_iter()
        .find(|(k, _)| k == "from")
        .map(|(_, v)| v);
    let shown = typed.unwrap_or_else(|| format!("#{}", location.path));
    html! {
        <div class="not-found" data-testid="not-found">
            <h1>{ tr(lang, "notfound.title") }</h1>
            <p>{ tr(lang, "notfound.body") }</p>
            <p><code class="address">{ shown }</code></p>
            <p><Link to={Route::Home} classes="button primary">{ tr(lang, "notfound.home") }</Link></p>
        </div>
    }
}
