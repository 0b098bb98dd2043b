//! The client against a real cluster of each supported Flink line (1.18 to 2.3), in Node.
//! `tests/layers/versions.sh` starts the lines one after the other at the same `FLINK_REST_URL`
//! (read at compile time, so one build serves them all) and names the line in the environment
//! (`FLINK_VERSION`, read at run time). What an operator does on any cluster: read the overview,
//! the jobs and a job with its checkpoints; take a savepoint; stop with a savepoint; rescale
//! 1 → 2; cancel. Each effect is checked on the cluster, savepoints on disk.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::time::Duration;

use flink_console::client::request::{SavepointOptions, StopOptions};
use flink_console::client::rescale::with_parallelism;
use flink_console::client::{FlinkVersion, JobStatus, TriggerId};
use wasm_bindgen_test::*;

mod node;
use node::*;

/// The line the layer started, from Node's environment.
fn line_under_test() -> FlinkVersion {
    let get = |o: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
    let version = get(&js_sys::global(), "process").and_then(|p| get(&p, "env")).and_then(|e| get(&e, "FLINK_VERSION"));
    let text = version.and_then(|v| v.as_string()).expect("FLINK_VERSION names the line under test (tests/layers/versions.sh)");
    FlinkVersion::parse(&text).unwrap()
}

#[wasm_bindgen_test]
async fn the_cluster_runs_the_line_under_test_and_describes_its_jobs() {
    let flink = flink();
    let line = line_under_test();
    let overview = flink.request_cluster_overview().await.expect("request_cluster_overview");
    assert_eq!(FlinkVersion::parse(&overview.flink_version).unwrap(), line, "{overview:?}");
    assert_eq!(flink.cluster_version().await.unwrap(), line);
    assert!(overview.taskmanagers >= 1 && overview.slots_total >= 1, "{overview:?}");

    let jobs = flink.request_multiple_job_details().await.expect("request_multiple_job_details").jobs;
    for name in DEMO_JOBS {
        assert!(jobs.iter().any(|j| j.name == name && j.state == JobStatus::Running), "{name} runs: {jobs:?}");
    }
    let job = demo_job(&flink, DEMO_JOBS[0]).await;
    let details = flink.request_job(&job).await.expect("request_job");
    assert!(details.vertices.len() >= 2, "{details:?}");
    let counter = vertex_named(&details, COUNT_VERTEX);
    assert!(details.start_time.get().is_some());
    // The demo counts into a user accumulator: merged per vertex, and per subtask with where it runs
    // (`host` before 1.19, `endpoint` after).
    let merged = eventually("the demo's accumulator", Duration::from_secs(60), 1000, async || {
        let a = flink.request_vertex_accumulators(&job, &counter).await.map_err(|e| e.to_string())?;
        a.user_accumulators.into_iter().find(|a| a.name == "records counted").ok_or_else(|| "not yet".to_string())
    })
    .await;
    assert_eq!(merged.kind, "LongCounter", "{merged:?}");
    assert!(merged.value.parse::<u64>().is_ok(), "{merged:?}");
    let per_subtask = flink.request_vertex_subtask_accumulators(&job, &counter).await.expect("request_vertex_subtask_accumulators");
    assert!(!per_subtask.subtasks.is_empty(), "{per_subtask:?}");
    assert!(per_subtask.subtasks.iter().all(|s| s.location().is_some()), "{per_subtask:?}");
    let times = flink.request_vertex_subtask_times(&job, &counter).await.expect("request_vertex_subtask_times");
    assert!(times.subtasks.iter().all(|s| s.timestamps.get("RUNNING").is_some_and(|&t| t > 0)), "{times:?}");
    let scheduler = flink.job_scheduler(&details).await.expect("job_scheduler");
    assert_eq!(scheduler.as_deref(), Some("Adaptive"), "the demo cluster runs the adaptive scheduler on every line");

    let stats = eventually("a completed checkpoint", Duration::from_secs(60), 1000, async || {
        let s = flink.request_checkpoint_stats(&job).await.map_err(|e| e.to_string())?;
        if s.counts.completed >= 1 && s.latest.completed.is_some() { Ok(s) } else { Err(format!("{:?}", s.counts)) }
    })
    .await;
    let latest = stats.latest.completed.unwrap();
    assert!(latest.end_to_end_duration.get().is_some() && latest.trigger_timestamp.get().is_some(), "{latest:?}");
    flink.request_checkpoint_config(&job).await.expect("request_checkpoint_config");
    flink.request_job_exceptions(&job, None).await.expect("request_job_exceptions");
    flink.request_job_config(&job).await.expect("request_job_config");
    let tms = flink.request_task_manager_metric_query_service_addresses().await.expect("task managers");
    assert!(!tms.taskmanagers.is_empty());
}

#[wasm_bindgen_test]
async fn a_savepoint_lands_on_disk() {
    let flink = flink();
    let (job, _) = submit_job(&flink, "line savepoint").await;
    let options = SavepointOptions { trigger_id: Some(TriggerId::random().unwrap()), ..Default::default() };
    let trigger = flink.trigger_savepoint(&job, &options).await.expect("trigger_savepoint");
    let location = flink.wait_for_savepoint(&job, &trigger, fast_wait()).await.expect("wait_for_savepoint");
    let path = local_path(&location);
    assert!(exists_sync(&format!("{path}/_metadata")), "savepoint {path} has its _metadata");
    cancel(&flink, &job).await;
}

#[wasm_bindgen_test]
async fn stop_with_a_savepoint_finishes_the_job() {
    let flink = flink();
    let (job, _) = submit_job(&flink, "line stop").await;
    let options = StopOptions { trigger_id: Some(TriggerId::random().unwrap()), ..Default::default() };
    let trigger = flink.stop_with_savepoint(&job, &options).await.expect("stop_with_savepoint");
    let location = flink.wait_for_savepoint(&job, &trigger, fast_wait()).await.expect("wait_for_savepoint after stop");
    assert!(exists_sync(&format!("{}/_metadata", local_path(&location))), "stop wrote {location}");
    wait_for_status(&flink, &job, JobStatus::Finished).await;
}

#[wasm_bindgen_test]
async fn rescaling_1_to_2_is_seen_on_the_job() {
    let flink = flink();
    let (job, _) = submit_job(&flink, "line rescale").await;
    let details = flink.request_job(&job).await.unwrap();
    let count = vertex_named(&details, COUNT_VERTEX);
    let current = flink.request_job_resource_requirements(&job).await.expect("request_job_resource_requirements");
    let wanted = with_parallelism(&current, &count, 2).unwrap();
    flink.update_job_resource_requirements(&details, &wanted).await.expect("update_job_resource_requirements");
    wait_for_parallelism(&flink, &job, &count, 2, Duration::from_secs(120)).await;
    cancel(&flink, &job).await;
}

#[wasm_bindgen_test]
async fn cancel_ends_the_job_canceled() {
    let flink = flink();
    let (job, _) = submit_job(&flink, "line cancel").await;
    cancel(&flink, &job).await;
    let result = flink.request_job_result(&job).await.unwrap().result.expect("a result");
    assert_eq!(result.application_status.as_deref(), Some("CANCELED"), "{result:?}");
}

#[wasm_bindgen_test]
async fn what_a_line_lacks_is_refused_by_version_and_what_it_has_works() {
    let flink = flink();
    let line = line_under_test();
    let apps = flink.request_applications_overview().await;
    if line.at_least(2, 3) {
        let apps = apps.expect("request_applications_overview on 2.3");
        assert!(apps.applications.iter().any(|a| a.jobs.contains_key("RUNNING")), "{apps:?}");
    } else {
        // Decided from the version: an `http` 404 would mean the request went out.
        let e = apps.expect_err("no applications before 2.3");
        assert_eq!(e.kind(), "unsupported", "{e:?}");
        assert!(e.to_string().contains(&format!("not available on Flink {}", line.line())), "{e}");
    }

    let job = demo_job(&flink, DEMO_JOBS[0]).await;
    let details = flink.request_job(&job).await.unwrap();
    let scope = flink_console::client::request::AggregateScope::Subtasks(job, vertex_named(&details, COUNT_VERTEX));
    let skew = flink.request_aggregated_metrics(&scope, &["numRecordsIn".into()], &["skew"]).await;
    if line.at_least(1, 20) {
        skew.expect("agg=skew from 1.20");
    } else {
        assert_eq!(skew.expect_err("no skew before 1.20").kind(), "unsupported");
    }
}
