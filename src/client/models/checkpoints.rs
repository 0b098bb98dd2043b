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
#[serde(rename_all(serialize = "camelCase"))]
pub struct CheckpointingStatistics {
    /// Checkpoint counts by outcome (`counts`).
    pub counts: CheckpointCounts,
    /// Size and duration statistics over completed checkpoints (`summary`).
    #[serde(default)]
    pub summary: CheckpointSummary,
    /// The latest checkpoint of each kind (`latest`).
    #[serde(default)]
    pub latest: LatestCheckpoints,
    /// Recent checkpoints, newest first (`history`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub history: Vec<CheckpointStats>,
}

/// How many checkpoints there were, by outcome (`counts`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(default)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct CheckpointCounts {
    /// How often the job restored from a checkpoint (`restored`).
    pub restored: u64,
    /// Checkpoints triggered (`total`).
    pub total: u64,
    /// Checkpoints in progress (`in_progress`).
    pub in_progress: u64,
    /// Completed checkpoints (`completed`).
    pub completed: u64,
    /// Failed checkpoints (`failed`).
    pub failed: u64,
}

/// Statistics over the completed checkpoints (`summary`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(default)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct CheckpointSummary {
    /// Bytes persisted per checkpoint (`checkpointed_size`).
    pub checkpointed_size: Option<StatsSummary>,
    /// Full state size per checkpoint, bytes (`state_size`).
    pub state_size: Option<StatsSummary>,
    /// Trigger to last acknowledgement, ms (`end_to_end_duration`).
    pub end_to_end_duration: Option<StatsSummary>,
    /// In-flight bytes processed during alignment (`processed_data`).
    pub processed_data: Option<StatsSummary>,
    /// In-flight bytes persisted by unaligned checkpoints (`persisted_data`).
    pub persisted_data: Option<StatsSummary>,
}

/// Min/max/avg/percentiles; Flink sends `"NaN"` for percentiles it has no data for.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct StatsSummary {
    /// Minimum (`min`).
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub min: f64,
    /// Maximum (`max`).
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub max: f64,
    /// Average (`avg`).
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub avg: f64,
    /// Median (`p50`).
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub p50: f64,
    /// 90th percentile (`p90`).
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub p90: f64,
    /// 95th percentile (`p95`).
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub p95: f64,
    /// 99th percentile (`p99`).
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub p99: f64,
    /// 99.9th percentile (`p999`).
    #[serde(default, deserialize_with = "lenient_f64::deserialize")]
    pub p999: f64,
}

/// The most recent checkpoint of each kind (`latest`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(default)]
#[serde(rename_all(serialize = "camelCase"))]
pub struct LatestCheckpoints {
    /// The latest completed checkpoint (`completed`).
    pub completed: Option<CheckpointStats>,
    /// The latest savepoint (`savepoint`).
    pub savepoint: Option<CheckpointStats>,
    /// The latest failed checkpoint (`failed`).
    pub failed: Option<CheckpointStats>,
    /// The checkpoint the job last restored from (`restored`).
    pub restored: Option<RestoredCheckpoint>,
}

/// One checkpoint in the history or as `latest` (completed, failed or in progress: the fields
/// that do not apply are `None`). Also `GET /jobs/{id}/checkpoints/details/{cp}`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct CheckpointStats {
    /// The checkpoint's id (`id`).
    pub id: u64,
    /// In progress, completed or failed (`status`).
    pub status: CheckpointStatus,
    /// Whether it is a savepoint (`is_savepoint`).
    #[serde(default)]
    pub is_savepoint: bool,
    /// The savepoint's format (`savepointFormat`); `None` for checkpoints.
    #[serde(default, rename = "savepointFormat")]
    pub savepoint_format: Option<SavepointFormat>,
    /// `CHECKPOINT`, `SAVEPOINT`, `SYNC_SAVEPOINT`, … (`checkpoint_type`).
    #[serde(default)]
    pub checkpoint_type: Option<String>,
    /// When it was triggered (`trigger_timestamp`), epoch ms.
    #[serde(default)]
    pub trigger_timestamp: Timestamp,
    /// When the last subtask acknowledged (`latest_ack_timestamp`), epoch ms.
    #[serde(default)]
    pub latest_ack_timestamp: Timestamp,
    /// Bytes this checkpoint persisted (`checkpointed_size`).
    #[serde(default)]
    pub checkpointed_size: Bytes,
    /// Full state size, bytes (`state_size`).
    #[serde(default)]
    pub state_size: Bytes,
    /// Trigger to last acknowledgement, ms (`end_to_end_duration`).
    #[serde(default)]
    pub end_to_end_duration: Millis,
    /// Subtasks taking part (`num_subtasks`).
    #[serde(default)]
    pub num_subtasks: u32,
    /// Subtasks that acknowledged (`num_acknowledged_subtasks`).
    #[serde(default)]
    pub num_acknowledged_subtasks: u32,
    /// Where a completed checkpoint is stored (`external_path`).
    #[serde(default)]
    pub external_path: Option<String>,
    /// Whether a completed checkpoint was discarded (`discarded`).
    #[serde(default)]
    pub discarded: bool,
    /// When it failed (`failure_timestamp`), epoch ms.
    #[serde(default)]
    pub failure_timestamp: Timestamp,
    /// Why it failed (`failure_message`).
    #[serde(default)]
    pub failure_message: Option<String>,
    /// Per-vertex statistics (`tasks`): filled by the details endpoint, empty in the history.
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub tasks: BTreeMap<VertexId, TaskCheckpointStats>,
}

/// The checkpoint or savepoint the job last restored from (`restored`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct RestoredCheckpoint {
    /// The checkpoint's id (`id`).
    pub id: u64,
    /// When the job restored from it (`restore_timestamp`), epoch ms.
    #[serde(default)]
    pub restore_timestamp: Timestamp,
    /// Whether it is a savepoint (`is_savepoint`).
    #[serde(default)]
    pub is_savepoint: bool,
    /// Where it is stored (`external_path`).
    #[serde(default)]
    pub external_path: Option<String>,
}

/// A vertex's part of one checkpoint (also `…/details/{cp}/subtasks/{vertex}`, which adds
/// `subtasks`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct TaskCheckpointStats {
    /// The checkpoint's id (`id`).
    pub id: u64,
    /// The checkpoint's status (`status`).
    pub status: CheckpointStatus,
    /// When the vertex's last subtask acknowledged (`latest_ack_timestamp`), epoch ms.
    #[serde(default)]
    pub latest_ack_timestamp: Timestamp,
    /// Bytes the vertex persisted (`checkpointed_size`).
    #[serde(default)]
    pub checkpointed_size: Bytes,
    /// The vertex's full state size, bytes (`state_size`).
    #[serde(default)]
    pub state_size: Bytes,
    /// Trigger to the vertex's last acknowledgement, ms (`end_to_end_duration`).
    #[serde(default)]
    pub end_to_end_duration: Millis,
    /// The vertex's subtasks (`num_subtasks`).
    #[serde(default)]
    pub num_subtasks: u32,
    /// Its subtasks that acknowledged (`num_acknowledged_subtasks`).
    #[serde(default)]
    pub num_acknowledged_subtasks: u32,
    /// Per-subtask statistics (`subtasks`): only from the subtask details endpoint.
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub subtasks: Vec<SubtaskCheckpointStats>,
}

/// One subtask's part of a checkpoint.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct SubtaskCheckpointStats {
    /// The subtask's index (`index`).
    pub index: u32,
    /// `completed` or `pending_or_failed` (`status`).
    #[serde(default)]
    pub status: String,
    /// When it acknowledged (`ack_timestamp`), epoch ms.
    #[serde(default)]
    pub ack_timestamp: Timestamp,
    /// Trigger to its acknowledgement, ms (`end_to_end_duration`).
    #[serde(default)]
    pub end_to_end_duration: Millis,
    /// Bytes it persisted (`checkpointed_size`).
    #[serde(default)]
    pub checkpointed_size: Bytes,
    /// Its full state size, bytes (`state_size`).
    #[serde(default)]
    pub state_size: Bytes,
    /// How long its synchronous and asynchronous parts took (`checkpoint`).
    #[serde(default)]
    pub checkpoint: Option<SubtaskCheckpointDuration>,
    /// How long it aligned its inputs and what it buffered meanwhile (`alignment`).
    #[serde(default)]
    pub alignment: Option<SubtaskAlignment>,
    /// Trigger to the barrier reaching it, ms (`start_delay`).
    #[serde(default)]
    pub start_delay: Millis,
    /// Whether it took an unaligned checkpoint (`unaligned_checkpoint`).
    #[serde(default)]
    pub unaligned_checkpoint: bool,
}

/// A subtask's checkpoint time, split as Flink measures it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct SubtaskCheckpointDuration {
    /// The synchronous part, ms (`sync`).
    #[serde(default)]
    pub sync: Millis,
    /// The asynchronous part (uploading state), ms (`async`).
    #[serde(default)]
    pub r#async: Millis,
}

/// A subtask's barrier alignment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct SubtaskAlignment {
    /// Bytes buffered while aligning (`buffered`).
    #[serde(default)]
    pub buffered: Bytes,
    /// In-flight bytes processed while aligning (`processed`).
    #[serde(default)]
    pub processed: Bytes,
    /// In-flight bytes persisted with an unaligned checkpoint (`persisted`).
    #[serde(default)]
    pub persisted: Bytes,
    /// How long it aligned, ms (`duration`).
    #[serde(default)]
    pub duration: Millis,
}

/// `GET /jobs/{id}/checkpoints/config`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct CheckpointConfig {
    /// `exactly_once` or `at_least_once` (`mode`).
    #[serde(default)]
    pub mode: String,
    /// Checkpoint interval, ms (`interval`).
    #[serde(default)]
    pub interval: i64,
    /// Checkpoint timeout, ms (`timeout`).
    #[serde(default)]
    pub timeout: i64,
    /// Least pause between two checkpoints, ms (`min_pause`).
    #[serde(default)]
    pub min_pause: i64,
    /// Most checkpoints in flight at once (`max_concurrent`).
    #[serde(default)]
    pub max_concurrent: i64,
    /// Whether checkpoints are retained (`externalization`).
    #[serde(default)]
    pub externalization: Option<Externalization>,
    /// The state backend, e.g. `HashMapStateBackend` (`state_backend`).
    #[serde(default)]
    pub state_backend: Option<String>,
    /// The checkpoint storage, e.g. `FileSystemCheckpointStorage` (`checkpoint_storage`).
    #[serde(default)]
    pub checkpoint_storage: Option<String>,
    /// Whether unaligned checkpoints are on (`unaligned_checkpoints`).
    #[serde(default)]
    pub unaligned_checkpoints: bool,
    /// Failed checkpoints tolerated before the job fails (`tolerable_failed_checkpoints`).
    #[serde(default)]
    pub tolerable_failed_checkpoints: i64,
}

/// The retention of completed checkpoints (`externalization`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct Externalization {
    /// Whether completed checkpoints are retained (`enabled`).
    #[serde(default)]
    pub enabled: bool,
    /// Whether they are deleted when the job is cancelled (`delete_on_cancellation`).
    #[serde(default)]
    pub delete_on_cancellation: bool,
}
