//! Placeholder: Staff value over tenure (being written, issue 19).

use yew::prelude::*;

#[function_component]
pub fn StaffValuePage() -> Html {
    html! { <p>{ "…" }</p> }
}
