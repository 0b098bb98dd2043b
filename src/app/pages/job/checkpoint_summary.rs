//! The checkpoints tab's summary: min, average, max and percentiles over the completed
//! checkpoints Flink keeps statistics of, as its `summary` gives them; and the same split by
//! checkpoint type, which Flink's summary does not do, over the history Flink keeps.
use leptos::prelude::*;

use crate::app::components::{cell, table_head};
use crate::app::format;
use crate::client::{CheckpointStats, CheckpointStatus, CheckpointSummary, StatsSummary};

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
    figure_table("summary", "Checkpoint summary", None, COLUMNS, rows.into_iter().map(|(label, cells)| (label.to_string(), cells)).collect())
}

/// A table of named rows of seven figures, as both summaries show them.
fn figure_table(
    class: &'static str,
    label: &'static str,
    caption: Option<String>,
    columns: &'static [(&'static str, bool)],
    rows: Vec<KindRow>,
) -> AnyView {
    view! {
        <table class=class aria-label=label>
            {caption.map(|c| view! { <caption>{c}</caption> })}
            {table_head(columns)}
            <tbody>
                {rows.into_iter().map(|(label, cells)| view! {
                    <tr><th scope="row">{label}</th>{cells.map(|c| cell(c, "num")).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

const KIND_COLUMNS: &[(&str, bool)] = &[
    ("Type", false),
    ("Completed", true),
    ("Failed", true),
    ("Min duration", true),
    ("Average duration", true),
    ("Max duration", true),
    ("Average size", true),
    ("Max size", true),
];

/// How a checkpoint type reads; a type a later line may add keeps Flink's name.
fn kind_label(kind: &str) -> String {
    match kind {
        "CHECKPOINT" => "Checkpoint".into(),
        "UNALIGNED_CHECKPOINT" => "Unaligned checkpoint".into(),
        "SAVEPOINT" => "Savepoint".into(),
        "SYNC_SAVEPOINT" => "Savepoint on stop".into(),
        other => other.into(),
    }
}

/// One checkpoint type of the history: its label, then completed and failed counts, min /
/// average / max end-to-end duration and average / max checkpointed size of the completed ones.
pub type KindRow = (String, [String; 7]);

/// The history split by checkpoint type, in Flink's order of types. Flink's `summary` mixes
/// savepoints with checkpoints; a slow savepoint looks like a slow checkpoint there.
pub fn by_kind(history: &[CheckpointStats]) -> Vec<KindRow> {
    let kind_of = |c: &CheckpointStats| {
        c.checkpoint_type.clone().unwrap_or_else(|| if c.is_savepoint { "SAVEPOINT" } else { "CHECKPOINT" }.into())
    };
    let order = |k: &str| ["CHECKPOINT", "UNALIGNED_CHECKPOINT", "SAVEPOINT", "SYNC_SAVEPOINT"].iter().position(|o| *o == k).unwrap_or(usize::MAX);
    let mut kinds: Vec<String> = history.iter().map(kind_of).collect();
    kinds.sort_by(|a, b| order(a).cmp(&order(b)).then(a.cmp(b)));
    kinds.dedup();
    kinds
        .into_iter()
        .map(|kind| {
            let of_kind = history.iter().filter(|c| kind_of(c) == kind);
            let failed = of_kind.clone().filter(|c| c.status == CheckpointStatus::Failed).count();
            let done: Vec<&CheckpointStats> = of_kind.filter(|c| c.status == CheckpointStatus::Completed).collect();
            let durations: Vec<i64> = done.iter().filter_map(|c| c.end_to_end_duration.get()).collect();
            let sizes: Vec<i64> = done.iter().filter_map(|c| c.checkpointed_size.get()).collect();
            let average = |v: &[i64]| (!v.is_empty()).then(|| v.iter().sum::<i64>() / v.len() as i64);
            let ms = |v: Option<i64>| format::duration(v.into());
            let size = |v: Option<i64>| format::bytes(v.into());
            let cells = [
                done.len().to_string(),
                failed.to_string(),
                ms(durations.iter().copied().min()),
                ms(average(&durations)),
                ms(durations.iter().copied().max()),
                size(average(&sizes)),
                size(sizes.iter().copied().max()),
            ];
            (kind_label(&kind), cells)
        })
        .collect()
}

/// The history split by type, with how many checkpoints it covers (Flink keeps the latest
/// `web.checkpoints.history`, 10 by default).
#[component]
pub fn ByKind(history: Vec<CheckpointStats>) -> impl IntoView {
    let rows = by_kind(&history);
    if rows.is_empty() {
        return view! { <p class="empty">"No checkpoints in the history yet."</p> }.into_any();
    }
    let caption = format!("Over the {} most recent checkpoints Flink keeps", history.len());
    figure_table("summary by-kind", "Checkpoints by type", Some(caption), KIND_COLUMNS, rows)
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

    fn checkpoint(id: u64, kind: Option<&str>, savepoint: bool, status: CheckpointStatus, ms: i64, size: i64) -> CheckpointStats {
        serde_json::from_value(serde_json::json!({
            "id": id, "status": status.to_string(), "is_savepoint": savepoint, "checkpoint_type": kind,
            "end_to_end_duration": ms, "checkpointed_size": size,
        }))
        .unwrap()
    }

    #[test]
    fn the_history_splits_by_type_in_flinks_order_with_counts_durations_and_sizes() {
        use CheckpointStatus::*;
        let history = [
            checkpoint(5, Some("SAVEPOINT"), true, Completed, 9_000, 4096),
            checkpoint(4, Some("CHECKPOINT"), false, Failed, -1, -1),
            checkpoint(3, Some("CHECKPOINT"), false, Completed, 300, 1024),
            checkpoint(2, Some("CHECKPOINT"), false, Completed, 100, 3072),
            checkpoint(1, None, true, Completed, 2_000, 2048),
            checkpoint(0, Some("NEW_KIND"), false, InProgress, -1, -1),
        ];
        let rows = by_kind(&history);
        let labels: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(labels, ["Checkpoint", "Savepoint", "NEW_KIND"], "1.x entries without a type go by is_savepoint");
        assert_eq!(rows[0].1, ["2", "1", "100ms", "200ms", "300ms", "2.0 KB", "3.0 KB"].map(String::from));
        assert_eq!(rows[1].1[..3], ["2", "0", "2s"].map(String::from), "the two savepoints, the failed checkpoint not among them");
        assert_eq!(rows[2].1, ["0", "0", "–", "–", "–", "–", "–"].map(String::from), "in progress only: nothing to summarize");
        assert!(by_kind(&[]).is_empty());
    }
}
