//! `/jobs`: every job in one table, filtered by text and state, sorted by any column.
//! Only the rows in view are in the DOM, so a refresh with 10,000 jobs costs about as much as
//! one with ten.
use std::cmp::Ordering;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::app::components::{Loaded, StatusBadge, sort_header, use_window};
use crate::app::format;
use crate::app::list::{self, Sort};
use crate::app::poll::{grown, use_elapsed, use_poll_by};
use crate::app::{Cluster, href};
use crate::client::{self, JobOverview, JobStatus, Millis};

/// Height of a job row in pixels; `style/lists.css` gives rows exactly this height.
pub const ROW_PX: i32 = 36;

#[component]
pub fn JobsPage() -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let poll = use_poll_by(
        move || {
            let client = client.clone();
            async move { client.request_multiple_job_details().await.map(|d| d.jobs) }
        },
        |a, b| same_jobs(a, b),
    );
    let elapsed = use_elapsed(poll.data);
    // The state filter lives in the URL, so the overview can link to it and a reload keeps it.
    let query = use_query_map();
    let state = Memo::new(move |_| query.with(|q| StateFilter::from_query(q.get_str("state"))));
    let navigate = use_navigate();
    let on_state = Callback::new(move |s: StateFilter| {
        navigate(&s.href(), NavigateOptions { replace: true, scroll: false, ..Default::default() });
    });
    view! {
        <h1>"Jobs"</h1>
        <Loaded data=poll>
            <JobTable jobs=poll.data state on_state elapsed />
        </Loaded>
    }
}

/// Which jobs the state filter lets through.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StateFilter {
    #[default]
    All,
    Running,
    Finished,
    Canceled,
    Failed,
}

impl StateFilter {
    pub const ALL: [StateFilter; 5] = [Self::All, Self::Running, Self::Finished, Self::Canceled, Self::Failed];

    /// The value in `?state=` and in the select.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Running => "running",
            Self::Finished => "finished",
            Self::Canceled => "canceled",
            Self::Failed => "failed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "All",
            Self::Running => "Running",
            Self::Finished => "Finished",
            Self::Canceled => "Canceled",
            Self::Failed => "Failed",
        }
    }

    /// Anything unknown (or missing) shows all jobs rather than none.
    pub fn from_query(value: Option<&str>) -> Self {
        let value = value.unwrap_or_default();
        Self::ALL.into_iter().find(|s| s.as_str().eq_ignore_ascii_case(value)).unwrap_or_default()
    }

    pub fn href(self) -> String {
        match self {
            Self::All => "/jobs".into(),
            s => format!("/jobs?state={}", s.as_str()),
        }
    }

    /// "Running" is every job not yet ended, as in Flink's own count of running jobs on the
    /// overview (CREATED, RESTARTING, … included), so the overview's links show what they count.
    pub fn matches(self, state: &JobStatus) -> bool {
        match self {
            Self::All => true,
            Self::Running => !state.is_terminal(),
            Self::Finished => *state == JobStatus::Finished,
            Self::Canceled => *state == JobStatus::Canceled,
            Self::Failed => *state == JobStatus::Failed,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Status,
    StartTime,
    Duration,
    Tasks,
}

impl Column {
    pub const ALL: [Column; 5] = [Self::Name, Self::Status, Self::StartTime, Self::Duration, Self::Tasks];

    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Status => "Status",
            Self::StartTime => "Start time",
            Self::Duration => "Duration",
            Self::Tasks => "Tasks",
        }
    }
}

impl Default for Sort<Column> {
    /// Newest first, as Flink lists jobs.
    fn default() -> Self {
        Self { column: Column::StartTime, ascending: false }
    }
}

/// Whether two answers of the jobs list say the same but for the durations of jobs not yet
/// ended, which Flink moves on with its clock in every answer (the table advances them itself
/// between answers, see `use_elapsed`): so the poll slows down while no job changes.
pub fn same_jobs(a: &[JobOverview], b: &[JobOverview]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(a, b)| {
            a.jid == b.jid
                && a.state == b.state
                && (a.duration == b.duration || !a.state.is_terminal())
                && a.name == b.name
                && a.start_time == b.start_time
                && a.end_time == b.end_time
                && a.last_modification == b.last_modification
                && a.tasks == b.tasks
        })
}

/// A job's duration as shown `elapsed` ms after the answer (`use_elapsed`): a job not yet
/// ended has run on.
pub fn live_duration(job: &JobOverview, elapsed: i64) -> Millis {
    grown(job.duration, !job.state.is_terminal(), elapsed)
}

/// Positions in `jobs` of the jobs whose name or id contains `text` (ignoring ASCII case) and
/// whose state passes `state`, in `sort` order; ties keep a stable order by job id.
pub fn filter_and_sort(jobs: &[JobOverview], text: &str, state: StateFilter, sort: Sort<Column>) -> Vec<usize> {
    let needle = list::needle(text);
    let keep = |j: &JobOverview| state.matches(&j.state) && (j.jid.as_str().contains(&needle) || list::matches_text(&j.name, &needle));
    list::filter_and_sort(jobs, keep, |a, b| compare(a, b, sort.column), sort.ascending, |a, b| a.jid.cmp(&b.jid))
}

fn compare(a: &JobOverview, b: &JobOverview, column: Column) -> Ordering {
    match column {
        Column::Name => list::cmp_text(&a.name, &b.name),
        Column::Status => a.state.as_str().cmp(b.state.as_str()),
        Column::StartTime => a.start_time.cmp(&b.start_time),
        Column::Duration => a.duration.cmp(&b.duration),
        Column::Tasks => a.tasks.total().cmp(&b.tasks.total()),
    }
}

/// The jobs table with its filter box, state select and sortable headers.
#[component]
pub fn JobTable(
    /// The jobs as polled (`None` until Flink first answers).
    #[prop(into)]
    jobs: Signal<Option<Vec<JobOverview>>>,
    /// The state filter; the page keeps it in the URL.
    #[prop(into)]
    state: Signal<StateFilter>,
    /// Called when the user picks another state.
    #[prop(into)]
    on_state: Callback<StateFilter>,
    /// Ms since the jobs came (`use_elapsed`), by which running jobs' durations have grown.
    #[prop(into, optional)]
    elapsed: Signal<i64>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let sort = RwSignal::new(Sort::default());
    let total = Memo::new(move |_| jobs.with(|j| j.as_ref().map_or(0, Vec::len)));
    let order = Memo::new(move |_| {
        jobs.with(|j| filter_and_sort(j.as_deref().unwrap_or_default(), &text.read(), state.get(), sort.get()))
    });
    let view_window = use_window(Signal::derive(move || order.with(Vec::len)), ROW_PX);
    let to_top = move || view_window.to_top();
    let window = Memo::new(move |_| {
        let (start, end) = view_window.range.get();
        order.with(|order| {
            jobs.with(|jobs| {
                let jobs = jobs.as_deref().unwrap_or_default();
                let ids = order.get(start..end).unwrap_or_default();
                ids.iter().filter_map(|&i| jobs.get(i).cloned()).collect::<Vec<_>>()
            })
        })
    });
    let above = move || view_window.above();
    let below = move || view_window.below();

    view! {
        <div class="list-tools">
            <label>
                "Filter jobs"
                <input
                    type="search"
                    placeholder="Name or id"
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        to_top();
                    }
                />
            </label>
            <label>
                "State"
                <select on:change=move |ev| {
                    to_top();
                    on_state.run(StateFilter::from_query(Some(&event_target_value(&ev))));
                }>
                    {StateFilter::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str() prop:selected=move || state.get() == s>{s.label()}</option> })
                        .collect_view()}
                </select>
            </label>
            <span class="muted shown">{move || format!("{} of {} jobs", order.with(Vec::len), total.get())}</span>
        </div>
        <div class="table-scroll" node_ref=view_window.scroller tabindex="0" role="region" aria-label="Jobs"
            on:scroll=move |_| view_window.on_scroll()
        >
            <table class="windowed jobs-table">
                <thead>
                    <tr>
                        {Column::ALL.into_iter().map(|column| sort_header(column.label(), column, sort, false, to_top)).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <tr class="spacer" aria-hidden="true"><td colspan="5" style:height=above></td></tr>
                    <For each=move || window.get() key=|j| j.jid.clone() let:job>
                        <JobRow job window elapsed />
                    </For>
                    <tr class="spacer" aria-hidden="true"><td colspan="5" style:height=below></td></tr>
                    {move || (order.with(Vec::is_empty)).then(|| {
                        let note = if total.get() == 0 { "No jobs yet." } else { "No jobs match the filter." };
                        view! { <tr><td colspan="5" class="empty">{note}</td></tr> }
                    })}
                </tbody>
            </table>
        </div>
    }
}

/// One job. Keyed by job id, so a refresh updates its cells in place instead of replacing the
/// row (which would also drop keyboard focus from its link).
#[component]
fn JobRow(job: JobOverview, window: Memo<Vec<JobOverview>>, elapsed: Signal<i64>) -> impl IntoView {
    let jid = job.jid.clone();
    let current = Memo::new(move |_| window.with(|w| w.iter().find(|j| j.jid == jid).cloned()));
    let cell = move |f: fn(&JobOverview) -> String| move || current.with(|j| j.as_ref().map(f).unwrap_or_default());
    let link = href(&format!("/jobs/{}", job.jid));
    let title = job.name.clone();
    view! {
        <tr class="job">
            <td class="name" title=title>
                <A href=link>{job.name}</A>
            </td>
            <td>{move || current.with(|j| j.as_ref().map(|j| view! { <StatusBadge status=j.state.to_string() /> }))}</td>
            <td>{cell(|j| format::time(j.start_time))}</td>
            <td>{move || current.with(|j| j.as_ref().map(|j| format::duration(live_duration(j, elapsed.get()))))}</td>
            <td>{move || current.with(|j| j.as_ref().map(|j| view! { <TaskCounts tasks=j.tasks.clone() /> }))}</td>
        </tr>
    }
}

/// The total, then a coloured count per task state that has any, as Flink's UI shows them.
#[component]
fn TaskCounts(tasks: client::TaskCounts) -> impl IntoView {
    let total = tasks.total();
    let states: Vec<(String, u32)> = tasks.iter().filter(|(k, n)| *k != "total" && *n > 0).map(|(k, n)| (k.to_string(), n)).collect();
    let summary = std::iter::once(format!("{total} total"))
        .chain(states.iter().map(|(k, n)| format!("{n} {k}")))
        .collect::<Vec<_>>()
        .join(", ");
    let title = summary.clone();
    view! {
        <span class="tasks" title=title>
            <span class="count count-total" aria-hidden="true">{total}</span>
            {states
                .into_iter()
                .map(|(k, n)| view! { <span class=format!("count count-{k}") aria-hidden="true">{n}</span> })
                .collect_view()}
            <span class="sr-only">{summary}</span>
        </span>
    }
}
