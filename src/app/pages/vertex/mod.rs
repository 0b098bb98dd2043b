//! The vertex page, `/jobs/{id}/vertices/{vertex}` and `…/{tab}`: what the vertex's subtasks
//! are doing, a tab each (subtasks, task managers, back pressure, watermarks, metrics,
//! accumulators, data skew, timeline, flame graph). The tab is in
//! the URL; only the visible tab polls what it alone shows.
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

mod accumulators;
mod backpressure;
mod flamegraph;
mod metrics;
mod skew;
mod subtasks;
mod timeline;
mod watermarks;

pub use accumulators::{Accumulators, SubtaskAccumulatorRow, subtask_rows};
pub use backpressure::BackPressure;
pub use flamegraph::{FlameGraphView, FlameRect, flame_layout, frame_at};
pub use metrics::{MetricCharts, MetricPicker, matching, record, toggle};
pub use skew::{DataSkew, SkewRow, skew, skew_rows};
pub use subtasks::{Column, SubtaskTable, TaskManagerLoad, by_task_manager, order};
pub use timeline::{Span, SubtaskTimeline, Timeline, TimelineRow, describe, timeline};
pub use watermarks::Watermarks;

use crate::app::components::{ErrorNote, Loaded, TabList, page_tabs};
use crate::app::load::Loadable;
use crate::app::pages::job::shortened;
use crate::app::poll::use_poll;
use crate::app::{Cluster, href};
use crate::client::{ClientError, FlinkClient, JobId, VertexDetails, VertexId};

page_tabs!(VertexTab {
    Subtasks = ("subtasks", "Subtasks"),
    TaskManagers = ("taskmanagers", "Task managers"),
    BackPressure = ("backpressure", "Back pressure"),
    Watermarks = ("watermarks", "Watermarks"),
    Metrics = ("metrics", "Metrics"),
    Accumulators = ("accumulators", "Accumulators"),
    DataSkew = ("skew", "Data skew"),
    Timeline = ("timeline", "Timeline"),
    FlameGraph = ("flamegraph", "Flame graph"),
});

impl VertexTab {
    /// The tab's path within the console (`app::href` makes it a link).
    pub fn path(self, job: &JobId, vertex: &VertexId) -> String {
        self.under(&format!("/jobs/{job}/vertices/{vertex}"))
    }

    /// Whether Flink's History Server keeps what the tab shows: a vertex's subtasks and their
    /// times, not its metrics, samples (back pressure, flame graph), watermarks or accumulators.
    pub fn archived(self) -> bool {
        matches!(self, Self::Subtasks | Self::TaskManagers | Self::DataSkew | Self::Timeline)
    }
}

/// What every tab of the vertex page reads: the ids, and the page's poll of the vertex.
#[derive(Clone)]
pub struct VertexContext {
    pub job: JobId,
    pub vertex: VertexId,
    /// `GET /jobs/{id}/vertices/{vertex}`, polled while the page is open.
    pub details: Loadable<VertexDetails>,
}

/// A tab's own poll of something about the vertex (`fetch(client, job, vertex)`).
pub fn use_vertex_poll<T, Fut>(fetch: fn(FlinkClient, JobId, VertexId) -> Fut) -> Loadable<T>
where
    T: PartialEq + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<T, ClientError>> + 'static,
{
    let VertexContext { job, vertex, .. } = expect_context::<VertexContext>();
    let client = expect_context::<Cluster>().client;
    use_poll(move || fetch(client.clone(), job.clone(), vertex.clone()))
}

#[component]
pub fn VertexPage() -> impl IntoView {
    let params = use_params_map();
    let raw = Memo::new(move |_| params.with(|p| (p.get("id").unwrap_or_default(), p.get("vertex").unwrap_or_default())));
    let tab = Memo::new(move |_| params.with(|p| VertexTab::from_segment(p.get("tab").as_deref())));
    move || {
        let (job, vertex) = raw.get();
        match (JobId::parse(&job), VertexId::parse(&vertex)) {
            (Ok(job), Ok(vertex)) => view! { <VertexView job vertex tab /> }.into_any(),
            _ => view! { <VertexNotFound job vertex /> }.into_any(),
        }
    }
}

/// A malformed id, or one that Flink does not know in this job.
#[component]
fn VertexNotFound(#[prop(into)] job: String, #[prop(into)] vertex: String) -> impl IntoView {
    let back = JobId::parse(&job).map(|j| href(&format!("/jobs/{j}"))).unwrap_or_else(|_| href("/jobs"));
    let shown = shortened(&vertex);
    view! {
        <div class="not-found" role="alert">
            <h1>{format!("Vertex {shown} not found")}</h1>
            <p>"Vertex ids are 32 hexadecimal characters, and belong to one job: the job may have ended, or the link may be of another job."</p>
            <p><A href=back>"Back to the job"</A></p>
        </div>
    }
}

#[component]
fn VertexView(job: JobId, vertex: VertexId, tab: Memo<VertexTab>) -> impl IntoView {
    let cluster = expect_context::<Cluster>();
    let (history, client) = (cluster.history(), cluster.client);
    let details = {
        let (job, vertex) = (job.clone(), vertex.clone());
        use_poll(move || {
            let (client, job, vertex) = (client.clone(), job.clone(), vertex.clone());
            async move { client.request_vertex_details(&job, &vertex).await }
        })
    };
    provide_context(VertexContext { job: job.clone(), vertex: vertex.clone(), details });
    let (raw_job, raw_vertex) = (job.to_string(), vertex.to_string());
    let failed = Callback::new(move |error: ClientError| {
        if error.is_not_found() {
            view! { <VertexNotFound job=raw_job.clone() vertex=raw_vertex.clone() /> }.into_any()
        } else {
            view! { <ErrorNote error /> }.into_any()
        }
    });
    let tab_list = move || {
        let shown = |t: &VertexTab| !history.get() || t.archived();
        let tabs: Vec<_> = VertexTab::ALL.iter().copied().filter(shown).map(|t| (t, href(&t.path(&job, &vertex)), t.label())).collect();
        view! { <TabList label="Vertex views" tabs open=tab /> }
    };
    view! {
        <Loaded data=details loading="Loading the vertex…" failed>
            <div class="job-page vertex-page">
                <VertexHeader />
                {tab_list.clone()}
                <div class="tab-panel" role="tabpanel" aria-label=move || tab.get().label()>
                    {move || match tab.get() {
                        t if history.get() && !t.archived() => view! {
                            <p class="empty">{format!("Flink's History Server does not keep a vertex's {}: the task managers report it only while the job runs.", t.label().to_lowercase())}</p>
                        }.into_any(),
                        VertexTab::Subtasks => view! { <subtasks::SubtasksTab /> }.into_any(),
                        VertexTab::TaskManagers => view! { <subtasks::TaskManagersTab /> }.into_any(),
                        VertexTab::BackPressure => view! { <backpressure::BackPressureTab /> }.into_any(),
                        VertexTab::Watermarks => view! { <watermarks::WatermarksTab /> }.into_any(),
                        VertexTab::Metrics => view! { <metrics::MetricsTab /> }.into_any(),
                        VertexTab::Accumulators => view! { <accumulators::AccumulatorsTab /> }.into_any(),
                        VertexTab::DataSkew => view! { <skew::SkewTab /> }.into_any(),
                        VertexTab::Timeline => view! { <timeline::TimelineTab /> }.into_any(),
                        VertexTab::FlameGraph => view! { <flamegraph::FlameGraphTab /> }.into_any(),
                    }}
                </div>
            </div>
        </Loaded>
    }
}

#[component]
fn VertexHeader() -> impl IntoView {
    let VertexContext { job, details, .. } = expect_context::<VertexContext>();
    let text = move |f: fn(&VertexDetails) -> String| move || details.data.with(|d| d.as_ref().map(f).unwrap_or_default());
    view! {
        <header class="job-header">
            <div class="job-title">
                <A href=href(&format!("/jobs/{job}")) attr:class="back">"← Job"</A>
                <h1>{text(|d| d.name.clone())}</h1>
            </div>
            <dl class="job-facts">
                <div><dt>"Parallelism"</dt><dd>{text(|d| d.parallelism.to_string())}</dd></div>
                <div><dt>"Max parallelism"</dt><dd>{text(|d| d.max_parallelism.to_string())}</dd></div>
                <div><dt>"Subtasks"</dt><dd>{text(|d| subtasks::status_summary(&d.subtasks))}</dd></div>
            </dl>
        </header>
    }
}
