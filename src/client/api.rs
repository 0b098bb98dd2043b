//! `FlinkClient`: one async method per `RestfulGateway` operation, named after it, plus what the
//! console needs. Each builds its request (pure, in `request`), sends it through `transport`
//! with the call's timeout, and decodes the answer into a model.
use std::time::Duration;

use serde::de::DeserializeOwned;

use super::ClientError;
use super::ids::{JobId, TaskManagerId, TriggerId, VertexId};
use super::models::*;
use super::request::{self as rq, AggregateScope, CheckpointOptions, JarRunOptions, MetricScope, Request, SavepointOptions, StopOptions};
use super::transport::{self, Response};

/// Settings shared by every call of a client.
#[derive(Clone, Debug, PartialEq)]
pub struct ClientOptions {
    /// Used when a call passes no timeout of its own.
    pub timeout: Duration,
    /// Extra headers (e.g. `Authorization`), sent with every request to the client's base URL.
    pub headers: Vec<(String, String)>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self { timeout: Duration::from_secs(10), headers: Vec::new() }
    }
}

/// A client for one Flink cluster's REST API.
///
/// ```no_run
/// # async fn f() -> Result<(), flink_console::client::ClientError> {
/// use flink_console::client::FlinkClient;
/// let flink = FlinkClient::new("http://127.0.0.1:8081");
/// let overview = flink.request_cluster_overview(None).await?;
/// println!("Flink {} with {} task managers", overview.flink_version, overview.taskmanagers);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct FlinkClient {
    base_url: String,
    options: ClientOptions,
}

impl FlinkClient {
    /// A client for the REST API at `base_url` (`http://host:8081`, or a same-origin prefix such
    /// as `/api` in a browser), with the default options (10 s timeout).
    pub fn new(base_url: impl Into<String>) -> Self {
        Self::with_options(base_url, ClientOptions::default())
    }

    /// A client with its own default timeout and headers.
    ///
    /// ```
    /// use std::time::Duration;
    /// use flink_console::client::{ClientOptions, FlinkClient};
    /// let flink = FlinkClient::with_options("http://127.0.0.1:8081", ClientOptions {
    ///     timeout: Duration::from_secs(3),
    ///     headers: vec![("Authorization".into(), "Bearer t0k3n".into())],
    /// });
    /// assert_eq!(flink.url(&flink_console::client::request::request_cluster_overview()), "http://127.0.0.1:8081/overview");
    /// ```
    pub fn with_options(base_url: impl Into<String>, options: ClientOptions) -> Self {
        let base_url = base_url.into().trim_end_matches('/').to_string();
        Self { base_url, options }
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The full URL a request goes to.
    pub fn url(&self, request: &Request) -> String {
        format!("{}{}", self.base_url, request.path_and_query())
    }

    async fn exchange(&self, request: &Request, timeout: Option<Duration>) -> Result<(String, Response), ClientError> {
        let url = self.url(request);
        let ms = timeout.unwrap_or(self.options.timeout).as_millis().min(u128::from(u32::MAX)) as u32;
        let response = transport::send(&url, request, &self.options.headers, ms).await?;
        Ok((url, response))
    }

    async fn call<T: DeserializeOwned>(&self, request: Request, timeout: Option<Duration>) -> Result<T, ClientError> {
        let (url, response) = self.exchange(&request, timeout).await?;
        response.decode(&url)
    }

    async fn call_unit(&self, request: Request, timeout: Option<Duration>) -> Result<(), ClientError> {
        let (url, response) = self.exchange(&request, timeout).await?;
        response.check(&url)
    }

    // --- cluster ---------------------------------------------------------------------------

    /// `GET /overview`: version, task managers, slots and job counts.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let o = flink.request_cluster_overview(None).await?;
    /// println!("{} of {} slots free", o.slots_available, o.slots_total);
    /// # Ok(()) }
    /// ```
    pub async fn request_cluster_overview(&self, timeout: Option<Duration>) -> Result<ClusterOverview, ClientError> {
        self.call(rq::request_cluster_overview(), timeout).await
    }

    /// `GET /config`: refresh interval, version and the UI features the cluster enables.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let can_rescale = flink.dashboard_config(None).await?.features.web_rescale;
    /// # Ok(()) }
    /// ```
    pub async fn dashboard_config(&self, timeout: Option<Duration>) -> Result<DashboardConfig, ClientError> {
        self.call(rq::dashboard_config(), timeout).await
    }

    /// `DELETE /cluster`: shuts the whole cluster down. Destructive: ask first.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// flink.shut_down_cluster(None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn shut_down_cluster(&self, timeout: Option<Duration>) -> Result<(), ClientError> {
        self.call_unit(rq::shut_down_cluster(), timeout).await
    }

    /// `GET /jobmanager/config`: the cluster configuration as key/value entries.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let dir = flink.jobmanager_config(None).await?.into_iter()
    ///     .find(|e| e.key == "execution.checkpointing.savepoint-dir").map(|e| e.value);
    /// # Ok(()) }
    /// ```
    pub async fn jobmanager_config(&self, timeout: Option<Duration>) -> Result<Vec<ConfigEntry>, ClientError> {
        self.call(rq::jobmanager_config(), timeout).await
    }

    /// `GET /jobmanager/logs`: the JobManager's log files.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// for log in flink.jobmanager_logs(None).await?.logs { println!("{} ({} bytes)", log.name, log.size); }
    /// # Ok(()) }
    /// ```
    pub async fn jobmanager_logs(&self, timeout: Option<Duration>) -> Result<LogList, ClientError> {
        self.call(rq::jobmanager_logs(), timeout).await
    }

    /// `GET /jobmanager/thread-dump`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let threads = flink.request_thread_dump(None).await?.thread_infos.len();
    /// # Ok(()) }
    /// ```
    pub async fn request_thread_dump(&self, timeout: Option<Duration>) -> Result<ThreadDump, ClientError> {
        self.call(rq::request_thread_dump(), timeout).await
    }

    /// `GET /taskmanagers/{id}/thread-dump`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, tm: flink_console::client::TaskManagerId) -> Result<(), flink_console::client::ClientError> {
    /// let dump = flink.request_task_manager_thread_dump(&tm, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_task_manager_thread_dump(&self, tm: &TaskManagerId, timeout: Option<Duration>) -> Result<ThreadDump, ClientError> {
        self.call(rq::request_task_manager_thread_dump(tm), timeout).await
    }

    // --- metrics ---------------------------------------------------------------------------

    /// Metric values of the JobManager, a job or a vertex (`get=`); with no names, the metrics
    /// that exist. This is `RestfulGateway#requestMetricQueryServiceAddresses` made useful.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::request::MetricScope;
    /// let m = flink.request_metric_query_service_addresses(&MetricScope::JobManager, &["numRunningJobs".into()], None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_metric_query_service_addresses(
        &self,
        scope: &MetricScope,
        names: &[String],
        timeout: Option<Duration>,
    ) -> Result<Vec<Metric>, ClientError> {
        self.call(rq::request_metrics(scope, names), timeout).await
    }

    /// Aggregated metrics over all jobs, all task managers, or a vertex's subtasks (`agg=`).
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::request::AggregateScope;
    /// let heap = flink.request_aggregated_metrics(&AggregateScope::TaskManagers, &["Status.JVM.Memory.Heap.Used".into()], &["sum", "max"], None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_aggregated_metrics(
        &self,
        scope: &AggregateScope,
        names: &[String],
        aggregations: &[&str],
        timeout: Option<Duration>,
    ) -> Result<Vec<AggregatedMetric>, ClientError> {
        self.call(rq::request_aggregated_metrics(scope, names, aggregations), timeout).await
    }

    /// `GET /taskmanagers`: the task managers (`RestfulGateway#requestTaskManagerMetricQueryServiceAddresses`
    /// lists them; their metrics come from `request_task_manager_metrics`).
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// for tm in flink.request_task_manager_metric_query_service_addresses(None).await?.taskmanagers { println!("{}", tm.id); }
    /// # Ok(()) }
    /// ```
    pub async fn request_task_manager_metric_query_service_addresses(&self, timeout: Option<Duration>) -> Result<TaskManagers, ClientError> {
        self.call(rq::request_task_managers(), timeout).await
    }

    /// `GET /taskmanagers/{id}/metrics` with `get=`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, tm: flink_console::client::TaskManagerId) -> Result<(), flink_console::client::ClientError> {
    /// let cpu = flink.request_task_manager_metrics(&tm, &["Status.JVM.CPU.Load".into()], None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_task_manager_metrics(&self, tm: &TaskManagerId, names: &[String], timeout: Option<Duration>) -> Result<Vec<Metric>, ClientError> {
        self.call(rq::request_metrics(&MetricScope::TaskManager(tm.clone()), names), timeout).await
    }

    /// `GET /taskmanagers/{id}`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, tm: flink_console::client::TaskManagerId) -> Result<(), flink_console::client::ClientError> {
    /// let slots = flink.request_task_manager_details(&tm, None).await?.slots_number;
    /// # Ok(()) }
    /// ```
    pub async fn request_task_manager_details(&self, tm: &TaskManagerId, timeout: Option<Duration>) -> Result<TaskManagerInfo, ClientError> {
        self.call(rq::request_task_manager_details(tm), timeout).await
    }

    // --- jobs ------------------------------------------------------------------------------

    /// `GET /jobs/overview`: every job with name, state, times and task counts.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// for job in flink.request_multiple_job_details(None).await?.jobs { println!("{} {}", job.jid, job.state); }
    /// # Ok(()) }
    /// ```
    pub async fn request_multiple_job_details(&self, timeout: Option<Duration>) -> Result<MultipleJobsDetails, ClientError> {
        self.call(rq::request_multiple_job_details(), timeout).await
    }

    /// `GET /jobs/{id}`: the job with its vertices.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let job = flink_console::client::JobId::parse("970762374db1c09c2881a915a396ab1e")?;
    /// let details = flink.request_job(&job, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_job(&self, job: &JobId, timeout: Option<Duration>) -> Result<JobDetails, ClientError> {
        self.call(rq::request_job(job), timeout).await
    }

    /// `GET /jobs/{id}` and `GET /jobs/{id}/exceptions`: the job with its failures.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let (details, exceptions) = flink.request_execution_graph_info(&job, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_execution_graph_info(&self, job: &JobId, timeout: Option<Duration>) -> Result<(JobDetails, JobExceptions), ClientError> {
        let details = self.request_job(job, timeout).await?;
        let exceptions = self.request_job_exceptions(job, timeout).await?;
        Ok((details, exceptions))
    }

    /// `GET /jobs/{id}/exceptions`: root exception history, newest first.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let history = flink.request_job_exceptions(&job, None).await?.exception_history.entries;
    /// # Ok(()) }
    /// ```
    pub async fn request_job_exceptions(&self, job: &JobId, timeout: Option<Duration>) -> Result<JobExceptions, ClientError> {
        self.call(rq::request_job_exceptions(job, None), timeout).await
    }

    /// `GET /jobs/{id}/status`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let running = flink.request_job_status(&job, None).await?.status == flink_console::client::JobStatus::Running;
    /// # Ok(()) }
    /// ```
    pub async fn request_job_status(&self, job: &JobId, timeout: Option<Duration>) -> Result<JobStatusInfo, ClientError> {
        self.call(rq::request_job_status(job), timeout).await
    }

    /// `GET /jobs/{id}/execution-result`: `result` is `None` while the job still runs.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// if let Some(r) = flink.request_job_result(&job, None).await?.result { println!("{:?}", r.application_status); }
    /// # Ok(()) }
    /// ```
    pub async fn request_job_result(&self, job: &JobId, timeout: Option<Duration>) -> Result<JobExecutionResult, ClientError> {
        self.call(rq::request_job_result(job), timeout).await
    }

    /// `GET /jobs/{id}/config`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let config = flink.request_job_config(&job, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_job_config(&self, job: &JobId, timeout: Option<Duration>) -> Result<JobConfig, ClientError> {
        self.call(rq::request_job_config(job), timeout).await
    }

    /// `GET /jobs/{id}/plan`: the job graph's nodes and edges.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let nodes = flink.request_job_plan(&job, None).await?.plan.nodes;
    /// # Ok(()) }
    /// ```
    pub async fn request_job_plan(&self, job: &JobId, timeout: Option<Duration>) -> Result<JobPlanInfo, ClientError> {
        self.call(rq::request_job_plan(job), timeout).await
    }

    /// `GET /jobs/{id}/vertices/{vertex}`: the vertex with its subtasks.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// let subtasks = flink.request_vertex_details(&job, &v, None).await?.subtasks;
    /// # Ok(()) }
    /// ```
    pub async fn request_vertex_details(&self, job: &JobId, vertex: &VertexId, timeout: Option<Duration>) -> Result<VertexDetails, ClientError> {
        self.call(rq::request_vertex_details(job, vertex), timeout).await
    }

    /// `GET /jobs/{id}/vertices/{vertex}/subtasktimes`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// let times = flink.request_vertex_subtask_times(&job, &v, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_vertex_subtask_times(&self, job: &JobId, vertex: &VertexId, timeout: Option<Duration>) -> Result<SubtaskTimes, ClientError> {
        self.call(rq::request_vertex_subtask_times(job, vertex), timeout).await
    }

    /// `PATCH /jobs/{id}?mode=cancel`. Destructive: ask first. Always sends the mode.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// flink.cancel_job(&job, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn cancel_job(&self, job: &JobId, timeout: Option<Duration>) -> Result<(), ClientError> {
        self.call_unit(rq::cancel_job(job), timeout).await
    }

    /// `PATCH /jobs/{id}/clientHeartbeat`: tells Flink a client is still attached, until
    /// `expired_timestamp_ms` (epoch milliseconds).
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// flink.report_job_client_heartbeat(&job, 1_800_000_000_000, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn report_job_client_heartbeat(&self, job: &JobId, expired_timestamp_ms: i64, timeout: Option<Duration>) -> Result<(), ClientError> {
        self.call_unit(rq::report_job_client_heartbeat(job, expired_timestamp_ms), timeout).await
    }

    /// `POST /jobs/{id}/coordinators/{operatorUid}`: passes an opaque serialized
    /// `CoordinationRequest` to an operator coordinator and returns its serialized response.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, request: Vec<u8>) -> Result<(), flink_console::client::ClientError> {
    /// let response: Vec<u8> = flink.deliver_coordination_request_to_coordinator(&job, "my-operator-uid", &request, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn deliver_coordination_request_to_coordinator(
        &self,
        job: &JobId,
        operator_uid: &str,
        serialized_request: &[u8],
        timeout: Option<Duration>,
    ) -> Result<Vec<u8>, ClientError> {
        #[derive(serde::Deserialize)]
        struct Answer {
            #[serde(rename = "serializedCoordinationResult")]
            result: String,
        }
        use base64::Engine as _;
        let request = rq::deliver_coordination_request_to_coordinator(job, operator_uid, serialized_request);
        let url = self.url(&request);
        let answer: Answer = self.call(request, timeout).await?;
        base64::engine::general_purpose::STANDARD.decode(answer.result.as_bytes()).map_err(|e| ClientError::Decode {
            url,
            path: "serializedCoordinationResult".into(),
            message: e.to_string(),
        })
    }

    // --- checkpoints -----------------------------------------------------------------------

    /// `GET /jobs/{id}/checkpoints`: counts, latest checkpoints and history.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let completed = flink.request_checkpoint_stats(&job, None).await?.counts.completed;
    /// # Ok(()) }
    /// ```
    pub async fn request_checkpoint_stats(&self, job: &JobId, timeout: Option<Duration>) -> Result<CheckpointingStatistics, ClientError> {
        self.call(rq::request_checkpoint_stats(job), timeout).await
    }

    /// `GET /jobs/{id}/checkpoints/config`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let every_ms = flink.request_checkpoint_config(&job, None).await?.interval;
    /// # Ok(()) }
    /// ```
    pub async fn request_checkpoint_config(&self, job: &JobId, timeout: Option<Duration>) -> Result<CheckpointConfig, ClientError> {
        self.call(rq::request_checkpoint_config(job), timeout).await
    }

    /// `GET /jobs/{id}/checkpoints/details/{checkpoint}`: one checkpoint with per-vertex stats.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let cp = flink.request_checkpoint_details(&job, 7, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_checkpoint_details(&self, job: &JobId, checkpoint: u64, timeout: Option<Duration>) -> Result<CheckpointStats, ClientError> {
        self.call(rq::request_checkpoint_details(job, checkpoint), timeout).await
    }

    /// `GET /jobs/{id}/checkpoints/details/{checkpoint}/subtasks/{vertex}`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// let subtasks = flink.request_checkpoint_subtask_details(&job, 7, &v, None).await?.subtasks;
    /// # Ok(()) }
    /// ```
    pub async fn request_checkpoint_subtask_details(
        &self,
        job: &JobId,
        checkpoint: u64,
        vertex: &VertexId,
        timeout: Option<Duration>,
    ) -> Result<TaskCheckpointStats, ClientError> {
        self.call(rq::request_checkpoint_subtask_details(job, checkpoint, vertex), timeout).await
    }

    /// `POST /jobs/{id}/checkpoints`: triggers a checkpoint; returns the trigger id to poll.
    /// Pass the same `trigger_id` on a retry: Flink then never takes a second checkpoint.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::{request::CheckpointOptions, CheckpointType, WaitOptions};
    /// let trigger = flink.trigger_checkpoint(&job, &CheckpointOptions { checkpoint_type: Some(CheckpointType::Full), ..Default::default() }, None).await?;
    /// let id = flink.wait_for_checkpoint(&job, &trigger, WaitOptions::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn trigger_checkpoint(&self, job: &JobId, options: &CheckpointOptions, timeout: Option<Duration>) -> Result<TriggerId, ClientError> {
        let trigger = options.trigger_id.clone().unwrap_or_else(TriggerId::random);
        let answer: TriggerResponse = self.call(rq::trigger_checkpoint(job, options, &trigger), timeout).await?;
        Ok(answer.request_id)
    }

    /// `GET /jobs/{id}/checkpoints/{trigger}`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// let done = flink.get_triggered_checkpoint_status(&job, &t, None).await?.is_completed();
    /// # Ok(()) }
    /// ```
    pub async fn get_triggered_checkpoint_status(
        &self,
        job: &JobId,
        trigger: &TriggerId,
        timeout: Option<Duration>,
    ) -> Result<AsyncOperationStatus<CheckpointOperation>, ClientError> {
        self.call(rq::get_triggered_checkpoint_status(job, trigger), timeout).await
    }

    // --- savepoints ------------------------------------------------------------------------

    /// `POST /jobs/{id}/savepoints`: triggers a savepoint; returns the trigger id to poll.
    /// Pass the same `trigger_id` on a retry: Flink then never takes a second savepoint.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::{request::SavepointOptions, TriggerId, WaitOptions};
    /// let options = SavepointOptions { trigger_id: Some(TriggerId::random()), ..Default::default() };
    /// let trigger = flink.trigger_savepoint(&job, &options, None).await?;
    /// let location = flink.wait_for_savepoint(&job, &trigger, WaitOptions::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn trigger_savepoint(&self, job: &JobId, options: &SavepointOptions, timeout: Option<Duration>) -> Result<TriggerId, ClientError> {
        let trigger = options.trigger_id.clone().unwrap_or_else(TriggerId::random);
        let answer: TriggerResponse = self.call(rq::trigger_savepoint(job, options, &trigger), timeout).await?;
        Ok(answer.request_id)
    }

    /// `GET /jobs/{id}/savepoints/{trigger}`: also the status of a stop-with-savepoint.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// let status = flink.get_triggered_savepoint_status(&job, &t, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_triggered_savepoint_status(
        &self,
        job: &JobId,
        trigger: &TriggerId,
        timeout: Option<Duration>,
    ) -> Result<AsyncOperationStatus<SavepointOperation>, ClientError> {
        self.call(rq::get_triggered_savepoint_status(job, trigger), timeout).await
    }

    /// `POST /jobs/{id}/stop`: takes a savepoint and stops the job. Destructive: ask first.
    /// Poll it with `get_triggered_savepoint_status` / `wait_for_savepoint`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::{request::StopOptions, WaitOptions};
    /// let trigger = flink.stop_with_savepoint(&job, &StopOptions { drain: false, ..Default::default() }, None).await?;
    /// let location = flink.wait_for_savepoint(&job, &trigger, WaitOptions::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn stop_with_savepoint(&self, job: &JobId, options: &StopOptions, timeout: Option<Duration>) -> Result<TriggerId, ClientError> {
        let trigger = options.trigger_id.clone().unwrap_or_else(TriggerId::random);
        let answer: TriggerResponse = self.call(rq::stop_with_savepoint(job, options, &trigger), timeout).await?;
        Ok(answer.request_id)
    }

    /// `POST /savepoint-disposal`: deletes a savepoint's files. Destructive: ask first.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let trigger = flink.dispose_savepoint("file:/savepoints/savepoint-970762-6d3131af20bb", None).await?;
    /// flink.wait_for_savepoint_disposal(&trigger, Default::default()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn dispose_savepoint(&self, path: &str, timeout: Option<Duration>) -> Result<TriggerId, ClientError> {
        if path.trim().is_empty() {
            return Err(ClientError::InvalidInput("the savepoint path to dispose must not be empty".into()));
        }
        let answer: TriggerResponse = self.call(rq::dispose_savepoint(path.trim()), timeout).await?;
        Ok(answer.request_id)
    }

    /// `GET /savepoint-disposal/{trigger}`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, t: flink_console::client::TriggerId) -> Result<(), flink_console::client::ClientError> {
    /// let status = flink.get_savepoint_disposal_status(&t, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_savepoint_disposal_status(&self, trigger: &TriggerId, timeout: Option<Duration>) -> Result<AsyncOperationStatus<DisposalOperation>, ClientError> {
        self.call(rq::get_savepoint_disposal_status(trigger), timeout).await
    }

    // --- rescaling -------------------------------------------------------------------------

    /// `GET /jobs/{id}/resource-requirements`: the parallelism bounds per vertex.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// for (vertex, r) in flink.request_job_resource_requirements(&job, None).await? { println!("{vertex}: {}", r.parallelism.upper_bound); }
    /// # Ok(()) }
    /// ```
    pub async fn request_job_resource_requirements(&self, job: &JobId, timeout: Option<Duration>) -> Result<JobResourceRequirements, ClientError> {
        self.call(rq::request_job_resource_requirements(job), timeout).await
    }

    /// `PUT /jobs/{id}/resource-requirements`: rescales a job on the adaptive scheduler. Checks
    /// first (against `GET /jobs/{id}`) that every vertex is present and 1 ≤ lower ≤ upper ≤ the
    /// vertex's max parallelism, so a bad map is an `InvalidInput` error and nothing is sent.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let mut requirements = flink.request_job_resource_requirements(&job, None).await?;
    /// for r in requirements.values_mut() { r.parallelism.upper_bound = 2; }
    /// flink.update_job_resource_requirements(&job, &requirements, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_job_resource_requirements(
        &self,
        job: &JobId,
        requirements: &JobResourceRequirements,
        timeout: Option<Duration>,
    ) -> Result<(), ClientError> {
        let details = self.request_job(job, timeout).await?;
        super::rescale::validate(requirements, &details)?;
        self.call_unit(rq::update_job_resource_requirements(job, requirements), timeout).await
    }

    // --- jars ------------------------------------------------------------------------------

    /// `GET /jars`: the uploaded jars.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// for jar in flink.list_jars(None).await?.files { println!("{}", jar.id); }
    /// # Ok(()) }
    /// ```
    pub async fn list_jars(&self, timeout: Option<Duration>) -> Result<JarList, ClientError> {
        self.call(rq::list_jars(), timeout).await
    }

    /// `POST /jars/upload` (multipart): returns the upload answer, whose `jar_id()` runs it.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, bytes: Vec<u8>) -> Result<(), flink_console::client::ClientError> {
    /// let jar_id = flink.upload_jar("job.jar", bytes, None).await?.jar_id().to_string();
    /// # Ok(()) }
    /// ```
    pub async fn upload_jar(&self, file_name: &str, bytes: Vec<u8>, timeout: Option<Duration>) -> Result<JarUploadResponse, ClientError> {
        self.call(rq::upload_jar(file_name, bytes), timeout).await
    }

    /// `POST /jars/{id}/run`: submits a job from an uploaded jar.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::request::JarRunOptions;
    /// let job = flink.run_jar("abc_job.jar", &JarRunOptions { parallelism: Some(2), ..Default::default() }, None).await?.jobid;
    /// # Ok(()) }
    /// ```
    pub async fn run_jar(&self, jar_id: &str, options: &JarRunOptions, timeout: Option<Duration>) -> Result<JarRunResponse, ClientError> {
        self.call(rq::run_jar(jar_id, options), timeout).await
    }

    /// `DELETE /jars/{id}`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// flink.delete_jar("abc_job.jar", None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_jar(&self, jar_id: &str, timeout: Option<Duration>) -> Result<(), ClientError> {
        self.call_unit(rq::delete_jar(jar_id), timeout).await
    }
}
