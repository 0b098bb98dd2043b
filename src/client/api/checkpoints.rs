//! Checkpoints: statistics, configuration, details, and triggering one.
use serde_json::{Map, Value};

use super::FlinkClient;
use crate::client::ClientError;
use crate::client::ids::{JobId, TriggerId, VertexId};
use crate::client::models::*;
use crate::client::request::{Method, Request, job_path};
use crate::client::wait::{WaitOptions, failed, poll};

/// `GET /jobs/{id}/checkpoints`.
pub fn request_checkpoint_stats(id: &JobId) -> Request<CheckpointingStatistics> {
    Request::get(format!("{}/checkpoints", job_path(id)))
}
/// `GET /jobs/{id}/checkpoints/config`.
pub fn request_checkpoint_config(id: &JobId) -> Request<CheckpointConfig> {
    Request::get(format!("{}/checkpoints/config", job_path(id)))
}
/// `GET /jobs/{id}/checkpoints/details/{checkpoint}`.
pub fn request_checkpoint_details(id: &JobId, checkpoint: u64) -> Request<CheckpointStats> {
    Request::get(format!("{}/checkpoints/details/{checkpoint}", job_path(id)))
}
/// `GET /jobs/{id}/checkpoints/details/{checkpoint}/subtasks/{vertex}`.
pub fn request_checkpoint_subtask_details(id: &JobId, checkpoint: u64, vertex: &VertexId) -> Request<TaskCheckpointStats> {
    Request::get(format!("{}/checkpoints/details/{checkpoint}/subtasks/{vertex}", job_path(id)))
}

/// Options of `trigger_checkpoint`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckpointOptions {
    /// Configured (Flink's default) or full.
    pub checkpoint_type: Option<CheckpointType>,
    /// Set it, and reuse it on a retry: Flink then answers with the checkpoint it already
    /// started instead of taking a second one. Without it Flink picks one.
    pub trigger_id: Option<TriggerId>,
}

/// `POST /jobs/{id}/checkpoints`.
pub fn trigger_checkpoint(id: &JobId, o: &CheckpointOptions) -> Request<TriggerResponse> {
    let mut body = Map::new();
    if let Some(t) = &o.trigger_id {
        body.insert("triggerId".into(), Value::String(t.as_str().into()));
    }
    if let Some(t) = &o.checkpoint_type {
        body.insert("checkpointType".into(), Value::String(t.as_str().into()));
    }
    Request::new(Method::Post, format!("{}/checkpoints", job_path(id))).json(Value::Object(body))
}
/// `GET /jobs/{id}/checkpoints/{trigger}`.
pub fn get_triggered_checkpoint_status(id: &JobId, trigger: &TriggerId) -> Request<AsyncOperationStatus<CheckpointOperation>> {
    Request::get(format!("{}/checkpoints/{trigger}", job_path(id)))
}

impl FlinkClient {
    /// `GET /jobs/{id}/checkpoints`: counts, latest checkpoints and history.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let completed = flink.request_checkpoint_stats(&job).await?.counts.completed;
    /// # Ok(()) }
    /// ```
    pub async fn request_checkpoint_stats(&self, job: &JobId) -> Result<CheckpointingStatistics, ClientError> {
        self.send(request_checkpoint_stats(job)).await
    }

    /// `GET /jobs/{id}/checkpoints/config`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let every_ms = flink.request_checkpoint_config(&job).await?.interval;
    /// # Ok(()) }
    /// ```
    pub async fn request_checkpoint_config(&self, job: &JobId) -> Result<CheckpointConfig, ClientError> {
        self.send(request_checkpoint_config(job)).await
    }

    /// `GET /jobs/{id}/checkpoints/details/{checkpoint}`: one checkpoint with per-vertex stats.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let cp = flink.request_checkpoint_details(&job, 7).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_checkpoint_details(&self, job: &JobId, checkpoint: u64) -> Result<CheckpointStats, ClientError> {
        self.send(request_checkpoint_details(job, checkpoint)).await
    }

    /// `GET /jobs/{id}/checkpoints/details/{checkpoint}/subtasks/{vertex}`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// let subtasks = flink.request_checkpoint_subtask_details(&job, 7, &v).await?.subtasks;
    /// # Ok(()) }
    /// ```
    pub async fn request_checkpoint_subtask_details(&self, job: &JobId, checkpoint: u64, vertex: &VertexId) -> Result<TaskCheckpointStats, ClientError> {
        self.send(request_checkpoint_subtask_details(job, checkpoint, vertex)).await
    }

    /// `POST /jobs/{id}/checkpoints`: triggers a checkpoint; returns the trigger id to poll.
    /// Set `trigger_id` and pass the same one on a retry: Flink then never takes a second one.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::{request::CheckpointOptions, CheckpointType, TriggerId, WaitOptions};
    /// let options = CheckpointOptions { checkpoint_type: Some(CheckpointType::Full), trigger_id: Some(TriggerId::random()?) };
    /// let trigger = flink.trigger_checkpoint(&job, &options).await?;
    /// let id = flink.wait_for_checkpoint(&job, &trigger, WaitOptions::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn trigger_checkpoint(&self, job: &JobId, options: &CheckpointOptions) -> Result<TriggerId, ClientError> {
        self.send(trigger_checkpoint(job, options)).await.map(|a| a.request_id)
    }

    /// `GET /jobs/{id}/checkpoints/{trigger}`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// let done = flink.get_triggered_checkpoint_status(&job, &t).await?.is_completed();
    /// # Ok(()) }
    /// ```
    pub async fn get_triggered_checkpoint_status(&self, job: &JobId, trigger: &TriggerId) -> Result<AsyncOperationStatus<CheckpointOperation>, ClientError> {
        self.send(get_triggered_checkpoint_status(job, trigger)).await
    }

    /// Polls a triggered checkpoint until it completes; returns the checkpoint id.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// let checkpoint_id = flink.wait_for_checkpoint(&job, &t, Default::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_checkpoint(&self, job: &JobId, trigger: &TriggerId, wait: WaitOptions) -> Result<u64, ClientError> {
        let status = get_triggered_checkpoint_status(job, trigger);
        let url = self.url(&status);
        let op = poll(self, "checkpoint", status, wait).await?;
        match (op.checkpoint_id, op.failure_cause) {
            (_, Some(cause)) => Err(failed("checkpoint", cause)),
            (Some(id), None) => Ok(id),
            (None, None) => Err(ClientError::Decode { url, path: "operation.checkpointId".into(), message: "missing".into() }),
        }
    }
}
