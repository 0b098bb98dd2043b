//! Sample data shared by the host and browser tests of the console.
use flink_console::client::{JobId, JobOverview, JobStatus, TaskCounts, Timestamp};

/// A job in `/jobs/overview` with id `n` (as 32 hex digits), all of its tasks running.
pub fn job(n: u32, name: &str, state: &str, start: i64, duration: i64, tasks: u32) -> JobOverview {
    JobOverview {
        jid: JobId::parse(&format!("{n:032x}")).unwrap(),
        name: name.into(),
        state: JobStatus::from(state),
        start_time: start.into(),
        end_time: Timestamp::NONE,
        duration: duration.into(),
        last_modification: Timestamp::NONE,
        tasks: TaskCounts::from_iter([("total", tasks), ("running", tasks)]),
    }
}
