//! Rescaling from the vertex table: the inputs' values become the FULL resource requirements
//! (every vertex, as Flink demands), checked by the client against the job on screen and sent
//! at once; then "Rescaling…" until the job runs with the new parallelism. The rules are pure
//! functions, tested on the host.
use std::collections::BTreeMap;

use leptos::prelude::*;

use super::JobContext;
use crate::app::Cluster;
use crate::app::components::ErrorNote;
use crate::app::load::Loadable;
use crate::app::operation::{OpState, Operation, use_operation};
use crate::client::rescale::with_parallelism;
use crate::client::{ClientError, FlinkClient, JobDetails, JobResourceRequirements, JobStatus, JobVertex, VertexId};

/// Why rescaling is not offered for this job, or `None` when it is. `scheduler` is what the
/// cluster says runs the job (`client::rescale::scheduler_of`); `None` when it does not say.
pub fn blocker(web_rescale: Option<bool>, scheduler: Option<&str>, state: &JobStatus) -> Option<String> {
    match web_rescale {
        None => return Some("Checking whether this cluster allows rescaling…".into()),
        Some(false) => return Some("Rescaling is disabled on this cluster (web.rescale.enable: false).".into()),
        Some(true) => {}
    }
    match scheduler {
        Some("Adaptive") => {}
        Some(other) => {
            return Some(format!(
                "Rescaling needs the adaptive scheduler (jobmanager.scheduler: adaptive); this job runs on the {other} scheduler."
            ));
        }
        None => {
            return Some(
                "Rescaling needs the adaptive scheduler (jobmanager.scheduler: adaptive); this cluster does not say which scheduler runs this job (Flink before 2.3 does not report it, and jobmanager.scheduler is not set)."
                    .into(),
            );
        }
    }
    (*state != JobStatus::Running).then(|| format!("Only running jobs can be rescaled; this one is {state}."))
}

/// The parallelisms typed into the inputs that differ from what the vertices run with now.
pub fn changes(edits: &BTreeMap<VertexId, String>, vertices: &[JobVertex]) -> Result<BTreeMap<VertexId, u32>, String> {
    let mut out = BTreeMap::new();
    for v in vertices {
        let Some(text) = edits.get(&v.id) else { continue };
        // Only what the text says; whether Flink can run it is the client's check (`validate`).
        let p: u32 = match text.trim().parse() {
            Ok(p) if p >= 1 => p,
            _ => return Err(format!("The parallelism of {} must be a whole number of at least 1.", v.name)),
        };
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
    /// The text typed into each vertex's input.
    pub edits: RwSignal<BTreeMap<VertexId, String>>,
    /// The parallelisms sent, while Flink has not applied them yet.
    pub targets: RwSignal<Option<BTreeMap<VertexId, u32>>>,
    /// Sending, then waiting until the job runs with the targets: "name → parallelism" of what
    /// changed.
    pub op: Operation<Vec<(String, u32)>>,
}

impl Rescale {
    pub fn new() -> Self {
        Self { edits: RwSignal::new(BTreeMap::new()), targets: RwSignal::new(None), op: use_operation() }
    }

    /// The parallelism a vertex is being moved to, while Flink has not applied it yet.
    pub fn pending(&self, vertex: &VertexId) -> Option<u32> {
        self.targets.with(|t| t.as_ref().and_then(|t| t.get(vertex).copied()))
    }
}

impl Default for Rescale {
    fn default() -> Self {
        Self::new()
    }
}

/// The full requirements with the targets applied, checked by the client against `job`.
async fn requirements(client: &FlinkClient, job: &JobDetails, targets: &BTreeMap<VertexId, u32>) -> Result<JobResourceRequirements, ClientError> {
    let mut requirements = client.request_job_resource_requirements(&job.jid).await?;
    for (vertex, p) in targets {
        requirements = with_parallelism(&requirements, vertex, i64::from(*p))?;
    }
    Ok(requirements)
}

/// How long to watch the job after the PUT's answer was lost: Flink may have taken it, and
/// applies it after a checkpoint and a restart cooldown (about 30 s).
const LOST_ANSWER_WATCH_MS: u32 = 120_000;

/// Waits until the polled job runs with every target parallelism; what changed, by name. With
/// `lost` (the PUT got no answer), at most [`LOST_ANSWER_WATCH_MS`]: then that error.
async fn until_applied(
    job: Loadable<JobDetails>,
    targets: &BTreeMap<VertexId, u32>,
    lost: Option<ClientError>,
) -> Result<Vec<(String, u32)>, ClientError> {
    let mut waited = 0;
    loop {
        if let Some(e) = lost.as_ref().filter(|_| waited >= LOST_ANSWER_WATCH_MS) {
            return Err(e.clone());
        }
        waited += 500;
        job.refresh_now();
        gloo_timers::future::TimeoutFuture::new(500).await;
        let seen = job.data.try_with_untracked(|d| {
            d.as_ref().filter(|d| applied(targets, &d.vertices)).map(|d| {
                d.vertices.iter().filter_map(|v| targets.get(&v.id).map(|p| (v.name.clone(), *p))).collect::<Vec<_>>()
            })
        });
        match seen {
            Some(Some(changed)) => return Ok(changed),
            Some(None) => {}
            // The page is gone: nobody is waiting any more.
            None => return Err(ClientError::InvalidInput("the job page was closed before the rescale was seen".into())),
        }
    }
}

/// "Apply rescale" and what became of it.
#[component]
pub fn RescaleBar(rescale: Rescale) -> impl IntoView {
    let JobContext { job, .. } = expect_context::<JobContext>();
    let client = StoredValue::new(expect_context::<Cluster>().client);
    let Rescale { edits, targets, op } = rescale;

    let apply = move |_| {
        if op.is_running_now() {
            return;
        }
        let Some(details) = job.data.get_untracked() else {
            return op.fail(ClientError::InvalidInput("The job has not loaded yet.".into()));
        };
        let wanted = match edits.with_untracked(|e| changes(e, &details.vertices)) {
            Ok(t) => t,
            Err(message) => return op.fail(ClientError::InvalidInput(message)),
        };
        let client = client.get_value();
        op.run(async move {
            let requirements = requirements(&client, &details, &wanted).await?;
            // Flink refused: nothing changes. No answer at all: Flink may have taken it, so the
            // job decides what to show, never a success it did not see.
            let lost = match client.update_job_resource_requirements(&details, &requirements).await {
                Ok(()) => None,
                Err(e) if e.is_unreachable() => Some(e),
                Err(e) => return Err(e),
            };
            targets.try_set(Some(wanted.clone()));
            let changed = until_applied(job, &wanted, lost).await;
            targets.try_set(None);
            if changed.is_ok() {
                edits.try_set(BTreeMap::new());
            }
            changed
        });
    };
    let busy = move || op.is_running();
    let status = move || match op.state.get() {
        OpState::Idle => ().into_any(),
        OpState::Running => view! {
            <p class="progress" role="status">
                <span class="spinner" aria-hidden="true"></span>
                "Rescaling… Flink restarts the job with the new parallelism after its next checkpoint (and waits out a cooldown of about 30 s after a previous restart)."
            </p>
        }
        .into_any(),
        OpState::Done(changed) => {
            let list: Vec<String> = changed.iter().map(|(name, p)| format!("{name} now runs with parallelism {p}")).collect();
            view! { <p class="done" role="status">{format!("Rescaled: {}.", list.join("; "))}</p> }.into_any()
        }
        OpState::Failed(error) => view! { <ErrorNote error /> }.into_any(),
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
        let unknown = blocker(Some(true), None, &JobStatus::Running).unwrap();
        assert!(unknown.contains("does not say which scheduler"), "never taken for Default: {unknown}");
    }

    #[test]
    fn changes_are_the_edited_values_that_differ() {
        let vs = [vertex(1, 1, 128), vertex(2, 1, 8)];
        let out = changes(&edits(&[(1, "1"), (2, " 2 ")]), &vs).unwrap();
        assert_eq!(out.into_values().collect::<Vec<_>>(), vec![2]);
        assert!(changes(&edits(&[(1, "1")]), &vs).unwrap_err().contains("first"));
        assert!(changes(&edits(&[(2, "0")]), &vs).unwrap_err().contains("at least 1"));
        assert!(changes(&edits(&[(2, "two")]), &vs).unwrap_err().contains("whole number"));
        // Above the max parallelism is the client's check, against the job on screen.
        let job: JobDetails = serde_json::from_value(serde_json::json!({
            "jid": format!("{:032x}", 7), "name": "j", "state": "RUNNING",
            "vertices": [vs[0].clone(), vs[1].clone()]
        }))
        .unwrap();
        let nine = changes(&edits(&[(2, "9")]), &vs).unwrap();
        let current = serde_json::from_value(serde_json::json!({
            format!("{:032x}", 1): {"parallelism": {"lowerBound": 1, "upperBound": 1}},
            format!("{:032x}", 2): {"parallelism": {"lowerBound": 1, "upperBound": 1}}
        }))
        .unwrap();
        let (vertex, p) = nine.into_iter().next().unwrap();
        let wanted = with_parallelism(&current, &vertex, i64::from(p)).unwrap();
        let e = crate::client::rescale::validate(&wanted, &job).unwrap_err().to_string();
        assert!(e.contains("can be at most its max parallelism, 8"), "{e}");
    }

    #[test]
    fn applied_once_every_target_is_observed() {
        let targets: BTreeMap<VertexId, u32> = [(VertexId::parse(&format!("{:032x}", 2)).unwrap(), 2)].into();
        assert!(!applied(&targets, &[vertex(1, 1, 8), vertex(2, 1, 8)]));
        assert!(applied(&targets, &[vertex(1, 1, 8), vertex(2, 2, 8)]));
        assert!(!applied(&targets, &[vertex(1, 1, 8)]), "a vertex that vanished is not applied");
    }
}
