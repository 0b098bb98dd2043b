//! The checkpoints tab's summary: min, average, max and percentiles over the completed
//! checkpoints Flink keeps statistics of, as its `summary` gives them.
use leptos::prelude::*;

use crate::app::components::{cell, table_head};
use crate::app::format;
use crate::client::{CheckpointSummary, StatsSummary};

const COLUMNS: &[(&str, bool)] =
    &[("", false), ("Min", true), ("Average", true), ("Max", true), ("p50", true), ("p90", true), ("p99", true), ("p99.9", true)];

/// How a row's numbers read.
#[derive(Clone, Copy)]
enum Unit {
    Ms,
    Bytes,
}

/// A number of the summary as people read it; `–` where Flink has none (NaN, fewer
/// checkpoints than the percentile needs).
fn show(value: f64, unit: Unit) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    let n = value.round() as i64;
    match unit {
        Unit::Ms => format::duration(n.into()),
        Unit::Bytes => format::bytes(n.into()),
    }
}

/// The rows of the summary: the figure's name and its eight cells (without the name).
pub fn summary_rows(summary: &CheckpointSummary) -> Vec<(&'static str, [String; 7])> {
    let rows: [(&str, &Option<StatsSummary>, Unit); 5] = [
        ("End-to-end duration", &summary.end_to_end_duration, Unit::Ms),
        ("Checkpointed size", &summary.checkpointed_size, Unit::Bytes),
        ("Full size", &summary.state_size, Unit::Bytes),
        ("Processed in-flight data", &summary.processed_data, Unit::Bytes),
        ("Persisted in-flight data", &summary.persisted_data, Unit::Bytes),
    ];
    rows.into_iter()
        .filter_map(|(label, stats, unit)| {
            let s = stats.as_ref()?;
            Some((label, [s.min, s.avg, s.max, s.p50, s.p90, s.p99, s.p999].map(|v| show(v, unit))))
        })
        .collect()
}

#[component]
pub fn Summary(summary: CheckpointSummary) -> impl IntoView {
    let rows = summary_rows(&summary);
    if rows.is_empty() {
        return view! { <p class="empty">"No completed checkpoints to summarize yet."</p> }.into_any();
    }
    view! {
        <table class="summary" aria-label="Checkpoint summary">
            {table_head(COLUMNS)}
            <tbody>
                {rows.into_iter().map(|(label, cells)| view! {
                    <tr><th scope="row">{label}</th>{cells.map(|c| cell(c, "num")).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_reads_durations_and_sizes_and_dashes_where_flink_has_no_figure() {
        let stats = |v: f64| StatsSummary { min: v, max: v, avg: v, p50: f64::NAN, p90: v, p95: v, p99: v, p999: v };
        let summary = CheckpointSummary { end_to_end_duration: Some(stats(65_000.4)), checkpointed_size: Some(stats(2048.0)), ..Default::default() };
        let rows = summary_rows(&summary);
        assert_eq!(rows.len(), 2, "only what Flink sent");
        assert_eq!(rows[0].0, "End-to-end duration");
        assert_eq!(rows[0].1[0], "1m 5s");
        assert_eq!(rows[0].1[3], "–", "NaN percentile");
        assert_eq!((rows[1].0, rows[1].1[2].as_str()), ("Checkpointed size", "2.0 KB"));
        assert!(summary_rows(&CheckpointSummary::default()).is_empty());
    }
}
