//! Savepoints: trigger, stop with a savepoint, their status, and disposal; and what the
//! `wait_for_*` methods make of a failed operation.
use serde_json::json;

use flink_console::client::request::{self as rq, Request, SavepointOptions, StopOptions};
use flink_console::client::*;

use crate::common::*;
use crate::harness::trigger_answer;

fn format_type(f: &Fixture) -> Option<SavepointFormat> {
    f.req_str("formatType").map(|s| SavepointFormat::from(s.as_str()))
}

/// The trigger request with the options the fixture's body names (the directory is spelled
/// `target-directory` here, `targetDirectory` for stop).
fn savepoint_req(f: &Fixture) -> Request<TriggerResponse> {
    let (target_directory, format_type, trigger_id) = (f.req_str("target-directory"), format_type(f), f.req_trigger());
    rq::trigger_savepoint(&f.job(), &SavepointOptions { target_directory, format_type, cancel_job: f.req_bool("cancel-job"), trigger_id })
}

fn stop_req(f: &Fixture) -> Request<TriggerResponse> {
    let (target_directory, format_type, trigger_id) = (f.req_str("targetDirectory"), format_type(f), f.req_trigger());
    rq::stop_with_savepoint(&f.job(), &StopOptions { target_directory, format_type, drain: f.req_bool("drain"), trigger_id })
}

fn savepoint_status_req(f: &Fixture) -> Request<AsyncOperationStatus<SavepointOperation>> {
    rq::get_triggered_savepoint_status(&f.job(), &f.trigger())
}
fn disposal_req(f: &Fixture) -> Request<TriggerResponse> {
    rq::dispose_savepoint(&f.req_str("savepoint-path").unwrap())
}
fn disposal_status_req(f: &Fixture) -> Request<AsyncOperationStatus<DisposalOperation>> {
    rq::get_savepoint_disposal_status(&f.trigger())
}

fn savepoint_failed_job_gone(f: &Fixture, s: AsyncOperationStatus<SavepointOperation>) {
    assert!(s.is_completed());
    let op = s.operation.unwrap();
    assert_eq!(op.location, None);
    let cause = op.failure_cause.expect("savepoint failures are spelled `failure-cause`");
    assert_eq!(cause.class, "java.util.concurrent.CompletionException");
    assert!(cause.stack_trace.contains("FlinkJobNotFoundException"), "{}", f.name);
    assert!(f.body["operation"].get("failure-cause").is_some());
    assert!(f.body["operation"].get("failureCause").is_none());
}

fn savepoint_in_progress(_: &Fixture, s: AsyncOperationStatus<SavepointOperation>) {
    assert!(!s.is_completed());
    assert_eq!(s.status.id, QueueStatusId::InProgress);
    assert_eq!(s.operation, None);
}

fn savepoint_location(s: &AsyncOperationStatus<SavepointOperation>, expected: &str) {
    assert!(s.is_completed());
    let op = s.operation.as_ref().unwrap();
    assert_eq!(op.location.as_deref(), Some(expected));
    assert_eq!(op.failure_cause, None);
}

fixtures! {
    err_savepoint_bad_body:
        Error("Request did not match expected format SavepointTriggerRequestBody.", false),
        Refused("`cancel-job` is a bool in SavepointOptions", |f| {
            assert!(f.request_body["cancel-job"].is_string());
            let r = rq::trigger_savepoint(&f.job(), &SavepointOptions::default());
            assert!(r.json_body().unwrap()["cancel-job"].is_boolean());
        });
    err_savepoint_disposal_missing_path:
        Error("Field savepoint-path must not be omitted or be null.", false),
        Refused("the client refuses an empty savepoint path before sending", |f| {
            assert_eq!(f.request_body, json!({}));
            let e = poll_once(FlinkClient::new(BASE).dispose_savepoint("  ")).unwrap_err();
            assert_eq!(e.kind(), "invalid_input");
            assert!(rq::dispose_savepoint("p").json_body().unwrap().get("savepoint-path").is_some());
        });
    err_savepoint_not_json:
        Error("Request did not match expected format SavepointTriggerRequestBody.", false),
        Refused("our bodies are always JSON objects", |f| {
            assert!(f.request_body.is_string());
            let r = rq::trigger_savepoint(&f.job(), &SavepointOptions::default());
            assert!(r.json_body().unwrap().is_object());
        });
    err_savepoint_on_finished_job: Model(trigger_answer), WithBody(savepoint_req, NoTriggerId);
    err_savepoint_on_finished_job_status: Model(savepoint_failed_job_gone), NoBody(savepoint_status_req);
    err_savepoint_on_finished_job_status_2: Model(savepoint_failed_job_gone), NoBody(savepoint_status_req);
    err_stop_on_finished_job: Model(trigger_answer), WithBody(stop_req, NoTriggerId);
    err_stop_on_finished_job_status: Model(savepoint_failed_job_gone), NoBody(savepoint_status_req);
    err_unknown_job_savepoint_status: Model(savepoint_failed_job_gone), NoBody(savepoint_status_req);
    err_unknown_job_savepoint_trigger: Model(trigger_answer), WithBody(savepoint_req, NoTriggerId);
    savepoint_disposal_status_completed:
        Model(|_, s| {
            assert!(s.is_completed());
            assert_eq!(s.operation.unwrap().failure_cause, None, "success is `operation: {{}}`");
        }),
        NoBody(disposal_status_req);
    savepoint_disposal_status_nonexistent:
        Model(|_, s| {
            assert!(s.is_completed());
            let cause = s.operation.unwrap().failure_cause.expect("disposal failures are spelled `failure-cause`");
            assert_eq!(cause.class, "org.apache.flink.util.FlinkException");
            assert!(cause.stack_trace.contains("Cannot find checkpoint or savepoint file/directory"));
        }),
        NoBody(disposal_status_req);
    savepoint_disposal_status_poll0:
        Model(|_, s| {
            assert!(!s.is_completed());
            assert_eq!(s.operation, None);
        }),
        NoBody(disposal_status_req);
    savepoint_disposal_status_unknown_trigger:
        Error("Operation not found under key: org.apache.flink.runtime.rest.handler.async.OperationKey@1f", true),
        NoBody(disposal_status_req);
    savepoint_disposal_trigger: Model(trigger_answer), WithBody(disposal_req, Exact);
    savepoint_disposal_trigger_nonexistent: Model(trigger_answer), WithBody(disposal_req, Exact);
    savepoint_status_completed:
        Model(|_, s| savepoint_location(&s, "file:/var/lib/flink/savepoints/savepoint-970762-6d3131af20bb")),
        NoBody(savepoint_status_req);
    savepoint_status_completed_2:
        Model(|_, s| savepoint_location(&s, "file:/var/lib/flink/savepoints/savepoint-970762-f0a03e1348c8")),
        NoBody(savepoint_status_req);
    savepoint_status_in_progress: Model(savepoint_in_progress), NoBody(savepoint_status_req);
    savepoint_status_unknown_trigger:
        Error("There is no savepoint operation with triggerId=ffffffffffffffffffffffffffffffff for job 970762374db1c09c2881a915a396ab1e.", true),
        NoBody(savepoint_status_req);
    savepoint_trigger_default_dir: Model(trigger_answer), WithBody(savepoint_req, NoTriggerId);
    savepoint_trigger_no_triggerid: Model(trigger_answer), WithBody(savepoint_req, NoTriggerId);
    savepoint_trigger_with_triggerid: Model(trigger_answer), WithBody(savepoint_req, Exact);
    savepoint_trigger_with_triggerid_dup: Model(trigger_answer), WithBody(savepoint_req, Exact);
    // Same trigger id, other directory and format: Flink answers with the first operation.
    savepoint_trigger_with_triggerid_dup_after_complete_diffbody: Model(trigger_answer), WithBody(savepoint_req, Exact);
    stop_with_savepoint_status_completed:
        Model(|_, s| savepoint_location(&s, "file:/var/lib/flink/savepoints/savepoint-8c46f6-0aa04003c87a")),
        NoBody(savepoint_status_req);
    stop_with_savepoint_status_poll0: Model(savepoint_in_progress), NoBody(savepoint_status_req);
    stop_with_savepoint_trigger: Model(trigger_answer), WithBody(stop_req, Exact);
    stop_with_savepoint_trigger_dup: Model(trigger_answer), WithBody(stop_req, Exact);
}

/// What `wait_for_savepoint` & co. turn a completed-with-failure status into.
fn failed(operation: &str, cause: SerializedThrowable) -> ClientError {
    ClientError::OperationFailed { operation: operation.into(), class: cause.class, stack_trace: cause.stack_trace }
}

#[test]
fn operation_failures_become_operation_failed_errors() {
    for file in [
        "err_savepoint_on_finished_job_status.json",
        "err_stop_on_finished_job_status.json",
        "err_unknown_job_savepoint_status.json",
    ] {
        let f = Fixture::load(file);
        let s = f.answer(&savepoint_status_req(&f));
        let e = failed("savepoint", s.operation.unwrap().failure_cause.unwrap());
        assert_eq!(e.kind(), "operation_failed");
        assert!(e.is_not_found(), "{file}: the job is gone");
        let msg = e.flink_message().unwrap();
        assert!(msg.starts_with("Could not find Flink job ("), "{file}: {msg}");
        assert_eq!(e.to_string(), format!("The savepoint failed: {msg}"));
    }

    let f = Fixture::load("err_checkpoint_on_finished_job_status.json");
    let s = f.answer(&rq::get_triggered_checkpoint_status(&f.job(), &f.trigger()));
    let e = failed("checkpoint", s.operation.unwrap().failure_cause.unwrap());
    assert!(e.is_not_found());
    assert_eq!(e.flink_message().as_deref(), Some("Could not find Flink job (8c46f63831d67d80b78de4ee3cfaf904)"));

    let f = Fixture::load("savepoint_disposal_status_nonexistent.json");
    let s = f.answer(&disposal_status_req(&f));
    let e = failed("savepoint disposal", s.operation.unwrap().failure_cause.unwrap());
    assert_eq!(e.flink_message().as_deref(), Some("Could not dispose savepoint file:/var/lib/flink/savepoints/does-not-exist."));
    assert!(!e.is_not_found(), "a failed disposal is not a missing job/trigger");
    assert_eq!(e.to_string(), "The savepoint disposal failed: Could not dispose savepoint file:/var/lib/flink/savepoints/does-not-exist.");
}

#[test]
fn failure_cause_spelling_differs_per_operation() {
    // Reading a checkpoint status as a savepoint (or the reverse) would lose the failure: what
    // tying each status request to its own operation type prevents.
    let cp = Fixture::load("err_checkpoint_on_finished_job_status.json");
    let as_savepoint: AsyncOperationStatus<SavepointOperation> = cp.decode();
    assert_eq!(as_savepoint.operation.unwrap().failure_cause, None);
    let sp = Fixture::load("err_savepoint_on_finished_job_status.json");
    let as_checkpoint: AsyncOperationStatus<CheckpointOperation> = sp.decode();
    assert_eq!(as_checkpoint.operation.unwrap().failure_cause, None);
    let as_disposal: AsyncOperationStatus<DisposalOperation> = sp.decode();
    assert!(as_disposal.operation.unwrap().failure_cause.is_some(), "disposal uses the savepoint spelling");
}
