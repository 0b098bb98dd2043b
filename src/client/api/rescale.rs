//! Rescaling a job on the adaptive scheduler through its resource requirements, with the checks
//! Flink would make (after a round trip, with a stack trace) done before anything is sent.
use super::FlinkClient;
use crate::client::ClientError;
use crate::client::ids::{JobId, VertexId};
use crate::client::models::{ConfigEntry, JobDetails, JobResourceRequirements, ParallelismBounds, VertexResources};
use crate::client::request::{Empty, Method, Request, job_path};

/// `GET /jobs/{id}/resource-requirements`.
pub fn request_job_resource_requirements(id: &JobId) -> Request<JobResourceRequirements> {
    Request::get(format!("{}/resource-requirements", job_path(id)))
}
/// `PUT /jobs/{id}/resource-requirements` with the full map.
pub fn update_job_resource_requirements(id: &JobId, requirements: &JobResourceRequirements) -> Request<Empty> {
    // A map of plain structs always serializes; Null would be refused by Flink, not sent silently.
    let body = serde_json::to_value(requirements).unwrap_or(serde_json::Value::Null);
    Request::new(Method::Put, format!("{}/resource-requirements", job_path(id))).json(body)
}

/// Every vertex of the job present, no unknown vertex, and 1 ≤ lower ≤ upper ≤ max parallelism.
pub fn validate(requirements: &JobResourceRequirements, job: &JobDetails) -> Result<(), ClientError> {
    let invalid = |m: String| Err(ClientError::InvalidInput(m));
    for vertex in &job.vertices {
        let Some(r) = requirements.get(&vertex.id) else {
            return invalid(format!("the rescale request leaves out vertex '{}'; Flink needs every vertex", vertex.name));
        };
        let ParallelismBounds { lower_bound: lo, upper_bound: hi } = r.parallelism;
        if lo < 1 || hi < lo {
            return invalid(format!("parallelism bounds of '{}' must satisfy 1 ≤ lower ({lo}) ≤ upper ({hi})", vertex.name));
        }
        if vertex.max_parallelism > 0 && hi > i64::from(vertex.max_parallelism) {
            return invalid(format!(
                "The parallelism of {} can be at most its max parallelism, {}. Asked for {hi}.",
                vertex.name, vertex.max_parallelism
            ));
        }
    }
    if let Some(unknown) = requirements.keys().find(|id| !job.vertices.iter().any(|v| &v.id == *id)) {
        return invalid(format!("vertex {unknown} is not part of job '{}'", job.name));
    }
    Ok(())
}

/// The requirements with one vertex set to `parallelism` (upper bound; the lower bound is
/// lowered if needed), the others unchanged: what "set the parallelism of X" means.
pub fn with_parallelism(
    current: &JobResourceRequirements,
    vertex: &VertexId,
    parallelism: i64,
) -> Result<JobResourceRequirements, ClientError> {
    let mut next = current.clone();
    let Some(VertexResources { parallelism: bounds }) = next.get_mut(vertex) else {
        return Err(ClientError::InvalidInput(format!("vertex {vertex} has no resource requirements")));
    };
    bounds.upper_bound = parallelism;
    bounds.lower_bound = bounds.lower_bound.min(parallelism).max(1);
    Ok(next)
}

/// The scheduler that runs `job`, as the cluster says it: the job's own `schedulerType` (Flink
/// 2.3 and later), else the cluster's configuration (`jobmanager.scheduler`, or reactive mode,
/// which is the adaptive scheduler); `None` when neither says, since a default can differ by
/// line and job type. Names as Flink 2.3 reports them: `Adaptive`, `Default`, `AdaptiveBatch`.
pub fn scheduler_of(job: &JobDetails, jobmanager_config: &[ConfigEntry]) -> Option<String> {
    if let Some(reported) = &job.scheduler_type {
        return Some(reported.clone());
    }
    let value = |key: &str| jobmanager_config.iter().find(|e| e.key == key).map(|e| e.value.trim().to_ascii_lowercase());
    if value("scheduler-mode").as_deref() == Some("reactive") {
        return Some("Adaptive".into());
    }
    match value("jobmanager.scheduler")?.as_str() {
        "adaptive" => Some("Adaptive".into()),
        "default" => Some("Default".into()),
        "adaptivebatch" => Some("AdaptiveBatch".into()),
        _ => None,
    }
}

impl FlinkClient {
    /// The scheduler that runs `job` (see [`scheduler_of`]): asks for the cluster's
    /// configuration only when the job does not say (before Flink 2.3).
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let details = flink.request_job(&job).await?;
    /// let adaptive = flink.job_scheduler(&details).await?.as_deref() == Some("Adaptive");
    /// # Ok(()) }
    /// ```
    pub async fn job_scheduler(&self, job: &JobDetails) -> Result<Option<String>, ClientError> {
        if job.scheduler_type.is_some() {
            return Ok(scheduler_of(job, &[]));
        }
        Ok(scheduler_of(job, &self.jobmanager_config().await?))
    }

    /// `GET /jobs/{id}/resource-requirements`: the parallelism bounds per vertex.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// for (vertex, r) in flink.request_job_resource_requirements(&job).await? { println!("{vertex}: {}", r.parallelism.upper_bound); }
    /// # Ok(()) }
    /// ```
    pub async fn request_job_resource_requirements(&self, job: &JobId) -> Result<JobResourceRequirements, ClientError> {
        self.send(request_job_resource_requirements(job)).await
    }

    /// `PUT /jobs/{id}/resource-requirements`: rescales a job on the adaptive scheduler. Checks
    /// the map first against `job` (as the caller last read it with `request_job`): every vertex
    /// present and 1 ≤ lower ≤ upper ≤ the vertex's max parallelism, so a bad map is an
    /// `InvalidInput` error and nothing is sent.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, job: flink_console::client::JobId) -> Result<(), flink_console::client::ClientError> {
    /// let details = flink.request_job(&job).await?;
    /// let mut requirements = flink.request_job_resource_requirements(&job).await?;
    /// for r in requirements.values_mut() { r.parallelism.upper_bound = 2; }
    /// flink.update_job_resource_requirements(&details, &requirements).await?;
    /// # Ok(()) }
    /// ```
    pub async fn update_job_resource_requirements(&self, job: &JobDetails, requirements: &JobResourceRequirements) -> Result<(), ClientError> {
        validate(requirements, job)?;
        self.send(update_job_resource_requirements(&job.jid, requirements)).await.map(|Empty| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(scheduler: Option<&str>) -> JobDetails {
        let mut v = serde_json::json!({"jid": "970762374db1c09c2881a915a396ab1e", "name": "j", "state": "RUNNING", "vertices": []});
        if let Some(s) = scheduler {
            v["schedulerType"] = s.into();
        }
        serde_json::from_value(v).unwrap()
    }

    fn config(pairs: &[(&str, &str)]) -> Vec<ConfigEntry> {
        pairs.iter().map(|(k, v)| serde_json::from_value(serde_json::json!({"key": k, "value": v})).unwrap()).collect()
    }

    #[test]
    fn the_scheduler_comes_from_the_job_then_the_configuration_else_unknown() {
        assert_eq!(scheduler_of(&job(Some("Adaptive")), &config(&[("jobmanager.scheduler", "default")])).as_deref(), Some("Adaptive"));
        assert_eq!(scheduler_of(&job(None), &config(&[("jobmanager.scheduler", "adaptive")])).as_deref(), Some("Adaptive"));
        assert_eq!(scheduler_of(&job(None), &config(&[("jobmanager.scheduler", "Default")])).as_deref(), Some("Default"));
        assert_eq!(scheduler_of(&job(None), &config(&[("scheduler-mode", "REACTIVE")])).as_deref(), Some("Adaptive"));
        assert_eq!(scheduler_of(&job(None), &config(&[("rest.port", "8081")])), None, "not said: unknown, not guessed");
    }
}
