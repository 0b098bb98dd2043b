//! `/taskmanagers`: the task managers with their slots, hardware and last heartbeat.
use leptos::prelude::*;

use super::taskmanager::task_manager_path;
use crate::app::{Cluster, href};
use crate::app::components::{Loaded, use_window};
use crate::app::format;
use crate::app::poll::use_poll_by;
use crate::client::{Hardware, TaskManagerInfo, TaskManagers};

#[component]
pub fn TaskManagersPage() -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let poll = use_poll_by(
        move || {
            let client = client.clone();
            async move { client.request_task_manager_metric_query_service_addresses().await }
        },
        same_taskmanagers,
    );
    let filter = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        let words: Vec<String> = filter.with(|f| f.split_whitespace().map(str::to_ascii_lowercase).collect());
        poll.data.with(|d| {
            d.as_ref().map(|d| TaskManagers { taskmanagers: d.taskmanagers.iter().filter(|t| matches(t, &words)).cloned().collect() })
        })
    });
    let summary = move || {
        let all = poll.data.with(|d| d.as_ref().map_or(0, |d| d.taskmanagers.len()));
        let n = shown.with(|s| s.as_ref().map_or(0, |s| s.taskmanagers.len()));
        if filter.with(|f| f.trim().is_empty()) { format!("{all} task managers") } else { format!("{n} of {all} task managers match") }
    };
    view! {
        <h1>"Task Managers"</h1>
        <div class="list-tools">
            <label>"Filter task managers "
                <input type="search" placeholder="Id or address" on:input=move |e| filter.set(event_target_value(&e)) />
            </label>
            <span class="hint" role="status">{summary}</span>
        </div>
        <Loaded data=poll>
            <TaskManagerTable taskmanagers=shown />
        </Loaded>
    }
}

/// Whether a task manager's id or address holds every word (ASCII case folded).
pub fn matches(tm: &TaskManagerInfo, words: &[String]) -> bool {
    let (id, path) = (tm.id.to_ascii_lowercase(), tm.path.to_ascii_lowercase());
    words.iter().all(|w| id.contains(w.as_str()) || path.contains(w.as_str()))
}

/// Whether two answers say the same but for the heartbeats, which come every few seconds from
/// every task manager: so the poll slows down while no task manager changes (the heartbeat
/// column still shows each answer's).
pub fn same_taskmanagers(a: &TaskManagers, b: &TaskManagers) -> bool {
    a.taskmanagers.len() == b.taskmanagers.len()
        && a.taskmanagers.iter().zip(&b.taskmanagers).all(|(a, b)| {
            TaskManagerInfo { time_since_last_heartbeat: b.time_since_last_heartbeat, ..a.clone() } == *b
        })
}

/// Every row is exactly this high (the CSS of `.tm-table`): the table is windowed, so a refresh
/// of 1,000 task managers renders the few in view.
pub const ROW_PX: i32 = 48;

#[component]
pub fn TaskManagerTable(#[prop(into)] taskmanagers: Signal<Option<TaskManagers>>) -> impl IntoView {
    let len = Memo::new(move |_| taskmanagers.with(|t| t.as_ref().map_or(0, |t| t.taskmanagers.len())));
    let view_window = use_window(len.into(), ROW_PX);
    let window = Memo::new(move |_| {
        let (start, end) = view_window.range.get();
        taskmanagers.with(|t| t.as_ref().and_then(|t| t.taskmanagers.get(start..end)).map(<[_]>::to_vec).unwrap_or_default())
    });
    let above = move || view_window.above();
    let below = move || view_window.below();
    view! {
        <div class="table-scroll" node_ref=view_window.scroller tabindex="0" role="region" aria-label="Task managers"
            on:scroll=move |_| view_window.on_scroll()
        >
            <table class="windowed tm-table">
                <thead>
                    <tr>
                        <th scope="col">"ID"</th>
                        <th scope="col" class="num">"Slots"</th>
                        <th scope="col" class="num">"Free slots"</th>
                        <th scope="col" class="num">"CPU cores"</th>
                        <th scope="col" class="num">"Physical memory"</th>
                        <th scope="col">"Last heartbeat"</th>
                    </tr>
                </thead>
                <tbody>
                    <tr class="spacer" aria-hidden="true"><td colspan="6" style:height=above></td></tr>
                    <For each=move || window.get() key=|tm| tm.id.clone() let:tm>
                        <TaskManagerRow id=tm.id window />
                    </For>
                    <tr class="spacer" aria-hidden="true"><td colspan="6" style:height=below></td></tr>
                    {move || (len.get() == 0).then(|| view! { <tr><td colspan="6" class="empty">"No task managers registered."</td></tr> })}
                </tbody>
            </table>
        </div>
    }
}

/// One task manager. Keyed by id, so a refresh updates its cells in place.
#[component]
fn TaskManagerRow(id: String, window: Memo<Vec<TaskManagerInfo>>) -> impl IntoView {
    let key = id.clone();
    let current = Memo::new(move |_| window.with(|w| w.iter().find(|t| t.id == key).cloned()));
    let cell = move |f: fn(&TaskManagerInfo) -> String| move || current.with(|t| t.as_ref().map(f).unwrap_or_default());
    view! {
        <tr>
            <td>
                // A plain link: the router follows it (and the table needs no router to be drawn).
                <a href=href(&task_manager_path(&id)) class="tm-id">{id.clone()}</a>
                <span class="muted tm-path">{cell(|t| t.path.clone())}</span>
            </td>
            <td class="num">{cell(|t| t.slots_number.to_string())}</td>
            <td class="num">{cell(|t| t.free_slots.to_string())}</td>
            <td class="num">{cell(|t| hardware(t, |h| h.cpu_cores.to_string()))}</td>
            <td class="num">{cell(|t| hardware(t, |h| format::bytes(h.physical_memory.into())))}</td>
            // Despite its name, Flink sends the heartbeat's time here, not an age.
            <td>{cell(|t| format::time(t.time_since_last_heartbeat.into()))}</td>
        </tr>
    }
}

/// A hardware fact of the task manager, or a dash where Flink reported no hardware.
fn hardware(tm: &TaskManagerInfo, fact: fn(&Hardware) -> String) -> String {
    tm.hardware.as_ref().map_or_else(|| "–".to_string(), fact)
}
