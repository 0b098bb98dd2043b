//! Metrics of the job manager, jobs, vertices and task managers, plain or aggregated.
use super::FlinkClient;
use crate::client::{ClientError, Feature};
use crate::client::ids::{JobId, TaskManagerId, VertexId};
use crate::client::models::{AggregatedMetric, Metric};
use crate::client::request::{Request, encode, job_path};

/// Where a metric query goes: Flink serves metrics per component.
#[derive(Clone, Debug, PartialEq)]
pub enum MetricScope {
    /// `/jobmanager/metrics`
    JobManager,
    /// `/jobs/{id}/metrics`
    Job(JobId),
    /// `/jobs/{id}/vertices/{vertex}/metrics`
    Vertex(JobId, VertexId),
    /// `/taskmanagers/{id}/metrics`
    TaskManager(TaskManagerId),
}

impl MetricScope {
    fn path(&self) -> String {
        match self {
            Self::JobManager => "/jobmanager/metrics".into(),
            Self::Job(j) => format!("{}/metrics", job_path(j)),
            Self::Vertex(j, v) => format!("{}/vertices/{v}/metrics", job_path(j)),
            Self::TaskManager(tm) => format!("/taskmanagers/{}/metrics", encode(tm.as_str())),
        }
    }
}

/// Aggregated metrics across all jobs, all task managers, or a vertex's subtasks.
#[derive(Clone, Debug, PartialEq)]
pub enum AggregateScope {
    /// `/jobs/metrics`
    Jobs,
    /// `/taskmanagers/metrics`
    TaskManagers,
    /// `/jobs/{id}/vertices/{vertex}/subtasks/metrics`
    Subtasks(JobId, VertexId),
}

/// `GET …/metrics` with `get=` (an empty list asks which metrics exist).
pub fn request_metric_query_service_addresses(scope: &MetricScope, names: &[String]) -> Request<Vec<Metric>> {
    let r = Request::get(scope.path());
    if names.is_empty() { r } else { r.query("get", names.join(",")) }
}

/// `GET /jobs/metrics`, `/taskmanagers/metrics` or `…/subtasks/metrics` with `get=` and `agg=`.
pub fn request_aggregated_metrics(scope: &AggregateScope, names: &[String], aggs: &[&str]) -> Request<Vec<AggregatedMetric>> {
    let path = match scope {
        AggregateScope::Jobs => "/jobs/metrics".to_string(),
        AggregateScope::TaskManagers => "/taskmanagers/metrics".to_string(),
        AggregateScope::Subtasks(j, v) => format!("{}/vertices/{v}/subtasks/metrics", job_path(j)),
    };
    let mut r = Request::get(path);
    if !names.is_empty() {
        r = r.query("get", names.join(","));
    }
    if !aggs.is_empty() {
        r = r.query("agg", aggs.join(","));
    }
    r
}

impl FlinkClient {
    /// Metric values of the JobManager, a job, a vertex or a task manager (`get=`); with no
    /// names, the metrics that exist. This is `RestfulGateway#requestMetricQueryServiceAddresses`
    /// made useful.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::request::MetricScope;
    /// let m = flink.request_metric_query_service_addresses(&MetricScope::JobManager, &["numRunningJobs".into()]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_metric_query_service_addresses(&self, scope: &MetricScope, names: &[String]) -> Result<Vec<Metric>, ClientError> {
        self.send(request_metric_query_service_addresses(scope, names)).await
    }

    /// Aggregated metrics over all jobs, all task managers, or a vertex's subtasks (`agg=`).
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::request::AggregateScope;
    /// let heap = flink.request_aggregated_metrics(&AggregateScope::TaskManagers, &["Status.JVM.Memory.Heap.Used".into()], &["sum", "max"]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_aggregated_metrics(
        &self,
        scope: &AggregateScope,
        names: &[String],
        aggregations: &[&str],
    ) -> Result<Vec<AggregatedMetric>, ClientError> {
        if aggregations.contains(&"skew") {
            self.require(Feature::SkewAggregation).await?;
        }
        self.send(request_aggregated_metrics(scope, names, aggregations)).await
    }
}
