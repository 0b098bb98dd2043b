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

/// `GET /jobs/{id}/vertices/{vertex}/subtasks/metrics` with [`FLOW_METRICS`] and
/// [`FLOW_AGGREGATIONS`]: busy, back pressure, records per second and the low watermark at once.
pub fn request_vertex_flow(id: &JobId, vertex: &VertexId) -> Request<Vec<AggregatedMetric>> {
    Request::get(format!("{}/vertices/{vertex}/subtasks/metrics", job_path(id)))
        .query("get", FLOW_METRICS.join(","))
        .query("agg", FLOW_AGGREGATIONS.join(","))
}

impl FlinkClient {
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
