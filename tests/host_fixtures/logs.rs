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
