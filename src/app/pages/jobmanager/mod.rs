//! The job manager page, `/jobmanager` and `/jobmanager/{tab}`: the cluster configuration, the
//! JobManager's JVM and classpath, its JVM over time, its logs and stdout in the log viewer, a
//! thread dump. Each tab reads what it shows when it opens; the metrics tab polls.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

mod configuration;
mod environment;
mod metrics;

pub use configuration::ClusterConfigTable;

use crate::app::components::{TabList, page_tabs};
use crate::app::href;
use crate::app::pages::process::{LogsTab, Process, ProfilerTab, StdoutTab, ThreadDumpTab};

page_tabs!(JobManagerTab {
    Configuration = ("config", "Configuration"),
    Environment = ("environment", "Environment"),
    Metrics = ("metrics", "Metrics"),
    Logs = ("logs", "Logs"),
    Stdout = ("stdout", "Stdout"),
    ThreadDump = ("thread-dump", "Thread dump"),
    Profiler = ("profiler", "Profiler"),
});

impl JobManagerTab {
    /// The tab's path within the console; the configuration is the page's own path.
    pub fn path(self) -> String {
        self.under("/jobmanager")
    }
}

#[component]
pub fn JobManagerPage() -> impl IntoView {
    let params = use_params_map();
    let tab = Memo::new(move |_| params.with(|p| JobManagerTab::from_segment(p.get("tab").as_deref())));
    let tabs: Vec<_> = JobManagerTab::ALL.iter().copied().map(|t| (t, href(&t.path()), t.label())).collect();
    view! {
        <div class="job-page jm-page">
            <header class="job-header">
                <div class="job-title"><h1>"Job Manager"</h1></div>
            </header>
            <TabList label="Job manager views" tabs open=tab />
            <div class="tab-panel" role="tabpanel" aria-label=move || tab.get().label()>
                {move || match tab.get() {
                    JobManagerTab::Configuration => view! { <configuration::ConfigurationTab /> }.into_any(),
                    JobManagerTab::Environment => view! { <environment::EnvironmentTab /> }.into_any(),
                    JobManagerTab::Metrics => view! { <metrics::MetricsTab /> }.into_any(),
                    JobManagerTab::Logs => view! { <LogsTab process=Process::JobManager /> }.into_any(),
                    JobManagerTab::Stdout => view! { <StdoutTab process=Process::JobManager /> }.into_any(),
                    JobManagerTab::ThreadDump => view! { <ThreadDumpTab process=Process::JobManager /> }.into_any(),
                    JobManagerTab::Profiler => view! { <ProfilerTab process=Process::JobManager /> }.into_any(),
                }}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_tab_has_a_path_that_names_it_again() {
        for &tab in JobManagerTab::ALL {
            let path = tab.path();
            assert_eq!(JobManagerTab::from_segment(path.strip_prefix("/jobmanager/")), tab, "{path}");
        }
        assert_eq!(JobManagerTab::from_segment(Some("nonsense")), JobManagerTab::Configuration);
    }
}
