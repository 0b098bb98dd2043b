//! Job calls: details, status, results, plans, vertices, cancel, heartbeat, coordination.
use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::convert::{self as cv};
use super::{FlinkClient, spawn, spawn_unit, spawn_with};

#[wasm_bindgen]
impl FlinkClient {
    /// `GET /jobs/overview`: every job with name, state, times and task counts.
    #[wasm_bindgen(js_name = requestMultipleJobDetails, unchecked_return_type = "Promise<MultipleJobsDetails>")]
    pub fn request_multiple_job_details(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_multiple_job_details().await })
    }

    /// `GET /jobs`: every job's id and status.
    #[wasm_bindgen(js_name = requestJobIds, unchecked_return_type = "Promise<JobIdsWithStatus>")]
    pub fn request_job_ids(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_job_ids().await })
    }

    /// `GET /jobs/{id}`: the job with its vertices.
    #[wasm_bindgen(js_name = requestJob, unchecked_return_type = "Promise<JobDetails>")]
    pub fn request_job(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_job(&cv::job(&job_id, "jobId")?).await })
    }

    /// `GET /jobs/{id}` and `GET /jobs/{id}/exceptions`: the job with its failures.
    #[wasm_bindgen(js_name = requestExecutionGraphInfo, unchecked_return_type = "Promise<ExecutionGraphInfo>")]
    pub fn request_execution_graph_info(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_execution_graph_info(&cv::job(&job_id, "jobId")?).await })
    }

    /// `GET /jobs/{id}/exceptions`: root exception history, newest first; at most
    /// `maxExceptions` entries (Flink's default otherwise).
    #[wasm_bindgen(js_name = requestJobExceptions, unchecked_return_type = "Promise<JobExceptions>")]
    pub fn request_job_exceptions(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "JobExceptionsOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let job = cv::job(&job_id, "jobId")?;
            let (max, timeout) = cv::options(options, "exceptions options", |o| {
                Ok((o.opt("maxExceptions", |v, name| cv::whole(v, name, 0.0, cv::MAX_INT))?.map(|n| n as u32), o.timeout()?))
            })?;
            cv::with_timeout(&c, timeout).request_job_exceptions(&job, max).await
        })
    }

    /// `GET /jobs/{id}/status`.
    #[wasm_bindgen(js_name = requestJobStatus, unchecked_return_type = "Promise<JobStatusInfo>")]
    pub fn request_job_status(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_job_status(&cv::job(&job_id, "jobId")?).await })
    }

    /// `GET /jobs/{id}/execution-result`: `job-execution-result` is `null` while the job runs.
    #[wasm_bindgen(js_name = requestJobResult, unchecked_return_type = "Promise<JobExecutionResult>")]
    pub fn request_job_result(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_job_result(&cv::job(&job_id, "jobId")?).await })
    }

    /// `GET /jobs/{id}/config`.
    #[wasm_bindgen(js_name = requestJobConfig, unchecked_return_type = "Promise<JobConfig>")]
    pub fn request_job_config(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_job_config(&cv::job(&job_id, "jobId")?).await })
    }

    /// `GET /jobs/{id}/plan`: the job graph's nodes and edges.
    #[wasm_bindgen(js_name = requestJobPlan, unchecked_return_type = "Promise<JobPlanInfo>")]
    pub fn request_job_plan(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_job_plan(&cv::job(&job_id, "jobId")?).await })
    }

    /// `GET /jobs/{id}/vertices/{vertex}`: the vertex with its subtasks.
    #[wasm_bindgen(js_name = requestVertexDetails, unchecked_return_type = "Promise<VertexDetails>")]
    pub fn request_vertex_details(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = vertexId, unchecked_param_type = "VertexId")] vertex_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_vertex_details(&cv::job(&job_id, "jobId")?, &cv::vertex(&vertex_id, "vertexId")?).await })
    }

    /// `GET /jobs/{id}/vertices/{vertex}/subtasktimes`.
    #[wasm_bindgen(js_name = requestVertexSubtaskTimes, unchecked_return_type = "Promise<SubtaskTimes>")]
    pub fn request_vertex_subtask_times(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = vertexId, unchecked_param_type = "VertexId")] vertex_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_vertex_subtask_times(&cv::job(&job_id, "jobId")?, &cv::vertex(&vertex_id, "vertexId")?).await })
    }

    /// `GET /jobs/{id}/vertices/{vertex}/backpressure`: each subtask's share of time
    /// back-pressured, busy and idle, as Flink last sampled it.
    #[wasm_bindgen(js_name = requestVertexBackpressure, unchecked_return_type = "Promise<VertexBackPressure>")]
    pub fn request_vertex_backpressure(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = vertexId, unchecked_param_type = "VertexId")] vertex_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_vertex_backpressure(&cv::job(&job_id, "jobId")?, &cv::vertex(&vertex_id, "vertexId")?).await })
    }

    /// `GET /jobs/{id}/vertices/{vertex}/flamegraph`: sampled stacks of the vertex's threads
    /// (`type`: `on_cpu`, `off_cpu` or `full`; `subtask`: one subtask, else all). Until Flink has
    /// sampled, `state` is `waiting`; `disabled` unless the cluster sets `rest.flamegraph.enabled`.
    #[wasm_bindgen(js_name = requestVertexFlameGraph, unchecked_return_type = "Promise<VertexFlameGraph>")]
    pub fn request_vertex_flame_graph(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = vertexId, unchecked_param_type = "VertexId")] vertex_id: JsValue,
        #[wasm_bindgen(js_name = type, unchecked_param_type = "\"on_cpu\" | \"off_cpu\" | \"full\"")] kind: String,
        #[wasm_bindgen(unchecked_optional_param_type = "number")] subtask: Option<u32>,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        use crate::client::request::FlameGraphType;
        let c = self.inner.clone();
        spawn(async move {
            let Some(kind) = FlameGraphType::ALL.into_iter().find(|t| t.as_str() == kind) else {
                return Err(crate::client::ClientError::InvalidInput(format!("type must be on_cpu, off_cpu or full, not {kind:?}")));
            };
            cv::timed(&c, options)?.request_vertex_flame_graph(&cv::job(&job_id, "jobId")?, &cv::vertex(&vertex_id, "vertexId")?, kind, subtask).await
        })
    }

    /// `GET /jobs/{id}/vertices/{vertex}/watermarks`, one watermark per subtask (`null`: none yet).
    #[wasm_bindgen(js_name = requestVertexWatermarks, unchecked_return_type = "Promise<SubtaskWatermark[]>")]
    pub fn request_vertex_watermarks(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = vertexId, unchecked_param_type = "VertexId")] vertex_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_vertex_watermarks(&cv::job(&job_id, "jobId")?, &cv::vertex(&vertex_id, "vertexId")?).await })
    }

    /// `GET /jobs/{id}/vertices/{vertex}/accumulators`: the vertex's user accumulators, merged over its subtasks.
    #[wasm_bindgen(js_name = requestVertexAccumulators, unchecked_return_type = "Promise<VertexAccumulators>")]
    pub fn request_vertex_accumulators(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = vertexId, unchecked_param_type = "VertexId")] vertex_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_vertex_accumulators(&cv::job(&job_id, "jobId")?, &cv::vertex(&vertex_id, "vertexId")?).await })
    }

    /// `GET /jobs/{id}/vertices/{vertex}/subtasks/accumulators`: each subtask's user accumulators.
    #[wasm_bindgen(js_name = requestVertexSubtaskAccumulators, unchecked_return_type = "Promise<SubtasksAccumulators>")]
    pub fn request_vertex_subtask_accumulators(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = vertexId, unchecked_param_type = "VertexId")] vertex_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            cv::timed(&c, options)?.request_vertex_subtask_accumulators(&cv::job(&job_id, "jobId")?, &cv::vertex(&vertex_id, "vertexId")?).await
        })
    }

    /// A vertex's busiest and most back-pressured subtask, records per second and lowest
    /// watermark, in one request (what the console's job graph shows).
    #[wasm_bindgen(js_name = requestVertexFlow, unchecked_return_type = "Promise<VertexFlow>")]
    pub fn request_vertex_flow(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = vertexId, unchecked_param_type = "VertexId")] vertex_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_vertex_flow(&cv::job(&job_id, "jobId")?, &cv::vertex(&vertex_id, "vertexId")?).await })
    }

    /// `PATCH /jobs/{id}?mode=cancel`. Destructive: ask first.
    #[wasm_bindgen(js_name = cancelJob, unchecked_return_type = "Promise<void>")]
    pub fn cancel_job(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn_unit(async move { cv::timed(&c, options)?.cancel_job(&cv::job(&job_id, "jobId")?).await })
    }

    /// `PATCH /jobs/{id}/clientHeartbeat`: tells Flink a client is still attached, until
    /// `expiredTimestampMs` (epoch milliseconds).
    #[wasm_bindgen(js_name = reportJobClientHeartbeat, unchecked_return_type = "Promise<void>")]
    pub fn report_job_client_heartbeat(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = expiredTimestampMs, unchecked_param_type = "number")] expired_timestamp_ms: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn_unit(async move {
            let (job, at) = (cv::job(&job_id, "jobId")?, cv::integer(&expired_timestamp_ms, "expiredTimestampMs")?);
            cv::timed(&c, options)?.report_job_client_heartbeat(&job, at).await
        })
    }

    /// `POST /jobs/{id}/coordinators/{operatorUid}`: passes an opaque serialized
    /// `CoordinationRequest` to an operator coordinator and returns its serialized response.
    #[wasm_bindgen(js_name = deliverCoordinationRequestToCoordinator, unchecked_return_type = "Promise<Uint8Array>")]
    pub fn deliver_coordination_request_to_coordinator(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = operatorUid, unchecked_param_type = "string")] operator_uid: JsValue,
        #[wasm_bindgen(js_name = serializedRequest, unchecked_param_type = "Uint8Array")] serialized_request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        let call = async move {
            let (job, uid) = (cv::job(&job_id, "jobId")?, cv::non_blank(&operator_uid, "operatorUid")?);
            let request = cv::bytes(&serialized_request, "serializedRequest")?;
            cv::timed(&c, options)?.deliver_coordination_request_to_coordinator(&job, &uid, &request).await
        };
        spawn_with(call, |bytes| Ok(js_sys::Uint8Array::from(bytes.as_slice()).into()))
    }
}
