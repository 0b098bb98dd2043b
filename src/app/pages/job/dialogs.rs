//! The action dialogs. Each one only shows an `OpState` signal and reports the user's choice
//! through a callback, so a test can walk it through idle → running → done or failed without
//! a server; `actions` does the talking to Flink.
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::components::{ErrorNote, StatusBadge};
use crate::client::{CheckpointType, ClientError, JobStatus, SavepointFormat, TriggerId};

/// Where an operation started from a dialog is.
#[derive(Clone, Debug, PartialEq)]
pub enum OpState<T> {
    Idle,
    Running,
    Done(T),
    Failed(ClientError),
}

impl<T> OpState<T> {
    pub fn is_running(&self) -> bool {
        matches!(self, Self::Running)
    }
}

/// The trigger id of the next attempt. A retry keeps the id, so Flink answers with the operation
/// it may already have started instead of taking a second savepoint. After Flink itself reported
/// the operation failed, the same id would only replay that failure (results are kept 5 min),
/// so that retry gets a new one.
pub fn next_trigger_id<T>(previous: &OpState<T>, current: &TriggerId) -> TriggerId {
    match previous {
        OpState::Failed(ClientError::OperationFailed { .. }) => TriggerId::random(),
        _ => current.clone(),
    }
}

/// What the savepoint and stop dialogs ask Flink for.
#[derive(Clone, Debug, PartialEq)]
pub struct SavepointRequest {
    /// Empty: the cluster's default directory.
    pub target_directory: String,
    pub format: SavepointFormat,
    /// Stop only: emit MAX_WATERMARK before stopping.
    pub drain: bool,
    pub trigger_id: TriggerId,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SavepointOutcome {
    pub location: String,
    /// Stop only: the state the job ended in.
    pub final_state: Option<JobStatus>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CheckpointRequest {
    pub checkpoint_type: CheckpointType,
    pub trigger_id: TriggerId,
}

fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A modal `<dialog>` (focus trapped, page behind inert), labelled by its heading. Escape and
/// "Close" only close it: an operation already sent goes on in Flink, and its result shows up
/// in the job's data.
#[component]
pub fn Modal(
    /// The heading, and the dialog's accessible name.
    #[prop(into)]
    title: String,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get().filter(|d| !d.open()) {
            let _ = d.show_modal();
        }
    });
    let title_id = unique_id("dialog-title");
    let labelled_by = title_id.clone();
    view! {
        <dialog
            node_ref=dialog
            class="modal"
            aria-labelledby=labelled_by
            aria-modal="true"
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                on_close.run(());
            }
        >
            <h2 id=title_id>{title}</h2>
            {children()}
        </dialog>
    }
}

/// "Working…" while the operation runs, Flink's reason when it failed, nothing otherwise.
#[component]
fn Progress<T: Clone + Send + Sync + 'static>(state: RwSignal<OpState<T>>, running: &'static str) -> impl IntoView {
    move || match state.get() {
        OpState::Running => view! {
            <p class="progress" role="status"><span class="spinner" aria-hidden="true"></span>{running}</p>
        }
        .into_any(),
        OpState::Failed(error) => {
            let cause = error.root_cause();
            view! {
                <ErrorNote error />
                {cause.map(|c| view! { <p class="root-cause">"Cause: " {c}</p> })}
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}

#[component]
fn Buttons(
    #[prop(into)] submit: Signal<String>,
    #[prop(optional)] danger: bool,
    #[prop(into)] running: Signal<bool>,
    #[prop(into)] cancel: String,
    /// "Back" makes no sense while the operation runs; "Close" always does.
    #[prop(optional)]
    cancel_waits: bool,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="dialog-buttons">
            <button type="submit" class=if danger { "danger" } else { "primary" } disabled=running>{submit}</button>
            <button type="button" disabled=move || cancel_waits && running.get() on:click=move |_| on_cancel.run(())>{cancel}</button>
        </div>
    }
}

/// "Trigger savepoint", and with `stop` "Stop with savepoint": target directory, format,
/// (drain and a confirmation step), progress, then the location or Flink's reason.
#[component]
pub fn SavepointDialog(
    #[prop(into)] job_name: String,
    /// Stop the job after the savepoint: adds "Drain" and a confirmation step.
    #[prop(optional)]
    stop: bool,
    /// The cluster's default directory (`execution.checkpointing.savepoint-dir`), if known.
    #[prop(into)]
    default_dir: Signal<Option<String>>,
    state: RwSignal<OpState<SavepointOutcome>>,
    on_submit: Callback<SavepointRequest>,
    on_close: Callback<()>,
) -> impl IntoView {
    let dir = RwSignal::new(String::new());
    let format = RwSignal::new(SavepointFormat::Canonical);
    let drain = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    // Made when the dialog opens, so every retry from it reuses the id (see next_trigger_id).
    let trigger = StoredValue::new(TriggerId::random());
    let running = Signal::derive(move || state.with(OpState::is_running));
    let submit = move || {
        if state.with_untracked(OpState::is_running) {
            return;
        }
        if stop && !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        let trigger_id = state.with_untracked(|s| next_trigger_id(s, &trigger.get_value()));
        trigger.set_value(trigger_id.clone());
        on_submit.run(SavepointRequest {
            target_directory: dir.get_untracked().trim().to_string(),
            format: format.get_untracked(),
            drain: stop && drain.get_untracked(),
            trigger_id,
        });
    };
    let title = if stop { "Stop with savepoint" } else { "Trigger savepoint" };
    let shown_name = job_name.clone();
    let failed = move || state.with(|s| matches!(s, OpState::Failed(_)));
    // The form is rebuilt only when the dialog changes step, not on every state change.
    let done = Memo::new(move |_| if let OpState::Done(o) = state.get() { Some(o) } else { None });
    let body = move || {
        if let Some(outcome) = done.get() {
            return view! {
                <SavepointDone outcome />
                <div class="dialog-buttons"><button type="button" class="primary" on:click=move |_| on_close.run(())>"Close"</button></div>
            }
            .into_any();
        }
        let step = if stop && confirming.get() {
            view! { <StopConfirmation job_name=job_name.clone() dir drain default_dir /> }.into_any()
        } else {
            view! { <SavepointFields stop default_dir dir format drain running /> }.into_any()
        };
        let (label, on_cancel) = match (stop, confirming.get()) {
            (true, true) => ("Yes, stop job", Callback::new(move |()| confirming.set(false))),
            (true, false) => ("Continue", on_close),
            _ => ("Start savepoint", on_close),
        };
        let cancel = if stop && confirming.get() { "Back" } else { "Close" };
        let submit_label = Signal::derive(move || if failed() && (!stop || confirming.get()) { "Try again".to_string() } else { label.to_string() });
        view! {
            <form on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }>
                {step}
                <Progress state running=if stop { "Taking the savepoint, then stopping the job…" } else { "Taking the savepoint…" } />
                <Buttons submit=submit_label danger=stop && confirming.get() running cancel cancel_waits=stop && confirming.get() on_cancel />
            </form>
        }
        .into_any()
    };
    view! {
        <Modal title on_close>
            <p class="muted">"Job “" {shown_name} "”"</p>
            {body}
        </Modal>
    }
}

#[component]
fn SavepointFields(
    stop: bool,
    default_dir: Signal<Option<String>>,
    dir: RwSignal<String>,
    format: RwSignal<SavepointFormat>,
    drain: RwSignal<bool>,
    running: Signal<bool>,
) -> impl IntoView {
    let group = unique_id("savepoint-format");
    let placeholder = move || match default_dir.get() {
        Some(d) => format!("Cluster default: {d}"),
        None => "Cluster default (none set: enter a directory)".to_string(),
    };
    let radio = move |value: SavepointFormat, label: &'static str, hint: &'static str| {
        let checked = value.clone();
        view! {
            <label class="choice">
                <input type="radio" name=group.clone() prop:checked=move || format.get() == checked
                    on:change=move |_| format.set(value.clone()) />
                <span>{label}<span class="hint">{hint}</span></span>
            </label>
        }
    };
    view! {
        <fieldset disabled=running>
            <label class="field">
                <span>"Target directory"</span>
                <input type="text" placeholder=placeholder prop:value=dir on:input=move |ev| dir.set(event_target_value(&ev)) />
            </label>
            <fieldset class="choices">
                <legend>"Format"</legend>
                {radio(SavepointFormat::Canonical, "Canonical", " — portable: restores into any state backend")}
                {radio(SavepointFormat::Native, "Native", " — faster to take and restore, tied to this state backend")}
            </fieldset>
            {stop.then(|| view! {
                <label class="choice">
                    <input type="checkbox" prop:checked=drain on:change=move |ev| drain.set(event_target_checked(&ev)) />
                    <span>"Drain"<span class="hint">" — emit MAX_WATERMARK first, firing all event-time timers and windows, as if the input had ended"</span></span>
                </label>
            })}
        </fieldset>
    }
}

#[component]
fn StopConfirmation(job_name: String, dir: RwSignal<String>, drain: RwSignal<bool>, default_dir: Signal<Option<String>>) -> impl IntoView {
    let target = move || {
        let d = dir.get();
        if d.trim().is_empty() { default_dir.get().unwrap_or_else(|| "the cluster's default directory".into()) } else { d }
    };
    view! {
        <p class="confirm">
            {format!("Stop “{job_name}”? Flink takes a savepoint in ")}
            <code>{target}</code>
            {move || if drain.get() { ", drains the job and then ends it." } else { " and then ends the job." }}
            " To run it again, submit it with that savepoint."
        </p>
    }
}

#[component]
fn SavepointDone(outcome: SavepointOutcome) -> impl IntoView {
    let copied = RwSignal::new(None::<&'static str>);
    let location = outcome.location.clone();
    view! {
        <div class="done" role="status">
            <p><strong>"Savepoint completed"</strong></p>
            <p class="field-label">"Location"</p>
            <output class="location">{outcome.location}</output>
            <p>
                <button type="button" on:click=move |_| copy_to_clipboard(location.clone(), copied)>"Copy location"</button>
                " "
                <span class="muted">{move || copied.get()}</span>
            </p>
            {outcome.final_state.map(|s| view! { <p>"The job is now " <StatusBadge status=s.to_string() /> "."</p> })}
        </div>
    }
}

fn copy_to_clipboard(text: String, feedback: RwSignal<Option<&'static str>>) {
    const FAILED: &str = "Could not copy: select the location and copy it by hand.";
    let navigator = web_sys::window().map(|w| w.navigator());
    // Browsers leave navigator.clipboard undefined outside secure contexts.
    let clipboard = navigator
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        feedback.set(Some(FAILED));
        return;
    };
    let promise = wasm_bindgen::JsCast::unchecked_into::<web_sys::Clipboard>(clipboard).write_text(&text);
    spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        feedback.try_set(Some(if ok { "Copied." } else { FAILED }));
    });
}

/// "Trigger checkpoint": configured or full; shows the completed checkpoint's id.
#[component]
pub fn CheckpointDialog(
    #[prop(into)] job_name: String,
    state: RwSignal<OpState<u64>>,
    on_submit: Callback<CheckpointRequest>,
    on_close: Callback<()>,
) -> impl IntoView {
    let kind = RwSignal::new(CheckpointType::Configured);
    let trigger = StoredValue::new(TriggerId::random());
    let running = Signal::derive(move || state.with(OpState::is_running));
    let group = unique_id("checkpoint-type");
    let submit = move || {
        if state.with_untracked(OpState::is_running) {
            return;
        }
        let trigger_id = state.with_untracked(|s| next_trigger_id(s, &trigger.get_value()));
        trigger.set_value(trigger_id.clone());
        on_submit.run(CheckpointRequest { checkpoint_type: kind.get_untracked(), trigger_id });
    };
    let radio = move |value: CheckpointType, label: &'static str, hint: &'static str| {
        let checked = value.clone();
        view! {
            <label class="choice">
                <input type="radio" name=group.clone() prop:checked=move || kind.get() == checked
                    on:change=move |_| kind.set(value.clone()) />
                <span>{label}<span class="hint">{hint}</span></span>
            </label>
        }
    };
    let submit_label = Signal::derive(move || {
        if state.with(|s| matches!(s, OpState::Failed(_))) { "Try again".to_string() } else { "Start checkpoint".to_string() }
    });
    let done = Memo::new(move |_| if let OpState::Done(id) = state.get() { Some(id) } else { None });
    let body = move || match done.get() {
        Some(id) => view! {
            <p class="done" role="status"><strong>{format!("Checkpoint {id} completed")}</strong></p>
            <div class="dialog-buttons"><button type="button" class="primary" on:click=move |_| on_close.run(())>"Close"</button></div>
        }
        .into_any(),
        None => view! {
            <form on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }>
                <fieldset class="choices" disabled=running>
                    <legend>"Type"</legend>
                    {radio(CheckpointType::Configured, "Configured", " — as the job's checkpointing is set up (incremental if enabled)")}
                    {radio(CheckpointType::Full, "Full", " — all state, independent of earlier checkpoints")}
                </fieldset>
                <Progress state running="Taking the checkpoint…" />
                <Buttons submit=submit_label running cancel="Close" on_cancel=on_close />
            </form>
        }
        .into_any(),
    };
    view! {
        <Modal title="Trigger checkpoint" on_close>
            <p class="muted">"Job “" {job_name} "”"</p>
            {body}
        </Modal>
    }
}

/// "Cancel job": names the job and asks before anything is sent.
#[component]
pub fn CancelDialog(
    #[prop(into)] job_name: String,
    state: RwSignal<OpState<JobStatus>>,
    on_confirm: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let running = Signal::derive(move || state.with(OpState::is_running));
    let confirm = move || {
        if !state.with_untracked(OpState::is_running) {
            on_confirm.run(());
        }
    };
    let done = Memo::new(move |_| if let OpState::Done(status) = state.get() { Some(status) } else { None });
    let body = move || match done.get() {
        Some(status) => view! {
            <p class="done" role="status"><strong>"Job canceled."</strong> " Its state is now " <StatusBadge status=status.to_string() /> "."</p>
            <div class="dialog-buttons"><button type="button" class="primary" on:click=move |_| on_close.run(())>"Close"</button></div>
        }
        .into_any(),
        None => view! {
            <form on:submit=move |ev| {
                ev.prevent_default();
                confirm();
            }>
                <p class="confirm">
                    {format!("Cancel “{job_name}”? It stops at once, without a savepoint; state not kept in a retained checkpoint is lost.")}
                </p>
                <Progress state running="Cancelling the job…" />
                <Buttons submit="Yes, cancel job" danger=true running cancel="Keep it running" on_cancel=on_close />
            </form>
        }
        .into_any(),
    };
    view! {
        <Modal title="Cancel job" on_close>
            {body}
        </Modal>
    }
}
