use leptos::prelude::*;

#[component]
pub fn JobManagerPage() -> impl IntoView {
    view! { <h1>"Job Manager"</h1> }
}
