use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::null_default;

/// `GET /overview`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct ClusterOverview {
    /// Registered task managers (`taskmanagers`).
    pub taskmanagers: u32,
    /// Task slots in all (`slots-total`).
    pub slots_total: u32,
    /// Free task slots (`slots-available`).
    pub slots_available: u32,
    /// Running jobs (`jobs-running`).
    pub jobs_running: u32,
    /// Finished jobs (`jobs-finished`).
    pub jobs_finished: u32,
    /// Cancelled jobs (`jobs-cancelled`).
    pub jobs_cancelled: u32,
    /// Failed jobs (`jobs-failed`).
    pub jobs_failed: u32,
    /// Flink's version (`flink-version`).
    #[serde(default)]
    pub flink_version: String,
    /// The commit Flink was built from (`flink-commit`).
    #[serde(default)]
    pub flink_commit: String,
}

/// `GET /config`: what the web UI is told about the cluster.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct DashboardConfig {
    /// How often the web UI refreshes, ms (`refresh-interval`).
    pub refresh_interval: u32,
    /// The JobManager's time zone (`timezone-name`).
    #[serde(default)]
    pub timezone_name: String,
    /// That time zone's offset from UTC, ms (`timezone-offset`).
    #[serde(default)]
    pub timezone_offset: i64,
    /// Flink's version (`flink-version`).
    #[serde(default)]
    pub flink_version: String,
    /// The commit and build date (`flink-revision`).
    #[serde(default)]
    pub flink_revision: String,
    /// Which web UI features are on (`features`).
    #[serde(default)]
    pub features: DashboardFeatures,
}

/// The web UI features the cluster allows (`features`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"), default)]
pub struct DashboardFeatures {
    /// Uploading and running jars (`web-submit`).
    pub web_submit: bool,
    /// Cancelling jobs (`web-cancel`).
    pub web_cancel: bool,
    /// Rescaling jobs (`web-rescale`).
    pub web_rescale: bool,
    /// Served by the history server (`web-history`).
    pub web_history: bool,
}

/// One entry of `/jobmanager/config` (and a job's jobmanager config).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct ConfigEntry {
    /// The option's key (`key`).
    pub key: String,
    /// Its value (`value`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub value: String,
}

/// `GET /jobmanager/environment`: the JobManager's JVM and classpath.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct Environment {
    /// The JVM (`jvm`).
    pub jvm: JvmInfo,
    /// Each classpath entry, in order (`classpath`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub classpath: Vec<String>,
}

/// The JVM a Flink process runs in.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct JvmInfo {
    /// Vendor, name and version, as one text (`version`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub version: String,
    /// The processor architecture (`arch`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub arch: String,
    /// The JVM's options, in order (`options`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub options: Vec<String>,
}

/// `GET /jobmanager/logs`, `/taskmanagers/{id}/logs`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct LogList {
    /// The log files (`logs`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub logs: Vec<LogFile>,
}

/// A log file of the JobManager or a task manager.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct LogFile {
    /// The file name (`name`).
    pub name: String,
    /// Size, bytes (`size`).
    #[serde(default)]
    pub size: i64,
    /// When it was last modified (`mtime`), epoch ms.
    #[serde(default)]
    pub mtime: i64,
}

/// `GET /jobmanager/thread-dump`, `/taskmanagers/{id}/thread-dump`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ThreadDump {
    /// One entry per thread (`threadInfos`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub thread_infos: Vec<ThreadInfo>,
}

/// One thread of a thread dump.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ThreadInfo {
    /// The thread's name (`threadName`).
    pub thread_name: String,
    /// Its state and stack as Java prints them (`stringifiedThreadInfo`).
    #[serde(default)]
    pub stringified_thread_info: String,
}

/// One metric of a `get=` query; without `get=` Flink lists the ids only (`value` is `None`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct Metric {
    /// The metric's name (`id`).
    pub id: String,
    /// Its value as text (`value`); `None` without `get=`.
    #[serde(default)]
    pub value: Option<String>,
}

/// One metric aggregated over jobs, task managers or subtasks (`agg=min,max,avg,sum,skew`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct AggregatedMetric {
    /// The metric's name (`id`).
    pub id: String,
    /// Minimum (`min`), if asked for.
    #[serde(default)]
    pub min: Option<f64>,
    /// Maximum (`max`), if asked for.
    #[serde(default)]
    pub max: Option<f64>,
    /// Average (`avg`), if asked for.
    #[serde(default)]
    pub avg: Option<f64>,
    /// Sum (`sum`), if asked for.
    #[serde(default)]
    pub sum: Option<f64>,
    /// Skew (`skew`), if asked for.
    #[serde(default)]
    pub skew: Option<f64>,
}

/// `GET /taskmanagers`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct TaskManagers {
    /// The registered task managers (`taskmanagers`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub taskmanagers: Vec<TaskManagerInfo>,
}

/// A task manager in `/taskmanagers` and `/taskmanagers/{id}`; only the details fill
/// `allocated_slots` and `metrics`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TaskManagerInfo {
    /// The resource id (`id`).
    pub id: String,
    /// The RPC address (`path`).
    #[serde(default)]
    pub path: String,
    /// The port for data exchange (`dataPort`).
    #[serde(default)]
    pub data_port: i64,
    /// When the last heartbeat came (`timeSinceLastHeartbeat`), epoch ms despite the name.
    #[serde(default)]
    pub time_since_last_heartbeat: i64,
    /// Task slots (`slotsNumber`).
    #[serde(default)]
    pub slots_number: u32,
    /// Free task slots (`freeSlots`).
    #[serde(default)]
    pub free_slots: u32,
    /// The machine's CPUs and memory (`hardware`).
    #[serde(default)]
    pub hardware: Option<Hardware>,
    /// Configured memory by component, bytes (`memoryConfiguration`).
    #[serde(default)]
    pub memory_configuration: BTreeMap<String, f64>,
    /// The slots given to jobs (`allocatedSlots`); details only.
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub allocated_slots: Vec<AllocatedSlot>,
    /// The JVM's memory, buffers, network segments and garbage collectors (`metrics`); details only.
    #[serde(default)]
    pub metrics: Option<Box<TaskManagerMetrics>>,
}

/// A slot a job holds on a task manager.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AllocatedSlot {
    /// The job holding it (`jobId`).
    pub job_id: String,
    /// Tasks running in it (`assignedTasks`), from Flink 2.3 on; 0 before.
    #[serde(default)]
    pub assigned_tasks: u32,
}

/// A task manager's JVM and network memory as its details report them, bytes unless named a count.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", default)]
pub struct TaskManagerMetrics {
    /// Heap in use (`heapUsed`).
    pub heap_used: i64,
    /// Heap committed (`heapCommitted`).
    pub heap_committed: i64,
    /// Heap at most (`heapMax`).
    pub heap_max: i64,
    /// Non-heap in use (`nonHeapUsed`).
    pub non_heap_used: i64,
    /// Non-heap committed (`nonHeapCommitted`).
    pub non_heap_committed: i64,
    /// Non-heap at most (`nonHeapMax`).
    pub non_heap_max: i64,
    /// Direct buffers, a count (`directCount`).
    pub direct_count: i64,
    /// Direct buffer memory in use (`directUsed`).
    pub direct_used: i64,
    /// Direct buffer capacity (`directMax`).
    pub direct_max: i64,
    /// Mapped buffers, a count (`mappedCount`).
    pub mapped_count: i64,
    /// Mapped buffer memory in use (`mappedUsed`).
    pub mapped_used: i64,
    /// Mapped buffer capacity (`mappedMax`).
    pub mapped_max: i64,
    /// Network buffer segments free, a count (`nettyShuffleMemorySegmentsAvailable`).
    pub netty_shuffle_memory_segments_available: i64,
    /// Network buffer segments in use, a count (`nettyShuffleMemorySegmentsUsed`).
    pub netty_shuffle_memory_segments_used: i64,
    /// Network buffer segments in all, a count (`nettyShuffleMemorySegmentsTotal`).
    pub netty_shuffle_memory_segments_total: i64,
    /// Network memory free (`nettyShuffleMemoryAvailable`).
    pub netty_shuffle_memory_available: i64,
    /// Network memory in use (`nettyShuffleMemoryUsed`).
    pub netty_shuffle_memory_used: i64,
    /// Network memory in all (`nettyShuffleMemoryTotal`).
    pub netty_shuffle_memory_total: i64,
    /// Each garbage collector, and `All` of them (`garbageCollectors`).
    #[serde(deserialize_with = "null_default::deserialize")]
    pub garbage_collectors: Vec<GarbageCollector>,
}

/// One garbage collector's runs since the JVM started.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GarbageCollector {
    /// The collector, e.g. `G1_Young_Generation` (`name`).
    pub name: String,
    /// Collections (`count`).
    #[serde(default)]
    pub count: i64,
    /// Time spent collecting, ms (`time`).
    #[serde(default)]
    pub time: i64,
}

/// A task manager's CPUs and memory (`hardware`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Hardware {
    /// CPU cores (`cpuCores`).
    #[serde(default)]
    pub cpu_cores: u32,
    /// Physical memory, bytes (`physicalMemory`).
    #[serde(default)]
    pub physical_memory: i64,
    /// The JVM's heap size, bytes (`freeMemory`), despite the name.
    #[serde(default)]
    pub free_memory: i64,
    /// Managed memory, bytes (`managedMemory`).
    #[serde(default)]
    pub managed_memory: i64,
}
