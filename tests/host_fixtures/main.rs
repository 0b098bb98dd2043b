//! Every recorded Flink 2.3 answer in `tests/fixtures/` against the client, one test per file,
//! by area (the modules mirror `client::api`): what each file is, which model decodes it (read
//! through the answer type of the request our builder makes for it, and a few values that must
//! come out), which error it becomes, and whether that request is the one sent to Flink.
//!
//! Each module declares its fixtures with `fixtures!` (see `harness`), which makes the tests
//! and the module's `COVERED` list; `every_fixture_has_a_test` fails when a file is added
//! without deciding what it is. `lines` does the same for every supported Flink line's answers
//! in `tests/fixtures/<version>/`, with a guard of its own.
// Helpers of tests unwrap and index too: a panic there is a failed test (clippy.toml allows it
// only inside #[test] functions).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;

#[path = "../common/mod.rs"]
mod common;
#[macro_use]
mod harness;

mod checkpoints;
mod cluster;
mod jars;
mod jobs;
mod lines;
mod logs;
mod metrics;
mod rescale;
mod savepoints;

use harness::{AnswerKind, Covered, RequestKind};

fn covered() -> Vec<&'static Covered> {
    [
        checkpoints::COVERED,
        cluster::COVERED,
        jars::COVERED,
        jobs::COVERED,
        logs::COVERED,
        logs::PROFILER_COVERED,
        metrics::COVERED,
        rescale::COVERED,
        savepoints::COVERED,
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[test]
fn every_fixture_has_a_test() {
    let on_disk = common::fixture_names();
    let all = covered();
    let tested: BTreeSet<String> = all.iter().map(|c| c.file.to_string()).collect();
    assert_eq!(tested.len(), all.len(), "a fixture has two tests");
    let missing: Vec<&String> = on_disk.difference(&tested).collect();
    assert!(missing.is_empty(), "fixtures without a test in tests/host_fixtures/ (say what they are): {missing:#?}");
    let stale: Vec<&String> = tested.difference(&on_disk).collect();
    assert!(stale.is_empty(), "tests without a fixture file: {stale:#?}");
    assert!(on_disk.len() >= 150, "only {} fixtures found", on_disk.len());
}

#[test]
fn fixture_kinds_add_up() {
    let all = covered();
    let count = |p: &dyn Fn(&Covered) -> bool| all.iter().filter(|c| p(c)).count();
    let models = count(&|c| c.answer == AnswerKind::Model);
    assert!(models > 100, "{models}");
    assert_eq!(count(&|c| c.answer == AnswerKind::Empty), 7);
    assert_eq!(count(&|c| c.answer == AnswerKind::Unmodeled), 5, "back pressure, watermarks and the environment are modeled since pages show them");
    assert_eq!(count(&|c| c.answer == AnswerKind::Error), 36);
    let built = count(&|c| matches!(c.request, RequestKind::NoBody | RequestKind::WithBody { .. }));
    assert!(built >= 130, "{built} requests built");
    let bodies = count(&|c| c.request == RequestKind::WithBody { compared: true });
    assert!(bodies >= 30, "{bodies} bodies compared");
}
