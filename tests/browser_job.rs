//! Component tests of the job page's parts, in headless Chromium: the checkpoint chart, the
//! action dialogs driven through their states without a server, and the not-found message.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use flink_console::app::pages::job::JobNotFound;
use flink_console::app::pages::job::chart::{CheckpointChart, Sample, series};
use flink_console::app::pages::job::graph::{JobGraph, layout};
use flink_console::app::operation::{OpState, Operation, use_operation};
use flink_console::app::pages::job::dialogs::{
    CancelDialog, CheckpointDialog, CheckpointRequest, SavepointDialog, SavepointOutcome, SavepointRequest,
};
use flink_console::client::{Bytes, CheckpointStats, CheckpointType, ClientError, JobId, JobPlan, JobStatus, JobVertex, Millis, SavepointFormat};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod dom;
use dom::{document, js, mount, tick};

wasm_bindgen_test_configure!(run_in_browser);

fn count(element: &web_sys::Element, selector: &str) -> u32 {
    js(element, &format!("return el.querySelectorAll({selector:?}).length")).as_f64().unwrap_or(-1.0) as u32
}

fn text(element: &web_sys::Element) -> String {
    element.text_content().unwrap_or_default()
}

/// The button whose text is `label` (trimmed), inside `element`.
fn button(element: &web_sys::Element, label: &str) -> web_sys::HtmlButtonElement {
    let found = js(element, &format!("return Array.from(el.querySelectorAll('button')).find(b => b.textContent.trim() === {label:?}) ?? null"));
    assert!(!found.is_null(), "no button {label:?} in: {}", text(element));
    found.unchecked_into()
}

fn click(element: &web_sys::Element, label: &str) {
    button(element, label).click();
}

fn checkpoint(id: u64, duration: i64, size: i64) -> CheckpointStats {
    serde_json::from_value(serde_json::json!({
        "id": id, "status": "COMPLETED", "end_to_end_duration": duration, "checkpointed_size": size,
        "trigger_timestamp": 1_795_619_469_487i64 + id as i64 * 5000, "num_subtasks": 2, "num_acknowledged_subtasks": 2,
    }))
    .unwrap()
}

// --- chart ----------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn chart_draws_one_point_per_checkpoint_in_both_charts() {
    let history = vec![checkpoint(3, 30, 4096), checkpoint(2, 65, 2048), checkpoint(1, 40, 2048)];
    let host = mount(move || view! { <CheckpointChart history /> });
    tick().await;
    assert_eq!(count(&host, "figure.chart"), 2);
    assert_eq!(count(&host, "figure.chart circle"), 6);
    let t = text(&host);
    assert!(t.contains("End-to-end duration") && t.contains("Checkpointed data size"), "{t}");
    assert!(t.contains("#1") && t.contains("#3"), "oldest left, newest right: {t}");
    assert!(t.contains("65ms") && t.contains("4.0 KB"), "the tops of the axes: {t}");
    let title = js(&host, "return el.querySelector('circle title').textContent").as_string().unwrap();
    assert_eq!(title, "Checkpoint 1: 40ms");
}

#[wasm_bindgen_test]
async fn chart_of_an_empty_history_says_so() {
    let host = mount(|| view! { <CheckpointChart history=vec![] /> });
    tick().await;
    assert_eq!(count(&host, "svg"), 0);
    assert!(text(&host).contains("No checkpoints in the history yet."));
}

#[wasm_bindgen_test]
async fn chart_skips_missing_values_without_breaking() {
    let mut failed: CheckpointStats = checkpoint(2, 0, 0);
    failed.end_to_end_duration = Millis::NONE;
    failed.checkpointed_size = Bytes::NONE;
    let history = vec![checkpoint(3, 20, 100), failed, checkpoint(1, 10, 100)];
    let host = mount(move || view! { <CheckpointChart history /> });
    tick().await;
    assert_eq!(count(&host, "figure.chart circle"), 4, "two points per chart, none for checkpoint 2");
    let nan = series(&[Sample { id: 1, value: Some(f64::NAN) }, Sample { id: 2, value: None }], 100.0, 10.0);
    assert!(nan.points.is_empty());
    assert_eq!(nan.max, 0.0);
}

// --- graph ----------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn graph_draws_vertices_and_edges_with_names_as_text() {
    let plan: JobPlan = serde_json::from_value(serde_json::json!({
        "name": "p",
        "nodes": [
            { "id": "193d851ed39da35c23cfb60b0bc854bf", "parallelism": 1, "description": "Source: Events<br/>" },
            { "id": "a54a21bf9142a9afd43421e4154b1409", "parallelism": 1, "description": "x",
              "inputs": [{ "id": "193d851ed39da35c23cfb60b0bc854bf", "ship_strategy": "HASH" }] }
        ]
    }))
    .unwrap();
    let vertices: Vec<JobVertex> = serde_json::from_value(serde_json::json!([
        { "id": "a54a21bf9142a9afd43421e4154b1409", "name": "<b>Count</b>", "parallelism": 2, "maxParallelism": 8, "status": "RUNNING" }
    ]))
    .unwrap();
    let graph = layout(&plan, &vertices);
    let host = mount(move || view! { <JobGraph layout=graph /> });
    tick().await;
    assert_eq!(count(&host, "svg g.node"), 2);
    assert_eq!(count(&host, "svg g.edge"), 1);
    assert_eq!(count(&host, "b"), 0, "vertex names from Flink stay text");
    let t = text(&host);
    assert!(t.contains("Source: Events") && t.contains("<b>Count</b>") && t.contains("Parallelism: 2") && t.contains("HASH"), "{t}");
}

// --- savepoint dialog -----------------------------------------------------------------------

/// A mounted dialog, its state, what it submitted, and whether it asked to close.
type DialogUnderTest = (web_sys::HtmlElement, RwSignal<OpState<SavepointOutcome>>, RwSignal<Vec<SavepointRequest>>, RwSignal<bool>);

/// Mounts a savepoint (or stop) dialog whose submissions are recorded and set it running.
fn savepoint_dialog(stop: bool) -> DialogUnderTest {
    let op: Operation<SavepointOutcome> = use_operation();
    let state = op.state;
    let closed = RwSignal::new(false);
    let requests = RwSignal::new(Vec::new());
    let host = mount(move || {
        let on_submit = Callback::new(move |r: SavepointRequest| {
            requests.update(|v| v.push(r));
            state.set(OpState::Running);
        });
        let on_close = Callback::new(move |()| closed.set(true));
        let default_dir = Signal::derive(|| Some("file:///flink/savepoints".to_string()));
        view! { <SavepointDialog job_name="Demo: <b>orders</b>" stop default_dir op on_submit on_close /> }
    });
    (host, state, requests, closed)
}

#[wasm_bindgen_test]
async fn savepoint_dialog_goes_from_idle_to_running_to_completed() {
    let (host, state, requests, closed) = savepoint_dialog(false);
    tick().await;
    let dialog = host.query_selector("dialog").unwrap().expect("a <dialog>");
    assert!(dialog.has_attribute("open"), "shown as a modal");
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    assert_eq!(text(&document().get_element_by_id(&title_id).unwrap()), "Trigger savepoint");
    assert_eq!(count(&host, "b"), 0, "the job name stays text");
    assert!(text(&host).contains("Demo: <b>orders</b>"));
    let placeholder = js(&host, "return el.querySelector('input[type=text]').placeholder").as_string().unwrap();
    assert!(placeholder.contains("file:///flink/savepoints"), "{placeholder}");

    js(&host, "const i = el.querySelector('input[type=text]'); i.value = ' /tmp/sp '; i.dispatchEvent(new Event('input'));");
    js(&host, "el.querySelectorAll('input[type=radio]')[1].click()");
    click(&host, "Start savepoint");
    click(&host, "Start savepoint");
    tick().await;
    assert_eq!(requests.get_untracked().len(), 1, "a second click while running starts nothing");
    let first = requests.get_untracked()[0].clone();
    assert_eq!(first.target_directory, "/tmp/sp");
    assert_eq!(first.format, SavepointFormat::Native);
    assert!(!first.drain);
    assert!(button(&host, "Start savepoint").disabled(), "submit disabled while running");
    assert!(text(&host).contains("Taking the savepoint…"));
    click(&host, "Start savepoint");
    assert_eq!(requests.get_untracked().len(), 1);

    state.set(OpState::Done(SavepointOutcome { location: "file:/flink/savepoints/savepoint-970762-6d3131af20bb".into(), final_state: None }));
    tick().await;
    let t = text(&host);
    assert!(t.contains("Savepoint completed"), "{t}");
    let location = js(&host, "return el.querySelector('output.location').textContent").as_string().unwrap();
    assert_eq!(location, "file:/flink/savepoints/savepoint-970762-6d3131af20bb");
    button(&host, "Copy location");
    click(&host, "Close");
    assert!(closed.get_untracked());
}

#[wasm_bindgen_test]
async fn savepoint_failure_shows_flinks_reason_and_retries_keep_the_trigger_id() {
    let (host, state, requests, _) = savepoint_dialog(false);
    tick().await;
    click(&host, "Start savepoint");
    tick().await;
    // The trigger request never got an answer: a retry must reuse the id.
    state.set(OpState::Failed(ClientError::Network { url: "/api/jobs/x/savepoints".into(), message: "Failed to fetch".into() }));
    tick().await;
    click(&host, "Try again");
    tick().await;
    assert_eq!(requests.get_untracked().len(), 2);
    assert_eq!(requests.get_untracked()[0].trigger_id, requests.get_untracked()[1].trigger_id, "same trigger id on a retry");

    let trace = "java.util.concurrent.CompletionException: org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint was declined (tasks not ready)\n\tat org.apache.flink.X.y(X.java:1)\nCaused by: java.io.IOException: Failed to create savepoint directory at /proc/x\n\t... 3 more";
    state.set(OpState::Failed(ClientError::OperationFailed {
        operation: "savepoint".into(),
        class: "org.apache.flink.util.SerializedThrowable".into(),
        stack_trace: trace.into(),
    }));
    tick().await;
    let alert = host.query_selector("[role=alert]").unwrap().expect("the failure as an alert");
    let sentence = text(&alert.query_selector("p").unwrap().unwrap());
    assert_eq!(sentence, "The savepoint failed: Checkpoint was declined (tasks not ready)");
    let details = alert.query_selector("details pre").unwrap().expect("Flink's details, folded");
    assert!(text(&details).contains("X.java:1"));
    assert!(text(&host).contains("Cause: Failed to create savepoint directory at /proc/x"), "the innermost cause, readable");
    assert!(!button(&host, "Try again").disabled());
    click(&host, "Try again");
    tick().await;
    assert_eq!(requests.get_untracked().len(), 3);
    assert_ne!(requests.get_untracked()[1].trigger_id, requests.get_untracked()[2].trigger_id, "a new id after Flink reported the failure");
}

#[wasm_bindgen_test]
async fn stop_dialog_asks_for_confirmation_and_reports_the_final_state() {
    let (host, state, requests, _) = savepoint_dialog(true);
    tick().await;
    assert!(text(&host).contains("Drain"));
    js(&host, "el.querySelector('input[type=checkbox]').click()");
    click(&host, "Continue");
    tick().await;
    assert!(requests.get_untracked().is_empty(), "nothing is sent before the confirmation");
    let t = text(&host);
    assert!(t.contains("Stop “Demo: <b>orders</b>”?") && t.contains("file:///flink/savepoints"), "{t}");
    click(&host, "Yes, stop job");
    tick().await;
    assert_eq!(requests.get_untracked().len(), 1);
    assert!(requests.get_untracked()[0].drain);
    assert!(button(&host, "Yes, stop job").disabled());
    assert!(button(&host, "Back").disabled());

    state.set(OpState::Done(SavepointOutcome { location: "file:/sp/savepoint-1".into(), final_state: Some(JobStatus::Finished) }));
    tick().await;
    let t = text(&host);
    assert!(t.contains("Savepoint completed") && t.contains("file:/sp/savepoint-1") && t.contains("FINISHED"), "{t}");
}

// --- checkpoint and cancel dialogs ------------------------------------------------------------

#[wasm_bindgen_test]
async fn checkpoint_dialog_sends_the_type_and_shows_the_checkpoint_id() {
    let op = use_operation();
    let state = op.state;
    let requests = RwSignal::new(Vec::<CheckpointRequest>::new());
    let host = mount(move || {
        let on_submit = Callback::new(move |r| {
            requests.update(|v| v.push(r));
            state.set(OpState::Running);
        });
        view! { <CheckpointDialog job_name="clicks" op on_submit on_close=Callback::new(|()| {}) /> }
    });
    tick().await;
    js(&host, "el.querySelectorAll('input[type=radio]')[1].click()");
    click(&host, "Start checkpoint");
    click(&host, "Start checkpoint");
    tick().await;
    assert_eq!(requests.get_untracked().len(), 1);
    assert_eq!(requests.get_untracked()[0].checkpoint_type, CheckpointType::Full);
    assert!(button(&host, "Start checkpoint").disabled());
    state.set(OpState::Done(42));
    tick().await;
    assert!(text(&host).contains("Checkpoint 42 completed"));
}

#[wasm_bindgen_test]
async fn cancel_dialog_names_the_job_and_confirms_once() {
    let op = use_operation();
    let state = op.state;
    let confirmed = RwSignal::new(0);
    let host = mount(move || {
        let on_confirm = Callback::new(move |()| {
            confirmed.update(|n| *n += 1);
            state.set(OpState::Running);
        });
        view! { <CancelDialog job_name="Demo: click counts" op on_confirm on_close=Callback::new(|()| {}) /> }
    });
    tick().await;
    assert!(text(&host).contains("Cancel “Demo: click counts”?"));
    click(&host, "Yes, cancel job");
    click(&host, "Yes, cancel job");
    tick().await;
    assert_eq!(confirmed.get_untracked(), 1);
    state.set(OpState::Done(JobStatus::Canceled));
    tick().await;
    assert!(text(&host).contains("CANCELED"));
}

// --- not found --------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn not_found_names_the_job_plainly() {
    let malformed = JobId::parse("no-such-job").unwrap_err();
    let host = mount(move || view! { <Router><JobNotFound id="no-such-job" reason=malformed /></Router> });
    tick().await;
    let t = text(&host);
    assert!(t.contains("Job no-such-job not found"), "{t}");
    assert!(t.contains("32 hexadecimal"), "{t}");

    let unknown = ClientError::Http { url: "/api/jobs/0".into(), status: 404, messages: vec!["Job not found".into()] };
    let host = mount(move || view! { <Router><JobNotFound id="00000000000000000000000000000000" reason=unknown /></Router> });
    tick().await;
    let t = text(&host);
    assert!(t.contains("Job 00000000000000000000000000000000 not found"), "{t}");
    assert!(t.contains("Flink does not know this job"), "{t}");
}

#[wasm_bindgen_test]
async fn exceptions_lead_with_the_root_cause_show_labels_and_load_more_asks_for_more() {
    use flink_console::app::pages::job::exceptions::{Exceptions, PAGE};
    use flink_console::client::JobExceptions;
    let recorded: serde_json::Value = serde_json::from_str(include_str!("fixtures/job_exceptions_failing.json")).unwrap();
    let mut body = recorded["body"].clone();
    // Flink's failure enrichers label failures; the demo cluster has none, so one is added here.
    body["exceptionHistory"]["entries"][1]["failureLabels"] = serde_json::json!({ "type": "user" });
    let exceptions: JobExceptions = serde_json::from_value(body).unwrap();
    let max = RwSignal::new(PAGE);
    let host = mount(move || view! { <Exceptions exceptions=exceptions.clone() max /> });
    tick().await;
    let root = host.query_selector(".root-cause").unwrap().expect("the root cause line");
    assert!(text(&root).starts_with("Root cause: java.lang.IllegalStateException: Demo failure"), "{}", text(&root));
    let labels = host.query_selector("[aria-label='Failure labels']").unwrap().expect("the history entry's labels");
    assert_eq!(text(&labels), "type: user");
    assert_eq!(count(&host, "pre.stacktrace"), 2, "the root's trace open, the older one folded");

    // Flink says the history is longer than asked: "Load more" asks for the next page.
    let button = js(&host, "return [...el.querySelectorAll('button')].find(b => b.textContent === 'Load more') ?? null");
    assert!(!button.is_null(), "a Load more button");
    js(&host, "[...el.querySelectorAll('button')].find(b => b.textContent === 'Load more').click()");
    tick().await;
    assert_eq!(max.get_untracked(), 2 * PAGE);
}
