//! The logs and stdout tabs: a process's log files, the one picked (at first its main log) in
//! the viewer; and what it printed to stdout.
use leptos::prelude::*;

use super::Process;
use super::logview::LogViewer;
use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::format;
use crate::app::load::load_once;
use crate::client::{LogFile, LogList};

/// The file to open first: the process's main log (a `.log` named for it), else any `.log`,
/// else the first file.
pub fn main_log(process: &Process, logs: &[LogFile]) -> Option<String> {
    let words = process.main_log_words();
    let named = |l: &&LogFile| l.name.ends_with(".log") && words.iter().any(|w| l.name.contains(w));
    logs.iter().find(named).or_else(|| logs.iter().find(|l| l.name.ends_with(".log"))).or(logs.first()).map(|l| l.name.clone())
}

#[component]
pub fn LogsTab(process: Process) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let logs = {
        let process = process.clone();
        load_once(async move { process.logs(&client).await })
    };
    let process = StoredValue::new(process);
    let open = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if open.with_untracked(Option::is_none)
            && let Some(name) = logs.data.with(|l| l.as_ref().and_then(|l| process.with_value(|p| main_log(p, &l.logs))))
        {
            open.set(Some(name));
        }
    });
    let viewer = move || {
        open.get().map(|name| {
            let file = process.with_value(|p| p.log_file(&name));
            view! { <LogViewer name file /> }
        })
    };
    view! {
        <Loaded data=logs loading="Listing the log files…">
            <LogFiles logs=logs.data open />
        </Loaded>
        {viewer}
    }
}

/// The files, newest first; a click opens one in the viewer.
#[component]
fn LogFiles(#[prop(into)] logs: Signal<Option<LogList>>, open: RwSignal<Option<String>>) -> impl IntoView {
    let rows = Memo::new(move |_| {
        let mut rows = logs.with(|l| l.as_ref().map(|l| l.logs.clone()).unwrap_or_default());
        rows.sort_by(|a, b| b.mtime.cmp(&a.mtime).then_with(|| a.name.cmp(&b.name)));
        rows
    });
    view! {
        <table class="list log-files" aria-label="Log files">
            <thead>
                <tr><th scope="col">"File"</th><th scope="col" class="num">"Size"</th><th scope="col">"Modified"</th></tr>
            </thead>
            <tbody>
                {move || {
                    let rows = rows.get();
                    let empty = rows.is_empty().then(|| view! { <tr><td colspan="3" class="empty">"No log files are listed."</td></tr> });
                    let rows = rows.into_iter().map(|log| {
                        let name = log.name.clone();
                        let pressed = {
                            let name = name.clone();
                            move || open.with(|o| o.as_deref() == Some(name.as_str())).to_string()
                        };
                        view! {
                            <tr>
                                <td><button type="button" class="link" aria-pressed=pressed on:click=move |_| open.set(Some(name.clone()))>{log.name.clone()}</button></td>
                                <td class="num">{format::bytes(log.size.into())}</td>
                                <td>{format::time(log.mtime.into())}</td>
                            </tr>
                        }
                    }).collect_view();
                    (empty, rows)
                }}
            </tbody>
        </table>
    }
}

#[component]
pub fn StdoutTab(process: Process) -> impl IntoView {
    view! { <LogViewer name="stdout".to_string() file=process.stdout() /> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(names: &[&str]) -> Vec<LogFile> {
        names.iter().map(|n| LogFile { name: n.to_string(), size: 1, mtime: 1 }).collect()
    }

    #[test]
    fn the_main_log_opens_first() {
        let tm = Process::TaskManager(crate::client::TaskManagerId::parse("localhost:1-a").unwrap());
        let both = files(&["flink-root-standalonesession-0-host.log", "gc.log", "flink-root-taskexecutor-0-host.log", "x.out"]);
        assert_eq!(main_log(&tm, &both).as_deref(), Some("flink-root-taskexecutor-0-host.log"));
        assert_eq!(main_log(&Process::JobManager, &both).as_deref(), Some("flink-root-standalonesession-0-host.log"));
        assert_eq!(main_log(&Process::JobManager, &files(&["taskmanager.log", "jobmanager.log"])).as_deref(), Some("jobmanager.log"));
        assert_eq!(main_log(&tm, &files(&["a.out", "gc.log"])).as_deref(), Some("gc.log"));
        assert_eq!(main_log(&tm, &files(&["a.out"])).as_deref(), Some("a.out"));
        assert_eq!(main_log(&tm, &[]), None);
    }
}
