//! Every recorded Flink 2.3 answer in `tests/fixtures/` against the client: what each file is,
//! which model decodes it (and a few values that must come out), which error it becomes, and
//! whether the request our builders produce is the one that was sent to Flink.
//!
//! The table in `table()` must name every fixture file; `every_fixture_is_in_the_table` fails
//! when a new file is added without deciding what it is.
use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use flink_console::client::request::{
    self as rq, AggregateScope, Body, CheckpointOptions, JarRunOptions, MetricScope, Request, SavepointOptions,
    StopOptions,
};
use flink_console::client::*;

const BASE: &str = "http://127.0.0.1:8081";

// --- fixtures --------------------------------------------------------------------------------

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures")
}

/// One recorded exchange: `{"request": {"method","path","headers","body"}, "status", "headers", "body"}`.
struct Fixture {
    name: String,
    method: String,
    /// The path as sent, with its query string.
    path: String,
    request_body: Value,
    status: u16,
    body: Value,
}

impl Fixture {
    fn load(name: &str) -> Self {
        let file = fixtures_dir().join(name);
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{name}: {e}"));
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

    fn url(&self) -> String {
        format!("{BASE}{}", self.path)
    }

    /// The answer as the transport would see it: the envelope's body re-serialized.
    fn text(&self) -> String {
        serde_json::to_string(&self.body).unwrap()
    }

    fn decode<T: DeserializeOwned>(&self) -> T {
        decode_json::<T>(&self.url(), &self.text()).unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }

    fn error(&self) -> ClientError {
        http_error(&self.url(), self.status, &self.text())
    }

    fn segments(&self) -> Vec<&str> {
        self.path.split('?').next().unwrap().split('/').filter(|s| !s.is_empty()).collect()
    }

    /// The path segment right after `key` (e.g. the id after `jobs`).
    fn after(&self, key: &str) -> &str {
        let segs = self.segments();
        let i = segs.iter().position(|s| *s == key).unwrap_or_else(|| panic!("{}: no '{key}' in path", self.name));
        segs.get(i + 1).unwrap_or_else(|| panic!("{}: nothing after '{key}'", self.name))
    }

    fn last(&self) -> &str {
        self.segments().last().copied().unwrap()
    }

    fn job(&self) -> JobId {
        JobId::parse(self.after("jobs")).unwrap()
    }
    fn vertex(&self) -> VertexId {
        VertexId::parse(self.after("vertices")).unwrap()
    }
    fn trigger(&self) -> TriggerId {
        TriggerId::parse(self.last()).unwrap()
    }
    fn task_manager(&self) -> TaskManagerId {
        TaskManagerId::parse(self.after("taskmanagers")).unwrap()
    }
    fn checkpoint(&self) -> u64 {
        self.after("details").parse().unwrap()
    }

    /// A comma-separated query parameter, split (empty when absent).
    fn query_list(&self, key: &str) -> Vec<String> {
        let Some((_, q)) = self.path.split_once('?') else { return Vec::new() };
        q.split('&')
            .filter_map(|kv| kv.split_once('='))
            .filter(|(k, _)| *k == key)
            .flat_map(|(_, v)| v.split(',').map(str::to_string).collect::<Vec<_>>())
            .collect()
    }

    fn req_str(&self, key: &str) -> Option<String> {
        self.request_body.get(key).and_then(Value::as_str).map(str::to_string)
    }
    fn req_bool(&self, key: &str) -> bool {
        self.request_body.get(key).and_then(Value::as_bool).unwrap_or(false)
    }
    fn req_trigger(&self) -> Option<TriggerId> {
        self.req_str("triggerId").map(|t| TriggerId::parse(&t).unwrap())
    }
}

// --- the table -------------------------------------------------------------------------------

/// What the answer is, from the client's point of view.
enum Answer {
    /// A 2xx answer the client decodes into a model (named for the table's reader); the function
    /// decodes it and checks values.
    Model(&'static str, fn(&Fixture)),
    /// A 2xx answer with an empty `{}` body: the client only looks at the status (`call_unit`).
    Empty,
    /// A 2xx answer from an endpoint the client deliberately does not model; read as JSON.
    Unmodeled(&'static str, fn(&Value)),
    /// An error answer: the short message we expect to show and whether it means "not found".
    Error { message: &'static str, not_found: bool },
}

/// How the fixture's request relates to our builders.
enum Req {
    /// Our builder for this call, and how to compare the body.
    Build(fn(&Fixture) -> Request, BodyCheck),
    /// The fixture sent something our client refuses to build; the function shows why.
    Refused(&'static str, fn(&Fixture)),
    /// No builder in `request.rs` for this endpoint.
    NoBuilder(&'static str),
}

enum BodyCheck {
    /// Neither side sends a body.
    None,
    /// Our JSON body equals the fixture's.
    Exact,
    /// The fixture sent no `triggerId`; our builder always adds one (idempotent retries).
    /// Equal once ours is removed.
    ExceptTriggerId,
    /// A custom comparison.
    Custom(fn(&Request, &Fixture)),
    /// The fixture's body is one our builder cannot (and should not) produce.
    NotComparable(&'static str),
}

struct Entry {
    file: &'static str,
    answer: Answer,
    request: Req,
}

fn e(file: &'static str, answer: Answer, request: Req) -> Entry {
    Entry { file, answer, request }
}
fn get(build: fn(&Fixture) -> Request) -> Req {
    Req::Build(build, BodyCheck::None)
}
fn send(build: fn(&Fixture) -> Request, check: BodyCheck) -> Req {
    Req::Build(build, check)
}
fn err(message: &'static str, not_found: bool) -> Answer {
    Answer::Error { message, not_found }
}

// Builders that read the options from the fixture's request body.

fn savepoint_req(f: &Fixture) -> Request {
    let o = SavepointOptions {
        target_directory: f.req_str("target-directory"),
        format_type: f.req_str("formatType").map(|s| SavepointFormat::from(s.as_str())),
        cancel_job: f.req_bool("cancel-job"),
        trigger_id: f.req_trigger(),
    };
    let trigger = o.trigger_id.clone().unwrap_or_else(TriggerId::random);
    rq::trigger_savepoint(&f.job(), &o, &trigger)
}

fn stop_req(f: &Fixture) -> Request {
    let o = StopOptions {
        target_directory: f.req_str("targetDirectory"),
        format_type: f.req_str("formatType").map(|s| SavepointFormat::from(s.as_str())),
        drain: f.req_bool("drain"),
        trigger_id: f.req_trigger(),
    };
    let trigger = o.trigger_id.clone().unwrap_or_else(TriggerId::random);
    rq::stop_with_savepoint(&f.job(), &o, &trigger)
}

fn checkpoint_req(f: &Fixture) -> Request {
    let o = CheckpointOptions {
        checkpoint_type: f.req_str("checkpointType").map(|s| CheckpointType::from(s.as_str())),
        trigger_id: f.req_trigger(),
    };
    let trigger = o.trigger_id.clone().unwrap_or_else(TriggerId::random);
    rq::trigger_checkpoint(&f.job(), &o, &trigger)
}

fn rr_put_req(f: &Fixture) -> Request {
    let requirements: JobResourceRequirements = serde_json::from_value(f.request_body.clone())
        .unwrap_or_else(|e| panic!("{}: request body is not resource requirements: {e}", f.name));
    rq::update_job_resource_requirements(&f.job(), &requirements)
}

/// For the fixtures that PUT something `JobResourceRequirements` cannot express.
fn rr_body_not_expressible(f: &Fixture) {
    let parsed = serde_json::from_value::<JobResourceRequirements>(f.request_body.clone());
    assert!(parsed.is_err(), "{}: our type can express {}", f.name, f.request_body);
    // The path is still ours.
    assert_eq!(rq::request_job_resource_requirements(&f.job()).path, f.path);
}

fn jar_run_req(f: &Fixture) -> Request {
    let args = match (&f.request_body["programArgsList"], &f.request_body["programArgs"]) {
        (Value::Array(a), _) => a.iter().map(|v| v.as_str().unwrap().to_string()).collect(),
        (_, Value::String(s)) => s.split_whitespace().map(str::to_string).collect(),
        _ => Vec::new(),
    };
    let o = JarRunOptions {
        entry_class: f.req_str("entryClass"),
        program_args: args,
        parallelism: f.request_body["parallelism"].as_u64().map(|p| u32::try_from(p).unwrap()),
        savepoint_path: f.req_str("savepointPath"),
        allow_non_restored_state: f.req_bool("allowNonRestoredState"),
    };
    rq::run_jar(f.after("jars"), &o)
}

/// The launcher sent `programArgs` as one string in some runs; we always send the list form.
fn jar_run_body(r: &Request, f: &Fixture) {
    let ours = r.json_body().unwrap();
    let theirs = &f.request_body;
    assert_eq!(ours.get("entryClass"), theirs.get("entryClass"), "{}", f.name);
    assert_eq!(ours.get("parallelism"), theirs.get("parallelism"), "{}", f.name);
    assert_eq!(ours.get("savepointPath"), theirs.get("savepointPath"), "{}", f.name);
    let expected_args: Vec<Value> = match (&theirs["programArgsList"], &theirs["programArgs"]) {
        (Value::Array(a), _) => a.clone(),
        (_, Value::String(s)) => s.split_whitespace().map(|a| json!(a)).collect(),
        _ => Vec::new(),
    };
    assert_eq!(ours["programArgsList"], Value::Array(expected_args), "{}", f.name);
    assert!(ours.get("programArgs").is_none(), "{}: never the ambiguous string form", f.name);
    assert_eq!(ours["allowNonRestoredState"], json!(f.req_bool("allowNonRestoredState")), "{}", f.name);
}

fn upload_req(f: &Fixture) -> Request {
    let (name, size) = parse_upload_description(f);
    rq::upload_jar(&name, vec![0u8; size])
}

/// The recorder describes the multipart body as `multipart/form-data jarfile=NAME (N bytes)`.
fn parse_upload_description(f: &Fixture) -> (String, usize) {
    let d = f.request_body.as_str().unwrap();
    let rest = d.strip_prefix("multipart/form-data jarfile=").unwrap();
    let (name, size) = rest.split_once(" (").unwrap();
    (name.to_string(), size.trim_end_matches(" bytes)").parse().unwrap())
}

fn upload_body(r: &Request, f: &Fixture) {
    let (name, size) = parse_upload_description(f);
    match &r.body {
        Body::Jar { file_name, bytes } => {
            assert_eq!(file_name, &name);
            assert_eq!(bytes.len(), size);
        }
        other => panic!("upload must be multipart, got {other:?}"),
    }
}

fn metrics_req(f: &Fixture) -> Request {
    let scope = if f.path.starts_with("/jobmanager/") {
        MetricScope::JobManager
    } else if f.path.starts_with("/taskmanagers/") {
        MetricScope::TaskManager(f.task_manager())
    } else if f.path.contains("/vertices/") {
        MetricScope::Vertex(f.job(), f.vertex())
    } else {
        MetricScope::Job(f.job())
    };
    rq::request_metrics(&scope, &f.query_list("get"))
}

fn agg_metrics_req(f: &Fixture) -> Request {
    let scope = if f.path.starts_with("/taskmanagers/") {
        AggregateScope::TaskManagers
    } else if f.path.contains("/subtasks/") {
        AggregateScope::Subtasks(f.job(), f.vertex())
    } else {
        AggregateScope::Jobs
    };
    let aggs = f.query_list("agg");
    let aggs: Vec<&str> = aggs.iter().map(String::as_str).collect();
    rq::request_aggregated_metrics(&scope, &f.query_list("get"), &aggs)
}

// Checks shared by several fixtures.

fn trigger_answer(f: &Fixture) {
    let t: TriggerResponse = f.decode();
    assert_eq!(t.request_id.as_str(), f.body["request-id"].as_str().unwrap());
    // Where we chose the trigger id, Flink answers with it: that is what makes retries idempotent.
    if let Some(sent) = f.req_trigger() {
        assert_eq!(t.request_id, sent, "{}", f.name);
    }
}

fn savepoint_failed_job_gone(f: &Fixture) {
    let s: AsyncOperationStatus<SavepointOperation> = f.decode();
    assert!(s.is_completed());
    let op = s.operation.unwrap();
    assert_eq!(op.location, None);
    let cause = op.failure_cause.expect("savepoint failures are spelled `failure-cause`");
    assert_eq!(cause.class, "java.util.concurrent.CompletionException");
    assert!(cause.stack_trace.contains("FlinkJobNotFoundException"), "{}", f.name);
    assert!(f.body["operation"].get("failure-cause").is_some());
    assert!(f.body["operation"].get("failureCause").is_none());
}

fn savepoint_in_progress(f: &Fixture) {
    let s: AsyncOperationStatus<SavepointOperation> = f.decode();
    assert!(!s.is_completed());
    assert_eq!(s.status.id, QueueStatusId::InProgress);
    assert_eq!(s.operation, None);
}

fn savepoint_location(f: &Fixture, expected: &str) {
    let s: AsyncOperationStatus<SavepointOperation> = f.decode();
    assert!(s.is_completed());
    let op = s.operation.unwrap();
    assert_eq!(op.location.as_deref(), Some(expected));
    assert_eq!(op.failure_cause, None);
}

fn checkpoint_completed(f: &Fixture, id: u64) {
    let s: AsyncOperationStatus<CheckpointOperation> = f.decode();
    assert!(s.is_completed());
    let op = s.operation.unwrap();
    assert_eq!(op.checkpoint_id, Some(id));
    assert_eq!(op.failure_cause, None);
}

fn overview(f: &Fixture, slots_available: u32, running: u32, finished: u32, cancelled: u32) {
    let o: ClusterOverview = f.decode();
    assert_eq!(o.flink_version, "2.3.0");
    assert_eq!(o.flink_commit, "c0f8d1a");
    assert_eq!(o.taskmanagers, 1);
    assert_eq!(o.slots_total, 4);
    assert_eq!(o.slots_available, slots_available);
    assert_eq!(o.jobs_running, running);
    assert_eq!(o.jobs_finished, finished);
    assert_eq!(o.jobs_cancelled, cancelled);
    assert_eq!(o.jobs_failed, 0);
}

const JOB1: &str = "970762374db1c09c2881a915a396ab1e";
const JOB1B: &str = "8c46f63831d67d80b78de4ee3cfaf904";
const JOB2: &str = "7b4d69f0f2209066eecd22caef5ddcb7";
const SOURCE: &str = "193d851ed39da35c23cfb60b0bc854bf";
const COUNTER: &str = "a54a21bf9142a9afd43421e4154b1409";
const JAR: &str = "def41d1a-ee53-404c-a7ea-7f4ef3817344_demo-job.jar";
const TM: &str = "127.0.0.1:6122-25d756";

/// A running stateful-counter job: source with parallelism 1, counter with `counter_parallelism`.
fn stateful_counter(f: &Fixture, jid: &str, counter_parallelism: u32, duration: i64) -> JobDetails {
    let d: JobDetails = f.decode();
    assert_eq!(d.jid.as_str(), jid);
    assert_eq!(d.name, "stateful-counter");
    assert_eq!(d.state, JobStatus::Running);
    assert!(!d.state.is_terminal());
    assert_eq!(d.job_type.as_deref(), Some("STREAMING"));
    assert_eq!(d.scheduler_type.as_deref(), Some("Adaptive"));
    assert_eq!(d.end_time, None, "end-time -1 is 'not yet'");
    assert_eq!(d.max_parallelism, None, "maxParallelism -1 is 'not set'");
    assert_eq!(d.duration, Some(duration));
    assert!(d.start_time.is_some());
    assert_eq!(d.timestamps["FINISHED"], 0);
    assert!(d.timestamps["RUNNING"] > 0);
    let ids: Vec<&str> = d.vertices.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, [SOURCE, COUNTER]);
    assert_eq!(d.vertices[0].name, "Source: Datagen Source");
    assert_eq!(d.vertices[0].parallelism, 1);
    assert_eq!(d.vertices[1].name, "Stateful Counter -> Discard Sink: Writer");
    assert_eq!(d.vertices[1].parallelism, counter_parallelism);
    for v in &d.vertices {
        assert_eq!(v.max_parallelism, 128);
        assert_eq!(v.status, ExecutionState::Running);
        assert_eq!(v.end_time, None);
        assert_eq!(v.tasks["RUNNING"], v.parallelism);
    }
    d
}

fn requirements(f: &Fixture, expected: &[(&str, i64, i64)]) {
    let r: JobResourceRequirements = f.decode();
    let got: Vec<(&str, i64, i64)> =
        r.iter().map(|(v, x)| (v.as_str(), x.parallelism.lower_bound, x.parallelism.upper_bound)).collect();
    assert_eq!(got, expected);
}

fn status_is(f: &Fixture, expected: JobStatus) {
    let s: JobStatusInfo = f.decode();
    assert_eq!(s.status, expected);
}

fn metrics(f: &Fixture, expected: &[(&str, &str)]) {
    let m: Vec<Metric> = f.decode();
    let got: Vec<(&str, &str)> = m.iter().map(|m| (m.id.as_str(), m.value.as_deref().unwrap())).collect();
    let mut got = got;
    got.sort();
    let mut expected = expected.to_vec();
    expected.sort();
    assert_eq!(got, expected);
}

/// A `GET …/metrics` without `get=`: ids only, every value `None`.
fn metric_list(f: &Fixture, len: usize, contains: &str) {
    let m: Vec<Metric> = f.decode();
    assert_eq!(m.len(), len);
    assert!(m.iter().all(|m| m.value.is_none()));
    assert!(m.iter().any(|m| m.id == contains), "{}: no {contains}", f.name);
}

fn log_list(f: &Fixture) {
    let l: LogList = f.decode();
    assert_eq!(l.logs.len(), 8);
    let jm = l.logs.iter().find(|l| l.name == "jobmanager.log").unwrap();
    assert_eq!(jm.size, 332055);
    assert!(l.logs.iter().any(|l| l.name == "taskmanager.log"));
}

fn thread_dump(f: &Fixture, threads: usize) {
    let d: ThreadDump = f.decode();
    assert_eq!(d.thread_infos.len(), threads);
    assert_eq!(d.thread_infos[0].thread_name, "main");
    assert!(d.thread_infos[0].stringified_thread_info.starts_with("\"main\" Id=1"));
}

fn checkpoint_history(f: &Fixture, total: u64, newest: u64, len: usize) -> CheckpointingStatistics {
    let s: CheckpointingStatistics = f.decode();
    assert_eq!(s.counts.total, total);
    assert_eq!(s.counts.in_progress, 0);
    assert_eq!(s.history.len(), len);
    assert_eq!(s.history[0].id, newest);
    assert!(s.history.windows(2).all(|w| w[0].id > w[1].id), "history is newest first");
    assert!(s.history.iter().all(|c| c.status == CheckpointStatus::Completed));
    let completed = s.latest.completed.as_ref().unwrap();
    assert_eq!(completed.status, CheckpointStatus::Completed);
    assert_eq!(s.latest.failed, None);
    let e2e = s.summary.end_to_end_duration.as_ref().unwrap();
    assert!(e2e.min <= e2e.avg && e2e.avg <= e2e.max, "{e2e:?}");
    s
}

fn jar_list(f: &Fixture) {
    let j: JarList = f.decode();
    assert_eq!(j.address, BASE);
    assert_eq!(j.files.len(), 1);
    let jar = &j.files[0];
    assert_eq!(jar.id, JAR);
    assert_eq!(jar.name, "demo-job.jar");
    assert_eq!(jar.uploaded, 1795619433924);
    assert_eq!(jar.entry.len(), 1);
    assert_eq!(jar.entry[0].name, "demo.StatefulCounterJob");
    assert_eq!(jar.entry[0].description, None);
}

fn jar_run(f: &Fixture, jid: &str) {
    let r: JarRunResponse = f.decode();
    assert_eq!(r.jobid.as_str(), jid);
}

fn execution_result(f: &Fixture, jid: &str, name: &str, final_status: &str, net_runtime: i64) {
    let r: JobExecutionResult = f.decode();
    assert!(r.status.id == QueueStatusId::Completed);
    let result = r.result.unwrap();
    assert_eq!(result.id.as_str(), jid);
    assert_eq!(result.name.as_deref(), Some(name));
    assert_eq!(result.application_status.as_deref(), Some(final_status));
    assert_eq!(result.net_runtime, net_runtime);
    assert!(result.end_time.unwrap() > result.start_time.unwrap());
    assert_eq!(result.failure_cause, None);
}

fn vertex_details(f: &Fixture, parallelism: u32, state: ExecutionState) -> VertexDetails {
    let v: VertexDetails = f.decode();
    assert_eq!(v.id.as_str(), COUNTER);
    assert_eq!(v.name, "Stateful Counter -> Discard Sink: Writer");
    assert_eq!(v.parallelism, parallelism);
    assert_eq!(v.max_parallelism, 128);
    assert_eq!(v.subtasks.len() as u32, parallelism);
    for (i, s) in v.subtasks.iter().enumerate() {
        assert_eq!(s.subtask as usize, i);
        assert_eq!(s.status, state);
        assert_eq!(s.endpoint.as_deref(), Some("localhost:43161"));
        assert_eq!(s.taskmanager_id.as_deref(), Some(TM));
        assert!(s.start_time.is_some());
        assert!(s.duration.unwrap() > 0);
    }
    v
}

fn empty_exceptions(f: &Fixture) {
    let x: JobExceptions = f.decode();
    assert!(x.exception_history.entries.is_empty());
    assert!(!x.exception_history.truncated);
}

fn disposal_status_req(f: &Fixture) -> Request {
    rq::get_savepoint_disposal_status(&f.trigger())
}
fn savepoint_status_req(f: &Fixture) -> Request {
    rq::get_triggered_savepoint_status(&f.job(), &f.trigger())
}
fn checkpoint_status_req(f: &Fixture) -> Request {
    rq::get_triggered_checkpoint_status(&f.job(), &f.trigger())
}
fn job_req(f: &Fixture) -> Request {
    rq::request_job(&f.job())
}
fn job_status_req(f: &Fixture) -> Request {
    rq::request_job_status(&f.job())
}
fn rr_get_req(f: &Fixture) -> Request {
    rq::request_job_resource_requirements(&f.job())
}
fn checkpoints_req(f: &Fixture) -> Request {
    rq::request_checkpoint_stats(&f.job())
}
fn result_req(f: &Fixture) -> Request {
    rq::request_job_result(&f.job())
}
fn vertex_req(f: &Fixture) -> Request {
    rq::request_vertex_details(&f.job(), &f.vertex())
}
fn cancel_req(f: &Fixture) -> Request {
    rq::cancel_job(&f.job())
}

const UNMODELED_RESCALES: &str =
    "Flink 2.3's rescale history (adaptive scheduler); the console reads and sets resource requirements instead";

#[rustfmt::skip]
fn table() -> Vec<Entry> {
    vec![
        e("applications_overview_final.json",
          Answer::Unmodeled("Flink 2.x applications: the client works per job, each application here wraps one", |b| {
              let apps = b["applications"].as_array().unwrap();
              assert_eq!(apps.len(), 3);
              assert!(apps.iter().all(|a| a["jobs"].as_object().unwrap().len() == 1));
          }),
          Req::NoBuilder("no applications endpoint in request.rs")),
        e("checkpoint_trigger.json", Answer::Model("TriggerResponse", trigger_answer),
          send(checkpoint_req, BodyCheck::ExceptTriggerId)),
        e("checkpoint_trigger_bad_triggerid.json",
          err("Request did not match expected format CheckpointTriggerRequestBody.", false),
          Req::Refused("a trigger id must be 32 hex characters; ours are validated", |f| {
              let sent = f.req_str("triggerId").unwrap();
              let e = TriggerId::parse(&sent).unwrap_err();
              assert_eq!(e.kind(), "invalid_input");
              assert!(e.to_string().contains("not a valid trigger id"), "{e}");
          })),
        e("checkpoint_trigger_full_status.json",
          Answer::Model("AsyncOperationStatus<CheckpointOperation>", |f| checkpoint_completed(f, 14)),
          get(checkpoint_status_req)),
        e("checkpoint_trigger_full_with_triggerid.json", Answer::Model("TriggerResponse", trigger_answer),
          send(checkpoint_req, BodyCheck::Exact)),
        e("checkpoint_trigger_full_with_triggerid_dup.json", Answer::Model("TriggerResponse", trigger_answer),
          send(checkpoint_req, BodyCheck::Exact)),
        e("checkpoint_trigger_status_completed.json",
          Answer::Model("AsyncOperationStatus<CheckpointOperation>", |f| checkpoint_completed(f, 13)),
          get(checkpoint_status_req)),
        e("checkpoint_trigger_status_poll0.json",
          Answer::Model("AsyncOperationStatus<CheckpointOperation>", |f| {
              let s: AsyncOperationStatus<CheckpointOperation> = f.decode();
              assert!(!s.is_completed());
              assert_eq!(s.operation, None, "operation: null while in progress");
          }),
          get(checkpoint_status_req)),
        e("checkpoint_trigger_status_unknown_trigger.json",
          err("There is no checkpoint operation with triggerId=ffffffffffffffffffffffffffffffff for job 970762374db1c09c2881a915a396ab1e.", true),
          get(checkpoint_status_req)),
        e("completed_job_vertex.json",
          Answer::Model("VertexDetails", |f| {
              let v = vertex_details(f, 3, ExecutionState::Finished);
              assert!(v.subtasks.iter().all(|s| s.end_time.is_some()));
              assert_eq!(v.subtasks[0].attempt, 4);
          }),
          get(vertex_req)),
        e("config.json",
          Answer::Model("DashboardConfig", |f| {
              let c: DashboardConfig = f.decode();
              assert_eq!(c.refresh_interval, 3000);
              assert_eq!(c.flink_version, "2.3.0");
              assert!(c.flink_revision.starts_with("c0f8d1a @ "));
              assert_eq!(c.timezone_name, "Coordinated Universal Time");
              assert_eq!(c.timezone_offset, 0);
              assert_eq!(c.features, DashboardFeatures { web_submit: true, web_cancel: true, web_rescale: true, web_history: false });
          }),
          get(|_| rq::dashboard_config())),
        e("err_bad_patch_mode.json",
          err("Bad request, could not parse parameters: Cannot resolve query parameter (mode) from value \"explode\".", false),
          Req::Refused("the only PATCH mode we send is `cancel`", |f| {
              let r = rq::cancel_job(&f.job());
              assert!(r.path_and_query().ends_with("?mode=cancel"));
              assert_ne!(r.path_and_query(), f.path);
          })),
        e("err_cancel_finished_job.json",
          err("Job cancellation failed because the job has already reached another terminal state (FINISHED).", false),
          get(cancel_req)),
        e("err_checkpoint_on_finished_job.json", Answer::Model("TriggerResponse", trigger_answer),
          send(checkpoint_req, BodyCheck::ExceptTriggerId)),
        e("err_checkpoint_on_finished_job_status.json",
          Answer::Model("AsyncOperationStatus<CheckpointOperation>", |f| {
              let s: AsyncOperationStatus<CheckpointOperation> = f.decode();
              assert!(s.is_completed());
              let op = s.operation.unwrap();
              assert_eq!(op.checkpoint_id, None);
              let cause = op.failure_cause.expect("checkpoint failures are spelled `failureCause`");
              assert!(cause.stack_trace.contains("FlinkJobNotFoundException"));
              assert!(f.body["operation"].get("failureCause").is_some());
              assert!(f.body["operation"].get("failure-cause").is_none());
          }),
          get(checkpoint_status_req)),
        e("err_jar_run_unknown_jar.json",
          // A 500 wrapping a RestHandlerException: not one of the job/vertex/trigger/task manager
          // not-found answers `is_not_found` stands for.
          err("Jar file /var/lib/flink/web-upload/flink-web-upload/nope.jar does not exist", false),
          send(jar_run_req, BodyCheck::NotComparable("the recorder sent `{}`; our builder always sends programArgsList and allowNonRestoredState"))),
        e("err_malformed_job_id.json",
          err("Bad request, could not parse parameters: Cannot resolve path parameter (jobid) from value \"not-a-job-id\".", false),
          Req::Refused("job ids are validated before any request is built", |f| {
              assert_eq!(JobId::parse(f.after("jobs")).unwrap_err().kind(), "invalid_input");
          })),
        e("err_malformed_job_id_status.json",
          err("Bad request, could not parse parameters: Cannot resolve path parameter (jobid) from value \"not-a-job-id\".", false),
          Req::Refused("job ids are validated before any request is built", |f| {
              assert!(JobId::parse(f.after("jobs")).is_err());
          })),
        e("err_rr_get_on_canceled_job.json", err("Could not find Flink job (970762374db1c09c2881a915a396ab1e)", true), get(rr_get_req)),
        e("err_rr_get_on_finished_job.json", err("Could not find Flink job (8c46f63831d67d80b78de4ee3cfaf904)", true), get(rr_get_req)),
        e("err_rr_put_above_maxparallelism.json",
          err("The newly requested parallelism 500 for the job vertex a54a21bf9142a9afd43421e4154b1409 exceeds its maximum parallelism 128.", false),
          send(rr_put_req, BodyCheck::Exact)),
        e("err_rr_put_empty_object.json",
          err("Request body does not specify resource requirements.", false),
          send(rr_put_req, BodyCheck::Exact)),
        e("err_rr_put_lower_gt_upper.json",
          err("The requested lower bound [3] for job vertex [a54a21bf9142a9afd43421e4154b1409] is higher than the upper bound [2].", false),
          send(rr_put_req, BodyCheck::Exact)),
        e("err_rr_put_missing_vertex.json",
          err("The request is incomplete, missing job vertex [193d851ed39da35c23cfb60b0bc854bf] resource requirements.", false),
          send(rr_put_req, BodyCheck::Exact)),
        e("err_rr_put_negative.json", Answer::Empty, send(rr_put_req, BodyCheck::Exact)),
        e("err_rr_put_not_json.json",
          err("Request did not match expected format JobResourceRequirementsBody.", false),
          Req::Refused("the body is a plain string", rr_body_not_expressible)),
        e("err_rr_put_on_canceled_job.json", err("Could not find Flink job (970762374db1c09c2881a915a396ab1e)", true),
          send(rr_put_req, BodyCheck::Exact)),
        e("err_rr_put_on_finished_job.json", err("Could not find Flink job (8c46f63831d67d80b78de4ee3cfaf904)", true),
          send(rr_put_req, BodyCheck::Exact)),
        e("err_rr_put_string_bounds.json",
          err("Request did not match expected format JobResourceRequirementsBody.", false),
          Req::Refused("bounds are integers in ParallelismBounds", rr_body_not_expressible)),
        e("err_rr_put_unknown_job.json", err("Could not find Flink job (00000000000000000000000000000000)", true),
          send(rr_put_req, BodyCheck::Exact)),
        e("err_rr_put_unknown_vertex.json",
          err("Job vertex [00000000000000000000000000000000] was not found in the JobGraph.", false),
          send(rr_put_req, BodyCheck::Exact)),
        e("err_rr_put_upper_only.json",
          err("Request did not match expected format JobResourceRequirementsBody.", false),
          Req::Refused("ParallelismBounds always has both bounds", rr_body_not_expressible)),
        e("err_rr_put_wrong_shape.json",
          err("Request did not match expected format JobResourceRequirementsBody.", false),
          Req::Refused("keys are vertex ids", rr_body_not_expressible)),
        e("err_rr_put_zero_bounds.json",
          err("Both, the requested lower bound [0] and upper bound [0] for job vertex [a54a21bf9142a9afd43421e4154b1409] must be greater than zero.", false),
          send(rr_put_req, BodyCheck::Exact)),
        e("err_savepoint_bad_body.json",
          err("Request did not match expected format SavepointTriggerRequestBody.", false),
          Req::Refused("`cancel-job` is a bool in SavepointOptions", |f| {
              assert!(f.request_body["cancel-job"].is_string());
              let r = rq::trigger_savepoint(&f.job(), &SavepointOptions::default(), &TriggerId::random());
              assert!(r.json_body().unwrap()["cancel-job"].is_boolean());
          })),
        e("err_savepoint_disposal_missing_path.json",
          err("Field savepoint-path must not be omitted or be null.", false),
          Req::Refused("the client refuses an empty savepoint path before sending", |f| {
              assert_eq!(f.request_body, json!({}));
              let e = poll_once(FlinkClient::new(BASE).dispose_savepoint("  ", None)).unwrap_err();
              assert_eq!(e.kind(), "invalid_input");
              assert!(rq::dispose_savepoint("p").json_body().unwrap().get("savepoint-path").is_some());
          })),
        e("err_savepoint_not_json.json",
          err("Request did not match expected format SavepointTriggerRequestBody.", false),
          Req::Refused("our bodies are always JSON objects", |f| {
              assert!(f.request_body.is_string());
              let r = rq::trigger_savepoint(&f.job(), &SavepointOptions::default(), &TriggerId::random());
              assert!(r.json_body().unwrap().is_object());
          })),
        e("err_savepoint_on_finished_job.json", Answer::Model("TriggerResponse", trigger_answer),
          send(savepoint_req, BodyCheck::ExceptTriggerId)),
        e("err_savepoint_on_finished_job_status.json",
          Answer::Model("AsyncOperationStatus<SavepointOperation>", savepoint_failed_job_gone),
          get(savepoint_status_req)),
        e("err_savepoint_on_finished_job_status_2.json",
          Answer::Model("AsyncOperationStatus<SavepointOperation>", savepoint_failed_job_gone),
          get(savepoint_status_req)),
        e("err_stop_on_finished_job.json", Answer::Model("TriggerResponse", trigger_answer),
          send(stop_req, BodyCheck::ExceptTriggerId)),
        e("err_stop_on_finished_job_status.json",
          Answer::Model("AsyncOperationStatus<SavepointOperation>", savepoint_failed_job_gone),
          get(savepoint_status_req)),
        e("err_unknown_checkpoint_id.json",
          err("Could not find checkpointing statistics for checkpoint 999999.", true),
          get(|f| rq::request_checkpoint_details(&f.job(), f.checkpoint()))),
        e("err_unknown_job.json", err("Job 00000000000000000000000000000000 not found", true), get(job_req)),
        e("err_unknown_job_cancel.json", err("Job could not be found.", true), get(cancel_req)),
        e("err_unknown_job_checkpoints.json", err("Job 00000000000000000000000000000000 not found", true), get(checkpoints_req)),
        e("err_unknown_job_savepoint_status.json",
          Answer::Model("AsyncOperationStatus<SavepointOperation>", savepoint_failed_job_gone),
          get(savepoint_status_req)),
        e("err_unknown_job_savepoint_trigger.json", Answer::Model("TriggerResponse", trigger_answer),
          send(savepoint_req, BodyCheck::ExceptTriggerId)),
        e("err_unknown_job_status.json", err("Could not find Flink job (00000000000000000000000000000000)", true), get(job_status_req)),
        e("err_unknown_route.json", err("Unable to load requested file /no/such/route.", true),
          Req::NoBuilder("not a Flink endpoint")),
        e("err_unknown_taskmanager.json", err("No TaskExecutor registered under nope.", true),
          get(|f| rq::request_task_manager_details(&f.task_manager()))),
        e("err_unknown_vertex.json", err("JobVertex 00000000000000000000000000000000 not found", true), get(vertex_req)),
        e("execution_result_after_stop.json",
          Answer::Model("JobExecutionResult", |f| execution_result(f, JOB1B, "stateful-counter", "SUCCEEDED", 566897)),
          get(result_req)),
        e("execution_result_canceled_job0.json",
          Answer::Model("JobExecutionResult", |f| execution_result(f, JOB1, "stateful-counter", "CANCELED", 105652)),
          get(result_req)),
        e("execution_result_running.json",
          Answer::Model("JobExecutionResult", |f| {
              let r: JobExecutionResult = f.decode();
              assert_eq!(r.status.id, QueueStatusId::InProgress);
              assert_eq!(r.result, None);
          }),
          get(result_req)),
        e("finished_job_checkpoints.json",
          Answer::Model("CheckpointingStatistics", |f| {
              let s = checkpoint_history(f, 119, 136, 10);
              assert_eq!(s.counts.failed, 1);
              assert_eq!(s.counts.restored, 5);
              let sp = s.latest.savepoint.as_ref().unwrap();
              assert_eq!(sp.id, 136);
              assert!(sp.is_savepoint);
              assert_eq!(sp.savepoint_format, Some(SavepointFormat::Canonical));
              assert_eq!(sp.checkpoint_type.as_deref(), Some("SYNC_SAVEPOINT"));
              assert_eq!(sp.external_path.as_deref(), Some("file:/var/lib/flink/savepoints/savepoint-8c46f6-0aa04003c87a"));
              assert!(!sp.discarded);
              let completed = s.latest.completed.as_ref().unwrap();
              assert_eq!(completed.id, 135);
              assert_eq!(completed.savepoint_format, None, "savepointFormat: null on checkpoints");
              assert!(completed.discarded);
              let restored = s.latest.restored.as_ref().unwrap();
              assert_eq!(restored.id, 75);
              assert!(!restored.is_savepoint);
              assert_eq!(s.summary.end_to_end_duration.as_ref().unwrap().p99, 260.6100000000002);
          }),
          get(checkpoints_req)),
        e("finished_job_exceptions.json", Answer::Model("JobExceptions", empty_exceptions),
          get(|f| rq::request_job_exceptions(&f.job(), None))),
        e("jar_plan.json",
          Answer::Unmodeled("the console does not preview a jar's plan before running it", |b| {
              let nodes = b["plan"]["nodes"].as_array().unwrap();
              assert_eq!(b["plan"]["name"], "filter-sum");
              assert_eq!(nodes.len(), 2);
          }),
          Req::NoBuilder("no jar plan request in request.rs")),
        e("jars.json", Answer::Model("JarList", jar_list), get(|_| rq::list_jars())),
        e("jars_after_upload.json", Answer::Model("JarList", jar_list), get(|_| rq::list_jars())),
        e("jars_empty.json",
          Answer::Model("JarList", |f| {
              let j: JarList = f.decode();
              assert_eq!(j.address, BASE);
              assert!(j.files.is_empty());
          }),
          get(|_| rq::list_jars())),
        e("jars_run_job1.json", Answer::Model("JarRunResponse", |f| jar_run(f, JOB1)),
          send(jar_run_req, BodyCheck::Custom(jar_run_body))),
        e("jars_run_job1b_from_savepoint.json", Answer::Model("JarRunResponse", |f| jar_run(f, JOB1B)),
          send(jar_run_req, BodyCheck::Custom(jar_run_body))),
        e("jars_run_job2.json", Answer::Model("JarRunResponse", |f| jar_run(f, JOB2)),
          send(jar_run_req, BodyCheck::Custom(jar_run_body))),
        e("jars_upload.json",
          Answer::Model("JarUploadResponse", |f| {
              let u: JarUploadResponse = f.decode();
              assert_eq!(u.status, "success");
              assert_eq!(u.jar_id(), JAR);
          }),
          send(upload_req, BodyCheck::Custom(upload_body))),
        e("job1_detail_initial.json", Answer::Model("JobDetails", |f| { stateful_counter(f, JOB1, 1, 13173); }), get(job_req)),
        e("job1_status_after_patch_no_mode.json", Answer::Model("JobStatusInfo", |f| status_is(f, JobStatus::Canceled)), get(job_status_req)),
        e("job1_subtasktimes_193d851ed39da35c23cfb60b0bc854bf.json",
          Answer::Model("SubtaskTimes", |f| {
              let t: SubtaskTimes = f.decode();
              assert_eq!(t.id.as_str(), SOURCE);
              assert_eq!(t.name, "Source: Datagen Source");
              assert_eq!(t.subtasks.len(), 1);
              assert_eq!(t.subtasks[0].duration, 17647);
              assert_eq!(t.subtasks[0].timestamps["RUNNING"], 1795619439453);
              assert_eq!(t.subtasks[0].timestamps["FINISHED"], 0);
          }),
          get(|f| rq::request_vertex_subtask_times(&f.job(), &f.vertex()))),
        e("job1_subtasktimes_a54a21bf9142a9afd43421e4154b1409.json",
          Answer::Model("SubtaskTimes", |f| {
              let t: SubtaskTimes = f.decode();
              assert_eq!(t.id.as_str(), COUNTER);
              assert_eq!(t.subtasks[0].subtask, 0);
              assert_eq!(t.subtasks[0].duration, 17980);
          }),
          get(|f| rq::request_vertex_subtask_times(&f.job(), &f.vertex()))),
        e("job1b_checkpoints_restored.json",
          Answer::Model("CheckpointingStatistics", |f| {
              let s = checkpoint_history(f, 2, 20, 2);
              let restored = s.latest.restored.as_ref().unwrap();
              assert_eq!(restored.id, 18);
              assert!(restored.is_savepoint, "job 1b was started from job 1's savepoint");
              assert_eq!(restored.external_path.as_deref(), Some("file:/var/lib/flink/savepoints/savepoint-970762-6d3131af20bb"));
              assert_eq!(restored.restore_timestamp, Some(1795619550605));
              assert_eq!(s.latest.savepoint, None);
          }),
          get(checkpoints_req)),
        e("job1b_detail_after_rescale.json", Answer::Model("JobDetails", |f| { stateful_counter(f, JOB1B, 2, 93136); }), get(job_req)),
        e("job1b_resource_requirements_after_errs.json",
          // Flink accepted (200) the PUT with lowerBound -1 (err_rr_put_negative) and keeps it.
          Answer::Model("JobResourceRequirements", |f| requirements(f, &[(SOURCE, 1, 1), (COUNTER, -1, 2)])),
          get(rr_get_req)),
        e("job1b_resource_requirements_after_rescale.json",
          Answer::Model("JobResourceRequirements", |f| requirements(f, &[(SOURCE, 1, 1), (COUNTER, 1, 2)])),
          get(rr_get_req)),
        e("job1b_status_after_errs.json", Answer::Model("JobStatusInfo", |f| status_is(f, JobStatus::Running)), get(job_status_req)),
        e("job2_detail.json",
          Answer::Model("JobDetails", |f| {
              let d: JobDetails = f.decode();
              assert_eq!(d.jid.as_str(), JOB2);
              assert_eq!(d.name, "filter-sum");
              assert_eq!(d.state, JobStatus::Running);
              let names: Vec<&str> = d.vertices.iter().map(|v| v.name.as_str()).collect();
              assert_eq!(names, ["Source: Numbers Source -> Even Filter", "Running Sum -> Sum Sink: Writer"]);
          }),
          get(job_req)),
        e("job2_execution_result_after_cancel.json",
          Answer::Model("JobExecutionResult", |f| execution_result(f, JOB2, "filter-sum", "CANCELED", 675923)),
          get(result_req)),
        e("job2_resource_requirements.json",
          Answer::Model("JobResourceRequirements", |f| {
              requirements(f, &[("17a90e8df3a584db11d3a963788d064f", 1, 1), ("5900d2cb0a81c830ac5f9c198a565783", 1, 1)])
          }),
          get(rr_get_req)),
        e("job2_status_after_cancel.json", Answer::Model("JobStatusInfo", |f| status_is(f, JobStatus::Canceled)), get(job_status_req)),
        e("job_cancel_patch.json", Answer::Empty, get(cancel_req)),
        e("job_cancel_patch_again.json", Answer::Empty, get(cancel_req)),
        e("job_checkpoint_details.json",
          Answer::Model("CheckpointStats", |f| {
              let c: CheckpointStats = f.decode();
              assert_eq!(c.id, 7);
              assert_eq!(c.status, CheckpointStatus::Completed);
              assert!(!c.is_savepoint);
              assert_eq!(c.checkpoint_type.as_deref(), Some("CHECKPOINT"));
              assert_eq!(c.trigger_timestamp, Some(1795619469487));
              assert_eq!(c.end_to_end_duration, Some(65));
              assert_eq!(c.checkpointed_size, Some(2082));
              assert_eq!((c.num_subtasks, c.num_acknowledged_subtasks), (2, 2));
              assert_eq!(c.external_path.as_deref(), Some("file:/var/lib/flink/checkpoints/970762374db1c09c2881a915a396ab1e/chk-7"));
              assert_eq!(c.failure_message, None);
              assert_eq!(c.failure_timestamp, None);
              let source = &c.tasks[&VertexId::parse(SOURCE).unwrap()];
              assert_eq!(source.checkpointed_size, Some(265));
              let counter = &c.tasks[&VertexId::parse(COUNTER).unwrap()];
              assert_eq!(counter.checkpointed_size, Some(1817));
              assert_eq!(counter.end_to_end_duration, Some(65));
          }),
          get(|f| rq::request_checkpoint_details(&f.job(), f.checkpoint()))),
        e("job_checkpoint_subtask_details.json",
          Answer::Model("TaskCheckpointStats", |f| {
              let t: TaskCheckpointStats = f.decode();
              assert_eq!(t.id, 7);
              assert_eq!(t.status, CheckpointStatus::Completed);
              assert_eq!(t.checkpointed_size, Some(1817));
              assert_eq!(t.subtasks.len(), 1);
              let s = &t.subtasks[0];
              assert_eq!(s.index, 0);
              assert_eq!(s.status, "completed");
              assert_eq!(s.ack_timestamp, Some(1795619469552));
              assert_eq!(s.state_size, Some(1817));
              // The summary is not part of the model, but its "NaN" percentiles must decode where
              // StatsSummary is used (one subtask: Flink has no percentiles).
              let url = f.url();
              let summary: StatsSummary = decode_json(&url, &f.body["summary"]["checkpointed_size"].to_string()).unwrap();
              assert_eq!((summary.min, summary.max, summary.avg), (1817.0, 1817.0, 1817.0));
              assert!(summary.p50.is_nan() && summary.p99.is_nan());
          }),
          get(|f| rq::request_checkpoint_subtask_details(&f.job(), f.checkpoint(), &VertexId::parse(f.after("subtasks")).unwrap()))),
        e("job_checkpoints.json",
          Answer::Model("CheckpointingStatistics", |f| {
              let s = checkpoint_history(f, 7, 7, 7);
              assert_eq!(s.counts.restored, 0);
              assert_eq!(s.latest.restored, None);
              assert_eq!(s.latest.savepoint, None);
              assert!(s.history.iter().all(|c| c.tasks.is_empty()), "the history has no per-vertex stats");
              let size = s.summary.checkpointed_size.as_ref().unwrap();
              assert_eq!((size.min, size.max, size.p50), (2082.0, 2082.0, 2082.0));
          }),
          get(checkpoints_req)),
        e("job_checkpoints_after_manual.json",
          Answer::Model("CheckpointingStatistics", |f| {
              let s = checkpoint_history(f, 15, 15, 10);
              // 13 and 14 were triggered by hand (14 as FULL): both in the history.
              assert!(s.history.iter().any(|c| c.id == 13) && s.history.iter().any(|c| c.id == 14));
          }),
          get(checkpoints_req)),
        e("job_checkpoints_config.json",
          Answer::Model("CheckpointConfig", |f| {
              let c: CheckpointConfig = f.decode();
              assert_eq!(c.mode, "exactly_once");
              assert_eq!((c.interval, c.timeout, c.min_pause, c.max_concurrent), (5000, 600000, 0, 1));
              assert_eq!(c.externalization.as_ref().map(|x| (x.enabled, x.delete_on_cancellation)), Some((false, true)));
              assert_eq!(c.state_backend.as_deref(), Some("HashMapStateBackend"));
              assert_eq!(c.checkpoint_storage.as_deref(), Some("FileSystemCheckpointStorage"));
              assert!(!c.unaligned_checkpoints);
              assert_eq!(c.tolerable_failed_checkpoints, 0);
          }),
          get(|f| rq::request_checkpoint_config(&f.job()))),
        e("job_config.json",
          Answer::Model("JobConfig", |f| {
              let c: JobConfig = f.decode();
              assert_eq!(c.jid.as_str(), JOB1);
              assert_eq!(c.name, "stateful-counter");
              let x = c.execution_config.unwrap();
              assert_eq!(x.restart_strategy.as_deref(), Some("Cluster level default restart strategy"));
              assert_eq!(x.job_parallelism, Some(1));
              assert!(!x.object_reuse_mode);
              assert!(x.user_config.is_empty());
          }),
          get(|f| rq::request_job_config(&f.job()))),
        e("job_detail.json", Answer::Model("JobDetails", |f| {
              let d = stateful_counter(f, JOB1, 1, 35559);
              assert_eq!(d.now, 1795619470809);
              assert!(!d.is_stoppable);
          }), get(job_req)),
        e("job_detail_after_rescale.json", Answer::Model("JobDetails", |f| { stateful_counter(f, JOB1, 2, 90457); }), get(job_req)),
        e("job_detail_after_stop.json",
          Answer::Model("JobDetails", |f| {
              let d: JobDetails = f.decode();
              assert_eq!(d.jid.as_str(), JOB1B);
              assert_eq!(d.state, JobStatus::Finished);
              assert!(d.state.is_terminal());
              assert_eq!(d.end_time, Some(1795620117182));
              assert_eq!(d.duration, Some(566897));
              assert_eq!(d.timestamps["FINISHED"], 1795620117182);
              assert!(d.vertices.iter().all(|v| v.status == ExecutionState::Finished && v.end_time.is_some()));
              assert_eq!(d.vertices[1].parallelism, 3);
              assert_eq!(d.vertices[1].tasks["FINISHED"], 3);
          }),
          get(job_req)),
        e("job_exceptions.json", Answer::Model("JobExceptions", empty_exceptions),
          get(|f| rq::request_job_exceptions(&f.job(), None))),
        e("job_metrics_get.json",
          Answer::Model("Vec<Metric>", |f| metrics(f, &[
              ("numberOfCompletedCheckpoints", "10"), ("numRestarts", "0"), ("lastCheckpointDuration", "52"), ("uptime", "48207"),
          ])),
          get(metrics_req)),
        e("job_metrics_list.json", Answer::Model("Vec<Metric>", |f| metric_list(f, 26, "numRestarts")), get(metrics_req)),
        e("job_plan.json",
          Answer::Model("JobPlanInfo", |f| {
              let p: JobPlanInfo = f.decode();
              assert_eq!(p.plan.name, "stateful-counter");
              assert_eq!(p.plan.job_type.as_deref(), Some("STREAMING"));
              let ids: Vec<&str> = p.plan.nodes.iter().map(|n| n.id.as_str()).collect();
              assert_eq!(ids, [SOURCE, COUNTER]);
              assert!(p.plan.nodes[0].inputs.is_empty(), "a source has no `inputs` key");
              let input = &p.plan.nodes[1].inputs[0];
              assert_eq!(input.id.as_str(), SOURCE);
              assert_eq!(input.ship_strategy.as_deref(), Some("HASH"));
              assert_eq!(input.exchange.as_deref(), Some("pipelined_bounded"));
              assert_eq!(p.plan.nodes[1].description, "Stateful Counter<br/>+- Discard Sink: Writer<br/>");
          }),
          get(|f| rq::request_job_plan(&f.job()))),
        e("job_rescales_config.json",
          Answer::Unmodeled(UNMODELED_RESCALES, |b| {
              assert_eq!(b["rescaleHistoryMax"], 0);
              assert!(b["schedulerExecutionMode"].is_null());
          }),
          Req::NoBuilder("rescales/* is not in request.rs")),
        e("job_rescales_history.json",
          Answer::Unmodeled(UNMODELED_RESCALES, |b| assert_eq!(b, &json!([]))),
          Req::NoBuilder("rescales/* is not in request.rs")),
        e("job_rescales_overview.json",
          Answer::Unmodeled(UNMODELED_RESCALES, |b| assert_eq!(b["rescalesCounts"]["completed"], 0)),
          Req::NoBuilder("rescales/* is not in request.rs")),
        e("job_rescales_summary.json",
          Answer::Unmodeled(UNMODELED_RESCALES, |b| {
              assert_eq!(b["rescalesDurationStatsInMillis"]["p50"], "NaN");
              // Same min/max/avg/"NaN" shape as the checkpoint summaries: StatsSummary reads it.
              let s: StatsSummary = decode_json("u", &b["rescalesDurationStatsInMillis"].to_string()).unwrap();
              assert!(s.p99.is_nan());
              assert_eq!(s.max, 0.0);
          }),
          Req::NoBuilder("rescales/* is not in request.rs")),
        e("job_resource_requirements.json",
          Answer::Model("JobResourceRequirements", |f| requirements(f, &[(SOURCE, 1, 1), (COUNTER, 1, 1)])),
          get(rr_get_req)),
        e("job_status.json", Answer::Model("JobStatusInfo", |f| status_is(f, JobStatus::Running)), get(job_status_req)),
        e("job_status_after_stop.json", Answer::Model("JobStatusInfo", |f| status_is(f, JobStatus::Finished)), get(job_status_req)),
        e("jobmanager_config.json",
          Answer::Model("Vec<ConfigEntry>", |f| {
              let c: Vec<ConfigEntry> = f.decode();
              assert_eq!(c.len(), 30);
              let dir = c.iter().find(|e| e.key == "execution.checkpointing.savepoint-dir").unwrap();
              assert_eq!(dir.value, "file:///var/lib/flink/savepoints");
              assert!(c.iter().any(|e| e.key == "web.cancel.enable" && e.value == "true"));
          }),
          get(|_| rq::jobmanager_config())),
        e("jobmanager_environment.json",
          Answer::Unmodeled("JVM and classpath details: the builder exists, the console shows no model of it", |b| {
              assert!(b["jvm"]["version"].as_str().unwrap().contains("17.0.15"));
              assert!(b["jvm"]["options"].as_array().unwrap().iter().any(|o| o == "-Xmx469762048"));
          }),
          get(|_| rq::jobmanager_environment())),
        e("jobmanager_logs.json", Answer::Model("LogList", log_list), get(|_| rq::jobmanager_logs())),
        e("jobmanager_metrics_get.json",
          Answer::Model("Vec<Metric>", |f| metrics(f, &[
              ("numRunningJobs", "2"), ("numRegisteredTaskManagers", "1"), ("taskSlotsAvailable", "2"),
              ("Status.JVM.CPU.Load", "0.06266937669376693"), ("taskSlotsTotal", "4"), ("Status.JVM.Memory.Heap.Used", "53338704"),
          ])),
          get(metrics_req)),
        e("jobmanager_metrics_list.json", Answer::Model("Vec<Metric>", |f| metric_list(f, 35, "taskSlotsTotal")), get(metrics_req)),
        e("jobmanager_thread_dump.json", Answer::Model("ThreadDump", |f| thread_dump(f, 71)), get(|_| rq::request_thread_dump())),
        e("jobs.json",
          Answer::Model("JobIdsWithStatus", |f| {
              let j: JobIdsWithStatus = f.decode();
              let got: Vec<(&str, &JobStatus)> = j.jobs.iter().map(|j| (j.id.as_str(), &j.status)).collect();
              assert_eq!(got, [(JOB2, &JobStatus::Running), (JOB1, &JobStatus::Running)]);
          }),
          get(|_| rq::request_job_ids())),
        e("jobs_final.json",
          Answer::Model("JobIdsWithStatus", |f| {
              let j: JobIdsWithStatus = f.decode();
              let got: Vec<(&str, &JobStatus)> = j.jobs.iter().map(|j| (j.id.as_str(), &j.status)).collect();
              assert_eq!(got, [(JOB1B, &JobStatus::Finished), (JOB2, &JobStatus::Canceled), (JOB1, &JobStatus::Canceled)]);
          }),
          get(|_| rq::request_job_ids())),
        e("jobs_overview.json",
          Answer::Model("MultipleJobsDetails", |f| {
              let m: MultipleJobsDetails = f.decode();
              assert_eq!(m.jobs.len(), 2);
              let j = &m.jobs[0];
              assert_eq!((j.jid.as_str(), j.name.as_str(), &j.state), (JOB2, "filter-sum", &JobStatus::Running));
              assert_eq!(j.end_time, None);
              assert_eq!(j.start_time, Some(1795619442450));
              assert_eq!(j.last_modification, Some(1795619443013));
              assert_eq!((j.tasks["running"], j.tasks["total"]), (2, 2));
          }),
          get(|_| rq::request_multiple_job_details())),
        e("jobs_overview_final.json",
          Answer::Model("MultipleJobsDetails", |f| {
              let m: MultipleJobsDetails = f.decode();
              let states: Vec<&JobStatus> = m.jobs.iter().map(|j| &j.state).collect();
              assert_eq!(states, [&JobStatus::Finished, &JobStatus::Canceled, &JobStatus::Canceled]);
              assert!(m.jobs.iter().all(|j| j.end_time.is_some() && j.state.is_terminal()));
              assert_eq!(m.jobs[0].tasks["finished"], 4);
          }),
          get(|_| rq::request_multiple_job_details())),
        e("overview.json", Answer::Model("ClusterOverview", |f| overview(f, 2, 2, 0, 0)), get(|_| rq::request_cluster_overview())),
        e("overview_after_rescale.json", Answer::Model("ClusterOverview", |f| overview(f, 1, 2, 0, 0)), get(|_| rq::request_cluster_overview())),
        e("overview_before_jobs.json", Answer::Model("ClusterOverview", |f| overview(f, 4, 0, 0, 0)), get(|_| rq::request_cluster_overview())),
        e("overview_final.json", Answer::Model("ClusterOverview", |f| overview(f, 4, 0, 1, 2)), get(|_| rq::request_cluster_overview())),
        e("patch_without_mode_CANCELS_JOB.json", Answer::Empty,
          Req::Refused("a PATCH without mode cancels the job (see job1_status_after_patch_no_mode); we always send mode=cancel", |f| {
              let r = rq::cancel_job(&f.job());
              assert_eq!(r.path, f.path);
              assert_eq!(r.path_and_query(), format!("{}?mode=cancel", f.path));
          })),
        e("resource_requirements_after_put.json",
          Answer::Model("JobResourceRequirements", |f| requirements(f, &[(SOURCE, 1, 1), (COUNTER, 1, 2)])),
          get(rr_get_req)),
        e("resource_requirements_put.json", Answer::Empty, send(rr_put_req, BodyCheck::Exact)),
        e("resource_requirements_put_scale_down.json", Answer::Empty, send(rr_put_req, BodyCheck::Exact)),
        e("resource_requirements_put_scale_up.json", Answer::Empty, send(rr_put_req, BodyCheck::Exact)),
        e("savepoint_disposal_status_completed.json",
          Answer::Model("AsyncOperationStatus<DisposalOperation>", |f| {
              let s: AsyncOperationStatus<DisposalOperation> = f.decode();
              assert!(s.is_completed());
              assert_eq!(s.operation.unwrap().failure_cause, None, "success is `operation: {{}}`");
          }),
          get(disposal_status_req)),
        e("savepoint_disposal_status_nonexistent.json",
          Answer::Model("AsyncOperationStatus<DisposalOperation>", |f| {
              let s: AsyncOperationStatus<DisposalOperation> = f.decode();
              assert!(s.is_completed());
              let cause = s.operation.unwrap().failure_cause.expect("disposal failures are spelled `failure-cause`");
              assert_eq!(cause.class, "org.apache.flink.util.FlinkException");
              assert!(cause.stack_trace.contains("Cannot find checkpoint or savepoint file/directory"));
          }),
          get(disposal_status_req)),
        e("savepoint_disposal_status_poll0.json",
          Answer::Model("AsyncOperationStatus<DisposalOperation>", |f| {
              let s: AsyncOperationStatus<DisposalOperation> = f.decode();
              assert!(!s.is_completed());
              assert_eq!(s.operation, None);
          }),
          get(disposal_status_req)),
        e("savepoint_disposal_status_unknown_trigger.json",
          err("Operation not found under key: org.apache.flink.runtime.rest.handler.async.OperationKey@1f", true),
          get(disposal_status_req)),
        e("savepoint_disposal_trigger.json", Answer::Model("TriggerResponse", trigger_answer),
          send(|f| rq::dispose_savepoint(&f.req_str("savepoint-path").unwrap()), BodyCheck::Exact)),
        e("savepoint_disposal_trigger_nonexistent.json", Answer::Model("TriggerResponse", trigger_answer),
          send(|f| rq::dispose_savepoint(&f.req_str("savepoint-path").unwrap()), BodyCheck::Exact)),
        e("savepoint_status_completed.json",
          Answer::Model("AsyncOperationStatus<SavepointOperation>", |f| savepoint_location(f, "file:/var/lib/flink/savepoints/savepoint-970762-6d3131af20bb")),
          get(savepoint_status_req)),
        e("savepoint_status_completed_2.json",
          Answer::Model("AsyncOperationStatus<SavepointOperation>", |f| savepoint_location(f, "file:/var/lib/flink/savepoints/savepoint-970762-f0a03e1348c8")),
          get(savepoint_status_req)),
        e("savepoint_status_in_progress.json",
          Answer::Model("AsyncOperationStatus<SavepointOperation>", savepoint_in_progress),
          get(savepoint_status_req)),
        e("savepoint_status_unknown_trigger.json",
          err("There is no savepoint operation with triggerId=ffffffffffffffffffffffffffffffff for job 970762374db1c09c2881a915a396ab1e.", true),
          get(savepoint_status_req)),
        e("savepoint_trigger_default_dir.json", Answer::Model("TriggerResponse", trigger_answer),
          send(savepoint_req, BodyCheck::ExceptTriggerId)),
        e("savepoint_trigger_no_triggerid.json", Answer::Model("TriggerResponse", trigger_answer),
          send(savepoint_req, BodyCheck::ExceptTriggerId)),
        e("savepoint_trigger_with_triggerid.json", Answer::Model("TriggerResponse", trigger_answer),
          send(savepoint_req, BodyCheck::Exact)),
        e("savepoint_trigger_with_triggerid_dup.json", Answer::Model("TriggerResponse", trigger_answer),
          send(savepoint_req, BodyCheck::Exact)),
        e("savepoint_trigger_with_triggerid_dup_after_complete_diffbody.json",
          // Same trigger id, other directory and format: Flink answers with the first operation.
          Answer::Model("TriggerResponse", trigger_answer),
          send(savepoint_req, BodyCheck::Exact)),
        e("source_vertex_metrics_get.json",
          Answer::Model("Vec<Metric>", |f| metrics(f, &[
              ("0.numRecordsOutPerSecond", "77.15"), ("0.Source__Datagen_Source.numRecordsOutPerSecond", "77.15"), ("0.numRecordsOut", "4718"),
          ])),
          get(metrics_req)),
        e("stop_with_savepoint_status_completed.json",
          Answer::Model("AsyncOperationStatus<SavepointOperation>", |f| savepoint_location(f, "file:/var/lib/flink/savepoints/savepoint-8c46f6-0aa04003c87a")),
          get(savepoint_status_req)),
        e("stop_with_savepoint_status_poll0.json",
          Answer::Model("AsyncOperationStatus<SavepointOperation>", savepoint_in_progress),
          get(savepoint_status_req)),
        e("stop_with_savepoint_trigger.json", Answer::Model("TriggerResponse", trigger_answer), send(stop_req, BodyCheck::Exact)),
        e("stop_with_savepoint_trigger_dup.json", Answer::Model("TriggerResponse", trigger_answer), send(stop_req, BodyCheck::Exact)),
        e("taskmanager_detail.json",
          Answer::Model("TaskManagerInfo", |f| {
              let t: TaskManagerInfo = f.decode();
              assert_eq!(t.id, TM);
              assert_eq!(t.path, "pekko.tcp://flink@127.0.0.1:6122/user/rpc/taskmanager_0");
              assert_eq!(t.data_port, 43161);
              assert_eq!((t.slots_number, t.free_slots), (4, 2));
              let hw = t.hardware.unwrap();
              assert_eq!((hw.cpu_cores, hw.physical_memory), (2, 25276063744));
              assert_eq!(t.memory_configuration["totalProcessMemory"], 1610612736.0);
          }),
          get(|f| rq::request_task_manager_details(&f.task_manager()))),
        e("taskmanager_logs.json", Answer::Model("LogList", log_list),
          Req::NoBuilder("LogList models /taskmanagers/{id}/logs, but request.rs has only the JobManager's logs")),
        e("taskmanager_metrics_get.json",
          Answer::Model("Vec<Metric>", |f| metrics(f, &[("Status.JVM.CPU.Load", "0.07892953929539295"), ("Status.JVM.Memory.Heap.Used", "108341976")])),
          get(metrics_req)),
        e("taskmanager_thread_dump.json", Answer::Model("ThreadDump", |f| thread_dump(f, 52)),
          get(|f| rq::request_task_manager_thread_dump(&f.task_manager()))),
        e("taskmanagers.json",
          Answer::Model("TaskManagers", |f| {
              let t: TaskManagers = f.decode();
              assert_eq!(t.taskmanagers.len(), 1);
              assert_eq!(t.taskmanagers[0].id, TM);
              assert_eq!(t.taskmanagers[0].slots_number, 4);
              assert_eq!(t.taskmanagers[0].hardware.as_ref().unwrap().cpu_cores, 2);
          }),
          get(|_| rq::request_task_managers())),
        e("taskmanagers_metrics_agg.json",
          Answer::Model("Vec<AggregatedMetric>", |f| {
              let m: Vec<AggregatedMetric> = f.decode();
              assert_eq!(m.len(), 1);
              assert_eq!(m[0].id, "Status.JVM.Memory.Heap.Used");
              assert_eq!((m[0].max, m[0].sum), (Some(157059056.0), Some(157059056.0)));
              assert_eq!((m[0].min, m[0].avg, m[0].skew), (None, None, None), "only the asked-for aggregations");
          }),
          get(agg_metrics_req)),
        e("vertex_backpressure.json",
          Answer::Unmodeled("the console derives back pressure from busyTimeMsPerSecond/backPressuredTimeMsPerSecond metrics", |b| {
              assert_eq!(b["backpressureLevel"], "ok");
              assert_eq!(b["subtasks"][0]["ratio"], 0.0);
          }),
          Req::NoBuilder("no back pressure request in request.rs")),
        e("vertex_detail.json",
          Answer::Model("VertexDetails", |f| {
              let v = vertex_details(f, 1, ExecutionState::Running);
              assert_eq!(v.subtasks[0].end_time, None, "end-time -1 while running");
              assert_eq!(v.subtasks[0].duration, Some(41007));
              assert_eq!(v.now, 1795619478484);
          }),
          get(vertex_req)),
        e("vertex_detail_after_rescale.json",
          Answer::Model("VertexDetails", |f| {
              let v = vertex_details(f, 2, ExecutionState::Running);
              assert_eq!(v.subtasks[0].attempt, 1, "the rescale restarted subtask 0");
          }),
          get(vertex_req)),
        e("vertex_metrics_get.json",
          Answer::Model("Vec<Metric>", |f| metrics(f, &[
              ("0.busyTimeMsPerSecond", "2.0"), ("0.backPressuredTimeMsPerSecond", "0"), ("0.numRecordsInPerSecond", "52.016666666666666"),
              ("0.Stateful_Counter.numRecordsIn", "3221"), ("0.numRecordsIn", "3221"),
          ])),
          get(metrics_req)),
        e("vertex_metrics_list.json", Answer::Model("Vec<Metric>", |f| metric_list(f, 86, "0.numRecordsInPerSecond")), get(metrics_req)),
        e("vertex_metrics_unknown_name.json",
          Answer::Model("Vec<Metric>", |f| {
              let m: Vec<Metric> = f.decode();
              assert!(m.is_empty(), "an unknown metric name is silently left out");
          }),
          get(metrics_req)),
        e("vertex_subtasks_metrics_agg.json",
          Answer::Model("Vec<AggregatedMetric>", |f| {
              let m: Vec<AggregatedMetric> = f.decode();
              let n = m.iter().find(|m| m.id == "numRecordsIn").unwrap();
              assert_eq!((n.sum, n.max, n.avg, n.min), (Some(4717.0), Some(4717.0), Some(4717.0), None));
              assert!(m.iter().any(|m| m.id == "numRecordsInPerSecond" && m.avg == Some(77.11666666666666)));
          }),
          get(agg_metrics_req)),
        e("vertex_watermarks.json",
          Answer::Unmodeled("watermarks are not shown by the console (Long.MIN_VALUE = no watermark yet)", |b| {
              assert_eq!(b[0]["value"], "-9223372036854775808");
          }),
          Req::NoBuilder("no watermarks request in request.rs")),
    ]
}

/// Polls a future once: enough for client methods that fail before any I/O.
fn poll_once<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(v) => v,
        std::task::Poll::Pending => panic!("the future did not complete at once"),
    }
}

/// Runs `check` for every entry, collecting failures so one run names every broken fixture.
fn for_each(entries: &[Entry], mut check: impl FnMut(&Entry, &Fixture)) -> usize {
    let mut failed = Vec::new();
    let mut ran = 0;
    for entry in entries {
        let fixture = Fixture::load(entry.file);
        ran += 1;
        if catch_unwind(AssertUnwindSafe(|| check(entry, &fixture))).is_err() {
            failed.push(entry.file);
        }
    }
    assert!(failed.is_empty(), "failed for {} fixture(s): {failed:#?}", failed.len());
    ran
}

// --- tests -----------------------------------------------------------------------------------

#[test]
fn every_fixture_is_in_the_table() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    let entries = table();
    let in_table: BTreeSet<String> = entries.iter().map(|e| e.file.to_string()).collect();
    assert_eq!(in_table.len(), entries.len(), "a fixture is listed twice");
    let missing: Vec<&String> = on_disk.difference(&in_table).collect();
    assert!(missing.is_empty(), "fixtures not in the table of tests/host_fixtures.rs (say what they are): {missing:#?}");
    let stale: Vec<&String> = in_table.difference(&on_disk).collect();
    assert!(stale.is_empty(), "table entries without a fixture file: {stale:#?}");
    assert!(on_disk.len() >= 150, "only {} fixtures found", on_disk.len());
}

#[test]
fn successful_answers_decode_into_their_models() {
    let entries: Vec<Entry> = table().into_iter().filter(|e| matches!(e.answer, Answer::Model(..))).collect();
    let ran = for_each(&entries, |entry, f| {
        assert!((200..300).contains(&f.status), "{}: a model fixture must be 2xx, is {}", f.name, f.status);
        let Answer::Model(type_name, check) = &entry.answer else { unreachable!() };
        assert!(!type_name.is_empty());
        check(f);
    });
    assert!(ran > 100, "{ran}");
}

#[test]
fn empty_answers_are_empty_objects() {
    let entries: Vec<Entry> = table().into_iter().filter(|e| matches!(e.answer, Answer::Empty)).collect();
    let ran = for_each(&entries, |_, f| {
        assert!((200..300).contains(&f.status), "{}: {}", f.name, f.status);
        assert_eq!(f.body, json!({}), "{}", f.name);
        assert_ne!(f.method, "GET", "{}: a GET always answers with something to decode", f.name);
    });
    assert_eq!(ran, 7);
}

#[test]
fn unmodeled_answers_are_still_json_and_say_why() {
    let entries: Vec<Entry> = table().into_iter().filter(|e| matches!(e.answer, Answer::Unmodeled(..))).collect();
    let ran = for_each(&entries, |entry, f| {
        let Answer::Unmodeled(reason, check) = &entry.answer else { unreachable!() };
        assert!(reason.len() > 20, "{}: give a reason", f.name);
        assert!((200..300).contains(&f.status));
        let v: Value = f.decode();
        check(&v);
    });
    assert_eq!(ran, 9);
}

#[test]
fn error_answers_become_short_readable_http_errors() {
    let entries: Vec<Entry> = table().into_iter().filter(|e| matches!(e.answer, Answer::Error { .. })).collect();
    let ran = for_each(&entries, |entry, f| {
        let Answer::Error { message, not_found } = entry.answer else { unreachable!() };
        assert!(f.status >= 400, "{}: an error fixture with status {}", f.name, f.status);
        let e = f.error();
        assert_eq!(e.kind(), "http");
        assert_eq!(e.status(), Some(f.status));
        assert!(!e.messages().is_empty(), "Flink's `errors` array is kept");
        let msg = e.flink_message().unwrap();
        assert_eq!(msg, message, "{}", f.name);
        assert!(!msg.contains("\tat ") && !msg.contains('\n'), "{}: {msg}", f.name);
        assert!(!msg.starts_with("org.apache") && !msg.starts_with("java.") && !msg.starts_with('<'), "{}: {msg}", f.name);
        assert!(msg.len() < 200, "{}: {msg}", f.name);
        assert_eq!(e.is_not_found(), not_found, "{}: is_not_found", f.name);
        let shown = e.to_string();
        assert_eq!(shown, format!("Flink answered {} for {}: {msg}", f.status, f.url()));
    });
    assert_eq!(ran, 35);
}

#[test]
fn not_found_is_every_404_and_the_500s_about_missing_jobs_or_task_managers() {
    let entries = table();
    for entry in &entries {
        let Answer::Error { not_found, .. } = entry.answer else { continue };
        let f = Fixture::load(entry.file);
        match f.status {
            404 => assert!(not_found, "{}", f.name),
            400 | 409 => assert!(!not_found, "{}", f.name),
            500 => {
                let about_missing = f.text().contains("FlinkJobNotFoundException") || f.text().contains("UnknownTaskExecutorException");
                assert_eq!(not_found, about_missing, "{}", f.name);
            }
            other => panic!("{}: unexpected status {other}", f.name),
        }
    }
}

#[test]
fn built_requests_match_what_was_sent_to_flink() {
    let entries = table();
    let mut built = 0;
    let mut bodies = 0;
    for_each(&entries, |entry, f| match &entry.request {
        Req::Build(build, check) => {
            built += 1;
            let r = build(f);
            assert_eq!(r.method.as_str(), f.method, "{}", f.name);
            assert_eq!(r.path_and_query(), f.path, "{}", f.name);
            assert_eq!(FlinkClient::new(BASE).url(&r), f.url(), "{}", f.name);
            match check {
                BodyCheck::None => {
                    assert_eq!(r.body, Body::None, "{}", f.name);
                    assert!(f.request_body.is_null(), "{}: the fixture sent {}", f.name, f.request_body);
                }
                BodyCheck::Exact => {
                    bodies += 1;
                    assert_eq!(r.json_body(), Some(&f.request_body), "{}", f.name);
                }
                BodyCheck::ExceptTriggerId => {
                    bodies += 1;
                    assert!(f.request_body.get("triggerId").is_none(), "{}: use Exact", f.name);
                    let mut ours = r.json_body().unwrap().clone();
                    let t = ours.as_object_mut().unwrap().remove("triggerId").expect("we always send a trigger id");
                    assert!(TriggerId::parse(t.as_str().unwrap()).is_ok());
                    assert_eq!(ours, f.request_body, "{}", f.name);
                }
                BodyCheck::Custom(check) => {
                    bodies += 1;
                    check(&r, f);
                }
                BodyCheck::NotComparable(reason) => {
                    assert!(!reason.is_empty());
                    assert!(r.json_body().is_some(), "{}", f.name);
                }
            }
        }
        Req::Refused(reason, check) => {
            assert!(!reason.is_empty());
            check(f);
        }
        Req::NoBuilder(reason) => assert!(!reason.is_empty()),
    });
    assert!(built >= 130, "{built} requests built");
    assert!(bodies >= 30, "{bodies} bodies compared");
}

#[test]
fn operation_failures_become_operation_failed_errors() {
    // What `wait_for_savepoint` & co. turn a completed-with-failure status into.
    let failed = |operation: &str, cause: SerializedThrowable| ClientError::OperationFailed {
        operation: operation.into(),
        class: cause.class,
        stack_trace: cause.stack_trace,
    };
    for file in [
        "err_savepoint_on_finished_job_status.json",
        "err_stop_on_finished_job_status.json",
        "err_unknown_job_savepoint_status.json",
    ] {
        let f = Fixture::load(file);
        let s: AsyncOperationStatus<SavepointOperation> = f.decode();
        let e = failed("savepoint", s.operation.unwrap().failure_cause.unwrap());
        assert_eq!(e.kind(), "operation_failed");
        assert!(e.is_not_found(), "{file}: the job is gone");
        let msg = e.flink_message().unwrap();
        assert!(msg.starts_with("Could not find Flink job ("), "{file}: {msg}");
        assert_eq!(e.to_string(), format!("The savepoint failed: {msg}"));
    }

    let f = Fixture::load("err_checkpoint_on_finished_job_status.json");
    let s: AsyncOperationStatus<CheckpointOperation> = f.decode();
    let e = failed("checkpoint", s.operation.unwrap().failure_cause.unwrap());
    assert!(e.is_not_found());
    assert_eq!(e.flink_message().as_deref(), Some("Could not find Flink job (8c46f63831d67d80b78de4ee3cfaf904)"));

    let f = Fixture::load("savepoint_disposal_status_nonexistent.json");
    let s: AsyncOperationStatus<DisposalOperation> = f.decode();
    let e = failed("savepoint disposal", s.operation.unwrap().failure_cause.unwrap());
    assert_eq!(e.flink_message().as_deref(), Some("Could not dispose savepoint file:/var/lib/flink/savepoints/does-not-exist."));
    assert!(!e.is_not_found(), "a failed disposal is not a missing job/trigger");
    assert_eq!(e.to_string(), "The savepoint disposal failed: Could not dispose savepoint file:/var/lib/flink/savepoints/does-not-exist.");
}

#[test]
fn failure_cause_spelling_differs_per_operation() {
    // Reading a checkpoint status as a savepoint (or the reverse) would lose the failure.
    let cp = Fixture::load("err_checkpoint_on_finished_job_status.json");
    let as_savepoint: AsyncOperationStatus<SavepointOperation> = cp.decode();
    assert_eq!(as_savepoint.operation.unwrap().failure_cause, None);
    let sp = Fixture::load("err_savepoint_on_finished_job_status.json");
    let as_checkpoint: AsyncOperationStatus<CheckpointOperation> = sp.decode();
    assert_eq!(as_checkpoint.operation.unwrap().failure_cause, None);
    let as_disposal: AsyncOperationStatus<DisposalOperation> = sp.decode();
    assert!(as_disposal.operation.unwrap().failure_cause.is_some(), "disposal uses the savepoint spelling");
}

#[test]
fn rescale_validation_rejects_what_flink_rejected() {
    // Job 1b (8c46…) as it was while these PUTs were made.
    let job: JobDetails = Fixture::load("job1b_detail_after_rescale.json").decode();
    let body = |file: &str| -> JobResourceRequirements { serde_json::from_value(Fixture::load(file).request_body).unwrap() };
    for file in [
        "err_rr_put_above_maxparallelism.json",
        "err_rr_put_empty_object.json",
        "err_rr_put_lower_gt_upper.json",
        "err_rr_put_missing_vertex.json",
        "err_rr_put_unknown_vertex.json",
        "err_rr_put_zero_bounds.json",
        // Flink accepted this one (200) and kept lowerBound -1; we are stricter.
        "err_rr_put_negative.json",
    ] {
        let e = rescale::validate(&body(file), &job).unwrap_err();
        assert_eq!(e.kind(), "invalid_input", "{file}");
    }
    for file in ["resource_requirements_put_scale_up.json", "resource_requirements_put_scale_down.json", "err_rr_put_on_finished_job.json"] {
        rescale::validate(&body(file), &job).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    let job1: JobDetails = Fixture::load("job_detail.json").decode();
    rescale::validate(&body("resource_requirements_put.json"), &job1).unwrap();
    // What Flink answers for a GET is itself a valid PUT, except after it accepted -1.
    rescale::validate(&Fixture::load("job_resource_requirements.json").decode(), &job1).unwrap();
    assert!(rescale::validate(&Fixture::load("job1b_resource_requirements_after_errs.json").decode(), &job).is_err());
}
