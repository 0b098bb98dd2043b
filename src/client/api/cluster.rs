//! The cluster: overview, dashboard configuration, job manager configuration and environment,
//! task managers, shutdown.
use super::FlinkClient;
use crate::client::ClientError;
use crate::client::ids::TaskManagerId;
use crate::client::models::{ClusterOverview, ConfigEntry, DashboardConfig, Environment, TaskManagerInfo, TaskManagers};
use crate::client::request::{Empty, Method, Request, encode};

/// `GET /overview`.
pub fn request_cluster_overview() -> Request<ClusterOverview> {
    Request::get("/overview".into())
}
/// `GET /config`.
pub fn dashboard_config() -> Request<DashboardConfig> {
    Request::get("/config".into())
}
/// `DELETE /cluster`.
pub fn shut_down_cluster() -> Request<Empty> {
    Request::new(Method::Delete, "/cluster".into())
}
/// `GET /jobmanager/config`.
pub fn jobmanager_config() -> Request<Vec<ConfigEntry>> {
    Request::get("/jobmanager/config".into())
}
/// `GET /jobmanager/environment`.
pub fn jobmanager_environment() -> Request<Environment> {
    Request::get("/jobmanager/environment".into())
}
/// `GET /taskmanagers`.
pub fn request_task_manager_metric_query_service_addresses() -> Request<TaskManagers> {
    Request::get("/taskmanagers".into())
}
/// `GET /taskmanagers/{id}`.
pub fn request_task_manager_details(tm: &TaskManagerId) -> Request<TaskManagerInfo> {
    Request::get(format!("/taskmanagers/{}", encode(tm.as_str())))
}

impl FlinkClient {
    /// `GET /overview`: version, task managers, slots and job counts.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let o = flink.request_cluster_overview().await?;
    /// println!("{} of {} slots free", o.slots_available, o.slots_total);
    /// # Ok(()) }
    /// ```
    pub async fn request_cluster_overview(&self) -> Result<ClusterOverview, ClientError> {
        self.send(request_cluster_overview()).await
    }

    /// `GET /config`: refresh interval, version and the UI features the cluster enables.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let can_rescale = flink.dashboard_config().await?.features.web_rescale;
    /// # Ok(()) }
    /// ```
    pub async fn dashboard_config(&self) -> Result<DashboardConfig, ClientError> {
        let config = self.send(dashboard_config()).await?;
        self.remember_version(&config.flink_version);
        Ok(config)
    }

    /// `DELETE /cluster`: shuts the whole cluster down. Destructive: ask first.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// flink.shut_down_cluster().await?;
    /// # Ok(()) }
    /// ```
    pub async fn shut_down_cluster(&self) -> Result<(), ClientError> {
        self.send(shut_down_cluster()).await.map(|Empty| ())
    }

    /// `GET /jobmanager/config`: the cluster configuration as key/value entries.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let dir = flink.jobmanager_config().await?.into_iter()
    ///     .find(|e| e.key == "execution.checkpointing.savepoint-dir").map(|e| e.value);
    /// # Ok(()) }
    /// ```
    pub async fn jobmanager_config(&self) -> Result<Vec<ConfigEntry>, ClientError> {
        self.send(jobmanager_config()).await
    }

    /// `GET /jobmanager/environment`: the JobManager's JVM (version, architecture, options) and
    /// classpath.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// let heap = flink.jobmanager_environment().await?.jvm.options.into_iter().find(|o| o.starts_with("-Xmx"));
    /// # Ok(()) }
    /// ```
    pub async fn jobmanager_environment(&self) -> Result<Environment, ClientError> {
        self.send(jobmanager_environment()).await
    }

    /// `GET /taskmanagers`: the task managers (`RestfulGateway#requestTaskManagerMetricQueryServiceAddresses`
    /// lists them; their metrics come from `request_metric_query_service_addresses`).
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient) -> Result<(), flink_console::client::ClientError> {
    /// for tm in flink.request_task_manager_metric_query_service_addresses().await?.taskmanagers { println!("{}", tm.id); }
    /// # Ok(()) }
    /// ```
    pub async fn request_task_manager_metric_query_service_addresses(&self) -> Result<TaskManagers, ClientError> {
        self.send(request_task_manager_metric_query_service_addresses()).await
    }

    /// `GET /taskmanagers/{id}`.
    ///
    /// ```no_run
    /// # async fn f(flink: flink_console::client::FlinkClient, tm: flink_console::client::TaskManagerId) -> Result<(), flink_console::client::ClientError> {
    /// let slots = flink.request_task_manager_details(&tm).await?.slots_number;
    /// # Ok(()) }
    /// ```
    pub async fn request_task_manager_details(&self, tm: &TaskManagerId) -> Result<TaskManagerInfo, ClientError> {
        self.send(request_task_manager_details(tm)).await
    }
}
