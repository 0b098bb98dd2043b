//! The job manager page, `/jobmanager` and `/jobmanager/{tab}`: the cluster configuration, the
//! JobManager's JVM and classpath, its JVM over time, its logs and stdout in the log viewer, a
//! thread dump. Each tab reads what it shows when it opens; the metrics tab polls.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

mod configuration;
mod environment;
mod metrics;

pub use configuration::ClusterConfigTable;

use crate::app::components::TabList;
use crate::app::href;
use crate::app::pages::process::{LogsTab, Process, StdoutTab, ThreadDumpTab};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobManagerTab {
    Configuration,
    Environment,
    Metrics,
    Logs,
    Stdout,
    ThreadDump,
}

impl JobManagerTab {
    pub const ALL: [JobManagerTab; 6] = [Self::Configuration, Self::Environment, Self::Metrics, Self::Logs, Self::Stdout, Self::ThreadDump];

    /// The tab named by the URL's last segment; anything unknown is the configuration.
    pub fn from_segment(segment: Option<&str>) -> Self {
        Self::ALL.into_iter().find(|t| Some(t.segment()) == segment).unwrap_or(Self::Configuration)
    }

    fn segment(self) -> &'static str {
        match self {
            Self::Configuration => "config",
            Self::Environment => "environment",
            Self::Metrics => "metrics",
            Self::Logs => "logs",
            Self::Stdout => "stdout",
            Self::ThreadDump => "thread-dump",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Configuration => "Configuration",
            Self::Environment => "Environment",
            Self::Metrics => "Metrics",
            Self::Logs => "Logs",
            Self::Stdout => "Stdout",
            Self::ThreadDump => "Thread dump",
        }
    }

    /// The tab's path within the console; the configuration is the page's own path.
    pub fn path(self) -> String {
        match self {
            Self::Configuration => "/jobmanager".into(),
            other => format!("/jobmanager/{}", other.segment()),
        }
    }
}

#[component]
pub fn JobManagerPage() -> impl IntoView {
    let params = use_params_map();
    let tab = Memo::new(move |_| params.with(|p| JobManagerTab::from_segment(p.get("tab").as_deref())));
    let tabs: Vec<_> = JobManagerTab::ALL.into_iter().map(|t| (t, href(&t.path()), t.label())).collect();
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
        for tab in JobManagerTab::ALL {
            let path = tab.path();
            assert_eq!(JobManagerTab::from_segment(path.strip_prefix("/jobmanager/")), tab, "{path}");
        }
        assert_eq!(JobManagerTab::from_segment(Some("nonsense")), JobManagerTab::Configuration);
    }
}
