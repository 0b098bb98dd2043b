use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::client::ids::VertexId;

/// `GET`/`PUT /jobs/{id}/resource-requirements`: the parallelism bounds of every vertex.
/// Flink rejects a `PUT` that leaves out a vertex, so always send the whole map.
pub type JobResourceRequirements = BTreeMap<VertexId, VertexResources>;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct VertexResources {
    pub parallelism: ParallelismBounds,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ParallelismBounds {
    pub lower_bound: i64,
    pub upper_bound: i64,
}
