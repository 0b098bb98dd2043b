use std::time::Duration;

use leptos::prelude::*;

use crate::app::Cluster;
use crate::client::ClusterOverview;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let cluster = expect_context::<Cluster>();
    let client = cluster.client.clone();
    let overview = LocalResource::new(move || {
        let client = client.clone();
        async move { client.request_cluster_overview(None).await }
    });
    if let Ok(handle) = set_interval_with_handle(move || overview.refetch(), Duration::from_secs(3)) {
        on_cleanup(move || handle.clear());
    }
    let api = cluster.api_url();
    view! {
        <h1>"Overview"</h1>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || overview.get().map(|result| match result {
                Ok(o) => view! { <OverviewCards overview=o /> }.into_any(),
                Err(e) => view! {
                    <p class="error" role="alert">{format!("Cannot reach Flink at {api}. {e}")}</p>
                }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn OverviewCards(overview: ClusterOverview) -> impl IntoView {
    view! {
        <dl class="cards">
            <div class="card"><dt>"Flink version"</dt><dd>{overview.flink_version}</dd></div>
            <div class="card"><dt>"Task managers"</dt><dd>{overview.taskmanagers}</dd></div>
            <div class="card"><dt>"Slots (available / total)"</dt><dd>{format!("{} / {}", overview.slots_available, overview.slots_total)}</dd></div>
            <div class="card"><dt>"Running jobs"</dt><dd>{overview.jobs_running}</dd></div>
            <div class="card"><dt>"Finished jobs"</dt><dd>{overview.jobs_finished}</dd></div>
            <div class="card"><dt>"Canceled jobs"</dt><dd>{overview.jobs_cancelled}</dd></div>
            <div class="card"><dt>"Failed jobs"</dt><dd>{overview.jobs_failed}</dd></div>
        </dl>
    }
}
