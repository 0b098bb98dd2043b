use leptos::prelude::*;

use crate::app::components::{CloseButton, DialogButtons, Modal, Progress, radio, unique_id};
use crate::app::operation::{OpState, Operation};
use crate::client::{CheckpointType, TriggerId};

/// What the checkpoint dialog asks Flink for.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckpointRequest {
    /// Configured or full.
    pub checkpoint_type: CheckpointType,
    /// The attempt's trigger id (the same on a retry).
    pub trigger_id: TriggerId,
}

/// "Trigger checkpoint": configured or full; shows the completed checkpoint's id.
#[component]
pub fn CheckpointDialog(
    #[prop(into)] job_name: String,
    op: Operation<u64>,
    on_submit: Callback<CheckpointRequest>,
    on_close: Callback<()>,
) -> impl IntoView {
    let kind = RwSignal::new(CheckpointType::Configured);
    let running = Signal::derive(move || op.is_running());
    let group = unique_id("checkpoint-type");
    let submit = move || {
        if op.is_running_now() {
            return;
        }
        let trigger_id = match op.trigger_id() {
            Ok(id) => id,
            Err(e) => return op.fail(e),
        };
        on_submit.run(CheckpointRequest { checkpoint_type: kind.get_untracked(), trigger_id });
    };
    let choice = move |value: CheckpointType, label: &'static str, hint: &'static str| radio(group.clone(), kind, value, label, hint);
    let submit_label = Signal::derive(move || {
        if op.has_failed() { "Try again".to_string() } else { "Start checkpoint".to_string() }
    });
    let done = Memo::new(move |_| if let OpState::Done(id) = op.state.get() { Some(id) } else { None });
    let body = move || match done.get() {
        Some(id) => view! {
            <p class="done" role="status"><strong>{format!("Checkpoint {id} completed")}</strong></p>
            <CloseButton on_close />
        }
        .into_any(),
        None => view! {
            <form on:submit=move |ev| {
                ev.prevent_default();
                submit();
            }>
                <fieldset class="choices" disabled=running>
                    <legend>"Type"</legend>
                    {choice(CheckpointType::Configured, "Configured", " — as the job's checkpointing is set up (incremental if enabled)")}
                    {choice(CheckpointType::Full, "Full", " — all state, independent of earlier checkpoints")}
                </fieldset>
                <Progress op running="Taking the checkpoint…" />
                <DialogButtons submit=submit_label running cancel="Close" on_cancel=on_close />
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

