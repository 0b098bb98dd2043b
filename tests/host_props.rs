//! Property tests: whatever Flink (or a proxy in front of it) answers, decoding and error
//! handling return a value, never panic. Inputs are arbitrary strings, arbitrary JSON, and the
//! real fixtures with keys deleted, values replaced and text cut short.
// Helpers of tests unwrap and index too: a panic there is a failed test (clippy.toml allows it
// only inside #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use proptest::sample::Index;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use flink_console::client::request::{self as rq, MetricScope};
use flink_console::client::*;

mod common;
use common::Fixture;

const URL: &str = "http://127.0.0.1:8081/some/endpoint";

/// `cases` per property, or `FUZZ_CASES` (scripts/fuzz runs the long version with it).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    // No regression files: this suite must not write into the source tree.
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

// --- every model type ------------------------------------------------------------------------

type Decoder = (&'static str, fn(&str) -> Result<(), ClientError>);

/// Decodes `text` as `T`. An error must be a `Decode` error naming the URL; a success must
/// re-encode (what the npm facade hands out) with camelCase keys only, each the camelCase of
/// the key Flink sent at that place (checked where Flink sent a value).
fn decode_as<T: DeserializeOwned + Serialize>(text: &str) -> Result<(), ClientError> {
    match decode_json::<T>(URL, text) {
        Ok(value) => {
            let name = std::any::type_name::<T>();
            let out = serde_json::to_value(&value).unwrap_or_else(|e| panic!("{name} does not re-encode: {e}"));
            let raw: Value = serde_json::from_str(text).unwrap_or(Value::Null);
            // A map at the root: its keys are vertex ids, data rather than names.
            let root_is_map = name.contains("BTreeMap");
            check_encoded_keys(name, &raw, &out, root_is_map, &mut String::new());
            Ok(())
        }
        Err(e) => {
            let ClientError::Decode { url, message, .. } = &e else { panic!("not a decode error: {e:?}") };
            assert_eq!(url, URL);
            assert!(!message.is_empty());
            assert_eq!(e.kind(), "decode");
            assert!(e.to_string().contains(URL));
            Err(e)
        }
    }
}

/// The model fields that are maps: their keys are Flink's data (states, labels, options), kept.
const MAP_FIELDS: &[&str] = &["tasks", "timestamps", "memoryConfiguration", "failureLabels", "userConfig", "jobs"];

/// Flink's `slots-total` / `checkpointed_size` / `maxParallelism` as the package spells them.
fn camel(wire: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in wire.chars() {
        match c {
            '-' | '_' => up = true,
            c if up => {
                out.extend(c.to_uppercase());
                up = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// What a missing or unset field encodes as.
fn is_default(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(is_default),
    }
}

fn check_encoded_keys(name: &str, raw: &Value, out: &Value, is_map: bool, path: &mut String) {
    match out {
        Value::Object(fields) => {
            for (key, value) in fields {
                let sent = match raw.as_object() {
                    Some(r) if is_map => r.get_key_value(key),
                    Some(r) => r.iter().find(|(k, _)| camel(k) == *key),
                    None => None,
                };
                if !is_map {
                    let camel_case = key.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                        && key.chars().all(|c| c.is_ascii_alphanumeric());
                    assert!(camel_case, "{name} encodes {path}.{key}: not camelCase");
                    if raw.is_object() && !is_default(value) {
                        let keys: Vec<&String> = raw.as_object().map(|r| r.keys().collect()).unwrap_or_default();
                        assert!(sent.is_some(), "{name} encodes {path}.{key}, set, but Flink sent none of that name: {keys:?}");
                    }
                }
                let len = path.len();
                path.push('.');
                path.push_str(key);
                let inner = sent.map(|(_, v)| v).unwrap_or(&Value::Null);
                check_encoded_keys(name, inner, value, !is_map && MAP_FIELDS.contains(&key.as_str()), path);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let inner = raw.get(i).unwrap_or(&Value::Null);
                check_encoded_keys(name, inner, item, false, path);
            }
        }
        _ => {}
    }
}

macro_rules! decoders {
    ($($t:ty),+ $(,)?) => {
        vec![$((stringify!($t), decode_as::<$t> as fn(&str) -> Result<(), ClientError>)),+]
    };
}

fn decoders() -> Vec<Decoder> {
    decoders![
        ClusterOverview,
        DashboardConfig,
        Vec<ConfigEntry>,
        LogList,
        ThreadDump,
        Vec<Metric>,
        Vec<AggregatedMetric>,
        TaskManagers,
        TaskManagerInfo,
        MultipleJobsDetails,
        JobIdsWithStatus,
        JobDetails,
        JobStatusInfo,
        JobExecutionResult,
        JobExceptions,
        JobConfig,
        JobPlanInfo,
        VertexDetails,
        SubtaskTimes,
        CheckpointingStatistics,
        CheckpointConfig,
        CheckpointStats,
        TaskCheckpointStats,
        StatsSummary,
        AsyncOperationStatus<SavepointOperation>,
        AsyncOperationStatus<CheckpointOperation>,
        AsyncOperationStatus<DisposalOperation>,
        TriggerResponse,
        JobResourceRequirements,
        JarList,
        JarUploadResponse,
        JarRunResponse,
        JobStatus,
        ExecutionState,
        CheckpointStatus,
        QueueStatusId,
        SavepointFormat,
        CheckpointType,
        JobId,
        VertexId,
        TriggerId,
        TaskManagerId,
        Timestamp,
        Millis,
        Bytes,
        Count,
    ]
}

fn decode_with_every_type(text: &str) -> usize {
    decoders().iter().filter(|(_, decode)| decode(text).is_ok()).count()
}

/// `http_error` on any text: never a panic; an `http` error with the status and a one-line
/// message when there is one, unless a 500/502/503/504 lacks Flink's `{"errors": [...]}` body,
/// which is a proxy saying Flink is `unreachable`.
fn check_http_error(status: u16, text: &str) {
    /// Flink's error body.
    #[derive(serde::Deserialize)]
    struct Errors {
        errors: Vec<String>,
    }
    let e = http_error(URL, status, text);
    assert_eq!(e.status(), Some(status));
    let from_flink = serde_json::from_str::<Errors>(text).is_ok();
    if !from_flink && matches!(status, 500 | 502 | 503 | 504) {
        assert_eq!(e, ClientError::Unreachable { url: URL.into(), status });
        assert!(e.is_unreachable() && !e.is_not_found());
        assert!(e.messages().is_empty() && e.flink_message().is_none(), "a proxy's page is not Flink's message");
        let shown = e.to_string();
        assert!(shown.starts_with(&format!("Flink unreachable (the proxy answered {status} ")), "{shown}");
        assert!(shown.contains(URL) && !shown.contains('\n'), "{shown}");
        return;
    }
    assert_eq!(e.kind(), "http");
    assert!(!e.is_unreachable());
    if status == 404 {
        assert!(e.is_not_found());
    }
    let messages = e.messages();
    match e.flink_message() {
        Some(m) => {
            assert!(!messages.is_empty());
            assert!(!m.contains('\n'), "{m:?}");
        }
        None => assert!(messages.is_empty()),
    }
    if text.trim().is_empty() {
        assert!(messages.is_empty());
    }
    match serde_json::from_str::<Errors>(text) {
        Ok(flink) => assert_eq!(messages, flink.errors),
        Err(_) if text.trim().is_empty() => {}
        // Anything else (a proxy's page, plain text): kept as one message, at most 500 characters.
        Err(_) => {
            assert_eq!(messages.len(), 1);
            assert!(messages[0].chars().count() <= 500);
            assert!(text.starts_with(&messages[0]));
        }
    }
    let shown = e.to_string();
    assert!(shown.starts_with(&format!("Flink answered {status} for {URL}")), "{shown}");
}

// --- strategies ------------------------------------------------------------------------------

/// Keys the models read, so random objects sometimes hit real fields.
const KEYS: &[&str] = &[
    "status", "id", "operation", "failure-cause", "failureCause", "checkpointId", "location", "class", "stack-trace",
    "request-id", "jid", "name", "state", "vertices", "jobs", "job-execution-result", "application-status",
    "start-time", "end-time", "duration", "maxParallelism", "parallelism", "tasks", "timestamps", "counts", "summary",
    "latest", "history", "completed", "restored", "savepoint", "failed", "p50", "p99", "min", "max", "avg", "sum",
    "lowerBound", "upperBound", "taskmanagers", "hardware", "memoryConfiguration", "logs", "threadInfos", "threadName",
    "value", "key", "files", "entry", "filename", "jobid", "plan", "nodes", "inputs", "subtasks", "subtask", "index",
    "exceptionHistory", "entries", "concurrentExceptions", "execution-config", "user-config", "externalization",
    "flink-version", "refresh-interval", "features", "slots-total", "193d851ed39da35c23cfb60b0bc854bf",
    "a54a21bf9142a9afd43421e4154b1409", "", "x",
];

/// Strings Flink sends, and near misses.
const TEXTS: &[&str] = &[
    "RUNNING", "FINISHED", "CANCELED", "COMPLETED", "IN_PROGRESS", "FAILED", "NaN", "-1", "Infinity", "inf", "",
    " ", "970762374db1c09c2881a915a396ab1e", "970762374DB1C09C2881A915A396AB1E", "970762374db1c09c2881a915a396ab1",
    "zz0762374db1c09c2881a915a396ab1e", "CANONICAL", "NATIVE", "FULL", "127.0.0.1:6122-25d756", "é", "\u{0}",
];

fn arb_number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-2i64..3).prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        Just(json!(-1)),
        Just(json!(1e300)),
        Just(json!(-0.5)),
    ]
}

fn arb_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        arb_number(),
        any::<String>().prop_map(Value::String),
        prop::sample::select(TEXTS).prop_map(|s| Value::String(s.to_string())),
    ]
}

fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![3 => prop::sample::select(KEYS).prop_map(str::to_string), 1 => any::<String>()]
}

/// Any JSON value, up to 4 levels deep.
fn arb_json() -> impl Strategy<Value = Value> {
    arb_leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((arb_key(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

/// Text that is almost JSON: brackets, quotes, numbers and words in any order.
fn arb_jsonish() -> impl Strategy<Value = String> {
    "[\\[\\]{}\":, 0-9a-zA-Z.eE+\\-]{0,48}"
}

#[derive(Clone, Debug)]
enum Mutation {
    /// Removes the key (or array element) at the chosen place; at the root, the body becomes `null`.
    Delete(Index),
    /// Puts a value at the chosen place.
    Replace(Index, Value),
}

fn arb_replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(vec![Value::Null, json!(-1), json!("x"), json!([]), json!({}), json!(0), json!("NaN"), json!(true)]),
        arb_json(),
    ]
}

fn arb_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::Delete),
        (any::<Index>(), arb_replacement()).prop_map(|(i, v)| Mutation::Replace(i, v)),
    ]
}

// --- fixtures --------------------------------------------------------------------------------

fn fixtures() -> &'static [Fixture] {
    let all = Fixture::all();
    assert!(all.len() > 100);
    all
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    At(usize),
}

/// Every place in a value (the root is the empty path).
fn places(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                here.push(Step::Key(k.clone()));
                places(child, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                here.push(Step::At(i));
                places(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn place_mut<'a>(v: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Step::Key(k) => &mut v[k.as_str()],
        Step::At(i) => &mut v[*i],
    })
}

fn mutate(body: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    places(body, &mut Vec::new(), &mut all);
    match m {
        Mutation::Replace(i, value) => *place_mut(body, i.get(&all).as_slice()) = value.clone(),
        Mutation::Delete(i) => {
            let path = i.get(&all).as_slice();
            let Some((last, parent)) = path.split_last() else {
                *body = Value::Null;
                return;
            };
            match (place_mut(body, parent), last) {
                (Value::Object(m), Step::Key(k)) => {
                    m.remove(k);
                }
                (Value::Array(a), Step::At(i)) => {
                    a.remove(*i);
                }
                _ => unreachable!("a path always matches its parent"),
            }
        }
    }
}

/// `text` cut at a byte position, moved back to a character boundary.
fn truncate(text: &str, at: Index) -> &str {
    let mut n = at.index(text.len() + 1);
    while !text.is_char_boundary(n) {
        n -= 1;
    }
    &text[..n]
}

// --- tests -----------------------------------------------------------------------------------

#[test]
fn every_fixture_body_meets_every_decoder() {
    // Not a property, a census: every real answer against every type. Nothing panics, every
    // success re-encodes with the package's camelCase keys (checked in `decode_as`), every failure is a
    // `Decode` error, and every body also goes through `http_error`.
    let mut decoded_somewhere = 0;
    for f in fixtures() {
        let text = serde_json::to_string(&f.body).unwrap();
        let ok = decode_with_every_type(&text);
        if (200..300).contains(&f.status) && ok > 0 {
            decoded_somewhere += 1;
        }
        check_http_error(f.status, &text);
    }
    assert!(decoded_somewhere > 100, "{decoded_somewhere}");
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>(), status in any::<u16>()) {
        decode_with_every_type(&text);
        check_http_error(status, &text);
    }

    #[test]
    fn almost_json_never_panics(text in arb_jsonish(), status in 400u16..600) {
        decode_with_every_type(&text);
        check_http_error(status, &text);
    }

    #[test]
    fn summarize_trace_is_one_line_from_the_input(text in any::<String>()) {
        let s = summarize_trace(&text);
        prop_assert!(!s.contains('\n'));
        prop_assert!(s.len() <= text.len());
    }

    #[test]
    fn ids_parse_exactly_32_hex_characters(text in prop_oneof![any::<String>(), "[0-9a-fA-F]{30,34}", " [0-9a-fA-F]{32}\n"]) {
        let t = text.trim();
        let valid = t.len() == 32 && t.bytes().all(|b| b.is_ascii_hexdigit());
        match JobId::parse(&text) {
            Ok(id) => {
                prop_assert!(valid);
                prop_assert_eq!(id.as_str(), t.to_ascii_lowercase());
                prop_assert_eq!(VertexId::parse(&text).unwrap().to_string(), id.to_string());
                prop_assert_eq!(TriggerId::parse(&text).unwrap().to_string(), id.to_string());
            }
            Err(e) => {
                prop_assert!(!valid);
                prop_assert_eq!(e.kind(), "invalid_input");
                prop_assert!(e.to_string().chars().count() < 120, "{}", e);
            }
        }
    }

    #[test]
    fn encoded_path_segments_are_safe_and_reversible(id in any::<String>()) {
        let encoded = rq::encode(&id);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~:,%".contains(&b)), "{}", encoded);
        // Undo the percent-encoding: the bytes come back.
        let mut bytes = Vec::new();
        let raw = encoded.as_bytes();
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'%' {
                bytes.push(u8::from_str_radix(std::str::from_utf8(&raw[i + 1..i + 3]).unwrap(), 16).unwrap());
                i += 3;
            } else {
                bytes.push(raw[i]);
                i += 1;
            }
        }
        prop_assert_eq!(bytes, id.as_bytes());
        if let Ok(tm) = TaskManagerId::parse(&id) {
            let r = rq::request_task_manager_details(&tm);
            let rest = r.path.strip_prefix("/taskmanagers/").unwrap();
            prop_assert!(!rest.contains(['/', '?', '#', ' ']), "{}", r.path);
            let m = rq::request_metric_query_service_addresses(&MetricScope::TaskManager(tm), std::slice::from_ref(&id));
            prop_assert_eq!(m.path_and_query().matches('?').count(), 1);
        }
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn arbitrary_json_never_panics(v in arb_json(), status in any::<u16>()) {
        let text = v.to_string();
        decode_with_every_type(&text);
        check_http_error(status, &text);
    }

    #[test]
    fn flink_error_arrays_are_kept_as_sent(errors in prop::collection::vec(any::<String>(), 0..4), status in 400u16..600) {
        let e = http_error(URL, status, &json!({ "errors": errors }).to_string());
        prop_assert_eq!(e.messages(), errors.clone());
        prop_assert_eq!(e.flink_message().is_some(), !errors.is_empty());
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in any::<Index>(),
        mutations in prop::collection::vec(arb_mutation(), 1..4),
        cut in any::<Index>(),
    ) {
        let f = which.get(fixtures());
        let mut body = f.body.clone();
        for m in &mutations {
            mutate(&mut body, m);
        }
        let text = body.to_string();
        decode_with_every_type(&text);
        check_http_error(f.status, &text);
        let short = truncate(&text, cut);
        decode_with_every_type(short);
        check_http_error(f.status, short);
    }

    #[test]
    // Within ±2^53: the sentinel reads numbers as f64, so larger integers lose their last digits
    // (no Flink time or size comes near that; JavaScript could not hold them either).
    fn negative_times_are_not_set(
        end in prop_oneof![-(1i64 << 53)..=(1i64 << 53), -2i64..2, Just(1_795_619_435_250i64)],
        duration in prop_oneof![any::<f64>(), -2.0f64..2.0],
    ) {
        let f = fixtures().iter().find(|f| f.name == "job_detail.json").unwrap();
        let mut body = f.body.clone();
        body["end-time"] = json!(end);
        body["vertices"][0]["end-time"] = json!(end);
        let Some(n) = serde_json::Number::from_f64(duration) else { return Ok(()) };
        body["duration"] = Value::Number(n);
        let d: JobDetails = decode_json(URL, &body.to_string()).unwrap();
        prop_assert_eq!(d.end_time.get(), (end >= 0).then_some(end));
        prop_assert_eq!(d.vertices[0].end_time.get(), (end >= 0).then_some(end));
        prop_assert_eq!(d.duration.get().is_some(), duration >= 0.0);
        // What decoding makes of the number is what `From` makes of it.
        prop_assert_eq!(d.end_time, Timestamp::from(end));
    }

    #[test]
    fn sentinel_numbers_keep_what_is_not_negative(n in any::<i64>(), o in any::<Option<i64>>()) {
        let expected = (n >= 0).then_some(n);
        prop_assert_eq!(Timestamp::from(n).get(), expected);
        prop_assert_eq!(Millis::from(n).get(), expected);
        prop_assert_eq!(Bytes::from(n).get(), expected);
        prop_assert_eq!(Count::from(n).get(), expected);
        prop_assert_eq!(Timestamp::from(o).get(), o.filter(|v| *v >= 0));
        prop_assert_eq!(Timestamp::from(o) == Timestamp::NONE, o.is_none_or(|v| v < 0));
    }

    #[test]
    fn percentiles_read_numbers_numeric_strings_and_anything_else_as_nan(
        p in prop_oneof![arb_number(), any::<String>().prop_map(Value::String), Just(json!("NaN")), Just(Value::Null)],
    ) {
        let f = fixtures().iter().find(|f| f.name == "job_checkpoints.json").unwrap();
        let mut body = f.body.clone();
        body["summary"]["end_to_end_duration"]["p99"] = p.clone();
        let s: CheckpointingStatistics = decode_json(URL, &body.to_string()).unwrap();
        let got = s.summary.end_to_end_duration.unwrap().p99;
        let expected = match &p {
            // As serde_json reads the number from the text (its default float parsing may be off
            // in the last bit for huge exponents).
            Value::Number(n) => serde_json::from_str::<f64>(&n.to_string()).unwrap(),
            Value::String(t) => t.trim().parse().unwrap_or(f64::NAN),
            _ => f64::NAN,
        };
        prop_assert!(got == expected || (got.is_nan() && expected.is_nan()), "{} -> {}", p, got);
    }

    #[test]
    fn unknown_enum_values_are_kept_not_rejected(state in "[A-Z_]{1,16}") {
        let f = fixtures().iter().find(|f| f.name == "job_status.json").unwrap();
        let mut body = f.body.clone();
        body["status"] = json!(state);
        let s: JobStatusInfo = decode_json(URL, &body.to_string()).unwrap();
        prop_assert_eq!(s.status.as_str(), state.as_str());
        prop_assert_eq!(JobStatus::KNOWN.contains(&s.status), !matches!(s.status, JobStatus::Other(_)));
    }
}
