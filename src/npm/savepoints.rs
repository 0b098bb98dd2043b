//! Savepoints, stop-with-savepoint, disposal, and waiting for them.
use std::time::Duration;

use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::convert::{self as cv};
use super::{FlinkClient, spawn, spawn_unit};
use crate::client::request::{SavepointOptions, StopOptions};
use crate::client::{ClientError, SavepointFormat, TriggerId};

fn format_type(value: &JsValue, name: &str) -> Result<SavepointFormat, ClientError> {
    cv::flink_enum(value, name, SavepointFormat::KNOWN, SavepointFormat::as_str)
}

/// The fields both savepoint triggers take, in the order errors list them: `flag` is the one
/// they differ in (`cancelJob`, `drain`).
type SavepointFields = (Option<String>, Option<SavepointFormat>, bool, Option<TriggerId>);

fn savepoint_fields(o: &cv::Fields, flag: &'static str) -> Result<SavepointFields, ClientError> {
    Ok((
        o.opt("targetDirectory", cv::text)?,
        o.opt("formatType", format_type)?,
        o.opt(flag, cv::boolean)?.unwrap_or(false),
        o.opt("triggerId", cv::trigger)?,
    ))
}

fn savepoint_options(value: Option<JsValue>) -> Result<(SavepointOptions, Option<Duration>), ClientError> {
    cv::options(value, "savepoint options", |o| {
        let (target_directory, format_type, cancel_job, trigger_id) = savepoint_fields(o, "cancelJob")?;
        Ok((SavepointOptions { target_directory, format_type, cancel_job, trigger_id }, o.timeout()?))
    })
}

fn stop_options(value: Option<JsValue>) -> Result<(StopOptions, Option<Duration>), ClientError> {
    cv::options(value, "stop options", |o| {
        let (target_directory, format_type, drain, trigger_id) = savepoint_fields(o, "drain")?;
        Ok((StopOptions { target_directory, format_type, drain, trigger_id }, o.timeout()?))
    })
}

#[wasm_bindgen]
impl FlinkClient {
    /// `POST /jobs/{id}/savepoints`: triggers a savepoint; resolves to the trigger id to poll.
    /// Pass the same `triggerId` on a retry: Flink then never takes a second savepoint.
    #[wasm_bindgen(js_name = triggerSavepoint, unchecked_return_type = "Promise<TriggerId>")]
    pub fn trigger_savepoint(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SavepointOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (job, (o, t)) = (cv::job(&job_id, "jobId")?, savepoint_options(options)?);
            cv::with_timeout(&c, t).trigger_savepoint(&job, &o).await
        })
    }

    /// `GET /jobs/{id}/savepoints/{trigger}`: also the status of a stop-with-savepoint.
    #[wasm_bindgen(js_name = getTriggeredSavepointStatus, unchecked_return_type = "Promise<AsyncOperationStatus<SavepointOperation>>")]
    pub fn get_triggered_savepoint_status(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = triggerId, unchecked_param_type = "TriggerId")] trigger_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.get_triggered_savepoint_status(&cv::job(&job_id, "jobId")?, &cv::trigger(&trigger_id, "triggerId")?).await })
    }

    /// `POST /jobs/{id}/stop`: takes a savepoint and stops the job. Destructive: ask first.
    /// Poll it with `getTriggeredSavepointStatus` / `waitForSavepoint`.
    #[wasm_bindgen(js_name = stopWithSavepoint, unchecked_return_type = "Promise<TriggerId>")]
    pub fn stop_with_savepoint(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "StopOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (job, (o, t)) = (cv::job(&job_id, "jobId")?, stop_options(options)?);
            cv::with_timeout(&c, t).stop_with_savepoint(&job, &o).await
        })
    }

    /// `POST /savepoint-disposal`: deletes a savepoint's files. Destructive: ask first.
    #[wasm_bindgen(js_name = disposeSavepoint, unchecked_return_type = "Promise<TriggerId>")]
    pub fn dispose_savepoint(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.dispose_savepoint(&cv::non_blank(&path, "path")?).await })
    }

    /// `GET /savepoint-disposal/{trigger}`.
    #[wasm_bindgen(js_name = getSavepointDisposalStatus, unchecked_return_type = "Promise<AsyncOperationStatus<DisposalOperation>>")]
    pub fn get_savepoint_disposal_status(
        &self,
        #[wasm_bindgen(js_name = triggerId, unchecked_param_type = "TriggerId")] trigger_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.get_savepoint_disposal_status(&cv::trigger(&trigger_id, "triggerId")?).await })
    }

    /// Polls a savepoint (or stop-with-savepoint) until it completes; resolves to its location,
    /// rejects with `kind: 'operation_failed'` if Flink reports a failure.
    #[wasm_bindgen(js_name = waitForSavepoint, unchecked_return_type = "Promise<string>")]
    pub fn wait_for_savepoint(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(js_name = triggerId, unchecked_param_type = "TriggerId")] trigger_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "WaitOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (job, trigger) = (cv::job(&job_id, "jobId")?, cv::trigger(&trigger_id, "triggerId")?);
            c.wait_for_savepoint(&job, &trigger, cv::wait_options(options)?).await
        })
    }

    /// Polls a savepoint disposal until it completes.
    #[wasm_bindgen(js_name = waitForSavepointDisposal, unchecked_return_type = "Promise<void>")]
    pub fn wait_for_savepoint_disposal(
        &self,
        #[wasm_bindgen(js_name = triggerId, unchecked_param_type = "TriggerId")] trigger_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "WaitOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn_unit(async move { c.wait_for_savepoint_disposal(&cv::trigger(&trigger_id, "triggerId")?, cv::wait_options(options)?).await })
    }
}
