use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::components::{CloseButton, DialogButtons, Modal, Progress, StatusBadge, radio, unique_id};
use crate::app::operation::{OpState, Operation};
use crate::client::{JobStatus, SavepointFormat, TriggerId};

/// What the savepoint and stop dialogs ask Flink for.
#[derive(Clone, Debug, PartialEq)]
pub struct SavepointRequest {
    /// As typed, trimmed; empty: the cluster's default directory.
    pub target_directory: String,
    /// Canonical or native.
    pub format: SavepointFormat,
    /// Stop only: emit MAX_WATERMARK before stopping.
    pub drain: bool,
    /// The attempt's trigger id (the same on a retry).
    pub trigger_id: TriggerId,
}

/// A completed savepoint.
#[derive(Clone, Debug, PartialEq)]
pub struct SavepointOutcome {
    /// Where Flink wrote it.
    pub location: String,
    /// Stop only: the state the job ended in.
    pub final_state: Option<JobStatus>,
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
    op: Operation<SavepointOutcome>,
    on_submit: Callback<SavepointRequest>,
    on_close: Callback<()>,
) -> impl IntoView {
    let dir = RwSignal::new(String::new());
    let format = RwSignal::new(SavepointFormat::Canonical);
    let drain = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let running = Signal::derive(move || op.is_running());
    let submit = move || {
        if op.is_running_now() {
            return;
        }
        if stop && !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        // The operation keeps the id, so every retry from this dialog reuses it.
        let trigger_id = match op.trigger_id() {
            Ok(id) => id,
            Err(e) => return op.fail(e),
        };
        on_submit.run(SavepointRequest {
            target_directory: dir.get_untracked().trim().to_string(),
            format: format.get_untracked(),
            drain: stop && drain.get_untracked(),
            trigger_id,
        });
    };
    let title = if stop { "Stop with savepoint" } else { "Trigger savepoint" };
    let shown_name = job_name.clone();
    let failed = move || op.has_failed();
    // The form is rebuilt only when the dialog changes step, not on every state change.
    let done = Memo::new(move |_| if let OpState::Done(o) = op.state.get() { Some(o) } else { None });
    let body = move || {
        if let Some(outcome) = done.get() {
            return view! {
                <SavepointDone outcome />
                <CloseButton on_close />
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
                <Progress op running=if stop { "Taking the savepoint, then stopping the job…" } else { "Taking the savepoint…" } />
                <DialogButtons submit=submit_label danger=stop && confirming.get() running cancel cancel_waits=stop && confirming.get() on_cancel />
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
    let choice = move |value: SavepointFormat, label: &'static str, hint: &'static str| radio(group.clone(), format, value, label, hint);
    view! {
        <fieldset disabled=running>
            <label class="field">
                <span>"Target directory"</span>
                <input type="text" placeholder=placeholder prop:value=dir on:input=move |ev| dir.set(event_target_value(&ev)) />
            </label>
            <fieldset class="choices">
                <legend>"Format"</legend>
                {choice(SavepointFormat::Canonical, "Canonical", " — portable: restores into any state backend")}
                {choice(SavepointFormat::Native, "Native", " — faster to take and restore, tied to this state backend")}
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

