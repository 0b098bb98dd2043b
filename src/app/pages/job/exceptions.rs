//! Exceptions tab: the latest failure (the root exception) in full, then the history. Each entry
//! leads with its root cause (the innermost `Caused by:`), names its task and task manager (a
//! link to its page), and shows the failure enrichers' labels; "Load more" asks Flink for a
//! longer history.
use leptos::prelude::*;

use super::JobContext;
use crate::app::pages::taskmanager::task_manager_link;
use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::format;
use crate::app::poll::use_poll;
use crate::client::{ExceptionInfo, JobExceptions};

/// How many entries the tab asks for at first, and how many more each "Load more" adds.
pub const PAGE: u32 = 10;

#[component]
pub fn ExceptionsTab() -> impl IntoView {
    let JobContext { id, .. } = expect_context::<JobContext>();
    let client = expect_context::<Cluster>().client;
    let max = RwSignal::new(PAGE);
    let poll = use_poll(move || {
        let (client, id, max) = (client.clone(), id.clone(), max.get_untracked());
        async move { client.request_job_exceptions(&id, Some(max)).await }
    });
    // "Load more" asks at once, not at the next tick (the first run is the mount: the poll has just asked).
    Effect::new(move |asked: Option<u32>| {
        let wanted = max.get();
        if asked.is_some_and(|a| a != wanted) {
            poll.refresh_now();
        }
        wanted
    });
    let exceptions = Memo::new(move |_| poll.data.get());
    view! {
        <Loaded data=poll loading="Loading exceptions…">
            {move || exceptions.get().map(|e| view! { <Exceptions exceptions=e max /> })}
        </Loaded>
    }
}

/// The innermost cause of a Java stack trace: the text of its last `Caused by:` line, else its
/// first line. Flink's traces put the wrapper first; the cause is what an operator fixes.
pub fn root_cause(trace: &str) -> &str {
    let caused = trace.lines().filter_map(|l| l.trim_start().strip_prefix("Caused by: ")).next_back();
    caused.or_else(|| trace.lines().map(str::trim).find(|l| !l.is_empty())).unwrap_or("").trim()
}

#[component]
pub fn Exceptions(exceptions: JobExceptions, max: RwSignal<u32>) -> impl IntoView {
    let history = exceptions.exception_history;
    let mut entries = history.entries.into_iter();
    let Some(root) = entries.next() else {
        return view! { <p class="empty">"No exceptions: the job has not failed."</p> }.into_any();
    };
    let older: Vec<ExceptionInfo> = entries.collect();
    view! {
        <section class="panel">
            <h2>"Root exception"</h2>
            <ExceptionHeader exception=root.clone() />
            <p class="root-cause"><span class="muted">"Root cause: "</span>{root_cause(&root.stacktrace).to_string()}</p>
            <pre class="stacktrace">{root.stacktrace}</pre>
            {(!root.concurrent_exceptions.is_empty()).then(|| view! {
                <h3>"Concurrent exceptions"</h3>
                <ExceptionList entries=root.concurrent_exceptions />
            })}
        </section>
        <section class="panel">
            <h2>"History"</h2>
            {if older.is_empty() {
                view! { <p class="empty">"No earlier exceptions."</p> }.into_any()
            } else {
                view! { <ExceptionList entries=older /> }.into_any()
            }}
            {history.truncated.then(|| view! {
                <p>
                    <button type="button" on:click=move |_| max.update(|m| *m = m.saturating_add(PAGE))>"Load more"</button>
                </p>
            })}
            <p class="muted">"Flink keeps the latest failures only (web.exception-history-size, 16 by default)."</p>
        </section>
    }
    .into_any()
}

#[component]
fn ExceptionHeader(exception: ExceptionInfo) -> impl IntoView {
    let task = exception.task_name.map(|t| match exception.endpoint {
        Some(e) => format!("{t} on {e}"),
        None => t,
    });
    let labels: Vec<String> = exception.failure_labels.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    view! {
        <span class="exception-header">
            <strong>{exception.exception_name}</strong>
            " · "
            <span>{format::time((exception.timestamp).into())}</span>
            {task.map(|t| view! { " · " <span>{t}</span> })}
            {exception.task_manager_id.map(|tm| {
                view! { " · " <span class="muted">"task manager "</span>{task_manager_link(tm)} }
            })}
            {(!labels.is_empty()).then(|| view! {
                <span class="labels" aria-label="Failure labels">
                    {labels.into_iter().map(|l| view! { <span class="label">{l}</span> }).collect_view()}
                </span>
            })}
        </span>
    }
}

/// Each exception folded to its name, time, task and root cause; the stack trace opens on demand.
#[component]
fn ExceptionList(entries: Vec<ExceptionInfo>) -> impl IntoView {
    view! {
        <ul class="exceptions">
            {entries.into_iter().map(|e| {
                let stacktrace = e.stacktrace.clone();
                let cause = root_cause(&stacktrace).to_string();
                view! {
                    <li>
                        <details>
                            <summary><ExceptionHeader exception=e /><span class="root-cause">{cause}</span></summary>
                            <pre class="stacktrace">{stacktrace}</pre>
                        </details>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::root_cause;

    #[test]
    fn the_root_cause_is_the_innermost_caused_by_else_the_first_line() {
        let trace = "org.apache.flink.runtime.JobException: Recovery is suppressed\n\tat a.b(C.java:1)\nCaused by: java.io.IOException: disk\n\tat d.e\nCaused by: java.lang.IllegalStateException: Demo failure\n\t... 3 more";
        assert_eq!(root_cause(trace), "java.lang.IllegalStateException: Demo failure");
        assert_eq!(root_cause("\njava.lang.IllegalStateException: Demo failure\n\tat x"), "java.lang.IllegalStateException: Demo failure");
        assert_eq!(root_cause(""), "");
    }
}
