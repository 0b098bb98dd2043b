//! Waiting for asynchronous operations: poll the trigger's status request until `COMPLETED`,
//! then return the result or Flink's failure cause as `ClientError::OperationFailed`. The
//! `wait_for_*` methods live with their area (savepoints, checkpoints).
use std::time::Duration;

use serde::de::DeserializeOwned;

use super::ClientError;
use super::api::FlinkClient;
use super::models::{AsyncOperationStatus, SerializedThrowable};
use super::request::Request;
use super::transport::{now_ms, sleep_ms};

/// How often to poll and for how long at most.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WaitOptions {
    /// The pause between two status requests.
    pub poll_interval: Duration,
    /// When to give up with `ClientError::Timeout` (the operation may still go on in Flink).
    pub timeout: Duration,
}

impl Default for WaitOptions {
    fn default() -> Self {
        Self { poll_interval: Duration::from_millis(500), timeout: Duration::from_secs(120) }
    }
}

pub(crate) fn failed(operation: &str, cause: SerializedThrowable) -> ClientError {
    ClientError::OperationFailed { operation: operation.into(), class: cause.class, stack_trace: cause.stack_trace }
}

/// Sends `status` until the operation is completed; its result, or a timeout naming its URL.
pub(crate) async fn poll<T: DeserializeOwned>(
    client: &FlinkClient,
    what: &str,
    status: Request<AsyncOperationStatus<T>>,
    wait: WaitOptions,
) -> Result<T, ClientError> {
    let deadline = now_ms() + wait.timeout.as_secs_f64() * 1000.0;
    loop {
        let answer = client.send(status.clone()).await?;
        if answer.is_completed() {
            return answer.operation.ok_or_else(|| ClientError::Decode {
                url: client.url(&status),
                path: "operation".into(),
                message: format!("the {what} completed without a result"),
            });
        }
        if now_ms() >= deadline {
            let after_ms = wait.timeout.as_millis().min(u128::from(u32::MAX)) as u32;
            return Err(ClientError::Timeout { url: client.url(&status), after_ms });
        }
        sleep_ms(wait.poll_interval.as_millis().min(60_000) as u32).await;
    }
}
