//! Component tests of the console's shell, in headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use flink_console::app::components::{ErrorNote, StaleBanner};
use flink_console::app::{Cluster, Health};
use flink_console::client::ClientError;
use leptos::prelude::*;
use wasm_bindgen_test::*;

mod dom;
use dom::{mount, tick};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn stale_banner_names_the_url_and_error_and_clears_on_recovery() {
    let health = Health::new();
    let host = mount(move || {
        provide_context(Cluster::from_document());
        provide_context(health);
        view! { <StaleBanner /> }
    });
    tick().await;
    assert_eq!(host.text_content().unwrap_or_default(), "", "no banner while Flink answers");

    health.report_error(&ClientError::Network { url: "http://x/api/overview".into(), message: "Failed to fetch".into() });
    tick().await;
    let text = host.text_content().unwrap_or_default();
    assert!(text.contains("Cannot reach Flink at"), "{text}");
    assert!(text.contains("/api"), "names the REST URL: {text}");
    assert!(text.contains("Failed to fetch"), "names the error: {text}");
    assert!(host.query_selector("[role=alert]").unwrap().is_some());

    health.report_ok();
    tick().await;
    assert_eq!(host.text_content().unwrap_or_default(), "");
}

#[wasm_bindgen_test]
async fn error_note_renders_flink_text_as_text() {
    let error = ClientError::Http { url: "u".into(), status: 400, messages: vec!["<img src=x onerror=alert(1)>bad".into()] };
    let host = mount(move || view! { <ErrorNote error=error /> });
    tick().await;
    assert!(host.query_selector("img").unwrap().is_none(), "markup from Flink must stay text");
    assert!(host.text_content().unwrap_or_default().contains("<img src=x onerror=alert(1)>bad"));
}
