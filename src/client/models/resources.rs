use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::client::ids::VertexId;

/// `GET`/`PUT /jobs/{id}/resource-requirements`: the parallelism bounds of every vertex.
/// Flink rejects a `PUT` that leaves out a vertex, so always send the whole map.
pub type JobResourceRequirements = BTreeMap<VertexId, VertexResources>;

/// A vertex's resource requirements.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct VertexResources {
    /// Its parallelism bounds (`parallelism`).
    pub parallelism: ParallelismBounds,
}

/// The parallelism the adaptive scheduler may give a vertex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ParallelismBounds {
    /// The lowest (`lowerBound`).
    pub lower_bound: i64,
    /// The highest (`upperBound`).
    pub upper_bound: i64,
}
