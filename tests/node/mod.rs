//! What the wasm tests in Node share: the cluster under test, Node's `fs` for savepoints on
//! disk, waiting, and the demo jobs (submitted from the demo jar `scripts/flink` uploads).
#![allow(dead_code)] // each test binary uses its own part

use std::time::Duration;

use flink_console::client::request::JarRunOptions;
use flink_console::client::{ExecutionState, FlinkClient, JobDetails, JobId, JobStatus, Metric, VertexId, WaitOptions};
use wasm_bindgen::prelude::*;

// --- environment -------------------------------------------------------------------------------

pub const FLINK_REST_URL: Option<&str> = option_env!("FLINK_REST_URL");
pub const SECOND_FLINK_REST_URL: Option<&str> = option_env!("SECOND_FLINK_REST_URL");
pub const DEMO_JOBS: [&str; 2] = ["Demo: click counts", "Demo: <b>orders</b> & refunds"];
pub const DEMO_ENTRY_CLASS: &str = "flinkconsole.demo.DemoJob";
pub const COUNT_VERTEX: &str = "Count per key -> Discard: Writer";
pub const SOURCE_VERTEX: &str = "Source: Events";
pub const UNKNOWN_JOB: &str = "00000000000000000000000000000000";

pub fn flink_url() -> &'static str {
    FLINK_REST_URL.expect(
        "FLINK_REST_URL was not set when this test was compiled: run it with `scripts/test wasm-node` \
         (or export FLINK_REST_URL=http://127.0.0.1:PORT of a cluster started by scripts/flink)",
    )
}

pub fn flink() -> FlinkClient {
    FlinkClient::new(flink_url())
}

// Node's `fs`, for checking savepoints on disk (the cluster runs on this machine).
#[wasm_bindgen(module = "fs")]
extern "C" {
    #[wasm_bindgen(js_name = existsSync)]
    pub fn exists_sync(path: &str) -> bool;
    #[wasm_bindgen(js_name = readdirSync, catch)]
    pub fn readdir_sync(path: &str) -> Result<js_sys::Array, JsValue>;
}

/// `file:/a/b` or `file:///a/b` → `/a/b`.
pub fn local_path(uri: &str) -> String {
    let rest = uri.strip_prefix("file:").unwrap_or_else(|| panic!("not a file: URI: {uri}"));
    format!("/{}", rest.trim_start_matches('/'))
}

pub fn list_dir(path: &str) -> Vec<String> {
    match readdir_sync(path) {
        Ok(entries) => entries.iter().filter_map(|e| e.as_string()).collect(),
        Err(_) => Vec::new(),
    }
}

// --- helpers -----------------------------------------------------------------------------------

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Polls `probe` every `every_ms` until it returns `Ok`, or panics after `limit` with the last
/// `Err` (which says what was seen instead).
pub async fn eventually<T>(what: &str, limit: Duration, every_ms: u32, mut probe: impl AsyncFnMut() -> Result<T, String>) -> T {
    let deadline = now_ms() + limit.as_secs_f64() * 1000.0;
    loop {
        match probe().await {
            Ok(value) => return value,
            Err(last) if now_ms() >= deadline => panic!("timed out after {limit:?} waiting for {what}; last seen: {last}"),
            Err(_) => sleep(every_ms).await,
        }
    }
}

pub fn unique_name(purpose: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!("wasm-node {purpose} #{} @{}", COUNTER.fetch_add(1, Ordering::Relaxed), now_ms() as u64)
}

/// The demo jar uploaded by `scripts/flink start` (the newest, if several).
pub async fn demo_jar_id(flink: &FlinkClient) -> String {
    let jars = flink.list_jars().await.expect("list_jars");
    jars.files
        .iter()
        .filter(|f| f.name.starts_with("demo-") && f.name.ends_with(".jar"))
        .max_by_key(|f| f.uploaded)
        .unwrap_or_else(|| panic!("no demo jar uploaded; jars: {:?}", jars.files.iter().map(|f| &f.name).collect::<Vec<_>>()))
        .id
        .clone()
}

/// Submits a demo job of our own and waits until all its tasks run.
pub async fn submit_job(flink: &FlinkClient, purpose: &str) -> (JobId, String) {
    let name = unique_name(purpose);
    let jar = demo_jar_id(flink).await;
    let options = JarRunOptions {
        entry_class: Some(DEMO_ENTRY_CLASS.into()),
        program_args: vec!["--name".into(), name.clone(), "--rate".into(), "20".into()],
        parallelism: Some(1),
        ..Default::default()
    };
    let job = flink.with_timeout(Duration::from_secs(60)).run_jar(&jar, &options).await.expect("run_jar").jobid;
    wait_until_running(flink, &job).await;
    (job, name)
}

/// Until the job and every task of it run (a savepoint or checkpoint needs all tasks running).
pub async fn wait_until_running(flink: &FlinkClient, job: &JobId) -> JobDetails {
    eventually("the job and all its tasks to run", Duration::from_secs(90), 500, async || {
        let details = flink.request_job(job).await.map_err(|e| e.to_string())?;
        let all_running = details.vertices.iter().all(|v| v.status == ExecutionState::Running)
            && details.vertices.iter().all(|v| v.tasks.get("RUNNING").unwrap_or(0) == v.parallelism);
        if details.state == JobStatus::Running && !details.vertices.is_empty() && all_running {
            Ok(details)
        } else {
            Err(format!("state {}, vertices {:?}", details.state, details.vertices.iter().map(|v| (&v.name, &v.status)).collect::<Vec<_>>()))
        }
    })
    .await
}

pub async fn wait_for_status(flink: &FlinkClient, job: &JobId, wanted: JobStatus) {
    eventually(&format!("job {job} to be {wanted}"), Duration::from_secs(60), 300, async || {
        match flink.request_job_status(job).await {
            Ok(s) if s.status == wanted => Ok(()),
            Ok(s) => Err(s.status.to_string()),
            Err(e) => Err(e.to_string()),
        }
    })
    .await
}

/// Cancels one of our own jobs and waits until Flink reports it CANCELED.
pub async fn cancel(flink: &FlinkClient, job: &JobId) {
    flink.cancel_job(job).await.expect("cancel_job");
    wait_for_status(flink, job, JobStatus::Canceled).await;
}

pub async fn demo_job(flink: &FlinkClient, name: &str) -> JobId {
    let jobs = flink.request_multiple_job_details().await.expect("request_multiple_job_details");
    jobs.jobs
        .iter()
        .find(|j| j.name == name && j.state == JobStatus::Running)
        .unwrap_or_else(|| panic!("demo job {name:?} is not running"))
        .jid
        .clone()
}

pub fn vertex_named(details: &JobDetails, name: &str) -> VertexId {
    details
        .vertices
        .iter()
        .find(|v| v.name == name)
        .unwrap_or_else(|| panic!("no vertex {name:?} in {:?}", details.vertices.iter().map(|v| &v.name).collect::<Vec<_>>()))
        .id
        .clone()
}

pub fn metric_value(metrics: &[Metric], id: &str) -> f64 {
    metrics
        .iter()
        .find(|m| m.id == id)
        .and_then(|m| m.value.as_deref())
        .unwrap_or_else(|| panic!("metric {id} missing in {metrics:?}"))
        .parse()
        .unwrap_or_else(|e| panic!("metric {id} is not a number: {e}"))
}

pub fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The cluster's default savepoint directory, from its configuration.
pub async fn savepoint_dir(flink: &FlinkClient) -> String {
    flink
        .jobmanager_config()
        .await
        .expect("jobmanager_config")
        .into_iter()
        .find(|e| e.key == "execution.checkpointing.savepoint-dir")
        .expect("the cluster has a savepoint directory configured")
        .value
}

pub fn fast_wait() -> WaitOptions {
    WaitOptions { poll_interval: Duration::from_millis(250), timeout: Duration::from_secs(60) }
}

/// Until `vertex` of `job` runs with `parallelism`, every subtask running (a rescale is applied
/// after the next checkpoint, once the cooldown after the job's start has passed).
pub async fn wait_for_parallelism(flink: &FlinkClient, job: &JobId, vertex: &VertexId, parallelism: u32, limit: Duration) {
    eventually(&format!("the vertex to run with parallelism {parallelism}"), limit, 1000, async || {
        let d = flink.request_job(job).await.map_err(|e| e.to_string())?;
        let v = d.vertices.iter().find(|v| &v.id == vertex).ok_or("vertex gone")?;
        let running = v.tasks.get("RUNNING").unwrap_or(0);
        if d.state == JobStatus::Running && v.parallelism == parallelism && running == parallelism {
            Ok(())
        } else {
            Err(format!("job {}, parallelism {}, running tasks {running}", d.state, v.parallelism))
        }
    })
    .await;
}
