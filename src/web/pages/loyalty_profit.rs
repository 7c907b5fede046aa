//! (being written)

use crate::support::i18n::tr;
use crate::web::state::AppCtx;
use yew::prelude::*;

#[function_component]
pub fn LoyaltyProfitPage() -> Html {
    let lang = use_context::<AppCtx>().expect("App provides the state").lang();
    html! { <section class="model"><h1>{ tr(lang, "model.loyalty-profit") }</h1></section> }
}
