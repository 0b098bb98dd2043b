//! The pieces every action dialog is made of: the modal itself, its progress line and its
//! buttons.
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use super::ErrorNote;
use crate::app::operation::{OpState, Operation};

/// An id no other element on the page has, for `aria-labelledby` and radio groups.
pub fn unique_id(prefix: &str) -> String {
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
pub fn Progress<T: Clone + Send + Sync + 'static>(op: Operation<T>, #[prop(into)] running: Signal<String>) -> impl IntoView {
    move || match op.state.get() {
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

/// The submit button and the one that backs out, both disabled as the operation requires.
#[component]
pub fn DialogButtons(
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

/// "Close" once the operation is done.
#[component]
pub fn CloseButton(on_close: Callback<()>) -> impl IntoView {
    view! { <div class="dialog-buttons"><button type="button" class="primary" on:click=move |_| on_close.run(())>"Close"</button></div> }
}

/// One radio button of a group (`name`), bound to `choice`, with its label and a hint.
pub fn radio<T: Clone + PartialEq + Send + Sync + 'static>(
    name: String,
    choice: RwSignal<T>,
    value: T,
    label: &'static str,
    hint: &'static str,
) -> impl IntoView {
    let checked = value.clone();
    view! {
        <label class="choice">
            <input type="radio" name=name prop:checked=move || choice.get() == checked on:change=move |_| choice.set(value.clone()) />
            <span>{label}<span class="hint">{hint}</span></span>
        </label>
    }
}
