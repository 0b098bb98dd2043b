//! The jobs page's filter and sort model (no UI), on the host: text, state, every column both
//! ways, header clicks.
#![cfg(all(feature = "ui", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use flink_console::app::list::Sort;
use flink_console::app::pages::jobs::{Column, StateFilter, filter_and_sort};
use flink_console::client::JobOverview;

mod sample;
use sample::job;

fn jobs() -> Vec<JobOverview> {
    vec![
        job(0xa, "alpha", "RUNNING", 3_000, 500, 2),
        job(0xb, "Bravo", "FINISHED", 1_000, 4_000, 8),
        job(0xc, "charlie", "FAILED", 2_000, 100, 1),
        job(0xd, "delta <b>x</b>", "CANCELED", 4_000, 2_000, 4),
        job(0xe, "echo", "RESTARTING", 5_000, 300, 3),
    ]
}

fn sorted(column: Column, ascending: bool) -> Vec<usize> {
    filter_and_sort(&jobs(), "", StateFilter::All, Sort { column, ascending })
}

#[test]
fn text_matches_name_or_id_in_any_case() {
    assert_eq!(filter_and_sort(&jobs(), "BRAVO", StateFilter::All, Sort::default()), vec![1]);
    assert_eq!(filter_and_sort(&jobs(), " <B>x ", StateFilter::All, Sort::default()), vec![3]);
    assert_eq!(filter_and_sort(&jobs(), "0000000000000000000000000000000C", StateFilter::All, Sort::default()), vec![2]);
    assert!(filter_and_sort(&jobs(), "nothing", StateFilter::All, Sort::default()).is_empty());
}

#[test]
fn state_filter_running_means_not_ended() {
    let by = |s| filter_and_sort(&jobs(), "", s, Sort::toggle(Sort::default(), Column::Name));
    assert_eq!(by(StateFilter::Running), vec![0, 4], "RESTARTING counts as running, as on Flink's overview");
    assert_eq!(by(StateFilter::Finished), vec![1]);
    assert_eq!(by(StateFilter::Canceled), vec![3]);
    assert_eq!(by(StateFilter::Failed), vec![2]);
    assert_eq!(by(StateFilter::All).len(), 5);
    assert_eq!(StateFilter::from_query(Some("RUNNING")), StateFilter::Running);
    assert_eq!(StateFilter::from_query(Some("bogus")), StateFilter::All);
    assert_eq!(StateFilter::Canceled.href(), "/jobs?state=canceled");
}

#[test]
fn every_column_sorts_both_ways() {
    assert_eq!(sorted(Column::Name, true), vec![0, 1, 2, 3, 4], "case-insensitive");
    assert_eq!(sorted(Column::Status, true), vec![3, 2, 1, 4, 0]);
    assert_eq!(sorted(Column::StartTime, true), vec![1, 2, 0, 3, 4]);
    assert_eq!(sorted(Column::Duration, true), vec![2, 4, 0, 3, 1]);
    assert_eq!(sorted(Column::Tasks, true), vec![2, 0, 4, 3, 1]);
    for column in Column::ALL {
        let mut down = sorted(column, false);
        down.reverse();
        assert_eq!(down, sorted(column, true), "{column:?} descending is ascending reversed");
    }
    assert_eq!(filter_and_sort(&jobs(), "", StateFilter::All, Sort::default()), vec![4, 3, 0, 2, 1], "newest first");
}

#[test]
fn header_clicks_toggle_the_order() {
    let s = Sort::default().toggle(Column::Name);
    assert_eq!((s.column, s.ascending, s.aria(Column::Name), s.aria(Column::Tasks)), (Column::Name, true, "ascending", "none"));
    assert_eq!(s.toggle(Column::Name).aria(Column::Name), "descending");
}
