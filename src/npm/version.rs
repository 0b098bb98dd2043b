//! The cluster's Flink line and what it can do: the version, a feature check, applications
//! (2.3 and later), and which scheduler runs a job.
use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::convert::{self as cv};
use super::{FlinkClient, spawn, spawn_unit, spawn_with};
use crate::client::{ClientError, Feature};

#[wasm_bindgen(typescript_custom_section)]
const TS_FEATURE: &'static str = r#"
/** A REST feature only some Flink lines have (see `require`). */
export type Feature = "resourceRequirements" | "profiler" | "skewAggregation" | "applications" | "rescaleHistory" | "schedulerType";
"#;

const FEATURES: [(&str, Feature); 6] = [
    ("resourceRequirements", Feature::ResourceRequirements),
    ("profiler", Feature::Profiler),
    ("skewAggregation", Feature::SkewAggregation),
    ("applications", Feature::Applications),
    ("rescaleHistory", Feature::RescaleHistory),
    ("schedulerType", Feature::SchedulerType),
];

fn feature(value: &JsValue) -> Result<Feature, ClientError> {
    let names: Vec<&str> = FEATURES.iter().map(|(n, _)| *n).collect();
    let text = value.as_string().unwrap_or_default();
    FEATURES
        .iter()
        .find(|(n, _)| *n == text)
        .map(|(_, f)| *f)
        .ok_or_else(|| ClientError::InvalidInput(format!("feature must be {}, not {}", cv::one_of(&names), cv::describe(value))))
}

fn text_or_null(value: Option<String>) -> Result<JsValue, JsValue> {
    Ok(value.map_or(JsValue::NULL, |v| JsValue::from_str(&v)))
}

#[wasm_bindgen]
impl FlinkClient {
    /// The version of Flink the cluster runs (`"1.20.5"`), from `/config`, asked once.
    #[wasm_bindgen(js_name = clusterVersion, unchecked_return_type = "Promise<string>")]
    pub fn cluster_version(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn_with(async move { cv::timed(&c, options)?.cluster_version().await.map(|v| Some(v.to_string())) }, text_or_null)
    }

    /// Resolves when the cluster's line has `feature`; rejects with `kind: 'unsupported'`
    /// naming the line it needs otherwise, without asking Flink for the feature itself.
    #[wasm_bindgen(js_name = require, unchecked_return_type = "Promise<void>")]
    pub fn require(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Feature")] feature: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn_unit(async move { cv::timed(&c, options)?.require(self::feature(&feature)?).await })
    }

    /// `GET /applications/overview` (Flink 2.3 and later; `kind: 'unsupported'` before).
    #[wasm_bindgen(js_name = requestApplicationsOverview, unchecked_return_type = "Promise<MultipleApplicationsDetails>")]
    pub fn request_applications_overview(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_applications_overview().await })
    }

    /// The scheduler that runs a job (`"Adaptive"`, `"Default"`, `"AdaptiveBatch"`): what the
    /// job reports (2.3 and later), else the cluster's `jobmanager.scheduler`; `null` when
    /// neither says.
    #[wasm_bindgen(js_name = jobScheduler, unchecked_return_type = "Promise<string | null>")]
    pub fn job_scheduler(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn_with(
            async move {
                let c = cv::timed(&c, options)?;
                let details = c.request_job(&cv::job(&job_id, "jobId")?).await?;
                c.job_scheduler(&details).await
            },
            text_or_null,
        )
    }
}
