//! The task manager page, `/taskmanagers/{id}` and `…/{tab}`: what one task manager is and
//! holds (facts, memory model, slots), its JVM over time, its logs and stdout, a thread dump
//! (the last three shared with the job manager page: `pages::process`).
//! The page polls the task manager's details; the logs and the thread dump are read when their
//! tab opens.
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

mod metrics;
mod overview;

pub use overview::{MemoryModel, SlotTable, memory_rows};

use crate::app::components::{ErrorNote, Loaded, TabList, page_tabs};
use crate::app::load::Loadable;
use crate::app::pages::process::{LogsTab, Process, ProfilerTab, StdoutTab, ThreadDumpTab};
use crate::app::poll::use_poll;
use crate::app::{Cluster, href};
use crate::client::request::encode;
use crate::client::{ClientError, TaskManagerId, TaskManagerInfo};

page_tabs!(TaskManagerTab {
    Overview = ("overview", "Overview"),
    Metrics = ("metrics", "Metrics"),
    Logs = ("logs", "Logs"),
    Stdout = ("stdout", "Stdout"),
    ThreadDump = ("thread-dump", "Thread dump"),
    Profiler = ("profiler", "Profiler"),
});

impl TaskManagerTab {
    /// The tab's path within the console (`app::href` makes it a link).
    pub fn path(self, tm: &TaskManagerId) -> String {
        self.under(&task_manager_path(tm.as_str()))
    }
}

/// The console path of a task manager's page: its id is one path segment whatever it holds
/// (ids of other deployments may hold `/`).
pub fn task_manager_path(id: &str) -> String {
    format!("/taskmanagers/{}", encode(id))
}

/// A task manager's id as a link to its page; plain text on the History Server, which keeps no
/// task managers. A plain link: the router follows it.
pub fn task_manager_link(id: String) -> impl IntoView {
    let history = use_context::<Cluster>().map(|c| c.history());
    move || {
        if history.is_some_and(|h| h.get()) {
            id.clone().into_any()
        } else {
            view! { <a href=href(&task_manager_path(&id))>{id.clone()}</a> }.into_any()
        }
    }
}

/// What every tab reads: the id, and the page's poll of the details.
#[derive(Clone)]
pub struct TaskManagerContext {
    pub id: TaskManagerId,
    /// `GET /taskmanagers/{id}`, polled while the page is open.
    pub details: Loadable<TaskManagerInfo>,
}

#[component]
pub fn TaskManagerPage() -> impl IntoView {
    let params = use_params_map();
    let raw = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let tab = Memo::new(move |_| params.with(|p| TaskManagerTab::from_segment(p.get("tab").as_deref())));
    move || match TaskManagerId::parse(&raw.get()) {
        Ok(id) => view! { <TaskManagerView id tab /> }.into_any(),
        Err(_) => view! { <TaskManagerNotFound id=raw.get() /> }.into_any(),
    }
}

/// An id no task manager has (any more: task managers come and go).
#[component]
fn TaskManagerNotFound(#[prop(into)] id: String) -> impl IntoView {
    let shown: String = id.chars().take(80).collect();
    view! {
        <div class="not-found" role="alert">
            <h1>{format!("Task manager {shown} not found")}</h1>
            <p>"No task manager of this id is registered: it may have stopped, or been replaced by a new one."</p>
            <p><A href=href("/taskmanagers")>"All task managers"</A></p>
        </div>
    }
}

#[component]
fn TaskManagerView(id: TaskManagerId, tab: Memo<TaskManagerTab>) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let details = {
        let id = id.clone();
        use_poll(move || {
            let (client, id) = (client.clone(), id.clone());
            async move { client.request_task_manager_details(&id).await }
        })
    };
    provide_context(TaskManagerContext { id: id.clone(), details });
    let raw = id.to_string();
    let failed = Callback::new(move |error: ClientError| {
        // Flink answers an unknown id with a 500 naming `UnknownTaskExecutorException`.
        if error.is_not_found() {
            view! { <TaskManagerNotFound id=raw.clone() /> }.into_any()
        } else {
            view! { <ErrorNote error /> }.into_any()
        }
    });
    let tabs: Vec<_> = TaskManagerTab::ALL.iter().copied().map(|t| (t, href(&t.path(&id)), t.label())).collect();
    let process = StoredValue::new(Process::TaskManager(id));
    view! {
        <Loaded data=details loading="Loading the task manager…" failed>
            <div class="job-page tm-page">
                <TaskManagerHeader />
                <TabList label="Task manager views" tabs=tabs.clone() open=tab />
                <div class="tab-panel" role="tabpanel" aria-label=move || tab.get().label()>
                    {move || match tab.get() {
                        TaskManagerTab::Overview => view! { <overview::OverviewTab /> }.into_any(),
                        TaskManagerTab::Metrics => view! { <metrics::MetricsTab /> }.into_any(),
                        TaskManagerTab::Logs => view! { <LogsTab process=process.get_value() /> }.into_any(),
                        TaskManagerTab::Stdout => view! { <StdoutTab process=process.get_value() /> }.into_any(),
                        TaskManagerTab::ThreadDump => view! { <ThreadDumpTab process=process.get_value() /> }.into_any(),
                        TaskManagerTab::Profiler => view! { <ProfilerTab process=process.get_value() /> }.into_any(),
                    }}
                </div>
            </div>
        </Loaded>
    }
}

#[component]
fn TaskManagerHeader() -> impl IntoView {
    let TaskManagerContext { id, details } = expect_context::<TaskManagerContext>();
    let text = move |f: fn(&TaskManagerInfo) -> String| move || details.data.with(|d| d.as_ref().map(f).unwrap_or_default());
    view! {
        <header class="job-header">
            <div class="job-title">
                <A href=href("/taskmanagers") attr:class="back">"← Task managers"</A>
                <h1>{format!("Task manager {id}")}</h1>
            </div>
            <dl class="job-facts">
                <div><dt>"Slots"</dt><dd>{text(|t| format!("{} free of {}", t.free_slots, t.slots_number))}</dd></div>
                <div><dt>"Jobs"</dt><dd>{text(|t| overview::jobs_of(t).len().to_string())}</dd></div>
                <div><dt>"Last heartbeat"</dt><dd>{text(|t| crate::app::format::time(t.time_since_last_heartbeat.into()))}</dd></div>
            </dl>
        </header>
    }
}
