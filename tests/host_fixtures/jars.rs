//! Jars: list, upload, run.
use serde_json::{Value, json};

use flink_console::client::request::{self as rq, Body, JarRunOptions, Request};
use flink_console::client::*;

use crate::common::*;

fn program_args(f: &Fixture) -> Vec<Value> {
    match (&f.request_body["programArgsList"], &f.request_body["programArgs"]) {
        (Value::Array(a), _) => a.clone(),
        (_, Value::String(s)) => s.split_whitespace().map(|a| json!(a)).collect(),
        _ => Vec::new(),
    }
}

fn jar_run_req(f: &Fixture) -> Request<JarRunResponse> {
    let o = JarRunOptions {
        entry_class: f.req_str("entryClass"),
        program_args: program_args(f).iter().map(|v| v.as_str().unwrap().to_string()).collect(),
        parallelism: f.request_body["parallelism"].as_u64().map(|p| u32::try_from(p).unwrap()),
        savepoint_path: f.req_str("savepointPath"),
        allow_non_restored_state: f.req_bool("allowNonRestoredState"),
        restore_mode: f.req_str("restoreMode").map(|m| RestoreMode::from(m.as_str())),
    };
    rq::run_jar(f.after("jars"), &o)
}

/// The launcher sent `programArgs` as one string in some runs; we always send the list form.
fn jar_run_body(body: &Body, f: &Fixture) {
    let Body::Json(ours) = body else { panic!("{}: a run is JSON, got {body:?}", f.name) };
    let theirs = &f.request_body;
    assert_eq!(ours.get("entryClass"), theirs.get("entryClass"), "{}", f.name);
    assert_eq!(ours.get("parallelism"), theirs.get("parallelism"), "{}", f.name);
    assert_eq!(ours.get("savepointPath"), theirs.get("savepointPath"), "{}", f.name);
    assert_eq!(ours["programArgsList"], Value::Array(program_args(f)), "{}", f.name);
    assert!(ours.get("programArgs").is_none(), "{}: never the ambiguous string form", f.name);
    assert_eq!(ours["allowNonRestoredState"], json!(f.req_bool("allowNonRestoredState")), "{}", f.name);
}

/// The recorder describes the multipart body as `multipart/form-data jarfile=NAME (N bytes)`.
fn parse_upload_description(f: &Fixture) -> (String, usize) {
    let d = f.request_body.as_str().unwrap();
    let rest = d.strip_prefix("multipart/form-data jarfile=").unwrap();
    let (name, size) = rest.split_once(" (").unwrap();
    (name.to_string(), size.trim_end_matches(" bytes)").parse().unwrap())
}

fn upload_req(f: &Fixture) -> Request<JarUploadResponse> {
    let (name, size) = parse_upload_description(f);
    rq::upload_jar(&name, vec![0u8; size])
}

fn upload_body(body: &Body, f: &Fixture) {
    let (name, size) = parse_upload_description(f);
    match body {
        Body::Jar { file_name, bytes } => {
            assert_eq!(file_name, &name);
            assert_eq!(bytes.len(), size);
        }
        other => panic!("upload must be multipart, got {other:?}"),
    }
}

fn jar_list(j: &JarList) {
    assert_eq!(j.address, BASE);
    assert_eq!(j.files.len(), 1);
    let jar = &j.files[0];
    assert_eq!(jar.id, JAR);
    assert_eq!(jar.name, "demo-job.jar");
    assert_eq!(jar.uploaded, 1795619433924);
    assert_eq!(jar.entry.len(), 1);
    assert_eq!(jar.entry[0].name, "demo.StatefulCounterJob");
    assert_eq!(jar.entry[0].description, None);
}

fixtures! {
    // A 500 wrapping a RestHandlerException: not one of the job/vertex/trigger/task manager
    // not-found answers `is_not_found` stands for.
    err_jar_run_unknown_jar:
        Error("Jar file /var/lib/flink/web-upload/flink-web-upload/nope.jar does not exist", false),
        WithBody(jar_run_req, NotComparable("the recorder sent `{}`; our builder always sends programArgsList and allowNonRestoredState"));
    jar_plan:
        Unmodeled("the console does not preview a jar's plan before running it", |b| {
            let nodes = b["plan"]["nodes"].as_array().unwrap();
            assert_eq!(b["plan"]["name"], "filter-sum");
            assert_eq!(nodes.len(), 2);
        }),
        NoBuilder("no jar plan request in client::request");
    jars: Model(|_, j| jar_list(&j)), NoBody(|_| rq::list_jars());
    jars_after_upload: Model(|_, j| jar_list(&j)), NoBody(|_| rq::list_jars());
    jars_empty:
        Model(|_, j| {
            assert_eq!(j.address, BASE);
            assert!(j.files.is_empty());
        }),
        NoBody(|_| rq::list_jars());
    jars_run_job1: Model(|_, r| assert_eq!(r.jobid.as_str(), JOB1)), WithBody(jar_run_req, Custom(jar_run_body));
    jars_run_job1b_from_savepoint: Model(|_, r| assert_eq!(r.jobid.as_str(), JOB1B)), WithBody(jar_run_req, Custom(jar_run_body));
    jars_run_job2: Model(|_, r| assert_eq!(r.jobid.as_str(), JOB2)), WithBody(jar_run_req, Custom(jar_run_body));
    jars_upload:
        Model(|_, u| {
            assert_eq!(u.status, "success");
            assert_eq!(u.jar_id(), JAR);
        }),
        WithBody(upload_req, Custom(upload_body));
}
