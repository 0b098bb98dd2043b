use leptos::prelude::*;

use crate::app::context::{Cluster, Health};
use crate::app::format;
use crate::client::ClientError;

/// Shown while Flink cannot be reached: names the URL and the error, and says the data on
/// screen is from before. Disappears by itself when a request gets through again.
#[component]
pub fn StaleBanner() -> impl IntoView {
    let health = expect_context::<Health>();
    let cluster = expect_context::<Cluster>();
    let url = cluster.api_url();
    move || {
        health.error.get().map(|error| {
            let since = format::time(health.since.get().map(|t| t as i64).into());
            view! {
                <div class="banner stale-banner" role="alert">
                    <strong>{format!("Cannot reach Flink at {url}.")}</strong>
                    " "
                    <span>{error}</span>
                    " "
                    <span class="muted">{format!("Data on screen is from before {since}; retrying with backoff.")}</span>
                </div>
            }
        })
    }
}

/// An error where the data would be: the sentence, with Flink's own messages expandable.
#[component]
pub fn ErrorNote(error: ClientError) -> impl IntoView {
    let details = error.messages();
    view! {
        <div class="error" role="alert">
            <p>{error.to_string()}</p>
            {(!details.is_empty()).then(|| view! {
                <details>
                    <summary>"Details from Flink"</summary>
                    <pre>{details.join("\n\n")}</pre>
                </details>
            })}
        </div>
    }
}
