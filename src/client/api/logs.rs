//! Logs and thread dumps of the job manager and the task managers.
use super::FlinkClient;
use crate::client::ClientError;
use crate::client::ids::TaskManagerId;
use crate::client::models::{LogList, ThreadDump};
use crate::client::request::{Request, Text, encode};

/// `GET /jobmanager/logs`.
pub fn jobmanager_logs() -> Request<LogList> {
    Request::get("/jobmanager/logs".into())
}
/// `GET /jobmanager/logs/{name}`: one log file, as plain text. Its URL (`FlinkClient::url`)
/// is also a link a browser can open.
pub fn jobmanager_log_file(name: &str) -> Request<Text> {
    Request::get(format!("/jobmanager/logs/{}", encode(name)))
}
/// `GET /jobmanager/stdout`: what the JobManager printed, as plain text.
pub fn jobmanager_stdout() -> Request<Text> {
    Request::get("/jobmanager/stdout".into())
}
/// `GET /taskmanagers/{id}/logs`.
pub fn taskmanager_logs(tm: &TaskManagerId) -> Request<LogList> {
    Request::get(format!("/taskmanagers/{}/logs", encode(tm.as_str())))
}
/// `GET /taskmanagers/{id}/logs/{name}`: one of a task manager's log files, as plain text.
pub fn taskmanager_log_file(tm: &TaskManagerId, name: &str) -> Request<Text> {
    Request::get(format!("/taskmanagers/{}/logs/{}", encode(tm.as_str()), encode(name)))
}
/// `GET /taskmanagers/{id}/stdout`: what the task manager printed, as plain text.
pub fn taskmanager_stdout(tm: &TaskManagerId) -> Request<Text> {
    Request::get(format!("/taskmanagers/{}/stdout", encode(tm.as_str())))
}
/// `GET /jobmanager/thread-dump`.
pub fn request_thread_dump() -> Request<ThreadDump> {
    Request::get("/jobmanager/thread-dump".into())
}
/// `GET /taskmanagers/{id}/thread-dump`.
pub fn request_task_manager_thread_dump(tm: &TaskManagerId) -> Request<ThreadDump> {
    Request::get(format!("/taskmanagers/{}/thread-dump", encode(tm.as_str())))
}

impl FlinkClient {
    /// `GET /jobmanager/logs`: the JobManager's log files.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// for log in flink.jobmanager_logs().await?.logs { println!("{} ({} bytes)", log.name, log.size); }
    /// # Ok(()) }
    /// ```
    pub async fn jobmanager_logs(&self) -> Result<LogList, ClientError> {
        self.send(jobmanager_logs()).await
    }

    /// `GET /jobmanager/logs/{name}`: one of the JobManager's log files, whole.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let text = flink.jobmanager_log_file("jobmanager.log").await?;
    /// # Ok(()) }
    /// ```
    pub async fn jobmanager_log_file(&self, name: &str) -> Result<String, ClientError> {
        self.send(jobmanager_log_file(name)).await.map(|Text(t)| t)
    }

    /// `GET /taskmanagers/{id}/logs`: a task manager's log files.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, tm: flink_console::client::TaskManagerId) -> Result<(), flink_console::client::ClientError> {
    /// let files = flink.taskmanager_logs(&tm).await?.logs.len();
    /// # Ok(()) }
    /// ```
    pub async fn taskmanager_logs(&self, tm: &TaskManagerId) -> Result<LogList, ClientError> {
        self.send(taskmanager_logs(tm)).await
    }

    /// `GET /jobmanager/thread-dump`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let threads = flink.request_thread_dump().await?.thread_infos.len();
    /// # Ok(()) }
    /// ```
    pub async fn request_thread_dump(&self) -> Result<ThreadDump, ClientError> {
        self.send(request_thread_dump()).await
    }

    /// `GET /taskmanagers/{id}/thread-dump`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, tm: flink_console::client::TaskManagerId) -> Result<(), flink_console::client::ClientError> {
    /// let dump = flink.request_task_manager_thread_dump(&tm).await?;
    /// # Ok(()) }
    /// ```
    pub async fn request_task_manager_thread_dump(&self, tm: &TaskManagerId) -> Result<ThreadDump, ClientError> {
        self.send(request_task_manager_thread_dump(tm)).await
    }
}
