//! The typed client against a REAL Flink 2.3 cluster, compiled to WebAssembly and run in Node.js
//! (wasm-bindgen-test's default mode). `tests/layers/wasm-node.sh` runs it: it needs the cluster
//! of `scripts/test` (two demo jobs, the demo jar uploaded, adaptive scheduler) at
//! `FLINK_REST_URL`, and a throwaway second cluster at `SECOND_FLINK_REST_URL` for
//! `shut_down_cluster`; both are read at compile time.
//!
//! Every `RestfulGateway` operation is called and its effect checked on the cluster: savepoint
//! directories on disk, job states, checkpoint ids, parallelism. Jobs that a test changes are
//! its own (submitted from the demo jar with a unique name) and are cancelled at its end, so
//! the demo jobs stay as they are for the other layers.
#![cfg(target_arch = "wasm32")]
// Helpers of tests unwrap and index too: a panic there is a failed test (clippy.toml allows it
// only inside #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::time::Duration;

use flink_console::client::request::{
    AggregateScope, CheckpointOptions, MetricScope, SavepointOptions, StopOptions,
};
use flink_console::client::rescale::with_parallelism;
use flink_console::client::{
    CheckpointStatus, CheckpointType, ClientError, ClientOptions, ExecutionState, FlinkClient, JobId,
    JobResourceRequirements, JobStatus, ParallelismBounds, QueueStatusId, SavepointFormat, TaskManagerId,
    TriggerId, VertexId, VertexResources,
};
use wasm_bindgen_test::*;

mod node;
use node::*;

// --- cluster -----------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn cluster_overview_config_logs_and_thread_dump_describe_this_cluster() {
    let flink = flink();
    let overview = flink.request_cluster_overview().await.expect("request_cluster_overview");
    assert_eq!(overview.flink_version, "2.3.0");
    assert!(overview.taskmanagers >= 1, "{overview:?}");
    assert!(overview.slots_total >= 2 && overview.slots_available <= overview.slots_total, "{overview:?}");
    assert!(overview.jobs_running >= 2, "both demo jobs run: {overview:?}");

    let dashboard = flink.dashboard_config().await.expect("dashboard_config");
    assert_eq!(dashboard.flink_version, overview.flink_version);
    assert_eq!(dashboard.refresh_interval, 3000, "web.refresh-interval default");
    assert!(dashboard.features.web_submit && dashboard.features.web_cancel, "{dashboard:?}");
    assert!(dashboard.features.web_rescale, "the adaptive scheduler enables rescaling: {dashboard:?}");

    let config = flink.jobmanager_config().await.expect("jobmanager_config");
    let get = |key: &str| config.iter().find(|e| e.key == key).map(|e| e.value.clone());
    let port = flink_url().rsplit(':').next().unwrap().trim_end_matches('/');
    assert_eq!(get("rest.port").as_deref(), Some(port), "the config is this cluster's");
    assert_eq!(get("jobmanager.scheduler").as_deref(), Some("adaptive"));
    assert!(get("execution.checkpointing.savepoint-dir").is_some_and(|d| d.starts_with("file:")));

    let logs = flink.jobmanager_logs().await.expect("jobmanager_logs");
    let log = logs.logs.iter().find(|l| l.name == "jobmanager.log").unwrap_or_else(|| panic!("no jobmanager.log in {logs:?}"));
    assert!(log.size > 0, "the JobManager has logged: {log:?}");

    let dump = flink.request_thread_dump().await.expect("request_thread_dump");
    let main = dump.thread_infos.iter().find(|t| t.thread_name == "main").expect("a thread named main");
    assert!(main.stringified_thread_info.starts_with("\"main\""), "{}", main.stringified_thread_info);
    assert!(dump.thread_infos.len() > 10, "a JobManager runs many threads");
}

#[wasm_bindgen_test]
async fn task_managers_are_listed_with_details_metrics_and_their_task_threads() {
    let flink = flink();
    let overview = flink.request_cluster_overview().await.expect("request_cluster_overview");
    let tms = flink.request_task_manager_metric_query_service_addresses().await.expect("task managers");
    assert_eq!(tms.taskmanagers.len() as u32, overview.taskmanagers);
    assert_eq!(tms.taskmanagers.iter().map(|t| t.slots_number).sum::<u32>(), overview.slots_total);

    let tm = &tms.taskmanagers[0];
    let id = TaskManagerId::parse(&tm.id).unwrap();
    let details = flink.request_task_manager_details(&id).await.expect("request_task_manager_details");
    assert_eq!(details.id, tm.id);
    assert_eq!(details.slots_number, tm.slots_number);
    assert!(details.hardware.as_ref().is_some_and(|h| h.cpu_cores >= 1), "{details:?}");
    assert!(!details.memory_configuration.is_empty());

    let metrics = flink
        .request_metric_query_service_addresses(
            &MetricScope::TaskManager(id.clone()),
            &names(&["Status.JVM.Memory.Heap.Used", "Status.JVM.CPU.Load"]),
        )
        .await
        .expect("task manager metrics");
    assert!(metric_value(&metrics, "Status.JVM.Memory.Heap.Used") > 0.0);

    // The task manager runs the demo jobs: their task threads are named after the tasks.
    let dump = flink.request_task_manager_thread_dump(&id).await.expect("request_task_manager_thread_dump");
    assert!(
        dump.thread_infos.iter().any(|t| t.thread_name.starts_with(SOURCE_VERTEX)),
        "no task thread of the demo jobs in {:?}",
        dump.thread_infos.iter().map(|t| &t.thread_name).collect::<Vec<_>>()
    );

    let unknown = TaskManagerId::parse("127.0.0.1:1-nosuch").unwrap();
    let err = flink.request_task_manager_details(&unknown).await.expect_err("unknown task manager");
    assert!(err.is_not_found(), "{err:?}");
}

// --- metrics -----------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn metrics_of_the_job_manager_jobs_vertices_and_aggregates() {
    let flink = flink();
    let overview = flink.request_cluster_overview().await.unwrap();

    let available = flink.request_metric_query_service_addresses(&MetricScope::JobManager, &[]).await.expect("JM metric list");
    assert!(available.iter().any(|m| m.id == "numRunningJobs" && m.value.is_none()), "a list has ids only");
    let jm = flink
        .request_metric_query_service_addresses(&MetricScope::JobManager, &names(&["numRunningJobs", "taskSlotsTotal"]))
        .await
        .expect("JM metrics");
    assert!(metric_value(&jm, "numRunningJobs") >= 2.0);
    assert_eq!(metric_value(&jm, "taskSlotsTotal") as u32, overview.slots_total);

    let job = demo_job(&flink, DEMO_JOBS[0]).await;
    let job_metrics = flink
        .request_metric_query_service_addresses(&MetricScope::Job(job.clone()), &names(&["uptime", "numRestarts"]))
        .await
        .expect("job metrics");
    assert!(metric_value(&job_metrics, "uptime") > 0.0, "{job_metrics:?}");

    // Vertex metrics are [] for about 10 s after a job starts, and records take a moment to flow.
    let details = flink.request_job(&job).await.unwrap();
    let count = vertex_named(&details, COUNT_VERTEX);
    let records = eventually("records into the counting vertex", Duration::from_secs(40), 1000, async || {
        let scope = MetricScope::Vertex(job.clone(), count.clone());
        let m = flink.request_metric_query_service_addresses(&scope, &names(&["0.numRecordsIn"])).await.map_err(|e| e.to_string())?;
        match m.first().and_then(|m| m.value.as_deref()).and_then(|v| v.parse::<f64>().ok()) {
            Some(n) if n > 0.0 => Ok(n),
            _ => Err(format!("{m:?}")),
        }
    })
    .await;
    assert!(records > 0.0);

    let jobs_agg = flink
        .request_aggregated_metrics(&AggregateScope::Jobs, &names(&["uptime"]), &["min", "max", "sum"])
        .await
        .expect("aggregated job metrics");
    let uptime = jobs_agg.iter().find(|m| m.id == "uptime").expect("uptime over jobs");
    assert!(uptime.max.unwrap() > 0.0 && uptime.sum.unwrap() >= uptime.max.unwrap(), "{uptime:?}");

    let tm_agg = flink
        .request_aggregated_metrics(&AggregateScope::TaskManagers, &names(&["Status.JVM.Memory.Heap.Used"]), &["sum", "max"])
        .await
        .expect("aggregated task manager metrics");
    assert!(tm_agg[0].sum.unwrap() > 0.0 && tm_agg[0].max.unwrap() > 0.0, "{tm_agg:?}");

    let sub_agg = flink
        .request_aggregated_metrics(&AggregateScope::Subtasks(job.clone(), count.clone()), &names(&["numRecordsIn"]), &["sum", "max"])
        .await
        .expect("aggregated subtask metrics");
    assert!(sub_agg[0].sum.unwrap() > 0.0, "{sub_agg:?}");
}

// --- jobs --------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn demo_jobs_are_listed_and_described_in_every_view() {
    let flink = flink();
    let overview = flink.request_multiple_job_details().await.expect("request_multiple_job_details");
    for name in DEMO_JOBS {
        assert!(
            overview.jobs.iter().any(|j| j.name == name && j.state == JobStatus::Running),
            "{name:?} (HTML kept as text) not running in {:?}",
            overview.jobs.iter().map(|j| (&j.name, &j.state)).collect::<Vec<_>>()
        );
    }
    let job = demo_job(&flink, DEMO_JOBS[1]).await;

    let details = flink.request_job(&job).await.expect("request_job");
    assert_eq!(details.name, DEMO_JOBS[1]);
    assert_eq!(details.state, JobStatus::Running);
    assert_eq!(details.scheduler_type.as_deref(), Some("Adaptive"));
    let names_seen: BTreeSet<&str> = details.vertices.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names_seen, BTreeSet::from([SOURCE_VERTEX, COUNT_VERTEX]));
    let count = vertex_named(&details, COUNT_VERTEX);
    let source = vertex_named(&details, SOURCE_VERTEX);

    let (graph, exceptions) = flink.request_execution_graph_info(&job).await.expect("request_execution_graph_info");
    assert_eq!(graph.jid, job);
    assert!(exceptions.exception_history.entries.is_empty(), "a healthy demo job: {exceptions:?}");

    assert_eq!(flink.request_job_status(&job).await.expect("request_job_status").status, JobStatus::Running);
    let result = flink.request_job_result(&job).await.expect("request_job_result");
    assert_eq!(result.status.id, QueueStatusId::InProgress);
    assert!(result.result.is_none());

    let config = flink.request_job_config(&job).await.expect("request_job_config");
    assert_eq!((config.jid.clone(), config.name.as_str()), (job.clone(), DEMO_JOBS[1]));
    assert!(config.execution_config.is_some());

    let plan = flink.request_job_plan(&job).await.expect("request_job_plan").plan;
    assert_eq!(plan.name, DEMO_JOBS[1]);
    let plan_ids: BTreeSet<&VertexId> = plan.nodes.iter().map(|n| &n.id).collect();
    assert_eq!(plan_ids, details.vertices.iter().map(|v| &v.id).collect());
    let count_node = plan.nodes.iter().find(|n| n.id == count).unwrap();
    assert!(
        count_node.inputs.iter().any(|i| i.id == source && i.ship_strategy.as_deref() == Some("HASH")),
        "keyBy makes a HASH edge from the source: {count_node:?}"
    );

    let vertex = flink.request_vertex_details(&job, &count).await.expect("request_vertex_details");
    assert_eq!((vertex.name.as_str(), vertex.max_parallelism), (COUNT_VERTEX, 8));
    assert_eq!(vertex.subtasks.len() as u32, vertex.parallelism);
    assert!(vertex.subtasks.iter().all(|s| s.status == ExecutionState::Running), "{:?}", vertex.subtasks);
    let times = flink.request_vertex_subtask_times(&job, &count).await.expect("request_vertex_subtask_times");
    assert_eq!(times.subtasks.len() as u32, vertex.parallelism);

    let cp_config = flink.request_checkpoint_config(&job).await.expect("request_checkpoint_config");
    assert_eq!((cp_config.mode.as_str(), cp_config.interval), ("exactly_once", 2000), "the demo job checkpoints every 2 s");

    let stats = eventually("a completed checkpoint of the demo job", Duration::from_secs(30), 1000, async || {
        let s = flink.request_checkpoint_stats(&job).await.map_err(|e| e.to_string())?;
        if s.latest.completed.is_some() { Ok(s) } else { Err(format!("{:?}", s.counts)) }
    })
    .await;
    let latest = stats.latest.completed.as_ref().unwrap();
    assert!(stats.counts.completed >= 1 && latest.status == CheckpointStatus::Completed);
    let cp = flink.request_checkpoint_details(&job, latest.id).await.expect("request_checkpoint_details");
    assert_eq!((cp.id, cp.status.clone(), cp.is_savepoint), (latest.id, CheckpointStatus::Completed, false));
    assert_eq!(cp.tasks.keys().collect::<BTreeSet<_>>(), BTreeSet::from([&count, &source]));
    let sub = flink.request_checkpoint_subtask_details(&job, latest.id, &count).await.expect("request_checkpoint_subtask_details");
    assert_eq!(sub.subtasks.len() as u32, vertex.parallelism);
    assert_eq!(sub.num_acknowledged_subtasks, sub.num_subtasks);
}

#[wasm_bindgen_test]
async fn cancel_ends_the_job_canceled_with_a_result() {
    let flink = flink();
    let (job, name) = submit_job(&flink, "cancel").await;
    let running = flink.request_job_result(&job).await.expect("request_job_result");
    assert_eq!(running.status.id, QueueStatusId::InProgress);
    assert!(running.result.is_none());

    flink.cancel_job(&job).await.expect("cancel_job");
    wait_for_status(&flink, &job, JobStatus::Canceled).await;

    let result = flink.request_job_result(&job).await.expect("request_job_result after cancel");
    assert_eq!(result.status.id, QueueStatusId::Completed);
    let r = result.result.expect("a result once the job ended");
    assert_eq!((r.id, r.application_status.as_deref()), (job.clone(), Some("CANCELED")));
    // `/jobs/{id}` and `/jobs/overview` are cached for `web.refresh-interval` (3 s): they follow.
    eventually("the job's details and the job list to show it CANCELED", Duration::from_secs(10), 500, async || {
        let details = flink.request_job(&job).await.map_err(|e| e.to_string())?;
        let listed = flink.request_multiple_job_details().await.map_err(|e| e.to_string())?;
        let in_list = listed.jobs.iter().find(|j| j.jid == job).map(|j| (j.name.clone(), j.state.clone()));
        if details.state == JobStatus::Canceled && in_list == Some((name.clone(), JobStatus::Canceled)) {
            Ok(())
        } else {
            Err(format!("details {}, list {in_list:?}", details.state))
        }
    })
    .await;

    // Cancelling is idempotent: a canceled job may be cancelled again (a FINISHED one may not,
    // see the stop-with-savepoint test).
    flink.cancel_job(&job).await.expect("cancel a canceled job again");
}

#[wasm_bindgen_test]
async fn client_heartbeat_is_accepted_and_a_missing_coordinator_is_a_typed_error() {
    let flink = flink();
    let job = demo_job(&flink, DEMO_JOBS[0]).await;
    let in_ten_minutes = now_ms() as i64 + 600_000;
    flink.report_job_client_heartbeat(&job, in_ten_minutes).await.expect("report_job_client_heartbeat");
    assert_eq!(flink.request_job_status(&job).await.unwrap().status, JobStatus::Running);

    // A Java-serialized `CollectCoordinationRequest("v", 0)` (a CoordinationRequest on Flink's
    // classpath), so Flink gets past deserializing and looks for the coordinator. The counting
    // operator (uid "count-per-key") has none.
    let err = flink
        .deliver_coordination_request_to_coordinator(&job, "count-per-key", &collect_coordination_request())
        .await
        .expect_err("the counting operator has no coordinator");
    let ClientError::Http { status, messages, .. } = &err else { panic!("expected an HTTP error, got {err:?}") };
    assert_eq!(*status, 404, "{messages:?}");
    assert!(messages[0].contains("CoordinatorNotExistException"), "{messages:?}");
    let readable = err.flink_message().expect("a message");
    assert!(readable.starts_with("Coordinator of operator ") && readable.contains("does not exist"), "{readable}");
    assert!(!readable.contains("\tat ") && !readable.contains("Exception"), "no Java in it: {readable}");
    assert!(err.to_string().contains(&readable), "{err}");

    // Bytes that are no Java object at all: Flink answers 500 with the EOFException.
    let garbage = flink.deliver_coordination_request_to_coordinator(&job, "count-per-key", b"\0\0\0").await.expect_err("garbage");
    assert_eq!(garbage.status(), Some(500), "{garbage:?}");
}

/// Java serialization of `new CollectCoordinationRequest("v", 0L)` (serialVersionUID 1; fields
/// in Java's order: primitives first, then objects, each by name).
fn collect_coordination_request() -> Vec<u8> {
    fn utf(out: &mut Vec<u8>, s: &str) {
        out.extend_from_slice(&(s.len() as u16).to_be_bytes());
        out.extend_from_slice(s.as_bytes());
    }
    let mut b = vec![0xAC, 0xED, 0x00, 0x05, 0x73, 0x72]; // magic, version, TC_OBJECT, TC_CLASSDESC
    utf(&mut b, "org.apache.flink.streaming.api.operators.collect.CollectCoordinationRequest");
    b.extend_from_slice(&1i64.to_be_bytes()); // serialVersionUID
    b.extend_from_slice(&[0x02, 0x00, 0x02]); // SC_SERIALIZABLE, 2 fields
    b.push(b'J');
    utf(&mut b, "offset");
    b.push(b'L');
    utf(&mut b, "version");
    b.push(0x74); // TC_STRING
    utf(&mut b, "Ljava/lang/String;");
    b.extend_from_slice(&[0x78, 0x70]); // TC_ENDBLOCKDATA, no superclass
    b.extend_from_slice(&0i64.to_be_bytes()); // offset
    b.push(0x74);
    utf(&mut b, "v"); // version
    b
}

// --- savepoints and checkpoints ----------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_savepoint_trigger_id_makes_one_savepoint_on_disk_and_disposal_removes_it() {
    let flink = flink();
    let (job, _) = submit_job(&flink, "savepoint").await;
    let target = format!("{}/wasm-node-{}", savepoint_dir(&flink).await.trim_end_matches('/'), now_ms() as u64);
    let trigger_id = TriggerId::random().expect("a secure random source in Node");
    let options = SavepointOptions {
        target_directory: Some(target.clone()),
        format_type: Some(SavepointFormat::Canonical),
        cancel_job: false,
        trigger_id: Some(trigger_id.clone()),
    };
    let first = flink.trigger_savepoint(&job, &options).await.expect("trigger_savepoint");
    let second = flink.trigger_savepoint(&job, &options).await.expect("trigger_savepoint again");
    assert_eq!((&first, &second), (&trigger_id, &trigger_id), "the caller's trigger id is the request id");

    let location = flink.wait_for_savepoint(&job, &first, fast_wait()).await.expect("wait_for_savepoint");
    let path = local_path(&location);
    assert!(path.starts_with(&local_path(&target)), "{location} is in the target directory {target}");
    assert!(exists_sync(&path), "savepoint {path} exists on disk");
    assert!(exists_sync(&format!("{path}/_metadata")), "savepoint {path} has its _metadata");

    // Once more, after completion and with another format: still the same operation.
    let native = SavepointOptions { format_type: Some(SavepointFormat::Native), ..options.clone() };
    let third = flink.trigger_savepoint(&job, &native).await.expect("trigger_savepoint a third time");
    assert_eq!(third, trigger_id);
    assert_eq!(flink.wait_for_savepoint(&job, &third, fast_wait()).await.unwrap(), location);
    let on_disk = list_dir(&local_path(&target));
    assert_eq!(on_disk.len(), 1, "exactly one savepoint for one trigger id: {on_disk:?}");

    let stats = eventually("the savepoint in the checkpoint statistics", Duration::from_secs(15), 1000, async || {
        let s = flink.request_checkpoint_stats(&job).await.map_err(|e| e.to_string())?;
        match &s.latest.savepoint {
            Some(sp) if sp.external_path.as_deref() == Some(location.as_str()) => Ok(s),
            other => Err(format!("latest savepoint {other:?}")),
        }
    })
    .await;
    assert_eq!(stats.history.iter().filter(|c| c.is_savepoint).count(), 1, "one savepoint in the history");

    let unknown = flink.get_triggered_savepoint_status(&job, &TriggerId::parse("ffffffffffffffffffffffffffffffff").unwrap()).await;
    assert!(unknown.expect_err("unknown trigger").is_not_found());

    cancel(&flink, &job).await;
    assert!(exists_sync(&path), "cancelling keeps the savepoint");

    assert!(matches!(flink.dispose_savepoint("  ").await, Err(ClientError::InvalidInput(_))));
    let disposal = flink.dispose_savepoint(&location).await.expect("dispose_savepoint");
    flink.wait_for_savepoint_disposal(&disposal, fast_wait()).await.expect("wait_for_savepoint_disposal");
    assert!(!exists_sync(&path), "savepoint {path} is gone after disposal");

    let again = flink.dispose_savepoint(&location).await.expect("dispose_savepoint again");
    let err = flink.wait_for_savepoint_disposal(&again, fast_wait()).await.expect_err("a disposed savepoint cannot be disposed again");
    assert_eq!(err.kind(), "operation_failed", "{err:?}");
}

#[wasm_bindgen_test]
async fn stop_with_savepoint_finishes_the_job_and_leaves_a_savepoint() {
    let flink = flink();
    let (job, _) = submit_job(&flink, "stop").await;
    let trigger = flink.stop_with_savepoint(&job, &StopOptions::default()).await.expect("stop_with_savepoint");
    let location = flink.wait_for_savepoint(&job, &trigger, fast_wait()).await.expect("wait_for_savepoint after stop");
    let path = local_path(&location);
    assert!(exists_sync(&format!("{path}/_metadata")), "stop wrote the savepoint {path}");

    wait_for_status(&flink, &job, JobStatus::Finished).await;
    let result = flink.request_job_result(&job).await.unwrap().result.expect("a result");
    assert_eq!((&result.id, result.application_status.as_deref()), (&job, Some("SUCCEEDED")), "{result:?}");
    assert!(result.end_time.get().is_some());
    // Until the dispatcher has archived the job and dropped its runner, Flink forwards a cancel
    // to the finished JobMaster, which acknowledges it; the 409 comes once the runner is gone.
    let late = eventually("cancel of the finished job refused", Duration::from_secs(20), 500, async || {
        match flink.cancel_job(&job).await {
            Ok(()) => Err("acknowledged while the finished job's runner was still registered".to_string()),
            Err(e) => Ok(e),
        }
    })
    .await;
    assert_eq!(late.status(), Some(409), "a conflict, not 'not found': {late:?}");
    assert!(!late.is_not_found() && late.flink_message().unwrap().contains("FINISHED"), "{late:?}");

    let disposal = flink.dispose_savepoint(&location).await.expect("dispose_savepoint");
    flink.wait_for_savepoint_disposal(&disposal, fast_wait()).await.expect("wait_for_savepoint_disposal");
    assert!(!exists_sync(&path));
}

#[wasm_bindgen_test]
async fn a_triggered_checkpoint_completes_with_a_new_id_seen_in_the_statistics() {
    let flink = flink();
    let (job, _) = submit_job(&flink, "checkpoint").await;
    let before = eventually("a first periodic checkpoint", Duration::from_secs(30), 1000, async || {
        let s = flink.request_checkpoint_stats(&job).await.map_err(|e| e.to_string())?;
        s.latest.completed.map(|c| c.id).ok_or_else(|| format!("{:?}", s.counts))
    })
    .await;

    let trigger_id = TriggerId::random().expect("a secure random source in Node");
    let options = CheckpointOptions { checkpoint_type: Some(CheckpointType::Full), trigger_id: Some(trigger_id.clone()) };
    let trigger = flink.trigger_checkpoint(&job, &options).await.expect("trigger_checkpoint");
    assert_eq!(trigger, trigger_id);
    assert_eq!(flink.trigger_checkpoint(&job, &options).await.expect("trigger_checkpoint again"), trigger_id);
    let id = flink.wait_for_checkpoint(&job, &trigger, fast_wait()).await.expect("wait_for_checkpoint");
    assert!(id > before, "checkpoint {id} is newer than {before}");

    eventually(&format!("checkpoint {id} in the statistics"), Duration::from_secs(15), 1000, async || {
        let s = flink.request_checkpoint_stats(&job).await.map_err(|e| e.to_string())?;
        let seen = s.history.iter().find(|c| c.id == id).map(|c| c.status.clone());
        if seen == Some(CheckpointStatus::Completed) { Ok(()) } else { Err(format!("{seen:?}")) }
    })
    .await;
    let details = flink.request_checkpoint_details(&job, id).await.expect("request_checkpoint_details");
    assert_eq!((details.status, details.is_savepoint), (CheckpointStatus::Completed, false));

    let unknown = flink.get_triggered_checkpoint_status(&job, &TriggerId::parse("ffffffffffffffffffffffffffffffff").unwrap()).await;
    assert!(unknown.expect_err("unknown trigger").is_not_found());
    cancel(&flink, &job).await;
}

// --- rescaling ---------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn rescaling_raises_a_vertex_parallelism_and_invalid_requirements_are_refused_before_sending() {
    let flink = flink();
    let (job, _) = submit_job(&flink, "rescale").await;
    let started = now_ms();
    let details = flink.request_job(&job).await.unwrap();
    let count = vertex_named(&details, COUNT_VERTEX);
    let current = flink.request_job_resource_requirements(&job).await.expect("request_job_resource_requirements");
    assert_eq!(current.keys().collect::<BTreeSet<_>>(), details.vertices.iter().map(|v| &v.id).collect());
    assert_eq!(current[&count].parallelism.upper_bound, 1);

    let invalid_input = |r: Result<(), ClientError>, what: &str| match r {
        Err(ClientError::InvalidInput(m)) => m,
        other => panic!("{what}: expected InvalidInput, got {other:?}"),
    };
    let mut missing = current.clone();
    missing.remove(&count);
    let m = invalid_input(flink.update_job_resource_requirements(&details, &missing).await, "missing vertex");
    assert!(m.contains(COUNT_VERTEX), "{m}");
    let zero = with_parallelism(&current, &count, 0).unwrap();
    invalid_input(flink.update_job_resource_requirements(&details, &zero).await, "parallelism 0");
    let above = with_parallelism(&current, &count, 9).unwrap();
    let m = invalid_input(flink.update_job_resource_requirements(&details, &above).await, "above max parallelism");
    assert!(m.contains("can be at most its max parallelism, 8. Asked for 9."), "{m}");
    let mut unknown_vertex = current.clone();
    unknown_vertex.insert(VertexId::parse(UNKNOWN_JOB).unwrap(), current[&count].clone());
    invalid_input(flink.update_job_resource_requirements(&details, &unknown_vertex).await, "unknown vertex");
    assert_eq!(flink.request_job_resource_requirements(&job).await.unwrap(), current, "nothing was sent");

    let wanted = with_parallelism(&current, &count, 2).unwrap();
    flink.update_job_resource_requirements(&details, &wanted).await.expect("update_job_resource_requirements");
    assert_eq!(flink.request_job_resource_requirements(&job).await.unwrap(), wanted);

    wait_for_parallelism(&flink, &job, &count, 2, Duration::from_secs(90)).await;
    let vertex = flink.request_vertex_details(&job, &count).await.unwrap();
    assert_eq!(vertex.subtasks.len(), 2);
    console_log!("rescale applied {:.1} s after the job started running", (now_ms() - started) / 1000.0);
    cancel(&flink, &job).await;
}

// --- errors ------------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn every_per_job_call_on_an_unknown_job_is_not_found() {
    let flink = flink();
    let job = JobId::parse(UNKNOWN_JOB).unwrap();
    let vertex = VertexId::parse(UNKNOWN_JOB).unwrap();
    let mut failures = Vec::new();
    let mut check = |what: &str, err: Option<ClientError>| match err {
        Some(e) if e.is_not_found() => {}
        other => failures.push(format!("{what}: {other:?}")),
    };
    check("request_job", flink.request_job(&job).await.err());
    check("request_job_status", flink.request_job_status(&job).await.err());
    check("request_job_result", flink.request_job_result(&job).await.err());
    check("request_job_exceptions", flink.request_job_exceptions(&job, None).await.err());
    check("request_execution_graph_info", flink.request_execution_graph_info(&job).await.err());
    check("request_job_config", flink.request_job_config(&job).await.err());
    check("request_job_plan", flink.request_job_plan(&job).await.err());
    check("request_vertex_details", flink.request_vertex_details(&job, &vertex).await.err());
    check("request_vertex_subtask_times", flink.request_vertex_subtask_times(&job, &vertex).await.err());
    check("request_checkpoint_stats", flink.request_checkpoint_stats(&job).await.err());
    check("request_checkpoint_config", flink.request_checkpoint_config(&job).await.err());
    check("request_checkpoint_details", flink.request_checkpoint_details(&job, 1).await.err());
    check("request_checkpoint_subtask_details", flink.request_checkpoint_subtask_details(&job, 1, &vertex).await.err());
    check("request_job_resource_requirements", flink.request_job_resource_requirements(&job).await.err());
    // The client checks the requirements against the job the caller passes and sends no GET
    // first: here a demo job's details under the unknown id, with valid requirements, so the
    // answer is the PUT's own (a 500 FlinkJobNotFoundException, fixture err_rr_put_unknown_job).
    let mut gone = flink.request_job(&demo_job(&flink, DEMO_JOBS[0]).await).await.expect("request_job of a demo job");
    gone.jid = job.clone();
    let bounds = ParallelismBounds { lower_bound: 1, upper_bound: 1 };
    let requirements: JobResourceRequirements =
        gone.vertices.iter().map(|v| (v.id.clone(), VertexResources { parallelism: bounds })).collect();
    check("update_job_resource_requirements", flink.update_job_resource_requirements(&gone, &requirements).await.err());
    check("cancel_job", flink.cancel_job(&job).await.err());
    check(
        "deliver_coordination_request_to_coordinator",
        flink.deliver_coordination_request_to_coordinator(&job, "count-per-key", &collect_coordination_request()).await.err(),
    );

    // Triggers are accepted (202); the failure is in the operation's status.
    let savepoint = flink.trigger_savepoint(&job, &SavepointOptions::default()).await.expect("202 for a savepoint");
    check("wait_for_savepoint", flink.wait_for_savepoint(&job, &savepoint, fast_wait()).await.err());
    let stop = flink.stop_with_savepoint(&job, &StopOptions::default()).await.expect("202 for a stop");
    check("wait_for_savepoint (stop)", flink.wait_for_savepoint(&job, &stop, fast_wait()).await.err());
    let checkpoint = flink.trigger_checkpoint(&job, &CheckpointOptions::default()).await.expect("202 for a checkpoint");
    check("wait_for_checkpoint", flink.wait_for_checkpoint(&job, &checkpoint, fast_wait()).await.err());
    assert!(failures.is_empty(), "not is_not_found():\n{}", failures.join("\n"));

    // What Flink does NOT reject for an unknown job (kept here so a change is noticed):
    // heartbeats are accepted and metric queries answer an empty list.
    flink.report_job_client_heartbeat(&job, now_ms() as i64 + 60_000).await.expect("heartbeat for an unknown job");
    let metrics = flink.request_metric_query_service_addresses(&MetricScope::Job(job.clone()), &names(&["uptime"])).await;
    assert_eq!(metrics.expect("metrics of an unknown job"), vec![]);
}

#[wasm_bindgen_test]
async fn a_call_past_its_timeout_and_a_closed_port_are_typed_errors() {
    let flink = flink();
    match flink.with_timeout(Duration::from_millis(1)).request_thread_dump().await {
        Err(ClientError::Timeout { url, after_ms }) => {
            assert_eq!(after_ms, 1);
            assert!(url.ends_with("/jobmanager/thread-dump"), "{url}");
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    let short = FlinkClient::with_options(flink_url(), ClientOptions { timeout: Duration::from_millis(1), headers: vec![] });
    assert!(matches!(short.request_thread_dump().await, Err(ClientError::Timeout { after_ms: 1, .. })), "the client's default timeout");
    flink.request_cluster_overview().await.expect("the cluster still answers after aborted calls");

    let closed = FlinkClient::new("http://127.0.0.1:1");
    let err = closed.request_cluster_overview().await.expect_err("nothing listens on port 1");
    assert!(matches!(&err, ClientError::Network { url, .. } if url == "http://127.0.0.1:1/overview"), "{err:?}");
    assert!(err.to_string().starts_with("Could not reach Flink at http://127.0.0.1:1/overview"), "{err}");
}

#[wasm_bindgen_test]
async fn shutting_down_the_second_cluster_stops_it_answering() {
    let url = SECOND_FLINK_REST_URL.expect(
        "SECOND_FLINK_REST_URL was not set when this test was compiled: tests/layers/wasm-node.sh starts \
         a throwaway cluster for shut_down_cluster and sets it",
    );
    assert_ne!(url, flink_url(), "never shut down the shared cluster");
    let second = FlinkClient::new(url);
    let overview = second.request_cluster_overview().await.expect("the second cluster answers");
    assert_eq!(overview.jobs_running, 0, "the throwaway cluster runs no jobs: {overview:?}");

    second.shut_down_cluster().await.expect("shut_down_cluster");
    let gone = eventually("the second cluster to stop answering", Duration::from_secs(60), 500, async || {
        match second.with_timeout(Duration::from_secs(2)).request_cluster_overview().await {
            Err(e @ ClientError::Network { .. }) => Ok(e),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    assert_eq!(gone.kind(), "network");
    flink().request_cluster_overview().await.expect("the shared cluster is untouched");
}
