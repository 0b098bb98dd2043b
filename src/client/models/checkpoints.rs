use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Bytes, Millis, Timestamp, lenient_f64, null_default, string_enum};
use crate::client::ids::VertexId;

string_enum!(
    /// A checkpoint's status in the statistics.
    CheckpointStatus {
        InProgress = "IN_PROGRESS",
        Completed = "COMPLETED",
        Failed = "FAILED",
    }
);

string_enum!(
    /// The savepoint format chosen on trigger.
    SavepointFormat {
        Canonical = "CANONICAL",
        Native = "NATIVE",
    }
);

string_enum!(
    /// The checkpoint type chosen on a manual trigger.
    CheckpointType {
        Configured = "CONFIGURED",
        Full = "FULL",
        Incremental = "INCREMENTAL",
    }
);

/// `GET /jobs/{id}/checkpoints`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct CheckpointingStatistics {
    pub counts: CheckpointCounts,
    #[serde(default)]
    pub summary: CheckpointSummary,
    #[serde(default)]
    pub latest: LatestCheckpoints,
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub history: Vec<CheckpointStats>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(default)]
pub struct CheckpointCounts {
    pub restored: u64,
    pub total: u64,
    pub in_progress: u64,
    pub completed: u64,
    pub failed: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(default)]
pub struct CheckpointSummary {
    pub checkpointed_size: Option<StatsSummary>,
    pub state_size: Option<StatsSummary>,
    pub end_to_end_duration: Option<StatsSummary>,
}

/// Min/max/avg/percentiles; Flink sends `"NaN"` for percentiles it has no data for.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct StatsSummary {
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub min: f64,
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub max: f64,
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub avg: f64,
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub p50: f64,
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub p99: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(default)]
pub struct LatestCheckpoints {
    pub completed: Option<CheckpointStats>,
    pub savepoint: Option<CheckpointStats>,
    pub failed: Option<CheckpointStats>,
    pub restored: Option<RestoredCheckpoint>,
}

/// One checkpoint in the history or as `latest` (completed, failed or in progress: the fields
/// that do not apply are `None`). Also `GET /jobs/{id}/checkpoints/details/{cp}`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct CheckpointStats {
    pub id: u64,
    pub status: CheckpointStatus,
    #[serde(default)]
    pub is_savepoint: bool,
    #[serde(default, rename = "savepointFormat")]
    pub savepoint_format: Option<SavepointFormat>,
    #[serde(default)]
    pub checkpoint_type: Option<String>,
    #[serde(default)]
    pub trigger_timestamp: Timestamp,
    #[serde(default)]
    pub latest_ack_timestamp: Timestamp,
    #[serde(default)]
    pub checkpointed_size: Bytes,
    #[serde(default)]
    pub state_size: Bytes,
    #[serde(default)]
    pub end_to_end_duration: Millis,
    #[serde(default)]
    pub num_subtasks: u32,
    #[serde(default)]
    pub num_acknowledged_subtasks: u32,
    #[serde(default)]
    pub external_path: Option<String>,
    #[serde(default)]
    pub discarded: bool,
    #[serde(default)]
    pub failure_timestamp: Timestamp,
    #[serde(default)]
    pub failure_message: Option<String>,
    /// Per-vertex statistics (filled by the details endpoint, empty in the history).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub tasks: BTreeMap<VertexId, TaskCheckpointStats>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct RestoredCheckpoint {
    pub id: u64,
    #[serde(default)]
    pub restore_timestamp: Timestamp,
    #[serde(default)]
    pub is_savepoint: bool,
    #[serde(default)]
    pub external_path: Option<String>,
}

/// A vertex's part of one checkpoint (also `…/details/{cp}/subtasks/{vertex}`, which adds
/// `subtasks`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct TaskCheckpointStats {
    pub id: u64,
    pub status: CheckpointStatus,
    #[serde(default)]
    pub latest_ack_timestamp: Timestamp,
    #[serde(default)]
    pub checkpointed_size: Bytes,
    #[serde(default)]
    pub state_size: Bytes,
    #[serde(default)]
    pub end_to_end_duration: Millis,
    #[serde(default)]
    pub num_subtasks: u32,
    #[serde(default)]
    pub num_acknowledged_subtasks: u32,
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub subtasks: Vec<SubtaskCheckpointStats>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct SubtaskCheckpointStats {
    pub index: u32,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub ack_timestamp: Timestamp,
    #[serde(default)]
    pub end_to_end_duration: Millis,
    #[serde(default)]
    pub checkpointed_size: Bytes,
    #[serde(default)]
    pub state_size: Bytes,
}

/// `GET /jobs/{id}/checkpoints/config`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct CheckpointConfig {
    #[serde(default)]
    pub mode: String,
    #[serde(default)]
    pub interval: i64,
    #[serde(default)]
    pub timeout: i64,
    #[serde(default)]
    pub min_pause: i64,
    #[serde(default)]
    pub max_concurrent: i64,
    #[serde(default)]
    pub externalization: Option<Externalization>,
    #[serde(default)]
    pub state_backend: Option<String>,
    #[serde(default)]
    pub checkpoint_storage: Option<String>,
    #[serde(default)]
    pub unaligned_checkpoints: bool,
    #[serde(default)]
    pub tolerable_failed_checkpoints: i64,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct Externalization {
    #[serde(default)]
    pub enabled: bool,
    #[serde(default)]
    pub delete_on_cancellation: bool,
}
