//! The metrics tab: the JobManager's JVM (heap, non-heap, metaspace, buffers, threads) drawn
//! over the time the tab is open, and its garbage collectors. The JobManager lists its metric
//! names once; the JVM's are then polled in one request per refresh.
use leptos::prelude::*;

use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::load::load_once;
use crate::app::pages::process::jvm::{JvmCharts, JvmSample, jvm_metric_names, push_sample};
use crate::app::poll::use_poll;
use crate::client::request::MetricScope;

#[component]
pub fn MetricsTab() -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    // The collectors' names depend on the JVM: ask which metrics there are.
    let listed = load_once(async move { client.request_metric_query_service_addresses(&MetricScope::JobManager, &[]).await });
    let names = Signal::derive(move || listed.data.with(|l| l.as_deref().map(jvm_metric_names)));
    view! {
        <Loaded data=listed loading="Listing the job manager's metrics…">
            {move || match names.get() {
                Some(names) if !names.is_empty() => view! { <JvmPoll names /> }.into_any(),
                _ => view! { <p class="empty">"The job manager reports no JVM metrics yet: they appear a few seconds after it starts."</p> }.into_any(),
            }}
        </Loaded>
    }
}

/// Polls `names` and draws them.
#[component]
fn JvmPoll(names: Vec<String>) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let values = use_poll(move || {
        let (client, names) = (client.clone(), names.clone());
        async move { client.request_metric_query_service_addresses(&MetricScope::JobManager, &names).await }
    });
    let history = RwSignal::new(Vec::<JvmSample>::new());
    let tick = StoredValue::new(0u64);
    Effect::new(move |_| {
        values.data.with(|v| {
            let Some(v) = v else { return };
            tick.update_value(|t| *t += 1);
            push_sample(history, JvmSample::of_metrics(tick.get_value(), v));
        });
    });
    view! { <JvmCharts history /> }
}
