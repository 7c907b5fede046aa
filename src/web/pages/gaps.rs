//! Placeholder: The five gaps (being written, issue 19).

use yew::prelude::*;

#[function_component]
pub fn GapsPage() -> Html {
    html! { <p>{ "…" }</p> }
}
