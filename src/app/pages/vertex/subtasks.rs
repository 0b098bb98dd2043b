//! The subtasks tab (every subtask, sortable, windowed for parallelism 1,000) and the task
//! managers tab (the same, summed per task manager), both from the page's vertex poll.
use std::cmp::Ordering;
use std::collections::BTreeMap;

use leptos::prelude::*;

use super::VertexContext;
use crate::app::components::{StatusBadge, WindowedTable, sort_header};
use crate::app::pages::taskmanager;
use crate::app::format;
use crate::app::list::{self, Sort};
use crate::client::{IoMetrics, SubtaskInfo};

pub use crate::app::components::SUBTASK_ROW_PX as ROW_PX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Subtask,
    Status,
    Attempt,
    Location,
    TaskManager,
    Start,
    Duration,
    BytesIn,
    RecordsIn,
    BytesOut,
    RecordsOut,
}

/// A column: what it is, its header, whether it is a number, and its cell.
type ColumnDef = (Column, &'static str, bool, fn(&SubtaskInfo) -> String);

const COLUMNS: [ColumnDef; 11] = [
    (Column::Subtask, "Subtask", true, |s| s.subtask.to_string()),
    (Column::Status, "Status", false, |_| String::new()),
    (Column::Attempt, "Attempt", true, |s| s.attempt.to_string()),
    (Column::Location, "Endpoint", false, |s| s.location().unwrap_or("–").to_string()),
    (Column::TaskManager, "Task manager", false, |s| s.taskmanager_id.clone().unwrap_or_else(|| "–".into())),
    (Column::Start, "Start time", false, |s| format::time(s.start_time)),
    (Column::Duration, "Duration", false, |s| format::duration(s.duration)),
    (Column::BytesIn, "Bytes in", true, |s| io(s, |m| format::bytes(m.read_bytes.into()))),
    (Column::RecordsIn, "Records in", true, |s| io(s, |m| m.read_records.to_string())),
    (Column::BytesOut, "Bytes out", true, |s| io(s, |m| format::bytes(m.write_bytes.into()))),
    (Column::RecordsOut, "Records out", true, |s| io(s, |m| m.write_records.to_string())),
];

fn io(s: &SubtaskInfo, f: fn(&IoMetrics) -> String) -> String {
    s.metrics.as_ref().map_or_else(|| "–".into(), f)
}

fn metric(s: &SubtaskInfo, f: fn(&IoMetrics) -> i64) -> Option<i64> {
    s.metrics.as_ref().map(f)
}

impl Default for Sort<Column> {
    fn default() -> Self {
        Self { column: Column::Subtask, ascending: true }
    }
}

/// Positions in `subtasks` in `sort` order; ties by subtask index, so a refresh never
/// reshuffles equal rows.
pub fn order(subtasks: &[SubtaskInfo], sort: Sort<Column>) -> Vec<usize> {
    list::filter_and_sort(subtasks, |_| true, |a, b| compare(a, b, sort.column), sort.ascending, |a, b| a.subtask.cmp(&b.subtask))
}

fn compare(a: &SubtaskInfo, b: &SubtaskInfo, column: Column) -> Ordering {
    match column {
        Column::Subtask => a.subtask.cmp(&b.subtask),
        Column::Status => a.status.as_str().cmp(b.status.as_str()),
        Column::Attempt => a.attempt.cmp(&b.attempt),
        Column::Location => a.location().cmp(&b.location()),
        Column::TaskManager => a.taskmanager_id.cmp(&b.taskmanager_id),
        Column::Start => a.start_time.cmp(&b.start_time),
        Column::Duration => a.duration.cmp(&b.duration),
        Column::BytesIn => metric(a, |m| m.read_bytes).cmp(&metric(b, |m| m.read_bytes)),
        Column::RecordsIn => metric(a, |m| m.read_records).cmp(&metric(b, |m| m.read_records)),
        Column::BytesOut => metric(a, |m| m.write_bytes).cmp(&metric(b, |m| m.write_bytes)),
        Column::RecordsOut => metric(a, |m| m.write_records).cmp(&metric(b, |m| m.write_records)),
    }
}

/// `2 running, 1 deploying`: how many subtasks are in each state.
pub fn status_summary(subtasks: &[SubtaskInfo]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for s in subtasks {
        *counts.entry(s.status.as_str()).or_default() += 1;
    }
    counts.into_iter().map(|(state, n)| format!("{n} {}", state.to_ascii_lowercase())).collect::<Vec<_>>().join(", ")
}

#[component]
pub fn SubtasksTab() -> impl IntoView {
    let details = expect_context::<VertexContext>().details;
    let subtasks = Signal::derive(move || details.data.with(|d| d.as_ref().map(|d| d.subtasks.clone()).unwrap_or_default()));
    view! { <section class="panel"><SubtaskTable subtasks /></section> }
}

/// Every subtask of a vertex, sortable by any column; only the rows in view are in the DOM.
#[component]
pub fn SubtaskTable(#[prop(into)] subtasks: Signal<Vec<SubtaskInfo>>) -> impl IntoView {
    let sort = RwSignal::new(Sort::default());
    let order = Memo::new(move |_| subtasks.with(|s| order(s, sort.get())));
    let len = Signal::derive(move || order.with(Vec::len));
    let header = view! {
        <thead><tr>{COLUMNS.map(|(column, label, num, _)| sort_header(label, column, sort, num, || ())).collect_view()}</tr></thead>
    }
    .into_any();
    let row = move |i: usize| {
        let current = Memo::new(move |_| order.with(|o| o.get(i).and_then(|&k| subtasks.with(|s| s.get(k).cloned()))));
        let cells = COLUMNS.map(|(column, _, num, text)| {
            let class = if num { "num" } else { "" };
            match column {
                Column::Status => view! {
                    <td>{move || current.with(|s| s.as_ref().map(|s| view! { <StatusBadge status=s.status.to_string() /> }))}</td>
                }
                .into_any(),
                Column::TaskManager => view! {
                    <td title=move || current.with(|s| s.as_ref().map(text))>
                        {move || current.with(|s| s.as_ref().map(|s| task_manager_link(s.taskmanager_id.as_deref())))}
                    </td>
                }
                .into_any(),
                // The title shows a value the column cuts short (endpoints).
                _ => {
                    let value = Memo::new(move |_| current.with(|s| s.as_ref().map(text)));
                    view! { <td class=class title=move || value.get()>{move || value.get()}</td> }.into_any()
                }
            }
        });
        view! { <tr>{cells.collect_view()}</tr> }
    };
    view! {
        <WindowedTable label="Subtasks" class="subtask-table subtasks" len row_px=ROW_PX columns=11 header row empty="No subtasks." />
    }
}

/// A task manager's id as a link to its page; a dash where Flink sent none.
fn task_manager_link(id: Option<&str>) -> AnyView {
    match id {
        Some(id) => taskmanager::task_manager_link(id.to_string()).into_any(),
        None => "–".into_any(),
    }
}

/// A vertex's subtasks on one task manager, summed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskManagerLoad {
    /// The task manager's id (or, where Flink sends none, the subtasks' endpoint).
    pub taskmanager: String,
    /// Whether `taskmanager` is an id (a link to its page) rather than an endpoint.
    pub has_id: bool,
    pub endpoint: String,
    pub subtasks: usize,
    pub status: String,
    pub io: IoMetrics,
}

/// The subtasks grouped by task manager, in the order of their ids.
pub fn by_task_manager(subtasks: &[SubtaskInfo]) -> Vec<TaskManagerLoad> {
    let mut groups: BTreeMap<String, (TaskManagerLoad, Vec<SubtaskInfo>)> = BTreeMap::new();
    for s in subtasks {
        let key = s.taskmanager_id.clone().or_else(|| s.location().map(str::to_string)).unwrap_or_else(|| "–".into());
        let (load, members) = groups.entry(key.clone()).or_insert_with(|| {
            let endpoint = s.location().unwrap_or("–").to_string();
            let load = TaskManagerLoad { taskmanager: key, has_id: s.taskmanager_id.is_some(), endpoint, ..Default::default() };
            (load, Vec::new())
        });
        load.subtasks += 1;
        if let Some(m) = &s.metrics {
            let io = &mut load.io;
            io.read_bytes = io.read_bytes.saturating_add(m.read_bytes);
            io.write_bytes = io.write_bytes.saturating_add(m.write_bytes);
            io.read_records = io.read_records.saturating_add(m.read_records);
            io.write_records = io.write_records.saturating_add(m.write_records);
        }
        members.push(s.clone());
    }
    groups.into_values().map(|(load, members)| TaskManagerLoad { status: status_summary(&members), ..load }).collect()
}

#[component]
pub fn TaskManagersTab() -> impl IntoView {
    let details = expect_context::<VertexContext>().details;
    let loads = Memo::new(move |_| details.data.with(|d| d.as_ref().map(|d| by_task_manager(&d.subtasks)).unwrap_or_default()));
    let header = view! {
        <thead><tr>
            <th scope="col">"Task manager"</th><th scope="col">"Endpoint"</th><th scope="col" class="num">"Subtasks"</th>
            <th scope="col">"Status"</th><th scope="col" class="num">"Bytes in"</th><th scope="col" class="num">"Records in"</th>
            <th scope="col" class="num">"Bytes out"</th><th scope="col" class="num">"Records out"</th>
        </tr></thead>
    }
    .into_any();
    let row = move |i: usize| {
        let current = Memo::new(move |_| loads.with(|l| l.get(i).cloned()));
        let cell = move |f: fn(&TaskManagerLoad) -> String| move || current.with(|l| l.as_ref().map(f));
        view! {
            <tr>
                <td>{move || current.with(|l| l.as_ref().map(|l| if l.has_id { task_manager_link(Some(&l.taskmanager)) } else { l.taskmanager.clone().into_any() }))}</td>
                <td>{cell(|l| l.endpoint.clone())}</td>
                <td class="num">{cell(|l| l.subtasks.to_string())}</td>
                <td>{cell(|l| l.status.clone())}</td>
                <td class="num">{cell(|l| format::bytes(l.io.read_bytes.into()))}</td>
                <td class="num">{cell(|l| l.io.read_records.to_string())}</td>
                <td class="num">{cell(|l| format::bytes(l.io.write_bytes.into()))}</td>
                <td class="num">{cell(|l| l.io.write_records.to_string())}</td>
            </tr>
        }
    };
    let len = Signal::derive(move || loads.with(Vec::len));
    view! {
        <section class="panel">
            <WindowedTable label="Task managers of the vertex" class="subtask-table" len row_px=ROW_PX columns=8 header row empty="No subtasks." />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::ExecutionState;

    fn subtask(i: u32, tm: &str, status: ExecutionState, read: i64) -> SubtaskInfo {
        SubtaskInfo {
            subtask: i,
            status,
            attempt: 0,
            endpoint: Some(format!("{tm}:1")),
            host: None,
            taskmanager_id: Some(tm.into()),
            start_time: 1.into(),
            end_time: (-1).into(),
            duration: 5.into(),
            metrics: Some(IoMetrics { read_bytes: read, read_records: read / 10, ..Default::default() }),
        }
    }

    #[test]
    fn subtasks_sort_by_any_column_with_the_index_breaking_ties() {
        let s = [subtask(0, "b", ExecutionState::Running, 30), subtask(1, "a", ExecutionState::Running, 10), subtask(2, "a", ExecutionState::Failed, 30)];
        assert_eq!(order(&s, Sort::default()), vec![0, 1, 2]);
        assert_eq!(order(&s, Sort { column: Column::BytesIn, ascending: false }), vec![0, 2, 1]);
        assert_eq!(order(&s, Sort { column: Column::TaskManager, ascending: true }), vec![1, 2, 0]);
        assert_eq!(order(&s, Sort { column: Column::Status, ascending: true }), vec![2, 0, 1]);
    }

    #[test]
    fn task_managers_sum_their_subtasks() {
        let s = [subtask(0, "b", ExecutionState::Running, 30), subtask(1, "a", ExecutionState::Running, 10), subtask(2, "a", ExecutionState::Failed, 30)];
        let loads = by_task_manager(&s);
        assert_eq!(loads.len(), 2);
        assert_eq!((loads[0].taskmanager.as_str(), loads[0].subtasks, loads[0].io.read_bytes, loads[0].io.read_records), ("a", 2, 40, 4));
        assert_eq!(loads[0].status, "1 failed, 1 running");
        assert_eq!(loads[1].endpoint, "b:1");
        assert!(by_task_manager(&[]).is_empty());
    }
}
