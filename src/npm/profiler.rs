//! Profiler calls of the job manager and the task managers.
use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::convert::{self as cv};
use super::{FlinkClient, spawn};
use crate::client::{ClientError, ProfilerTarget, ProfilingMode};

const TARGET: &str = "{type: 'jobManager'} | {type: 'taskManager', taskManagerId}";
/// Flink's own cap (`rest.profiling.duration-max`) is 300 s by default; a cluster may raise it.
const MAX_DURATION_S: f64 = 86_400.0;

/// `target`: the job manager when not given.
fn target(value: Option<JsValue>) -> Result<ProfilerTarget, ClientError> {
    let Some(value) = cv::given(value) else { return Ok(ProfilerTarget::JobManager) };
    cv::tagged(&value, "target", TARGET, |ty, f| {
        Ok(Some(match ty {
            "jobManager" => ProfilerTarget::JobManager,
            "taskManager" => ProfilerTarget::TaskManager(f.req("taskManagerId", cv::task_manager)?),
            _ => return Ok(None),
        }))
    })
}

#[wasm_bindgen]
impl FlinkClient {
    /// `GET /jobmanager/profiler` or `/taskmanagers/{id}/profiler` (Flink 1.19+, with
    /// `rest.profiling.enabled`): the profiling runs the process keeps, newest first.
    #[wasm_bindgen(js_name = profilingList, unchecked_return_type = "Promise<ProfilingList>")]
    pub fn profiling_list(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ProfilerTarget")] target: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.profiling_list(&self::target(target)?).await })
    }

    /// `POST …/profiler`: starts a run of `durationSeconds` (one run at a time per process);
    /// answers at once with the run `RUNNING`.
    #[wasm_bindgen(js_name = startProfiling, unchecked_return_type = "Promise<ProfilingInfo>")]
    pub fn start_profiling(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ProfilingMode")] mode: JsValue,
        #[wasm_bindgen(js_name = durationSeconds, unchecked_param_type = "number")] duration_seconds: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ProfilerTarget")] target: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let mode = cv::flink_enum(&mode, "mode", ProfilingMode::KNOWN, ProfilingMode::as_str)?;
            let duration = cv::whole(&duration_seconds, "durationSeconds", 1.0, MAX_DURATION_S)? as u32;
            cv::timed(&c, options)?.start_profiling(&self::target(target)?, &mode, duration).await
        })
    }

    /// `GET …/profiler/{file}`: a finished run's flame graph (an `outputFile` of
    /// `profilingList`), an HTML page made by async-profiler, as text.
    #[wasm_bindgen(js_name = profilingFile, unchecked_return_type = "Promise<string>")]
    pub fn profiling_file(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] file: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ProfilerTarget")] target: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.profiling_file(&self::target(target)?, &cv::non_blank(&file, "file")?).await })
    }
}
