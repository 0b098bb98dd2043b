//! What the whole console shares through context: the cluster (client + where it is served),
//! the refresh settings, and the connection health the stale-data banner shows.
use leptos::prelude::*;

use crate::client::{ClientError, DashboardConfig, FlinkClient};

/// The cluster the console talks to. The REST API is reached same-origin under `<base>/api`
/// (Trunk's proxy in development, nginx in production).
#[derive(Clone, Debug)]
pub struct Cluster {
    pub client: FlinkClient,
    /// The path the console is served under, without a trailing slash ("" at the root).
    pub base_path: String,
    /// `/config` once it has answered: refresh interval, version, enabled features.
    pub config: RwSignal<Option<DashboardConfig>>,
}

impl Cluster {
    pub fn from_document() -> Self {
        let base_path = BASE_PATH.with(String::clone);
        let client = FlinkClient::new(format!("{base_path}/api"));
        Self { client, base_path, config: RwSignal::new(None) }
    }

    /// The URL the REST API is reached at, for messages.
    pub fn api_url(&self) -> String {
        let base = self.client.base_url();
        if base.starts_with('/') {
            let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
            format!("{origin}{base}")
        } else {
            base.to_string()
        }
    }
}

/// Auto-refresh settings: Flink's interval, and the user's pause toggle.
#[derive(Clone, Copy, Debug)]
pub struct RefreshControl {
    pub paused: RwSignal<bool>,
    pub interval: RwSignal<u32>,
}

impl RefreshControl {
    pub fn new() -> Self {
        Self { paused: RwSignal::new(false), interval: RwSignal::new(3_000) }
    }
    pub fn interval_ms(&self) -> u32 {
        self.interval.try_get_untracked().unwrap_or(3_000).max(500)
    }
}

impl Default for RefreshControl {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether the last request reached Flink: the banner shows the error while it lasts.
#[derive(Clone, Copy, Debug)]
pub struct Health {
    pub error: RwSignal<Option<String>>,
    pub since: RwSignal<Option<f64>>,
}

impl Health {
    pub fn new() -> Self {
        Self { error: RwSignal::new(None), since: RwSignal::new(None) }
    }
    /// Only failures to reach Flink count; an HTTP error for one resource is that page's business.
    pub fn report_error(&self, e: &ClientError) {
        if matches!(e, ClientError::Network { .. } | ClientError::Timeout { .. }) {
            if self.error.try_with_untracked(Option::is_none).unwrap_or(false) {
                self.since.try_set(Some(js_sys::Date::now()));
            }
            self.error.try_set(Some(e.to_string()));
        }
    }
    pub fn report_ok(&self) {
        if self.error.try_with_untracked(Option::is_some).unwrap_or(false) {
            self.error.try_set(None);
            self.since.try_set(None);
        }
    }
}

impl Default for Health {
    fn default() -> Self {
        Self::new()
    }
}

thread_local! {
    static BASE_PATH: String = document_base_path();
}

/// A console path (`/jobs/…`) as a link under the path the console is served at: leptos_router's
/// `<A>` does not add the router's base to absolute links, so every link goes through here.
pub fn href(path: &str) -> String {
    BASE_PATH.with(|base| format!("{base}{path}"))
}

/// The path of `<base href>` (Trunk's public URL), so the console works under a sub-path.
fn document_base_path() -> String {
    let href = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    base_path_of(&href)
}

/// `http://host:8080/flink/` → `/flink`; `http://host/` → ``.
pub fn base_path_of(href: &str) -> String {
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map(|i| &rest[i..]).unwrap_or("/"),
        None => href,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.trim_end_matches('/').to_string()
}
