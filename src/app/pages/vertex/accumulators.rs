//! The accumulators tab: the job's user-defined accumulators of this vertex, merged over its
//! subtasks (as Flink merges them), then each subtask's own, one row per subtask and accumulator.
use leptos::prelude::*;

use super::subtasks::ROW_PX;
use super::use_vertex_poll;
use crate::app::components::{Loaded, WindowedTable, cell, table_head};
use crate::client::{SubtasksAccumulators, UserAccumulator, VertexAccumulators};

const MERGED: [(&str, bool); 3] = [("Name", false), ("Type", false), ("Value", false)];
const PER_SUBTASK: [(&str, bool); 5] = [
    ("Subtask", true),
    ("Endpoint", false),
    ("Name", false),
    ("Type", false),
    ("Value", false),
];

/// One row of the per-subtask table: a subtask's accumulator.
#[derive(Clone, Debug, PartialEq)]
pub struct SubtaskAccumulatorRow {
    pub subtask: u32,
    pub location: String,
    pub accumulator: UserAccumulator,
}

/// Each subtask's accumulators as rows, by subtask, then name.
pub fn subtask_rows(all: &SubtasksAccumulators) -> Vec<SubtaskAccumulatorRow> {
    let mut rows: Vec<SubtaskAccumulatorRow> = all
        .subtasks
        .iter()
        .flat_map(|s| {
            let location = s.location().unwrap_or("–").to_string();
            s.user_accumulators
                .iter()
                .map(move |a| SubtaskAccumulatorRow {
                    subtask: s.subtask,
                    location: location.clone(),
                    accumulator: a.clone(),
                })
        })
        .collect();
    rows.sort_by(|a, b| {
        a.subtask
            .cmp(&b.subtask)
            .then_with(|| a.accumulator.name.cmp(&b.accumulator.name))
    });
    rows
}

#[component]
pub fn AccumulatorsTab() -> impl IntoView {
    // Two answers, one poll: both change at the same pace, and the tab shows them together.
    let poll = use_vertex_poll(|client, job, vertex| async move {
        let merged = client.request_vertex_accumulators(&job, &vertex).await?;
        let subtasks = client
            .request_vertex_subtask_accumulators(&job, &vertex)
            .await?;
        Ok((merged, subtasks))
    });
    let merged = Signal::derive(move || poll.data.with(|d| d.as_ref().map(|d| d.0.clone())));
    let subtasks = Signal::derive(move || poll.data.with(|d| d.as_ref().map(|d| d.1.clone())));
    view! {
        <Loaded data=poll loading="Loading accumulators…">
            <Accumulators merged subtasks />
        </Loaded>
    }
}

/// The merged accumulators, then the windowed per-subtask table.
#[component]
pub fn Accumulators(
    #[prop(into)] merged: Signal<Option<VertexAccumulators>>,
    #[prop(into)] subtasks: Signal<Option<SubtasksAccumulators>>,
) -> impl IntoView {
    let rows =
        Memo::new(move |_| subtasks.with(|s| s.as_ref().map(subtask_rows).unwrap_or_default()));
    let merged_rows = move || {
        merged.with(|m| {
            let list = m.as_ref().map(|m| m.user_accumulators.as_slice()).unwrap_or_default();
            if list.is_empty() {
                return view! { <tr><td colspan="3" class="empty">"This vertex has no user accumulators."</td></tr> }.into_any();
            }
            list.iter()
                .map(|a| view! { <tr>{cell(a.name.clone(), "")}{cell(a.kind.clone(), "")}{cell(a.value.clone(), "")}</tr> })
                .collect_view()
                .into_any()
        })
    };
    let row = move |i: usize| {
        let current = Memo::new(move |_| rows.with(|r| r.get(i).cloned()));
        let text = move |f: fn(&SubtaskAccumulatorRow) -> String| {
            move || current.with(|r| r.as_ref().map(f))
        };
        view! {
            <tr>
                <td class="num">{text(|r| r.subtask.to_string())}</td>
                <td>{text(|r| r.location.clone())}</td>
                <td>{text(|r| r.accumulator.name.clone())}</td>
                <td>{text(|r| r.accumulator.kind.clone())}</td>
                <td title=text(|r| r.accumulator.value.clone())>{text(|r| r.accumulator.value.clone())}</td>
            </tr>
        }
    };
    let len = Signal::derive(move || rows.with(Vec::len));
    view! {
        <section class="panel">
            <h2>"Accumulators of the vertex"</h2>
            <table class="accumulators" aria-label="Accumulators of the vertex">
                {table_head(&MERGED)}
                <tbody>{merged_rows}</tbody>
            </table>
            <h2>"Per subtask"</h2>
            <WindowedTable label="Accumulators per subtask" class="subtask-table accumulators-per-subtask" len row_px=ROW_PX columns=5
                header=table_head(&PER_SUBTASK).into_any() row empty="No subtask reports user accumulators." />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::SubtaskAccumulators;

    #[test]
    fn per_subtask_rows_are_by_subtask_then_name_with_the_location_of_either_spelling() {
        let acc = |name: &str, value: &str| UserAccumulator {
            name: name.into(),
            kind: "LongCounter".into(),
            value: value.into(),
        };
        let sub = |subtask, endpoint: Option<&str>, host: Option<&str>, accs| SubtaskAccumulators {
            subtask,
            attempt: 0,
            endpoint: endpoint.map(Into::into),
            host: host.map(Into::into),
            user_accumulators: accs,
        };
        let all = SubtasksAccumulators {
            id: "v".into(),
            parallelism: 2,
            subtasks: vec![
                sub(1, None, Some("h1"), vec![acc("b", "2"), acc("a", "1")]),
                sub(0, Some("h0:6121"), None, vec![acc("a", "5")]),
            ],
        };
        let rows: Vec<_> = subtask_rows(&all)
            .into_iter()
            .map(|r| (r.subtask, r.location, r.accumulator.name))
            .collect();
        assert_eq!(
            rows,
            [
                (0, "h0:6121".into(), "a".into()),
                (1, "h1".into(), "a".into()),
                (1, "h1".into(), "b".into())
            ]
        );
    }
}
