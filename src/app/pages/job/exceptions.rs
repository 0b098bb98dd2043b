//! Exceptions tab: the latest failure (the root exception) in full, then the history.
use leptos::prelude::*;

use super::JobContext;
use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::format;
use crate::app::poll::use_poll;
use crate::client::{ExceptionInfo, JobExceptions};

#[component]
pub fn ExceptionsTab() -> impl IntoView {
    let JobContext { id, .. } = expect_context::<JobContext>();
    let client = expect_context::<Cluster>().client;
    let poll = use_poll(move || {
        let (client, id) = (client.clone(), id.clone());
        async move { client.request_job_exceptions(&id, None).await }
    });
    let exceptions = Memo::new(move |_| poll.data.get());
    view! {
        <Loaded data=poll loading="Loading exceptions…">
            {move || exceptions.get().map(|e| view! { <Exceptions exceptions=e /> })}
        </Loaded>
    }
}

#[component]
fn Exceptions(exceptions: JobExceptions) -> impl IntoView {
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
            {history.truncated.then(|| view! { <p class="muted">"Flink keeps only the latest exceptions (web.exception-history-size); older ones are gone."</p> })}
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
    view! {
        <p class="exception-header">
            <strong>{exception.exception_name}</strong>
            " · "
            <span>{format::time((exception.timestamp).into())}</span>
            {task.map(|t| view! { " · " <span>{t}</span> })}
        </p>
    }
}

/// Each exception folded to its name, time and task; the stack trace opens on demand.
#[component]
fn ExceptionList(entries: Vec<ExceptionInfo>) -> impl IntoView {
    view! {
        <ul class="exceptions">
            {entries.into_iter().map(|e| {
                let stacktrace = e.stacktrace.clone();
                view! {
                    <li>
                        <details>
                            <summary><ExceptionHeader exception=e /></summary>
                            <pre class="stacktrace">{stacktrace}</pre>
                        </details>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
