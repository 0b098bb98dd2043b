//! Savepoints: trigger, stop with a savepoint, their status, and disposal.
use serde_json::{Map, Value, json};

use super::FlinkClient;
use crate::client::ClientError;
use crate::client::ids::{JobId, TriggerId};
use crate::client::models::*;
use crate::client::request::{Method, Request, job_path, non_empty};
use crate::client::wait::{WaitOptions, failed, poll};

/// Options of `trigger_savepoint`. No target directory (or a blank one) means the cluster's
/// default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SavepointOptions {
    /// Where the savepoint goes; trimmed, blank means the cluster's default.
    pub target_directory: Option<String>,
    /// Canonical (portable) or native.
    pub format_type: Option<SavepointFormat>,
    /// Cancel the job once the savepoint is taken (prefer `stop_with_savepoint`).
    pub cancel_job: bool,
    /// Set it, and reuse it on a retry: Flink then answers with the operation it already
    /// started, never a second savepoint. Without it Flink picks one.
    pub trigger_id: Option<TriggerId>,
}

/// Options of `stop_with_savepoint`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StopOptions {
    /// Where the savepoint goes; trimmed, blank means the cluster's default.
    pub target_directory: Option<String>,
    /// Canonical (portable) or native.
    pub format_type: Option<SavepointFormat>,
    /// Emit MAX_WATERMARK before stopping (ends event-time windows).
    pub drain: bool,
    /// As in [`SavepointOptions::trigger_id`].
    pub trigger_id: Option<TriggerId>,
}

/// A savepoint trigger's body: the endpoint's flag (`cancel-job`, `drain`) and the fields both
/// triggers share, the directory's under each endpoint's own spelling.
fn savepoint_body((flag, on): (&str, bool), dir_field: &str, dir: &Option<String>, format: &Option<SavepointFormat>, trigger: &Option<TriggerId>) -> Value {
    let mut body = Map::new();
    body.insert(flag.into(), Value::Bool(on));
    if let Some(dir) = non_empty(dir) {
        body.insert(dir_field.into(), Value::String(dir.into()));
    }
    if let Some(f) = format {
        body.insert("formatType".into(), Value::String(f.as_str().into()));
    }
    if let Some(t) = trigger {
        body.insert("triggerId".into(), Value::String(t.as_str().into()));
    }
    Value::Object(body)
}

/// `POST /jobs/{id}/savepoints`. Field spellings differ per endpoint in Flink
/// (`target-directory` here, `targetDirectory` for stop).
pub fn trigger_savepoint(id: &JobId, o: &SavepointOptions) -> Request<TriggerResponse> {
    let body = savepoint_body(("cancel-job", o.cancel_job), "target-directory", &o.target_directory, &o.format_type, &o.trigger_id);
    Request::new(Method::Post, format!("{}/savepoints", job_path(id))).json(body)
}
/// `GET /jobs/{id}/savepoints/{trigger}`.
pub fn get_triggered_savepoint_status(id: &JobId, trigger: &TriggerId) -> Request<AsyncOperationStatus<SavepointOperation>> {
    Request::get(format!("{}/savepoints/{trigger}", job_path(id)))
}
/// `POST /jobs/{id}/stop`.
pub fn stop_with_savepoint(id: &JobId, o: &StopOptions) -> Request<TriggerResponse> {
    let body = savepoint_body(("drain", o.drain), "targetDirectory", &o.target_directory, &o.format_type, &o.trigger_id);
    Request::new(Method::Post, format!("{}/stop", job_path(id))).json(body)
}
/// `POST /savepoint-disposal`.
pub fn dispose_savepoint(path: &str) -> Request<TriggerResponse> {
    Request::new(Method::Post, "/savepoint-disposal".into()).json(json!({ "savepoint-path": path.trim() }))
}
/// `GET /savepoint-disposal/{trigger}`.
pub fn get_savepoint_disposal_status(trigger: &TriggerId) -> Request<AsyncOperationStatus<DisposalOperation>> {
    Request::get(format!("/savepoint-disposal/{trigger}"))
}

impl FlinkClient {
    /// `POST /jobs/{id}/savepoints`: triggers a savepoint; returns the trigger id to poll.
    /// Set `trigger_id` and pass the same one on a retry: Flink then never takes a second one.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::{request::SavepointOptions, TriggerId, WaitOptions};
    /// let options = SavepointOptions { trigger_id: Some(TriggerId::random()?), ..Default::default() };
    /// let trigger = flink.trigger_savepoint(&job, &options).await?;
    /// let location = flink.wait_for_savepoint(&job, &trigger, WaitOptions::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn trigger_savepoint(&self, job: &JobId, options: &SavepointOptions) -> Result<TriggerId, ClientError> {
        self.send(trigger_savepoint(job, options)).await.map(|a| a.request_id)
    }

    /// `GET /jobs/{id}/savepoints/{trigger}`: also the status of a stop-with-savepoint.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// let status = flink.get_triggered_savepoint_status(&job, &t).await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_triggered_savepoint_status(&self, job: &JobId, trigger: &TriggerId) -> Result<AsyncOperationStatus<SavepointOperation>, ClientError> {
        self.send(get_triggered_savepoint_status(job, trigger)).await
    }

    /// `POST /jobs/{id}/stop`: takes a savepoint and stops the job. Destructive: ask first.
    /// Poll it with `get_triggered_savepoint_status` / `wait_for_savepoint`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::{request::StopOptions, TriggerId, WaitOptions};
    /// let options = StopOptions { drain: false, trigger_id: Some(TriggerId::random()?), ..Default::default() };
    /// let trigger = flink.stop_with_savepoint(&job, &options).await?;
    /// let location = flink.wait_for_savepoint(&job, &trigger, WaitOptions::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn stop_with_savepoint(&self, job: &JobId, options: &StopOptions) -> Result<TriggerId, ClientError> {
        self.send(stop_with_savepoint(job, options)).await.map(|a| a.request_id)
    }

    /// Polls a savepoint (or stop-with-savepoint) until it completes; returns its location.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// let location = flink.wait_for_savepoint(&job, &t, Default::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_savepoint(&self, job: &JobId, trigger: &TriggerId, wait: WaitOptions) -> Result<String, ClientError> {
        let status = get_triggered_savepoint_status(job, trigger);
        let url = self.url(&status);
        let op = poll(self, "savepoint", status, wait).await?;
        match (op.location, op.failure_cause) {
            (_, Some(cause)) => Err(failed("savepoint", cause)),
            (Some(location), None) => Ok(location),
            (None, None) => Err(ClientError::Decode { url, path: "operation.location".into(), message: "missing".into() }),
        }
    }

    /// `POST /savepoint-disposal`: deletes a savepoint's files. Destructive: ask first.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let trigger = flink.dispose_savepoint("file:/savepoints/savepoint-970762-6d3131af20bb").await?;
    /// flink.wait_for_savepoint_disposal(&trigger, Default::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn dispose_savepoint(&self, path: &str) -> Result<TriggerId, ClientError> {
        if path.trim().is_empty() {
            return Err(ClientError::InvalidInput("the savepoint path to dispose must not be empty".into()));
        }
        self.send(dispose_savepoint(path)).await.map(|a| a.request_id)
    }

    /// `GET /savepoint-disposal/{trigger}`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// let status = flink.get_savepoint_disposal_status(&t).await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_savepoint_disposal_status(&self, trigger: &TriggerId) -> Result<AsyncOperationStatus<DisposalOperation>, ClientError> {
        self.send(get_savepoint_disposal_status(trigger)).await
    }

    /// Polls a savepoint disposal until it completes.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// flink.wait_for_savepoint_disposal(&t, Default::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_savepoint_disposal(&self, trigger: &TriggerId, wait: WaitOptions) -> Result<(), ClientError> {
        let op = poll(self, "savepoint disposal", get_savepoint_disposal_status(trigger), wait).await?;
        match op.failure_cause {
            Some(cause) => Err(failed("savepoint disposal", cause)),
            None => Ok(()),
        }
    }
}
