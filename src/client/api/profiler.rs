//! The profiler of the job manager and of each task manager (Flink 1.19 and later, and only
//! where the cluster sets `rest.profiling.enabled: true`; elsewhere Flink answers 404).
use serde_json::json;

use super::FlinkClient;
use crate::client::ids::TaskManagerId;
use crate::client::models::{ProfilingInfo, ProfilingList, ProfilingMode};
use crate::client::request::{Method, Request, Text, encode};
use crate::client::{ClientError, Feature};

/// The process a profiler runs in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ProfilerTarget {
    /// The JobManager.
    JobManager,
    /// One task manager.
    TaskManager(TaskManagerId),
}

impl ProfilerTarget {
    fn path(&self) -> String {
        match self {
            Self::JobManager => "/jobmanager/profiler".into(),
            Self::TaskManager(tm) => format!("/taskmanagers/{}/profiler", encode(tm.as_str())),
        }
    }
}

/// `GET /jobmanager/profiler`, `/taskmanagers/{id}/profiler`.
pub fn profiling_list(target: &ProfilerTarget) -> Request<ProfilingList> {
    Request::get(target.path())
}
/// `POST /jobmanager/profiler`, `/taskmanagers/{id}/profiler`: profile for `duration_s`
/// seconds (Flink refuses more than `rest.profiling.duration-max`, 300 s by default).
pub fn start_profiling(target: &ProfilerTarget, mode: &ProfilingMode, duration_s: u32) -> Request<ProfilingInfo> {
    Request::new(Method::Post, target.path()).json(json!({ "mode": mode.as_str(), "duration": duration_s }))
}
/// `GET …/profiler/{file}`: a finished run's flame graph, an HTML page made by async-profiler
/// (Flink serves it as `text/plain`). Its URL (`FlinkClient::url`) is a download link.
pub fn profiling_file(target: &ProfilerTarget, file: &str) -> Request<Text> {
    Request::get(format!("{}/{}", target.path(), encode(file)))
}

impl FlinkClient {
    /// `GET …/profiler`: the profiling runs a process keeps, newest first. Before Flink 1.19
    /// this is `ClientError::Unsupported` and nothing is sent.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::ProfilerTarget;
    /// for run in flink.profiling_list(&ProfilerTarget::JobManager).await?.profiling_list { println!("{} {}", run.mode, run.status); }
    /// # Ok(()) }
    /// ```
    pub async fn profiling_list(&self, target: &ProfilerTarget) -> Result<ProfilingList, ClientError> {
        self.require(Feature::Profiler).await?;
        self.send(profiling_list(target)).await
    }

    /// `POST …/profiler`: starts a run; Flink answers at once with it `RUNNING` (one run at a
    /// time per process: a second is refused while one runs).
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::{ProfilerTarget, ProfilingMode};
    /// let run = flink.start_profiling(&ProfilerTarget::JobManager, &ProfilingMode::Itimer, 30).await?;
    /// # Ok(()) }
    /// ```
    pub async fn start_profiling(&self, target: &ProfilerTarget, mode: &ProfilingMode, duration_s: u32) -> Result<ProfilingInfo, ClientError> {
        if duration_s == 0 {
            return Err(ClientError::InvalidInput("A profiling run needs a duration of at least 1 second.".into()));
        }
        self.require(Feature::Profiler).await?;
        self.send(start_profiling(target, mode, duration_s)).await
    }

    /// `GET …/profiler/{file}`: a finished run's flame graph as HTML text.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::ProfilerTarget;
    /// let html = flink.profiling_file(&ProfilerTarget::JobManager, "JobManager_ITIMER_2026-12-05_06_03_37.html").await?;
    /// # Ok(()) }
    /// ```
    pub async fn profiling_file(&self, target: &ProfilerTarget, file: &str) -> Result<String, ClientError> {
        self.require(Feature::Profiler).await?;
        self.send(profiling_file(target, file)).await.map(|Text(t)| t)
    }
}
