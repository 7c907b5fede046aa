//! Placeholder: The value equation (being written, issue 19).

use yew::prelude::*;

#[function_component]
pub fn ValuePage() -> Html {
    html! { <p>{ "…" }</p> }
}
