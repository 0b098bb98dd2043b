//! Checkpoint statistics, triggering and waiting.
use std::time::Duration;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::convert::{self as cv};
use super::{FlinkClient, spawn, spawn_exact};
use crate::client::request::CheckpointOptions;
use crate::client::{CheckpointType, ClientError};

fn checkpoint_options(value: Option<JsValue>) -> Result<(CheckpointOptions, Option<Duration>), ClientError> {
    cv::options(value, "checkpoint options", |o| {
        let checkpoint_type = o.opt("checkpointType", |v, name| cv::flink_enum(v, name, CheckpointType::KNOWN, CheckpointType::as_str))?;
        Ok((CheckpointOptions { checkpoint_type, trigger_id: o.opt("triggerId", cv::trigger)? }, o.timeout()?))
    })
}

#[wasm_bindgen]
impl FlinkClient {
    /// `GET /jobs/{id}/checkpoints`: counts, latest checkpoints and history.
    #[wasm_bindgen(js_name = requestCheckpointStats, unchecked_return_type = "Promise<CheckpointingStatistics>")]
    pub fn request_checkpoint_stats(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn_exact(async move { cv::timed(&c, options)?.request_checkpoint_stats(&cv::job(&job_id, "jobId")?).await })
    }

    /// `GET /jobs/{id}/checkpoints/config`.
    #[wasm_bindgen(js_name = requestCheckpointConfig, unchecked_return_type = "Promise<CheckpointConfig>")]
    pub fn request_checkpoint_config(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_checkpoint_config(&cv::job(&job_id, "jobId")?).await })
    }

    /// `GET /jobs/{id}/checkpoints/details/{checkpoint}`: one checkpoint with per-vertex stats.
    #[wasm_bindgen(js_name = requestCheckpointDetails, unchecked_return_type = "Promise<CheckpointStats>")]
    pub fn request_checkpoint_details(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = checkpointId, unchecked_param_type = "number")] checkpoint_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (job, id) = (cv::job(&job_id, "jobId")?, cv::count(&checkpoint_id, "checkpointId")?);
            cv::timed(&c, options)?.request_checkpoint_details(&job, id).await
        })
    }

    /// `GET /jobs/{id}/checkpoints/details/{checkpoint}/subtasks/{vertex}`.
    #[wasm_bindgen(js_name = requestCheckpointSubtaskDetails, unchecked_return_type = "Promise<TaskCheckpointStats>")]
    pub fn request_checkpoint_subtask_details(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = checkpointId, unchecked_param_type = "number")] checkpoint_id: JsValue,
        #[wasm_bindgen(js_name = vertexId, unchecked_param_type = "VertexId")] vertex_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (job, id) = (cv::job(&job_id, "jobId")?, cv::count(&checkpoint_id, "checkpointId")?);
            cv::timed(&c, options)?.request_checkpoint_subtask_details(&job, id, &cv::vertex(&vertex_id, "vertexId")?).await
        })
    }

    /// `POST /jobs/{id}/checkpoints`: triggers a checkpoint; resolves to the trigger id to poll.
    /// Pass the same `triggerId` on a retry: Flink then never takes a second checkpoint.
    #[wasm_bindgen(js_name = triggerCheckpoint, unchecked_return_type = "Promise<TriggerId>")]
    pub fn trigger_checkpoint(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckpointOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (job, (o, t)) = (cv::job(&job_id, "jobId")?, checkpoint_options(options)?);
            cv::with_timeout(&c, t).trigger_checkpoint(&job, &o).await
        })
    }

    /// `GET /jobs/{id}/checkpoints/{trigger}`.
    #[wasm_bindgen(js_name = getTriggeredCheckpointStatus, unchecked_return_type = "Promise<AsyncOperationStatus<CheckpointOperation>>")]
    pub fn get_triggered_checkpoint_status(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = triggerId, unchecked_param_type = "TriggerId")] trigger_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.get_triggered_checkpoint_status(&cv::job(&job_id, "jobId")?, &cv::trigger(&trigger_id, "triggerId")?).await })
    }

    /// Polls a triggered checkpoint until it completes; resolves to the checkpoint id, rejects
    /// with `kind: 'operation_failed'` if Flink reports a failure.
    #[wasm_bindgen(js_name = waitForCheckpoint, unchecked_return_type = "Promise<number>")]
    pub fn wait_for_checkpoint(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = triggerId, unchecked_param_type = "TriggerId")] trigger_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "WaitOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (job, trigger) = (cv::job(&job_id, "jobId")?, cv::trigger(&trigger_id, "triggerId")?);
            c.wait_for_checkpoint(&job, &trigger, cv::wait_options(options)?).await
        })
    }
}
