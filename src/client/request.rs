//! Pure request building: for each REST operation, the method, path, query and body, with no I/O.
//! Mirrors Flink's own `MessageHeaders`: one function per endpoint. The transport sends them.
use serde_json::{json, Value};

use super::ids::{JobId, TaskManagerId, TriggerId, VertexId};
use super::models::{CheckpointType, JobResourceRequirements, SavepointFormat};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
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

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    None,
    Json(Value),
    /// A jar upload: multipart form field `jarfile`.
    Jar { file_name: String, bytes: Vec<u8> },
}

/// One REST call, ready to send.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub method: Method,
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    pub body: Body,
}

impl Request {
    fn new(method: Method, path: String) -> Self {
        Self { method, path, query: Vec::new(), body: Body::None }
    }
    fn get(path: String) -> Self {
        Self::new(Method::Get, path)
    }
    fn query(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.query.push((key, value.into()));
        self
    }
    fn json(mut self, body: Value) -> Self {
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

    /// The body as JSON, if it is JSON.
    pub fn json_body(&self) -> Option<&Value> {
        match &self.body {
            Body::Json(v) => Some(v),
            _ => None,
        }
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

fn job(id: &JobId) -> String {
    format!("/jobs/{id}")
}

fn opt(value: &Option<String>) -> Value {
    match value.as_deref().map(str::trim) {
        Some(v) if !v.is_empty() => Value::String(v.to_string()),
        _ => Value::Null,
    }
}

// --- cluster -------------------------------------------------------------------------------

pub fn request_cluster_overview() -> Request {
    Request::get("/overview".into())
}
pub fn dashboard_config() -> Request {
    Request::get("/config".into())
}
pub fn shut_down_cluster() -> Request {
    Request::new(Method::Delete, "/cluster".into())
}
pub fn jobmanager_config() -> Request {
    Request::get("/jobmanager/config".into())
}
pub fn jobmanager_logs() -> Request {
    Request::get("/jobmanager/logs".into())
}
pub fn jobmanager_environment() -> Request {
    Request::get("/jobmanager/environment".into())
}
pub fn request_thread_dump() -> Request {
    Request::get("/jobmanager/thread-dump".into())
}
pub fn request_task_manager_thread_dump(tm: &TaskManagerId) -> Request {
    Request::get(format!("/taskmanagers/{}/thread-dump", encode(tm.as_str())))
}

// --- metrics -------------------------------------------------------------------------------

/// Where a metric query goes: Flink serves metrics per component.
#[derive(Clone, Debug, PartialEq)]
pub enum MetricScope {
    JobManager,
    Job(JobId),
    Vertex(JobId, VertexId),
    TaskManager(TaskManagerId),
}

impl MetricScope {
    fn path(&self) -> String {
        match self {
            Self::JobManager => "/jobmanager/metrics".into(),
            Self::Job(j) => format!("{}/metrics", job(j)),
            Self::Vertex(j, v) => format!("{}/vertices/{v}/metrics", job(j)),
            Self::TaskManager(tm) => format!("/taskmanagers/{}/metrics", encode(tm.as_str())),
        }
    }
}

/// Aggregated metrics across all jobs, all task managers, or a vertex's subtasks.
#[derive(Clone, Debug, PartialEq)]
pub enum AggregateScope {
    Jobs,
    TaskManagers,
    Subtasks(JobId, VertexId),
}

/// `GET …/metrics` with `get=` (an empty list asks which metrics exist).
pub fn request_metrics(scope: &MetricScope, names: &[String]) -> Request {
    let r = Request::get(scope.path());
    if names.is_empty() { r } else { r.query("get", names.join(",")) }
}

/// `GET /jobs/metrics`, `/taskmanagers/metrics` or `…/subtasks/metrics` with `get=` and `agg=`.
pub fn request_aggregated_metrics(scope: &AggregateScope, names: &[String], aggs: &[&str]) -> Request {
    let path = match scope {
        AggregateScope::Jobs => "/jobs/metrics".to_string(),
        AggregateScope::TaskManagers => "/taskmanagers/metrics".to_string(),
        AggregateScope::Subtasks(j, v) => format!("{}/vertices/{v}/subtasks/metrics", job(j)),
    };
    let mut r = Request::get(path);
    if !names.is_empty() {
        r = r.query("get", names.join(","));
    }
    if !aggs.is_empty() {
        r = r.query("agg", aggs.join(","));
    }
    r
}

// --- task managers -------------------------------------------------------------------------

pub fn request_task_managers() -> Request {
    Request::get("/taskmanagers".into())
}
pub fn request_task_manager_details(tm: &TaskManagerId) -> Request {
    Request::get(format!("/taskmanagers/{}", encode(tm.as_str())))
}

// --- jobs ----------------------------------------------------------------------------------

pub fn request_multiple_job_details() -> Request {
    Request::get("/jobs/overview".into())
}
pub fn request_job_ids() -> Request {
    Request::get("/jobs".into())
}
pub fn request_job(id: &JobId) -> Request {
    Request::get(job(id))
}
pub fn request_job_status(id: &JobId) -> Request {
    Request::get(format!("{}/status", job(id)))
}
pub fn request_job_result(id: &JobId) -> Request {
    Request::get(format!("{}/execution-result", job(id)))
}
pub fn request_job_exceptions(id: &JobId, max: Option<u32>) -> Request {
    let r = Request::get(format!("{}/exceptions", job(id)));
    match max {
        Some(n) => r.query("maxExceptions", n.to_string()),
        None => r,
    }
}
pub fn request_job_config(id: &JobId) -> Request {
    Request::get(format!("{}/config", job(id)))
}
pub fn request_job_plan(id: &JobId) -> Request {
    Request::get(format!("{}/plan", job(id)))
}
pub fn request_vertex_details(id: &JobId, vertex: &VertexId) -> Request {
    Request::get(format!("{}/vertices/{vertex}", job(id)))
}
pub fn request_vertex_subtask_times(id: &JobId, vertex: &VertexId) -> Request {
    Request::get(format!("{}/vertices/{vertex}/subtasktimes", job(id)))
}

/// `PATCH /jobs/{id}?mode=cancel`. The mode is always sent: without it Flink cancels anyway,
/// which would make a typo in another mode destructive.
pub fn cancel_job(id: &JobId) -> Request {
    Request::new(Method::Patch, job(id)).query("mode", "cancel")
}

pub fn report_job_client_heartbeat(id: &JobId, expired_timestamp_ms: i64) -> Request {
    Request::new(Method::Patch, format!("{}/clientHeartbeat", job(id)))
        .json(json!({ "expiredTimestamp": expired_timestamp_ms }))
}

/// The opaque serialized request travels base64-encoded in `serializedCoordinationRequest`.
pub fn deliver_coordination_request_to_coordinator(id: &JobId, operator_uid: &str, serialized: &[u8]) -> Request {
    use base64::Engine as _;
    let data = base64::engine::general_purpose::STANDARD.encode(serialized);
    Request::new(Method::Post, format!("{}/coordinators/{}", job(id), encode(operator_uid)))
        .json(json!({ "serializedCoordinationRequest": data }))
}

// --- checkpoints and savepoints ------------------------------------------------------------

pub fn request_checkpoint_stats(id: &JobId) -> Request {
    Request::get(format!("{}/checkpoints", job(id)))
}
pub fn request_checkpoint_config(id: &JobId) -> Request {
    Request::get(format!("{}/checkpoints/config", job(id)))
}
pub fn request_checkpoint_details(id: &JobId, checkpoint: u64) -> Request {
    Request::get(format!("{}/checkpoints/details/{checkpoint}", job(id)))
}
pub fn request_checkpoint_subtask_details(id: &JobId, checkpoint: u64, vertex: &VertexId) -> Request {
    Request::get(format!("{}/checkpoints/details/{checkpoint}/subtasks/{vertex}", job(id)))
}

/// Options of `trigger_savepoint`. Empty target directory = the cluster's default.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SavepointOptions {
    pub target_directory: Option<String>,
    pub format_type: Option<SavepointFormat>,
    pub cancel_job: bool,
    /// Reuse on retries: Flink then answers with the same operation, never a second savepoint.
    pub trigger_id: Option<TriggerId>,
}

/// Options of `stop_with_savepoint`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StopOptions {
    pub target_directory: Option<String>,
    pub format_type: Option<SavepointFormat>,
    /// Emit MAX_WATERMARK before stopping (ends event-time windows).
    pub drain: bool,
    pub trigger_id: Option<TriggerId>,
}

/// Options of `trigger_checkpoint`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckpointOptions {
    pub checkpoint_type: Option<CheckpointType>,
    pub trigger_id: Option<TriggerId>,
}

// Field spellings differ per endpoint in Flink (`target-directory` here, `targetDirectory` for stop).
pub fn trigger_savepoint(id: &JobId, o: &SavepointOptions, trigger: &TriggerId) -> Request {
    let mut body = json!({ "cancel-job": o.cancel_job, "triggerId": trigger.as_str() });
    if let Value::String(dir) = opt(&o.target_directory) {
        body["target-directory"] = Value::String(dir);
    }
    if let Some(f) = &o.format_type {
        body["formatType"] = Value::String(f.as_str().into());
    }
    Request::new(Method::Post, format!("{}/savepoints", job(id))).json(body)
}
pub fn get_triggered_savepoint_status(id: &JobId, trigger: &TriggerId) -> Request {
    Request::get(format!("{}/savepoints/{trigger}", job(id)))
}

pub fn stop_with_savepoint(id: &JobId, o: &StopOptions, trigger: &TriggerId) -> Request {
    let mut body = json!({ "drain": o.drain, "triggerId": trigger.as_str() });
    if let Value::String(dir) = opt(&o.target_directory) {
        body["targetDirectory"] = Value::String(dir);
    }
    if let Some(f) = &o.format_type {
        body["formatType"] = Value::String(f.as_str().into());
    }
    Request::new(Method::Post, format!("{}/stop", job(id))).json(body)
}

pub fn trigger_checkpoint(id: &JobId, o: &CheckpointOptions, trigger: &TriggerId) -> Request {
    let mut body = json!({ "triggerId": trigger.as_str() });
    if let Some(t) = &o.checkpoint_type {
        body["checkpointType"] = Value::String(t.as_str().into());
    }
    Request::new(Method::Post, format!("{}/checkpoints", job(id))).json(body)
}
pub fn get_triggered_checkpoint_status(id: &JobId, trigger: &TriggerId) -> Request {
    Request::get(format!("{}/checkpoints/{trigger}", job(id)))
}

pub fn dispose_savepoint(path: &str) -> Request {
    Request::new(Method::Post, "/savepoint-disposal".into()).json(json!({ "savepoint-path": path }))
}
pub fn get_savepoint_disposal_status(trigger: &TriggerId) -> Request {
    Request::get(format!("/savepoint-disposal/{trigger}"))
}

// --- rescaling -----------------------------------------------------------------------------

pub fn request_job_resource_requirements(id: &JobId) -> Request {
    Request::get(format!("{}/resource-requirements", job(id)))
}
pub fn update_job_resource_requirements(id: &JobId, requirements: &JobResourceRequirements) -> Request {
    let body = serde_json::to_value(requirements).unwrap_or(Value::Null);
    Request::new(Method::Put, format!("{}/resource-requirements", job(id))).json(body)
}

// --- jars ----------------------------------------------------------------------------------

pub fn list_jars() -> Request {
    Request::get("/jars".into())
}
pub fn upload_jar(file_name: &str, bytes: Vec<u8>) -> Request {
    let mut r = Request::new(Method::Post, "/jars/upload".into());
    r.body = Body::Jar { file_name: file_name.to_string(), bytes };
    r
}

/// What to run from an uploaded jar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JarRunOptions {
    pub entry_class: Option<String>,
    pub program_args: Vec<String>,
    pub parallelism: Option<u32>,
    pub savepoint_path: Option<String>,
    pub allow_non_restored_state: bool,
}

pub fn run_jar(jar_id: &str, o: &JarRunOptions) -> Request {
    let mut body = json!({ "programArgsList": o.program_args, "allowNonRestoredState": o.allow_non_restored_state });
    if let Value::String(c) = opt(&o.entry_class) {
        body["entryClass"] = Value::String(c);
    }
    if let Some(p) = o.parallelism {
        body["parallelism"] = json!(p);
    }
    if let Value::String(s) = opt(&o.savepoint_path) {
        body["savepointPath"] = Value::String(s);
    }
    Request::new(Method::Post, format!("/jars/{}/run", encode(jar_id))).json(body)
}
pub fn delete_jar(jar_id: &str) -> Request {
    Request::new(Method::Delete, format!("/jars/{}", encode(jar_id)))
}
