use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::null_default;

/// `GET /overview`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub struct ClusterOverview {
    pub taskmanagers: u32,
    pub slots_total: u32,
    pub slots_available: u32,
    pub jobs_running: u32,
    pub jobs_finished: u32,
    pub jobs_cancelled: u32,
    pub jobs_failed: u32,
    #[serde(default)]
    pub flink_version: String,
    #[serde(default)]
    pub flink_commit: String,
}

/// `GET /config`: what the web UI is told about the cluster.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub struct DashboardConfig {
    pub refresh_interval: u32,
    #[serde(default)]
    pub timezone_name: String,
    #[serde(default)]
    pub timezone_offset: i64,
    #[serde(default)]
    pub flink_version: String,
    #[serde(default)]
    pub flink_revision: String,
    #[serde(default)]
    pub features: DashboardFeatures,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case", default)]
pub struct DashboardFeatures {
    pub web_submit: bool,
    pub web_cancel: bool,
    pub web_rescale: bool,
    pub web_history: bool,
}

/// One entry of `/jobmanager/config` (and a job's jobmanager config).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct ConfigEntry {
    pub key: String,
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub value: String,
}

/// `GET /jobmanager/logs`, `/taskmanagers/{id}/logs`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct LogList {
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub logs: Vec<LogFile>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct LogFile {
    pub name: String,
    #[serde(default)]
    pub size: i64,
    #[serde(default)]
    pub mtime: i64,
}

/// `GET /jobmanager/thread-dump`, `/taskmanagers/{id}/thread-dump`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ThreadDump {
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub thread_infos: Vec<ThreadInfo>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ThreadInfo {
    pub thread_name: String,
    #[serde(default)]
    pub stringified_thread_info: String,
}

/// One metric of a `get=` query; without `get=` Flink lists the ids only (`value` is `None`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct Metric {
    pub id: String,
    #[serde(default)]
    pub value: Option<String>,
}

/// One metric aggregated over jobs, task managers or subtasks (`agg=min,max,avg,sum,skew`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct AggregatedMetric {
    pub id: String,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub avg: Option<f64>,
    #[serde(default)]
    pub sum: Option<f64>,
    #[serde(default)]
    pub skew: Option<f64>,
}

/// `GET /taskmanagers`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
pub struct TaskManagers {
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub taskmanagers: Vec<TaskManagerInfo>,
}

/// A task manager in `/taskmanagers` and `/taskmanagers/{id}` (the details add metrics we skip).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TaskManagerInfo {
    pub id: String,
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub data_port: i64,
    #[serde(default)]
    pub time_since_last_heartbeat: i64,
    #[serde(default)]
    pub slots_number: u32,
    #[serde(default)]
    pub free_slots: u32,
    #[serde(default)]
    pub hardware: Option<Hardware>,
    #[serde(default)]
    pub memory_configuration: BTreeMap<String, f64>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Hardware {
    #[serde(default)]
    pub cpu_cores: u32,
    #[serde(default)]
    pub physical_memory: i64,
    #[serde(default)]
    pub free_memory: i64,
    #[serde(default)]
    pub managed_memory: i64,
}
