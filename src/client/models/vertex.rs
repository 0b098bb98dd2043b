//! What a vertex's subtasks are doing: their I/O counters, back pressure, watermarks, and the
//! few aggregated metrics that show a job's bottleneck in its graph.
use serde::{Deserialize, Serialize};

use super::{AggregatedMetric, Metric, null_default, string_enum};

string_enum!(
    /// How back-pressured a vertex or subtask is (Flink: below 10 % ok, up to 50 % low, above high).
    BackPressureLevel {
        Ok = "ok",
        Low = "low",
        High = "high",
    }
);

/// A subtask's I/O counters since it started (`metrics` of a subtask in `/vertices/{v}`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct IoMetrics {
    /// Bytes received from other tasks (`read-bytes`).
    #[serde(default)]
    pub read_bytes: i64,
    /// Bytes sent to other tasks (`write-bytes`).
    #[serde(default)]
    pub write_bytes: i64,
    /// Records received (`read-records`).
    #[serde(default)]
    pub read_records: i64,
    /// Records sent (`write-records`).
    #[serde(default)]
    pub write_records: i64,
    /// Time spent back-pressured, ms (`accumulated-backpressured-time`).
    #[serde(default)]
    pub accumulated_backpressured_time: i64,
    /// Time spent idle, ms (`accumulated-idle-time`).
    #[serde(default)]
    pub accumulated_idle_time: i64,
    /// Time spent busy, ms (`accumulated-busy-time`, a float); `None` where Flink sends NaN.
    #[serde(default, deserialize_with = "finite")]
    pub accumulated_busy_time: Option<f64>,
}

fn finite<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Ok(Some(super::lenient_f64::deserialize(d)?).filter(|v| v.is_finite()))
}

/// `GET /jobs/{id}/vertices/{vertex}/backpressure`. Flink samples back pressure from the task
/// metrics; until it has, `status` is `deprecated` and there are no subtasks.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct VertexBackPressure {
    /// `ok` once sampled, `deprecated` before (`status`).
    #[serde(default)]
    pub status: String,
    /// The worst level of the subtasks (`backpressure-level`).
    #[serde(default)]
    pub backpressure_level: Option<BackPressureLevel>,
    /// When it was sampled (`end-timestamp`), epoch ms.
    #[serde(default)]
    pub end_timestamp: Option<i64>,
    /// Each subtask's share of time back-pressured, busy and idle (`subtasks`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub subtasks: Vec<SubtaskBackPressure>,
}

/// One subtask's back pressure; the ratios are shares of time, 0 to 1.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct SubtaskBackPressure {
    /// The subtask's index (`subtask`).
    pub subtask: u32,
    /// Its level (`backpressure-level`).
    #[serde(default, rename(deserialize = "backpressure-level"))]
    pub backpressure_level: Option<BackPressureLevel>,
    /// Share of time back-pressured (`ratio`).
    #[serde(default)]
    pub ratio: Option<f64>,
    /// Share of time busy (`busyRatio`).
    #[serde(default, rename(deserialize = "busyRatio"))]
    pub busy_ratio: Option<f64>,
    /// Share of time idle (`idleRatio`).
    #[serde(default, rename(deserialize = "idleRatio"))]
    pub idle_ratio: Option<f64>,
}

/// Flink's "no watermark yet": `Long.MIN_VALUE`, which it also sends for sources without one.
const NO_WATERMARK: f64 = -9.2e18;

/// One subtask's current input watermark, from `/vertices/{v}/watermarks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SubtaskWatermark {
    /// The subtask's index (derived from `id`, `0.currentInputWatermark`).
    pub subtask: u32,
    /// The watermark, epoch ms; `None` where the subtask has none yet (derived from `value`).
    pub watermark: Option<i64>,
}

/// The subtasks' watermarks from the metrics `/watermarks` answers with (`0.currentInputWatermark`,
/// …), in subtask order. Ids of another shape and values that are not numbers are left out.
pub fn subtask_watermarks(metrics: &[Metric]) -> Vec<SubtaskWatermark> {
    let mut found: Vec<SubtaskWatermark> = metrics
        .iter()
        .filter_map(|m| {
            let subtask = m.id.strip_suffix(".currentInputWatermark")?.parse().ok()?;
            let value: f64 = m.value.as_deref()?.trim().parse().ok()?;
            Some(SubtaskWatermark { subtask, watermark: watermark(value) })
        })
        .collect();
    found.sort_by_key(|w| w.subtask);
    found
}

fn watermark(value: f64) -> Option<i64> {
    (value.is_finite() && value > NO_WATERMARK).then_some(value as i64)
}

/// The metrics asked for a vertex in the job graph, all in one request per vertex.
pub const FLOW_METRICS: [&str; 5] =
    ["busyTimeMsPerSecond", "backPressuredTimeMsPerSecond", "numRecordsInPerSecond", "numRecordsOutPerSecond", "currentInputWatermark"];

/// The aggregations asked for with [`FLOW_METRICS`].
pub const FLOW_AGGREGATIONS: [&str; 3] = ["min", "max", "sum"];

/// What the job graph shows of a vertex: its busiest and most back-pressured subtask (ms per
/// second, as Flink's UI), its records per second, and its lowest input watermark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct VertexFlow {
    /// The busiest subtask's busy ms per second, 0–1000 (derived from `busyTimeMsPerSecond`, max).
    pub busy_max: Option<f64>,
    /// The most back-pressured subtask's ms per second, 0–1000 (derived from `backPressuredTimeMsPerSecond`, max).
    pub backpressured_max: Option<f64>,
    /// Records in per second, over all subtasks (derived from `numRecordsInPerSecond`, sum).
    pub records_in: Option<f64>,
    /// Records out per second, over all subtasks (derived from `numRecordsOutPerSecond`, sum).
    pub records_out: Option<f64>,
    /// The lowest subtask input watermark, epoch ms; `None` while any subtask has none (derived from `currentInputWatermark`, min).
    pub low_watermark: Option<i64>,
}

impl VertexFlow {
    /// From the answer to [`FLOW_METRICS`] × [`FLOW_AGGREGATIONS`]; a metric Flink left out
    /// (a vertex not yet running, a NaN) stays `None`.
    pub fn from_metrics(metrics: &[AggregatedMetric]) -> Self {
        let pick = |id: &str, agg: fn(&AggregatedMetric) -> Option<f64>| {
            metrics.iter().find(|m| m.id == id).and_then(agg).filter(|v| v.is_finite())
        };
        Self {
            busy_max: pick("busyTimeMsPerSecond", |m| m.max),
            backpressured_max: pick("backPressuredTimeMsPerSecond", |m| m.max),
            records_in: pick("numRecordsInPerSecond", |m| m.sum),
            records_out: pick("numRecordsOutPerSecond", |m| m.sum),
            low_watermark: pick("currentInputWatermark", |m| m.min).and_then(watermark),
        }
    }
}

/// A user-defined accumulator (`getRuntimeContext().getLongCounter(…)` and the like), as Flink
/// prints it: the value is already text, merged over the subtasks where the answer is per vertex.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct UserAccumulator {
    /// The name the job gave it (`name`).
    #[serde(default)]
    pub name: String,
    /// Its Java class, e.g. `LongCounter` (`type`). `kind` in Rust, where `type` is a keyword.
    #[serde(default, rename = "type")]
    pub kind: String,
    /// Its value, as Flink's `toString` (`value`).
    #[serde(default)]
    pub value: String,
}

/// `GET /jobs/{id}/vertices/{vertex}/accumulators`: the vertex's accumulators, merged over its subtasks.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct VertexAccumulators {
    /// The vertex's id (`id`).
    #[serde(default)]
    pub id: String,
    /// Its accumulators (`user-accumulators`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub user_accumulators: Vec<UserAccumulator>,
}

/// `GET /jobs/{id}/vertices/{vertex}/subtasks/accumulators`: each subtask's own accumulators.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct SubtasksAccumulators {
    /// The vertex's id (`id`).
    #[serde(default)]
    pub id: String,
    /// Its parallelism (`parallelism`).
    #[serde(default)]
    pub parallelism: u32,
    /// One entry per subtask (`subtasks`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub subtasks: Vec<SubtaskAccumulators>,
}

/// One subtask's accumulators, from its current attempt.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(deserialize = "kebab-case", serialize = "camelCase"))]
pub struct SubtaskAccumulators {
    /// The subtask's index (`subtask`).
    #[serde(default)]
    pub subtask: u32,
    /// Its attempt (`attempt`).
    #[serde(default)]
    pub attempt: u32,
    /// Where it runs, `host:port` (`endpoint`, from Flink 1.19); see [`SubtaskAccumulators::location`].
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Where it runs, the host alone (`host`, up to Flink 1.20).
    #[serde(default)]
    pub host: Option<String>,
    /// Its accumulators (`user-accumulators`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub user_accumulators: Vec<UserAccumulator>,
}

impl SubtaskAccumulators {
    /// Where the subtask runs, in whichever spelling the line sends (`endpoint`, else `host`).
    pub fn location(&self) -> Option<&str> {
        self.endpoint.as_deref().or(self.host.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(id: &str, value: &str) -> Metric {
        Metric { id: id.into(), value: Some(value.into()) }
    }

    #[test]
    fn watermarks_are_per_subtask_in_order_with_long_min_as_none() {
        let m = [
            metric("1.currentInputWatermark", "1796189891581"),
            metric("0.currentInputWatermark", "-9223372036854775808"),
            metric("2.currentInputWatermark", "not a number"),
            metric("numRecordsIn", "5"),
            Metric { id: "3.currentInputWatermark".into(), value: None },
        ];
        assert_eq!(
            subtask_watermarks(&m),
            vec![SubtaskWatermark { subtask: 0, watermark: None }, SubtaskWatermark { subtask: 1, watermark: Some(1796189891581) }]
        );
    }

    #[test]
    fn flow_picks_each_metric_by_its_aggregation() {
        let agg = |id: &str, min: f64, max: f64, sum: f64| AggregatedMetric { id: id.into(), min: Some(min), max: Some(max), avg: None, sum: Some(sum), skew: None };
        let f = VertexFlow::from_metrics(&[
            agg("busyTimeMsPerSecond", 10.0, 900.0, 1000.0),
            agg("backPressuredTimeMsPerSecond", 0.0, 50.0, 60.0),
            agg("numRecordsInPerSecond", 1.0, 2.0, 3.5),
            agg("currentInputWatermark", 1_000.0, 5_000.0, 0.0),
        ]);
        assert_eq!(
            f,
            VertexFlow { busy_max: Some(900.0), backpressured_max: Some(50.0), records_in: Some(3.5), records_out: None, low_watermark: Some(1000) }
        );
        let none = VertexFlow::from_metrics(&[agg("currentInputWatermark", -9.223372036854776e18, 5.0, 0.0), agg("busyTimeMsPerSecond", 0.0, f64::NAN, 0.0)]);
        assert_eq!((none.low_watermark, none.busy_max), (None, None));
    }
}
