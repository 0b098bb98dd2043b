//! Checkpoint duration and size over the history: points are a pure function of the history
//! (unit-tested), drawn as two small inline SVG line charts.
use leptos::prelude::*;

use crate::app::format;
use crate::client::CheckpointStats;

pub const WIDTH: f64 = 420.0;
pub const HEIGHT: f64 = 120.0;

/// One checkpoint's value; `None` where Flink has none (failed, in progress).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    pub id: u64,
    pub value: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub id: u64,
    pub value: f64,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub points: Vec<Point>,
    /// The largest value: the top of the chart.
    pub max: f64,
}

/// End-to-end durations (ms), oldest checkpoint first.
pub fn duration_samples(history: &[CheckpointStats]) -> Vec<Sample> {
    samples(history, |c| c.end_to_end_duration.get())
}

/// Checkpointed sizes (bytes), oldest checkpoint first.
pub fn size_samples(history: &[CheckpointStats]) -> Vec<Sample> {
    samples(history, |c| c.checkpointed_size.get())
}

fn samples(history: &[CheckpointStats], value: impl Fn(&CheckpointStats) -> Option<i64>) -> Vec<Sample> {
    let mut out: Vec<Sample> = history.iter().map(|c| Sample { id: c.id, value: value(c).map(|v| v as f64) }).collect();
    out.sort_by_key(|s| s.id);
    out
}

/// Places samples in a `width` × `height` box: x by position in the history (a sample without
/// a value keeps its slot, so both charts line up), y from 0 at the bottom to the largest value
/// at the top. Missing, NaN, infinite and negative values get no point.
pub fn series(samples: &[Sample], width: f64, height: f64) -> Series {
    let valid = |s: &Sample| s.value.filter(|v| v.is_finite() && *v >= 0.0);
    let max = samples.iter().filter_map(valid).fold(0.0, f64::max);
    let step = if samples.len() > 1 { width / (samples.len() - 1) as f64 } else { 0.0 };
    let points = samples
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let value = valid(s)?;
            let x = if samples.len() > 1 { i as f64 * step } else { width / 2.0 };
            let y = if max > 0.0 { height - value / max * height } else { height };
            Some(Point { id: s.id, value, x, y })
        })
        .collect();
    Series { points, max }
}

/// The two charts, or a note when there is nothing to draw.
#[component]
pub fn CheckpointChart(history: Vec<CheckpointStats>) -> impl IntoView {
    if history.is_empty() {
        return view! { <p class="empty">"No checkpoints in the history yet."</p> }.into_any();
    }
    let durations = series(&duration_samples(&history), WIDTH, HEIGHT);
    let sizes = series(&size_samples(&history), WIDTH, HEIGHT);
    view! {
        <div class="checkpoint-charts">
            <LineChart title="End-to-end duration" series=durations unit=|v| format::duration((v as i64).into()) />
            <LineChart title="Checkpointed data size" series=sizes unit=|v| format::bytes((v as i64).into()) />
        </div>
    }
    .into_any()
}

#[component]
fn LineChart(title: &'static str, series: Series, unit: fn(f64) -> String) -> impl IntoView {
    let line: Vec<String> = series.points.iter().map(|p| format!("{:.1},{:.1}", p.x, p.y)).collect();
    let (first, last) = (series.points.first().map(|p| p.id), series.points.last().map(|p| p.id));
    let label = format!("{title} of the last {} checkpoints, up to {}", series.points.len(), unit(series.max));
    view! {
        <figure class="chart">
            <figcaption>{title}</figcaption>
            <svg viewBox=format!("-50 -12 {} {}", WIDTH + 62.0, HEIGHT + 34.0) role="img" aria-label=label>
                <line class="axis" x1="0" y1=HEIGHT x2=WIDTH y2=HEIGHT />
                <line class="axis" x1="0" y1="0" x2="0" y2=HEIGHT />
                <text class="tick" x="-6" y="4" text-anchor="end">{unit(series.max)}</text>
                <text class="tick" x="-6" y=HEIGHT + 4.0 text-anchor="end">{unit(0.0)}</text>
                {first.map(|id| view! { <text class="tick" x="0" y=HEIGHT + 18.0>{format!("#{id}")}</text> })}
                {last.filter(|l| Some(*l) != first).map(|id| view! {
                    <text class="tick" x=WIDTH y=HEIGHT + 18.0 text-anchor="end">{format!("#{id}")}</text>
                })}
                <polyline points=line.join(" ") />
                {series.points.into_iter().map(|p| view! {
                    <circle cx=p.x cy=p.y r="3"><title>{format!("Checkpoint {}: {}", p.id, unit(p.value))}</title></circle>
                }).collect_view()}
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: u64, value: Option<f64>) -> Sample {
        Sample { id, value }
    }

    #[test]
    fn points_spread_over_the_width_and_scale_to_the_largest_value() {
        let out = series(&[s(1, Some(10.0)), s(2, Some(20.0)), s(3, Some(5.0))], 100.0, 50.0);
        assert_eq!(out.max, 20.0);
        let xy: Vec<(f64, f64)> = out.points.iter().map(|p| (p.x, p.y)).collect();
        assert_eq!(xy, vec![(0.0, 25.0), (50.0, 0.0), (100.0, 37.5)]);
    }

    #[test]
    fn an_empty_history_has_no_points() {
        assert_eq!(series(&[], 100.0, 50.0), Series { points: vec![], max: 0.0 });
    }

    #[test]
    fn missing_and_nan_values_keep_their_slot_but_get_no_point() {
        let out = series(&[s(1, Some(4.0)), s(2, None), s(3, Some(f64::NAN)), s(4, Some(f64::INFINITY)), s(5, Some(2.0))], 100.0, 10.0);
        let ids: Vec<u64> = out.points.iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![1, 5]);
        assert_eq!(out.points[1].x, 100.0);
        assert_eq!(out.max, 4.0);
    }

    #[test]
    fn one_sample_sits_in_the_middle_and_zeros_on_the_baseline() {
        let out = series(&[s(7, Some(0.0))], 100.0, 10.0);
        assert_eq!((out.points[0].x, out.points[0].y), (50.0, 10.0));
    }

    #[test]
    fn samples_come_oldest_first_whatever_the_history_order() {
        let history: Vec<CheckpointStats> = serde_json::from_str(
            r#"[{"id":9,"status":"COMPLETED","end_to_end_duration":30,"checkpointed_size":-1},
                {"id":8,"status":"FAILED","end_to_end_duration":12,"checkpointed_size":2048}]"#,
        )
        .unwrap();
        assert_eq!(duration_samples(&history), vec![s(8, Some(12.0)), s(9, Some(30.0))]);
        assert_eq!(size_samples(&history), vec![s(8, Some(2048.0)), s(9, None)]);
    }
}
