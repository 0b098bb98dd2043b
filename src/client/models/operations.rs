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

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct QueueStatus {
    pub id: QueueStatusId,
}

/// The answer to every trigger.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct TriggerResponse {
    #[serde(rename = "request-id")]
    pub request_id: TriggerId,
}

/// A Java exception as Flink serializes it.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct SerializedThrowable {
    #[serde(default)]
    pub class: String,
    #[serde(default, rename = "stack-trace")]
    pub stack_trace: String,
}

/// `GET …/{triggerid}`: the status and, when completed, the operation's outcome.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct AsyncOperationStatus<T> {
    pub status: QueueStatus,
    #[serde(default = "Option::default")]
    pub operation: Option<T>,
}

impl<T> AsyncOperationStatus<T> {
    pub fn is_completed(&self) -> bool {
        self.status.id == QueueStatusId::Completed
    }
}

/// The outcome of a savepoint or stop-with-savepoint: a location, or `failure-cause`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct SavepointOperation {
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default, rename = "failure-cause")]
    pub failure_cause: Option<SerializedThrowable>,
}

/// The outcome of a checkpoint trigger: an id, or `failureCause` (spelled differently from
/// the savepoint's, by Flink).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CheckpointOperation {
    #[serde(default)]
    pub checkpoint_id: Option<u64>,
    #[serde(default)]
    pub failure_cause: Option<SerializedThrowable>,
}

/// The outcome of a savepoint disposal: `{}` on success.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct DisposalOperation {
    #[serde(default, rename = "failure-cause")]
    pub failure_cause: Option<SerializedThrowable>,
}
