//! The Leptos console. Talks to Flink only through `crate::client`.
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

mod context;
mod pages;

pub use context::Cluster;

#[component]
pub fn App() -> impl IntoView {
    let cluster = Cluster::from_document();
    let base = cluster.base_path.clone();
    provide_context(cluster);
    view! {
        <Router base=base>
            <header class="topbar">
                <span class="brand">"Flink Console"</span>
                <nav aria-label="Main">
                    <A href="/">"Overview"</A>
                    <A href="/jobs">"Jobs"</A>
                    <A href="/taskmanagers">"Task Managers"</A>
                    <A href="/jobmanager">"Job Manager"</A>
                </nav>
            </header>
            <main>
                <Routes fallback=|| view! { <p class="empty">"Page not found."</p> }>
                    <Route path=path!("/") view=pages::overview::OverviewPage />
                    <Route path=path!("/jobs") view=pages::jobs::JobsPage />
                    <Route path=path!("/taskmanagers") view=pages::taskmanagers::TaskManagersPage />
                    <Route path=path!("/jobmanager") view=pages::jobmanager::JobManagerPage />
                </Routes>
            </main>
        </Router>
    }
}
