//! The job's actions: savepoint, stop with savepoint, checkpoint, cancel. Each button is
//! disabled, with the reason beside it, when the job's state does not allow it; each runs in its
//! dialog, which shows Flink's answer.
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::JobContext;
use super::dialogs::{CancelDialog, CheckpointDialog, CheckpointRequest, SavepointDialog, SavepointOutcome, SavepointRequest};
use crate::app::Cluster;
use crate::app::operation::use_operation;
use crate::client::request::{CheckpointOptions, SavepointOptions, StopOptions};
use crate::client::{ClientError, FlinkClient, JobId, JobStatus, WaitOptions};

/// The default savepoint directory's key: Flink 2.x's name first, then the one before 2.0.
const SAVEPOINT_DIR_KEYS: [&str; 2] = ["execution.checkpointing.savepoint-dir", "state.savepoints.dir"];

/// Savepoints and checkpoints can take as long as the job's checkpoint timeout (10 min default).
const OPERATION_WAIT: WaitOptions = WaitOptions { poll_interval: Duration::from_millis(500), timeout: Duration::from_secs(600) };

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Savepoint,
    Stop,
    Checkpoint,
    Cancel,
}

const BUTTONS: [(Open, &str); 4] = [
    (Open::Savepoint, "Trigger savepoint"),
    (Open::Stop, "Stop with savepoint"),
    (Open::Checkpoint, "Trigger checkpoint"),
    (Open::Cancel, "Cancel job"),
];

/// Which actions the job's state allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Allowed {
    /// Savepoint, stop with savepoint, checkpoint (and rescale): running jobs only.
    pub running_only: bool,
    pub cancel: bool,
}

pub fn allowed(state: &JobStatus, web_cancel: bool) -> Allowed {
    Allowed { running_only: *state == JobStatus::Running, cancel: !state.is_terminal() && web_cancel }
}

/// Why some actions are disabled, in one sentence; `None` when all are available.
pub fn disabled_reason(state: &JobStatus, web_cancel: bool) -> Option<String> {
    if state.is_terminal() {
        return Some(format!("The job has ended ({state}): no actions apply."));
    }
    let mut reasons = Vec::new();
    if *state != JobStatus::Running {
        reasons.push(format!("Savepoints, stop and checkpoints need a running job; this one is {state}."));
    }
    if !web_cancel {
        reasons.push("Cancelling from the web is disabled on this cluster (web.cancel.enable).".to_string());
    }
    (!reasons.is_empty()).then(|| reasons.join(" "))
}

#[component]
pub fn JobActions() -> impl IntoView {
    let JobContext { id, job } = expect_context::<JobContext>();
    let cluster = expect_context::<Cluster>();
    let client = StoredValue::new(cluster.client.clone());
    let id = StoredValue::new(id);
    let config = cluster.config;
    let open = RwSignal::new(None::<Open>);
    let state = Memo::new(move |_| job.data.with(|d| d.as_ref().map(|d| d.state.clone())));
    let web_cancel = Memo::new(move |_| config.with(|c| c.as_ref().is_none_or(|c| c.features.web_cancel)));
    let allow = Memo::new(move |_| match state.get() {
        Some(s) => allowed(&s, web_cancel.get()),
        None => Allowed { running_only: false, cancel: false },
    });
    let reason = move || state.get().and_then(|s| disabled_reason(&s, web_cancel.get()));
    // Untracked: a dialog must not be rebuilt (losing its state) when the job is polled again.
    let name = move || job.data.with_untracked(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default());

    let default_dir = RwSignal::new(None::<String>);
    let dir_requested = StoredValue::new(false);
    let open_dialog = move |which: Open| {
        if matches!(which, Open::Savepoint | Open::Stop) && !dir_requested.get_value() {
            dir_requested.set_value(true);
            let client = client.get_value();
            spawn_local(async move {
                if let Ok(entries) = client.jobmanager_config().await {
                    let dir = SAVEPOINT_DIR_KEYS.iter().find_map(|k| entries.iter().find(|e| e.key == *k)).map(|e| e.value.clone());
                    default_dir.try_set(dir);
                }
            });
        }
        open.set(Some(which));
    };
    let close = Callback::new(move |()| open.set(None));
    // Flink's cached job answer (web.refresh-interval) shows the effect a moment later.
    let done = move || job.refresh_now();

    let dialog = move |which: Open| match which {
        Open::Savepoint | Open::Stop => {
            let stop = which == Open::Stop;
            let op = use_operation();
            let on_submit = Callback::new(move |request: SavepointRequest| {
                let (client, id) = (client.get_value(), id.get_value());
                op.run(async move {
                    let outcome = take_savepoint(&client, &id, request, stop).await;
                    done();
                    outcome
                });
            });
            view! { <SavepointDialog job_name=name() stop default_dir op on_submit on_close=close /> }.into_any()
        }
        Open::Checkpoint => {
            let op = use_operation();
            let on_submit = Callback::new(move |request: CheckpointRequest| {
                let (client, id) = (client.get_value(), id.get_value());
                op.run(async move { take_checkpoint(&client, &id, request).await });
            });
            view! { <CheckpointDialog job_name=name() op on_submit on_close=close /> }.into_any()
        }
        Open::Cancel => {
            let op = use_operation();
            let on_confirm = Callback::new(move |()| {
                let (client, id) = (client.get_value(), id.get_value());
                op.run(async move {
                    let outcome = cancel(&client, &id).await;
                    done();
                    outcome
                });
            });
            view! { <CancelDialog job_name=name() op on_confirm on_close=close /> }.into_any()
        }
    };

    view! {
        <div class="job-actions">
            <div class="buttons" role="group" aria-label="Job actions" aria-describedby="job-actions-note">
                {BUTTONS.map(|(which, label)| {
                    let disabled = move || {
                        let a = allow.get();
                        !if which == Open::Cancel { a.cancel } else { a.running_only }
                    };
                    view! {
                        <button type="button" class=(which == Open::Cancel).then_some("danger") disabled=disabled on:click=move |_| open_dialog(which)>
                            {label}
                        </button>
                    }
                }).collect_view()}
            </div>
            <p class="action-note muted" id="job-actions-note">{reason}</p>
        </div>
        {move || open.get().map(dialog)}
    }
}

async fn take_savepoint(client: &FlinkClient, job: &JobId, request: SavepointRequest, stop: bool) -> Result<SavepointOutcome, ClientError> {
    let target_directory = Some(request.target_directory);
    let format_type = Some(request.format);
    let trigger_id = Some(request.trigger_id);
    let trigger = if stop {
        let options = StopOptions { target_directory, format_type, drain: request.drain, trigger_id };
        client.stop_with_savepoint(job, &options).await?
    } else {
        let options = SavepointOptions { target_directory, format_type, cancel_job: false, trigger_id };
        client.trigger_savepoint(job, &options).await?
    };
    let location = client.wait_for_savepoint(job, &trigger, OPERATION_WAIT).await?;
    let final_state = if stop { wait_until_ended(client, job).await } else { None };
    Ok(SavepointOutcome { location, final_state })
}

async fn take_checkpoint(client: &FlinkClient, job: &JobId, request: CheckpointRequest) -> Result<u64, ClientError> {
    let options = CheckpointOptions { checkpoint_type: Some(request.checkpoint_type), trigger_id: Some(request.trigger_id) };
    let trigger = client.trigger_checkpoint(job, &options).await?;
    client.wait_for_checkpoint(job, &trigger, OPERATION_WAIT).await
}

async fn cancel(client: &FlinkClient, job: &JobId) -> Result<JobStatus, ClientError> {
    client.cancel_job(job).await?;
    Ok(wait_until_ended(client, job).await.unwrap_or(JobStatus::Cancelling))
}

/// The job's state once it has ended, or the last one seen within 30 s.
async fn wait_until_ended(client: &FlinkClient, job: &JobId) -> Option<JobStatus> {
    let mut last = None;
    for _ in 0..60 {
        if let Ok(s) = client.request_job_status(job).await {
            if s.status.is_terminal() {
                return Some(s.status);
            }
            last = Some(s.status);
        }
        gloo_timers::future::TimeoutFuture::new(500).await;
    }
    last
}
