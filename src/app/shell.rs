//! The console's frame: context for every page, the top bar, the stale-data banner, the routes.
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use super::components::{RefreshToggle, StaleBanner, ThemeToggle};
use super::context::{Cluster, Health, RefreshControl, href};
use super::pages;

#[component]
pub fn App() -> impl IntoView {
    let cluster = Cluster::from_document();
    let control = RefreshControl::new();
    provide_context(cluster.clone());
    provide_context(control);
    provide_context(Health::new());
    load_dashboard_config(&cluster, control);
    view! {
        <Router base=cluster.base_path.clone()>
            <header class="topbar">
                <span class="brand">"Flink Console"</span>
                <ClusterVersion />
                <nav aria-label="Main">
                    <A href=href("/")>"Overview"</A>
                    <A href=href("/jobs")>"Jobs"</A>
                    <A href=href("/taskmanagers")>"Task Managers"</A>
                    <A href=href("/jobmanager")>"Job Manager"</A>
                </nav>
                <div class="topbar-tools">
                    <RefreshToggle />
                    <ThemeToggle />
                </div>
            </header>
            <StaleBanner />
            <main>
                <Routes fallback=|| view! { <p class="empty">"Page not found."</p> }>
                    <Route path=path!("/") view=pages::overview::OverviewPage />
                    <Route path=path!("/jobs") view=pages::jobs::JobsPage />
                    <Route path=path!("/jobs/:id/:tab?") view=pages::job::JobPage />
                    <Route path=path!("/taskmanagers") view=pages::taskmanagers::TaskManagersPage />
                    <Route path=path!("/jobmanager") view=pages::jobmanager::JobManagerPage />
                </Routes>
            </main>
        </Router>
    }
}

/// `/config` once at start: its refresh interval drives every poll; its features gate actions.
fn load_dashboard_config(cluster: &Cluster, control: RefreshControl) {
    let client = cluster.client.clone();
    let config = cluster.config;
    spawn_local(async move {
        if let Ok(c) = client.dashboard_config().await {
            control.interval.try_set(c.refresh_interval.max(500));
            config.try_set(Some(c));
        }
    });
}

/// The cluster's Flink version, once `/config` has said it.
#[component]
fn ClusterVersion() -> impl IntoView {
    let config = expect_context::<Cluster>().config;
    let version = move || config.with(|c| c.as_ref().map(|c| format!("Flink {}", c.flink_version)));
    view! { <span class="cluster-version" aria-label="Flink version">{version}</span> }
}
