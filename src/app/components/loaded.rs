use leptos::prelude::*;

use super::ErrorNote;
use crate::app::load::Loadable;
use crate::client::ClientError;

/// The one view of data from Flink, polled or loaded once: "Loading…" (or `loading`), then
/// `children` for good. When a refresh fails the children stay (marked stale) and are not
/// rebuilt, so a filter typed into them survives; the stale banner says why when Flink is
/// unreachable, a note above them when Flink answered with an error. The error shows in their
/// place only when there is no data yet (through `failed`, when the page has a better message).
#[component]
pub fn Loaded<T: Send + Sync + 'static>(
    data: Loadable<T>,
    /// What is loading, e.g. "Loading the job graph…".
    #[prop(optional)]
    loading: Option<&'static str>,
    /// Shows an error before any data arrived; `ErrorNote` when not given.
    #[prop(optional, into)]
    failed: Option<Callback<ClientError, AnyView>>,
    children: ChildrenFn,
) -> impl IntoView {
    let loaded = Memo::new(move |_| data.data.with(Option::is_some));
    loaded_view(loaded, Signal::derive(move || data.stale()), data.error, loading.unwrap_or("Loading…"), failed, children)
}

// Not generic, so the view code exists once however many pages load data.
fn loaded_view(
    loaded: Memo<bool>,
    stale: Signal<bool>,
    error: RwSignal<Option<ClientError>>,
    loading: &'static str,
    failed: Option<Callback<ClientError, AnyView>>,
    children: ChildrenFn,
) -> AnyView {
    (move || {
        if loaded.get() {
            view! { <div class="loaded" class:stale=stale>{move || not_refreshed(error)}{children()}</div> }.into_any()
        } else if let Some(error) = error.get() {
            match failed {
                Some(show) => show.run(error),
                None => view! { <ErrorNote error /> }.into_any(),
            }
        } else {
            view! { <p class="loading">{loading}</p> }.into_any()
        }
    })
    .into_any()
}

/// Why data on screen is stale where the banner does not say it: Flink answered with an error
/// for this resource (Flink being unreachable is the banner's).
fn not_refreshed(error: RwSignal<Option<ClientError>>) -> Option<AnyView> {
    let text = error.with(|e| e.as_ref().filter(|e| !e.is_unreachable()).map(ClientError::to_string))?;
    Some(view! { <p class="error stale-note" role="status">{format!("Not refreshed: {text}")}</p> }.into_any())
}
