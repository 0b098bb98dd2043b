//! Jars: list, upload, plan, run, delete.
use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::convert::{self as cv};
use super::{FlinkClient, spawn, spawn_unit};
use crate::client::RestoreMode;
use crate::client::request::JarRunOptions;

#[wasm_bindgen]
impl FlinkClient {
    /// `GET /jars`: the uploaded jars.
    #[wasm_bindgen(js_name = listJars, unchecked_return_type = "Promise<JarList>")]
    pub fn list_jars(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.list_jars().await })
    }

    /// `POST /jars/upload` (multipart): the last segment of the answer's `filename` is the jar id.
    #[wasm_bindgen(js_name = uploadJar, unchecked_return_type = "Promise<JarUploadResponse>")]
    pub fn upload_jar(
        &self,
        #[wasm_bindgen(js_name = fileName, unchecked_param_type = "string")] file_name: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] jar: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (name, bytes) = (cv::non_blank(&file_name, "fileName")?, cv::bytes(&jar, "jar")?);
            cv::timed(&c, options)?.upload_jar(&name, bytes).await
        })
    }

    /// `uploadJar`, calling `onProgress(sent, total)` as the bytes go out (in a browser, through
    /// `XMLHttpRequest`; Node has none, so there it uploads without calling it). The timeout
    /// bounds the wait since the last progress.
    #[wasm_bindgen(js_name = uploadJarWithProgress, unchecked_return_type = "Promise<JarUploadResponse>")]
    pub fn upload_jar_with_progress(
        &self,
        #[wasm_bindgen(js_name = fileName, unchecked_param_type = "string")] file_name: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] jar: JsValue,
        #[wasm_bindgen(js_name = onProgress, unchecked_param_type = "(sent: number, total: number) => void")] on_progress: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (name, bytes) = (cv::non_blank(&file_name, "fileName")?, cv::bytes(&jar, "jar")?);
            let report = cv::function(&on_progress, "onProgress")?;
            let call = move |sent: u64, total: u64| {
                // A throwing callback does not stop the upload.
                let _ = report.call2(&JsValue::NULL, &(sent as f64).into(), &(total as f64).into());
            };
            cv::timed(&c, options)?.upload_jar_with_progress(&name, bytes, call).await
        })
    }

    /// `POST /jars/{id}/plan`: the job graph of a jar's program, without running it (of the
    /// options, the entry class, arguments and parallelism count).
    #[wasm_bindgen(js_name = jarPlan, unchecked_return_type = "Promise<JobPlanInfo>")]
    pub fn jar_plan(
        &self,
        #[wasm_bindgen(js_name = jarId, unchecked_param_type = "string")] jar_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "JarRunOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (client, jar, plan) = jar_call(&c, &jar_id, options)?;
            client.jar_plan(&jar, &plan).await
        })
    }

    /// `POST /jars/{id}/run`: submits a job from an uploaded jar.
    #[wasm_bindgen(js_name = runJar, unchecked_return_type = "Promise<JarRunResponse>")]
    pub fn run_jar(
        &self,
        #[wasm_bindgen(js_name = jarId, unchecked_param_type = "string")] jar_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "JarRunOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (client, jar, run) = jar_call(&c, &jar_id, options)?;
            client.run_jar(&jar, &run).await
        })
    }

    /// `DELETE /jars/{id}`.
    #[wasm_bindgen(js_name = deleteJar, unchecked_return_type = "Promise<void>")]
    pub fn delete_jar(
        &self,
        #[wasm_bindgen(js_name = jarId, unchecked_param_type = "string")] jar_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn_unit(async move { cv::timed(&c, options)?.delete_jar(&cv::non_blank(&jar_id, "jarId")?).await })
    }
}

/// The jar id and `JarRunOptions` from JavaScript, and the client with the call's timeout.
fn jar_call(
    client: &crate::client::FlinkClient,
    jar_id: &JsValue,
    options: Option<JsValue>,
) -> Result<(crate::client::FlinkClient, String, JarRunOptions), crate::client::ClientError> {
    let jar = cv::non_blank(jar_id, "jarId")?;
    let (run, timeout) = cv::options(options, "jar run options", |o| {
        let run = JarRunOptions {
            entry_class: o.opt("entryClass", cv::text)?,
            program_args: o.opt("programArgs", cv::strings)?.unwrap_or_default(),
            parallelism: o.opt("parallelism", |v, name| cv::whole(v, name, 1.0, cv::MAX_INT))?.map(|p| p as u32),
            savepoint_path: o.opt("savepointPath", cv::text)?,
            allow_non_restored_state: o.opt("allowNonRestoredState", cv::boolean)?.unwrap_or(false),
            restore_mode: o.opt("restoreMode", |v, name| cv::flink_enum(v, name, RestoreMode::KNOWN, RestoreMode::as_str))?,
        };
        Ok((run, o.timeout()?))
    })?;
    Ok((cv::with_timeout(client, timeout), jar, run))
}
