//! Jobs: lists, details, status, results, exceptions, configuration, plan, vertices, cancel.
use flink_console::client::request::{self as rq, Empty, Request};
use flink_console::client::*;

use crate::common::*;

/// A running stateful-counter job: source with parallelism 1, counter with `counter_parallelism`.
fn stateful_counter(d: &JobDetails, jid: &str, counter_parallelism: u32, duration: i64) {
    assert_eq!(d.jid.as_str(), jid);
    assert_eq!(d.name, "stateful-counter");
    assert_eq!(d.state, JobStatus::Running);
    assert!(!d.state.is_terminal());
    assert_eq!(d.job_type.as_deref(), Some("STREAMING"));
    assert_eq!(d.scheduler_type.as_deref(), Some("Adaptive"));
    assert_eq!(d.end_time.get(), None, "end-time -1 is 'not yet'");
    assert_eq!(d.max_parallelism.get(), None, "maxParallelism -1 is 'not set'");
    assert_eq!(d.duration.get(), Some(duration));
    assert!(d.start_time.get().is_some());
    assert_eq!(d.timestamps["FINISHED"], 0);
    assert!(d.timestamps["RUNNING"] > 0);
    let ids: Vec<&str> = d.vertices.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids, [SOURCE, COUNTER]);
    assert_eq!(d.vertices[0].name, "Source: Datagen Source");
    assert_eq!(d.vertices[0].parallelism, 1);
    assert_eq!(d.vertices[1].name, "Stateful Counter -> Discard Sink: Writer");
    assert_eq!(d.vertices[1].parallelism, counter_parallelism);
    for v in &d.vertices {
        assert_eq!(v.max_parallelism, 128);
        assert_eq!(v.status, ExecutionState::Running);
        assert_eq!(v.end_time.get(), None);
        assert_eq!(v.tasks.get("RUNNING").unwrap(), v.parallelism);
    }
}

fn status_is(s: &JobStatusInfo, expected: JobStatus) {
    assert_eq!(s.status, expected);
}

fn execution_result(r: &JobExecutionResult, jid: &str, name: &str, final_status: &str, net_runtime: i64) {
    assert!(r.status.id == QueueStatusId::Completed);
    let result = r.result.as_ref().unwrap();
    assert_eq!(result.id.as_str(), jid);
    assert_eq!(result.name.as_deref(), Some(name));
    assert_eq!(result.application_status.as_deref(), Some(final_status));
    assert_eq!(result.net_runtime, net_runtime);
    assert!(result.end_time.get().unwrap() > result.start_time.get().unwrap());
    assert_eq!(result.failure_cause, None);
}

/// The counting vertex, each subtask on the one task manager.
fn vertex_details(v: &VertexDetails, parallelism: u32, state: ExecutionState) {
    assert_eq!(v.id.as_str(), COUNTER);
    assert_eq!(v.name, "Stateful Counter -> Discard Sink: Writer");
    assert_eq!(v.parallelism, parallelism);
    assert_eq!(v.max_parallelism, 128);
    assert_eq!(v.subtasks.len() as u32, parallelism);
    for (i, s) in v.subtasks.iter().enumerate() {
        assert_eq!(s.subtask as usize, i);
        assert_eq!(s.status, state);
        assert_eq!(s.endpoint.as_deref(), Some("localhost:43161"));
        assert_eq!(s.taskmanager_id.as_deref(), Some(TM));
        assert!(s.start_time.get().is_some());
        assert!(s.duration.get().unwrap() > 0);
    }
}

fn empty_exceptions(x: &JobExceptions) {
    assert!(x.exception_history.entries.is_empty());
    assert!(!x.exception_history.truncated);
}

fn job_ids(j: &JobIdsWithStatus) -> Vec<(&str, &JobStatus)> {
    j.jobs.iter().map(|j| (j.id.as_str(), &j.status)).collect()
}

fn job_req(f: &Fixture) -> Request<JobDetails> {
    rq::request_job(&f.job())
}
fn job_status_req(f: &Fixture) -> Request<JobStatusInfo> {
    rq::request_job_status(&f.job())
}
fn result_req(f: &Fixture) -> Request<JobExecutionResult> {
    rq::request_job_result(&f.job())
}
fn vertex_req(f: &Fixture) -> Request<VertexDetails> {
    rq::request_vertex_details(&f.job(), &f.vertex())
}
fn cancel_req(f: &Fixture) -> Request<Empty> {
    rq::cancel_job(&f.job())
}
fn subtask_times_req(f: &Fixture) -> Request<SubtaskTimes> {
    rq::request_vertex_subtask_times(&f.job(), &f.vertex())
}
fn exceptions_req(f: &Fixture) -> Request<JobExceptions> {
    rq::request_job_exceptions(&f.job(), None)
}

/// Job ids are validated before any request is built.
fn malformed_job_id(f: &Fixture) {
    assert_eq!(JobId::parse(f.after("jobs")).unwrap_err().kind(), "invalid_input");
}

fixtures! {
    completed_job_vertex:
        Model(|_, v| {
            vertex_details(&v, 3, ExecutionState::Finished);
            assert!(v.subtasks.iter().all(|s| s.end_time.get().is_some()));
            assert_eq!(v.subtasks[0].attempt, 4);
        }),
        NoBody(vertex_req);
    err_bad_patch_mode:
        Error("Bad request, could not parse parameters: Cannot resolve query parameter (mode) from value \"explode\".", false),
        Refused("the only PATCH mode we send is `cancel`", |f| {
            let r = rq::cancel_job(&f.job());
            assert!(r.path_and_query().ends_with("?mode=cancel"));
            assert_ne!(r.path_and_query(), f.path);
        });
    err_cancel_finished_job:
        Error("Job cancellation failed because the job has already reached another terminal state (FINISHED).", false),
        NoBody(cancel_req);
    err_malformed_job_id:
        Error("Bad request, could not parse parameters: Cannot resolve path parameter (jobid) from value \"not-a-job-id\".", false),
        Refused("job ids are validated before any request is built", malformed_job_id);
    err_malformed_job_id_status:
        Error("Bad request, could not parse parameters: Cannot resolve path parameter (jobid) from value \"not-a-job-id\".", false),
        Refused("job ids are validated before any request is built", malformed_job_id);
    err_unknown_job: Error("Job 00000000000000000000000000000000 not found", true), NoBody(job_req);
    err_unknown_job_cancel: Error("Job could not be found.", true), NoBody(cancel_req);
    err_unknown_job_status: Error("Could not find Flink job (00000000000000000000000000000000)", true), NoBody(job_status_req);
    err_unknown_vertex: Error("JobVertex 00000000000000000000000000000000 not found", true), NoBody(vertex_req);
    execution_result_after_stop:
        Model(|_, r| execution_result(&r, JOB1B, "stateful-counter", "SUCCEEDED", 566897)),
        NoBody(result_req);
    execution_result_canceled_job0:
        Model(|_, r| execution_result(&r, JOB1, "stateful-counter", "CANCELED", 105652)),
        NoBody(result_req);
    execution_result_running:
        Model(|_, r| {
            assert_eq!(r.status.id, QueueStatusId::InProgress);
            assert_eq!(r.result, None);
        }),
        NoBody(result_req);
    finished_job_exceptions: Model(|_, x| empty_exceptions(&x)), NoBody(exceptions_req);
    job1_detail_initial: Model(|_, d| stateful_counter(&d, JOB1, 1, 13173)), NoBody(job_req);
    job1_status_after_patch_no_mode: Model(|_, s| status_is(&s, JobStatus::Canceled)), NoBody(job_status_req);
    job1_subtasktimes_193d851ed39da35c23cfb60b0bc854bf:
        Model(|_, t| {
            assert_eq!(t.id.as_str(), SOURCE);
            assert_eq!(t.name, "Source: Datagen Source");
            assert_eq!(t.subtasks.len(), 1);
            assert_eq!(t.subtasks[0].duration, 17647);
            assert_eq!(t.subtasks[0].timestamps["RUNNING"], 1795619439453);
            assert_eq!(t.subtasks[0].timestamps["FINISHED"], 0);
        }),
        NoBody(subtask_times_req);
    job1_subtasktimes_a54a21bf9142a9afd43421e4154b1409:
        Model(|_, t| {
            assert_eq!(t.id.as_str(), COUNTER);
            assert_eq!(t.subtasks[0].subtask, 0);
            assert_eq!(t.subtasks[0].duration, 17980);
        }),
        NoBody(subtask_times_req);
    job1b_detail_after_rescale: Model(|_, d| stateful_counter(&d, JOB1B, 2, 93136)), NoBody(job_req);
    job1b_status_after_errs: Model(|_, s| status_is(&s, JobStatus::Running)), NoBody(job_status_req);
    job2_detail:
        Model(|_, d| {
            assert_eq!(d.jid.as_str(), JOB2);
            assert_eq!(d.name, "filter-sum");
            assert_eq!(d.state, JobStatus::Running);
            let names: Vec<&str> = d.vertices.iter().map(|v| v.name.as_str()).collect();
            assert_eq!(names, ["Source: Numbers Source -> Even Filter", "Running Sum -> Sum Sink: Writer"]);
        }),
        NoBody(job_req);
    job2_execution_result_after_cancel:
        Model(|_, r| execution_result(&r, JOB2, "filter-sum", "CANCELED", 675923)),
        NoBody(result_req);
    job2_status_after_cancel: Model(|_, s| status_is(&s, JobStatus::Canceled)), NoBody(job_status_req);
    job_cancel_patch: Empty, NoBody(cancel_req);
    job_cancel_patch_again: Empty, NoBody(cancel_req);
    job_config:
        Model(|_, c| {
            assert_eq!(c.jid.as_str(), JOB1);
            assert_eq!(c.name, "stateful-counter");
            let x = c.execution_config.unwrap();
            assert_eq!(x.restart_strategy.as_deref(), Some("Cluster level default restart strategy"));
            assert_eq!(x.job_parallelism, Some(1));
            assert!(!x.object_reuse_mode);
            assert!(x.user_config.is_empty());
        }),
        NoBody(|f| rq::request_job_config(&f.job()));
    job_detail:
        Model(|_, d| {
            stateful_counter(&d, JOB1, 1, 35559);
            assert_eq!(d.now, 1795619470809);
            assert!(!d.is_stoppable);
        }),
        NoBody(job_req);
    job_detail_after_rescale: Model(|_, d| stateful_counter(&d, JOB1, 2, 90457)), NoBody(job_req);
    job_detail_after_stop:
        Model(|_, d| {
            assert_eq!(d.jid.as_str(), JOB1B);
            assert_eq!(d.state, JobStatus::Finished);
            assert!(d.state.is_terminal());
            assert_eq!(d.end_time.get(), Some(1795620117182));
            assert_eq!(d.duration.get(), Some(566897));
            assert_eq!(d.timestamps["FINISHED"], 1795620117182);
            assert!(d.vertices.iter().all(|v| v.status == ExecutionState::Finished && v.end_time.get().is_some()));
            assert_eq!(d.vertices[1].parallelism, 3);
            assert_eq!(d.vertices[1].tasks.get("FINISHED").unwrap(), 3);
        }),
        NoBody(job_req);
    job_exceptions: Model(|_, x| empty_exceptions(&x)), NoBody(exceptions_req);
    job_exceptions_failing:
        Model(|_, x: JobExceptions| {
            // The demo job that fails on purpose, asked for 2 entries of a longer history.
            let h = &x.exception_history;
            assert!(h.truncated, "more than 2 failures happened");
            assert_eq!(h.entries.len(), 2);
            let e = &h.entries[0];
            assert_eq!(e.exception_name, "java.lang.IllegalStateException");
            assert!(e.stacktrace.starts_with("java.lang.IllegalStateException: Demo failure"), "{}", e.stacktrace);
            assert!(e.timestamp > h.entries[1].timestamp, "the newest first");
            assert!(e.failure_labels.is_empty() && e.concurrent_exceptions.is_empty());
        }),
        NoBody(|f| rq::request_job_exceptions(&f.job(), Some(2)));
    job_plan:
        Model(|_, p| {
            assert_eq!(p.plan.name, "stateful-counter");
            assert_eq!(p.plan.job_type.as_deref(), Some("STREAMING"));
            let ids: Vec<&str> = p.plan.nodes.iter().map(|n| n.id.as_str()).collect();
            assert_eq!(ids, [SOURCE, COUNTER]);
            assert!(p.plan.nodes[0].inputs.is_empty(), "a source has no `inputs` key");
            let input = &p.plan.nodes[1].inputs[0];
            assert_eq!(input.id.as_str(), SOURCE);
            assert_eq!(input.ship_strategy.as_deref(), Some("HASH"));
            assert_eq!(input.exchange.as_deref(), Some("pipelined_bounded"));
            assert_eq!(p.plan.nodes[1].description, "Stateful Counter<br/>+- Discard Sink: Writer<br/>");
        }),
        NoBody(|f| rq::request_job_plan(&f.job()));
    job_status: Model(|_, s| status_is(&s, JobStatus::Running)), NoBody(job_status_req);
    job_status_after_stop: Model(|_, s| status_is(&s, JobStatus::Finished)), NoBody(job_status_req);
    jobs:
        Model(|_, j| assert_eq!(job_ids(&j), [(JOB2, &JobStatus::Running), (JOB1, &JobStatus::Running)])),
        NoBody(|_| rq::request_job_ids());
    jobs_final:
        Model(|_, j| {
            assert_eq!(job_ids(&j), [(JOB1B, &JobStatus::Finished), (JOB2, &JobStatus::Canceled), (JOB1, &JobStatus::Canceled)]);
        }),
        NoBody(|_| rq::request_job_ids());
    jobs_overview:
        Model(|_, m| {
            assert_eq!(m.jobs.len(), 2);
            let j = &m.jobs[0];
            assert_eq!((j.jid.as_str(), j.name.as_str(), &j.state), (JOB2, "filter-sum", &JobStatus::Running));
            assert_eq!(j.end_time.get(), None);
            assert_eq!(j.start_time.get(), Some(1795619442450));
            assert_eq!(j.last_modification.get(), Some(1795619443013));
            assert_eq!((j.tasks.get("running").unwrap(), j.tasks.get("total").unwrap()), (2, 2));
        }),
        NoBody(|_| rq::request_multiple_job_details());
    jobs_overview_final:
        Model(|_, m| {
            let states: Vec<&JobStatus> = m.jobs.iter().map(|j| &j.state).collect();
            assert_eq!(states, [&JobStatus::Finished, &JobStatus::Canceled, &JobStatus::Canceled]);
            assert!(m.jobs.iter().all(|j| j.end_time.get().is_some() && j.state.is_terminal()));
            assert_eq!(m.jobs[0].tasks.get("finished").unwrap(), 4);
        }),
        NoBody(|_| rq::request_multiple_job_details());
    patch_without_mode_CANCELS_JOB:
        Empty,
        Refused("a PATCH without mode cancels the job (see job1_status_after_patch_no_mode); we always send mode=cancel", |f| {
            let r = rq::cancel_job(&f.job());
            assert_eq!(r.path, f.path);
            assert_eq!(r.path_and_query(), format!("{}?mode=cancel", f.path));
        });
    vertex_accumulators:
        Model(|_, a: VertexAccumulators| {
            assert_eq!(a.id, "5b61d6019ab04da71a4e62533c1a8c40");
            assert_eq!(a.user_accumulators, [UserAccumulator { name: "records counted".into(), kind: "LongCounter".into(), value: "379".into() }]);
        }),
        NoBody(|f| rq::request_vertex_accumulators(&f.job(), &f.vertex()));
    vertex_subtask_accumulators:
        Model(|_, a: SubtasksAccumulators| {
            assert_eq!((a.parallelism, a.subtasks.len()), (1, 1));
            let s = &a.subtasks[0];
            assert_eq!((s.subtask, s.attempt, s.location()), (0, 0, Some("localhost:9084")));
            assert_eq!(s.user_accumulators[0].value, "379", "each subtask's own count");
        }),
        NoBody(|f| rq::request_vertex_subtask_accumulators(&f.job(), &f.vertex()));
    vertex_backpressure:
        Model(|_, b: VertexBackPressure| {
            assert_eq!(b.status, "ok");
            assert_eq!(b.backpressure_level, Some(BackPressureLevel::Ok));
            assert_eq!(b.end_timestamp, Some(1795619485682));
            assert_eq!(b.subtasks.len(), 1);
            let s = &b.subtasks[0];
            assert_eq!((s.subtask, s.backpressure_level.clone()), (0, Some(BackPressureLevel::Ok)));
            assert_eq!((s.ratio, s.busy_ratio, s.idle_ratio), (Some(0.0), Some(0.005), Some(0.995)));
        }),
        NoBody(|f| rq::request_vertex_backpressure(&f.job(), &f.vertex()));
    vertex_detail:
        Model(|_, v| {
            vertex_details(&v, 1, ExecutionState::Running);
            assert_eq!(v.subtasks[0].end_time.get(), None, "end-time -1 while running");
            assert_eq!(v.subtasks[0].duration.get(), Some(41007));
            assert_eq!(v.now, 1795619478484);
            let io = v.subtasks[0].metrics.clone().unwrap();
            assert_eq!((io.read_bytes, io.read_records, io.write_records), (67911, 3221, 0));
            assert_eq!((io.accumulated_idle_time, io.accumulated_busy_time), (30856, Some(585.0)));
        }),
        NoBody(vertex_req);
    vertex_detail_after_rescale:
        Model(|_, v| {
            vertex_details(&v, 2, ExecutionState::Running);
            assert_eq!(v.subtasks[0].attempt, 1, "the rescale restarted subtask 0");
        }),
        NoBody(vertex_req);
    vertex_watermarks:
        Model(|_, m: Vec<Metric>| {
            assert_eq!(subtask_watermarks(&m), vec![SubtaskWatermark { subtask: 0, watermark: None }], "Long.MIN_VALUE is no watermark");
        }),
        NoBody(|f| rq::request_vertex_watermarks(&f.job(), &f.vertex()));
}

