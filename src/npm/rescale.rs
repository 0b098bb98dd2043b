//! Rescaling: the parallelism bounds of a job's vertices.
use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::convert::{self as cv};
use super::{FlinkClient, spawn, spawn_unit};
use crate::client::{ClientError, JobResourceRequirements, ParallelismBounds, VertexId, VertexResources};

const BOUNDS: &str = "{lowerBound, upperBound}";

/// What `requestJobResourceRequirements` returns, read back key by key.
fn requirements(value: &JsValue) -> Result<JobResourceRequirements, ClientError> {
    let name = "requirements";
    cv::entries(value, name, &format!("an object of vertex ids to {{parallelism: {BOUNDS}}}"))?
        .into_iter()
        .map(|(key, resources)| {
            let vertex = VertexId::parse(&key).map_err(|_| {
                ClientError::InvalidInput(format!("{name}' keys must be vertex ids (32 hexadecimal characters), not '{key}'"))
            })?;
            let path = format!("{name}['{key}']");
            let parallelism = cv::object(&resources, &path, &format!("{{parallelism: {BOUNDS}}}"), |f| f.req("parallelism", bounds))?;
            Ok((vertex, VertexResources { parallelism }))
        })
        .collect()
}

fn bounds(value: &JsValue, name: &str) -> Result<ParallelismBounds, ClientError> {
    cv::object(value, name, BOUNDS, |f| {
        Ok(ParallelismBounds { lower_bound: f.req("lowerBound", cv::integer)?, upper_bound: f.req("upperBound", cv::integer)? })
    })
}

#[wasm_bindgen]
impl FlinkClient {
    /// `GET /jobs/{id}/resource-requirements`: the parallelism bounds per vertex.
    #[wasm_bindgen(js_name = requestJobResourceRequirements, unchecked_return_type = "Promise<JobResourceRequirements>")]
    pub fn request_job_resource_requirements(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_job_resource_requirements(&cv::job(&job_id, "jobId")?).await })
    }

    /// `PUT /jobs/{id}/resource-requirements`: rescales a job on the adaptive scheduler. Takes
    /// what `requestJobResourceRequirements` returns; checks first that every vertex is present
    /// and 1 ≤ lowerBound ≤ upperBound ≤ its max parallelism (else `invalid_input`, nothing sent).
    #[wasm_bindgen(js_name = updateJobResourceRequirements, unchecked_return_type = "Promise<void>")]
    pub fn update_job_resource_requirements(
        &self,
        #[wasm_bindgen(js_name = jobId, unchecked_param_type = "JobId")] job_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "JobResourceRequirements")] requirements: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn_unit(async move {
            let job = cv::job(&job_id, "jobId")?;
            let requirements = self::requirements(&requirements)?;
            // The check needs the job's vertices; a JS caller has only its id.
            let c = cv::timed(&c, options)?;
            let details = c.request_job(&job).await?;
            c.update_job_resource_requirements(&details, &requirements).await
        })
    }
}
