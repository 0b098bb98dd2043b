//! Metrics of the job manager, jobs, vertices and task managers, plain or aggregated.
use flink_console::client::request::{self as rq, AggregateScope, MetricScope, Request};
use flink_console::client::*;

use crate::common::*;

/// The metric request for the fixture's path: the scope from the path, the names from `get=`.
fn metrics_req(f: &Fixture) -> Request<Vec<Metric>> {
    let scope = if f.path.starts_with("/jobmanager/") {
        MetricScope::JobManager
    } else if f.path.starts_with("/taskmanagers/") {
        MetricScope::TaskManager(f.task_manager())
    } else if f.path.contains("/vertices/") {
        MetricScope::Vertex(f.job(), f.vertex())
    } else {
        MetricScope::Job(f.job())
    };
    rq::request_metric_query_service_addresses(&scope, &f.query_list("get"))
}

fn agg_metrics_req(f: &Fixture) -> Request<Vec<AggregatedMetric>> {
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

fn metrics(m: &[Metric], expected: &[(&str, &str)]) {
    let mut got: Vec<(&str, &str)> = m.iter().map(|m| (m.id.as_str(), m.value.as_deref().unwrap())).collect();
    got.sort();
    let mut expected = expected.to_vec();
    expected.sort();
    assert_eq!(got, expected);
}

/// A `GET …/metrics` without `get=`: ids only, every value `None`.
fn metric_list(m: &[Metric], len: usize, contains: &str) {
    assert_eq!(m.len(), len);
    assert!(m.iter().all(|m| m.value.is_none()));
    assert!(m.iter().any(|m| m.id == contains), "no {contains}");
}

fixtures! {
    job_metrics_get:
        Model(|_, m| metrics(&m, &[
            ("numberOfCompletedCheckpoints", "10"), ("numRestarts", "0"), ("lastCheckpointDuration", "52"), ("uptime", "48207"),
        ])),
        NoBody(metrics_req);
    job_metrics_list: Model(|_, m| metric_list(&m, 26, "numRestarts")), NoBody(metrics_req);
    jobmanager_metrics_get:
        Model(|_, m| metrics(&m, &[
            ("numRunningJobs", "2"), ("numRegisteredTaskManagers", "1"), ("taskSlotsAvailable", "2"),
            ("Status.JVM.CPU.Load", "0.06266937669376693"), ("taskSlotsTotal", "4"), ("Status.JVM.Memory.Heap.Used", "53338704"),
        ])),
        NoBody(metrics_req);
    jobmanager_metrics_list: Model(|_, m| metric_list(&m, 35, "taskSlotsTotal")), NoBody(metrics_req);
    source_vertex_metrics_get:
        Model(|_, m| metrics(&m, &[
            ("0.numRecordsOutPerSecond", "77.15"), ("0.Source__Datagen_Source.numRecordsOutPerSecond", "77.15"), ("0.numRecordsOut", "4718"),
        ])),
        NoBody(metrics_req);
    taskmanager_metrics_get:
        Model(|_, m| metrics(&m, &[("Status.JVM.CPU.Load", "0.07892953929539295"), ("Status.JVM.Memory.Heap.Used", "108341976")])),
        NoBody(metrics_req);
    taskmanagers_metrics_agg:
        Model(|_, m| {
            assert_eq!(m.len(), 1);
            assert_eq!(m[0].id, "Status.JVM.Memory.Heap.Used");
            assert_eq!((m[0].max, m[0].sum), (Some(157059056.0), Some(157059056.0)));
            assert_eq!((m[0].min, m[0].avg, m[0].skew), (None, None, None), "only the asked-for aggregations");
        }),
        NoBody(agg_metrics_req);
    vertex_metrics_get:
        Model(|_, m| metrics(&m, &[
            ("0.busyTimeMsPerSecond", "2.0"), ("0.backPressuredTimeMsPerSecond", "0"), ("0.numRecordsInPerSecond", "52.016666666666666"),
            ("0.Stateful_Counter.numRecordsIn", "3221"), ("0.numRecordsIn", "3221"),
        ])),
        NoBody(metrics_req);
    vertex_metrics_list: Model(|_, m| metric_list(&m, 86, "0.numRecordsInPerSecond")), NoBody(metrics_req);
    vertex_metrics_unknown_name:
        Model(|_, m| assert!(m.is_empty(), "an unknown metric name is silently left out")),
        NoBody(metrics_req);
    vertex_subtasks_metrics_agg:
        Model(|_, m| {
            let n = m.iter().find(|m| m.id == "numRecordsIn").unwrap();
            assert_eq!((n.sum, n.max, n.avg, n.min), (Some(4717.0), Some(4717.0), Some(4717.0), None));
            assert!(m.iter().any(|m| m.id == "numRecordsInPerSecond" && m.avg == Some(77.11666666666666)));
        }),
        NoBody(agg_metrics_req);
}
