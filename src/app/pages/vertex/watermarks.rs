//! The watermarks tab: each subtask's current input watermark, and the lowest, which is how far
//! event time has come for the vertex.
use leptos::prelude::*;

use super::use_vertex_poll;
use super::subtasks::ROW_PX;
use crate::app::components::{Loaded, WindowedTable, table_head};
use crate::app::format;
use crate::client::SubtaskWatermark;

const COLUMNS: [(&str, bool); 2] = [("Subtask", true), ("Watermark", false)];

#[component]
pub fn WatermarksTab() -> impl IntoView {
    let poll = use_vertex_poll(|client, job, vertex| async move { client.request_vertex_watermarks(&job, &vertex).await });
    view! {
        <Loaded data=poll loading="Loading watermarks…">
            <Watermarks data=poll.data />
        </Loaded>
    }
}

/// The lowest watermark, then one row per subtask.
#[component]
pub fn Watermarks(#[prop(into)] data: Signal<Option<Vec<SubtaskWatermark>>>) -> impl IntoView {
    let marks = Memo::new(move |_| data.get().unwrap_or_default());
    let summary = move || marks.with(|m| lowest(m));
    let row = move |i: usize| {
        let current = Memo::new(move |_| marks.with(|m| m.get(i).copied()));
        view! {
            <tr>
                <td class="num">{move || current.get().map(|w| w.subtask.to_string())}</td>
                <td>{move || current.get().map(|w| watermark(w.watermark))}</td>
            </tr>
        }
    };
    let len = Signal::derive(move || marks.with(Vec::len));
    view! {
        <section class="panel">
            <p class="watermark-summary" role="status">{summary}</p>
            <WindowedTable label="Watermarks of the subtasks" class="subtask-table" len row_px=ROW_PX columns=2
                header=table_head(&COLUMNS).into_any() row empty="No subtask reports a watermark." />
        </section>
    }
}

/// What the vertex's event time has reached: the lowest watermark, unless a subtask has none.
pub fn lowest(marks: &[SubtaskWatermark]) -> String {
    match lowest_mark(marks) {
        None => "No watermarks: Flink reports none for this vertex (a source has no input watermark).".into(),
        Some(Some(w)) => format!("Lowest watermark: {}", watermark(Some(w))),
        Some(None) => "No watermark yet: at least one subtask has not received one (a source without a watermark strategy never does).".into(),
    }
}

/// `None` without subtasks; `Some(None)` when a subtask has no watermark; else the lowest.
fn lowest_mark(marks: &[SubtaskWatermark]) -> Option<Option<i64>> {
    if marks.is_empty() {
        return None;
    }
    Some(marks.iter().map(|m| m.watermark).collect::<Option<Vec<i64>>>().and_then(|all| all.into_iter().min()))
}

fn watermark(w: Option<i64>) -> String {
    w.map_or_else(|| "No watermark".into(), |w| format::time(w.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lowest_watermark_counts_only_when_every_subtask_has_one() {
        let w = |subtask, watermark| SubtaskWatermark { subtask, watermark };
        assert_eq!(lowest_mark(&[]), None);
        assert!(lowest(&[]).starts_with("No watermarks"));
        assert_eq!(lowest_mark(&[w(0, Some(5)), w(1, None)]), Some(None));
        assert!(lowest(&[w(0, Some(5)), w(1, None)]).starts_with("No watermark yet"));
        assert_eq!(lowest_mark(&[w(0, Some(7)), w(1, Some(5)), w(2, Some(9))]), Some(Some(5)));
    }
}
