//! The logs and stdout tabs: the task manager's log files, the one picked (at first its main
//! log) in the viewer; and what it printed to stdout.
use leptos::prelude::*;

use super::TaskManagerContext;
use super::logview::LogViewer;
use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::format;
use crate::app::load::load_once;
use crate::client::{LogFile, LogList, request};

/// The file to open first: the main log (a `.log` named for the task manager), else any `.log`,
/// else the first file.
pub fn main_log(logs: &[LogFile]) -> Option<String> {
    let named = |l: &&LogFile| l.name.ends_with(".log") && (l.name.contains("taskexecutor") || l.name.contains("taskmanager"));
    logs.iter().find(named).or_else(|| logs.iter().find(|l| l.name.ends_with(".log"))).or(logs.first()).map(|l| l.name.clone())
}

#[component]
pub fn LogsTab() -> impl IntoView {
    let TaskManagerContext { id, .. } = expect_context::<TaskManagerContext>();
    let client = expect_context::<Cluster>().client;
    let logs = {
        let id = id.clone();
        load_once(async move { client.taskmanager_logs(&id).await })
    };
    let open = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if open.with_untracked(Option::is_none)
            && let Some(name) = logs.data.with(|l| l.as_ref().and_then(|l| main_log(&l.logs)))
        {
            open.set(Some(name));
        }
    });
    let viewer = move || {
        open.get().map(|name| {
            let file = request::taskmanager_log_file(&id, &name);
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
                    let empty = rows.is_empty().then(|| view! { <tr><td colspan="3" class="empty">"This task manager lists no log files."</td></tr> });
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
pub fn StdoutTab() -> impl IntoView {
    let TaskManagerContext { id, .. } = expect_context::<TaskManagerContext>();
    view! { <LogViewer name="stdout".to_string() file=request::taskmanager_stdout(&id) /> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(names: &[&str]) -> Vec<LogFile> {
        names.iter().map(|n| LogFile { name: n.to_string(), size: 1, mtime: 1 }).collect()
    }

    #[test]
    fn the_main_log_opens_first() {
        assert_eq!(main_log(&files(&["gc.log", "flink-root-taskexecutor-0-host.log", "x.out"])).as_deref(), Some("flink-root-taskexecutor-0-host.log"));
        assert_eq!(main_log(&files(&["a.out", "gc.log"])).as_deref(), Some("gc.log"));
        assert_eq!(main_log(&files(&["a.out"])).as_deref(), Some("a.out"));
        assert_eq!(main_log(&[]), None);
    }
}
