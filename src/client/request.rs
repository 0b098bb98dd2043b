//! Pure request building: a `Request<T>` is one REST call (method, path, query, body) tied to the
//! type its answer decodes into, as Flink's own `MessageHeaders` tie an endpoint to its response
//! body. No I/O here; the builders live with their area in `api/` and are re-exported below.
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::ClientError;

pub use super::api::checkpoints::*;
pub use super::api::cluster::*;
pub use super::api::jars::*;
pub use super::api::jobs::*;
pub use super::api::logs::*;
pub use super::api::metrics::*;
pub use super::api::profiler::*;
pub use super::api::rescale::*;
pub use super::api::savepoints::*;
pub use super::api::vertices::*;

/// An HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }
}

/// What a request carries.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// Nothing.
    None,
    /// A JSON document.
    Json(Value),
    /// A jar upload: multipart form field `jarfile`.
    Jar {
        /// The file name Flink records.
        file_name: String,
        /// The jar's bytes.
        bytes: Vec<u8>,
    },
}

/// One REST call, ready to send, whose answer decodes into `T`.
pub struct Request<T> {
    /// The HTTP method.
    pub method: Method,
    /// The path below the REST API's base URL, e.g. `/jobs/{id}`.
    pub path: String,
    /// Query parameters, encoded when the URL is built.
    pub query: Vec<(&'static str, String)>,
    /// The body.
    pub body: Body,
    answer: PhantomData<fn() -> T>,
}

// By hand: derived impls would demand `T: Clone`/`Debug`/`PartialEq` of the answer type.
impl<T> Clone for Request<T> {
    fn clone(&self) -> Self {
        Self { method: self.method, path: self.path.clone(), query: self.query.clone(), body: self.body.clone(), answer: PhantomData }
    }
}
impl<T> std::fmt::Debug for Request<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request").field("method", &self.method).field("path", &self.path_and_query()).field("body", &self.body).finish()
    }
}
impl<T> PartialEq for Request<T> {
    fn eq(&self, other: &Self) -> bool {
        (self.method, &self.path, &self.query, &self.body) == (other.method, &other.path, &other.query, &other.body)
    }
}

impl<T> Request<T> {
    pub(crate) fn new(method: Method, path: String) -> Self {
        Self { method, path, query: Vec::new(), body: Body::None, answer: PhantomData }
    }
    pub(crate) fn get(path: String) -> Self {
        Self::new(Method::Get, path)
    }
    pub(crate) fn query(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.query.push((key, value.into()));
        self
    }
    pub(crate) fn json(mut self, body: Value) -> Self {
        self.body = Body::Json(body);
        self
    }

    /// The path with its query string, e.g. `/jobs/…?mode=cancel`.
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            return self.path.clone();
        }
        let q: Vec<String> = self.query.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
        format!("{}?{}", self.path, q.join("&"))
    }

    /// The full URL below `base_url` (which has no trailing slash).
    pub fn url(&self, base_url: &str) -> String {
        format!("{base_url}{}", self.path_and_query())
    }

    /// The body as JSON, if it is JSON.
    pub fn json_body(&self) -> Option<&Value> {
        match &self.body {
            Body::Json(v) => Some(v),
            _ => None,
        }
    }
}

/// How an answer's body becomes a value: JSON for models, nothing for [`Empty`], as is for
/// [`Text`].
pub trait Answer: Sized {
    /// Reads a successful answer's body; `url` is for the error message.
    fn from_body(url: &str, text: &str) -> Result<Self, ClientError>;
}

impl<T: DeserializeOwned> Answer for T {
    fn from_body(url: &str, text: &str) -> Result<Self, ClientError> {
        super::transport::decode_json(url, text)
    }
}

/// An answer nobody needs (`{}` or no body at all): only its status counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Empty;

impl Answer for Empty {
    fn from_body(_url: &str, _text: &str) -> Result<Self, ClientError> {
        Ok(Empty)
    }
}

/// A plain-text answer (a log file, stdout).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(pub String);

impl Answer for Text {
    fn from_body(_url: &str, text: &str) -> Result<Self, ClientError> {
        Ok(Text(text.to_string()))
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters and `:`/`,`, which Flink's
/// ids and metric lists use.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b':' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `/jobs/{id}`, the root of every per-job path.
pub(crate) fn job_path(id: &super::JobId) -> String {
    format!("/jobs/{id}")
}

/// The one normalisation of optional text inputs (directories, paths, class names): trimmed,
/// and `None` when nothing is left.
pub(crate) fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}
