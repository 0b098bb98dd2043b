//! Jars: list, upload, plan, run, delete.
use serde_json::{Map, Value, json};

use super::FlinkClient;
use crate::client::ClientError;
use crate::client::models::{JarList, JarRunResponse, JarUploadResponse, JobPlanInfo, RestoreMode};
use crate::client::request::{Body, Empty, Method, Request, encode, non_empty};

/// `GET /jars`.
pub fn list_jars() -> Request<JarList> {
    Request::get("/jars".into())
}
/// `POST /jars/upload` as a multipart form.
pub fn upload_jar(file_name: &str, bytes: Vec<u8>) -> Request<JarUploadResponse> {
    let mut r = Request::new(Method::Post, "/jars/upload".into());
    r.body = Body::Jar { file_name: file_name.to_string(), bytes };
    r
}

/// What to run from an uploaded jar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct JarRunOptions {
    /// The main class; the jar's manifest decides when blank.
    pub entry_class: Option<String>,
    /// The program's arguments, one per entry.
    pub program_args: Vec<String>,
    /// The job's default parallelism; the cluster's when `None`.
    pub parallelism: Option<u32>,
    /// A savepoint to restore from.
    pub savepoint_path: Option<String>,
    /// Skip state of operators the savepoint has but the job no longer does.
    pub allow_non_restored_state: bool,
    /// Who owns the savepoint afterwards; the cluster's `execution.state-recovery.claim-mode`
    /// when `None`. Sent only with a savepoint path.
    pub restore_mode: Option<RestoreMode>,
}

/// What the plan and the run both take: the entry class, the arguments, the parallelism.
fn program_body(o: &JarRunOptions) -> Map<String, Value> {
    let mut body = Map::new();
    body.insert("programArgsList".into(), json!(o.program_args));
    if let Some(c) = non_empty(&o.entry_class) {
        body.insert("entryClass".into(), Value::String(c.into()));
    }
    if let Some(p) = o.parallelism {
        body.insert("parallelism".into(), json!(p));
    }
    body
}

/// `POST /jars/{id}/plan`: the job graph the program would submit, without running it. Of the
/// options only the entry class, arguments and parallelism count (Flink runs `main` to get it).
pub fn jar_plan(jar_id: &str, o: &JarRunOptions) -> Request<JobPlanInfo> {
    Request::new(Method::Post, format!("/jars/{}/plan", encode(jar_id))).json(Value::Object(program_body(o)))
}

/// `POST /jars/{id}/run`.
pub fn run_jar(jar_id: &str, o: &JarRunOptions) -> Request<JarRunResponse> {
    let mut body = program_body(o);
    body.insert("allowNonRestoredState".into(), Value::Bool(o.allow_non_restored_state));
    if let Some(s) = non_empty(&o.savepoint_path) {
        body.insert("savepointPath".into(), Value::String(s.into()));
        // `restoreMode` is the name every line from 1.18 to 2.3 reads; 2.x's `claimMode` would
        // be an unknown field to 1.x, whose request mapper refuses those.
        if let Some(mode) = &o.restore_mode {
            body.insert("restoreMode".into(), Value::String(mode.as_str().into()));
        }
    }
    Request::new(Method::Post, format!("/jars/{}/run", encode(jar_id))).json(Value::Object(body))
}
/// `DELETE /jars/{id}`.
pub fn delete_jar(jar_id: &str) -> Request<Empty> {
    Request::new(Method::Delete, format!("/jars/{}", encode(jar_id)))
}

impl FlinkClient {
    /// `GET /jars`: the uploaded jars.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// for jar in flink.list_jars().await?.files { println!("{}", jar.id); }
    /// # Ok(()) }
    /// ```
    pub async fn list_jars(&self) -> Result<JarList, ClientError> {
        self.send(list_jars()).await
    }

    /// `POST /jars/upload` (multipart): returns the upload answer, whose `jar_id()` runs it.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, bytes: Vec<u8>) -> Result<(), flink_console::client::ClientError> {
    /// let jar_id = flink.upload_jar("job.jar", bytes).await?.jar_id().to_string();
    /// # Ok(()) }
    /// ```
    pub async fn upload_jar(&self, file_name: &str, bytes: Vec<u8>) -> Result<JarUploadResponse, ClientError> {
        self.send(upload_jar(file_name, bytes)).await
    }

    /// [`upload_jar`](Self::upload_jar), telling `on_progress` the bytes sent so far and the
    /// total (in a browser; elsewhere it uploads without progress).
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, bytes: Vec<u8>) -> Result<(), flink_console::client::ClientError> {
    /// flink.upload_jar_with_progress("job.jar", bytes, |sent, total| println!("{sent} of {total} bytes")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn upload_jar_with_progress(
        &self,
        file_name: &str,
        bytes: Vec<u8>,
        on_progress: impl Fn(u64, u64) + 'static,
    ) -> Result<JarUploadResponse, ClientError> {
        self.send_with_progress(upload_jar(file_name, bytes), on_progress).await
    }

    /// `POST /jars/{id}/plan`: the job graph of a jar's program, to look at before running it.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::request::JarRunOptions;
    /// let plan = flink.jar_plan("abc_job.jar", &JarRunOptions::default()).await?.plan;
    /// println!("{} vertices", plan.nodes.len());
    /// # Ok(()) }
    /// ```
    pub async fn jar_plan(&self, jar_id: &str, options: &JarRunOptions) -> Result<JobPlanInfo, ClientError> {
        self.send(jar_plan(jar_id, options)).await
    }

    /// `POST /jars/{id}/run`: submits a job from an uploaded jar.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// use flink_console::client::request::JarRunOptions;
    /// let job = flink.run_jar("abc_job.jar", &JarRunOptions { parallelism: Some(2), ..Default::default() }).await?.jobid;
    /// # Ok(()) }
    /// ```
    pub async fn run_jar(&self, jar_id: &str, options: &JarRunOptions) -> Result<JarRunResponse, ClientError> {
        self.send(run_jar(jar_id, options)).await
    }

    /// `DELETE /jars/{id}`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// flink.delete_jar("abc_job.jar").await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete_jar(&self, jar_id: &str) -> Result<(), ClientError> {
        self.send(delete_jar(jar_id)).await.map(|Empty| ())
    }
}
