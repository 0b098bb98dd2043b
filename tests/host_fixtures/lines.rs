//! Every supported Flink line's answers in `tests/fixtures/<version>/` (recorded by
//! `scripts/record-fixtures.mjs`: the same requests against each line, one demo job), each read
//! through the answer type of our request for it, as `FlinkClient::send` reads it, and checked
//! for a few values that must come out. One test per line; it runs every file and lists all that
//! fail. A failure marked `DECODE FAILURE` is a model that cannot read that line's answer.
use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};

use serde_json::Value;

use flink_console::client::request::{self as rq, AggregateScope, Answer, MetricScope, Request, SavepointOptions};
use flink_console::client::*;

use crate::common::{BASE, Fixture, fixtures_dir};
use crate::harness::{self, BodyCheck, Expect};

/// One test per line; `LINES` for the guard.
macro_rules! lines {
    ($($test:ident = $version:literal;)*) => {
        const LINES: &[&str] = &[$($version),*];
        $(#[test] fn $test() { check_line($version); })*
    };
}

lines! {
    flink_1_18_1 = "1.18.1";
    flink_1_19_3 = "1.19.3";
    flink_1_20_5 = "1.20.5";
    flink_2_0_2 = "2.0.2";
    flink_2_1_3 = "2.1.3";
    flink_2_2_1 = "2.2.1";
    flink_2_3_0 = "2.3.0";
}

/// The file of one line, loaded like `Fixture::load`; its name is `<version>/<file>`.
fn load(version: &str, file: &str) -> Fixture {
    let text = std::fs::read_to_string(fixtures_dir().join(version).join(file)).unwrap_or_else(|e| panic!("{version}/{file}: {e}"));
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{version}/{file}: not JSON: {e}"));
    Fixture {
        name: format!("{version}/{file}"),
        method: v["request"]["method"].as_str().unwrap().to_string(),
        path: v["request"]["path"].as_str().unwrap().to_string(),
        request_body: v["request"]["body"].clone(),
        status: u16::try_from(v["status"].as_u64().unwrap()).unwrap(),
        body: v["body"].clone(),
    }
}

/// The line a fixture belongs to.
fn version(f: &Fixture) -> &str {
    f.name.split('/').next().unwrap()
}

/// Another file of the same line.
fn sibling(f: &Fixture, name: &str) -> Fixture {
    load(version(f), &format!("{name}.json"))
}

/// `major.minor` of the fixture's line, to compare with.
fn line(f: &Fixture) -> (u32, u32) {
    let mut parts = version(f).split('.').map(|p| p.parse::<u32>().unwrap());
    (parts.next().unwrap(), parts.next().unwrap())
}

/// A 2xx answer read as the request's own type, then checked; the request is the one recorded.
fn model<T: Answer>(f: &Fixture, r: Request<T>, body: BodyCheck, check: fn(&Fixture, T)) {
    harness::check_request(f, &r, &body);
    // Said apart from a failed check: the model cannot read this line's answer.
    if let Err(e) = T::from_body(&r.url(BASE), &f.text()) {
        panic!("DECODE FAILURE (model): {e}");
    }
    harness::check_answer(f, Some(&r), Expect::Model(check));
}
fn get<T: Answer>(f: &Fixture, r: Request<T>, check: fn(&Fixture, T)) {
    model(f, r, BodyCheck::None, check);
}

/// An error answer: a short `Http` error that says `says` and is or is not a "not found".
fn error<T>(f: &Fixture, r: Option<Request<T>>, not_found: bool, says: &str) {
    if let Some(r) = r {
        harness::check_request(f, &r, &BodyCheck::None);
    }
    assert!(f.status >= 400, "an error fixture with status {}", f.status);
    let e = http_error(&f.url(), f.status, &f.text());
    assert_eq!((e.kind(), e.status()), ("http", Some(f.status)));
    let msg = e.flink_message().unwrap();
    assert!(msg.contains(says), "the message is {msg:?}, not about {says:?}");
    assert!(!msg.contains('\n') && !msg.starts_with("org.apache") && msg.len() < 200, "{msg}");
    assert_eq!(e.is_not_found(), not_found, "is_not_found of {msg:?}");
}

fn job(f: &Fixture) -> JobId {
    f.job()
}
fn unknown_job(f: &Fixture) -> JobId {
    let id = f.job();
    assert_eq!(id.as_str(), "00000000000000000000000000000000");
    id
}

/// The demo job of `scripts/flink`: a source, then the keyed counter chained with the sink.
fn demo_vertices(names: &[&str]) {
    assert_eq!(names, ["Source: Events", "Count per key -> Discard: Writer"]);
}

/// Reads one file and checks it.
type Check = fn(&Fixture);

/// Every file each line has, and what it is.
const FILES: &[(&str, Check)] = &[
    ("config", |f| {
        get(f, rq::dashboard_config(), |f, c| {
            assert_eq!(c.flink_version, version(f));
            assert!(!c.flink_revision.is_empty());
            assert_eq!(c.timezone_offset, 0);
            assert!(c.features.web_submit && c.features.web_cancel);
        })
    }),
    ("overview", |f| {
        get(f, rq::request_cluster_overview(), |f, o| {
            assert_eq!(o.flink_version, version(f));
            assert_eq!((o.taskmanagers, o.jobs_running, o.jobs_failed), (1, 2, 0));
            assert!(o.slots_total >= 2 && o.slots_available < o.slots_total);
        })
    }),
    ("jobs", |f| {
        get(f, rq::request_job_ids(), |_, j| {
            assert_eq!(j.jobs.len(), 2);
            assert!(j.jobs.iter().all(|j| j.status == JobStatus::Running));
        })
    }),
    ("jobs_overview", |f| {
        get(f, rq::request_multiple_job_details(), |_, m| {
            let mut names: Vec<&str> = m.jobs.iter().map(|j| j.name.as_str()).collect();
            names.sort();
            assert_eq!(names, ["Demo: <b>orders</b> & refunds", "Demo: click counts"]);
            for j in &m.jobs {
                assert_eq!(j.state, JobStatus::Running);
                assert!(j.start_time.get().is_some() && j.end_time.get().is_none());
                assert_eq!(j.tasks.get("total").unwrap(), 2);
            }
        })
    }),
    ("job_detail", |f| {
        get(f, rq::request_job(&job(f)), |f, d| {
            assert_eq!(d.jid, f.job());
            assert_eq!((d.name.as_str(), &d.state), ("Demo: click counts", &JobStatus::Running));
            assert!(d.vertices.len() >= 2);
            demo_vertices(&d.vertices.iter().map(|v| v.name.as_str()).collect::<Vec<_>>());
            assert!(d.vertices.iter().all(|v| v.status == ExecutionState::Running && v.parallelism == 1));
            assert_eq!(d.vertices[1].max_parallelism, 8);
            assert!(d.start_time.get().is_some() && d.end_time.get().is_none());
            assert!(d.timestamps["RUNNING"] > 0);
        })
    }),
    ("job_status", |f| get(f, rq::request_job_status(&job(f)), |_, s| assert_eq!(s.status, JobStatus::Running))),
    ("job_config", |f| {
        get(f, rq::request_job_config(&job(f)), |f, c| {
            assert_eq!(c.jid, f.job());
            assert_eq!(c.name, "Demo: click counts");
            assert!(c.execution_config.is_some());
        })
    }),
    ("job_plan", |f| {
        get(f, rq::request_job_plan(&job(f)), |_, p| {
            assert_eq!(p.plan.name, "Demo: click counts");
            assert_eq!(p.plan.nodes.len(), 2);
            assert!(p.plan.nodes[0].inputs.is_empty());
            let input = &p.plan.nodes[1].inputs[0];
            assert_eq!(input.id, p.plan.nodes[0].id);
            assert_eq!(input.ship_strategy.as_deref(), Some("HASH"));
        })
    }),
    ("job_exceptions", |f| {
        get(f, rq::request_job_exceptions(&job(f), None), |_, x| assert!(x.exception_history.entries.is_empty()))
    }),
    ("execution_result_running", |f| {
        get(f, rq::request_job_result(&job(f)), |_, r| {
            assert_eq!(r.status.id, QueueStatusId::InProgress);
            assert_eq!(r.result, None);
        })
    }),
    ("vertex_detail", |f| {
        get(f, rq::request_vertex_details(&job(f), &f.vertex()), |f, v| {
            assert_eq!(v.id, f.vertex());
            assert_eq!((v.name.as_str(), v.parallelism, v.max_parallelism), ("Count per key -> Discard: Writer", 1, 8));
            let s = &v.subtasks[0];
            assert_eq!(s.status, ExecutionState::Running);
            assert!(s.start_time.get().is_some() && s.end_time.get().is_none());
            let tm = sibling(f, "taskmanagers").body["taskmanagers"][0]["id"].as_str().unwrap().to_string();
            assert_eq!(s.taskmanager_id.as_deref(), Some(tm.as_str()));
            // `endpoint` (host:port) from 1.19; 1.18 sends only `host`, which the model does not read.
            assert_eq!(s.endpoint.as_deref(), f.body["subtasks"][0]["endpoint"].as_str());
        })
    }),
    ("vertex_subtasktimes", |f| {
        get(f, rq::request_vertex_subtask_times(&job(f), &f.vertex()), |f, t| {
            assert_eq!(t.id, f.vertex());
            assert_eq!(t.subtasks.len(), 1);
            assert!(t.subtasks[0].timestamps["RUNNING"] > 0);
        })
    }),
    ("savepoint_trigger", |f| {
        let options = SavepointOptions { trigger_id: f.req_trigger(), ..Default::default() };
        assert!(options.trigger_id.is_some(), "the recorder names the trigger id");
        model(f, rq::trigger_savepoint(&job(f), &options), BodyCheck::Exact, harness::trigger_answer);
    }),
    ("savepoint_status_completed", |f| {
        assert_eq!(f.trigger().as_str(), sibling(f, "savepoint_trigger").req_str("triggerId").unwrap());
        get(f, rq::get_triggered_savepoint_status(&job(f), &f.trigger()), |_, s| {
            assert!(s.is_completed());
            let op = s.operation.unwrap();
            assert_eq!(op.failure_cause, None);
            assert!(op.location.unwrap().starts_with("file:"));
        })
    }),
    ("job_checkpoints", |f| {
        get(f, rq::request_checkpoint_stats(&job(f)), |f, s| {
            assert!(s.counts.completed >= 1, "{:?}", s.counts);
            assert!(!s.history.is_empty());
            let completed = s.latest.completed.as_ref().unwrap();
            assert_eq!(completed.status, CheckpointStatus::Completed);
            let location = sibling(f, "savepoint_status_completed").body["operation"]["location"].as_str().unwrap().to_string();
            let savepoint = s.latest.savepoint.as_ref().expect("latest.savepoint: the recorded savepoint");
            assert!(savepoint.is_savepoint);
            assert_eq!(savepoint.savepoint_format, Some(SavepointFormat::Canonical));
            assert_eq!(savepoint.external_path.as_deref(), Some(location.as_str()));
            assert!(s.history.iter().any(|c| c.id == savepoint.id && c.is_savepoint), "the savepoint is in the history");
            let e2e = s.summary.end_to_end_duration.unwrap();
            assert!(e2e.min <= e2e.avg && e2e.avg <= e2e.max);
        })
    }),
    ("job_checkpoints_config", |f| {
        get(f, rq::request_checkpoint_config(&job(f)), |_, c| {
            assert_eq!(c.mode, "exactly_once");
            assert_eq!(c.interval, 2000, "the demo job's checkpoint interval");
            assert!(c.timeout > 0);
        })
    }),
    ("job_checkpoint_details", |f| {
        get(f, rq::request_checkpoint_details(&job(f), f.checkpoint()), |f, c| {
            assert_eq!(c.id, f.checkpoint());
            assert_eq!(c.status, CheckpointStatus::Completed);
            assert_eq!(c.tasks.len(), 2, "per-vertex statistics of both vertices");
            assert!(c.external_path.is_some());
            assert_eq!(c.num_acknowledged_subtasks, c.num_subtasks);
        })
    }),
    ("job_resource_requirements", |f| {
        get(f, rq::request_job_resource_requirements(&job(f)), |f, r| {
            let detail = sibling(f, "job_detail");
            let job = detail.answer(&rq::request_job(&detail.job()));
            assert_eq!(r.len(), 2);
            rescale::validate(&r, &job).unwrap();
        })
    }),
    ("resource_requirements_put", |f| {
        let requirements: JobResourceRequirements = serde_json::from_value(f.request_body.clone()).unwrap();
        assert_eq!(f.request_body, sibling(f, "job_resource_requirements").body, "the GET's own map, put back");
        assert_eq!(f.status, 200);
        let r = rq::update_job_resource_requirements(&job(f), &requirements);
        harness::check_request(f, &r, &BodyCheck::Exact);
        harness::check_answer(f, Some(&r), Expect::Empty);
    }),
    ("taskmanagers", |f| {
        get(f, rq::request_task_manager_metric_query_service_addresses(), |_, t| {
            assert_eq!(t.taskmanagers.len(), 1);
            let tm = &t.taskmanagers[0];
            assert!(tm.slots_number >= 2 && tm.free_slots < tm.slots_number);
            assert!(tm.hardware.as_ref().unwrap().cpu_cores >= 1);
        })
    }),
    ("taskmanager_detail", |f| {
        get(f, rq::request_task_manager_details(&f.task_manager()), |f, t| {
            assert_eq!(t.id, f.task_manager().as_str());
            assert!(t.data_port > 0);
            assert!(t.memory_configuration["totalProcessMemory"] > 0.0);
            let m = t.metrics.as_ref().unwrap();
            assert!(m.heap_max > 0 && m.heap_used > 0 && m.netty_shuffle_memory_segments_total > 0);
            assert!(m.garbage_collectors.iter().any(|g| g.name.contains("G1")), "{:?}", m.garbage_collectors);
        })
    }),
    ("jobmanager_config", |f| {
        get(f, rq::jobmanager_config(), |_, c| {
            assert!(c.iter().any(|e| e.key == "jobmanager.scheduler" && e.value == "adaptive"));
            assert!(c.iter().any(|e| e.key == "web.cancel.enable" && e.value == "true"));
        })
    }),
    ("jobmanager_logs", |f| {
        get(f, rq::jobmanager_logs(), |_, l| assert!(l.logs.iter().any(|l| l.name == "jobmanager.log" && l.size > 0)))
    }),
    ("jobmanager_environment", |f| {
        get(f, rq::jobmanager_environment(), |_, e| assert!(e.jvm.version.contains("17.") && !e.classpath.is_empty()))
    }),
    ("vertex_subtasks_metrics_max", |f| {
        get(f, subtasks_metrics(f, "max"), |_, m| {
            assert_eq!(m.len(), 1);
            assert_eq!(m[0].id, "busyTimeMsPerSecond");
            assert!(m[0].max.is_some());
            assert_eq!((m[0].min, m[0].avg, m[0].sum, m[0].skew), (None, None, None, None));
        })
    }),
    ("vertex_subtasks_metrics_skew", |f| {
        // FLIP-418: `agg=skew` from 1.20; before, Flink refuses the parameter.
        if line(f) >= (1, 20) {
            get(f, subtasks_metrics(f, "skew"), |_, m| {
                assert_eq!(m[0].id, "busyTimeMsPerSecond");
                assert!(m[0].skew.is_some());
                assert_eq!(m[0].max, None);
            })
        } else {
            error(f, Some(subtasks_metrics(f, "skew")), false, "Cannot resolve query parameter (agg) from value \"skew\"");
        }
    }),
    ("jobmanager_metrics_get", |f| {
        let r = rq::request_metric_query_service_addresses(&MetricScope::JobManager, &f.query_list("get"));
        get(f, r, |_, m| {
            assert_eq!(m.len(), 1);
            assert_eq!((m[0].id.as_str(), m[0].value.as_deref()), ("numRunningJobs", Some("2")));
        })
    }),
    ("err_unknown_job", |f| {
        error(f, Some(rq::request_job(&unknown_job(f))), true, "Job 00000000000000000000000000000000 not found");
    }),
    ("err_malformed_job_id", |f| {
        assert_eq!(JobId::parse(f.after("jobs")).unwrap_err().kind(), "invalid_input", "refused before any request");
        error::<()>(f, None, false, "Cannot resolve path parameter (jobid) from value \"not-a-job-id\"");
    }),
    ("err_unknown_job_status", |f| {
        error(f, Some(rq::request_job_status(&unknown_job(f))), true, "Could not find Flink job (00000000000000000000000000000000)");
    }),
    ("err_unknown_taskmanager", |f| {
        error(f, Some(rq::request_task_manager_details(&f.task_manager())), true, "No TaskExecutor registered under unknown-tm");
    }),
    ("err_unknown_route", |f| error::<()>(f, None, true, "Unable to load requested file /no/such/route.")),
];

fn subtasks_metrics(f: &Fixture, agg: &str) -> Request<Vec<AggregatedMetric>> {
    assert_eq!(f.query_list("agg"), [agg]);
    rq::request_aggregated_metrics(&AggregateScope::Subtasks(f.job(), f.vertex()), &f.query_list("get"), &[agg])
}

/// Runs every file of the line and fails with the list of those that fail.
fn check_line(version: &str) {
    let mut failures = Vec::new();
    for (name, check) in FILES {
        let f = load(version, &format!("{name}.json"));
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| check(&f))) {
            let message = panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
            failures.push(format!("{}: {}", f.name, message.unwrap_or_default()));
        }
    }
    assert!(failures.is_empty(), "Flink {version}: {} of {} files fail:\n{}", failures.len(), FILES.len(), failures.join("\n"));
}

/// The supported lines, as `scripts/lib/versions.sh` names them.
fn flink_lines() -> Vec<String> {
    let path = fixtures_dir().join("../../scripts/lib/versions.sh");
    let text = std::fs::read_to_string(path).unwrap();
    let line = text.lines().find_map(|l| l.strip_prefix("FLINK_LINES=\"")).unwrap();
    line.split('"').next().unwrap().split_whitespace().map(str::to_string).collect()
}

#[test]
fn every_line_has_a_folder_with_every_file_and_a_test() {
    assert_eq!(LINES, flink_lines(), "one test per line of FLINK_LINES");
    let folders: BTreeSet<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|n| n.starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(folders, LINES.iter().map(|l| l.to_string()).collect(), "a folder per line in tests/fixtures/");
    let expected: BTreeSet<String> = FILES.iter().map(|(n, _)| format!("{n}.json")).collect();
    assert_eq!(expected.len(), FILES.len(), "a file listed twice");
    for version in LINES {
        let dir = fixtures_dir().join(version);
        let files: BTreeSet<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        assert!(files.contains("INDEX.md"), "{version}: no INDEX.md");
        let json: BTreeSet<String> = files.into_iter().filter(|n| n.ends_with(".json")).collect();
        let untested: Vec<&String> = json.difference(&expected).collect();
        assert!(untested.is_empty(), "{version}: files without a check in lines.rs: {untested:?}");
        let missing: Vec<&String> = expected.difference(&json).collect();
        assert!(missing.is_empty(), "{version}: not recorded: {missing:?}");
    }
}

/// What the lines' answers differ in, as recorded: `(file, JSON pointer, first line that sends
/// it, last line that sends it)`. Everything else in these files has the same keys in every line.
const DIFFERENCES: &[(&str, &str, &str, &str)] = &[
    ("job_detail", "/job-type", "1.20.5", "2.3.0"),
    ("job_detail", "/vertices/0/slotSharingGroupId", "1.20.5", "2.3.0"),
    ("job_detail", "/pending-operators", "2.0.2", "2.3.0"),
    ("job_detail", "/schedulerType", "2.3.0", "2.3.0"),
    ("job_detail", "/application-id", "2.3.0", "2.3.0"),
    ("jobs_overview", "/jobs/0/pending-operators", "2.0.2", "2.3.0"),
    ("jobs_overview", "/jobs/0/jobType", "2.3.0", "2.3.0"),
    ("jobs_overview", "/jobs/0/schedulerType", "2.3.0", "2.3.0"),
    ("job_config", "/execution-config/execution-mode", "1.18.1", "1.20.5"),
    ("job_exceptions", "/root-exception", "1.18.1", "1.20.5"),
    ("job_exceptions", "/all-exceptions", "1.18.1", "1.20.5"),
    ("vertex_detail", "/subtasks/0/host", "1.18.1", "1.20.5"),
    ("vertex_detail", "/subtasks/0/endpoint", "1.19.3", "2.3.0"),
    ("vertex_subtasktimes", "/subtasks/0/host", "1.18.1", "1.20.5"),
    ("vertex_subtasktimes", "/subtasks/0/endpoint", "1.19.3", "2.3.0"),
    ("taskmanager_detail", "/metrics/memorySegmentsAvailable", "1.18.1", "1.20.5"),
    ("taskmanager_detail", "/assignedTasks", "2.3.0", "2.3.0"),
    ("taskmanagers", "/taskmanagers/0/assignedTasks", "2.3.0", "2.3.0"),
    ("vertex_subtasks_metrics_skew", "/0/skew", "1.20.5", "2.3.0"),
];

#[test]
fn what_differs_between_lines() {
    for (file, pointer, first, last) in DIFFERENCES {
        let range = LINES.iter().position(|l| l == first).unwrap()..=LINES.iter().position(|l| l == last).unwrap();
        for (i, version) in LINES.iter().enumerate() {
            let f = load(version, &format!("{file}.json"));
            assert_eq!(f.body.pointer(pointer).is_some(), range.contains(&i), "{version}/{file}.json: {pointer}");
        }
    }
    // What the models make of them: a field a line lacks is None, never a decode error.
    for version in LINES {
        let f = load(version, "job_detail.json");
        let d = f.answer(&rq::request_job(&f.job()));
        assert_eq!(d.job_type.is_some(), f.body.get("job-type").is_some(), "{version}");
        assert_eq!(d.scheduler_type.is_some(), f.body.get("schedulerType").is_some(), "{version}");
        let f = load(version, "vertex_subtasktimes.json");
        let t = f.answer(&rq::request_vertex_subtask_times(&f.job(), &f.vertex()));
        // `endpoint` from 1.19, `host` before (1.19 and 1.20 send both): where it runs, either way.
        let sent = &f.body["subtasks"][0];
        assert_eq!(t.subtasks[0].location(), sent["endpoint"].as_str().or(sent["host"].as_str()), "{version}");
        assert!(t.subtasks[0].location().is_some(), "{version}");
        let f = load(version, "vertex_detail.json");
        let v = f.answer(&rq::request_vertex_details(&f.job(), &f.vertex()));
        assert!(v.subtasks[0].location().is_some(), "{version}: the subtask's place, from `endpoint` or `host`");
    }
}
