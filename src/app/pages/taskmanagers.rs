use leptos::prelude::*;

#[component]
pub fn TaskManagersPage() -> impl IntoView {
    view! { <h1>"Task Managers"</h1> }
}
