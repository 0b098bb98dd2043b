use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Count, IoMetrics, Millis, TaskCounts, Timestamp, null_default, string_enum};
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
#[serde(rename_all(serialize = "camelCase"))]
pub struct MultipleJobsDetails {
    /// The jobs (`jobs`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub jobs: Vec<JobOverview>,
}

/// A job in `/jobs/overview`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct JobOverview {
    /// The job's id (`jid`).
    pub jid: JobId,
    /// The job's name (`name`).
    #[serde(default)]
    pub name: String,
    /// The job's state (`state`).
    pub state: JobStatus,
    /// When the job started (`start-time`), epoch ms.
    #[serde(default)]
    pub start_time: Timestamp,
    /// When it ended (`end-time`), epoch ms.
    #[serde(default)]
    pub end_time: Timestamp,
    /// How long it has run (`duration`), ms.
    #[serde(default)]
    pub duration: Millis,
    /// When its state last changed (`last-modification`), epoch ms.
    #[serde(default)]
    pub last_modification: Timestamp,
    /// Task counts by state (`tasks`), lowercase keys (`running`, `total`, …).
    #[serde(default)]
    #[cfg_attr(feature = "npm", tsify(type = "Record<string, number>"))]
    pub tasks: TaskCounts,
}

/// `GET /jobs`: ids and states only.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JobIdsWithStatus {
    /// The jobs (`jobs`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub jobs: Vec<JobIdWithStatus>,
}

/// A job's id and state, in `/jobs`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JobIdWithStatus {
    /// The job's id (`id`).
    pub id: JobId,
    /// Its state (`status`).
    pub status: JobStatus,
}

/// `GET /jobs/{id}`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct JobDetails {
    /// The job's id (`jid`).
    pub jid: JobId,
    /// The job's name (`name`).
    #[serde(default)]
    pub name: String,
    /// The job's state (`state`).
    pub state: JobStatus,
    /// Whether the job can be stopped (`isStoppable`).
    #[serde(default, rename = "isStoppable")]
    pub is_stoppable: bool,
    /// `STREAMING` or `BATCH` (`job-type`).
    #[serde(default)]
    pub job_type: Option<String>,
    /// The scheduler (`schedulerType`): `Adaptive`, `Default`, `AdaptiveBatch`; rescaling needs `Adaptive`.
    #[serde(default, rename = "schedulerType")]
    pub scheduler_type: Option<String>,
    /// When the job started (`start-time`), epoch ms.
    #[serde(default)]
    pub start_time: Timestamp,
    /// When it ended (`end-time`), epoch ms.
    #[serde(default)]
    pub end_time: Timestamp,
    /// How long it has run (`duration`), ms.
    #[serde(default)]
    pub duration: Millis,
    /// The job's max parallelism (`maxParallelism`), if set.
    #[serde(default, rename = "maxParallelism")]
    pub max_parallelism: Count,
    /// When Flink made the answer (`now`), epoch ms.
    #[serde(default)]
    pub now: i64,
    /// When the job entered each state (`timestamps`), epoch ms, 0 = never.
    #[serde(default)]
    pub timestamps: BTreeMap<String, i64>,
    /// The job's vertices (`vertices`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub vertices: Vec<JobVertex>,
}

/// A vertex in `/jobs/{id}`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct JobVertex {
    /// The vertex's id (`id`).
    pub id: VertexId,
    /// Its name (`name`).
    #[serde(default)]
    pub name: String,
    /// Its max parallelism (`maxParallelism`).
    #[serde(default, rename = "maxParallelism")]
    pub max_parallelism: u32,
    /// Its parallelism (`parallelism`).
    #[serde(default)]
    pub parallelism: u32,
    /// Its execution state (`status`).
    pub status: ExecutionState,
    /// When it started (`start-time`), epoch ms.
    #[serde(default)]
    pub start_time: Timestamp,
    /// When it ended (`end-time`), epoch ms.
    #[serde(default)]
    pub end_time: Timestamp,
    /// How long it has run (`duration`), ms.
    #[serde(default)]
    pub duration: Millis,
    /// Task counts by execution state (`tasks`), uppercase keys.
    #[serde(default)]
    #[cfg_attr(feature = "npm", tsify(type = "Record<string, number>"))]
    pub tasks: TaskCounts,
}

/// `GET /jobs/{id}/status`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JobStatusInfo {
    /// The job's state (`status`).
    pub status: JobStatus,
}

/// `GET /jobs/{id}/execution-result`: `result` is `None` while the job runs.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JobExecutionResult {
    /// Whether the job has ended (`status`).
    pub status: super::QueueStatus,
    /// How it ended, once it has (`job-execution-result`).
    #[serde(default, rename(deserialize = "job-execution-result", serialize = "jobExecutionResult"))]
    pub result: Option<JobResult>,
}

/// How a job ended (`job-execution-result`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct JobResult {
    /// The job's id (`id`).
    pub id: JobId,
    /// Its name (`name`).
    #[serde(default)]
    pub name: Option<String>,
    /// The outcome (`application-status`): `SUCCEEDED`, `FAILED`, `CANCELED` or `UNKNOWN`.
    #[serde(default)]
    pub application_status: Option<String>,
    /// How long it ran (`net-runtime`), ms.
    #[serde(default)]
    pub net_runtime: i64,
    /// When it started (`start-time`), epoch ms.
    #[serde(default)]
    pub start_time: Timestamp,
    /// When it ended (`end-time`), epoch ms.
    #[serde(default)]
    pub end_time: Timestamp,
    /// Why it failed (`failure-cause`).
    #[serde(default)]
    pub failure_cause: Option<super::SerializedThrowable>,
}

/// `GET /jobs/{id}/exceptions`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct JobExceptions {
    /// The job's failures (`exceptionHistory`).
    #[serde(default)]
    pub exception_history: ExceptionHistory,
}

/// A job's recorded failures (`exceptionHistory`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ExceptionHistory {
    /// The root failures (`entries`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub entries: Vec<ExceptionInfo>,
    /// Whether Flink left out entries beyond its limit (`truncated`).
    #[serde(default)]
    pub truncated: bool,
}

/// One failure of a job; root exceptions list their concurrent ones.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ExceptionInfo {
    /// The exception's class (`exceptionName`).
    #[serde(default)]
    pub exception_name: String,
    /// Its stack trace (`stacktrace`).
    #[serde(default)]
    pub stacktrace: String,
    /// When it happened (`timestamp`), epoch ms.
    #[serde(default)]
    pub timestamp: i64,
    /// The task that failed (`taskName`), if one did.
    #[serde(default)]
    pub task_name: Option<String>,
    /// Where that task ran (`endpoint`).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// The task manager it ran on (`taskManagerId`).
    #[serde(default)]
    pub task_manager_id: Option<String>,
    /// Labels from Flink's failure enrichers (`failureLabels`).
    #[serde(default)]
    pub failure_labels: BTreeMap<String, String>,
    /// Failures at the same time as this root one (`concurrentExceptions`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub concurrent_exceptions: Vec<ExceptionInfo>,
}

/// `GET /jobs/{id}/config`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct JobConfig {
    /// The job's id (`jid`).
    pub jid: JobId,
    /// The job's name (`name`).
    #[serde(default)]
    pub name: String,
    /// The job's execution settings (`execution-config`).
    #[serde(default)]
    pub execution_config: Option<ExecutionConfig>,
}

/// A job's execution settings (`execution-config`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct ExecutionConfig {
    /// The restart strategy, described (`restart-strategy`).
    #[serde(default)]
    pub restart_strategy: Option<String>,
    /// The job's default parallelism (`job-parallelism`).
    #[serde(default)]
    pub job_parallelism: Option<i64>,
    /// Whether object reuse is on (`object-reuse-mode`).
    #[serde(default)]
    pub object_reuse_mode: bool,
    /// The job's global parameters (`user-config`).
    #[serde(default)]
    pub user_config: BTreeMap<String, String>,
}

/// `GET /jobs/{id}/plan`: the job graph.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JobPlanInfo {
    /// The job graph (`plan`).
    pub plan: JobPlan,
}

/// A job graph.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JobPlan {
    /// The job's name (`name`).
    #[serde(default)]
    pub name: String,
    /// `STREAMING` or `BATCH` (`type`).
    #[serde(default, rename = "type")]
    pub job_type: Option<String>,
    /// The graph's vertices (`nodes`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub nodes: Vec<PlanNode>,
}

/// A vertex of the job graph.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct PlanNode {
    /// The vertex's id (`id`).
    pub id: VertexId,
    /// Its parallelism (`parallelism`).
    #[serde(default)]
    pub parallelism: u32,
    /// What it runs (`description`), with `<br/>` line breaks: treat as text, never as HTML.
    #[serde(default)]
    pub description: String,
    /// The edges into it (`inputs`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub inputs: Vec<PlanInput>,
}

/// An edge into a vertex of the job graph.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct PlanInput {
    /// The upstream vertex's id (`id`).
    pub id: VertexId,
    /// How records are distributed, e.g. `HASH`, `FORWARD` (`ship_strategy`).
    #[serde(default)]
    pub ship_strategy: Option<String>,
    /// The data exchange mode, e.g. `pipelined_bounded` (`exchange`).
    #[serde(default)]
    pub exchange: Option<String>,
}

/// `GET /jobs/{id}/vertices/{vertex}`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct VertexDetails {
    /// The vertex's id (`id`).
    pub id: VertexId,
    /// Its name (`name`).
    #[serde(default)]
    pub name: String,
    /// Its parallelism (`parallelism`).
    #[serde(default)]
    pub parallelism: u32,
    /// Its max parallelism (`maxParallelism`).
    #[serde(default)]
    pub max_parallelism: u32,
    /// When Flink made the answer (`now`), epoch ms.
    #[serde(default)]
    pub now: i64,
    /// Its subtasks' current attempts (`subtasks`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub subtasks: Vec<SubtaskInfo>,
}

/// A subtask's current execution attempt.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct SubtaskInfo {
    /// The subtask's index (`subtask`).
    pub subtask: u32,
    /// Its execution state (`status`).
    pub status: ExecutionState,
    /// The attempt number, from 0 (`attempt`).
    #[serde(default)]
    pub attempt: u32,
    /// Where it runs, `host:port` (`endpoint`, from Flink 1.19); see [`SubtaskInfo::location`].
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Where it runs, the host alone (`host`, up to Flink 1.20).
    #[serde(default)]
    pub host: Option<String>,
    /// Its task manager's id (`taskmanager-id`).
    #[serde(default)]
    pub taskmanager_id: Option<String>,
    /// When it started (`start-time`), epoch ms.
    #[serde(default)]
    pub start_time: Timestamp,
    /// When it ended (`end-time`), epoch ms.
    #[serde(default)]
    pub end_time: Timestamp,
    /// How long it has run (`duration`), ms.
    #[serde(default)]
    pub duration: Millis,
    /// Its I/O counters (`metrics`).
    #[serde(default)]
    pub metrics: Option<IoMetrics>,
}

/// `GET /jobs/{id}/vertices/{vertex}/subtasktimes`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct SubtaskTimes {
    /// The vertex's id (`id`).
    pub id: VertexId,
    /// Its name (`name`).
    #[serde(default)]
    pub name: String,
    /// When Flink made the answer (`now`), epoch ms.
    #[serde(default)]
    pub now: i64,
    /// When each subtask entered each state (`subtasks`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub subtasks: Vec<SubtaskTimestamps>,
}

/// When one subtask entered each execution state.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct SubtaskTimestamps {
    /// The subtask's index (`subtask`).
    pub subtask: u32,
    /// Where it runs, `host:port` (`endpoint`, from Flink 1.19); see [`SubtaskTimestamps::location`].
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Where it runs, the host alone (`host`, up to Flink 1.20).
    #[serde(default)]
    pub host: Option<String>,
    /// How long it has run (`duration`), ms.
    #[serde(default)]
    pub duration: i64,
    /// When it entered each state (`timestamps`), epoch ms, 0 = never.
    #[serde(default)]
    pub timestamps: BTreeMap<String, i64>,
}

// Flink 1.19 and 1.20 send both spellings (a serde alias would reject that as a duplicate).
impl SubtaskInfo {
    /// Where the subtask runs, in whichever spelling the line sends (`endpoint`, else `host`).
    pub fn location(&self) -> Option<&str> {
        self.endpoint.as_deref().or(self.host.as_deref())
    }
}

impl SubtaskTimestamps {
    /// Where the subtask runs, in whichever spelling the line sends (`endpoint`, else `host`).
    pub fn location(&self) -> Option<&str> {
        self.endpoint.as_deref().or(self.host.as_deref())
    }
}

/// `GET /applications/overview` (Flink 2.3 and later).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct MultipleApplicationsDetails {
    /// Every application (`applications`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub applications: Vec<ApplicationOverview>,
}

/// An application in `/applications/overview`: a program and the jobs it ran.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct ApplicationOverview {
    /// The application's id (`id`).
    pub id: String,
    /// Its name (`name`).
    #[serde(default)]
    pub name: String,
    /// Its state, e.g. `RUNNING`, `FINISHED` (`status`).
    #[serde(default)]
    pub status: String,
    /// When it started (`start-time`), epoch ms.
    #[serde(default)]
    pub start_time: Timestamp,
    /// When it ended (`end-time`), epoch ms.
    #[serde(default)]
    pub end_time: Timestamp,
    /// How long it ran (`duration`), ms.
    #[serde(default)]
    pub duration: Millis,
    /// Its jobs counted by state (`jobs`).
    #[serde(default)]
    pub jobs: BTreeMap<String, u32>,
}
