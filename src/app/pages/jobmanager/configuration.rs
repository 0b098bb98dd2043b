//! The configuration tab: the cluster configuration, filterable.
use leptos::prelude::*;

use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::load::load_once;
use crate::client::ConfigEntry;

#[component]
pub fn ConfigurationTab() -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    // It does not change while the cluster runs: fetched once, like Flink's UI.
    let config = load_once(async move { client.jobmanager_config().await });
    view! {
        <section class="panel">
            <Loaded data=config>
                <ClusterConfigTable entries=config.data />
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
