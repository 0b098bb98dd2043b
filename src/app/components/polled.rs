use leptos::prelude::*;

use super::ErrorNote;
use crate::app::poll::Poll;
use crate::client::ClientError;

/// A polled view: "Loading…", then `children` for good. While Flink is unreachable the children
/// stay (marked stale) and are not rebuilt, so a filter typed into them survives; the error
/// shows in their place only when there is no data yet.
#[component]
pub fn Polled<T: Send + Sync + 'static>(poll: Poll<T>, children: ChildrenFn) -> impl IntoView {
    let loaded = Memo::new(move |_| poll.data.with(Option::is_some));
    polled_view(loaded, Signal::derive(move || poll.stale()), poll.error, children)
}

// Not generic, so the view code exists once however many pages poll.
fn polled_view(loaded: Memo<bool>, stale: Signal<bool>, error: RwSignal<Option<ClientError>>, children: ChildrenFn) -> AnyView {
    (move || {
        if loaded.get() {
            view! { <div class="polled" class:stale=stale>{children()}</div> }.into_any()
        } else if let Some(error) = error.get() {
            view! { <ErrorNote error /> }.into_any()
        } else {
            view! { <p class="loading">"Loading…"</p> }.into_any()
        }
    })
    .into_any()
}
