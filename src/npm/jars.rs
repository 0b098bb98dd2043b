//! Jars: list, upload, run, delete.
use js_sys::Promise;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::convert::{self as cv};
use super::{FlinkClient, spawn, spawn_unit};
use crate::client::request::JarRunOptions;

#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsJarRunOptions {
    entry_class: Option<String>,
    program_args: Option<Vec<String>>,
    parallelism: Option<u32>,
    savepoint_path: Option<String>,
    allow_non_restored_state: Option<bool>,
    timeout_ms: Option<f64>,
}

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
            let (name, bytes) = (cv::text(&file_name, "the file name")?, cv::bytes(&jar, "the jar")?);
            cv::timed(&c, options)?.upload_jar(&name, bytes).await
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
            let jar = cv::text(&jar_id, "the jar id")?;
            let o: JsJarRunOptions = cv::options(options, "jar run options")?;
            let run = JarRunOptions {
                entry_class: o.entry_class,
                program_args: o.program_args.unwrap_or_default(),
                parallelism: o.parallelism,
                savepoint_path: o.savepoint_path,
                allow_non_restored_state: o.allow_non_restored_state.unwrap_or(false),
            };
            cv::with_timeout(&c, cv::millis(o.timeout_ms, "timeoutMs")?).run_jar(&jar, &run).await
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
        spawn_unit(async move { cv::timed(&c, options)?.delete_jar(&cv::text(&jar_id, "the jar id")?).await })
    }
}
