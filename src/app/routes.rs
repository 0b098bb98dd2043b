//! Each page group is a lazily loaded piece of the wasm (a split point): the first visit
//! downloads the shell and the page it lands on; other pages load when first visited, and are
//! fetched ahead when a link to them is hovered or focused, or once the browser is idle.
//!
//! Leptos 0.8's `#[lazy_route]` panics when a chunk fails to load, which kills the console.
//! These routes use the splitter's `fallible` mode instead and show the failure as a message.
//! `scripts/lib/split-build` (Trunk's post-build hook) does the split.
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::{SplitLoaderError, wasm_split};
use leptos_router::LazyRoute;

use super::pages;

/// One lazily loaded page: its route type, the split module it lives in, and its view.
macro_rules! lazy_page {
    ($route:ident, $module:ident, $preload:ident, $view:ident, $page:path) => {
        #[doc = concat!("The route of `", stringify!($page), "`, loaded from its own wasm chunk.")]
        pub struct $route;

        #[wasm_split($module, fallible, wasm_split_path = ::leptos::wasm_split, preload($preload))]
        fn $view(_route: $route) -> Result<AnyView, SplitLoaderError> {
            Ok(view! { <$page /> }.into_any())
        }

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }
            async fn view(this: Self) -> AnyView {
                $view(this).await.unwrap_or_else(|e| load_failed(e).into_any())
            }
            async fn preload() {
                // A failure here is not cached: `view` loads again and reports it.
                let _ = $preload().await;
            }
        }
    };
}

lazy_page!(OverviewRoute, page_overview, preload_overview, overview_view, pages::overview::OverviewPage);
lazy_page!(JobsRoute, page_jobs, preload_jobs, jobs_view, pages::jobs::JobsPage);
lazy_page!(JobRoute, page_job, preload_job, job_view, pages::job::JobPage);
lazy_page!(VertexRoute, page_vertex, preload_vertex, vertex_view, pages::vertex::VertexPage);
lazy_page!(TaskManagersRoute, page_taskmanagers, preload_taskmanagers, taskmanagers_view, pages::taskmanagers::TaskManagersPage);
lazy_page!(TaskManagerRoute, page_taskmanager, preload_taskmanager, taskmanager_view, pages::taskmanager::TaskManagerPage);
lazy_page!(JobManagerRoute, page_jobmanager, preload_jobmanager, jobmanager_view, pages::jobmanager::JobManagerPage);
lazy_page!(SubmitRoute, page_submit, preload_submit, submit_view, pages::submit::SubmitPage);

/// A chunk that did not arrive (offline, a deploy replaced it): say so, offer a reload.
fn load_failed(e: SplitLoaderError) -> impl IntoView {
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <div class="error" role="alert">
            <p>{format!("This page could not be loaded ({e}). Check the connection to the console's server and reload.")}</p>
            <button type="button" on:click=reload>"Reload page"</button>
        </div>
    }
}

/// Which page group a path (below the console's base) belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageGroup {
    Overview,
    Jobs,
    Job,
    Vertex,
    TaskManagers,
    TaskManager,
    JobManager,
    Submit,
}

impl PageGroup {
    pub const ALL: [PageGroup; 8] =
        [Self::Overview, Self::Jobs, Self::Job, Self::Vertex, Self::TaskManagers, Self::TaskManager, Self::JobManager, Self::Submit];

    /// The group of an app path such as `/jobs/<id>/checkpoints`; `None` for unknown paths.
    pub fn of_path(path: &str) -> Option<Self> {
        let mut parts = path.trim_matches('/').split('/').filter(|s| !s.is_empty());
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (None, ..) => Some(Self::Overview),
            (Some("jobs"), None, ..) => Some(Self::Jobs),
            (Some("jobs"), Some(_), Some("vertices"), Some(_)) => Some(Self::Vertex),
            (Some("jobs"), Some(_), ..) => Some(Self::Job),
            (Some("taskmanagers"), None, ..) => Some(Self::TaskManagers),
            (Some("taskmanagers"), Some(_), ..) => Some(Self::TaskManager),
            (Some("jobmanager"), _, None, ..) => Some(Self::JobManager),
            (Some("submit"), None, ..) => Some(Self::Submit),
            _ => None,
        }
    }

    /// Fetches the group's chunk without showing it; a loaded chunk is not fetched again.
    pub fn prefetch(self) {
        spawn_local(async move {
            match self {
                Self::Overview => OverviewRoute::preload().await,
                Self::Jobs => JobsRoute::preload().await,
                Self::Job => JobRoute::preload().await,
                Self::Vertex => VertexRoute::preload().await,
                Self::TaskManagers => TaskManagersRoute::preload().await,
                Self::TaskManager => TaskManagerRoute::preload().await,
                Self::JobManager => JobManagerRoute::preload().await,
                Self::Submit => SubmitRoute::preload().await,
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::PageGroup;

    #[test]
    fn paths_map_to_their_page_group() {
        assert_eq!(PageGroup::of_path("/"), Some(PageGroup::Overview));
        assert_eq!(PageGroup::of_path(""), Some(PageGroup::Overview));
        assert_eq!(PageGroup::of_path("/jobs"), Some(PageGroup::Jobs));
        assert_eq!(PageGroup::of_path("/jobs/"), Some(PageGroup::Jobs));
        assert_eq!(PageGroup::of_path("/jobs/abc/checkpoints"), Some(PageGroup::Job));
        assert_eq!(PageGroup::of_path("/jobs/abc/vertices/def"), Some(PageGroup::Vertex));
        assert_eq!(PageGroup::of_path("/jobs/abc/vertices/def/watermarks"), Some(PageGroup::Vertex));
        assert_eq!(PageGroup::of_path("/taskmanagers"), Some(PageGroup::TaskManagers));
        assert_eq!(PageGroup::of_path("/taskmanagers/127.0.0.1:6122-25d756"), Some(PageGroup::TaskManager));
        assert_eq!(PageGroup::of_path("/taskmanagers/127.0.0.1:6122-25d756/logs"), Some(PageGroup::TaskManager));
        assert_eq!(PageGroup::of_path("/jobmanager"), Some(PageGroup::JobManager));
        assert_eq!(PageGroup::of_path("/nowhere"), None);
        assert_eq!(PageGroup::of_path("/jobmanager/logs"), Some(PageGroup::JobManager));
        assert_eq!(PageGroup::of_path("/jobmanager/logs/more"), None);
        assert_eq!(PageGroup::of_path("/submit"), Some(PageGroup::Submit));
        assert_eq!(PageGroup::of_path("/submit/more"), None);
    }
}
