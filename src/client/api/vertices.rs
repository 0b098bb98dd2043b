//! A vertex's subtasks at work: back pressure, watermarks, and the aggregated metrics the job
//! graph shows (one request per vertex, where Flink's UI makes two).
use super::FlinkClient;
use crate::client::ClientError;
use crate::client::ids::{JobId, VertexId};
use crate::client::models::*;
use crate::client::request::{Request, job_path};

/// `GET /jobs/{id}/vertices/{vertex}/backpressure`.
pub fn request_vertex_backpressure(id: &JobId, vertex: &VertexId) -> Request<VertexBackPressure> {
    Request::get(format!("{}/vertices/{vertex}/backpressure", job_path(id)))
}

/// `GET /jobs/{id}/vertices/{vertex}/watermarks`.
pub fn request_vertex_watermarks(id: &JobId, vertex: &VertexId) -> Request<Vec<Metric>> {
    Request::get(format!("{}/vertices/{vertex}/watermarks", job_path(id)))
}

/// `GET /jobs/{id}/vertices/{vertex}/accumulators`.
pub fn request_vertex_accumulators(id: &JobId, vertex: &VertexId) -> Request<VertexAccumulators> {
    Request::get(format!("{}/vertices/{vertex}/accumulators", job_path(id)))
}

/// `GET /jobs/{id}/vertices/{vertex}/subtasks/accumulators`.
pub fn request_vertex_subtask_accumulators(id: &JobId, vertex: &VertexId) -> Request<SubtasksAccumulators> {
    Request::get(format!("{}/vertices/{vertex}/subtasks/accumulators", job_path(id)))
}

/// Which threads a flame graph samples: all, those on the CPU, or those waiting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FlameGraphType {
    /// On-CPU and off-CPU.
    #[default]
    Full,
    /// Threads running on the CPU.
    OnCpu,
    /// Threads waiting (blocked, parked, sleeping).
    OffCpu,
}

impl FlameGraphType {
    /// Every type, in the order Flink's UI offers them.
    pub const ALL: [FlameGraphType; 3] = [Self::OnCpu, Self::OffCpu, Self::Full];

    /// The `type=` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::OnCpu => "on_cpu",
            Self::OffCpu => "off_cpu",
        }
    }
}

/// `GET /jobs/{id}/vertices/{vertex}/flamegraph?type=…[&subtaskindex=…]`: the first request
/// starts the sampling, later ones get the result.
pub fn request_vertex_flame_graph(id: &JobId, vertex: &VertexId, kind: FlameGraphType, subtask: Option<u32>) -> Request<VertexFlameGraph> {
    let r = Request::get(format!("{}/vertices/{vertex}/flamegraph", job_path(id))).query("type", kind.as_str());
    match subtask {
        Some(s) => r.query("subtaskindex", s.to_string()),
        None => r,
    }
}

/// `GET /jobs/{id}/vertices/{vertex}/subtasks/metrics` with [`FLOW_METRICS`] and
/// [`FLOW_AGGREGATIONS`]: busy, back pressure, records per second and the low watermark at once.
pub fn request_vertex_flow(id: &JobId, vertex: &VertexId) -> Request<Vec<AggregatedMetric>> {
    Request::get(format!("{}/vertices/{vertex}/subtasks/metrics", job_path(id)))
        .query("get", FLOW_METRICS.join(","))
        .query("agg", FLOW_AGGREGATIONS.join(","))
}

impl FlinkClient {
    /// A vertex's flame graph (or one subtask's). Flink samples on the first request and says
    /// `Waiting` until it has; `Disabled` unless the cluster sets `rest.flamegraph.enabled`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::request::FlameGraphType;
    /// let graph = flink.request_vertex_flame_graph(&job, &v, FlameGraphType::OnCpu, None).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_vertex_flame_graph(
        &self,
        job: &JobId,
        vertex: &VertexId,
        kind: FlameGraphType,
        subtask: Option<u32>,
    ) -> Result<VertexFlameGraph, ClientError> {
        self.send(request_vertex_flame_graph(job, vertex, kind, subtask)).await
    }

    /// `GET /jobs/{id}/vertices/{vertex}/backpressure`: each subtask's share of time
    /// back-pressured, busy and idle, as last sampled.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// let level = flink.request_vertex_backpressure(&job, &v).await?.backpressure_level;
    /// # Ok(()) }
    /// ```
    pub async fn request_vertex_backpressure(&self, job: &JobId, vertex: &VertexId) -> Result<VertexBackPressure, ClientError> {
        self.send(request_vertex_backpressure(job, vertex)).await
    }

    /// `GET /jobs/{id}/vertices/{vertex}/watermarks`, read into one watermark per subtask.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// for w in flink.request_vertex_watermarks(&job, &v).await? { println!("{} {:?}", w.subtask, w.watermark); }
    /// # Ok(()) }
    /// ```
    pub async fn request_vertex_watermarks(&self, job: &JobId, vertex: &VertexId) -> Result<Vec<SubtaskWatermark>, ClientError> {
        Ok(subtask_watermarks(&self.send(request_vertex_watermarks(job, vertex)).await?))
    }

    /// `GET /jobs/{id}/vertices/{vertex}/accumulators`: the vertex's user accumulators, merged
    /// over its subtasks by Flink.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// for a in flink.request_vertex_accumulators(&job, &v).await?.user_accumulators { println!("{} = {}", a.name, a.value); }
    /// # Ok(()) }
    /// ```
    pub async fn request_vertex_accumulators(&self, job: &JobId, vertex: &VertexId) -> Result<VertexAccumulators, ClientError> {
        self.send(request_vertex_accumulators(job, vertex)).await
    }

    /// `GET /jobs/{id}/vertices/{vertex}/subtasks/accumulators`: each subtask's user accumulators.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// let per_subtask = flink.request_vertex_subtask_accumulators(&job, &v).await?.subtasks;
    /// # Ok(()) }
    /// ```
    pub async fn request_vertex_subtask_accumulators(&self, job: &JobId, vertex: &VertexId) -> Result<SubtasksAccumulators, ClientError> {
        self.send(request_vertex_subtask_accumulators(job, vertex)).await
    }

    /// What the job graph shows of a vertex (see [`VertexFlow`]), in one request.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// let busy = flink.request_vertex_flow(&job, &v).await?.busy_max;
    /// # Ok(()) }
    /// ```
    pub async fn request_vertex_flow(&self, job: &JobId, vertex: &VertexId) -> Result<VertexFlow, ClientError> {
        Ok(VertexFlow::from_metrics(&self.send(request_vertex_flow(job, vertex)).await?))
    }
}
