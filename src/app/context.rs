//! What the whole console shares through context: the cluster (client + where it is served),
//! the refresh settings, and the connection health the stale-data banner shows (per resource).
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

    /// Whether the console talks to Flink's History Server (`/config` says `web-history`): it
    /// serves archived jobs only, and takes no writes (a POST never gets an answer), so the
    /// console offers no action there. False until `/config` has answered.
    pub fn history(&self) -> Signal<bool> {
        let config = self.config;
        Signal::derive(move || config.with(|c| c.as_ref().is_some_and(|c| c.features.web_history)))
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

/// Whether Flink can be reached, per resource: each `Loadable` reports what its own attempts
/// found, and the banner shows while any of them cannot reach Flink. So a poll that gets through
/// (`/config`, a cached resource) does not hide another that still fails, and a page left behind
/// takes its failures with it.
#[derive(Clone, Copy, Debug)]
pub struct Health {
    outages: RwSignal<Outages>,
}

impl Health {
    pub fn new() -> Self {
        Self { outages: RwSignal::new(Outages::default()) }
    }

    /// What one attempt for `resource` found. Only failures to reach Flink count (no answer, none
    /// in time, or a proxy answering for it); data, or an error Flink answered for this resource,
    /// clears it, since Flink was reached: that error is the page's business.
    pub fn report(&self, resource: Resource, result: Result<(), &ClientError>) {
        let error = result.err().filter(|e| e.is_unreachable());
        if error.is_none() && self.outages.try_with_untracked(|o| !o.has(resource)).unwrap_or(true) {
            return; // the common case, a poll that keeps getting through: nothing to tell anyone
        }
        let now = js_sys::Date::now();
        self.outages.try_maybe_update(|o| (o.record(resource, error, now), ()));
    }

    /// The resource is gone (its page was left): its failures no longer count.
    pub fn forget(&self, resource: Resource) {
        self.outages.try_maybe_update(|o| (o.record(resource, None, 0.0), ()));
    }

    /// What the banner shows, tracked: `None` while every resource reaches Flink.
    pub fn outage(&self) -> Option<Outage> {
        self.outages.with(Outages::current)
    }
}

impl Default for Health {
    fn default() -> Self {
        Self::new()
    }
}

/// One thing the console asks Flink for again and again (a `Loadable`), as `Health` tells them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Resource(u64);

impl Resource {
    /// A resource no other is.
    pub fn new() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Self(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

impl Default for Resource {
    fn default() -> Self {
        Self::new()
    }
}

/// The resources that cannot reach Flink now, in the order they started failing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outages {
    failing: Vec<(Resource, Failure)>,
}

/// One resource's failure to reach Flink: its latest error, and since when it fails.
#[derive(Clone, Debug, PartialEq)]
struct Failure {
    error: String,
    since: f64,
}

/// Flink unreachable, as the banner says it: the error of the resource failing longest, since
/// when it fails, and how many resources fail.
#[derive(Clone, Debug, PartialEq)]
pub struct Outage {
    /// The error's sentence (it names the URL that failed).
    pub error: String,
    /// When the first of the failures still going on began, ms since the epoch.
    pub since: f64,
    /// How many resources cannot reach Flink.
    pub failing: usize,
}

impl Outages {
    /// Takes what one attempt for `resource` found: an error that means Flink is unreachable
    /// (`is_unreachable`) keeps it failing, from its first such failure on; `None` (data) clears it.
    /// Any other error is Flink answering, so it clears it too. True when that changed anything.
    pub fn record(&mut self, resource: Resource, error: Option<&ClientError>, now: f64) -> bool {
        let at = self.failing.iter().position(|(r, _)| *r == resource);
        match (error.filter(|e| e.is_unreachable()), at) {
            (Some(e), Some(i)) => {
                let error = e.to_string();
                match self.failing.get_mut(i) {
                    Some((_, f)) if f.error != error => {
                        f.error = error;
                        true
                    }
                    _ => false,
                }
            }
            (Some(e), None) => {
                self.failing.push((resource, Failure { error: e.to_string(), since: now }));
                true
            }
            (None, Some(i)) => {
                self.failing.remove(i);
                true
            }
            (None, None) => false,
        }
    }

    /// Whether `resource` cannot reach Flink now.
    pub fn has(&self, resource: Resource) -> bool {
        self.failing.iter().any(|(r, _)| *r == resource)
    }

    /// The banner's outage: the longest-failing resource's error, or `None`.
    pub fn current(&self) -> Option<Outage> {
        let (_, first) = self.failing.first()?;
        Some(Outage { error: first.error.clone(), since: first.since, failing: self.failing.len() })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn down(path: &str) -> ClientError {
        crate::client::http_error(&format!("/api{path}"), 502, "<html><title>502 Bad Gateway</title></html>")
    }

    #[test]
    fn a_resource_that_gets_through_does_not_hide_one_that_still_fails() {
        let (jobs, config) = (Resource::new(), Resource::new());
        let mut o = Outages::default();
        assert!(o.record(jobs, Some(&down("/jobs/overview")), 1_000.0));
        assert!(!o.record(config, None, 1_500.0), "a success of another resource changes nothing");
        let outage = o.current().unwrap();
        assert!(outage.error.starts_with("Flink unreachable (the proxy answered 502 Bad Gateway for /api/jobs/overview)"), "{outage:?}");
        assert_eq!((outage.since, outage.failing), (1_000.0, 1));

        assert!(!o.record(jobs, Some(&down("/jobs/overview")), 4_000.0), "the same failure again: since stays");
        assert_eq!(o.current().unwrap().since, 1_000.0);
        assert!(o.record(config, Some(&ClientError::Network { url: "/api/config".into(), message: "Failed to fetch".into() }), 5_000.0));
        assert_eq!((o.current().unwrap().since, o.current().unwrap().failing), (1_000.0, 2));

        assert!(o.record(jobs, None, 6_000.0), "jobs recovered");
        let outage = o.current().unwrap();
        assert!(outage.error.starts_with("Could not reach Flink at /api/config"), "the one still failing: {outage:?}");
        assert_eq!((outage.since, outage.failing), (5_000.0, 1));
        assert!(o.record(config, None, 7_000.0));
        assert_eq!(o.current(), None);
    }

    #[test]
    fn an_error_flink_answered_means_flink_is_reachable() {
        let jobs = Resource::new();
        let mut o = Outages::default();
        o.record(jobs, Some(&ClientError::Timeout { url: "/api/jobs/overview".into(), after_ms: 10_000 }), 1.0);
        assert!(o.has(jobs));
        let flink_500 = crate::client::http_error("/api/jobs/overview", 500, r#"{"errors":["Internal server error."]}"#);
        assert!(!o.record(Resource::new(), Some(&flink_500), 2.0), "not an outage");
        assert!(o.record(jobs, Some(&flink_500), 2.0), "Flink answered: the page shows its error, the banner goes");
        assert_eq!(o.current(), None);
    }

    #[test]
    fn a_forgotten_resource_no_longer_counts() {
        let (left, other) = (Resource::new(), Resource::new());
        assert_ne!(left, other);
        let mut o = Outages::default();
        o.record(left, Some(&down("/jobs/00")), 1.0);
        assert!(o.record(left, None, 0.0));
        assert!(!o.has(left));
        assert_eq!(o.current(), None);
    }
}
