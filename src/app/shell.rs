//! The console's frame: context for every page, the top bar, the stale-data banner, the routes.
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::{Lazy, path};
use wasm_bindgen::JsCast;

use super::components::{RefreshToggle, StaleBanner, ThemeToggle};
use super::context::{Cluster, Health, RefreshControl, href};
use super::routes::{
    JobManagerRoute, JobRoute, JobsRoute, OverviewRoute, PageGroup, SubmitRoute, TaskManagerRoute, TaskManagersRoute, VertexRoute,
};

#[component]
pub fn App() -> impl IntoView {
    let cluster = Cluster::from_document();
    let control = RefreshControl::new();
    provide_context(cluster.clone());
    provide_context(control);
    provide_context(Health::new());
    load_dashboard_config(&cluster, control);
    prefetch_pages(cluster.base_path.clone());
    let (routing, set_routing) = signal(false);
    // The History Server keeps jobs only: no cluster overview, task managers or job manager.
    let live = { let history = cluster.history(); move || !history.get() };
    view! {
        <Router base=cluster.base_path.clone() set_is_routing=set_routing>
            <header class="topbar">
                <span class="brand">"Flink Console"</span>
                <ClusterVersion />
                <nav aria-label="Main">
                    <Show when=live><A href=href("/")>"Overview"</A></Show>
                    <A href=href("/jobs")>"Jobs"</A>
                    <Show when=live>
                        <A href=href("/taskmanagers")>"Task Managers"</A>
                        <A href=href("/jobmanager")>"Job Manager"</A>
                    </Show>
                    <SubmitLink />
                </nav>
                <span class="routing" role="status">{move || routing.get().then_some("Loading page…")}</span>
                <div class="topbar-tools">
                    <RefreshToggle />
                    <ThemeToggle />
                </div>
            </header>
            <StaleBanner />
            <main>
                // Shown until the landing page's chunk has arrived (CSS hides it once the page has content).
                <p class="page-loading" role="status">"Loading page…"</p>
                <Routes fallback=|| view! { <p class="empty">"Page not found."</p> }>
                    <Route path=path!("/") view={Lazy::<OverviewRoute>::new()} />
                    <Route path=path!("/jobs") view={Lazy::<JobsRoute>::new()} />
                    <Route path=path!("/jobs/:id/vertices/:vertex/:tab?") view={Lazy::<VertexRoute>::new()} />
                    <Route path=path!("/jobs/:id/:tab?") view={Lazy::<JobRoute>::new()} />
                    <Route path=path!("/taskmanagers") view={Lazy::<TaskManagersRoute>::new()} />
                    <Route path=path!("/taskmanagers/:id/:tab?") view={Lazy::<TaskManagerRoute>::new()} />
                    <Route path=path!("/jobmanager/:tab?") view={Lazy::<JobManagerRoute>::new()} />
                    <Route path=path!("/submit") view={Lazy::<SubmitRoute>::new()} />
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

/// Fetches a page's chunk ahead of the click: when a link to it is hovered or focused, and
/// every page once the browser is idle after the landing page.
fn prefetch_pages(base_path: String) {
    let on_link = move |ev: web_sys::Event| {
        let Some(link) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let Some(path) = link.dyn_ref::<web_sys::HtmlAnchorElement>().map(|a| a.pathname()) else { return };
        if let Some(group) = path.strip_prefix(base_path.as_str()).and_then(PageGroup::of_path) {
            group.prefetch();
        }
    };
    let on_focus = on_link.clone();
    let _ = window_event_listener(leptos::ev::pointerover, move |e| on_link(e.into()));
    let _ = window_event_listener(leptos::ev::focusin, move |e| on_focus(e.into()));
    set_timeout(
        || {
            let all = wasm_bindgen::closure::Closure::once_into_js(|| PageGroup::ALL.into_iter().for_each(PageGroup::prefetch));
            if let Some(w) = web_sys::window() {
                let _ = w.request_idle_callback(all.unchecked_ref());
            }
        },
        std::time::Duration::from_secs(3),
    );
}

/// "Submit Job", where `/config` says the cluster takes jars from its web UI.
#[component]
fn SubmitLink() -> impl IntoView {
    let config = expect_context::<Cluster>().config;
    let allowed = move || config.with(|c| c.as_ref().is_some_and(|c| c.features.web_submit));
    view! { <Show when=allowed><A href=href("/submit")>"Submit Job"</A></Show> }
}

/// The cluster's Flink version, once `/config` has said it, and whether it is a History Server.
#[component]
fn ClusterVersion() -> impl IntoView {
    let cluster = expect_context::<Cluster>();
    let (config, history) = (cluster.config, cluster.history());
    let version = move || config.with(|c| c.as_ref().map(|c| format!("Flink {}", c.flink_version)));
    view! {
        <span class="cluster-version" aria-label="Flink version">{version}</span>
        <Show when=move || history.get()>
            <span class="history-mark" title="Flink's History Server keeps the jobs that ended; nothing can be changed here">
                "History Server · read-only"
            </span>
        </Show>
    }
}
