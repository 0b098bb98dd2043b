//! Jobs: lists, details, status, result, exceptions, configuration, plan, vertices, cancel,
//! client heartbeats and coordination requests.
use serde_json::json;

use super::FlinkClient;
use crate::client::{ClientError, Feature};
use crate::client::ids::{JobId, VertexId};
use crate::client::models::*;
use crate::client::request::{Empty, Method, Request, encode, job_path};

/// `GET /jobs/overview`.
pub fn request_multiple_job_details() -> Request<MultipleJobsDetails> {
    Request::get("/jobs/overview".into())
}
/// `GET /applications/overview` (Flink 2.3 and later).
pub fn request_applications_overview() -> Request<MultipleApplicationsDetails> {
    Request::get("/applications/overview".into())
}
/// `GET /jobs`.
pub fn request_job_ids() -> Request<JobIdsWithStatus> {
    Request::get("/jobs".into())
}
/// `GET /jobs/{id}`.
pub fn request_job(id: &JobId) -> Request<JobDetails> {
    Request::get(job_path(id))
}
/// `GET /jobs/{id}/status`.
pub fn request_job_status(id: &JobId) -> Request<JobStatusInfo> {
    Request::get(format!("{}/status", job_path(id)))
}
/// `GET /jobs/{id}/execution-result`.
pub fn request_job_result(id: &JobId) -> Request<JobExecutionResult> {
    Request::get(format!("{}/execution-result", job_path(id)))
}
/// `GET /jobs/{id}/exceptions`, with `maxExceptions=` when given.
pub fn request_job_exceptions(id: &JobId, max: Option<u32>) -> Request<JobExceptions> {
    let r = Request::get(format!("{}/exceptions", job_path(id)));
    match max {
        Some(n) => r.query("maxExceptions", n.to_string()),
        None => r,
    }
}
/// `GET /jobs/{id}/config`.
pub fn request_job_config(id: &JobId) -> Request<JobConfig> {
    Request::get(format!("{}/config", job_path(id)))
}
/// `GET /jobs/{id}/plan`.
pub fn request_job_plan(id: &JobId) -> Request<JobPlanInfo> {
    Request::get(format!("{}/plan", job_path(id)))
}
/// `GET /jobs/{id}/vertices/{vertex}`.
pub fn request_vertex_details(id: &JobId, vertex: &VertexId) -> Request<VertexDetails> {
    Request::get(format!("{}/vertices/{vertex}", job_path(id)))
}
/// `GET /jobs/{id}/vertices/{vertex}/subtasktimes`.
pub fn request_vertex_subtask_times(id: &JobId, vertex: &VertexId) -> Request<SubtaskTimes> {
    Request::get(format!("{}/vertices/{vertex}/subtasktimes", job_path(id)))
}

/// `PATCH /jobs/{id}?mode=cancel`. The mode is always sent: without it Flink cancels anyway,
/// which would make a typo in another mode destructive.
pub fn cancel_job(id: &JobId) -> Request<Empty> {
    Request::new(Method::Patch, job_path(id)).query("mode", "cancel")
}

/// `PATCH /jobs/{id}/clientHeartbeat`.
pub fn report_job_client_heartbeat(id: &JobId, expired_timestamp_ms: i64) -> Request<Empty> {
    Request::new(Method::Patch, format!("{}/clientHeartbeat", job_path(id)))
        .json(json!({ "expiredTimestamp": expired_timestamp_ms }))
}

/// The answer of a coordination request: the coordinator's serialized response, base64.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct CoordinationAnswer {
    /// Base64 of the serialized `CoordinationResponse`.
    #[serde(rename = "serializedCoordinationResult")]
    pub serialized_result: String,
}

/// `POST /jobs/{id}/coordinators/{operatorUid}`. The opaque serialized request travels
/// base64-encoded in `serializedCoordinationRequest`.
pub fn deliver_coordination_request_to_coordinator(id: &JobId, operator_uid: &str, serialized: &[u8]) -> Request<CoordinationAnswer> {
    use base64::Engine as _;
    let data = base64::engine::general_purpose::STANDARD.encode(serialized);
    Request::new(Method::Post, format!("{}/coordinators/{}", job_path(id), encode(operator_uid)))
        .json(json!({ "serializedCoordinationRequest": data }))
}

impl FlinkClient {
    /// `GET /jobs/overview`: every job with name, state, times and task counts.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// for job in flink.request_multiple_job_details().await?.jobs { println!("{} {}", job.jid, job.state); }
    /// # Ok(()) }
    /// ```
    pub async fn request_multiple_job_details(&self) -> Result<MultipleJobsDetails, ClientError> {
        self.send(request_multiple_job_details()).await
    }

    /// `GET /applications/overview`: the programs the cluster ran and their jobs. Only Flink 2.3
    /// and later have applications: on older lines this is `ClientError::Unsupported`, and
    /// nothing is sent.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// for app in flink.request_applications_overview().await?.applications { println!("{} {}", app.name, app.status); }
    /// # Ok(()) }
    /// ```
    pub async fn request_applications_overview(&self) -> Result<MultipleApplicationsDetails, ClientError> {
        self.require(Feature::Applications).await?;
        self.send(request_applications_overview()).await
    }

    /// `GET /jobs`: every job's id and state.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let ids = flink.request_job_ids().await?.jobs;
    /// # Ok(()) }
    /// ```
    pub async fn request_job_ids(&self) -> Result<JobIdsWithStatus, ClientError> {
        self.send(request_job_ids()).await
    }

    /// `GET /jobs/{id}`: the job with its vertices.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let job = flink_console::client::JobId::parse("970762374db1c09c2881a915a396ab1e")?;
    /// let details = flink.request_job(&job).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_job(&self, job: &JobId) -> Result<JobDetails, ClientError> {
        self.send(request_job(job)).await
    }

    /// `GET /jobs/{id}` and `GET /jobs/{id}/exceptions`: the job with its failures.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let (details, exceptions) = flink.request_execution_graph_info(&job).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_execution_graph_info(&self, job: &JobId) -> Result<(JobDetails, JobExceptions), ClientError> {
        let details = self.request_job(job).await?;
        let exceptions = self.request_job_exceptions(job, None).await?;
        Ok((details, exceptions))
    }

    /// `GET /jobs/{id}/exceptions`: root exception and history, newest first; at most `max`
    /// entries (Flink's default when `None`).
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let history = flink.request_job_exceptions(&job, Some(50)).await?.exception_history.entries;
    /// # Ok(()) }
    /// ```
    pub async fn request_job_exceptions(&self, job: &JobId, max: Option<u32>) -> Result<JobExceptions, ClientError> {
        self.send(request_job_exceptions(job, max)).await
    }

    /// `GET /jobs/{id}/status`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let running = flink.request_job_status(&job).await?.status == flink_console::client::JobStatus::Running;
    /// # Ok(()) }
    /// ```
    pub async fn request_job_status(&self, job: &JobId) -> Result<JobStatusInfo, ClientError> {
        self.send(request_job_status(job)).await
    }

    /// `GET /jobs/{id}/execution-result`: `result` is `None` while the job still runs.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// if let Some(r) = flink.request_job_result(&job).await?.result { println!("{:?}", r.application_status); }
    /// # Ok(()) }
    /// ```
    pub async fn request_job_result(&self, job: &JobId) -> Result<JobExecutionResult, ClientError> {
        self.send(request_job_result(job)).await
    }

    /// `GET /jobs/{id}/config`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let config = flink.request_job_config(&job).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_job_config(&self, job: &JobId) -> Result<JobConfig, ClientError> {
        self.send(request_job_config(job)).await
    }

    /// `GET /jobs/{id}/plan`: the job graph's nodes and edges.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let nodes = flink.request_job_plan(&job).await?.plan.nodes;
    /// # Ok(()) }
    /// ```
    pub async fn request_job_plan(&self, job: &JobId) -> Result<JobPlanInfo, ClientError> {
        self.send(request_job_plan(job)).await
    }

    /// `GET /jobs/{id}/vertices/{vertex}`: the vertex with its subtasks.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// let subtasks = flink.request_vertex_details(&job, &v).await?.subtasks;
    /// # Ok(()) }
    /// ```
    pub async fn request_vertex_details(&self, job: &JobId, vertex: &VertexId) -> Result<VertexDetails, ClientError> {
        self.send(request_vertex_details(job, vertex)).await
    }

    /// `GET /jobs/{id}/vertices/{vertex}/subtasktimes`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, v: flink_console::client::VertexId) -> Result<(), flink_console::client::ClientError> {
    /// let times = flink.request_vertex_subtask_times(&job, &v).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_vertex_subtask_times(&self, job: &JobId, vertex: &VertexId) -> Result<SubtaskTimes, ClientError> {
        self.send(request_vertex_subtask_times(job, vertex)).await
    }

    /// `PATCH /jobs/{id}?mode=cancel`. Destructive: ask first. Always sends the mode.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// flink.cancel_job(&job).await?;
    /// # Ok(()) }
    /// ```
    pub async fn cancel_job(&self, job: &JobId) -> Result<(), ClientError> {
        self.send(cancel_job(job)).await.map(|Empty| ())
    }

    /// `PATCH /jobs/{id}/clientHeartbeat`: tells Flink a client is still attached, until
    /// `expired_timestamp_ms` (epoch milliseconds).
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// flink.report_job_client_heartbeat(&job, 1_800_000_000_000).await?;
    /// # Ok(()) }
    /// ```
    pub async fn report_job_client_heartbeat(&self, job: &JobId, expired_timestamp_ms: i64) -> Result<(), ClientError> {
        self.send(report_job_client_heartbeat(job, expired_timestamp_ms)).await.map(|Empty| ())
    }

    /// `POST /jobs/{id}/coordinators/{operatorUid}`: passes an opaque serialized
    /// `CoordinationRequest` to an operator coordinator and returns its serialized response.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId, request: Vec<u8>) -> Result<(), flink_console::client::ClientError> {
    /// let response: Vec<u8> = flink.deliver_coordination_request_to_coordinator(&job, "my-operator-uid", &request).await?;
    /// # Ok(()) }
    /// ```
    pub async fn deliver_coordination_request_to_coordinator(
        &self,
        job: &JobId,
        operator_uid: &str,
        serialized_request: &[u8],
    ) -> Result<Vec<u8>, ClientError> {
        use base64::Engine as _;
        let request = deliver_coordination_request_to_coordinator(job, operator_uid, serialized_request);
        let url = self.url(&request);
        let answer = self.send(request).await?;
        base64::engine::general_purpose::STANDARD.decode(answer.serialized_result.as_bytes()).map_err(|e| ClientError::Decode {
            url,
            path: "serializedCoordinationResult".into(),
            message: e.to_string(),
        })
    }
}
