//! Rescaling from the vertex table: the inputs' values become the FULL resource requirements
//! (every vertex, as Flink demands), sent at once; then "Rescaling…" until the job runs with the
//! new parallelism. The rules are pure functions, tested on the host.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::JobContext;
use crate::app::Cluster;
use crate::app::components::ErrorNote;
use crate::client::rescale::with_parallelism;
use crate::client::{ClientError, FlinkClient, JobId, JobStatus, JobVertex, VertexId};

#[derive(Clone, Debug, PartialEq)]
pub enum RescaleState {
    Idle,
    Sending,
    /// Flink accepted the requirements; waiting to see these parallelisms on the job.
    Waiting(BTreeMap<VertexId, u32>),
    /// "Name → parallelism" of what changed.
    Done(Vec<(String, u32)>),
    Failed(ClientError),
}

/// Why rescaling is not offered for this job, or `None` when it is.
pub fn blocker(web_rescale: Option<bool>, scheduler: Option<&str>, state: &JobStatus) -> Option<String> {
    match web_rescale {
        None => return Some("Checking whether this cluster allows rescaling…".into()),
        Some(false) => return Some("Rescaling is disabled on this cluster (web.rescale.enable: false).".into()),
        Some(true) => {}
    }
    if scheduler != Some("Adaptive") {
        return Some(format!(
            "Rescaling needs the adaptive scheduler (jobmanager.scheduler: adaptive); this job runs on the {} scheduler.",
            scheduler.unwrap_or("Default")
        ));
    }
    (*state != JobStatus::Running).then(|| format!("Only running jobs can be rescaled; this one is {state}."))
}

/// The parallelisms typed into the inputs that differ from what the vertices run with now.
pub fn changes(edits: &BTreeMap<VertexId, String>, vertices: &[JobVertex]) -> Result<BTreeMap<VertexId, u32>, String> {
    let mut out = BTreeMap::new();
    for v in vertices {
        let Some(text) = edits.get(&v.id) else { continue };
        let p: u32 = match text.trim().parse() {
            Ok(p) if p >= 1 => p,
            _ => return Err(format!("The parallelism of {} must be a whole number of at least 1.", v.name)),
        };
        if v.max_parallelism > 0 && p > v.max_parallelism {
            return Err(format!("The parallelism of {} can be at most its max parallelism, {}.", v.name, v.max_parallelism));
        }
        if p != v.parallelism {
            out.insert(v.id.clone(), p);
        }
    }
    if out.is_empty() {
        return Err("Change a vertex's parallelism first.".into());
    }
    Ok(out)
}

/// True once every vertex runs with its target parallelism.
pub fn applied(targets: &BTreeMap<VertexId, u32>, vertices: &[JobVertex]) -> bool {
    targets.iter().all(|(id, p)| vertices.iter().any(|v| &v.id == id && v.parallelism == *p))
}

/// Shared by the vertex table (inputs) and the apply bar.
#[derive(Clone, Copy)]
pub struct Rescale {
    pub edits: RwSignal<BTreeMap<VertexId, String>>,
    pub state: RwSignal<RescaleState>,
}

impl Rescale {
    pub fn new() -> Self {
        Self { edits: RwSignal::new(BTreeMap::new()), state: RwSignal::new(RescaleState::Idle) }
    }

    /// The parallelism a vertex is being moved to, while Flink has not applied it yet.
    pub fn pending(&self, vertex: &VertexId) -> Option<u32> {
        self.state.with(|s| match s {
            RescaleState::Waiting(t) => t.get(vertex).copied(),
            _ => None,
        })
    }
}

impl Default for Rescale {
    fn default() -> Self {
        Self::new()
    }
}

async fn send(client: &FlinkClient, job: &JobId, targets: &BTreeMap<VertexId, u32>) -> Result<(), ClientError> {
    let mut requirements = client.request_job_resource_requirements(job, None).await?;
    for (vertex, p) in targets {
        requirements = with_parallelism(&requirements, vertex, i64::from(*p))?;
    }
    client.update_job_resource_requirements(job, &requirements, None).await
}

/// "Apply rescale" and what became of it.
#[component]
pub fn RescaleBar(rescale: Rescale) -> impl IntoView {
    let JobContext { id, job } = expect_context::<JobContext>();
    let client = StoredValue::new(expect_context::<Cluster>().client);
    let id = StoredValue::new(id);
    let Rescale { edits, state } = rescale;

    Effect::new(move |_| {
        let RescaleState::Waiting(targets) = state.get() else { return };
        let done = job.data.with(|d| {
            d.as_ref().filter(|d| applied(&targets, &d.vertices)).map(|d| {
                d.vertices.iter().filter_map(|v| targets.get(&v.id).map(|p| (v.name.clone(), *p))).collect::<Vec<_>>()
            })
        });
        if let Some(done) = done {
            edits.set(BTreeMap::new());
            state.set(RescaleState::Done(done));
        }
    });

    let apply = move |_| {
        if matches!(state.get_untracked(), RescaleState::Sending) {
            return;
        }
        let targets = job.data.with_untracked(|d| match d {
            Some(d) => edits.with_untracked(|e| changes(e, &d.vertices)),
            None => Err("The job has not loaded yet.".into()),
        });
        let targets = match targets {
            Ok(t) => t,
            Err(message) => {
                state.set(RescaleState::Failed(ClientError::InvalidInput(message)));
                return;
            }
        };
        state.set(RescaleState::Sending);
        let (client, id) = (client.get_value(), id.get_value());
        spawn_local(async move {
            match send(&client, &id, &targets).await {
                Ok(()) => {
                    state.try_set(RescaleState::Waiting(targets));
                    job.refresh_now();
                }
                Err(e) => {
                    state.try_set(RescaleState::Failed(e));
                }
            }
        });
    };
    let busy = move || matches!(state.get(), RescaleState::Sending | RescaleState::Waiting(_));
    let status = move || match state.get() {
        RescaleState::Idle => ().into_any(),
        RescaleState::Sending | RescaleState::Waiting(_) => view! {
            <p class="progress" role="status">
                <span class="spinner" aria-hidden="true"></span>
                "Rescaling… Flink restarts the job with the new parallelism after its next checkpoint (and waits out a cooldown of about 30 s after a previous restart)."
            </p>
        }
        .into_any(),
        RescaleState::Done(changed) => {
            let list: Vec<String> = changed.iter().map(|(name, p)| format!("{name} now runs with parallelism {p}")).collect();
            view! { <p class="done" role="status">{format!("Rescaled: {}.", list.join("; "))}</p> }.into_any()
        }
        RescaleState::Failed(error) => view! { <ErrorNote error /> }.into_any(),
    };
    view! {
        <div class="rescale-bar">
            <button type="button" class="primary" disabled=busy on:click=apply>"Apply rescale"</button>
            <div class="rescale-status">{status}</div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vertex(n: u8, parallelism: u32, max: u32) -> JobVertex {
        serde_json::from_value(serde_json::json!({
            "id": format!("{n:032x}"), "name": format!("V{n}"), "parallelism": parallelism,
            "maxParallelism": max, "status": "RUNNING"
        }))
        .unwrap()
    }

    fn edits(pairs: &[(u8, &str)]) -> BTreeMap<VertexId, String> {
        pairs.iter().map(|(n, t)| (VertexId::parse(&format!("{n:032x}")).unwrap(), t.to_string())).collect()
    }

    #[test]
    fn only_adaptive_running_jobs_on_clusters_that_allow_it() {
        assert_eq!(blocker(Some(true), Some("Adaptive"), &JobStatus::Running), None);
        assert!(blocker(Some(false), Some("Adaptive"), &JobStatus::Running).unwrap().contains("web.rescale.enable"));
        assert!(blocker(Some(true), Some("Default"), &JobStatus::Running).unwrap().contains("adaptive scheduler"));
        assert!(blocker(Some(true), Some("Adaptive"), &JobStatus::Finished).unwrap().contains("FINISHED"));
        assert!(blocker(None, Some("Adaptive"), &JobStatus::Running).is_some());
    }

    #[test]
    fn changes_are_the_edited_values_that_differ() {
        let vs = [vertex(1, 1, 128), vertex(2, 1, 8)];
        let out = changes(&edits(&[(1, "1"), (2, " 2 ")]), &vs).unwrap();
        assert_eq!(out.into_iter().map(|(_, p)| p).collect::<Vec<_>>(), vec![2]);
        assert!(changes(&edits(&[(1, "1")]), &vs).unwrap_err().contains("first"));
        assert!(changes(&edits(&[(2, "0")]), &vs).unwrap_err().contains("at least 1"));
        assert!(changes(&edits(&[(2, "two")]), &vs).unwrap_err().contains("whole number"));
        assert!(changes(&edits(&[(2, "9")]), &vs).unwrap_err().contains("at most its max parallelism, 8"));
    }

    #[test]
    fn applied_once_every_target_is_observed() {
        let targets: BTreeMap<VertexId, u32> = [(VertexId::parse(&format!("{:032x}", 2)).unwrap(), 2)].into();
        assert!(!applied(&targets, &[vertex(1, 1, 8), vertex(2, 1, 8)]));
        assert!(applied(&targets, &[vertex(1, 1, 8), vertex(2, 2, 8)]));
        assert!(!applied(&targets, &[vertex(1, 1, 8)]), "a vertex that vanished is not applied");
    }
}
