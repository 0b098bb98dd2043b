use leptos::prelude::*;

use crate::app::Cluster;
use crate::app::components::ErrorNote;
use crate::app::poll::use_poll;
use crate::client::ClusterOverview;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let poll = use_poll(move || {
        let client = client.clone();
        async move { client.request_cluster_overview(None).await }
    });
    view! {
        <h1>"Overview"</h1>
        {move || match (poll.data.get(), poll.error.get()) {
            (Some(o), _) => view! { <div class:stale=move || poll.stale()><OverviewCards overview=o /></div> }.into_any(),
            (None, Some(e)) => view! { <ErrorNote error=e /> }.into_any(),
            (None, None) => view! { <p class="loading">"Loading…"</p> }.into_any(),
        }}
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
