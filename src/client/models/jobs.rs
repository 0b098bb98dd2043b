use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Count, Millis, Timestamp, null_default, string_enum};
use crate::client::ids::{JobId, VertexId};

string_enum!(
    /// A job's state (`JobStatus` in Flink).
    JobStatus {
        Initializing = "INITIALIZING",
        Created = "CREATED",
        Running = "RUNNING",
        Failing = "FAILING",
        Failed = "FAILED",
        Cancelling = "CANCELLING",
        Canceled = "CANCELED",
        Finished = "FINISHED",
        Restarting = "RESTARTING",
        Suspended = "SUSPENDED",
        Reconciling = "RECONCILING",
    }
);

impl JobStatus {
    /// The job will not change state any more.
    pub fn is_terminal(&self) -> bool {
        matches!(self, Self::Failed | Self::Canceled | Self::Finished)
    }
}

string_enum!(
    /// A task's or vertex's execution state.
    ExecutionState {
        Created = "CREATED",
        Scheduled = "SCHEDULED",
        Deploying = "DEPLOYING",
        Running = "RUNNING",
        Finished = "FINISHED",
        Canceling = "CANCELING",
        Canceled = "CANCELED",
        Failed = "FAILED",
        Reconciling = "RECONCILING",
        Initializing = "INITIALIZING",
    }
);

/// `GET /jobs/overview`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct MultipleJobsDetails {
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub jobs: Vec<JobOverview>,
}

/// A job in `/jobs/overview`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub struct JobOverview {
    pub jid: JobId,
    #[serde(default)]
    pub name: String,
    pub state: JobStatus,
    #[serde(default)]
    pub start_time: Timestamp,
    #[serde(default)]
    pub end_time: Timestamp,
    #[serde(default)]
    pub duration: Millis,
    #[serde(default)]
    pub last_modification: Timestamp,
    /// Task counts by state, lowercase keys (`running`, `total`, …).
    #[serde(default)]
    pub tasks: BTreeMap<String, u32>,
}

/// `GET /jobs`: ids and states only.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct JobIdsWithStatus {
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub jobs: Vec<JobIdWithStatus>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct JobIdWithStatus {
    pub id: JobId,
    pub status: JobStatus,
}

/// `GET /jobs/{id}`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub struct JobDetails {
    pub jid: JobId,
    #[serde(default)]
    pub name: String,
    pub state: JobStatus,
    #[serde(default, rename = "isStoppable")]
    pub is_stoppable: bool,
    #[serde(default)]
    pub job_type: Option<String>,
    /// `Adaptive`, `Default`, `AdaptiveBatch`; rescaling needs `Adaptive`.
    #[serde(default, rename = "schedulerType")]
    pub scheduler_type: Option<String>,
    #[serde(default)]
    pub start_time: Timestamp,
    #[serde(default)]
    pub end_time: Timestamp,
    #[serde(default)]
    pub duration: Millis,
    #[serde(default, rename = "maxParallelism")]
    pub max_parallelism: Count,
    #[serde(default)]
    pub now: i64,
    /// When the job entered each state (0 = never).
    #[serde(default)]
    pub timestamps: BTreeMap<String, i64>,
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub vertices: Vec<JobVertex>,
}

/// A vertex in `/jobs/{id}`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub struct JobVertex {
    pub id: VertexId,
    #[serde(default)]
    pub name: String,
    #[serde(default, rename = "maxParallelism")]
    pub max_parallelism: u32,
    #[serde(default)]
    pub parallelism: u32,
    pub status: ExecutionState,
    #[serde(default)]
    pub start_time: Timestamp,
    #[serde(default)]
    pub end_time: Timestamp,
    #[serde(default)]
    pub duration: Millis,
    /// Task counts by execution state (uppercase keys).
    #[serde(default)]
    pub tasks: BTreeMap<String, u32>,
}

/// `GET /jobs/{id}/status`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct JobStatusInfo {
    pub status: JobStatus,
}

/// `GET /jobs/{id}/execution-result`: `result` is `None` while the job runs.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct JobExecutionResult {
    pub status: super::QueueStatus,
    #[serde(default, rename = "job-execution-result")]
    pub result: Option<JobResult>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub struct JobResult {
    pub id: JobId,
    #[serde(default)]
    pub name: Option<String>,
    /// The final state: `FINISHED`, `CANCELED`, `FAILED`, …
    #[serde(default)]
    pub application_status: Option<String>,
    #[serde(default)]
    pub net_runtime: i64,
    #[serde(default)]
    pub start_time: Timestamp,
    #[serde(default)]
    pub end_time: Timestamp,
    #[serde(default)]
    pub failure_cause: Option<super::SerializedThrowable>,
}

/// `GET /jobs/{id}/exceptions`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct JobExceptions {
    #[serde(default)]
    pub exception_history: ExceptionHistory,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct ExceptionHistory {
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub entries: Vec<ExceptionInfo>,
    #[serde(default)]
    pub truncated: bool,
}

/// One failure of a job; root exceptions list their concurrent ones.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ExceptionInfo {
    #[serde(default)]
    pub exception_name: String,
    #[serde(default)]
    pub stacktrace: String,
    #[serde(default)]
    pub timestamp: i64,
    #[serde(default)]
    pub task_name: Option<String>,
    #[serde(default)]
    pub endpoint: Option<String>,
    #[serde(default)]
    pub task_manager_id: Option<String>,
    #[serde(default)]
    pub failure_labels: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub concurrent_exceptions: Vec<ExceptionInfo>,
}

/// `GET /jobs/{id}/config`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub struct JobConfig {
    pub jid: JobId,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub execution_config: Option<ExecutionConfig>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub struct ExecutionConfig {
    #[serde(default)]
    pub restart_strategy: Option<String>,
    #[serde(default)]
    pub job_parallelism: Option<i64>,
    #[serde(default)]
    pub object_reuse_mode: bool,
    #[serde(default)]
    pub user_config: BTreeMap<String, String>,
}

/// `GET /jobs/{id}/plan`: the job graph.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct JobPlanInfo {
    pub plan: JobPlan,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct JobPlan {
    #[serde(default)]
    pub name: String,
    #[serde(default, rename = "type")]
    pub job_type: Option<String>,
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub nodes: Vec<PlanNode>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct PlanNode {
    pub id: VertexId,
    #[serde(default)]
    pub parallelism: u32,
    /// Flink's description with `<br/>` line breaks: treat as text, never as HTML.
    #[serde(default)]
    pub description: String,
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub inputs: Vec<PlanInput>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct PlanInput {
    pub id: VertexId,
    #[serde(default)]
    pub ship_strategy: Option<String>,
    #[serde(default)]
    pub exchange: Option<String>,
}

/// `GET /jobs/{id}/vertices/{vertex}`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct VertexDetails {
    pub id: VertexId,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub parallelism: u32,
    #[serde(default)]
    pub max_parallelism: u32,
    #[serde(default)]
    pub now: i64,
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub subtasks: Vec<SubtaskInfo>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub struct SubtaskInfo {
    pub subtask: u32,
    pub status: ExecutionState,
    #[serde(default)]
    pub attempt: u32,
    #[serde(default)]
    pub endpoint: Option<String>,
    #[serde(default)]
    pub taskmanager_id: Option<String>,
    #[serde(default)]
    pub start_time: Timestamp,
    #[serde(default)]
    pub end_time: Timestamp,
    #[serde(default)]
    pub duration: Millis,
}

/// `GET /jobs/{id}/vertices/{vertex}/subtasktimes`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct SubtaskTimes {
    pub id: VertexId,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub now: i64,
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub subtasks: Vec<SubtaskTimestamps>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct SubtaskTimestamps {
    pub subtask: u32,
    #[serde(default)]
    pub host: Option<String>,
    #[serde(default)]
    pub duration: i64,
    #[serde(default)]
    pub timestamps: BTreeMap<String, i64>,
}
