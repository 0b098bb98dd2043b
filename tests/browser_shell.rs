//! Component tests of the console's shell, in headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use flink_console::app::components::{ErrorNote, Loaded, StaleBanner};
use flink_console::app::context::Resource;
use flink_console::app::load::{Loadable, load_once};
use flink_console::app::poll::use_poll;
use flink_console::app::{Cluster, Health, RefreshControl};
use flink_console::client::{ClientError, http_error};
use leptos::prelude::*;
use wasm_bindgen_test::*;

mod dom;
use dom::{mount, tick};

wasm_bindgen_test_configure!(run_in_browser);

const NGINX_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

fn text(host: &web_sys::HtmlElement) -> String {
    host.text_content().unwrap_or_default()
}

/// Waits (up to 5 s) until `cond` holds, then asserts it.
async fn until(what: &str, mut cond: impl FnMut() -> bool) {
    for _ in 0..250 {
        if cond() {
            return;
        }
        tick().await;
    }
    assert!(cond(), "timed out waiting for {what}");
}

#[wasm_bindgen_test]
async fn stale_banner_names_the_url_and_error_and_clears_on_recovery() {
    let health = Health::new();
    let host = mount(move || {
        provide_context(Cluster::from_document());
        provide_context(health);
        view! { <StaleBanner /> }
    });
    tick().await;
    assert_eq!(text(&host), "", "no banner while Flink answers");

    let overview = Resource::new();
    health.report(overview, Err(&ClientError::Network { url: "http://x/api/overview".into(), message: "Failed to fetch".into() }));
    tick().await;
    let shown = text(&host);
    assert!(shown.contains("Cannot reach Flink at"), "{shown}");
    assert!(shown.contains("/api"), "names the REST URL: {shown}");
    assert!(shown.contains("Failed to fetch"), "names the error: {shown}");
    assert!(host.query_selector("[role=alert]").unwrap().is_some());

    health.report(overview, Ok(()));
    tick().await;
    assert_eq!(text(&host), "");
}

/// The jobs list and another resource, each polled.
type Polls = (Loadable<Vec<String>>, Loadable<u32>);

/// The console's frame around two polls, as on the jobs page: the jobs list (which fails while
/// `down` says so) and another resource that always answers.
fn two_polls(down: RwSignal<Option<ClientError>>) -> (web_sys::HtmlElement, RwSignal<Option<Polls>>) {
    let polls = RwSignal::new(None);
    let host = mount(move || {
        provide_context(Cluster::from_document());
        provide_context(Health::new());
        let control = RefreshControl::new();
        control.interval.set(500);
        provide_context(control);
        let jobs = use_poll(move || {
            let result = match down.get_untracked() {
                Some(e) => Err(e),
                None => Ok(vec!["Demo: click counts".to_string()]),
            };
            async move { result }
        });
        let other = use_poll(|| async { Ok(1u32) });
        polls.set(Some((jobs, other)));
        view! {
            <StaleBanner />
            <Loaded data=jobs>
                <ul>{move || jobs.data.get().unwrap_or_default().into_iter().map(|j| view! { <li class="job">{j}</li> }).collect_view()}</ul>
            </Loaded>
        }
    });
    (host, polls)
}

#[wasm_bindgen_test]
async fn a_proxys_502_shows_the_banner_while_it_lasts_whatever_other_polls_do() {
    let down = RwSignal::new(None);
    let (host, polls) = two_polls(down);
    until("the first answer", || text(&host).contains("Demo: click counts")).await;
    let (jobs, other) = polls.get_untracked().unwrap();
    assert!(host.query_selector(".stale-banner").unwrap().is_none());

    down.set(Some(http_error("/api/jobs/overview", 502, NGINX_502)));
    jobs.refresh_now();
    until("the banner", || host.query_selector(".stale-banner").unwrap().is_some()).await;
    let banner = host.query_selector(".stale-banner").unwrap().unwrap().text_content().unwrap();
    assert!(banner.contains("Cannot reach Flink at"), "{banner}");
    assert!(banner.contains("Flink unreachable (the proxy answered 502 Bad Gateway for /api/jobs/overview)"), "names what failed: {banner}");
    assert!(banner.contains("Data on screen is from before"), "{banner}");
    assert!(host.query_selector(".loaded.stale li.job").unwrap().is_some(), "the last rows stay, marked stale");
    assert!(host.query_selector(".stale-note").unwrap().is_none(), "the banner says why, not a note");

    // Another poll getting through does not hide the one still failing.
    for _ in 0..3 {
        other.refresh_now();
        until("the other poll to answer", || other.error.get_untracked().is_none()).await;
        gloo_timers::future::TimeoutFuture::new(300).await;
        assert!(host.query_selector(".stale-banner").unwrap().is_some(), "the banner stays: {}", text(&host));
    }

    down.set(None);
    jobs.refresh_now();
    until("recovery", || host.query_selector(".stale-banner").unwrap().is_none()).await;
    assert!(host.query_selector(".loaded.stale").unwrap().is_none());
    assert!(text(&host).contains("Demo: click counts"));
}

#[wasm_bindgen_test]
async fn flinks_own_500_is_the_pages_error_not_the_banner() {
    let down = RwSignal::new(None);
    let (host, polls) = two_polls(down);
    until("the first answer", || text(&host).contains("Demo: click counts")).await;
    let (jobs, _) = polls.get_untracked().unwrap();

    let flink_500 = r#"{"errors":["Internal server error.","<Exception on server side:\norg.apache.flink.util.FlinkException: The job list is broken\n\tat a.b"]}"#;
    down.set(Some(http_error("/api/jobs/overview", 500, flink_500)));
    jobs.refresh_now();
    until("the note", || host.query_selector(".stale-note").unwrap().is_some()).await;
    let note = host.query_selector(".stale-note").unwrap().unwrap().text_content().unwrap();
    assert_eq!(note, "Not refreshed: Flink answered 500 for /api/jobs/overview: The job list is broken");
    assert!(host.query_selector(".stale-banner").unwrap().is_none(), "Flink answered: no banner");
    assert!(host.query_selector(".loaded.stale li.job").unwrap().is_some(), "the last rows stay");

    down.set(None);
    jobs.refresh_now();
    until("recovery", || host.query_selector(".stale-note").unwrap().is_none()).await;
}

#[wasm_bindgen_test]
async fn a_page_left_takes_its_failures_with_it() {
    let shown = RwSignal::new(true);
    let host = mount(move || {
        provide_context(Cluster::from_document());
        provide_context(Health::new());
        view! {
            <StaleBanner />
            <Show when=move || shown.get()>
                {
                    let gone = load_once(async { Err::<u32, _>(http_error("/api/jobs/00/plan", 504, "")) });
                    let fine = load_once(async { Ok::<u32, ClientError>(1) });
                    view! { <Loaded data=gone><span /></Loaded><Loaded data=fine><span>"fine"</span></Loaded> }
                }
            </Show>
        }
    });
    until("the banner", || host.query_selector(".stale-banner").unwrap().is_some()).await;
    assert!(text(&host).contains("the proxy answered 504 Gateway Timeout for /api/jobs/00/plan"), "{}", text(&host));
    shown.set(false);
    until("the banner to go with the page", || host.query_selector(".stale-banner").unwrap().is_none()).await;
}

#[wasm_bindgen_test]
async fn error_note_renders_flink_text_as_text() {
    let error = ClientError::Http { url: "u".into(), status: 400, messages: vec!["<img src=x onerror=alert(1)>bad".into()] };
    let host = mount(move || view! { <ErrorNote error=error /> });
    tick().await;
    assert!(host.query_selector("img").unwrap().is_none(), "markup from Flink must stay text");
    assert!(host.text_content().unwrap_or_default().contains("<img src=x onerror=alert(1)>bad"));
}
