//! `/jobmanager`: the cluster configuration (filterable) and the JobManager's log files.
use leptos::prelude::*;

use crate::app::Cluster;
use crate::app::components::Polled;
use crate::app::format;
use crate::app::poll::use_poll;
use crate::client::{ConfigEntry, LogFile, LogList};

#[component]
pub fn JobManagerPage() -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let config = use_poll({
        let client = client.clone();
        move || {
            let client = client.clone();
            async move { client.jobmanager_config(None).await }
        }
    });
    let logs = use_poll({
        let client = client.clone();
        move || {
            let client = client.clone();
            async move { client.jobmanager_logs(None).await }
        }
    });
    // Log files are plain text served by Flink itself, reached through the same /api proxy.
    let log_base = format!("{}/jobmanager/logs/", client.base_url());
    view! {
        <h1>"Job Manager"</h1>
        <section>
            <h2>"Configuration"</h2>
            <Polled poll=config>
                <ConfigTable entries=config.data />
            </Polled>
        </section>
        <section>
            <h2>"Logs"</h2>
            <Polled poll=logs>
                <LogTable logs=logs.data base=log_base.clone() />
            </Polled>
        </section>
    }
}

/// Configuration entries sorted by key, with a box that filters keys and values (ASCII case
/// folded, as on the jobs page).
#[component]
pub fn ConfigTable(#[prop(into)] entries: Signal<Option<Vec<ConfigEntry>>>) -> impl IntoView {
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
fn LogTable(#[prop(into)] logs: Signal<Option<LogList>>, base: String) -> impl IntoView {
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
                {move || rows.get().into_iter().map(|log| view! { <LogRow log base=base.clone() /> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn LogRow(log: LogFile, base: String) -> impl IntoView {
    let link = format!("{base}{}", String::from(js_sys::encode_uri_component(&log.name)));
    view! {
        <tr>
            // rel=external: a file, not a console route for the router to take.
            <td><a href=link rel="external" target="_blank">{log.name}</a></td>
            <td class="num">{format::bytes(Some(log.size))}</td>
            <td>{format::time(Some(log.mtime))}</td>
        </tr>
    }
}
