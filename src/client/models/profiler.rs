//! The profiler of the job manager and the task managers (Flink 1.19 and later, with
//! `rest.profiling.enabled: true`): async-profiler runs for a while and leaves an HTML flame
//! graph in the process's log directory.
use serde::{Deserialize, Serialize};

use super::{Timestamp, null_default, string_enum};

string_enum!(
    /// What the profiler samples.
    ProfilingMode {
        Itimer = "ITIMER",
        Cpu = "CPU",
        Wall = "WALL",
        Alloc = "ALLOC",
        Lock = "LOCK",
    }
);

string_enum!(
    /// Where a profiling run is.
    ProfilingStatus {
        Running = "RUNNING",
        Finished = "FINISHED",
        Failed = "FAILED",
    }
);

impl ProfilingMode {
    /// What the mode samples, for people choosing one.
    pub fn describe(&self) -> &'static str {
        match self {
            Self::Itimer => "CPU time by interval timer (works without perf events)",
            Self::Cpu => "CPU time by perf events",
            Self::Wall => "wall-clock time of every thread, running or waiting",
            Self::Alloc => "heap allocations",
            Self::Lock => "lock contention",
            Self::Other(_) => "",
        }
    }
}

/// `GET /jobmanager/profiler`, `/taskmanagers/{id}/profiler`: the runs Flink keeps, newest first.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProfilingList {
    /// The runs (`profilingList`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub profiling_list: Vec<ProfilingInfo>,
}

/// One profiling run, as `POST …/profiler` starts it and the list reports it.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProfilingInfo {
    /// Running, finished or failed (`status`).
    pub status: ProfilingStatus,
    /// What it samples (`mode`).
    pub mode: ProfilingMode,
    /// When it started (`triggerTime`), epoch ms.
    #[serde(default)]
    pub trigger_time: Timestamp,
    /// When it ended (`finishedTime`), epoch ms; `None` while running.
    #[serde(default)]
    pub finished_time: Timestamp,
    /// How long it samples, seconds (`duration`).
    #[serde(default)]
    pub duration: i64,
    /// Flink's word on the outcome, e.g. why it failed (`message`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub message: String,
    /// The flame graph's file name once finished (`outputFile`).
    #[serde(default)]
    pub output_file: Option<String>,
}
