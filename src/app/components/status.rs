use leptos::prelude::*;

/// A job or task state as a coloured label; the class follows the state (`status-running`).
#[component]
pub fn StatusBadge(#[prop(into)] status: String) -> impl IntoView {
    let class = format!("status status-{}", status.to_ascii_lowercase());
    view! { <span class=class>{status}</span> }
}
