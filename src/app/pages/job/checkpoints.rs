//! Checkpoints tab: counts, the latest checkpoint/savepoint/failure/restore, a chart of the
//! history, the history with per-vertex details on demand, and the checkpoint configuration.
use leptos::prelude::*;

use super::JobContext;
use super::chart::CheckpointChart;
use super::checkpoint_subtasks::CheckpointSubtasks;
use super::checkpoint_summary::{ByKind, Summary};
use crate::app::Cluster;
use crate::app::components::{Loaded, StatusBadge, cell, table_head};
use crate::app::load::load_once;
use crate::app::format;
use crate::app::poll::use_poll;
use crate::client::{CheckpointConfig, CheckpointCounts, CheckpointStats, JobId, LatestCheckpoints, RestoredCheckpoint};

#[component]
pub fn CheckpointsTab() -> impl IntoView {
    let JobContext { id, .. } = expect_context::<JobContext>();
    let client = expect_context::<Cluster>().client;
    let stats = {
        let (client, id) = (client.clone(), id.clone());
        use_poll(move || {
            let (client, id) = (client.clone(), id.clone());
            async move { client.request_checkpoint_stats(&id).await }
        })
    };
    // Each part is a memo, so a poll that brings nothing new redraws nothing.
    let counts = Memo::new(move |_| stats.data.with(|d| d.as_ref().map(|d| d.counts.clone()).unwrap_or_default()));
    let latest = Memo::new(move |_| stats.data.with(|d| d.as_ref().map(|d| d.latest.clone()).unwrap_or_default()));
    let history = Memo::new(move |_| stats.data.with(|d| d.as_ref().map(|d| d.history.clone()).unwrap_or_default()));
    let summary = Memo::new(move |_| stats.data.with(|d| d.as_ref().map(|d| d.summary.clone()).unwrap_or_default()));
    let selected = RwSignal::new(None::<u64>);
    let job = StoredValue::new(id);

    view! {
        <Loaded data=stats loading="Loading checkpoints…">
                    <section class="panel">
                        <h2>"Counts"</h2>
                        {move || view! { <Counts counts=counts.get() /> }}
                    </section>
                    <section class="panel">
                        <h2>"Summary"</h2>
                        {move || view! { <Summary summary=summary.get() /> }}
                        {move || view! { <ByKind history=history.get() /> }}
                    </section>
                    <section class="panel">
                        <h2>"Latest"</h2>
                        {move || view! { <Latest latest=latest.get() /> }}
                    </section>
                    <section class="panel">
                        <h2>"Duration and size"</h2>
                        {move || view! { <CheckpointChart history=history.get() /> }}
                    </section>
                    <section class="panel">
                        <h2>"History"</h2>
                        <History history selected />
                        {move || selected.get().map(|checkpoint| view! { <CheckpointDetails job=job.get_value() checkpoint /> })}
                    </section>
        </Loaded>
        <section class="panel">
            <h2>"Configuration"</h2>
            <Configuration job=job.get_value() />
        </section>
    }
}

#[component]
fn Counts(counts: CheckpointCounts) -> impl IntoView {
    let items = [
        ("Triggered", counts.total),
        ("In progress", counts.in_progress),
        ("Completed", counts.completed),
        ("Failed", counts.failed),
        ("Restored", counts.restored),
    ];
    view! {
        <dl class="counts">
            {items.map(|(label, n)| view! { <div><dt>{label}</dt><dd>{n}</dd></div> }).collect_view()}
        </dl>
    }
}

/// A row of the "Latest" table: its label and, if there is one, its five cells.
type LatestRow = (&'static str, Option<[(String, &'static str); 5]>);

fn latest_rows(latest: LatestCheckpoints) -> [LatestRow; 4] {
    let LatestCheckpoints { completed, savepoint, failed, restored } = latest;
    let taken = |c: CheckpointStats| {
        [
            (c.id.to_string(), "num"),
            (format::time(c.latest_ack_timestamp), ""),
            (format::duration(c.end_to_end_duration), "num"),
            (format::bytes(c.checkpointed_size), "num"),
            (c.external_path.unwrap_or_default(), "path"),
        ]
    };
    let failure = |c: CheckpointStats| {
        [
            (c.id.to_string(), "num"),
            (format::time(c.failure_timestamp), ""),
            (format::duration(c.end_to_end_duration), "num"),
            (format::bytes(c.checkpointed_size), "num"),
            (c.failure_message.unwrap_or_default(), "failure"),
        ]
    };
    let restore_label = match &restored {
        Some(r) if r.is_savepoint => "Restore (from a savepoint)",
        Some(_) => "Restore (from a checkpoint)",
        None => "Restore",
    };
    let restore = |r: RestoredCheckpoint| {
        [
            (r.id.to_string(), "num"),
            (format::time(r.restore_timestamp), ""),
            ("–".to_string(), "num"),
            ("–".to_string(), "num"),
            (r.external_path.unwrap_or_default(), "path"),
        ]
    };
    [
        ("Completed checkpoint", completed.map(taken)),
        ("Savepoint", savepoint.map(taken)),
        ("Failed checkpoint", failed.map(failure)),
        (restore_label, restored.map(restore)),
    ]
}

#[component]
fn Latest(latest: LatestCheckpoints) -> impl IntoView {
    const COLUMNS: &[(&str, bool)] = &[("", false), ("ID", true), ("Time", false), ("Duration", true), ("Size", true), ("Path or failure", false)];
    let rows = latest_rows(latest).map(|(label, cells)| {
        let cells = match cells {
            None => view! { <td colspan="5" class="muted">"None"</td> }.into_any(),
            Some(cells) => cells.map(|(text, class)| cell(text, class)).collect_view().into_any(),
        };
        view! { <tr><th scope="row">{label}</th>{cells}</tr> }
    });
    view! {
        <table class="latest">
            {table_head(COLUMNS)}
            <tbody>{rows.collect_view()}</tbody>
        </table>
    }
}

/// `CHECKPOINT`, `FULL_CHECKPOINT`, `SAVEPOINT`, … as words.
fn kind(c: &CheckpointStats) -> String {
    match c.checkpoint_type.as_deref() {
        Some(t) => t.to_ascii_lowercase().replace('_', " "),
        None if c.is_savepoint => "savepoint".into(),
        None => "checkpoint".into(),
    }
}

const HISTORY_COLUMNS: &[(&str, bool)] = &[
    ("ID", true),
    ("Status", false),
    ("Type", false),
    ("Acknowledged", true),
    ("Triggered", false),
    ("Latest acknowledgement", false),
    ("End-to-end duration", true),
    ("Checkpointed size", true),
    ("Full size", true),
    ("Details", false),
];

#[component]
fn History(history: Memo<Vec<CheckpointStats>>, selected: RwSignal<Option<u64>>) -> impl IntoView {
    view! {
        <p class="empty" hidden=move || history.with(|h| !h.is_empty())>"No checkpoints yet."</p>
        <table class="history" hidden=move || history.with(Vec::is_empty)>
            {table_head(HISTORY_COLUMNS)}
            <tbody>
                // Keyed on what changes, so a row is redrawn only when its checkpoint is.
                <For each=move || history.get() key=|c| (c.id, c.status.to_string(), c.num_acknowledged_subtasks, c.discarded) let:c>
                    <HistoryRow checkpoint=c selected />
                </For>
            </tbody>
        </table>
    }
}

#[component]
fn HistoryRow(checkpoint: CheckpointStats, selected: RwSignal<Option<u64>>) -> impl IntoView {
    let id = checkpoint.id;
    let is_selected = move || selected.get() == Some(id);
    let cells = [
        (kind(&checkpoint), ""),
        (format!("{}/{}", checkpoint.num_acknowledged_subtasks, checkpoint.num_subtasks), "num"),
        (format::time(checkpoint.trigger_timestamp), ""),
        (format::time(checkpoint.latest_ack_timestamp), ""),
        (format::duration(checkpoint.end_to_end_duration), "num"),
        (format::bytes(checkpoint.checkpointed_size), "num"),
        (format::bytes(checkpoint.state_size), "num"),
    ];
    view! {
        <tr>
            {cell(id.to_string(), "num")}
            <td><StatusBadge status=checkpoint.status.to_string() /></td>
            {cells.map(|(text, class)| cell(text, class)).collect_view()}
            <td>
                <button
                    type="button"
                    class="link"
                    aria-pressed=move || is_selected().to_string()
                    aria-label=format!("Details of checkpoint {id}")
                    on:click=move |_| selected.update(|s| *s = if *s == Some(id) { None } else { Some(id) })
                >
                    "Details"
                </button>
            </td>
        </tr>
    }
}

const DETAIL_COLUMNS: &[(&str, bool)] = &[
    ("Vertex", false),
    ("Status", false),
    ("Acknowledged", true),
    ("Latest acknowledgement", false),
    ("End-to-end duration", true),
    ("Checkpointed size", true),
    ("Full size", true),
    ("Subtasks", false),
];

/// One checkpoint per vertex, fetched once when selected; a vertex's subtasks on demand.
#[component]
fn CheckpointDetails(job: JobId, checkpoint: u64) -> impl IntoView {
    let JobContext { job: details, .. } = expect_context::<JobContext>();
    let client = expect_context::<Cluster>().client;
    let stats = {
        let job = job.clone();
        load_once(async move { client.request_checkpoint_details(&job, checkpoint).await })
    };
    let opened = RwSignal::new(None::<crate::client::VertexId>);
    let job = StoredValue::new(job);
    let vertex_name = move |id: &crate::client::VertexId| {
        details.data.with_untracked(|d| {
            d.as_ref().and_then(|d| d.vertices.iter().find(|v| &v.id == id)).map(|v| v.name.clone()).unwrap_or_else(|| id.to_string())
        })
    };
    let body = move || stats.data.get().map(|c| view! {
            <dl class="facts">
                <div><dt>"Path"</dt><dd class="path">{c.external_path.clone().unwrap_or_else(|| "–".into())}</dd></div>
                <div><dt>"Type"</dt><dd>{kind(&c)}</dd></div>
                <div><dt>"Discarded"</dt><dd>{if c.discarded { "yes" } else { "no" }}</dd></div>
                {c.failure_message.clone().map(|m| view! { <div><dt>"Failure"</dt><dd class="failure">{m}</dd></div> })}
            </dl>
            <table class="vertex-checkpoints">
                {table_head(DETAIL_COLUMNS)}
                <tbody>
                    {c.tasks.into_iter().map(|(vertex, t)| {
                        let cells = [
                            (format!("{}/{}", t.num_acknowledged_subtasks, t.num_subtasks), "num"),
                            (format::time(t.latest_ack_timestamp), ""),
                            (format::duration(t.end_to_end_duration), "num"),
                            (format::bytes(t.checkpointed_size), "num"),
                            (format::bytes(t.state_size), "num"),
                        ];
                        let name = vertex_name(&vertex);
                        let is_open = { let v = vertex.clone(); move || opened.with(|o| o.as_ref() == Some(&v)) };
                        let toggle = { let v = vertex.clone(); move |_| opened.update(|o| *o = if o.as_ref() == Some(&v) { None } else { Some(v.clone()) }) };
                        view! {
                            <tr>
                                <th scope="row">{name.clone()}</th>
                                <td><StatusBadge status=t.status.to_string() /></td>
                                {cells.map(|(text, class)| cell(text, class)).collect_view()}
                                <td>
                                    <button type="button" class="link" aria-pressed=move || is_open().to_string()
                                        aria-label=format!("Subtasks of {name}") on:click=toggle>"Subtasks"</button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {move || opened.get().map(|vertex| {
                let name = vertex_name(&vertex);
                view! { <CheckpointSubtasks job=job.get_value() checkpoint vertex name /> }
            })}
    });
    view! {
        <div class="checkpoint-details" role="region" aria-label=format!("Checkpoint {checkpoint}")>
            <h3>{format!("Checkpoint {checkpoint}")}</h3>
            <Loaded data=stats>{body}</Loaded>
        </div>
    }
}

#[component]
fn Configuration(job: JobId) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let config = load_once(async move { client.request_checkpoint_config(&job).await });
    view! {
        <Loaded data=config>
            {move || config.data.get().map(|c| view! { <CheckpointConfigTable config=c /> })}
        </Loaded>
    }
}

#[component]
fn CheckpointConfigTable(config: CheckpointConfig) -> impl IntoView {
    let yes_no = |b: bool| if b { "enabled" } else { "disabled" }.to_string();
    let externalization = match &config.externalization {
        Some(e) if e.enabled => {
            format!("enabled, {} on cancellation", if e.delete_on_cancellation { "deleted" } else { "retained" })
        }
        _ => "disabled".to_string(),
    };
    let rows = [
        ("Mode", config.mode.replace('_', " ")),
        ("Interval", format::duration((config.interval).into())),
        ("Timeout", format::duration((config.timeout).into())),
        ("Minimum pause between checkpoints", format::duration((config.min_pause).into())),
        ("Maximum concurrent checkpoints", config.max_concurrent.to_string()),
        ("Tolerable failed checkpoints", config.tolerable_failed_checkpoints.to_string()),
        ("Unaligned checkpoints", yes_no(config.unaligned_checkpoints)),
        ("Externalized checkpoints", externalization),
        ("State backend", config.state_backend.clone().unwrap_or_else(|| "–".into())),
        ("Checkpoint storage", config.checkpoint_storage.clone().unwrap_or_else(|| "–".into())),
    ];
    view! {
        <table class="key-value">
            <tbody>
                {rows.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}
