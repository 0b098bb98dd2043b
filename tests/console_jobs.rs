//! The jobs page's filter and sort model (no UI), on the host: text, state, every column both
//! ways, header clicks; and what the jobs and task managers polls count as no news.
#![cfg(all(feature = "ui", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use flink_console::app::list::Sort;
use flink_console::app::pages::jobs::{Column, StateFilter, filter_and_sort, live_duration, same_jobs};
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

#[test]
fn a_list_in_which_only_running_durations_moved_on_is_no_news() {
    let before = jobs();
    let mut after = jobs();
    for j in &mut after {
        if !j.state.is_terminal() {
            j.duration = j.duration.get().map(|d| d + 3_000).into();
        }
    }
    assert!(same_jobs(&before, &after), "running jobs' durations grow on every answer");
    assert!(same_jobs(&before, &before));

    let mut ended = jobs();
    ended[1].duration = 9_999.into();
    assert!(!same_jobs(&before, &ended), "an ended job's duration does not move by itself");
    let mut state = jobs();
    state[0].state = flink_console::client::JobStatus::from("FAILING");
    assert!(!same_jobs(&before, &state), "a state change is news");
    let mut tasks = jobs();
    tasks[4].tasks.insert("running", 1);
    assert!(!same_jobs(&before, &tasks), "task counts are news");
    let mut renamed = jobs();
    renamed[0].name = "alpha 2".into();
    assert!(!same_jobs(&before, &renamed));
    assert!(!same_jobs(&before, &before[1..]), "a job more or less is news");
    let mut reordered = jobs();
    reordered.swap(0, 1);
    assert!(!same_jobs(&before, &reordered));
}

#[test]
fn a_running_jobs_duration_grows_by_the_time_since_the_answer() {
    let list = jobs();
    assert_eq!(live_duration(&list[0], 2_500).get(), Some(3_000), "RUNNING: 500 + 2,500");
    assert_eq!(live_duration(&list[4], 1_000).get(), Some(1_300), "RESTARTING has not ended either");
    assert_eq!(live_duration(&list[1], 2_500).get(), Some(4_000), "FINISHED stays");
    assert_eq!(live_duration(&list[0], -5).get(), Some(500), "a clock going back adds nothing");
    let mut unknown = list[0].clone();
    unknown.duration = (-1).into();
    assert_eq!(live_duration(&unknown, 2_500).get(), None, "unknown stays unknown");
}

#[test]
fn task_managers_whose_heartbeats_alone_moved_on_are_no_news() {
    use flink_console::app::pages::taskmanagers::same_taskmanagers;
    use flink_console::client::TaskManagers;
    let recorded: serde_json::Value = serde_json::from_str(include_str!("fixtures/2.3.0/taskmanagers.json")).unwrap();
    let before: TaskManagers = serde_json::from_value(recorded["body"].clone()).unwrap();
    assert!(!before.taskmanagers.is_empty());
    let mut beat = before.clone();
    beat.taskmanagers[0].time_since_last_heartbeat += 10_000;
    assert!(same_taskmanagers(&before, &beat));
    let mut busy = before.clone();
    busy.taskmanagers[0].free_slots ^= 1;
    assert!(!same_taskmanagers(&before, &busy), "a slot taken or freed is news");
    let mut gone = before.clone();
    gone.taskmanagers.pop();
    assert!(!same_taskmanagers(&before, &gone), "a task manager lost is news");
}

#[test]
fn a_job_whose_clock_and_durations_alone_moved_on_is_no_news() {
    use flink_console::app::pages::job::same_job;
    use flink_console::client::JobDetails;
    let recorded: serde_json::Value = serde_json::from_str(include_str!("fixtures/2.3.0/job_detail.json")).unwrap();
    let before: JobDetails = serde_json::from_value(recorded["body"].clone()).unwrap();
    assert!(!before.state.is_terminal() && !before.vertices.is_empty(), "the fixture is a running job");
    let mut later = before.clone();
    later.now += 3_000;
    later.duration = later.duration.get().map(|d| d + 3_000).into();
    for v in &mut later.vertices {
        v.duration = v.duration.get().map(|d| d + 3_000).into();
    }
    assert!(same_job(&before, &later));

    let mut failing = later.clone();
    failing.state = flink_console::client::JobStatus::from("FAILING");
    assert!(!same_job(&before, &failing), "a state change is news");
    let mut vertex = later.clone();
    vertex.vertices[0].parallelism += 1;
    assert!(!same_job(&before, &vertex), "a rescaled vertex is news");
    let mut tasks = later.clone();
    tasks.vertices[0].tasks.insert("RUNNING", 0);
    tasks.vertices[0].tasks.insert("DEPLOYING", 99);
    assert!(!same_job(&before, &tasks), "task states are news");
    let mut fewer = later.clone();
    fewer.vertices.pop();
    assert!(!same_job(&before, &fewer));

    let mut ended = before.clone();
    ended.state = flink_console::client::JobStatus::from("FINISHED");
    let mut ended_later = ended.clone();
    ended_later.duration = ended.duration.get().map(|d| d + 1).into();
    assert!(!same_job(&ended, &ended_later), "an ended job's duration does not move by itself");
}

#[test]
fn a_duration_grows_only_while_it_runs() {
    use flink_console::app::poll::grown;
    use flink_console::client::Millis;
    assert_eq!(grown(Millis::from(1_000), true, 2_000).get(), Some(3_000));
    assert_eq!(grown(Millis::from(1_000), false, 2_000).get(), Some(1_000));
    assert_eq!(grown(Millis::NONE, true, 2_000).get(), None);
    assert_eq!(grown(Millis::from(i64::MAX), true, 2_000).get(), Some(i64::MAX), "no overflow");
}
