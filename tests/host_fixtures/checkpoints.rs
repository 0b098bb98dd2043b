//! Checkpoints: statistics, configuration, details, and triggering one.
use flink_console::client::request::{self as rq, CheckpointOptions, Request};
use flink_console::client::*;

use crate::common::*;
use crate::harness::trigger_answer;

/// The trigger request with the options the fixture's body names.
fn checkpoint_req(f: &Fixture) -> Request<TriggerResponse> {
    let o = CheckpointOptions {
        checkpoint_type: f.req_str("checkpointType").map(|s| CheckpointType::from(s.as_str())),
        trigger_id: f.req_trigger(),
    };
    rq::trigger_checkpoint(&f.job(), &o)
}
fn checkpoint_status_req(f: &Fixture) -> Request<AsyncOperationStatus<CheckpointOperation>> {
    rq::get_triggered_checkpoint_status(&f.job(), &f.trigger())
}
fn checkpoints_req(f: &Fixture) -> Request<CheckpointingStatistics> {
    rq::request_checkpoint_stats(&f.job())
}
fn details_req(f: &Fixture) -> Request<CheckpointStats> {
    rq::request_checkpoint_details(&f.job(), f.checkpoint())
}

fn checkpoint_completed(s: &AsyncOperationStatus<CheckpointOperation>, id: u64) {
    assert!(s.is_completed());
    let op = s.operation.as_ref().unwrap();
    assert_eq!(op.checkpoint_id, Some(id));
    assert_eq!(op.failure_cause, None);
}

/// Completed checkpoints only, newest first, and a sane end-to-end summary.
fn checkpoint_history(s: &CheckpointingStatistics, total: u64, newest: u64, len: usize) {
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
}

fixtures! {
    checkpoint_trigger: Model(trigger_answer), WithBody(checkpoint_req, NoTriggerId);
    checkpoint_trigger_bad_triggerid:
        Error("Request did not match expected format CheckpointTriggerRequestBody.", false),
        Refused("a trigger id must be 32 hex characters; ours are validated", |f| {
            let sent = f.req_str("triggerId").unwrap();
            let e = TriggerId::parse(&sent).unwrap_err();
            assert_eq!(e.kind(), "invalid_input");
            assert!(e.to_string().contains("not a valid trigger id"), "{e}");
        });
    checkpoint_trigger_full_status: Model(|_, s| checkpoint_completed(&s, 14)), NoBody(checkpoint_status_req);
    checkpoint_trigger_full_with_triggerid: Model(trigger_answer), WithBody(checkpoint_req, Exact);
    checkpoint_trigger_full_with_triggerid_dup: Model(trigger_answer), WithBody(checkpoint_req, Exact);
    checkpoint_trigger_status_completed: Model(|_, s| checkpoint_completed(&s, 13)), NoBody(checkpoint_status_req);
    checkpoint_trigger_status_poll0:
        Model(|_, s| {
            assert!(!s.is_completed());
            assert_eq!(s.operation, None, "operation: null while in progress");
        }),
        NoBody(checkpoint_status_req);
    checkpoint_trigger_status_unknown_trigger:
        Error("There is no checkpoint operation with triggerId=ffffffffffffffffffffffffffffffff for job 970762374db1c09c2881a915a396ab1e.", true),
        NoBody(checkpoint_status_req);
    err_checkpoint_on_finished_job: Model(trigger_answer), WithBody(checkpoint_req, NoTriggerId);
    err_checkpoint_on_finished_job_status:
        Model(|f, s| {
            assert!(s.is_completed());
            let op = s.operation.unwrap();
            assert_eq!(op.checkpoint_id, None);
            let cause = op.failure_cause.expect("checkpoint failures are spelled `failureCause`");
            assert!(cause.stack_trace.contains("FlinkJobNotFoundException"));
            assert!(f.body["operation"].get("failureCause").is_some());
            assert!(f.body["operation"].get("failure-cause").is_none());
        }),
        NoBody(checkpoint_status_req);
    err_unknown_checkpoint_id: Error("Could not find checkpointing statistics for checkpoint 999999.", true), NoBody(details_req);
    err_unknown_job_checkpoints: Error("Job 00000000000000000000000000000000 not found", true), NoBody(checkpoints_req);
    finished_job_checkpoints:
        Model(|_, s| {
            checkpoint_history(&s, 119, 136, 10);
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
            let e2e = s.summary.end_to_end_duration.as_ref().unwrap();
            assert_eq!((e2e.p90, e2e.p95, e2e.p99, e2e.p999), (35.0, 76.05, 260.6100000000002, 276.0));
            assert!(s.summary.processed_data.is_some() && s.summary.persisted_data.is_some());
        }),
        NoBody(checkpoints_req);
    job1b_checkpoints_restored:
        Model(|_, s| {
            checkpoint_history(&s, 2, 20, 2);
            let restored = s.latest.restored.as_ref().unwrap();
            assert_eq!(restored.id, 18);
            assert!(restored.is_savepoint, "job 1b was started from job 1's savepoint");
            assert_eq!(restored.external_path.as_deref(), Some("file:/var/lib/flink/savepoints/savepoint-970762-6d3131af20bb"));
            assert_eq!(restored.restore_timestamp.get(), Some(1795619550605));
            assert_eq!(s.latest.savepoint, None);
        }),
        NoBody(checkpoints_req);
    job_checkpoint_details:
        Model(|_, c| {
            assert_eq!(c.id, 7);
            assert_eq!(c.status, CheckpointStatus::Completed);
            assert!(!c.is_savepoint);
            assert_eq!(c.checkpoint_type.as_deref(), Some("CHECKPOINT"));
            assert_eq!(c.trigger_timestamp.get(), Some(1795619469487));
            assert_eq!(c.end_to_end_duration.get(), Some(65));
            assert_eq!(c.checkpointed_size.get(), Some(2082));
            assert_eq!((c.num_subtasks, c.num_acknowledged_subtasks), (2, 2));
            assert_eq!(c.external_path.as_deref(), Some("file:/var/lib/flink/checkpoints/970762374db1c09c2881a915a396ab1e/chk-7"));
            assert_eq!(c.failure_message, None);
            assert_eq!(c.failure_timestamp.get(), None);
            let source = &c.tasks[&VertexId::parse(SOURCE).unwrap()];
            assert_eq!(source.checkpointed_size.get(), Some(265));
            let counter = &c.tasks[&vertex()];
            assert_eq!(counter.checkpointed_size.get(), Some(1817));
            assert_eq!(counter.end_to_end_duration.get(), Some(65));
        }),
        NoBody(details_req);
    job_checkpoint_subtask_details:
        Model(|f, t| {
            assert_eq!(t.id, 7);
            assert_eq!(t.status, CheckpointStatus::Completed);
            assert_eq!(t.checkpointed_size.get(), Some(1817));
            assert_eq!(t.subtasks.len(), 1);
            let s = &t.subtasks[0];
            assert_eq!(s.index, 0);
            assert_eq!(s.status, "completed");
            assert_eq!(s.ack_timestamp.get(), Some(1795619469552));
            assert_eq!(s.state_size.get(), Some(1817));
            let c = s.checkpoint.unwrap();
            assert_eq!((c.sync.get(), c.r#async.get()), (Some(2), Some(7)));
            assert_eq!(s.alignment.unwrap().duration.get(), Some(0));
            assert_eq!((s.start_delay.get(), s.unaligned_checkpoint), (Some(30), false));
            // The summary is not part of the model, but its "NaN" percentiles must decode where
            // StatsSummary is used (one subtask: Flink has no percentiles).
            let summary: StatsSummary = decode_json(&f.url(), &f.body["summary"]["checkpointed_size"].to_string()).unwrap();
            assert_eq!((summary.min, summary.max, summary.avg), (1817.0, 1817.0, 1817.0));
            assert!(summary.p50.is_nan() && summary.p99.is_nan());
        }),
        NoBody(|f| rq::request_checkpoint_subtask_details(&f.job(), f.checkpoint(), &VertexId::parse(f.after("subtasks")).unwrap()));
    job_checkpoints:
        Model(|_, s| {
            checkpoint_history(&s, 7, 7, 7);
            assert_eq!(s.counts.restored, 0);
            assert_eq!(s.latest.restored, None);
            assert_eq!(s.latest.savepoint, None);
            assert!(s.history.iter().all(|c| c.tasks.is_empty()), "the history has no per-vertex stats");
            let size = s.summary.checkpointed_size.as_ref().unwrap();
            assert_eq!((size.min, size.max, size.p50), (2082.0, 2082.0, 2082.0));
        }),
        NoBody(checkpoints_req);
    job_checkpoints_after_manual:
        Model(|_, s| {
            checkpoint_history(&s, 15, 15, 10);
            // 13 and 14 were triggered by hand (14 as FULL): both in the history.
            assert!(s.history.iter().any(|c| c.id == 13) && s.history.iter().any(|c| c.id == 14));
        }),
        NoBody(checkpoints_req);
    job_checkpoints_config:
        Model(|_, c| {
            assert_eq!(c.mode, "exactly_once");
            assert_eq!((c.interval, c.timeout, c.min_pause, c.max_concurrent), (5000, 600000, 0, 1));
            assert_eq!(c.externalization.as_ref().map(|x| (x.enabled, x.delete_on_cancellation)), Some((false, true)));
            assert_eq!(c.state_backend.as_deref(), Some("HashMapStateBackend"));
            assert_eq!(c.checkpoint_storage.as_deref(), Some("FileSystemCheckpointStorage"));
            assert!(!c.unaligned_checkpoints);
            assert_eq!(c.tolerable_failed_checkpoints, 0);
        }),
        NoBody(|f| rq::request_checkpoint_config(&f.job()));
}
