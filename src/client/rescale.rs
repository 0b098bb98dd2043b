//! Client-side checks of a rescale before anything is sent: Flink rejects partial maps and
//! out-of-range bounds, but only after a round trip and with a stack trace.
use super::ClientError;
use super::ids::VertexId;
use super::models::{JobDetails, JobResourceRequirements, ParallelismBounds, VertexResources};

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
                "parallelism {hi} of '{}' is above its max parallelism {}",
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
