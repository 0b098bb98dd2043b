//! The back pressure tab: each subtask's share of time back-pressured, busy and idle, as Flink
//! last sampled it from the task metrics.
use leptos::prelude::*;

use super::use_vertex_poll;
use super::subtasks::ROW_PX;
use crate::app::components::{Loaded, WindowedTable, table_head};
use crate::app::format;
use crate::client::{BackPressureLevel, SubtaskBackPressure, VertexBackPressure};

const COLUMNS: [(&str, bool); 5] = [("Subtask", true), ("Level", false), ("Back-pressured", true), ("Busy", true), ("Idle", true)];

#[component]
pub fn BackPressureTab() -> impl IntoView {
    let poll = use_vertex_poll(|client, job, vertex| async move { client.request_vertex_backpressure(&job, &vertex).await });
    view! {
        <Loaded data=poll loading="Loading back pressure…">
            <BackPressure data=poll.data />
        </Loaded>
    }
}

/// The vertex's level and when it was sampled, then a row per subtask.
#[component]
pub fn BackPressure(#[prop(into)] data: Signal<Option<VertexBackPressure>>) -> impl IntoView {
    let subtasks = Memo::new(move |_| data.with(|d| d.as_ref().map(|d| d.subtasks.clone()).unwrap_or_default()));
    let summary = move || {
        data.with(|d| match d {
            Some(d) if d.status == "ok" && !d.subtasks.is_empty() => {
                let sampled = d.end_timestamp.map(|t| format::time(t.into())).unwrap_or_else(|| "–".into());
                format!("Back pressure {} · sampled {sampled}", level(d.backpressure_level.as_ref()))
            }
            _ => "Flink has not sampled back pressure for this vertex yet; it does once the vertex's subtasks run.".into(),
        })
    };
    let row = move |i: usize| {
        let current = Memo::new(move |_| subtasks.with(|s| s.get(i).cloned()));
        let cell = move |f: fn(&SubtaskBackPressure) -> String| move || current.with(|s| s.as_ref().map(f));
        let class = move || current.with(|s| format!("level level-{}", s.as_ref().and_then(|s| s.backpressure_level.as_ref()).map_or("unknown", BackPressureLevel::as_str)));
        view! {
            <tr>
                <td class="num">{cell(|s| s.subtask.to_string())}</td>
                <td><span class=class>{cell(|s| level(s.backpressure_level.as_ref()).to_string())}</span></td>
                <td class="num">{cell(|s| share(s.ratio))}</td>
                <td class="num">{cell(|s| share(s.busy_ratio))}</td>
                <td class="num">{cell(|s| share(s.idle_ratio))}</td>
            </tr>
        }
    };
    let len = Signal::derive(move || subtasks.with(Vec::len));
    view! {
        <section class="panel">
            <p class="backpressure-summary" role="status">{summary}</p>
            <WindowedTable label="Back pressure of the subtasks" class="subtask-table" len row_px=ROW_PX columns=5
                header=table_head(&COLUMNS).into_any() row empty="No samples yet." />
        </section>
    }
}

/// `OK`, `LOW`, `HIGH` as Flink's UI writes them; `–` when unknown.
fn level(level: Option<&BackPressureLevel>) -> &str {
    match level {
        Some(BackPressureLevel::Ok) => "OK",
        Some(BackPressureLevel::Low) => "LOW",
        Some(BackPressureLevel::High) => "HIGH",
        Some(BackPressureLevel::Other(other)) => other,
        None => "–",
    }
}

/// A ratio (0–1) as a percentage.
fn share(ratio: Option<f64>) -> String {
    format::per_mille_second(ratio.map(|r| r * 1000.0))
}
