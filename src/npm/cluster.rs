//! Cluster, task manager and metric calls.
use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::convert::{self as cv};
use super::{FlinkClient, spawn, spawn_unit};
use crate::client::ClientError;
use crate::client::request::{AggregateScope, MetricScope};

const METRIC_SCOPE: &str =
    "{type: 'jobManager'} | {type: 'job', jobId} | {type: 'vertex', jobId, vertexId} | {type: 'taskManager', taskManagerId}";
const AGGREGATE_SCOPE: &str = "{type: 'jobs'} | {type: 'taskManagers'} | {type: 'subtasks', jobId, vertexId}";

/// `scope`: the job manager's metrics when not given.
fn metric_scope(value: Option<JsValue>) -> Result<MetricScope, ClientError> {
    let Some(value) = cv::given(value) else { return Ok(MetricScope::JobManager) };
    cv::tagged(&value, "scope", METRIC_SCOPE, |ty, f| {
        Ok(Some(match ty {
            "jobManager" => MetricScope::JobManager,
            "job" => MetricScope::Job(f.req("jobId", cv::job)?),
            "vertex" => MetricScope::Vertex(f.req("jobId", cv::job)?, f.req("vertexId", cv::vertex)?),
            "taskManager" => MetricScope::TaskManager(f.req("taskManagerId", cv::task_manager)?),
            _ => return Ok(None),
        }))
    })
}

fn aggregate_scope(value: &JsValue) -> Result<AggregateScope, ClientError> {
    cv::tagged(value, "scope", AGGREGATE_SCOPE, |ty, f| {
        Ok(Some(match ty {
            "jobs" => AggregateScope::Jobs,
            "taskManagers" => AggregateScope::TaskManagers,
            "subtasks" => AggregateScope::Subtasks(f.req("jobId", cv::job)?, f.req("vertexId", cv::vertex)?),
            _ => return Ok(None),
        }))
    })
}

const AGGREGATIONS: [&str; 5] = ["min", "max", "avg", "sum", "skew"];

/// `aggregations`: every one Flink computes when not given (or empty).
fn aggregations(value: Option<JsValue>) -> Result<Vec<&'static str>, ClientError> {
    let names = cv::or_default(value, "aggregations", cv::strings)?;
    let known = cv::one_of(&AGGREGATIONS);
    names
        .iter()
        .enumerate()
        .map(|(i, a)| {
            AGGREGATIONS.iter().copied().find(|k| k == a).ok_or_else(|| {
                ClientError::InvalidInput(format!("aggregations[{i}] must be {known}, not '{a}'"))
            })
        })
        .collect()
}

/// `names`: with none, the metrics that exist.
fn metric_names(value: Option<JsValue>) -> Result<Vec<String>, ClientError> {
    cv::or_default(value, "names", cv::strings)
}

#[wasm_bindgen]
impl FlinkClient {
    /// `GET /overview`: version, task managers, slots and job counts.
    #[wasm_bindgen(js_name = requestClusterOverview, unchecked_return_type = "Promise<ClusterOverview>")]
    pub fn request_cluster_overview(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_cluster_overview().await })
    }

    /// `GET /config`: refresh interval, version and the UI features the cluster enables.
    #[wasm_bindgen(js_name = dashboardConfig, unchecked_return_type = "Promise<DashboardConfig>")]
    pub fn dashboard_config(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.dashboard_config().await })
    }

    /// `DELETE /cluster`: shuts the whole cluster down. Destructive: ask first.
    #[wasm_bindgen(js_name = shutDownCluster, unchecked_return_type = "Promise<void>")]
    pub fn shut_down_cluster(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn_unit(async move { cv::timed(&c, options)?.shut_down_cluster().await })
    }

    /// `GET /jobmanager/config`: the cluster configuration as key/value entries.
    #[wasm_bindgen(js_name = jobmanagerConfig, unchecked_return_type = "Promise<ConfigEntry[]>")]
    pub fn jobmanager_config(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.jobmanager_config().await })
    }

    /// `GET /jobmanager/environment`: the JobManager's JVM (version, architecture, options) and classpath.
    #[wasm_bindgen(js_name = jobmanagerEnvironment, unchecked_return_type = "Promise<Environment>")]
    pub fn jobmanager_environment(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.jobmanager_environment().await })
    }

    /// `GET /jobmanager/logs`: the JobManager's log files.
    #[wasm_bindgen(js_name = jobmanagerLogs, unchecked_return_type = "Promise<LogList>")]
    pub fn jobmanager_logs(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.jobmanager_logs().await })
    }

    /// `GET /jobmanager/logs/{name}`: one of the JobManager's log files (a `name` that
    /// `jobmanagerLogs` lists), whole, as text.
    #[wasm_bindgen(js_name = jobmanagerLogFile, unchecked_return_type = "Promise<string>")]
    pub fn jobmanager_log_file(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.jobmanager_log_file(&cv::non_blank(&name, "name")?).await })
    }

    /// `GET /jobmanager/thread-dump`.
    #[wasm_bindgen(js_name = requestThreadDump, unchecked_return_type = "Promise<ThreadDump>")]
    pub fn request_thread_dump(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_thread_dump().await })
    }

    /// `GET /taskmanagers/{id}/logs`: a task manager's log files.
    #[wasm_bindgen(js_name = taskmanagerLogs, unchecked_return_type = "Promise<LogList>")]
    pub fn taskmanager_logs(
        &self,
        #[wasm_bindgen(js_name = taskManagerId, unchecked_param_type = "TaskManagerId")] task_manager_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.taskmanager_logs(&cv::task_manager(&task_manager_id, "taskManagerId")?).await })
    }

    /// `GET /taskmanagers/{id}/thread-dump`.
    #[wasm_bindgen(js_name = requestTaskManagerThreadDump, unchecked_return_type = "Promise<ThreadDump>")]
    pub fn request_task_manager_thread_dump(
        &self,
        #[wasm_bindgen(js_name = taskManagerId, unchecked_param_type = "TaskManagerId")] task_manager_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_task_manager_thread_dump(&cv::task_manager(&task_manager_id, "taskManagerId")?).await })
    }

    /// Metric values of the JobManager (without `scope`), a job, a vertex or a task manager
    /// (`get=`); without `names`, the metrics that exist (their `value` is `null`).
    #[wasm_bindgen(js_name = requestMetricQueryServiceAddresses, unchecked_return_type = "Promise<Metric[]>")]
    pub fn request_metric_query_service_addresses(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "MetricScope")] scope: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "string[]")] names: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (scope, names) = (metric_scope(scope)?, metric_names(names)?);
            cv::timed(&c, options)?.request_metric_query_service_addresses(&scope, &names).await
        })
    }

    /// `GET /jobs/metrics`, `GET /taskmanagers/metrics` or
    /// `GET /jobs/{id}/vertices/{vertex}/subtasks/metrics` with `agg=`: aggregated metrics over
    /// all jobs, all task managers, or a vertex's subtasks; without `names`, the metrics that
    /// exist; without `aggregations`, all of them.
    #[wasm_bindgen(js_name = requestAggregatedMetrics, unchecked_return_type = "Promise<AggregatedMetric[]>")]
    pub fn request_aggregated_metrics(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AggregateScope")] scope: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string[]")] names: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "Aggregation[]")] aggregations: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (scope, names) = (aggregate_scope(&scope)?, metric_names(names)?);
            let aggregations = self::aggregations(aggregations)?;
            cv::timed(&c, options)?.request_aggregated_metrics(&scope, &names, &aggregations).await
        })
    }

    /// `GET /taskmanagers`: the task managers.
    #[wasm_bindgen(js_name = requestTaskManagerMetricQueryServiceAddresses, unchecked_return_type = "Promise<TaskManagers>")]
    pub fn request_task_manager_metric_query_service_addresses(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_task_manager_metric_query_service_addresses().await })
    }

    /// `GET /taskmanagers/{id}/metrics` with `get=`; without `names`, the metrics that exist.
    #[wasm_bindgen(js_name = requestTaskManagerMetrics, unchecked_return_type = "Promise<Metric[]>")]
    pub fn request_task_manager_metrics(
        &self,
        #[wasm_bindgen(js_name = taskManagerId, unchecked_param_type = "TaskManagerId")] task_manager_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "string[]")] names: Option<JsValue>,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move {
            let (tm, names) = (cv::task_manager(&task_manager_id, "taskManagerId")?, metric_names(names)?);
            cv::timed(&c, options)?.request_metric_query_service_addresses(&MetricScope::TaskManager(tm), &names).await
        })
    }

    /// `GET /taskmanagers/{id}`.
    #[wasm_bindgen(js_name = requestTaskManagerDetails, unchecked_return_type = "Promise<TaskManagerInfo>")]
    pub fn request_task_manager_details(
        &self,
        #[wasm_bindgen(js_name = taskManagerId, unchecked_param_type = "TaskManagerId")] task_manager_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
    ) -> Promise {
        let c = self.inner.clone();
        spawn(async move { cv::timed(&c, options)?.request_task_manager_details(&cv::task_manager(&task_manager_id, "taskManagerId")?).await })
    }
}
