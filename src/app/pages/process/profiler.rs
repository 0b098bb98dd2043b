//! The profiler tab: async-profiler samples the process for a while (CPU, wall clock,
//! allocations or locks) and leaves an HTML flame graph, which opens here in a sandboxed frame
//! or downloads. Flink keeps the last few runs; the tab lists them, following a run closely
//! until it ends. Flink 1.19 and later, where the cluster enables it.
use leptos::prelude::*;

use super::Process;
use crate::app::components::{ErrorNote, Loaded};
use crate::app::format;
use crate::app::load::load_once;
use crate::app::operation::{OpState, use_operation};
use crate::app::poll::use_poll_by;
use crate::app::{Cluster, format::duration};
use crate::client::request::profiling_file;
use crate::client::{ClientError, Millis, ProfilerTarget, ProfilingInfo, ProfilingList, ProfilingMode, ProfilingStatus};

/// What the form proposes, as Flink's UI does.
const DEFAULT_DURATION_S: &str = "30";

/// The duration typed into the form, in whole seconds.
pub fn parse_duration(text: &str) -> Result<u32, ClientError> {
    match text.trim().parse::<u32>() {
        Ok(s) if s > 0 => Ok(s),
        _ => Err(ClientError::InvalidInput(format!("The duration is a whole number of seconds, 1 or more; “{}” is not.", text.trim()))),
    }
}

/// A run is under way: Flink takes no second one meanwhile.
pub fn running(list: &ProfilingList) -> bool {
    list.profiling_list.iter().any(|r| r.status == ProfilingStatus::Running)
}

/// While a run is under way every answer counts as news, so the poll keeps Flink's interval
/// and the result shows soon after the run ends; an idle list is polled less and less often.
fn no_news(old: &ProfilingList, new: &ProfilingList) -> bool {
    old == new && !running(new)
}

/// The finished run that `started` became, once the list has it with its flame graph.
pub fn finished_file(list: &ProfilingList, started: &ProfilingInfo) -> Option<String> {
    list.profiling_list
        .iter()
        .find(|r| r.trigger_time == started.trigger_time && r.mode == started.mode && r.status == ProfilingStatus::Finished)
        .and_then(|r| r.output_file.clone())
}

/// Why there is no list: the profiler is older than the cluster, or switched off (Flink has no
/// such endpoint then, so it answers 404).
fn unavailable(error: ClientError) -> AnyView {
    let off = error.status() == Some(404);
    match (off, &error) {
        (true, _) => view! {
            <p class="flame-note" role="status">
                "The profiler is off on this cluster. Set rest.profiling.enabled: true in the Flink configuration and restart the cluster."
            </p>
        }
        .into_any(),
        (false, ClientError::Unsupported(text)) => view! { <p class="flame-note" role="status">{text.clone()}</p> }.into_any(),
        _ => view! { <ErrorNote error /> }.into_any(),
    }
}

#[component]
pub fn ProfilerTab(process: Process) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let target = StoredValue::new(process.profiler());
    let runs = {
        let client = client.clone();
        use_poll_by(
            move || {
                let (client, target) = (client.clone(), target.get_value());
                async move { client.profiling_list(&target).await }
            },
            no_news,
        )
    };
    let open = RwSignal::new(None::<String>);
    let start = use_operation::<ProfilingInfo>();
    // The run started here opens by itself when it is done, once.
    let opened_started = StoredValue::new(false);
    Effect::new(move |_| {
        let file = start.state.with(|s| match s {
            OpState::Done(info) => runs.data.with(|l| l.as_ref().and_then(|l| finished_file(l, info))),
            _ => None,
        });
        if let Some(file) = file.filter(|_| !opened_started.get_value()) {
            opened_started.set_value(true);
            open.set(Some(file));
        }
    });
    let on_start = Callback::new(move |(mode, seconds): (ProfilingMode, String)| {
        let seconds = match parse_duration(&seconds) {
            Ok(s) => s,
            Err(e) => return start.fail(e),
        };
        opened_started.set_value(false);
        let (client, target) = (client.clone(), target.get_value());
        start.run(async move {
            let started = client.start_profiling(&target, &mode, seconds).await;
            runs.refresh_now();
            started
        });
    });
    let busy = Signal::derive(move || start.is_running() || runs.data.with(|l| l.as_ref().is_some_and(running)));
    view! {
        <section class="panel profiler">
            <Loaded data=runs loading="Asking for the profiler's runs…" failed=Callback::new(unavailable)>
                <StartForm busy on_start />
                {move || match start.state.get() {
                    OpState::Failed(error) => Some(view! { <ErrorNote error /> }),
                    _ => None,
                }}
                <RunTable target=target.get_value() runs=runs.data open />
            </Loaded>
            {move || open.get().map(|file| view! { <FlameGraphFile target=target.get_value() file on_close=Callback::new(move |()| open.set(None)) /> })}
        </section>
    }
}

/// Mode and duration, and the button; the button waits while a run is under way.
#[component]
fn StartForm(busy: Signal<bool>, on_start: Callback<(ProfilingMode, String)>) -> impl IntoView {
    let mode = RwSignal::new(ProfilingMode::Itimer);
    let seconds = RwSignal::new(DEFAULT_DURATION_S.to_string());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_start.run((mode.get_untracked(), seconds.get_untracked()));
    };
    view! {
        <form class="profiler-form" on:submit=submit>
            <label>
                "Mode"
                <select on:change=move |ev| mode.set(ProfilingMode::from(event_target_value(&ev).as_str()))>
                    {ProfilingMode::KNOWN.iter().map(|m| view! {
                        <option value=m.as_str() selected=*m == ProfilingMode::Itimer>{format!("{} — {}", m.as_str(), m.describe())}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                "Duration (seconds)"
                <input type="number" min="1" step="1" inputmode="numeric" prop:value=seconds on:input=move |ev| seconds.set(event_target_value(&ev)) />
            </label>
            <button type="submit" disabled=busy>"Start profiling"</button>
            {move || busy.get().then(|| view! { <span class="muted" role="status">"A run is under way; Flink takes one at a time."</span> })}
        </form>
    }
}

/// The runs Flink keeps, newest first; each finished one opens or downloads.
#[component]
fn RunTable(target: ProfilerTarget, #[prop(into)] runs: Signal<Option<ProfilingList>>, open: RwSignal<Option<String>>) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    // A download link is the file's URL on Flink's API.
    let link = move |file: &str| client.url(&profiling_file(&target, file));
    let rows = move || {
        let list = runs.with(|l| l.as_ref().map(|l| l.profiling_list.clone()).unwrap_or_default());
        if list.is_empty() {
            return view! { <tr><td colspan="6" class="muted">"No profiling runs yet."</td></tr> }.into_any();
        }
        list.into_iter().map(|run| run_row(&link, run, open)).collect_view().into_any()
    };
    view! {
        <table class="list profiler-runs" aria-label="Profiling runs">
            <thead><tr><th>"Started"</th><th>"Mode"</th><th>"Duration"</th><th>"Status"</th><th>"Finished"</th><th>"Result"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn run_row(link: &dyn Fn(&str) -> String, run: ProfilingInfo, open: RwSignal<Option<String>>) -> impl IntoView + use<> {
    let result = match (&run.status, run.output_file.clone()) {
        (ProfilingStatus::Finished, Some(file)) => {
            let link = link(&file);
            let name = file.clone();
            view! {
                <button type="button" aria-label=format!("Open {file}") on:click=move |_| open.set(Some(name.clone()))>"Open"</button>
                " "
                <a href=link download=file.clone() aria-label=format!("Download {file}")>"Download"</a>
            }
            .into_any()
        }
        _ => view! { <span>{run.message.clone()}</span> }.into_any(),
    };
    view! {
        <tr>
            <td>{format::time(run.trigger_time)}</td>
            <td>{run.mode.to_string()}</td>
            <td class="num">{duration(Millis::from(run.duration.saturating_mul(1_000)))}</td>
            <td>{run.status.to_string()}</td>
            <td>{format::time(run.finished_time)}</td>
            <td>{result}</td>
        </tr>
    }
}

/// A run's flame graph: async-profiler's own HTML page, with the script that draws it. It is
/// not the console's text to show, so it runs in a frame sandboxed without `allow-same-origin`:
/// an opaque origin that reaches neither the console, nor its storage, nor Flink's API.
#[component]
fn FlameGraphFile(target: ProfilerTarget, file: String, on_close: Callback<()>) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let html = {
        let (target, file) = (target, file.clone());
        load_once(async move { client.profiling_file(&target, &file).await })
    };
    let title = format!("Flame graph {file}");
    let frame_title = StoredValue::new(title.clone());
    view! {
        <section class="profiler-result" aria-label=title>
            <header class="profiler-result-head">
                <h2>{file.clone()}</h2>
                <button type="button" on:click=move |_| on_close.run(())>"Close the flame graph"</button>
            </header>
            <Loaded data=html loading="Reading the flame graph…">
                {move || html.data.get().map(|page| view! { <SandboxedPage title=frame_title.get_value() page /> })}
            </Loaded>
        </section>
    }
}

/// The frame gets its page only once it is laid out in the console's document: async-profiler's
/// script sizes its canvas as it starts, and in a frame not yet laid out it measures 0 × 0 px
/// and draws nothing (seen in Chromium when `srcdoc` came with the new element).
#[component]
fn SandboxedPage(title: String, page: String) -> impl IntoView {
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let page = StoredValue::new(page);
    Effect::new(move |_| {
        if let Some(f) = frame.get() {
            request_animation_frame(move || {
                // Reading the width lays the frame out first, in case the browser has not yet.
                let _ = f.offset_width();
                let html = page.get_value();
                match page_nonce() {
                    Some(nonce) => f.set_srcdoc(&with_nonce(&html, &nonce)),
                    None => f.set_srcdoc(&html),
                }
            });
        }
    });
    view! { <iframe class="profiler-frame" node_ref=frame title=title sandbox="allow-scripts" referrerpolicy="no-referrer"></iframe> }
}

/// The nonce of the console page's Content-Security-Policy, read from the script that started
/// it (the browser keeps it in the `nonce` property only). A `srcdoc` frame inherits the
/// page's policy, so async-profiler's inline script runs only if it carries this nonce; the
/// sandbox, not the policy, is what keeps that script away from the console.
fn page_nonce() -> Option<String> {
    let script = document().query_selector("script[nonce]").ok()??;
    let nonce = js_sys::Reflect::get(&script, &"nonce".into()).ok()?.as_string()?;
    // Trunk's and nginx's nonces are base64 or hex; anything else (an unfilled placeholder) is none.
    let plain = nonce.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=_-".contains(&b));
    (plain && !nonce.is_empty()).then_some(nonce)
}

/// `html` with `nonce="…"` on each `<script>` tag (any case). `nonce` must be attribute-safe.
fn with_nonce(html: &str, nonce: &str) -> String {
    let lower = html.to_ascii_lowercase(); // same byte offsets as `html`
    let mut out = String::with_capacity(html.len() + 32);
    let mut done = 0;
    for (at, _) in lower.match_indices("<script") {
        let end = at + "<script".len();
        if lower.as_bytes().get(end).is_some_and(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/') {
            out.push_str(html.get(done..end).unwrap_or_default());
            out.push_str(&format!(" nonce=\"{nonce}\""));
            done = end;
        }
    }
    out.push_str(html.get(done..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Timestamp;

    fn run(status: &str, at: i64, file: Option<&str>) -> ProfilingInfo {
        ProfilingInfo {
            status: ProfilingStatus::from(status),
            mode: ProfilingMode::Itimer,
            trigger_time: Timestamp::from(at),
            finished_time: Timestamp::NONE,
            duration: 3,
            message: String::new(),
            output_file: file.map(str::to_string),
        }
    }

    #[test]
    fn a_duration_is_whole_seconds_from_one() {
        assert_eq!(parse_duration(" 30 ").ok(), Some(30));
        for bad in ["0", "-5", "2.5", "", "ten"] {
            assert!(matches!(parse_duration(bad), Err(ClientError::InvalidInput(_))), "{bad}");
        }
    }

    #[test]
    fn a_running_list_is_always_news_and_an_idle_one_only_when_it_changed() {
        let idle = ProfilingList { profiling_list: vec![run("FINISHED", 1, Some("a.html"))] };
        let busy = ProfilingList { profiling_list: vec![run("RUNNING", 2, None), run("FINISHED", 1, Some("a.html"))] };
        assert!(no_news(&idle, &idle.clone()));
        assert!(!no_news(&busy, &busy.clone()));
        assert!(running(&busy) && !running(&idle));
    }

    #[test]
    fn the_started_run_is_found_once_it_finished_with_a_file() {
        let started = run("RUNNING", 2, None);
        let still = ProfilingList { profiling_list: vec![started.clone()] };
        assert_eq!(finished_file(&still, &started), None);
        let done = ProfilingList { profiling_list: vec![run("FINISHED", 2, Some("b.html")), run("FINISHED", 1, Some("a.html"))] };
        assert_eq!(finished_file(&done, &started).as_deref(), Some("b.html"));
        let failed = ProfilingList { profiling_list: vec![run("FAILED", 2, None)] };
        assert_eq!(finished_file(&failed, &started), None);
    }

    #[test]
    fn each_script_tag_gets_the_nonce_and_nothing_else_changes() {
        let html = "<html><SCRIPT>a()</SCRIPT><script type='x'>b()</script><scripts></scripts><p>é <script</p></html>";
        assert_eq!(
            with_nonce(html, "n0+/="),
            "<html><SCRIPT nonce=\"n0+/=\">a()</SCRIPT><script nonce=\"n0+/=\" type='x'>b()</script><scripts></scripts><p>é <script</p></html>"
        );
        assert_eq!(with_nonce("no scripts", "n"), "no scripts");
    }
}
