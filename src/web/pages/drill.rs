//! Placeholder: A practice drill (being written, issue 19).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
}

#[function_component]
pub fn DrillPage(p: &Props) -> Html {
    html! { <p>{ p.id.clone() }</p> }
}
