//! Overview tab: the job graph and the vertex table, with the rescale inputs where allowed.
use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::components::A;

use super::graph::{Flows, JobGraph, layout};
use super::rescale::{Rescale, RescaleBar, blocker};
use super::JobContext;
use crate::app::components::{Loaded, StatusBadge, cell, table_head};
use crate::app::load::{Loadable, load_once};
use crate::app::poll::use_poll_every;
use crate::app::{Cluster, href};
use crate::client::rescale::scheduler_of;
use crate::client::{FlinkClient, JobId, JobStatus, JobVertex, Millis, Timestamp, VertexId};

#[component]
pub fn OverviewTab() -> impl IntoView {
    let JobContext { id, job } = expect_context::<JobContext>();
    let cluster = expect_context::<Cluster>();
    let client = cluster.client.clone();
    // The plan never changes while the job runs: one request, not a poll.
    let plan = {
        let id = id.clone();
        load_once(async move { client.request_job_plan(&id).await })
    };
    // Without the timings that change on every poll, so the graph and rows redraw only when
    // a vertex really changes.
    let vertices = Memo::new(move |_| {
        job.data.with(|d| {
            d.as_ref()
                .map(|d| d.vertices.iter().map(|v| JobVertex { start_time: Timestamp::NONE, end_time: Timestamp::NONE, duration: Millis::NONE, ..v.clone() }).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let config = cluster.config;
    // Before Flink 2.3 a job does not say which scheduler runs it; the cluster's configuration
    // may (fetched once, only then).
    let reports_scheduler = job.data.with_untracked(|d| d.as_ref().is_none_or(|d| d.scheduler_type.is_some()));
    // The History Server takes no rescale, and keeps no cluster configuration to ask.
    let history = cluster.history();
    let cluster_config = (!reports_scheduler && !history.get_untracked()).then(|| {
        let client = cluster.client.clone();
        load_once(async move { client.jobmanager_config().await })
    });
    let why_not = Memo::new(move |_| {
        if history.get() {
            return Some(String::new());
        }
        let web_rescale = config.with(|c| c.as_ref().map(|c| c.features.web_rescale));
        // Still loading: checking; failed: the configuration says nothing, so unknown.
        let entries = cluster_config.map(|c| c.data.get().or_else(|| c.error.with(Option::is_some).then(Vec::new)));
        job.data.with(|d| {
            let d = d.as_ref()?;
            match &entries {
                Some(None) => Some("Checking which scheduler runs this job…".to_string()),
                Some(Some(entries)) => blocker(web_rescale, scheduler_of(d, entries).as_deref(), &d.state),
                None => blocker(web_rescale, scheduler_of(d, &[]).as_deref(), &d.state),
            }
        })
    });
    let rescale = Rescale::new();
    let (seen, flows) = use_flows(cluster.client.clone(), id.clone());
    // One copy per answer at most; the graph's nodes read it in place.
    let flows = Signal::from(Memo::new(move |_| flows.data.get().unwrap_or_default()));

    let graph = {
        let job = StoredValue::new(id.clone());
        move || {
            view! {
                <Loaded data=plan loading="Loading the job graph…">
                    {move || plan.data.with(|p| p.as_ref().map(|info| vertices.with(|vs| {
                        view! { <JobGraph layout=layout(&info.plan, vs) job=job.get_value() flows seen /> }
                    })))}
                </Loaded>
            }
        }
    };
    // Redrawn only when rescaling becomes possible or impossible, or a vertex changes.
    let job_id = id.clone();
    let table = move || {
        let reason = why_not.get();
        let note = reason.clone().unwrap_or_else(|| "Set the parallelism of any vertex, then apply: Flink gets the requirements of every vertex at once.".into());
        let note = (!note.is_empty()).then_some(note);
        let rows = vertices.get().into_iter().map(|v| vertex_row(&job_id, v, reason.is_none(), rescale)).collect_view();
        view! {
            {note.map(|note| view! { <p class="muted rescale-note">{note}</p> })}
            <table class="vertices">
                {table_head(if reason.is_none() { &COLUMNS } else { &COLUMNS[..5] })}
                <tbody>{rows}</tbody>
            </table>
            {reason.is_none().then(|| view! { <RescaleBar rescale /> })}
        }
    };
    view! {
        <section class="panel graph-panel" aria-label="Job graph">{graph}</section>
        <section class="panel">
            <h2>"Vertices"</h2>
            {table}
        </section>
    }
}

const COLUMNS: [(&str, bool); 6] =
    [("Name", false), ("Status", false), ("Parallelism", true), ("Max parallelism", true), ("Tasks", false), ("Scale to", false)];

/// At most this many vertices get a metrics request per round. When more are in view (a
/// 500-vertex graph scaled to fit), the rounds take turns through them and keep the last answer
/// of the others: a big graph costs a bounded number of requests and redraws per refresh.
pub const FLOWS_PER_ROUND: usize = 40;

/// The vertices one round asks for: `per` of `seen` from `cursor` on, wrapping; all when they fit.
pub fn flow_turn<T: Clone>(seen: &[T], cursor: usize, per: usize) -> Vec<T> {
    if seen.len() <= per {
        return seen.to_vec();
    }
    (0..per).filter_map(|i| seen.get((cursor + i) % seen.len()).cloned()).collect()
}

/// The graph's metrics (`VertexFlow`) for the vertices in view, one request each at twice the
/// refresh interval, [`FLOWS_PER_ROUND`] at most (Flink's UI asks two per vertex, every vertex,
/// every interval). Returns the vertices in view, which the graph keeps, and the poll.
fn use_flows(client: FlinkClient, job: JobId) -> (RwSignal<BTreeSet<VertexId>>, Loadable<Flows>) {
    let seen = RwSignal::new(BTreeSet::new());
    let running = expect_context::<JobContext>().job.data;
    let cursor = StoredValue::new(0_usize);
    let last = StoredValue::new(Flows::new());
    let poll = use_poll_every(2, move || {
        let (client, job) = (client.clone(), job.clone());
        let running = running.with_untracked(|d| d.as_ref().is_some_and(|d| d.state == JobStatus::Running));
        let visible = if running { seen.get_untracked() } else { BTreeSet::new() };
        let in_view: Vec<VertexId> = visible.iter().cloned().collect();
        let wanted = flow_turn(&in_view, cursor.get_value(), FLOWS_PER_ROUND);
        cursor.update_value(|c| *c = (*c + FLOWS_PER_ROUND) % in_view.len().max(1));
        async move {
            let answers = futures::future::join_all(wanted.iter().map(|v| client.request_vertex_flow(&job, v))).await;
            // The answers of the vertices not asked this round stay, while they are in view.
            let mut flows: Flows = last.get_value().into_iter().filter(|(v, _)| visible.contains(v)).collect();
            let mut failed = None;
            let mut answered = false;
            for (v, answer) in wanted.into_iter().zip(answers) {
                match answer {
                    Ok(flow) => {
                        flows.insert(v, flow);
                        answered = true;
                    }
                    Err(e) => failed = Some(e),
                }
            }
            last.set_value(flows.clone());
            // Some answers are worth showing; none is the poll's error.
            match failed {
                Some(e) if !answered => Err(e),
                _ => Ok(flows),
            }
        }
    });
    // Vertices scrolled into view get their metrics now, not at the next tick. Not on the
    // effect's first run, at mount: the poll's own first round is under way then.
    Effect::new(move |first_run_done: Option<()>| {
        seen.track();
        if first_run_done.is_some() {
            poll.refresh_now();
        }
    });
    (seen, poll)
}

fn vertex_row(job: &JobId, v: JobVertex, can_rescale: bool, rescale: Rescale) -> impl IntoView + use<> {
    let (link, name) = (href(&format!("/jobs/{job}/vertices/{}", v.id)), v.name.clone());
    let tasks: Vec<String> = v.tasks.iter().filter(|(_, n)| *n > 0).map(|(state, n)| format!("{n} {}", state.to_ascii_lowercase())).collect();
    let id = v.id.clone();
    let pending = move || rescale.pending(&id).map(|p| format!(" → {p}"));
    view! {
        <tr>
            <th scope="row" class="name"><A href=link>{name}</A></th>
            <td><StatusBadge status=v.status.to_string() /></td>
            <td class="num parallelism">{v.parallelism}<span class="muted">{pending}</span></td>
            {cell(v.max_parallelism.to_string(), "num")}
            {cell(tasks.join(", "), "vertex-tasks")}
            {can_rescale.then(|| view! { <td>{parallelism_input(v, rescale)}</td> })}
        </tr>
    }
}

fn parallelism_input(v: JobVertex, rescale: Rescale) -> impl IntoView {
    let edits = rescale.edits;
    let id = v.id.clone();
    let current = v.parallelism.to_string();
    let value = move || edits.with(|e| e.get(&id).cloned()).unwrap_or_else(|| current.clone());
    let id = v.id;
    view! {
        <input
            type="number"
            min="1"
            max=(v.max_parallelism > 0).then_some(v.max_parallelism)
            step="1"
            inputmode="numeric"
            class="parallelism-input"
            aria-label=format!("Parallelism of {}", v.name)
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

#[cfg(test)]
mod tests {
    use super::flow_turn;

    #[test]
    fn a_round_asks_for_all_vertices_in_view_when_they_fit_and_takes_turns_when_not() {
        let seen: Vec<u32> = (0..10).collect();
        assert_eq!(flow_turn(&seen, 7, 10), seen);
        assert_eq!(flow_turn(&seen, 0, 4), [0, 1, 2, 3]);
        assert_eq!(flow_turn(&seen, 8, 4), [8, 9, 0, 1], "wraps around");
        assert_eq!(flow_turn::<u32>(&[], 3, 4), Vec::<u32>::new());
    }
}
