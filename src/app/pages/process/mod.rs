//! What the job manager and the task manager pages both show of a Flink process: its log files
//! in the log viewer, its stdout, a thread dump, its JVM drawn over time. Each takes the
//! `Process` it shows.
pub mod jvm;
pub mod logs;
pub mod logtext;
pub mod logview;
pub mod profiler;
pub mod threaddump;

pub use jvm::{Figure, JvmCharts, JvmSample, MAX_SAMPLES};
pub use logs::{LogsTab, StdoutTab, main_log};
pub use logview::{LogViewer, Shown};
pub use profiler::ProfilerTab;
pub use threaddump::{ThreadDumpTab, ThreadDumpView, threads_matching};

use crate::client::request::{self, Request, Text};
use crate::client::{ClientError, FlinkClient, LogList, ProfilerTarget, TaskManagerId, ThreadDump};

/// The Flink process a tab shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Process {
    JobManager,
    TaskManager(TaskManagerId),
}

impl Process {
    /// `GET …/logs`: the process's log files.
    pub async fn logs(&self, client: &FlinkClient) -> Result<LogList, ClientError> {
        match self {
            Self::JobManager => client.jobmanager_logs().await,
            Self::TaskManager(id) => client.taskmanager_logs(id).await,
        }
    }

    /// `GET …/logs/{name}`.
    pub fn log_file(&self, name: &str) -> Request<Text> {
        match self {
            Self::JobManager => request::jobmanager_log_file(name),
            Self::TaskManager(id) => request::taskmanager_log_file(id, name),
        }
    }

    /// `GET …/stdout`.
    pub fn stdout(&self) -> Request<Text> {
        match self {
            Self::JobManager => request::jobmanager_stdout(),
            Self::TaskManager(id) => request::taskmanager_stdout(id),
        }
    }

    /// `GET …/thread-dump`.
    pub async fn thread_dump(&self, client: &FlinkClient) -> Result<ThreadDump, ClientError> {
        match self {
            Self::JobManager => client.request_thread_dump().await,
            Self::TaskManager(id) => client.request_task_manager_thread_dump(id).await,
        }
    }

    /// Where its profiler runs.
    pub fn profiler(&self) -> ProfilerTarget {
        match self {
            Self::JobManager => ProfilerTarget::JobManager,
            Self::TaskManager(id) => ProfilerTarget::TaskManager(id.clone()),
        }
    }

    /// Words in the name of the process's main log: Flink's scripts name it for the entry point
    /// (`standalonesession`, `taskexecutor`), other deployments for the role.
    fn main_log_words(&self) -> [&'static str; 2] {
        match self {
            Self::JobManager => ["standalonesession", "jobmanager"],
            Self::TaskManager(_) => ["taskexecutor", "taskmanager"],
        }
    }
}
