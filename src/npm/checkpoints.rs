//! Checkpoint statistics, triggering and waiting.
use std::time::Duration;

use js_sys::Promise;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::convert::{self as cv};
use super::{FlinkClient, spawn};
use crate::client::request::CheckpointOptions;
use crate::client::{CheckpointType, ClientError, TriggerId};

#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsCheckpointOptions {
    checkpoint_type: Option<String>,
    trigger_id: Option<String>,
    timeout_ms: Option<f64>,
}

fn checkpoint_options(value: Option<JsValue>) -> Result<(CheckpointOptions, Option<Duration>), ClientError> {
    let o: JsCheckpointOptions = cv::options(value, "checkpoint options")?;
    let options = CheckpointOptions {
        checkpoint_type: o.checkpoint_type.as_deref().map(CheckpointType::from),
        trigger_id: o.trigger_id.as_deref().map(TriggerId::parse).transpose()?,
    };
    Ok((options, cv::millis(o.timeout_ms, "timeoutMs")?))
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
        spawn(async move { cv::timed(&c, options)?.request_checkpoint_stats(&cv::job(&job_id)?).await })
    }

    /// `GET /jobs/{id}/checkpoints/config`.
    #[wasm_bindgen(js_name = requestCheckpointConfig, unchecked_return_type = "Promise<CheckpointConfig>")]
    pub fn request_checkpoint_config(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_checkpoint_config(&cv::job(&job_id)?).await })
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
            let (job, id) = (cv::job(&job_id)?, cv::count(&checkpoint_id, "the checkpoint id")?);
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
            let (job, id) = (cv::job(&job_id)?, cv::count(&checkpoint_id, "the checkpoint id")?);
            cv::timed(&c, options)?.request_checkpoint_subtask_details(&job, id, &cv::vertex(&vertex_id)?).await
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
            let (job, (o, t)) = (cv::job(&job_id)?, checkpoint_options(options)?);
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
        spawn(async move { cv::timed(&c, options)?.get_triggered_checkpoint_status(&cv::job(&job_id)?, &cv::trigger(&trigger_id)?).await })
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
            let (job, trigger) = (cv::job(&job_id)?, cv::trigger(&trigger_id)?);
            c.wait_for_checkpoint(&job, &trigger, cv::wait_options(options)?).await
        })
    }
}
