//! The timeline tab: when each subtask went through its states (created, scheduled, deploying,
//! initializing, running, …), drawn as one bar per subtask on a common time axis, so a subtask
//! that took long to deploy or restore stands out.
use leptos::prelude::*;

use super::subtasks::ROW_PX;
use super::use_vertex_poll;
use crate::app::components::{Loaded, WindowedTable, table_head};
use crate::app::format;
use crate::client::SubtaskTimes;

/// The states a subtask passes, in the order it passes them; a timeline draws these.
pub const STATES: [&str; 10] = [
    "CREATED",
    "SCHEDULED",
    "DEPLOYING",
    "INITIALIZING",
    "RUNNING",
    "RECONCILING",
    "CANCELING",
    "FINISHED",
    "CANCELED",
    "FAILED",
];

/// States after which a subtask does nothing more: its bar ends there.
const TERMINAL: [&str; 3] = ["FINISHED", "CANCELED", "FAILED"];

/// The drawing's width in SVG units; spans are placed in these.
const WIDTH: f64 = 1000.0;

const COLUMNS: [(&str, bool); 3] = [("Subtask", true), ("Endpoint", false), ("States", false)];

/// A state a subtask was in, from when it entered it until it entered the next (or until now).
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub state: String,
    pub from: i64,
    pub to: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    pub subtask: u32,
    pub location: String,
    pub spans: Vec<Span>,
}

/// Every subtask's spans, and the time axis they share (`start`..`end`, epoch ms).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    pub start: i64,
    pub end: i64,
    pub rows: Vec<TimelineRow>,
}

/// Reads Flink's per-state timestamps (0 = never entered) into spans. A state lasts until the
/// next one starts; the last lasts until `now`, unless it is terminal. Timestamps that go
/// backwards (clock skew between machines) are clamped, never drawn with a negative width.
pub fn timeline(times: &SubtaskTimes) -> Timeline {
    let rows: Vec<TimelineRow> = times
        .subtasks
        .iter()
        .map(|s| {
            let mut entered: Vec<(i64, usize, &str)> = s
                .timestamps
                .iter()
                .filter(|(_, at)| **at > 0)
                .map(|(state, &at)| {
                    (
                        at,
                        STATES
                            .iter()
                            .position(|k| k == state)
                            .unwrap_or(STATES.len()),
                        state.as_str(),
                    )
                })
                .collect();
            entered.sort();
            let spans = entered
                .iter()
                .enumerate()
                .map(|(i, &(from, _, state))| {
                    let next = entered.get(i + 1).map(|e| e.0);
                    let to = match next {
                        Some(next) => next,
                        None if TERMINAL.contains(&state) => from,
                        None => times.now,
                    };
                    Span {
                        state: state.to_string(),
                        from,
                        to: to.max(from),
                    }
                })
                .collect();
            TimelineRow {
                subtask: s.subtask,
                location: s.location().unwrap_or("–").to_string(),
                spans,
            }
        })
        .collect();
    let froms = rows.iter().flat_map(|r| r.spans.iter().map(|s| s.from));
    let start = froms.min().unwrap_or(times.now);
    let end = rows
        .iter()
        .flat_map(|r| r.spans.iter().map(|s| s.to))
        .chain([times.now])
        .max()
        .unwrap_or(start)
        .max(start);
    Timeline { start, end, rows }
}

impl Timeline {
    /// A span's `x` and width in SVG units.
    pub fn place(&self, span: &Span) -> (f64, f64) {
        let total = (self.end - self.start).max(1) as f64;
        let x = (span.from - self.start) as f64 / total * WIDTH;
        let width = (span.to - span.from) as f64 / total * WIDTH;
        (x, width)
    }
}

/// `Subtask 0: created for 10ms, scheduled for 2s, running for 5m 3s`: the row in words, for
/// screen readers and the tooltip (the axis above says when it all began).
pub fn describe(row: &TimelineRow) -> String {
    let words: Vec<String> = row
        .spans
        .iter()
        .map(|s| {
            let state = s.state.to_ascii_lowercase();
            if s.to > s.from {
                format!("{state} for {}", format::duration((s.to - s.from).into()))
            } else {
                state
            }
        })
        .collect();
    format!(
        "Subtask {}: {}",
        row.subtask,
        if words.is_empty() {
            "no state yet".into()
        } else {
            words.join(", ")
        }
    )
}

#[component]
pub fn TimelineTab() -> impl IntoView {
    let poll = use_vertex_poll(|client, job, vertex| async move {
        client.request_vertex_subtask_times(&job, &vertex).await
    });
    view! {
        <Loaded data=poll loading="Loading the subtasks' state times…">
            <SubtaskTimeline data=poll.data />
        </Loaded>
    }
}

/// One bar per subtask, coloured by state, on a shared time axis; windowed like the subtasks.
#[component]
pub fn SubtaskTimeline(#[prop(into)] data: Signal<Option<SubtaskTimes>>) -> impl IntoView {
    let line = Memo::new(move |_| data.with(|d| d.as_ref().map(timeline).unwrap_or_default()));
    let axis = move || {
        line.with(|l| match l.rows.is_empty() {
            true => String::new(),
            false => format!(
                "From {} to {} ({})",
                format::time(l.start.into()),
                format::time(l.end.into()),
                format::duration((l.end - l.start).into())
            ),
        })
    };
    let row = move |i: usize| {
        let current = Memo::new(move |_| line.with(|l| l.rows.get(i).cloned()));
        let label =
            Memo::new(move |_| current.with(|r| r.as_ref().map(describe).unwrap_or_default()));
        let rects = move || {
            line.with(|l| {
                current.with(|r| {
                    r.iter()
                        .flat_map(|r| r.spans.iter())
                        .map(|s| {
                            let (x, width) = l.place(s);
                            let class = format!("state-{}", s.state.to_ascii_lowercase());
                            view! { <rect class=class x=x y="0" width=width height="10" /> }
                        })
                        .collect_view()
                })
            })
        };
        view! {
            <tr>
                <td class="num">{move || current.with(|r| r.as_ref().map(|r| r.subtask.to_string()))}</td>
                <td>{move || current.with(|r| r.as_ref().map(|r| r.location.clone()))}</td>
                <td class="timeline-cell" title=move || label.get()>
                    <svg class="timeline-bar" viewBox="0 0 1000 10" preserveAspectRatio="none" role="img" aria-label=move || label.get()>
                        {rects}
                    </svg>
                </td>
            </tr>
        }
    };
    let len = Signal::derive(move || line.with(|l| l.rows.len()));
    view! {
        <section class="panel">
            <p class="timeline-axis" role="status">{axis}</p>
            <ul class="timeline-legend" aria-label="States">
                {STATES.map(|s| view! {
                    <li><span class=format!("swatch state-{}", s.to_ascii_lowercase()) aria-hidden="true"></span>{s.to_ascii_lowercase()}</li>
                }).collect_view()}
            </ul>
            <WindowedTable label="State times of the subtasks" class="subtask-table timeline" len row_px=ROW_PX columns=3
                header=table_head(&COLUMNS).into_any() row empty="No subtasks." />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::SubtaskTimestamps;
    use std::collections::BTreeMap;

    fn subtask(subtask: u32, at: &[(&str, i64)]) -> SubtaskTimestamps {
        let mut timestamps: BTreeMap<String, i64> =
            STATES.iter().map(|s| (s.to_string(), 0)).collect();
        timestamps.extend(at.iter().map(|(s, t)| (s.to_string(), *t)));
        SubtaskTimestamps {
            subtask,
            endpoint: Some(format!("tm-{subtask}:6121")),
            host: None,
            duration: 0,
            timestamps,
        }
    }

    fn times(now: i64, subtasks: Vec<SubtaskTimestamps>) -> SubtaskTimes {
        SubtaskTimes {
            id: crate::client::VertexId::parse("a54a21bf9142a9afd43421e4154b1409").unwrap(),
            name: "v".into(),
            now,
            subtasks,
        }
    }

    #[test]
    fn a_running_subtask_runs_until_now_and_states_follow_their_timestamps() {
        let t = timeline(&times(
            200,
            vec![subtask(
                0,
                &[
                    ("CREATED", 100),
                    ("SCHEDULED", 110),
                    ("DEPLOYING", 120),
                    ("RUNNING", 150),
                ],
            )],
        ));
        let spans: Vec<_> = t.rows[0]
            .spans
            .iter()
            .map(|s| (s.state.as_str(), s.from, s.to))
            .collect();
        assert_eq!(
            spans,
            [
                ("CREATED", 100, 110),
                ("SCHEDULED", 110, 120),
                ("DEPLOYING", 120, 150),
                ("RUNNING", 150, 200)
            ]
        );
        assert_eq!((t.start, t.end), (100, 200));
        assert_eq!(t.place(&t.rows[0].spans[3]), (500.0, 500.0));
        assert_eq!(
            describe(&t.rows[0]),
            "Subtask 0: created for 10ms, scheduled for 10ms, deploying for 30ms, running for 50ms"
        );
    }

    #[test]
    fn a_terminal_state_ends_the_bar_and_backward_clocks_never_make_negative_widths() {
        let t = timeline(&times(
            500,
            vec![
                subtask(0, &[("CREATED", 100), ("RUNNING", 300), ("FINISHED", 400)]),
                subtask(1, &[("CREATED", 120)]),
            ],
        ));
        assert_eq!(
            t.rows[0].spans.last().map(|s| (s.from, s.to)),
            Some((400, 400))
        );
        assert!(
            describe(&t.rows[0]).ends_with("running for 100ms, finished"),
            "{}",
            describe(&t.rows[0])
        );
        assert_eq!(t.rows[1].spans[0].to, 500);
        // `now` before a timestamp (another machine's clock): the span is empty, the axis holds it.
        let skewed = timeline(&times(90, vec![subtask(0, &[("CREATED", 100)])]));
        assert_eq!(skewed.rows[0].spans[0].to, 100);
        assert!(skewed.end >= skewed.start);
        assert!(skewed.place(&skewed.rows[0].spans[0]).1 >= 0.0);
        assert_eq!(
            timeline(&times(5, vec![])),
            Timeline {
                start: 5,
                end: 5,
                rows: vec![]
            }
        );
    }
}
