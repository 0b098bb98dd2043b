//! Overview tab: the job graph and the vertex table, with the rescale inputs where allowed.
use leptos::prelude::*;

use super::JobContext;
use super::graph::{JobGraph, layout};
use super::rescale::{Rescale, RescaleBar, blocker};
use crate::app::Cluster;
use crate::app::components::{ErrorNote, StatusBadge};
use crate::client::{JobVertex, VertexId};

#[component]
pub fn OverviewTab() -> impl IntoView {
    let JobContext { id, job } = expect_context::<JobContext>();
    let cluster = expect_context::<Cluster>();
    let client = cluster.client.clone();
    // The plan never changes while the job runs: one request, not a poll.
    let plan = LocalResource::new(move || {
        let (client, id) = (client.clone(), id.clone());
        async move { client.request_job_plan(&id, None).await }
    });
    // Without the timings that change on every poll, so the graph and rows redraw only when
    // a vertex really changes.
    let vertices = Memo::new(move |_| {
        job.data.with(|d| {
            d.as_ref()
                .map(|d| d.vertices.iter().map(|v| JobVertex { start_time: None, end_time: None, duration: None, ..v.clone() }).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let config = cluster.config;
    let why_not = Memo::new(move |_| {
        let web_rescale = config.with(|c| c.as_ref().map(|c| c.features.web_rescale));
        job.data.with(|d| d.as_ref().and_then(|d| blocker(web_rescale, d.scheduler_type.as_deref(), &d.state)))
    });
    let can_rescale = Signal::derive(move || why_not.with(Option::is_none));
    let rescale = Rescale::new();

    let graph = move || match plan.get() {
        None => view! { <p class="loading">"Loading the job graph…"</p> }.into_any(),
        Some(Err(error)) => view! { <ErrorNote error /> }.into_any(),
        Some(Ok(info)) => vertices.with(|vs| view! { <JobGraph layout=layout(&info.plan, vs) /> }).into_any(),
    };
    view! {
        <section class="panel graph-panel" aria-label="Job graph">{graph}</section>
        <section class="panel">
            <h2>"Vertices"</h2>
            {move || match why_not.get() {
                Some(reason) => view! { <p class="muted rescale-note">{reason}</p> }.into_any(),
                None => view! {
                    <p class="muted rescale-note">
                        "Set the parallelism of any vertex, then apply: Flink gets the requirements of every vertex at once."
                    </p>
                }
                .into_any(),
            }}
            <VertexTable vertices can_rescale rescale />
            <Show when=move || can_rescale.get()>
                <RescaleBar rescale />
            </Show>
        </section>
    }
}

#[component]
fn VertexTable(vertices: Memo<Vec<JobVertex>>, can_rescale: Signal<bool>, rescale: Rescale) -> impl IntoView {
    let ids = move || vertices.with(|vs| vs.iter().map(|v| v.id.clone()).collect::<Vec<_>>());
    view! {
        <table class="vertices">
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col" class="num">"Parallelism"</th>
                    <th scope="col" class="num">"Max parallelism"</th>
                    <th scope="col">"Tasks"</th>
                    <Show when=move || can_rescale.get()><th scope="col">"Scale to"</th></Show>
                </tr>
            </thead>
            <tbody>
                <For each=ids key=|id| id.clone() let(id)>
                    <VertexRow id vertices can_rescale rescale />
                </For>
            </tbody>
        </table>
    }
}

#[component]
fn VertexRow(id: VertexId, vertices: Memo<Vec<JobVertex>>, can_rescale: Signal<bool>, rescale: Rescale) -> impl IntoView {
    let vertex = {
        let id = id.clone();
        Memo::new(move |_| vertices.with(|vs| vs.iter().find(|v| v.id == id).cloned()))
    };
    let field = move |f: fn(&JobVertex) -> String| move || vertex.with(|v| v.as_ref().map(f).unwrap_or_default());
    let pending = {
        let id = id.clone();
        move || rescale.pending(&id).map(|p| format!(" → {p}"))
    };
    view! {
        <tr>
            <th scope="row" class="name">{field(|v| v.name.clone())}</th>
            <td>{move || vertex.with(|v| v.as_ref().map(|v| view! { <StatusBadge status=v.status.to_string() /> }))}</td>
            <td class="num parallelism">{field(|v| v.parallelism.to_string())}<span class="muted">{pending}</span></td>
            <td class="num">{field(|v| v.max_parallelism.to_string())}</td>
            <td><TaskCounts vertex /></td>
            <Show when=move || can_rescale.get()>
                <td><ParallelismInput id=id.clone() vertex rescale /></td>
            </Show>
        </tr>
    }
}

/// The vertex's subtasks by state, only the states that have any.
#[component]
fn TaskCounts(vertex: Memo<Option<JobVertex>>) -> impl IntoView {
    move || {
        vertex.with(|v| {
            v.as_ref()
                .map(|v| {
                    v.tasks
                        .iter()
                        .filter(|(_, n)| **n > 0)
                        .map(|(state, n)| {
                            let class = format!("task-count status-{}", state.to_ascii_lowercase());
                            view! { <span class=class>{format!("{n} {}", state.to_ascii_lowercase())}</span> }
                        })
                        .collect_view()
                })
        })
    }
}

#[component]
fn ParallelismInput(id: VertexId, vertex: Memo<Option<JobVertex>>, rescale: Rescale) -> impl IntoView {
    let edits = rescale.edits;
    let label = move || vertex.with(|v| format!("Parallelism of {}", v.as_ref().map(|v| v.name.as_str()).unwrap_or("")));
    let max = move || vertex.with(|v| v.as_ref().map(|v| v.max_parallelism).filter(|m| *m > 0));
    let value = {
        let id = id.clone();
        move || {
            edits
                .with(|e| e.get(&id).cloned())
                .unwrap_or_else(|| vertex.with(|v| v.as_ref().map(|v| v.parallelism.to_string()).unwrap_or_default()))
        }
    };
    view! {
        <input
            type="number"
            min="1"
            max=max
            step="1"
            inputmode="numeric"
            class="parallelism-input"
            aria-label=label
            prop:value=value
            on:input=move |ev| {
                let text = event_target_value(&ev);
                edits.update(|e| {
                    e.insert(id.clone(), text);
                });
            }
        />
    }
}
