//! Rescaling through resource requirements: Flink's answers to every PUT that was tried, and
//! the client-side checks that refuse the bad ones before sending.
use flink_console::client::request::{self as rq, Empty, Request};
use flink_console::client::*;

use crate::common::*;

fn rr_get_req(f: &Fixture) -> Request<JobResourceRequirements> {
    rq::request_job_resource_requirements(&f.job())
}

/// The PUT of the fixture's body, which must be resource requirements.
fn rr_put_req(f: &Fixture) -> Request<Empty> {
    rq::update_job_resource_requirements(&f.job(), &put_body(f))
}

fn put_body(f: &Fixture) -> JobResourceRequirements {
    serde_json::from_value(f.request_body.clone())
        .unwrap_or_else(|e| panic!("{}: request body is not resource requirements: {e}", f.name))
}

/// For the fixtures that PUT something `JobResourceRequirements` cannot express.
fn rr_body_not_expressible(f: &Fixture) {
    let parsed = serde_json::from_value::<JobResourceRequirements>(f.request_body.clone());
    assert!(parsed.is_err(), "{}: our type can express {}", f.name, f.request_body);
    // The path is still ours.
    assert_eq!(rq::request_job_resource_requirements(&f.job()).path, f.path);
}

fn requirements(r: &JobResourceRequirements, expected: &[(&str, i64, i64)]) {
    let got: Vec<(&str, i64, i64)> =
        r.iter().map(|(v, x)| (v.as_str(), x.parallelism.lower_bound, x.parallelism.upper_bound)).collect();
    assert_eq!(got, expected);
}

const UNMODELED_RESCALES: &str =
    "Flink 2.3's rescale history (adaptive scheduler); the console reads and sets resource requirements instead";
const NO_RESCALES_BUILDER: &str = "rescales/* is not in client::request";

fixtures! {
    err_rr_get_on_canceled_job: Error("Could not find Flink job (970762374db1c09c2881a915a396ab1e)", true), NoBody(rr_get_req);
    err_rr_get_on_finished_job: Error("Could not find Flink job (8c46f63831d67d80b78de4ee3cfaf904)", true), NoBody(rr_get_req);
    err_rr_put_above_maxparallelism:
        Error("The newly requested parallelism 500 for the job vertex a54a21bf9142a9afd43421e4154b1409 exceeds its maximum parallelism 128.", false),
        WithBody(rr_put_req, Exact);
    err_rr_put_empty_object: Error("Request body does not specify resource requirements.", false), WithBody(rr_put_req, Exact);
    err_rr_put_lower_gt_upper:
        Error("The requested lower bound [3] for job vertex [a54a21bf9142a9afd43421e4154b1409] is higher than the upper bound [2].", false),
        WithBody(rr_put_req, Exact);
    err_rr_put_missing_vertex:
        Error("The request is incomplete, missing job vertex [193d851ed39da35c23cfb60b0bc854bf] resource requirements.", false),
        WithBody(rr_put_req, Exact);
    err_rr_put_negative: Empty, WithBody(rr_put_req, Exact);
    err_rr_put_not_json:
        Error("Request did not match expected format JobResourceRequirementsBody.", false),
        Refused("the body is a plain string", rr_body_not_expressible);
    err_rr_put_on_canceled_job: Error("Could not find Flink job (970762374db1c09c2881a915a396ab1e)", true), WithBody(rr_put_req, Exact);
    err_rr_put_on_finished_job: Error("Could not find Flink job (8c46f63831d67d80b78de4ee3cfaf904)", true), WithBody(rr_put_req, Exact);
    err_rr_put_string_bounds:
        Error("Request did not match expected format JobResourceRequirementsBody.", false),
        Refused("bounds are integers in ParallelismBounds", rr_body_not_expressible);
    err_rr_put_unknown_job: Error("Could not find Flink job (00000000000000000000000000000000)", true), WithBody(rr_put_req, Exact);
    err_rr_put_unknown_vertex:
        Error("Job vertex [00000000000000000000000000000000] was not found in the JobGraph.", false),
        WithBody(rr_put_req, Exact);
    err_rr_put_upper_only:
        Error("Request did not match expected format JobResourceRequirementsBody.", false),
        Refused("ParallelismBounds always has both bounds", rr_body_not_expressible);
    err_rr_put_wrong_shape:
        Error("Request did not match expected format JobResourceRequirementsBody.", false),
        Refused("keys are vertex ids", rr_body_not_expressible);
    err_rr_put_zero_bounds:
        Error("Both, the requested lower bound [0] and upper bound [0] for job vertex [a54a21bf9142a9afd43421e4154b1409] must be greater than zero.", false),
        WithBody(rr_put_req, Exact);
    // Flink accepted (200) the PUT with lowerBound -1 (err_rr_put_negative) and keeps it.
    job1b_resource_requirements_after_errs: Model(|_, r| requirements(&r, &[(SOURCE, 1, 1), (COUNTER, -1, 2)])), NoBody(rr_get_req);
    job1b_resource_requirements_after_rescale: Model(|_, r| requirements(&r, &[(SOURCE, 1, 1), (COUNTER, 1, 2)])), NoBody(rr_get_req);
    job2_resource_requirements:
        Model(|_, r| requirements(&r, &[("17a90e8df3a584db11d3a963788d064f", 1, 1), ("5900d2cb0a81c830ac5f9c198a565783", 1, 1)])),
        NoBody(rr_get_req);
    job_rescales_config:
        Unmodeled(UNMODELED_RESCALES, |b| {
            assert_eq!(b["rescaleHistoryMax"], 0);
            assert!(b["schedulerExecutionMode"].is_null());
        }),
        NoBuilder(NO_RESCALES_BUILDER);
    job_rescales_history: Unmodeled(UNMODELED_RESCALES, |b| assert_eq!(b, &serde_json::json!([]))), NoBuilder(NO_RESCALES_BUILDER);
    job_rescales_overview:
        Unmodeled(UNMODELED_RESCALES, |b| assert_eq!(b["rescalesCounts"]["completed"], 0)),
        NoBuilder(NO_RESCALES_BUILDER);
    job_rescales_summary:
        Unmodeled(UNMODELED_RESCALES, |b| {
            assert_eq!(b["rescalesDurationStatsInMillis"]["p50"], "NaN");
            // Same min/max/avg/"NaN" shape as the checkpoint summaries: StatsSummary reads it.
            let s: StatsSummary = decode_json("u", &b["rescalesDurationStatsInMillis"].to_string()).unwrap();
            assert!(s.p99.is_nan());
            assert_eq!(s.max, 0.0);
        }),
        NoBuilder(NO_RESCALES_BUILDER);
    job_resource_requirements: Model(|_, r| requirements(&r, &[(SOURCE, 1, 1), (COUNTER, 1, 1)])), NoBody(rr_get_req);
    resource_requirements_after_put: Model(|_, r| requirements(&r, &[(SOURCE, 1, 1), (COUNTER, 1, 2)])), NoBody(rr_get_req);
    resource_requirements_put: Empty, WithBody(rr_put_req, Exact);
    resource_requirements_put_scale_down: Empty, WithBody(rr_put_req, Exact);
    resource_requirements_put_scale_up: Empty, WithBody(rr_put_req, Exact);
}

/// A job's details as `request_job` reads them.
fn details(file: &str) -> JobDetails {
    let f = Fixture::load(file);
    f.answer(&rq::request_job(&f.job()))
}

#[test]
fn rescale_validation_rejects_what_flink_rejected() {
    // Job 1b (8c46…) as it was while these PUTs were made.
    let job = details("job1b_detail_after_rescale.json");
    let body = |file: &str| put_body(&Fixture::load(file));
    for file in [
        "err_rr_put_above_maxparallelism.json",
        "err_rr_put_empty_object.json",
        "err_rr_put_lower_gt_upper.json",
        "err_rr_put_missing_vertex.json",
        "err_rr_put_unknown_vertex.json",
        "err_rr_put_zero_bounds.json",
        // Flink accepted this one (200) and kept lowerBound -1; we are stricter.
        "err_rr_put_negative.json",
    ] {
        let e = rescale::validate(&body(file), &job).unwrap_err();
        assert_eq!(e.kind(), "invalid_input", "{file}");
    }
    for file in ["resource_requirements_put_scale_up.json", "resource_requirements_put_scale_down.json", "err_rr_put_on_finished_job.json"] {
        rescale::validate(&body(file), &job).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
    let job1 = details("job_detail.json");
    rescale::validate(&body("resource_requirements_put.json"), &job1).unwrap();
    // What Flink answers for a GET is itself a valid PUT, except after it accepted -1.
    let get = |file: &str| {
        let f = Fixture::load(file);
        f.answer(&rr_get_req(&f))
    };
    rescale::validate(&get("job_resource_requirements.json"), &job1).unwrap();
    assert!(rescale::validate(&get("job1b_resource_requirements_after_errs.json"), &job).is_err());
}

#[test]
fn update_job_resource_requirements_checks_the_given_job_and_puts_without_a_get() {
    // The job as the caller last read it; Flink no longer knows it (err_rr_put_unknown_job).
    let put = Fixture::load("err_rr_put_unknown_job.json");
    let mut gone = details("job1b_detail_after_rescale.json");
    gone.jid = put.job();
    let flink = FlinkClient::new(BASE);
    // A bad map is refused against that job, before anything is sent.
    let e = poll_once(flink.update_job_resource_requirements(&gone, &put_body(&put))).unwrap_err();
    assert_eq!(e.kind(), "invalid_input", "the fixture's body leaves out the source: {e}");
    // A good one is sent as the PUT itself, not a GET of the job first: on the host sending
    // fails at once, naming the PUT's URL. Flink answers that PUT with its 500
    // FlinkJobNotFoundException, which is a "not found".
    let e = poll_once(flink.update_job_resource_requirements(&gone, &bounds(&[(SOURCE, 1, 1), (COUNTER, 1, 2)]))).unwrap_err();
    let ClientError::Network { url, .. } = &e else { panic!("expected the send to fail, got {e:?}") };
    assert_eq!(url, &put.url());
    assert_eq!(put.method, "PUT");
    assert!(put.error().is_not_found());
}
