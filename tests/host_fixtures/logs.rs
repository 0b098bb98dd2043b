//! Logs and thread dumps of the job manager and the task managers.
use flink_console::client::request as rq;
use flink_console::client::*;

fn log_list(l: &LogList) {
    assert_eq!(l.logs.len(), 8);
    let jm = l.logs.iter().find(|l| l.name == "jobmanager.log").unwrap();
    assert_eq!(jm.size, 332055);
    assert!(l.logs.iter().any(|l| l.name == "taskmanager.log"));
}

fn thread_dump(d: &ThreadDump, threads: usize) {
    assert_eq!(d.thread_infos.len(), threads);
    assert_eq!(d.thread_infos[0].thread_name, "main");
    assert!(d.thread_infos[0].stringified_thread_info.starts_with("\"main\" Id=1"));
}

fixtures! {
    jobmanager_logs: Model(|_, l| log_list(&l)), NoBody(|_| rq::jobmanager_logs());
    jobmanager_thread_dump: Model(|_, d| thread_dump(&d, 71)), NoBody(|_| rq::request_thread_dump());
    taskmanager_logs:
        Model(|_, l: LogList| log_list(&l)),
        NoBody(|f| rq::taskmanager_logs(&f.task_manager()));
    taskmanager_thread_dump:
        Model(|_, d| thread_dump(&d, 52)),
        NoBody(|f| rq::request_task_manager_thread_dump(&f.task_manager()));
}

mod profiler {
    use flink_console::client::request as rq;
    use flink_console::client::*;

    fn target(f: &crate::common::Fixture) -> ProfilerTarget {
        ProfilerTarget::TaskManager(f.task_manager())
    }

    fixtures! {
        profiler_start:
            Model(|_, p: ProfilingInfo| {
                assert_eq!((p.status, p.mode, p.duration), (ProfilingStatus::Running, ProfilingMode::Itimer, 2));
                assert!(p.trigger_time.get().is_some() && p.finished_time.get().is_none() && p.output_file.is_none());
            }),
            WithBody(|f| rq::start_profiling(&target(f), &ProfilingMode::Itimer, 2), Exact);
        err_profiler_busy: Error("127.0.0.1:9083-6f9a42 is still under profiling.", false),
            WithBody(|f| rq::start_profiling(&target(f), &ProfilingMode::Wall, 2), Exact);
        profiler_list:
            Model(|_, l: ProfilingList| {
                let run = &l.profiling_list[0];
                assert_eq!((&run.status, run.message.as_str()), (&ProfilingStatus::Finished, "Profiling Successful"));
                assert!(run.output_file.as_deref().unwrap().ends_with(".html"));
                assert!(run.finished_time.get() >= run.trigger_time.get());
            }),
            NoBody(|f| rq::profiling_list(&target(f)));
        jobmanager_profiler_list:
            Model(|_, l: ProfilingList| {
                assert_eq!(l.profiling_list[0].mode, ProfilingMode::Alloc);
                assert!(l.profiling_list[0].output_file.as_deref().unwrap().starts_with("JobManager_ALLOC_"));
            }),
            NoBody(|_| rq::profiling_list(&ProfilerTarget::JobManager));
    }
}
pub use profiler::COVERED as PROFILER_COVERED;
