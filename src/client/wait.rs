//! Waiting for asynchronous operations: poll the trigger until `COMPLETED`, then return the
//! result or Flink's failure cause as `ClientError::OperationFailed`.
use std::time::Duration;

use super::ClientError;
use super::api::FlinkClient;
use super::ids::{JobId, TriggerId};
use super::models::{AsyncOperationStatus, SerializedThrowable};
use super::transport::{now_ms, sleep_ms};

/// How often to poll and for how long at most.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WaitOptions {
    pub poll_interval: Duration,
    pub timeout: Duration,
}

impl Default for WaitOptions {
    fn default() -> Self {
        Self { poll_interval: Duration::from_millis(500), timeout: Duration::from_secs(120) }
    }
}

fn failed(operation: &str, cause: SerializedThrowable) -> ClientError {
    ClientError::OperationFailed { operation: operation.into(), class: cause.class, stack_trace: cause.stack_trace }
}

async fn poll<T, F, Fut>(what: &str, url: String, wait: WaitOptions, mut fetch: F) -> Result<T, ClientError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<AsyncOperationStatus<T>, ClientError>>,
{
    let deadline = now_ms() + wait.timeout.as_secs_f64() * 1000.0;
    loop {
        let status = fetch().await?;
        if status.is_completed() {
            return status.operation.ok_or_else(|| ClientError::Decode {
                url,
                path: "operation".into(),
                message: format!("the {what} completed without a result"),
            });
        }
        if now_ms() >= deadline {
            let after_ms = wait.timeout.as_millis().min(u128::from(u32::MAX)) as u32;
            return Err(ClientError::Timeout { url, after_ms });
        }
        sleep_ms(wait.poll_interval.as_millis().min(60_000) as u32).await;
    }
}

impl FlinkClient {
    /// Polls a savepoint (or stop-with-savepoint) until it completes; returns its location.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// let location = flink.wait_for_savepoint(&job, &t, Default::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_savepoint(&self, job: &JobId, trigger: &TriggerId, wait: WaitOptions) -> Result<String, ClientError> {
        let url = self.url(&super::request::get_triggered_savepoint_status(job, trigger));
        let op = poll("savepoint", url.clone(), wait, || self.get_triggered_savepoint_status(job, trigger, None)).await?;
        match (op.location, op.failure_cause) {
            (_, Some(cause)) => Err(failed("savepoint", cause)),
            (Some(location), None) => Ok(location),
            (None, None) => Err(ClientError::Decode { url, path: "operation.location".into(), message: "missing".into() }),
        }
    }

    /// Polls a triggered checkpoint until it completes; returns the checkpoint id.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// let checkpoint_id = flink.wait_for_checkpoint(&job, &t, Default::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_checkpoint(&self, job: &JobId, trigger: &TriggerId, wait: WaitOptions) -> Result<u64, ClientError> {
        let url = self.url(&super::request::get_triggered_checkpoint_status(job, trigger));
        let op = poll("checkpoint", url.clone(), wait, || self.get_triggered_checkpoint_status(job, trigger, None)).await?;
        match (op.checkpoint_id, op.failure_cause) {
            (_, Some(cause)) => Err(failed("checkpoint", cause)),
            (Some(id), None) => Ok(id),
            (None, None) => Err(ClientError::Decode { url, path: "operation.checkpointId".into(), message: "missing".into() }),
        }
    }

    /// Polls a savepoint disposal until it completes.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// flink.wait_for_savepoint_disposal(&t, Default::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_savepoint_disposal(&self, trigger: &TriggerId, wait: WaitOptions) -> Result<(), ClientError> {
        let url = self.url(&super::request::get_savepoint_disposal_status(trigger));
        let op = poll("savepoint disposal", url, wait, || self.get_savepoint_disposal_status(trigger, None)).await?;
        match op.failure_cause {
            Some(cause) => Err(failed("savepoint disposal", cause)),
            None => Ok(()),
        }
    }
}
