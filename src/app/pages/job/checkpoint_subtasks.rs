//! One vertex's part of one checkpoint, per subtask: acknowledgement, durations (end to end,
//! synchronous, asynchronous, alignment, start delay) and sizes. Fetched once when opened.
use leptos::prelude::*;

use crate::app::Cluster;
use crate::app::components::{Loaded, SUBTASK_ROW_PX as ROW_PX, WindowedTable, table_head};
use crate::app::format;
use crate::app::load::load_once;
use crate::client::{JobId, Millis, SubtaskCheckpointStats, VertexId};

const COLUMNS: &[(&str, bool)] = &[
    ("Subtask", true),
    ("Status", false),
    ("Acknowledged", false),
    ("End-to-end duration", true),
    ("Checkpointed size", true),
    ("Sync duration", true),
    ("Async duration", true),
    ("Alignment duration", true),
    ("Start delay", true),
    ("Unaligned", false),
];

/// The cells of a subtask's row, in `COLUMNS` order.
pub fn subtask_cells(s: &SubtaskCheckpointStats) -> [String; 10] {
    let millis = |m: Option<Millis>| format::duration(m.unwrap_or(Millis::NONE));
    [
        s.index.to_string(),
        s.status.replace('_', " "),
        format::time(s.ack_timestamp),
        format::duration(s.end_to_end_duration),
        format::bytes(s.checkpointed_size),
        millis(s.checkpoint.map(|c| c.sync)),
        millis(s.checkpoint.map(|c| c.r#async)),
        millis(s.alignment.map(|a| a.duration)),
        format::duration(s.start_delay),
        if s.unaligned_checkpoint { "yes" } else { "no" }.into(),
    ]
}

#[component]
pub fn CheckpointSubtasks(job: JobId, checkpoint: u64, vertex: VertexId, #[prop(into)] name: String) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let stats = load_once(async move { client.request_checkpoint_subtask_details(&job, checkpoint, &vertex).await });
    let subtasks = Memo::new(move |_| stats.data.with(|s| s.as_ref().map(|s| s.subtasks.clone()).unwrap_or_default()));
    let row = move |i: usize| {
        let cells = Memo::new(move |_| subtasks.with(|s| s.get(i).map(subtask_cells)));
        let cell = move |k: usize| move || cells.with(|c| c.as_ref().and_then(|c| c.get(k).cloned()));
        view! {
            <tr>{(0..COLUMNS.len()).map(|k| {
                let class = COLUMNS.get(k).is_some_and(|c| c.1).then_some("num");
                view! { <td class=class>{cell(k)}</td> }
            }).collect_view()}</tr>
        }
    };
    let len = Signal::derive(move || subtasks.with(Vec::len));
    let label: &'static str = "Subtasks in the checkpoint";
    view! {
        <div class="checkpoint-subtasks">
            <h4>{format!("{name}: subtasks")}</h4>
            <Loaded data=stats loading="Loading the subtasks…">
                <WindowedTable label class="subtask-table" len row_px=ROW_PX columns=10 header=table_head(COLUMNS).into_any() row empty="No subtasks." />
            </Loaded>
        </div>
    }
}
