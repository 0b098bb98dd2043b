//! Configuration tab: the job's execution configuration and user settings as keys and values.
use leptos::prelude::*;

use super::JobContext;
use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::load::load_once;
use crate::client::JobConfig;

#[component]
pub fn ConfigurationTab() -> impl IntoView {
    let JobContext { id, .. } = expect_context::<JobContext>();
    let client = expect_context::<Cluster>().client;
    // Fixed at submission: one request, not a poll.
    let config = load_once(async move { client.request_job_config(&id).await });
    view! {
        <Loaded data=config loading="Loading the configuration…">
            {move || config.data.get().map(|c| view! { <JobConfigTable entries=entries(c) /> })}
        </Loaded>
    }
}

/// The execution settings first, then the user configuration in key order.
pub fn entries(config: JobConfig) -> Vec<(String, String)> {
    let Some(e) = config.execution_config else { return Vec::new() };
    let mut out = vec![
        ("Restart strategy".to_string(), e.restart_strategy.unwrap_or_else(|| "–".into())),
        ("Job parallelism".to_string(), e.job_parallelism.map_or_else(|| "–".into(), |p| p.to_string())),
        ("Object reuse".to_string(), if e.object_reuse_mode { "enabled" } else { "disabled" }.to_string()),
    ];
    out.extend(e.user_config);
    out
}

#[component]
fn JobConfigTable(entries: Vec<(String, String)>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="empty">"Flink reports no configuration for this job."</p> }.into_any();
    }
    view! {
        <section class="panel">
            <table class="key-value">
                <thead><tr><th scope="col">"Key"</th><th scope="col">"Value"</th></tr></thead>
                <tbody>
                    {entries.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}
