use leptos::prelude::*;

use crate::app::context::{Cluster, Health};
use crate::app::format;
use crate::client::ClientError;

/// Shown while Flink cannot be reached, by any resource on screen: names the URL and the error
/// (which says what failed), and says the data on screen is from before. Disappears by itself
/// when every failing request gets through again.
#[component]
pub fn StaleBanner() -> impl IntoView {
    let health = expect_context::<Health>();
    let cluster = expect_context::<Cluster>();
    let url = cluster.api_url();
    move || {
        health.outage().map(|outage| {
            let since = format::time((outage.since as i64).into());
            let others = match outage.failing {
                0 | 1 => String::new(),
                2 => " 1 other request fails too.".to_string(),
                n => format!(" {} other requests fail too.", n - 1),
            };
            view! {
                <div class="banner stale-banner" role="alert">
                    <strong>{format!("Cannot reach Flink at {url}.")}</strong>
                    " "
                    <span>{outage.error}{others}</span>
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
