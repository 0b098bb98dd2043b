//! The data skew tab: how unevenly the vertex's records spread over its subtasks. The score is
//! Flink's own (1.20's `agg=skew`, `DoubleDataSkew`): the mean absolute deviation over the mean,
//! in per cent, at most 100. It is computed here from the subtasks' counters the page already
//! polls, so it costs no request and reads the same on every Flink line, 1.18 and 1.19 included.
use leptos::prelude::*;

use super::VertexContext;
use super::subtasks::ROW_PX;
use crate::app::components::{WindowedTable, table_head};
use crate::client::SubtaskInfo;

const COLUMNS: [(&str, bool); 5] = [
    ("Subtask", true),
    ("Records in", true),
    ("In vs. mean", true),
    ("Records out", true),
    ("Out vs. mean", true),
];

/// Flink's skew score of `values` (non-negative counts): 0 when they are equal or all zero.
pub fn skew(values: &[f64]) -> f64 {
    let mean = mean(values);
    if mean == 0.0 {
        return 0.0;
    }
    let deviation = values.iter().map(|v| (v - mean).abs()).sum::<f64>() / values.len() as f64;
    (deviation / mean * 100.0).min(100.0)
}

fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        0.0
    } else {
        values.iter().sum::<f64>() / values.len() as f64
    }
}

/// One subtask's records, and how far each count is from the vertex's mean (`+25 %`).
#[derive(Clone, Debug, PartialEq)]
pub struct SkewRow {
    pub subtask: u32,
    pub records_in: Option<i64>,
    pub in_vs_mean: String,
    pub records_out: Option<i64>,
    pub out_vs_mean: String,
}

/// The vertex's two scores (records in, records out) and a row per subtask, the subtasks with
/// the most records in first (ties by index), so the hot ones lead.
pub fn skew_rows(subtasks: &[SubtaskInfo]) -> (f64, f64, Vec<SkewRow>) {
    let count = |f: fn(&crate::client::IoMetrics) -> i64| -> Vec<f64> {
        subtasks
            .iter()
            .map(|s| s.metrics.as_ref().map_or(0.0, |m| f(m).max(0) as f64))
            .collect()
    };
    let (ins, outs) = (count(|m| m.read_records), count(|m| m.write_records));
    let (mean_in, mean_out) = (mean(&ins), mean(&outs));
    let mut rows: Vec<SkewRow> = subtasks
        .iter()
        .map(|s| {
            let (i, o) = (
                s.metrics.as_ref().map(|m| m.read_records),
                s.metrics.as_ref().map(|m| m.write_records),
            );
            SkewRow {
                subtask: s.subtask,
                records_in: i,
                in_vs_mean: versus(i, mean_in),
                records_out: o,
                out_vs_mean: versus(o, mean_out),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.records_in
            .cmp(&a.records_in)
            .then(a.subtask.cmp(&b.subtask))
    });
    (skew(&ins), skew(&outs), rows)
}

fn count(v: Option<i64>) -> String {
    v.map_or_else(|| "–".into(), |v| v.to_string())
}

fn versus(value: Option<i64>, mean: f64) -> String {
    match value {
        Some(v) if mean > 0.0 => format!("{:+.0} %", (v as f64 - mean) / mean * 100.0),
        _ => "–".into(),
    }
}

/// `Records in: 12 % skew`, or why there is no score.
pub fn score(label: &str, value: f64, any: bool) -> String {
    if any {
        format!("{label}: {value:.0} % skew")
    } else {
        format!("{label}: none yet")
    }
}

#[component]
pub fn SkewTab() -> impl IntoView {
    let details = expect_context::<VertexContext>().details;
    let subtasks = Signal::derive(move || {
        details
            .data
            .with(|d| d.as_ref().map(|d| d.subtasks.clone()).unwrap_or_default())
    });
    view! { <DataSkew subtasks /> }
}

/// The scores, then the subtasks by records in.
#[component]
pub fn DataSkew(#[prop(into)] subtasks: Signal<Vec<SubtaskInfo>>) -> impl IntoView {
    let table = Memo::new(move |_| subtasks.with(|s| skew_rows(s)));
    let any = move |f: fn(&SkewRow) -> Option<i64>| {
        table.with(|(_, _, rows)| rows.iter().any(|r| f(r).unwrap_or(0) > 0))
    };
    let row = move |i: usize| {
        let current = Memo::new(move |_| table.with(|(_, _, rows)| rows.get(i).cloned()));
        let cell = move |f: fn(&SkewRow) -> String| move || current.with(|r| r.as_ref().map(f));
        view! {
            <tr>
                <td class="num">{cell(|r| r.subtask.to_string())}</td>
                <td class="num">{cell(|r| count(r.records_in))}</td>
                <td class="num">{cell(|r| r.in_vs_mean.clone())}</td>
                <td class="num">{cell(|r| count(r.records_out))}</td>
                <td class="num">{cell(|r| r.out_vs_mean.clone())}</td>
            </tr>
        }
    };
    let len = Signal::derive(move || table.with(|(_, _, rows)| rows.len()));
    view! {
        <section class="panel">
            <dl class="skew-scores" aria-label="Data skew">
                <div><dt>"Records in"</dt><dd>{move || score("Records in", table.with(|t| t.0), any(|r| r.records_in))}</dd></div>
                <div><dt>"Records out"</dt><dd>{move || score("Records out", table.with(|t| t.1), any(|r| r.records_out))}</dd></div>
            </dl>
            <p class="hint">"Skew is Flink's score: how far the subtasks' counts are from their mean, on average, as a share of the mean (0 % is even; Flink caps the score at 100 %). A source reads no records in."</p>
            <WindowedTable label="Records per subtask" class="subtask-table skew" len row_px=ROW_PX columns=5
                header=table_head(&COLUMNS).into_any() row empty="No subtasks." />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_score_is_flinks_mean_absolute_deviation_over_the_mean() {
        assert_eq!(skew(&[]), 0.0);
        assert_eq!(skew(&[0.0, 0.0]), 0.0);
        assert_eq!(skew(&[5.0, 5.0, 5.0]), 0.0);
        // mean 10, deviations 5 and 5: 50 %.
        assert_eq!(skew(&[5.0, 15.0]), 50.0);
        // All on one of four: mean 25, deviations 75+25+25+25 = 150 / 4 = 37.5, 150 %, capped.
        assert_eq!(skew(&[100.0, 0.0, 0.0, 0.0]), 100.0);
        assert_eq!(versus(Some(15), 10.0), "+50 %");
        assert_eq!(versus(Some(5), 10.0), "-50 %");
        assert_eq!(versus(None, 10.0), "–");
        assert_eq!(score("Records in", 12.4, true), "Records in: 12 % skew");
        assert_eq!(score("Records in", 0.0, false), "Records in: none yet");
    }
}
