//! What the host tests share: the recorded Flink 2.3 exchanges in `tests/fixtures/` (loaded and
//! picked apart), the ids of the recorded session, request assertions, and a way to run client
//! methods that fail before any I/O. Each test binary uses its own part of it.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde_json::Value;

use flink_console::client::request::{Answer, Body, Method, Request};
use flink_console::client::*;

/// The address the fixtures were recorded at.
pub const BASE: &str = "http://127.0.0.1:8081";

/// Job 1, "stateful-counter": savepointed, rescaled, then cancelled.
pub const JOB1: &str = "970762374db1c09c2881a915a396ab1e";
/// Job 1b: job 1 restarted from its savepoint, rescaled to 3, then stopped with a savepoint.
pub const JOB1B: &str = "8c46f63831d67d80b78de4ee3cfaf904";
/// Job 2, "filter-sum": cancelled.
pub const JOB2: &str = "7b4d69f0f2209066eecd22caef5ddcb7";
/// The source vertex of jobs 1 and 1b.
pub const SOURCE: &str = "193d851ed39da35c23cfb60b0bc854bf";
/// The counting vertex of jobs 1 and 1b ("Stateful Counter -> Discard Sink: Writer").
pub const COUNTER: &str = "a54a21bf9142a9afd43421e4154b1409";
/// The uploaded demo jar.
pub const JAR: &str = "def41d1a-ee53-404c-a7ea-7f4ef3817344_demo-job.jar";
/// The one task manager.
pub const TM: &str = "127.0.0.1:6122-25d756";
/// The trigger id the recorder chose for the savepoint triggers that name one.
pub const TRIGGER: &str = "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a";

pub fn job() -> JobId {
    JobId::parse(JOB1).unwrap()
}
pub fn vertex() -> VertexId {
    VertexId::parse(COUNTER).unwrap()
}
pub fn trigger() -> TriggerId {
    TriggerId::parse(TRIGGER).unwrap()
}
pub fn tm(id: &str) -> TaskManagerId {
    TaskManagerId::parse(id).unwrap()
}

/// Resource requirements from `(vertex, lower, upper)`.
pub fn bounds(pairs: &[(&str, i64, i64)]) -> JobResourceRequirements {
    pairs
        .iter()
        .map(|(v, lo, hi)| {
            (VertexId::parse(v).unwrap(), VertexResources { parallelism: ParallelismBounds { lower_bound: *lo, upper_bound: *hi } })
        })
        .collect()
}

/// Polls a future once: enough for client methods that fail before any I/O on the host (where
/// sending is a `Network` error at once).
pub fn poll_once<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => v,
        std::task::Poll::Pending => panic!("the future did not complete at once"),
    }
}

// --- requests --------------------------------------------------------------------------------

/// A request without a body.
#[track_caller]
pub fn assert_get<T>(r: &Request<T>, path_and_query: &str) {
    assert_eq!(r.method, Method::Get);
    assert_eq!(r.path_and_query(), path_and_query);
    assert_eq!(r.body, Body::None);
    assert_eq!(r.json_body(), None);
}

/// A request with a JSON body.
#[track_caller]
pub fn assert_json<T>(r: &Request<T>, method: Method, path_and_query: &str, body: Value) {
    assert_eq!(r.method, method);
    assert_eq!(r.path_and_query(), path_and_query);
    assert_eq!(r.json_body(), Some(&body), "body of {path_and_query}");
}

// --- fixtures --------------------------------------------------------------------------------

pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures")
}

/// The names of the fixture files (`*.json`).
pub fn fixture_names() -> BTreeSet<String> {
    std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect()
}

/// One recorded exchange: `{"request": {"method","path","headers","body"}, "status", "headers", "body"}`.
pub struct Fixture {
    pub name: String,
    pub method: String,
    /// The path as sent, with its query string.
    pub path: String,
    pub request_body: Value,
    pub status: u16,
    pub body: Value,
}

impl Fixture {
    pub fn load(name: &str) -> Self {
        let text = std::fs::read_to_string(fixtures_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        Self {
            name: name.to_string(),
            method: v["request"]["method"].as_str().unwrap().to_string(),
            path: v["request"]["path"].as_str().unwrap().to_string(),
            request_body: v["request"]["body"].clone(),
            status: u16::try_from(v["status"].as_u64().unwrap()).unwrap(),
            body: v["body"].clone(),
        }
    }

    /// Every fixture, by name, loaded once per test binary.
    pub fn all() -> &'static [Fixture] {
        static ALL: OnceLock<Vec<Fixture>> = OnceLock::new();
        ALL.get_or_init(|| fixture_names().iter().map(|n| Self::load(n)).collect())
    }

    pub fn url(&self) -> String {
        format!("{BASE}{}", self.path)
    }

    /// The answer as the transport would see it: the envelope's body re-serialized.
    pub fn text(&self) -> String {
        serde_json::to_string(&self.body).unwrap()
    }

    /// The answer decoded as `T`, for the answers no request of ours asks for.
    pub fn decode<T: DeserializeOwned>(&self) -> T {
        decode_json::<T>(&self.url(), &self.text()).unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }

    /// The answer read as `request`'s answer type, as `FlinkClient::send` reads it.
    pub fn answer<T: Answer>(&self, request: &Request<T>) -> T {
        T::from_body(&request.url(BASE), &self.text()).unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }

    /// The error the client makes of this answer.
    pub fn error(&self) -> ClientError {
        http_error(&self.url(), self.status, &self.text())
    }

    fn segments(&self) -> Vec<&str> {
        self.path.split('?').next().unwrap().split('/').filter(|s| !s.is_empty()).collect()
    }

    /// The path segment right after `key` (e.g. the id after `jobs`).
    pub fn after(&self, key: &str) -> &str {
        let segs = self.segments();
        let i = segs.iter().position(|s| *s == key).unwrap_or_else(|| panic!("{}: no '{key}' in path", self.name));
        segs.get(i + 1).unwrap_or_else(|| panic!("{}: nothing after '{key}'", self.name))
    }

    pub fn last(&self) -> &str {
        self.segments().last().copied().unwrap()
    }

    pub fn job(&self) -> JobId {
        JobId::parse(self.after("jobs")).unwrap()
    }
    pub fn vertex(&self) -> VertexId {
        VertexId::parse(self.after("vertices")).unwrap()
    }
    pub fn trigger(&self) -> TriggerId {
        TriggerId::parse(self.last()).unwrap()
    }
    pub fn task_manager(&self) -> TaskManagerId {
        TaskManagerId::parse(self.after("taskmanagers")).unwrap()
    }
    pub fn checkpoint(&self) -> u64 {
        self.after("details").parse().unwrap()
    }

    /// A comma-separated query parameter, split (empty when absent).
    pub fn query_list(&self, key: &str) -> Vec<String> {
        let Some((_, q)) = self.path.split_once('?') else { return Vec::new() };
        q.split('&')
            .filter_map(|kv| kv.split_once('='))
            .filter(|(k, _)| *k == key)
            .flat_map(|(_, v)| v.split(',').map(str::to_string).collect::<Vec<_>>())
            .collect()
    }

    pub fn req_str(&self, key: &str) -> Option<String> {
        self.request_body.get(key).and_then(Value::as_str).map(str::to_string)
    }
    pub fn req_bool(&self, key: &str) -> bool {
        self.request_body.get(key).and_then(Value::as_bool).unwrap_or(false)
    }
    pub fn req_trigger(&self) -> Option<TriggerId> {
        self.req_str("triggerId").map(|t| TriggerId::parse(&t).unwrap())
    }
}
