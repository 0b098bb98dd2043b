//! The job page, `/jobs/{id}` and `/jobs/{id}/{tab}`: header with the job's facts and actions,
//! then one tab. The tab is in the URL, so deep links and reloads land on it; only the visible
//! tab polls.
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

mod actions;
pub mod chart;
pub mod checkpoint_subtasks;
pub mod checkpoint_summary;
mod checkpoints;
mod configuration;
mod context;
pub mod dialogs;
pub mod exceptions;
pub mod graph;
mod overview;
pub mod rescale;

use crate::app::components::{ErrorNote, Loaded, StatusBadge, TabList, page_tabs};
use crate::app::format;
use crate::app::poll::{grown, use_elapsed, use_poll_by};
use crate::app::{Cluster, href};
use crate::client::{ClientError, JobDetails, JobId};

pub use context::JobContext;

page_tabs!(Tab {
    Overview = ("overview", "Overview"),
    Checkpoints = ("checkpoints", "Checkpoints"),
    Exceptions = ("exceptions", "Exceptions"),
    Configuration = ("configuration", "Configuration"),
});

impl Tab {
    /// The tab's path within the console (`app::href` makes it a link).
    pub fn path(self, job: &JobId) -> String {
        self.under(&format!("/jobs/{job}"))
    }
}

#[component]
pub fn JobPage() -> impl IntoView {
    let params = use_params_map();
    let raw_id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let tab = Memo::new(move |_| params.with(|p| Tab::from_segment(p.get("tab").as_deref())));
    move || {
        let raw = raw_id.get();
        match JobId::parse(&raw) {
            Ok(id) => view! { <JobView id tab /> }.into_any(),
            Err(error) => view! { <JobNotFound id=raw reason=error /> }.into_any(),
        }
    }
}

/// "Job … not found", for an id that is malformed or that Flink does not know.
#[component]
pub fn JobNotFound(#[prop(into)] id: String, reason: ClientError) -> impl IntoView {
    let explanation = if matches!(reason, ClientError::InvalidInput(_)) {
        "Job ids are 32 hexadecimal characters; check the link."
    } else {
        "Flink does not know this job: it may belong to another cluster, or it ended longer ago than the cluster keeps finished jobs."
    };
    view! {
        <div class="not-found" role="alert">
            <h1>{format!("Job {} not found", shortened(&id))}</h1>
            <p>{explanation}</p>
            <p><A href=href("/jobs")>"Back to the jobs"</A></p>
        </div>
    }
}

/// A malformed id can be any length (a pasted log line, a crafted link): show its start.
pub(crate) fn shortened(id: &str) -> String {
    const SHOWN: usize = 64;
    match id.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}…", id.get(..end).unwrap_or_default()),
        None => id.to_string(),
    }
}

#[component]
fn JobView(id: JobId, tab: Memo<Tab>) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let job = {
        let id = id.clone();
        use_poll_by(
            move || {
                let (client, id) = (client.clone(), id.clone());
                async move { client.request_job(&id).await }
            },
            same_job,
        )
    };
    provide_context(JobContext { id: id.clone(), job });
    // Once the job has loaded the page stays up: a later error only marks the data stale.
    let raw = id.to_string();
    let failed = Callback::new(move |error: ClientError| {
        if error.is_not_found() {
            view! { <JobNotFound id=raw.clone() reason=error /> }.into_any()
        } else {
            view! { <ErrorNote error /> }.into_any()
        }
    });
    let tabs: Vec<_> = Tab::ALL.iter().copied().map(|t| (t, href(&t.path(&id)), t.label())).collect();
    view! {
        <Loaded data=job loading="Loading the job…" failed>
            <div class="job-page">
                <JobHeader />
                <TabList label="Job views" tabs=tabs.clone() open=tab />
                <div class="tab-panel" role="tabpanel" aria-label=move || tab.get().label()>
                    {move || match tab.get() {
                        Tab::Overview => view! { <overview::OverviewTab /> }.into_any(),
                        Tab::Checkpoints => view! { <checkpoints::CheckpointsTab /> }.into_any(),
                        Tab::Exceptions => view! { <exceptions::ExceptionsTab /> }.into_any(),
                        Tab::Configuration => view! { <configuration::ConfigurationTab /> }.into_any(),
                    }}
                </div>
            </div>
        </Loaded>
    }
}

/// Whether two answers for the job say the same but for what moves on by itself while it runs
/// (Flink's clock `now`, the job's and its vertices' durations, which the page does not show or
/// advances itself): so the poll slows down while nothing happens to the job.
pub fn same_job(a: &JobDetails, b: &JobDetails) -> bool {
    // `b` with `a`'s moving parts; a vertex more or less still makes them differ.
    let mut b = b.clone();
    b.now = a.now;
    if !a.state.is_terminal() {
        b.duration = a.duration;
    }
    for (v, w) in b.vertices.iter_mut().zip(&a.vertices) {
        v.duration = w.duration;
    }
    *a == b
}

/// A fact in the job's header: its label, and how to read it from the job and the ms since it
/// came (`use_elapsed`; only a fact that reads it redraws every second).
type Fact = (&'static str, fn(&JobDetails, Signal<i64>) -> String);

/// The job's facts in the header, each read from the job poll.
const FACTS: [Fact; 5] = [
    ("Start time", |d, _| format::time(d.start_time)),
    ("End time", |d, _| format::time(d.end_time)),
    ("Duration", |d, elapsed| format::duration(grown(d.duration, !d.state.is_terminal(), elapsed.get()))),
    ("Type", |d, _| d.job_type.as_deref().unwrap_or("–").to_ascii_lowercase()),
    ("Scheduler", |d, _| d.scheduler_type.clone().unwrap_or_else(|| "–".into())),
];

#[component]
fn JobHeader() -> impl IntoView {
    let JobContext { id, job } = expect_context::<JobContext>();
    let history = expect_context::<Cluster>().history();
    let text = move |f: fn(&JobDetails) -> String| move || job.data.with(|d| d.as_ref().map(f).unwrap_or_default());
    let elapsed = use_elapsed(job.data);
    view! {
        <header class="job-header">
            <div class="job-title">
                <A href=href("/jobs") attr:class="back">"← Jobs"</A>
                <h1>{text(|d| d.name.clone())}</h1>
                <Show when=move || !history.get() fallback=|| view! { <p class="muted archived-note">"Archived by the History Server: read-only."</p> }>
                    <actions::JobActions />
                </Show>
            </div>
            <dl class="job-facts">
                <div class="job-id"><dt>"Job ID"</dt><dd><code>{id.to_string()}</code></dd></div>
                <div><dt>"Status"</dt><dd>{move || view! { <StatusBadge status=text(|d| d.state.to_string())() /> }}</dd></div>
                {FACTS.map(|(label, f)| {
                    let fact = move || job.data.with(|d| d.as_ref().map(|d| f(d, elapsed)).unwrap_or_default());
                    view! { <div><dt>{label}</dt><dd>{fact}</dd></div> }
                }).collect_view()}
            </dl>
        </header>
    }
}
