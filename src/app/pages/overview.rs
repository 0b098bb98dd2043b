//! `/`: the cluster at a glance, each figure linking to where it comes from.
use leptos::prelude::*;
use leptos_router::components::{A, Redirect};

use crate::app::components::Loaded;
use crate::app::poll::use_poll;
use crate::app::{Cluster, href};
use crate::client::ClusterOverview;

#[component]
pub fn OverviewPage() -> impl IntoView {
    // The History Server keeps no cluster overview: its landing page is the archived jobs.
    let history = expect_context::<Cluster>().history();
    move || {
        if history.get() {
            view! { <Redirect path=href("/jobs") /> }.into_any()
        } else {
            view! { <ClusterOverviewView /> }.into_any()
        }
    }
}

#[component]
fn ClusterOverviewView() -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let poll = use_poll(move || {
        let client = client.clone();
        async move { client.request_cluster_overview().await }
    });
    view! {
        <h1>"Overview"</h1>
        <Loaded data=poll>
            <OverviewCards overview=poll.data />
        </Loaded>
    }
}

/// Built once and updated in place, so a focused link keeps its focus across refreshes.
#[component]
pub fn OverviewCards(#[prop(into)] overview: Signal<Option<ClusterOverview>>) -> impl IntoView {
    let show = move |f: fn(&ClusterOverview) -> String| move || overview.with(|o| o.as_ref().map(f).unwrap_or_default());
    view! {
        <dl class="cards">
            <div class="card"><dt>"Flink version"</dt><dd>{show(|o| o.flink_version.clone())}</dd></div>
            <div class="card">
                <dt>"Task managers"</dt>
                <dd><A href=href("/taskmanagers")>{show(|o| o.taskmanagers.to_string())}<span class="sr-only">" task managers"</span></A></dd>
            </div>
            <div class="card">
                <dt>"Slots (available / total)"</dt>
                <dd>{show(|o| format!("{} / {}", o.slots_available, o.slots_total))}</dd>
            </div>
            <JobsCard label="Running jobs" state="running" count=show(|o| o.jobs_running.to_string()) />
            <JobsCard label="Finished jobs" state="finished" count=show(|o| o.jobs_finished.to_string()) />
            <JobsCard label="Canceled jobs" state="canceled" count=show(|o| o.jobs_cancelled.to_string()) />
            <JobsCard label="Failed jobs" state="failed" count=show(|o| o.jobs_failed.to_string()) />
        </dl>
    }
}

#[component]
fn JobsCard(label: &'static str, state: &'static str, count: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div class="card">
            <dt>{label}</dt>
            <dd>
                <A href=href(&format!("/jobs?state={state}"))>
                    {count}
                    <span class="sr-only">{format!(" {state}")}</span>
                </A>
            </dd>
        </div>
    }
}
