//! `FlinkClient`: one async method per `RestfulGateway` operation, named after it, plus what the
//! console needs, split by area like `models/`. Each method builds its `Request<T>` (pure, next
//! to it in the area's file) and sends it with [`FlinkClient::send`], which decodes the answer
//! into the request's own type.
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use super::request::{Answer, Body, Method, Request, Text};
use super::transport;
use super::{ClientError, Feature, FlinkVersion};

pub mod checkpoints;
pub mod cluster;
pub mod jars;
pub mod jobs;
pub mod logs;
pub mod metrics;
pub mod profiler;
pub mod rescale;
pub mod savepoints;
pub mod vertices;

/// Settings shared by every call of a client.
#[derive(Clone, Debug, PartialEq)]
pub struct ClientOptions {
    /// How long a call may take before it is aborted (10 s unless set).
    pub timeout: Duration,
    /// Extra headers (e.g. `Authorization`), sent with every request to the client's base URL.
    pub headers: Vec<(String, String)>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self { timeout: Duration::from_secs(10), headers: Vec::new() }
    }
}

/// A client for one Flink cluster's REST API.
///
/// ```no_run
/// # async fn f() -> Result<(), flink_console::client::ClientError> {
/// use flink_console::client::FlinkClient;
/// let flink = FlinkClient::new("http://127.0.0.1:8081");
/// let overview = flink.request_cluster_overview().await?;
/// println!("Flink {} with {} task managers", overview.flink_version, overview.taskmanagers);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct FlinkClient {
    base_url: String,
    options: ClientOptions,
    /// The cluster's version once `/config` said it; shared by the client's copies.
    version: Arc<OnceLock<FlinkVersion>>,
}

impl PartialEq for FlinkClient {
    /// The same cluster with the same options (what the cluster said is not part of it).
    fn eq(&self, other: &Self) -> bool {
        self.base_url == other.base_url && self.options == other.options
    }
}

impl FlinkClient {
    /// A client for the REST API at `base_url` (`http://host:8081`, or a same-origin prefix such
    /// as `/api` in a browser), with the default options (10 s timeout).
    pub fn new(base_url: impl Into<String>) -> Self {
        Self::with_options(base_url, ClientOptions::default())
    }

    /// A client with its own timeout and headers.
    ///
    /// ```
    /// use std::time::Duration;
    /// use flink_console::client::{ClientOptions, FlinkClient, request};
    /// let flink = FlinkClient::with_options("http://127.0.0.1:8081", ClientOptions {
    ///     timeout: Duration::from_secs(3),
    ///     headers: vec![("Authorization".into(), "Bearer t0k3n".into())],
    /// });
    /// assert_eq!(flink.url(&request::request_cluster_overview()), "http://127.0.0.1:8081/overview");
    /// ```
    pub fn with_options(base_url: impl Into<String>, options: ClientOptions) -> Self {
        let base_url = base_url.into().trim_end_matches('/').to_string();
        Self { base_url, options, version: Arc::default() }
    }

    /// The same client with another timeout, for one call or several: the per-call override.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use std::time::Duration;
    /// let jobs = flink.with_timeout(Duration::from_secs(60)).request_multiple_job_details().await?;
    /// # Ok(()) }
    /// ```
    pub fn with_timeout(&self, timeout: Duration) -> Self {
        let options = ClientOptions { timeout, ..self.options.clone() };
        Self { base_url: self.base_url.clone(), options, version: self.version.clone() }
    }

    /// The base URL every request goes to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// How long a call may take.
    pub fn timeout(&self) -> Duration {
        self.options.timeout
    }

    /// The version of Flink the cluster runs: from `/config`, asked once (or already known from
    /// `dashboard_config`).
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// if flink.cluster_version().await?.at_least(1, 20) { println!("skew metrics available"); }
    /// # Ok(()) }
    /// ```
    pub async fn cluster_version(&self) -> Result<FlinkVersion, ClientError> {
        match self.version.get() {
            Some(v) => Ok(*v),
            None => self.dashboard_config().await.and_then(|c| FlinkVersion::parse(&c.flink_version)),
        }
    }

    /// The version if the cluster has said it already; no request.
    pub fn known_version(&self) -> Option<FlinkVersion> {
        self.version.get().copied()
    }

    pub(crate) fn remember_version(&self, reported: &str) {
        if let Ok(v) = FlinkVersion::parse(reported) {
            let _ = self.version.set(v);
        }
    }

    /// `Ok` when the cluster's line has `feature`, else `ClientError::Unsupported` saying which
    /// line it needs; decided from the version, so nothing is sent that would only 404.
    pub async fn require(&self, feature: Feature) -> Result<(), ClientError> {
        feature.check(self.cluster_version().await?)
    }

    /// The full URL a request goes to (for links, such as a log file's).
    pub fn url<T>(&self, request: &Request<T>) -> String {
        request.url(&self.base_url)
    }

    /// Sends any request and decodes its answer into the request's type: what every method
    /// does, open for requests built by hand from [`crate::client::request`].
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::request;
    /// let overview = flink.send(request::request_cluster_overview()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn send<T: Answer>(&self, request: Request<T>) -> Result<T, ClientError> {
        let url = self.url(&request);
        let text = self.exchange(&url, request.method, &request.body).await?;
        T::from_body(&url, &text)
    }

    /// Reads a file Flink serves whole (a log, stdout) piece by piece as it arrives, handing each
    /// to `on_chunk`; returns the bytes read. The timeout bounds each wait for the next piece,
    /// so a 100 MB log on a slow link is not cut off while it keeps coming.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::request;
    /// let mut lines = 0;
    /// flink.read_file(&request::jobmanager_log_file("jobmanager.log"), &mut |piece| lines += piece.iter().filter(|b| **b == b'\n').count()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn read_file(&self, request: &Request<Text>, on_chunk: &mut dyn FnMut(&[u8])) -> Result<u64, ClientError> {
        transport::stream(&self.url(request), &self.options.headers, self.timeout_ms(), on_chunk).await
    }

    /// Sends like [`send`](Self::send), telling `on_progress` how many bytes of the body went
    /// out (sent, total; total 0 when unknown). In a browser only: elsewhere the request is sent
    /// without progress. The timeout bounds the wait since the last progress.
    pub async fn send_with_progress<T: Answer>(&self, request: Request<T>, on_progress: impl Fn(u64, u64) + 'static) -> Result<T, ClientError> {
        let url = self.url(&request);
        let response =
            transport::send_with_progress(&url, request.method, &request.body, &self.options.headers, self.timeout_ms(), Box::new(on_progress)).await?;
        response.check(&url)?;
        T::from_body(&url, &response.text)
    }

    /// The timeout as the transport takes it: milliseconds, at most `u32::MAX`.
    fn timeout_ms(&self) -> u32 {
        self.options.timeout.as_millis().min(u128::from(u32::MAX)) as u32
    }

    // Not generic, so the sending code exists once however many answer types there are.
    async fn exchange(&self, url: &str, method: Method, body: &Body) -> Result<String, ClientError> {
        let response = transport::send(url, method, body, &self.options.headers, self.timeout_ms()).await?;
        response.check(url)?;
        Ok(response.text)
    }
}
