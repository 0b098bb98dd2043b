//! `/jobmanager`: the cluster configuration (filterable) and the JobManager's log files.
use leptos::prelude::*;

use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::format;
use crate::app::load::load_once;
use crate::client::{ConfigEntry, FlinkClient, LogFile, LogList, request};

#[component]
pub fn JobManagerPage() -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    // Neither changes while the page is open (the log files only grow): fetched once, like
    // Flink's UI; visiting the page again fetches them again.
    let config = {
        let client = client.clone();
        load_once(async move { client.jobmanager_config().await })
    };
    let logs = {
        let client = client.clone();
        load_once(async move { client.jobmanager_logs().await })
    };
    let client = StoredValue::new(client);
    view! {
        <h1>"Job Manager"</h1>
        <section>
            <h2>"Configuration"</h2>
            <Loaded data=config>
                <ClusterConfigTable entries=config.data />
            </Loaded>
        </section>
        <section>
            <h2>"Logs"</h2>
            <Loaded data=logs>
                <LogTable logs=logs.data client />
            </Loaded>
        </section>
    }
}

/// Configuration entries sorted by key, with a box that filters keys and values (ASCII case
/// folded, as on the jobs page).
#[component]
pub fn ClusterConfigTable(#[prop(into)] entries: Signal<Option<Vec<ConfigEntry>>>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        let needle = text.read().trim().to_ascii_lowercase();
        let mut shown: Vec<ConfigEntry> = entries.with(|e| {
            e.iter()
                .flatten()
                .filter(|e| needle.is_empty() || e.key.to_ascii_lowercase().contains(&needle) || e.value.to_ascii_lowercase().contains(&needle))
                .cloned()
                .collect()
        });
        shown.sort_by(|a, b| a.key.cmp(&b.key));
        shown
    });
    view! {
        <div class="list-tools">
            <label>
                "Filter configuration"
                <input type="search" placeholder="Key or value" on:input=move |ev| text.set(event_target_value(&ev)) />
            </label>
        </div>
        <table class="list config">
            <thead>
                <tr>
                    <th scope="col">"Key"</th>
                    <th scope="col">"Value"</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    shown.with(|rows| {
                        let empty = rows.is_empty().then(|| view! { <tr><td colspan="2" class="empty">"No matching entries."</td></tr> });
                        let rows = rows.iter().map(|e| view! { <tr><td class="key">{e.key.clone()}</td><td class="value">{e.value.clone()}</td></tr> });
                        (empty, rows.collect_view())
                    })
                }}
            </tbody>
        </table>
    }
}

#[component]
fn LogTable(#[prop(into)] logs: Signal<Option<LogList>>, client: StoredValue<FlinkClient>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let mut rows = logs.with(|l| l.as_ref().map(|l| l.logs.clone()).unwrap_or_default());
        rows.sort_by(|a, b| a.name.cmp(&b.name));
        rows
    });
    view! {
        <table class="list">
            <thead>
                <tr>
                    <th scope="col">"File"</th>
                    <th scope="col" class="num">"Size"</th>
                    <th scope="col">"Modified"</th>
                </tr>
            </thead>
            <tbody>
                {move || rows.get().into_iter().map(|log| {
                    // Plain text served by Flink itself, reached through the same proxy.
                    let link = client.with_value(|c| c.url(&request::jobmanager_log_file(&log.name)));
                    view! { <LogRow log link /> }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn LogRow(log: LogFile, link: String) -> impl IntoView {
    view! {
        <tr>
            // rel=external: a file, not a console route for the router to take.
            <td><a href=link rel="external" target="_blank">{log.name}</a></td>
            <td class="num">{format::bytes((log.size).into())}</td>
            <td>{format::time((log.mtime).into())}</td>
        </tr>
    }
}
