//! The per-fixture test: `fixtures!` turns one line per fixture file into one `#[test]` named
//! after the file, and lists the file in its module's `COVERED` for the guard in `main.rs`.
//!
//! ```text
//! fixtures! {
//!     overview: Model(|_, o| …), NoBody(|_| rq::request_cluster_overview());
//!     file_name: <what the answer is>, <how our request relates to the one sent>;
//! }
//! ```
//!
//! What the answer is ([`Expect`]): `Model(check)`, a 2xx answer read as the request's own
//! answer type `T` (so a request cannot be paired with a model it does not decode into) and
//! checked by `check(&Fixture, T)`; `Empty`, a 2xx `{}` read as `Request<Empty>`;
//! `Unmodeled(reason, check)`, JSON the client deliberately has no model for; `Error(message,
//! not_found)`, what the client shows for an error answer.
//!
//! How the request relates: `NoBody(build)` and `WithBody(build, <BodyCheck>)`, our builder for
//! the call; `Refused(reason, check)`, the fixture sent something our client refuses to build;
//! `NoBuilder(reason)`, no builder for the endpoint (the answer is then read by the type the
//! check names).
use serde_json::{Value, json};

use flink_console::client::request::{Answer, Body, Request};
use flink_console::client::*;

use crate::common::{BASE, Fixture};

/// What the answer is, from the client's point of view.
pub enum Expect<T> {
    /// A 2xx answer decoded into `T`; the function checks values.
    Model(fn(&Fixture, T)),
    /// A 2xx answer with an empty `{}` body: only the status counts.
    Empty,
    /// A 2xx answer from an endpoint the client deliberately does not model; why, and a check
    /// of the JSON.
    Unmodeled(&'static str, fn(&Value)),
    /// An error answer: the short message we expect to show and whether it means "not found".
    Error(&'static str, bool),
}

/// How the fixture's request body relates to the one our builder makes.
pub enum BodyCheck {
    /// Neither side sends a body.
    None,
    /// Our JSON body equals the fixture's.
    Exact,
    /// The fixture sent no `triggerId` and neither do we (the options had none): Flink picks
    /// one, which the trigger answer carries. Otherwise equal.
    NoTriggerId,
    /// A custom comparison.
    Custom(fn(&Body, &Fixture)),
    /// The fixture's body is one our builder cannot (and should not) produce.
    NotComparable(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerKind {
    Model,
    Empty,
    Unmodeled,
    Error,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestKind {
    NoBody,
    /// `compared`: the body is compared with the fixture's (not `NotComparable`).
    WithBody { compared: bool },
    Refused,
    NoBuilder,
}

/// A fixture file and the kind of test `fixtures!` made for it.
pub struct Covered {
    pub file: &'static str,
    pub answer: AnswerKind,
    pub request: RequestKind,
}

macro_rules! fixtures {
    ($($name:ident: $answer:ident $(($($a:tt)*))?, $request:ident($($r:tt)*);)*) => {
        /// The fixtures this module tests, one `#[test]` each.
        pub const COVERED: &[$crate::harness::Covered] = &[$($crate::harness::Covered {
            file: concat!(stringify!($name), ".json"),
            answer: $crate::harness::AnswerKind::$answer,
            request: fixtures!(@kind $request($($r)*)),
        }),*];
        $(
            #[test]
            #[allow(non_snake_case)]
            fn $name() {
                fixtures!(@run concat!(stringify!($name), ".json"), [$answer $(($($a)*))?], $request($($r)*));
            }
        )*
    };

    (@kind WithBody($build:expr, NotComparable($($c:tt)*))) => { $crate::harness::RequestKind::WithBody { compared: false } };
    (@kind WithBody($($r:tt)*)) => { $crate::harness::RequestKind::WithBody { compared: true } };
    (@kind $request:ident($($r:tt)*)) => { $crate::harness::RequestKind::$request };

    (@expect Model($check:expr)) => { $crate::harness::Expect::Model($check) };
    (@expect Empty) => { $crate::harness::Expect::<flink_console::client::request::Empty>::Empty };
    (@expect Unmodeled($reason:expr, $check:expr)) => { $crate::harness::Expect::<serde_json::Value>::Unmodeled($reason, $check) };
    (@expect Error($message:expr, $not_found:expr)) => { $crate::harness::Expect::Error($message, $not_found) };

    // Without a request of ours, the answer type is the one the check names (a model), or the
    // one each kind implies.
    (@type Model) => { _ };
    (@type Empty) => { flink_console::client::request::Empty };
    (@type $answer:ident) => { serde_json::Value };

    (@run $file:expr, $answer:tt, NoBody($build:expr)) => { fixtures!(@run $file, $answer, WithBody($build, None)) };
    (@run $file:expr, [$($answer:tt)*], WithBody($build:expr, $check:ident $(($($c:tt)*))?)) => {{
        let f = $crate::common::Fixture::load($file);
        let r = $crate::harness::build(&f, $build);
        $crate::harness::check_request(&f, &r, &$crate::harness::BodyCheck::$check $(($($c)*))?);
        $crate::harness::check_answer(&f, Some(&r), fixtures!(@expect $($answer)*));
    }};
    (@run $file:expr, $answer:tt, NoBuilder($reason:expr)) => { fixtures!(@run $file, $answer, Refused($reason, |_| {})) };
    (@run $file:expr, [$answer:ident $($a:tt)*], Refused($reason:expr, $check:expr)) => {{
        let f = $crate::common::Fixture::load($file);
        $crate::harness::unbuilt(&f, $reason, $check);
        $crate::harness::check_answer::<fixtures!(@type $answer)>(&f, None, fixtures!(@expect $answer $($a)*));
    }};
}

/// Our builder's request for the fixture.
pub fn build<T>(f: &Fixture, build: impl FnOnce(&Fixture) -> Request<T>) -> Request<T> {
    build(f)
}

/// Why there is no request of ours for the fixture, and (where we refuse to build it) a check
/// that shows the refusal.
pub fn unbuilt(f: &Fixture, reason: &str, check: impl FnOnce(&Fixture)) {
    assert!(!reason.is_empty());
    check(f);
}

/// Our request is the one that was sent to Flink: method, path with query, URL and body.
pub fn check_request<T>(f: &Fixture, r: &Request<T>, body: &BodyCheck) {
    assert_eq!(r.method.as_str(), f.method, "{}", f.name);
    assert_eq!(r.path_and_query(), f.path, "{}", f.name);
    assert_eq!(r.url(BASE), f.url(), "{}", f.name);
    assert_eq!(FlinkClient::new(BASE).url(r), f.url(), "{}", f.name);
    match body {
        BodyCheck::None => {
            assert_eq!(r.body, Body::None, "{}", f.name);
            assert!(f.request_body.is_null(), "{}: the fixture sent {}", f.name, f.request_body);
        }
        BodyCheck::Exact => assert_eq!(r.json_body(), Some(&f.request_body), "{}", f.name),
        BodyCheck::NoTriggerId => {
            assert!(f.request_body.get("triggerId").is_none(), "{}: use Exact", f.name);
            assert_eq!(r.json_body(), Some(&f.request_body), "{}: no trigger id unless the options name one", f.name);
        }
        BodyCheck::Custom(check) => check(&r.body, f),
        BodyCheck::NotComparable(reason) => {
            assert!(!reason.is_empty());
            assert!(r.json_body().is_some(), "{}", f.name);
        }
    }
}

/// The answer is what `expect` says, read as `T`: the request's answer type where there is a
/// request.
pub fn check_answer<T: Answer>(f: &Fixture, request: Option<&Request<T>>, expect: Expect<T>) {
    let decoded = || match request {
        Some(r) => f.answer(r),
        None => T::from_body(&f.url(), &f.text()).unwrap_or_else(|e| panic!("{}: {e}", f.name)),
    };
    match expect {
        Expect::Model(check) => {
            assert!((200..300).contains(&f.status), "{}: a model fixture must be 2xx, is {}", f.name, f.status);
            check(f, decoded());
        }
        Expect::Empty => {
            assert!((200..300).contains(&f.status), "{}: {}", f.name, f.status);
            assert_eq!(f.body, json!({}), "{}", f.name);
            assert_ne!(f.method, "GET", "{}: a GET always answers with something to decode", f.name);
            decoded();
        }
        Expect::Unmodeled(reason, check) => {
            assert!(reason.len() > 20, "{}: give a reason", f.name);
            assert!((200..300).contains(&f.status), "{}", f.name);
            decoded();
            check(&f.decode::<Value>());
        }
        Expect::Error(message, not_found) => check_error(f, message, not_found),
    }
}

/// An error answer becomes a short, readable `Http` error; "not found" is every 404 and the
/// 500s about missing jobs or task managers.
fn check_error(f: &Fixture, message: &str, not_found: bool) {
    assert!(f.status >= 400, "{}: an error fixture with status {}", f.name, f.status);
    let e = f.error();
    assert_eq!(e.kind(), "http");
    assert_eq!(e.status(), Some(f.status));
    assert!(!e.messages().is_empty(), "Flink's `errors` array is kept");
    let msg = e.flink_message().unwrap();
    assert_eq!(msg, message, "{}", f.name);
    assert!(!msg.contains("\tat ") && !msg.contains('\n'), "{}: {msg}", f.name);
    assert!(!msg.starts_with("org.apache") && !msg.starts_with("java.") && !msg.starts_with('<'), "{}: {msg}", f.name);
    assert!(msg.len() < 200, "{}: {msg}", f.name);
    assert_eq!(e.is_not_found(), not_found, "{}: is_not_found", f.name);
    assert_eq!(e.to_string(), format!("Flink answered {} for {}: {msg}", f.status, f.url()));
    match f.status {
        404 => assert!(not_found, "{}", f.name),
        400 | 409 => assert!(!not_found, "{}", f.name),
        500 => {
            let about_missing = f.text().contains("FlinkJobNotFoundException") || f.text().contains("UnknownTaskExecutorException");
            assert_eq!(not_found, about_missing, "{}", f.name);
        }
        other => panic!("{}: unexpected status {other}", f.name),
    }
}

// --- checks shared by several areas ----------------------------------------------------------

/// The answer to a savepoint, stop, checkpoint or disposal trigger.
pub fn trigger_answer(f: &Fixture, t: TriggerResponse) {
    assert_eq!(t.request_id.as_str(), f.body["request-id"].as_str().unwrap());
    // Where we chose the trigger id, Flink answers with it: that is what makes retries idempotent.
    if let Some(sent) = f.req_trigger() {
        assert_eq!(t.request_id, sent, "{}", f.name);
    }
}
