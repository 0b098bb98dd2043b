//! `/taskmanagers`: the task managers with their slots, hardware and last heartbeat.
use leptos::prelude::*;

use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::format;
use crate::app::poll::use_poll_by;
use crate::client::{TaskManagerInfo, TaskManagers};

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
    view! {
        <h1>"Task Managers"</h1>
        <Loaded data=poll>
            <TaskManagerTable taskmanagers=poll.data />
        </Loaded>
    }
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

#[component]
pub fn TaskManagerTable(#[prop(into)] taskmanagers: Signal<Option<TaskManagers>>) -> impl IntoView {
    let rows = move || taskmanagers.with(|t| t.as_ref().map(|t| t.taskmanagers.clone()).unwrap_or_default());
    view! {
        <table class="list">
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
                {move || {
                    let rows = rows();
                    let empty = rows.is_empty().then(|| view! { <tr><td colspan="6" class="empty">"No task managers registered."</td></tr> });
                    (empty, rows.into_iter().map(|tm| view! { <TaskManagerRow tm /> }).collect_view())
                }}
            </tbody>
        </table>
    }
}

#[component]
fn TaskManagerRow(tm: TaskManagerInfo) -> impl IntoView {
    let hardware = tm.hardware.as_ref();
    let cores = hardware.map_or_else(|| "–".to_string(), |h| h.cpu_cores.to_string());
    let memory = format::bytes(hardware.map(|h| h.physical_memory).into());
    view! {
        <tr>
            <td>
                <span class="tm-id">{tm.id}</span>
                <span class="muted tm-path">{tm.path}</span>
            </td>
            <td class="num">{tm.slots_number}</td>
            <td class="num">{tm.free_slots}</td>
            <td class="num">{cores}</td>
            <td class="num">{memory}</td>
            // Despite its name, Flink sends the heartbeat's time here, not an age.
            <td>{format::time((tm.time_since_last_heartbeat).into())}</td>
        </tr>
    }
}
