//! The thread dump tab: every thread's state and stack as the JVM printed it, filtered by any
//! text (a thread name, a class, a state), each state counted, all of it copyable. A dump is
//! taken when the tab opens and again on request.
use leptos::prelude::*;

use super::Process;
use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::load::load_once;
use crate::client::{ThreadDump, ThreadInfo};

/// The threads whose name or stack holds every word of `filter` (ASCII case folded).
pub fn threads_matching<'a>(dump: &'a ThreadDump, filter: &str) -> Vec<&'a ThreadInfo> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_ascii_lowercase).collect();
    dump.thread_infos
        .iter()
        .filter(|t| {
            let (name, stack) = (t.thread_name.to_ascii_lowercase(), t.stringified_thread_info.to_ascii_lowercase());
            words.iter().all(|w| name.contains(w.as_str()) || stack.contains(w.as_str()))
        })
        .collect()
}

/// A thread's state from its first line (`"main" Id=1 WAITING on …`).
fn state(t: &ThreadInfo) -> &str {
    let first = t.stringified_thread_info.lines().next().unwrap_or_default();
    const STATES: [&str; 6] = ["RUNNABLE", "BLOCKED", "TIMED_WAITING", "WAITING", "NEW", "TERMINATED"];
    STATES.into_iter().find(|s| first.split_whitespace().any(|w| w == *s)).unwrap_or("other")
}

/// How many threads are in each state, as `RUNNABLE 12 · WAITING 30`.
pub fn state_counts(threads: &[&ThreadInfo]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for t in threads {
        let s = state(t);
        match counts.iter_mut().find(|(name, _)| *name == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    counts.iter().map(|(s, n)| format!("{s} {n}")).collect::<Vec<_>>().join(" · ")
}

#[component]
pub fn ThreadDumpTab(process: Process) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    // Taken again on "Take a new thread dump": the tab is re-made with a fresh load.
    let round = RwSignal::new(0u32);
    move || {
        round.track();
        let (client, process) = (client.clone(), process.clone());
        let dump = load_once(async move { process.thread_dump(&client).await });
        view! {
            <section class="panel">
                <button type="button" on:click=move |_| round.update(|r| *r += 1)>"Take a new thread dump"</button>
                <Loaded data=dump loading="Taking a thread dump…">
                    <ThreadDumpView dump=dump.data />
                </Loaded>
            </section>
        }
    }
}

/// The filter, the counts, a copy button, and the matching threads' text.
#[component]
pub fn ThreadDumpView(#[prop(into)] dump: Signal<Option<ThreadDump>>) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let copied = RwSignal::new(None::<&'static str>);
    let shown = Memo::new(move |_| {
        dump.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| threads_matching(d, &filter.get()).into_iter().cloned().collect::<Vec<_>>())
        })
    });
    let summary = move || {
        let all = dump.with(|d| d.as_ref().map_or(0, |d| d.thread_infos.len()));
        shown.with(|s| format!("{} of {all} threads · {}", s.len(), state_counts(&s.iter().collect::<Vec<_>>())))
    };
    let copy = move |_| {
        let text = shown.with(|s| s.iter().map(|t| t.stringified_thread_info.as_str()).collect::<Vec<_>>().join("\n"));
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else { return };
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await;
            copied.set(Some(if done.is_ok() { "Copied." } else { "The browser did not allow copying." }));
        });
    };
    view! {
        <div class="list-tools">
            <label>"Filter threads "
                <input type="search" placeholder="Name, class or state" prop:value=move || filter.get() on:input=move |e| filter.set(event_target_value(&e)) />
            </label>
            <button type="button" on:click=copy>"Copy the shown threads"</button>
            <span class="hint" aria-live="polite">{move || copied.get()}</span>
        </div>
        <p class="hint" role="status">{summary}</p>
        <div class="thread-dump" role="region" aria-label="Threads" tabindex="0">
            {move || shown.get().into_iter().map(|t| view! {
                <pre class="thread" aria-label=t.thread_name.clone()>{t.stringified_thread_info}</pre>
            }).collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dump() -> ThreadDump {
        let t = |name: &str, text: &str| ThreadInfo { thread_name: name.into(), stringified_thread_info: text.into() };
        ThreadDump {
            thread_infos: vec![
                t("main", "\"main\" Id=1 WAITING on java.lang.Object@1\n\tat java.lang.Object.wait(Native Method)\n"),
                t("Source: clicks (1/2)#0", "\"Source: clicks (1/2)#0\" Id=70 RUNNABLE\n\tat org.apache.flink.Foo.run\n"),
                t("Timer", "\"Timer\" Id=9 TIMED_WAITING\n"),
                t("netty", "\"netty\" Id=12 RUNNABLE (in native)\n"),
            ],
        }
    }

    #[test]
    fn the_filter_matches_names_and_stacks_in_any_case() {
        let d = dump();
        let names = |f: &str| threads_matching(&d, f).iter().map(|t| t.thread_name.as_str()).collect::<Vec<_>>();
        assert_eq!(names("source"), ["Source: clicks (1/2)#0"]);
        assert_eq!(names("runnable"), ["Source: clicks (1/2)#0", "netty"]);
        assert_eq!(names("object.wait"), ["main"]);
        assert_eq!(names("").len(), 4);
        assert!(names("nothing here").is_empty());
    }

    #[test]
    fn states_are_counted_most_first() {
        let d = dump();
        assert_eq!(state_counts(&threads_matching(&d, "")), "RUNNABLE 2 · TIMED_WAITING 1 · WAITING 1");
        assert_eq!(state_counts(&[]), "");
    }
}
