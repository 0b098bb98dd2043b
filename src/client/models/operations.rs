//! Asynchronous operations: a trigger answers a request id; polling it answers a status and,
//! once `COMPLETED`, the operation's result or its failure.
use serde::{Deserialize, Serialize};

use super::string_enum;
use crate::client::ids::TriggerId;

string_enum!(
    /// `IN_PROGRESS` or `COMPLETED` (a completed operation may still have failed).
    QueueStatusId {
        InProgress = "IN_PROGRESS",
        Completed = "COMPLETED",
    }
);

/// An asynchronous operation's progress (`status`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct QueueStatus {
    /// `IN_PROGRESS` or `COMPLETED` (`id`).
    pub id: QueueStatusId,
}

/// The answer to every trigger.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct TriggerResponse {
    /// The trigger id to poll (`request-id`).
    #[serde(rename(deserialize = "request-id", serialize = "requestId"))]
    pub request_id: TriggerId,
}

/// A Java exception as Flink serializes it.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct SerializedThrowable {
    /// The exception's class (`class`).
    #[serde(default)]
    pub class: String,
    /// Its stack trace (`stack-trace`).
    #[serde(default, rename(deserialize = "stack-trace", serialize = "stackTrace"))]
    pub stack_trace: String,
}

/// `GET …/{triggerid}`: the status and, when completed, the operation's outcome.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct AsyncOperationStatus<T> {
    /// Whether it has completed (`status`).
    pub status: QueueStatus,
    /// The outcome, once completed (`operation`).
    #[serde(default = "Option::default")]
    pub operation: Option<T>,
}

impl<T> AsyncOperationStatus<T> {
    /// Whether the operation has finished, successfully or not.
    pub fn is_completed(&self) -> bool {
        self.status.id == QueueStatusId::Completed
    }
}

/// The outcome of a savepoint or stop-with-savepoint: a location, or `failure-cause`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct SavepointOperation {
    /// Where the savepoint was written (`location`).
    #[serde(default)]
    pub location: Option<String>,
    /// Why it failed (`failure-cause`).
    #[serde(default, rename(deserialize = "failure-cause", serialize = "failureCause"))]
    pub failure_cause: Option<SerializedThrowable>,
}

/// The outcome of a checkpoint trigger: an id, or `failureCause` (spelled differently from
/// the savepoint's, by Flink).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CheckpointOperation {
    /// The checkpoint's id (`checkpointId`).
    #[serde(default)]
    pub checkpoint_id: Option<u64>,
    /// Why it failed (`failureCause`).
    #[serde(default)]
    pub failure_cause: Option<SerializedThrowable>,
}

/// The outcome of a savepoint disposal: `{}` on success.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct DisposalOperation {
    /// Why it failed (`failure-cause`).
    #[serde(default, rename(deserialize = "failure-cause", serialize = "failureCause"))]
    pub failure_cause: Option<SerializedThrowable>,
}
