//! Request building, one operation at a time: exact method, path with query, and JSON body of
//! every builder in `client::request`; base URL joining, timeouts and how answers are read;
//! client-side rescale checks; and the sentences errors show to a user.
// Helpers of tests unwrap and index too: a panic there is a failed test (clippy.toml allows it
// only inside #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::Duration;

use serde_json::json;

use flink_console::client::request::{
    self as rq, AggregateScope, Answer, Body, CheckpointOptions, Empty, JarRunOptions, Method, MetricScope, SavepointOptions,
    StopOptions, Text,
};
use flink_console::client::*;

mod common;
use common::{COUNTER, Fixture, JOB1 as J, SOURCE, TRIGGER as T, assert_get, assert_json, bounds, job, poll_once, tm, trigger, vertex};

// --- basics ----------------------------------------------------------------------------------

#[test]
fn methods_have_their_http_names() {
    let names: Vec<&str> =
        [Method::Get, Method::Post, Method::Put, Method::Patch, Method::Delete].iter().map(|m| m.as_str()).collect();
    assert_eq!(names, ["GET", "POST", "PUT", "PATCH", "DELETE"]);
}

#[test]
fn encode_keeps_unreserved_characters_and_id_punctuation() {
    assert_eq!(rq::encode("abcXYZ019-_.~:,"), "abcXYZ019-_.~:,");
    assert_eq!(rq::encode("a b/c?d&e=f#g%h+i"), "a%20b%2Fc%3Fd%26e%3Df%23g%25h%2Bi");
    assert_eq!(rq::encode("é"), "%C3%A9");
    assert_eq!(rq::encode(""), "");
}

#[test]
fn path_and_query_encodes_query_values_only() {
    let r = rq::request_metric_query_service_addresses(&MetricScope::JobManager, &["a b".into(), "c&d=e".into()]);
    assert_eq!(r.path, "/jobmanager/metrics");
    assert_eq!(r.query, vec![("get", "a b,c&d=e".to_string())]);
    assert_eq!(r.path_and_query(), "/jobmanager/metrics?get=a%20b,c%26d%3De");
}

// --- cluster ---------------------------------------------------------------------------------

#[test]
fn cluster_requests() {
    assert_get(&rq::request_cluster_overview(), "/overview");
    assert_get(&rq::dashboard_config(), "/config");
    assert_get(&rq::jobmanager_config(), "/jobmanager/config");
    assert_get(&rq::jobmanager_logs(), "/jobmanager/logs");
    assert_get(&rq::jobmanager_environment(), "/jobmanager/environment");
    assert_get(&rq::request_thread_dump(), "/jobmanager/thread-dump");
    assert_get(&rq::jobmanager_log_file("jobmanager.log"), "/jobmanager/logs/jobmanager.log");
    // A log file's name is one path segment, whatever it holds.
    assert_get(&rq::jobmanager_log_file("a b/../c?d"), "/jobmanager/logs/a%20b%2F..%2Fc%3Fd");
    assert_get(&rq::jobmanager_stdout(), "/jobmanager/stdout");
    let shutdown = rq::shut_down_cluster();
    assert_eq!(shutdown.method, Method::Delete);
    assert_eq!(shutdown.path_and_query(), "/cluster");
    assert_eq!(shutdown.body, Body::None);
}

#[test]
fn task_manager_requests_percent_encode_the_id_where_needed() {
    assert_get(&rq::request_task_manager_metric_query_service_addresses(), "/taskmanagers");
    // A real id: `:` and `-` and `.` stay as they are.
    let real = tm("127.0.0.1:6122-25d756");
    assert_get(&rq::request_task_manager_details(&real), "/taskmanagers/127.0.0.1:6122-25d756");
    assert_get(&rq::request_task_manager_thread_dump(&real), "/taskmanagers/127.0.0.1:6122-25d756/thread-dump");
    // Ids from other deployments (e.g. Kubernetes pod names, container ids) may hold anything.
    let odd = tm("tm 1/a?b#c");
    assert_get(&rq::request_task_manager_details(&odd), "/taskmanagers/tm%201%2Fa%3Fb%23c");
    assert_get(&rq::request_task_manager_thread_dump(&odd), "/taskmanagers/tm%201%2Fa%3Fb%23c/thread-dump");
    assert_get(&rq::taskmanager_logs(&real), "/taskmanagers/127.0.0.1:6122-25d756/logs");
    assert_get(&rq::taskmanager_log_file(&real, "taskmanager.log"), "/taskmanagers/127.0.0.1:6122-25d756/logs/taskmanager.log");
    assert_get(&rq::taskmanager_log_file(&odd, "a b/../c"), "/taskmanagers/tm%201%2Fa%3Fb%23c/logs/a%20b%2F..%2Fc");
    assert_get(&rq::taskmanager_stdout(&real), "/taskmanagers/127.0.0.1:6122-25d756/stdout");
    assert_get(
        &rq::request_metric_query_service_addresses(&MetricScope::TaskManager(odd), &["Status.JVM.CPU.Load".into()]),
        "/taskmanagers/tm%201%2Fa%3Fb%23c/metrics?get=Status.JVM.CPU.Load",
    );
    // Surrounding blanks are trimmed; an empty id is refused.
    assert_eq!(tm("  x  ").as_str(), "x");
    assert_eq!(TaskManagerId::parse("  ").unwrap_err().kind(), "invalid_input");
}

// --- metrics ---------------------------------------------------------------------------------

#[test]
fn metric_requests_per_scope() {
    let names = vec!["uptime".to_string(), "numRestarts".to_string(), "0.numRecordsIn".to_string()];
    assert_get(&rq::request_metric_query_service_addresses(&MetricScope::JobManager, &names), "/jobmanager/metrics?get=uptime,numRestarts,0.numRecordsIn");
    assert_get(
        &rq::request_metric_query_service_addresses(&MetricScope::Job(job()), &names),
        &format!("/jobs/{J}/metrics?get=uptime,numRestarts,0.numRecordsIn"),
    );
    assert_get(
        &rq::request_metric_query_service_addresses(&MetricScope::Vertex(job(), vertex()), &names[2..]),
        &format!("/jobs/{J}/vertices/{COUNTER}/metrics?get=0.numRecordsIn"),
    );
    // No names: the list of metrics that exist.
    assert_get(&rq::request_metric_query_service_addresses(&MetricScope::JobManager, &[]), "/jobmanager/metrics");
    assert_get(&rq::request_metric_query_service_addresses(&MetricScope::Job(job()), &[]), &format!("/jobs/{J}/metrics"));
}

#[test]
fn aggregated_metric_requests() {
    let names = vec!["numRecordsIn".to_string(), "numRecordsInPerSecond".to_string()];
    assert_get(
        &rq::request_aggregated_metrics(&AggregateScope::Jobs, &names, &["min", "max"]),
        "/jobs/metrics?get=numRecordsIn,numRecordsInPerSecond&agg=min,max",
    );
    assert_get(
        &rq::request_aggregated_metrics(&AggregateScope::TaskManagers, &names[..1], &["sum"]),
        "/taskmanagers/metrics?get=numRecordsIn&agg=sum",
    );
    assert_get(
        &rq::request_aggregated_metrics(&AggregateScope::Subtasks(job(), vertex()), &names, &["avg", "skew"]),
        &format!("/jobs/{J}/vertices/{COUNTER}/subtasks/metrics?get=numRecordsIn,numRecordsInPerSecond&agg=avg,skew"),
    );
    // Empty lists leave their parameter out.
    assert_get(&rq::request_aggregated_metrics(&AggregateScope::Jobs, &[], &[]), "/jobs/metrics");
    assert_get(&rq::request_aggregated_metrics(&AggregateScope::Jobs, &names[..1], &[]), "/jobs/metrics?get=numRecordsIn");
    assert_get(&rq::request_aggregated_metrics(&AggregateScope::TaskManagers, &[], &["max"]), "/taskmanagers/metrics?agg=max");
}

// --- jobs ------------------------------------------------------------------------------------

#[test]
fn job_requests() {
    assert_get(&rq::request_multiple_job_details(), "/jobs/overview");
    assert_get(&rq::request_job_ids(), "/jobs");
    assert_get(&rq::request_job(&job()), &format!("/jobs/{J}"));
    assert_get(&rq::request_job_status(&job()), &format!("/jobs/{J}/status"));
    assert_get(&rq::request_job_result(&job()), &format!("/jobs/{J}/execution-result"));
    assert_get(&rq::request_job_exceptions(&job(), None), &format!("/jobs/{J}/exceptions"));
    assert_get(&rq::request_job_exceptions(&job(), Some(20)), &format!("/jobs/{J}/exceptions?maxExceptions=20"));
    assert_get(&rq::request_job_config(&job()), &format!("/jobs/{J}/config"));
    assert_get(&rq::request_job_plan(&job()), &format!("/jobs/{J}/plan"));
    assert_get(&rq::request_vertex_details(&job(), &vertex()), &format!("/jobs/{J}/vertices/{COUNTER}"));
    assert_get(&rq::request_vertex_subtask_times(&job(), &vertex()), &format!("/jobs/{J}/vertices/{COUNTER}/subtasktimes"));
    assert_get(&rq::request_vertex_backpressure(&job(), &vertex()), &format!("/jobs/{J}/vertices/{COUNTER}/backpressure"));
    assert_get(&rq::request_vertex_watermarks(&job(), &vertex()), &format!("/jobs/{J}/vertices/{COUNTER}/watermarks"));
    assert_get(&rq::request_vertex_accumulators(&job(), &vertex()), &format!("/jobs/{J}/vertices/{COUNTER}/accumulators"));
    assert_get(&rq::request_vertex_subtask_accumulators(&job(), &vertex()), &format!("/jobs/{J}/vertices/{COUNTER}/subtasks/accumulators"));
}

#[test]
fn flame_graphs_name_their_type_and_optionally_a_subtask() {
    use flink_console::client::request::FlameGraphType;
    assert_get(&rq::request_vertex_flame_graph(&job(), &vertex(), FlameGraphType::OnCpu, None), &format!("/jobs/{J}/vertices/{COUNTER}/flamegraph?type=on_cpu"));
    assert_get(
        &rq::request_vertex_flame_graph(&job(), &vertex(), FlameGraphType::Full, Some(3)),
        &format!("/jobs/{J}/vertices/{COUNTER}/flamegraph?type=full&subtaskindex=3"),
    );
    assert_eq!(FlameGraphType::ALL.map(FlameGraphType::as_str), ["on_cpu", "off_cpu", "full"]);
}

#[test]
fn the_graph_asks_for_all_of_a_vertex_flow_in_one_request() {
    assert_get(
        &rq::request_vertex_flow(&job(), &vertex()),
        &format!(
            "/jobs/{J}/vertices/{COUNTER}/subtasks/metrics?get=busyTimeMsPerSecond,backPressuredTimeMsPerSecond,\
             numRecordsInPerSecond,numRecordsOutPerSecond,currentInputWatermark&agg=min,max,sum"
        ),
    );
}

#[test]
fn ids_are_lowercased_in_paths() {
    let upper = JobId::parse(&J.to_uppercase()).unwrap();
    assert_get(&rq::request_job(&upper), &format!("/jobs/{J}"));
    let padded = VertexId::parse(&format!("  {COUNTER}\n")).unwrap();
    assert_get(&rq::request_vertex_details(&job(), &padded), &format!("/jobs/{J}/vertices/{COUNTER}"));
}

#[test]
fn cancel_always_sends_mode_cancel() {
    // Without `mode` Flink cancels anyway (fixture patch_without_mode_CANCELS_JOB.json), so the
    // mode is never left out.
    let r = rq::cancel_job(&job());
    assert_eq!(r.method, Method::Patch);
    assert_eq!(r.path_and_query(), format!("/jobs/{J}?mode=cancel"));
    assert_eq!(r.query, vec![("mode", "cancel".to_string())]);
    assert_eq!(r.body, Body::None);
}

#[test]
fn client_heartbeat() {
    let r = rq::report_job_client_heartbeat(&job(), 1_800_000_000_000);
    assert_json(&r, Method::Patch, &format!("/jobs/{J}/clientHeartbeat"), json!({ "expiredTimestamp": 1_800_000_000_000i64 }));
}

#[test]
fn coordination_request_is_base64_in_serialized_coordination_request() {
    let r = rq::deliver_coordination_request_to_coordinator(&job(), "my-operator", &[0, 1, 2, 0xfb, 0xff]);
    assert_json(&r, Method::Post, &format!("/jobs/{J}/coordinators/my-operator"), json!({ "serializedCoordinationRequest": "AAEC+/8=" }));
    let empty = rq::deliver_coordination_request_to_coordinator(&job(), "uid", &[]);
    assert_eq!(empty.json_body(), Some(&json!({ "serializedCoordinationRequest": "" })));
    // The operator uid is user-chosen text: it is percent-encoded in the path.
    let odd = rq::deliver_coordination_request_to_coordinator(&job(), "my op/1", b"hi");
    assert_json(&odd, Method::Post, &format!("/jobs/{J}/coordinators/my%20op%2F1"), json!({ "serializedCoordinationRequest": "aGk=" }));
}

// --- checkpoints -----------------------------------------------------------------------------

#[test]
fn checkpoint_statistics_requests() {
    assert_get(&rq::request_checkpoint_stats(&job()), &format!("/jobs/{J}/checkpoints"));
    assert_get(&rq::request_checkpoint_config(&job()), &format!("/jobs/{J}/checkpoints/config"));
    assert_get(&rq::request_checkpoint_details(&job(), 7), &format!("/jobs/{J}/checkpoints/details/7"));
    assert_get(
        &rq::request_checkpoint_subtask_details(&job(), 7, &vertex()),
        &format!("/jobs/{J}/checkpoints/details/7/subtasks/{COUNTER}"),
    );
    assert_get(&rq::request_checkpoint_details(&job(), u64::MAX), &format!("/jobs/{J}/checkpoints/details/{}", u64::MAX));
}

#[test]
fn checkpoint_trigger_uses_checkpoint_type() {
    let path = format!("/jobs/{J}/checkpoints");
    // Without a trigger id in the options Flink picks one (fixture checkpoint_trigger.json).
    assert_json(&rq::trigger_checkpoint(&job(), &CheckpointOptions::default()), Method::Post, &path, json!({}));
    let with_id = CheckpointOptions { checkpoint_type: None, trigger_id: Some(trigger()) };
    assert_json(&rq::trigger_checkpoint(&job(), &with_id), Method::Post, &path, json!({ "triggerId": T }));
    for (t, wire) in [(CheckpointType::Full, "FULL"), (CheckpointType::Incremental, "INCREMENTAL"), (CheckpointType::Configured, "CONFIGURED")] {
        let o = CheckpointOptions { checkpoint_type: Some(t.clone()), trigger_id: Some(trigger()) };
        assert_json(&rq::trigger_checkpoint(&job(), &o), Method::Post, &path, json!({ "triggerId": T, "checkpointType": wire }));
        let o = CheckpointOptions { checkpoint_type: Some(t), trigger_id: None };
        assert_json(&rq::trigger_checkpoint(&job(), &o), Method::Post, &path, json!({ "checkpointType": wire }));
    }
    assert_get(&rq::get_triggered_checkpoint_status(&job(), &trigger()), &format!("/jobs/{J}/checkpoints/{T}"));
}

// --- savepoints ------------------------------------------------------------------------------

#[test]
fn savepoint_trigger_uses_dashed_names_and_trigger_id() {
    let path = format!("/jobs/{J}/savepoints");
    // Without a trigger id in the options Flink picks one (fixture savepoint_trigger_default_dir.json).
    assert_json(&rq::trigger_savepoint(&job(), &SavepointOptions::default()), Method::Post, &path, json!({ "cancel-job": false }));
    let with_id = SavepointOptions { trigger_id: Some(trigger()), ..Default::default() };
    assert_json(&rq::trigger_savepoint(&job(), &with_id), Method::Post, &path, json!({ "cancel-job": false, "triggerId": T }));
    let o = SavepointOptions {
        target_directory: Some("  s3://bucket/savepoints  ".into()),
        format_type: Some(SavepointFormat::Native),
        cancel_job: true,
        trigger_id: Some(trigger()),
    };
    assert_json(
        &rq::trigger_savepoint(&job(), &o),
        Method::Post,
        &path,
        json!({ "target-directory": "s3://bucket/savepoints", "cancel-job": true, "formatType": "NATIVE", "triggerId": T }),
    );
    let canonical = SavepointOptions { format_type: Some(SavepointFormat::Canonical), ..Default::default() };
    assert_eq!(rq::trigger_savepoint(&job(), &canonical).json_body().unwrap()["formatType"], "CANONICAL");
    assert_get(&rq::get_triggered_savepoint_status(&job(), &trigger()), &format!("/jobs/{J}/savepoints/{T}"));
}

#[test]
fn empty_or_blank_target_directories_are_left_out() {
    for dir in [Some(""), Some("   "), Some("\t\n"), None] {
        let s = SavepointOptions { target_directory: dir.map(String::from), ..Default::default() };
        let body = rq::trigger_savepoint(&job(), &s).json_body().unwrap().clone();
        assert!(body.get("target-directory").is_none(), "{dir:?}: {body}");
        let o = StopOptions { target_directory: dir.map(String::from), ..Default::default() };
        let body = rq::stop_with_savepoint(&job(), &o).json_body().unwrap().clone();
        assert!(body.get("targetDirectory").is_none(), "{dir:?}: {body}");
    }
}

#[test]
fn stop_uses_camel_case_names_and_drain() {
    let path = format!("/jobs/{J}/stop");
    assert_json(&rq::stop_with_savepoint(&job(), &StopOptions::default()), Method::Post, &path, json!({ "drain": false }));
    let with_id = StopOptions { trigger_id: Some(trigger()), ..Default::default() };
    assert_json(&rq::stop_with_savepoint(&job(), &with_id), Method::Post, &path, json!({ "drain": false, "triggerId": T }));
    let o = StopOptions {
        target_directory: Some("file:///var/lib/flink/savepoints".into()),
        format_type: Some(SavepointFormat::Canonical),
        drain: true,
        trigger_id: Some(trigger()),
    };
    let r = rq::stop_with_savepoint(&job(), &o);
    assert_json(
        &r,
        Method::Post,
        &path,
        json!({ "targetDirectory": "file:///var/lib/flink/savepoints", "drain": true, "formatType": "CANONICAL", "triggerId": T }),
    );
    let body = r.json_body().unwrap();
    assert!(body.get("target-directory").is_none() && body.get("cancel-job").is_none(), "never the savepoint spellings");
}

#[test]
fn disposal_uses_savepoint_path() {
    assert_json(
        &rq::dispose_savepoint("file:/var/lib/flink/savepoints/savepoint-970762-a889752f6543"),
        Method::Post,
        "/savepoint-disposal",
        json!({ "savepoint-path": "file:/var/lib/flink/savepoints/savepoint-970762-a889752f6543" }),
    );
    assert_get(&rq::get_savepoint_disposal_status(&trigger()), &format!("/savepoint-disposal/{T}"));
}

#[test]
fn the_client_refuses_an_empty_disposal_path_before_sending() {
    let flink = FlinkClient::new("http://127.0.0.1:8081");
    let e = poll_once(flink.dispose_savepoint(" \t")).unwrap_err();
    assert_eq!(e.kind(), "invalid_input");
    assert_eq!(e.to_string(), "the savepoint path to dispose must not be empty");
    // A real path gets as far as sending, which the host cannot do.
    let e = poll_once(flink.dispose_savepoint("file:/sp")).unwrap_err();
    assert_eq!(e.kind(), "network");
    assert!(e.to_string().starts_with("Could not reach Flink at http://127.0.0.1:8081/savepoint-disposal: "), "{e}");
}

// --- rescaling -------------------------------------------------------------------------------

#[test]
fn resource_requirements_requests() {
    assert_get(&rq::request_job_resource_requirements(&job()), &format!("/jobs/{J}/resource-requirements"));
    let r = rq::update_job_resource_requirements(&job(), &bounds(&[(SOURCE, 1, 1), (COUNTER, 1, 2)]));
    assert_json(
        &r,
        Method::Put,
        &format!("/jobs/{J}/resource-requirements"),
        json!({
            SOURCE: { "parallelism": { "lowerBound": 1, "upperBound": 1 } },
            COUNTER: { "parallelism": { "lowerBound": 1, "upperBound": 2 } },
        }),
    );
}

/// The fixture job 970762…: "Source: Datagen Source" and "Stateful Counter -> …", max parallelism 128.
fn job_details() -> JobDetails {
    Fixture::load("job_detail.json").answer(&rq::request_job(&job()))
}

#[track_caller]
fn rejected(requirements: &JobResourceRequirements, job: &JobDetails, says: &str) {
    let e = rescale::validate(requirements, job).unwrap_err();
    assert_eq!(e.kind(), "invalid_input");
    let msg = e.to_string();
    assert!(msg.contains(says), "expected '{says}' in: {msg}");
}

#[test]
fn rescale_validation() {
    let job = job_details();
    rescale::validate(&bounds(&[(SOURCE, 1, 1), (COUNTER, 1, 2)]), &job).unwrap();
    rescale::validate(&bounds(&[(SOURCE, 1, 128), (COUNTER, 128, 128)]), &job).unwrap();

    rejected(&bounds(&[(COUNTER, 1, 2)]), &job, "leaves out vertex 'Source: Datagen Source'");
    rejected(&bounds(&[]), &job, "leaves out vertex");
    rejected(&bounds(&[(SOURCE, 1, 1), (COUNTER, 3, 2)]), &job, "'Stateful Counter -> Discard Sink: Writer' must satisfy 1 ≤ lower (3) ≤ upper (2)");
    rejected(&bounds(&[(SOURCE, 0, 0), (COUNTER, 1, 1)]), &job, "1 ≤ lower (0) ≤ upper (0)");
    rejected(&bounds(&[(SOURCE, -1, 2), (COUNTER, 1, 1)]), &job, "lower (-1)");
    rejected(&bounds(&[(SOURCE, 1, 1), (COUNTER, 1, 500)]), &job, "The parallelism of Stateful Counter -> Discard Sink: Writer can be at most its max parallelism, 128. Asked for 500.");
    rejected(
        &bounds(&[(SOURCE, 1, 1), (COUNTER, 1, 2), ("00000000000000000000000000000000", 1, 1)]),
        &job,
        "vertex 00000000000000000000000000000000 is not part of job 'stateful-counter'",
    );
}

#[test]
fn rescale_without_a_known_max_parallelism_only_checks_the_bounds() {
    let mut job = job_details();
    for v in &mut job.vertices {
        v.max_parallelism = 0;
    }
    rescale::validate(&bounds(&[(SOURCE, 1, 1), (COUNTER, 1, 10_000)]), &job).unwrap();
    rejected(&bounds(&[(SOURCE, 1, 1), (COUNTER, 2, 1)]), &job, "lower (2)");
}

#[test]
fn with_parallelism_sets_one_vertex() {
    let current = bounds(&[(SOURCE, 1, 1), (COUNTER, 1, 1)]);
    let next = rescale::with_parallelism(&current, &vertex(), 4).unwrap();
    assert_eq!(next, bounds(&[(SOURCE, 1, 1), (COUNTER, 1, 4)]));
    assert_eq!(current, bounds(&[(SOURCE, 1, 1), (COUNTER, 1, 1)]), "the input is not changed");
    rescale::validate(&next, &job_details()).unwrap();

    // Scaling down below the lower bound lowers it too.
    let wide = bounds(&[(SOURCE, 1, 1), (COUNTER, 3, 8)]);
    assert_eq!(rescale::with_parallelism(&wide, &vertex(), 2).unwrap(), bounds(&[(SOURCE, 1, 1), (COUNTER, 2, 2)]));
    // Scaling up keeps a lower bound that still fits.
    assert_eq!(rescale::with_parallelism(&wide, &vertex(), 16).unwrap(), bounds(&[(SOURCE, 1, 1), (COUNTER, 3, 16)]));
    // What Flink keeps after it accepted a lower bound of -1 is repaired to 1.
    let negative = bounds(&[(SOURCE, 1, 1), (COUNTER, -1, 2)]);
    assert_eq!(rescale::with_parallelism(&negative, &vertex(), 2).unwrap(), bounds(&[(SOURCE, 1, 1), (COUNTER, 1, 2)]));
}

#[test]
fn with_parallelism_out_of_range_is_caught_by_validate() {
    let job = job_details();
    let current = bounds(&[(SOURCE, 1, 1), (COUNTER, 1, 1)]);
    let zero = rescale::with_parallelism(&current, &vertex(), 0).unwrap();
    rejected(&zero, &job, "1 ≤ lower (1) ≤ upper (0)");
    let too_many = rescale::with_parallelism(&current, &vertex(), 129).unwrap();
    rejected(&too_many, &job, "can be at most its max parallelism, 128.");
    let max = rescale::with_parallelism(&current, &vertex(), 128).unwrap();
    rescale::validate(&max, &job).unwrap();
}

#[test]
fn with_parallelism_of_an_unknown_vertex_is_invalid_input() {
    let current = bounds(&[(SOURCE, 1, 1)]);
    let e = rescale::with_parallelism(&current, &vertex(), 2).unwrap_err();
    assert_eq!(e.kind(), "invalid_input");
    assert_eq!(e.to_string(), format!("vertex {COUNTER} has no resource requirements"));
}

// --- jars ------------------------------------------------------------------------------------

#[test]
fn jar_requests() {
    assert_get(&rq::list_jars(), "/jars");
    let upload = rq::upload_jar("demo-job.jar", vec![1, 2, 3]);
    assert_eq!(upload.method, Method::Post);
    assert_eq!(upload.path_and_query(), "/jars/upload");
    assert_eq!(upload.body, Body::Jar { file_name: "demo-job.jar".into(), bytes: vec![1, 2, 3] });
    assert_eq!(upload.json_body(), None);

    let id = "def41d1a-ee53-404c-a7ea-7f4ef3817344_demo-job.jar";
    let del = rq::delete_jar(id);
    assert_eq!((del.method, del.path_and_query(), &del.body), (Method::Delete, format!("/jars/{id}"), &Body::None));
    assert_eq!(rq::delete_jar("my jar.jar").path, "/jars/my%20jar.jar");
}

#[test]
fn jar_plan_bodies_leave_out_what_only_a_run_takes() {
    let o = JarRunOptions {
        entry_class: Some("demo.FilterSumJob".into()),
        program_args: vec!["--name".into(), "filter sum".into()],
        parallelism: Some(3),
        savepoint_path: Some("file:/tmp/sp".into()),
        allow_non_restored_state: true,
        restore_mode: Some(RestoreMode::Claim),
    };
    assert_json(
        &rq::jar_plan("a b.jar", &o),
        Method::Post,
        "/jars/a%20b.jar/plan",
        json!({ "entryClass": "demo.FilterSumJob", "programArgsList": ["--name", "filter sum"], "parallelism": 3 }),
    );
    assert_json(&rq::jar_plan("x.jar", &JarRunOptions::default()), Method::Post, "/jars/x.jar/plan", json!({ "programArgsList": [] }));
}

#[test]
fn run_jar_bodies() {
    let id = "def41d1a-ee53-404c-a7ea-7f4ef3817344_demo-job.jar";
    let path = format!("/jars/{id}/run");
    assert_json(
        &rq::run_jar(id, &JarRunOptions::default()),
        Method::Post,
        &path,
        json!({ "programArgsList": [], "allowNonRestoredState": false }),
    );
    let o = JarRunOptions {
        entry_class: Some(" demo.FilterSumJob ".into()),
        program_args: vec!["--name".into(), "filter sum".into()],
        parallelism: Some(2),
        savepoint_path: Some("file:/var/lib/flink/savepoints/savepoint-970762-6d3131af20bb".into()),
        allow_non_restored_state: true,
        restore_mode: Some(RestoreMode::NoClaim),
    };
    assert_json(
        &rq::run_jar(id, &o),
        Method::Post,
        &path,
        json!({
            "entryClass": "demo.FilterSumJob",
            "programArgsList": ["--name", "filter sum"],
            "parallelism": 2,
            "savepointPath": "file:/var/lib/flink/savepoints/savepoint-970762-6d3131af20bb",
            "restoreMode": "NO_CLAIM",
            "allowNonRestoredState": true,
        }),
    );
    let no_savepoint = JarRunOptions { restore_mode: Some(RestoreMode::Claim), ..Default::default() };
    let body = rq::run_jar(id, &no_savepoint).json_body().unwrap().clone();
    assert!(body.get("restoreMode").is_none(), "a restore mode means nothing without a savepoint: {body}");
    let blank = JarRunOptions { entry_class: Some("  ".into()), savepoint_path: Some(String::new()), ..Default::default() };
    let body = rq::run_jar(id, &blank).json_body().unwrap().clone();
    assert!(body.get("entryClass").is_none() && body.get("savepointPath").is_none(), "{body}");
    assert_eq!(rq::run_jar("a b.jar", &JarRunOptions::default()).path, "/jars/a%20b.jar/run");
}

// --- FlinkClient -----------------------------------------------------------------------------

#[test]
fn client_url_joins_base_urls_with_or_without_trailing_slash() {
    let overview = rq::request_cluster_overview();
    for base in ["http://127.0.0.1:8081", "http://127.0.0.1:8081/", "http://127.0.0.1:8081//"] {
        let c = FlinkClient::new(base);
        assert_eq!(c.base_url(), "http://127.0.0.1:8081");
        assert_eq!(c.url(&overview), "http://127.0.0.1:8081/overview");
        assert_eq!(c.url(&rq::cancel_job(&job())), format!("http://127.0.0.1:8081/jobs/{J}?mode=cancel"));
    }
    // A same-origin prefix (the console behind a proxy).
    for base in ["/api", "/api/"] {
        assert_eq!(FlinkClient::new(base).url(&overview), "/api/overview");
    }
    assert_eq!(FlinkClient::new("https://flink.example.com/proxy/").url(&rq::list_jars()), "https://flink.example.com/proxy/jars");
    // Empty base: a path on the current origin.
    assert_eq!(FlinkClient::new("").url(&overview), "/overview");
}

#[test]
fn client_options() {
    let o = ClientOptions::default();
    assert_eq!(o.timeout, Duration::from_secs(10));
    assert!(o.headers.is_empty());
    let c = FlinkClient::with_options(
        "http://h:1/",
        ClientOptions { timeout: Duration::from_millis(1500), headers: vec![("Authorization".into(), "Bearer x".into())] },
    );
    assert_eq!(c.base_url(), "http://h:1");
    assert_eq!(c.timeout(), Duration::from_millis(1500));
    assert_ne!(c, FlinkClient::new("http://h:1"), "the options are part of the client");
    assert_eq!(FlinkClient::new("http://h:1").timeout(), Duration::from_secs(10));
}

#[test]
fn with_timeout_is_a_copy_with_only_the_timeout_changed() {
    let headers = vec![("Authorization".to_string(), "Bearer x".to_string())];
    let c = FlinkClient::with_options("http://h:1/", ClientOptions { timeout: Duration::from_secs(3), headers: headers.clone() });
    let quick = c.with_timeout(Duration::from_millis(1));
    assert_eq!(quick.timeout(), Duration::from_millis(1));
    assert_eq!(c.timeout(), Duration::from_secs(3), "the original keeps its timeout");
    assert_eq!(quick, FlinkClient::with_options("http://h:1", ClientOptions { timeout: Duration::from_millis(1), headers }));
    assert_eq!(quick.url(&rq::request_cluster_overview()), c.url(&rq::request_cluster_overview()));
}

#[test]
fn answers_are_read_as_their_request_says() {
    // JSON for models, nothing for `Empty`, as is for `Text`.
    let url = "http://127.0.0.1:8081/jobmanager/logs/jobmanager.log";
    assert_eq!(Text::from_body(url, "2026-01-01 INFO started\n{not json"), Ok(Text("2026-01-01 INFO started\n{not json".into())));
    assert_eq!(Empty::from_body(url, "{}"), Ok(Empty));
    assert_eq!(Empty::from_body(url, ""), Ok(Empty));
    let status = JobStatusInfo::from_body(url, r#"{"status":"RUNNING"}"#).unwrap();
    assert_eq!(status.status, JobStatus::Running);
    let e = JobStatusInfo::from_body(url, "").unwrap_err();
    assert!(matches!(&e, ClientError::Decode { url: u, .. } if u == url), "{e:?}");
}

#[test]
fn send_goes_to_the_request_url_and_fails_at_once_on_the_host() {
    let flink = FlinkClient::new("http://127.0.0.1:8081/");
    let e = poll_once(flink.send(rq::request_job(&job()))).unwrap_err();
    assert_eq!(e, ClientError::Network {
        url: format!("http://127.0.0.1:8081/jobs/{J}"),
        message: "sending needs a WebAssembly host with fetch (browser or Node)".into(),
    });
    // Each method is its request sent: same URL.
    let e = poll_once(flink.with_timeout(Duration::from_millis(1)).cancel_job(&job())).unwrap_err();
    assert!(matches!(&e, ClientError::Network { url, .. } if *url == format!("http://127.0.0.1:8081/jobs/{J}?mode=cancel")), "{e:?}");
}

#[test]
fn random_trigger_ids_are_valid_and_distinct() {
    let a = TriggerId::random().unwrap();
    let b = TriggerId::random().unwrap();
    assert_eq!(TriggerId::parse(a.as_str()).unwrap(), a);
    assert_ne!(a, b);
}

// --- errors a user reads ---------------------------------------------------------------------

#[test]
fn error_messages_are_sentences_a_user_can_act_on() {
    let url = "http://127.0.0.1:8081/overview";

    let network = ClientError::Network { url: url.into(), message: "Failed to fetch".into() };
    assert_eq!(
        network.to_string(),
        "Could not reach Flink at http://127.0.0.1:8081/overview: Failed to fetch. Check that the JobManager is running and the address is right."
    );

    let timeout = ClientError::Timeout { url: url.into(), after_ms: 1500 };
    assert_eq!(timeout.to_string(), "Flink did not answer http://127.0.0.1:8081/overview within 1.5 s.");
    assert_eq!(ClientError::Timeout { url: url.into(), after_ms: 10_000 }.to_string(), format!("Flink did not answer {url} within 10 s."));

    let http = http_error(url, 409, r#"{"errors":["org.apache.flink.runtime.rest.handler.RestHandlerException: Job cancellation failed because the job has already reached another terminal state (FINISHED).\n\tat org.apache.X.y(X.java:1)"]}"#);
    assert_eq!(
        http.to_string(),
        "Flink answered 409 for http://127.0.0.1:8081/overview: Job cancellation failed because the job has already reached another terminal state (FINISHED)."
    );
    let bare = http_error(url, 404, "");
    assert_eq!(bare.to_string(), "Flink answered 404 for http://127.0.0.1:8081/overview.");
    assert_eq!(bare.flink_message(), None);
    // A proxy's HTML page for a status Flink is not behind: kept, shortened, one line in the message.
    let html = http_error(url, 413, &format!("<html><body>Request Entity Too Large\n{}</body></html>", "x".repeat(1000)));
    assert_eq!(html.messages().len(), 1);
    assert_eq!(html.messages()[0].chars().count(), 500);
    assert_eq!(html.flink_message().as_deref(), Some("<html><body>Request Entity Too Large"));
    // A proxy that got nothing from Flink: `trunk serve`'s empty 500, nginx's 502 page.
    let unreachable = http_error(url, 502, "<html><head><title>502 Bad Gateway</title></head></html>");
    assert_eq!(
        unreachable.to_string(),
        "Flink unreachable (the proxy answered 502 Bad Gateway for http://127.0.0.1:8081/overview). \
         Check that the JobManager is running and that the proxy forwards to it."
    );
    assert_eq!(http_error(url, 500, "").kind(), "unreachable");

    let decode = decode_json::<ClusterOverview>(url, r#"{"taskmanagers": "one"}"#).unwrap_err();
    assert_eq!(decode.kind(), "decode");
    let shown = decode.to_string();
    assert!(shown.starts_with("Flink's answer from http://127.0.0.1:8081/overview could not be read at `taskmanagers`: "), "{shown}");
    assert!(shown.ends_with(". Is this a Flink 2.x REST endpoint?"), "{shown}");
    let ClientError::Decode { path, .. } = &decode else { panic!("{decode:?}") };
    assert_eq!(path, "taskmanagers");
    let nested = decode_json::<JobDetails>(url, &json!({"jid": J, "state": "RUNNING", "vertices": [{"id": "nope"}]}).to_string()).unwrap_err();
    let ClientError::Decode { path, message, .. } = &nested else { panic!("{nested:?}") };
    assert_eq!(path, "vertices[0].id");
    assert!(message.contains("'nope' is not a valid vertex id"), "{message}");

    let failed = ClientError::OperationFailed {
        operation: "savepoint".into(),
        class: "java.util.concurrent.CompletionException".into(),
        stack_trace: "java.util.concurrent.CompletionException: org.apache.flink.runtime.checkpoint.CheckpointException: Checkpoint Coordinator is suspending.\n\tat a.b(C.java:1)".into(),
    };
    assert_eq!(failed.to_string(), "The savepoint failed: Checkpoint Coordinator is suspending.");
    assert!(!failed.is_not_found());

    let invalid = JobId::parse("not-a-job-id").unwrap_err();
    assert_eq!(invalid.to_string(), "'not-a-job-id' is not a valid job id: expected 32 hexadecimal characters");
    assert_eq!(TriggerId::parse("x").unwrap_err().to_string(), "'x' is not a valid trigger id: expected 32 hexadecimal characters");

    for e in [&network, &timeout, &unreachable, &http, &bare, &decode, &failed] {
        let s = e.to_string();
        assert!(s.starts_with(|c: char| c.is_uppercase()), "{s}");
        assert!(!s.contains("\tat ") && !s.contains('\n'), "{s}");
    }
}

#[test]
fn error_accessors() {
    let http = http_error("u", 404, r#"{"errors":["x"]}"#);
    assert_eq!((http.kind(), http.status(), http.messages()), ("http", Some(404), vec!["x".to_string()]));
    assert!(http.is_not_found());
    let network = ClientError::Network { url: "u".into(), message: "m".into() };
    assert_eq!((network.kind(), network.status(), network.messages(), network.flink_message()), ("network", None, vec![], None));
    assert!(!network.is_not_found());
    let timeout = ClientError::Timeout { url: "u".into(), after_ms: 1 };
    assert_eq!(timeout.kind(), "timeout");
    let unreachable = http_error("u", 504, "<html>504 Gateway Time-out</html>");
    assert_eq!((unreachable.kind(), unreachable.status(), unreachable.messages(), unreachable.flink_message()), ("unreachable", Some(504), vec![], None));
    assert!(unreachable.is_unreachable() && network.is_unreachable() && timeout.is_unreachable() && !http.is_unreachable());
    let invalid = ClientError::InvalidInput("m".into());
    assert_eq!((invalid.kind(), invalid.to_string()), ("invalid_input", "m".to_string()));
    let unsupported = ClientError::Unsupported("no secure random source for a trigger id: x".into());
    assert_eq!((unsupported.kind(), unsupported.to_string()), ("unsupported", "no secure random source for a trigger id: x".to_string()));
    assert_eq!((unsupported.status(), unsupported.messages(), unsupported.flink_message()), (None, vec![], None));
    assert!(!unsupported.is_not_found());
    let failed = ClientError::OperationFailed { operation: "o".into(), class: "c".into(), stack_trace: "t".into() };
    assert_eq!((failed.kind(), failed.messages()), ("operation_failed", vec!["t".to_string()]));
    // An internal server error with nothing else to say is still shown.
    let internal = http_error("u", 500, r#"{"errors":["Internal server error."]}"#);
    assert_eq!(internal.flink_message().as_deref(), Some("Internal server error."));
}
