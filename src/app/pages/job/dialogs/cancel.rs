use leptos::prelude::*;

use crate::app::components::{CloseButton, DialogButtons, Modal, Progress, StatusBadge};
use crate::app::operation::{OpState, Operation};
use crate::client::JobStatus;

/// "Cancel job": names the job and asks before anything is sent.
#[component]
pub fn CancelDialog(
    #[prop(into)] job_name: String,
    op: Operation<JobStatus>,
    on_confirm: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let running = Signal::derive(move || op.is_running());
    let confirm = move || {
        if !op.is_running_now() {
            on_confirm.run(());
        }
    };
    let done = Memo::new(move |_| if let OpState::Done(status) = op.state.get() { Some(status) } else { None });
    let body = move || match done.get() {
        Some(status) => view! {
            <p class="done" role="status"><strong>"Job canceled."</strong> " Its state is now " <StatusBadge status=status.to_string() /> "."</p>
            <CloseButton on_close />
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
                <Progress op running="Cancelling the job…" />
                <DialogButtons submit="Yes, cancel job" danger=true running cancel="Keep it running" on_cancel=on_close />
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
