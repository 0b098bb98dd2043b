use crate::client::FlinkClient;

/// The cluster the console talks to, put in context by `App`. The REST API is reached
/// same-origin under `<base>/api` (Trunk's proxy in development, nginx in production).
#[derive(Clone, Debug)]
pub struct Cluster {
    pub client: FlinkClient,
    /// The path the console is served under, without a trailing slash ("" at the root).
    pub base_path: String,
}

impl Cluster {
    pub fn from_document() -> Self {
        let base_path = document_base_path();
        let client = FlinkClient::new(format!("{base_path}/api"));
        Self { client, base_path }
    }

    /// The URL the REST API is reached at, for messages.
    pub fn api_url(&self) -> String {
        self.client.base_url().to_string()
    }
}

/// The path of `<base href>` (Trunk's public URL), so the console works under a sub-path.
fn document_base_path() -> String {
    let href = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map(|i| &rest[i..]).unwrap_or("/"),
        None => href.as_str(),
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.trim_end_matches('/').to_string()
}
