//! The cluster: overview, dashboard and job manager configuration, task managers.
use flink_console::client::request as rq;
use flink_console::client::*;

use crate::common::*;

fn cluster_overview(o: &ClusterOverview, slots_available: u32, running: u32, finished: u32, cancelled: u32) {
    assert_eq!(o.flink_version, "2.3.0");
    assert_eq!(o.flink_commit, "c0f8d1a");
    assert_eq!(o.taskmanagers, 1);
    assert_eq!(o.slots_total, 4);
    assert_eq!(o.slots_available, slots_available);
    assert_eq!(o.jobs_running, running);
    assert_eq!(o.jobs_finished, finished);
    assert_eq!(o.jobs_cancelled, cancelled);
    assert_eq!(o.jobs_failed, 0);
}

fixtures! {
    applications_overview_final:
        Model(|_, a| {
            let apps = a.applications;
            assert_eq!(apps.len(), 3);
            assert!(apps.iter().all(|a| a.jobs.len() == 1));
            assert_eq!(apps[0].name, "SingleJobApplication(stateful-counter)");
            assert_eq!((apps[0].status.as_str(), apps[0].duration.get()), ("FINISHED", Some(566_909)));
        }),
        NoBody(|_| rq::request_applications_overview());
    config:
        Model(|_, c| {
            assert_eq!(c.refresh_interval, 3000);
            assert_eq!(c.flink_version, "2.3.0");
            assert!(c.flink_revision.starts_with("c0f8d1a @ "));
            assert_eq!(c.timezone_name, "Coordinated Universal Time");
            assert_eq!(c.timezone_offset, 0);
            assert_eq!(c.features, DashboardFeatures { web_submit: true, web_cancel: true, web_rescale: true, web_history: false });
        }),
        NoBody(|_| rq::dashboard_config());
    err_unknown_route: Error("Unable to load requested file /no/such/route.", true), NoBuilder("not a Flink endpoint");
    err_unknown_taskmanager: Error("No TaskExecutor registered under nope.", true),
        NoBody(|f| rq::request_task_manager_details(&f.task_manager()));
    jobmanager_config:
        Model(|_, c| {
            assert_eq!(c.len(), 30);
            let dir = c.iter().find(|e| e.key == "execution.checkpointing.savepoint-dir").unwrap();
            assert_eq!(dir.value, "file:///var/lib/flink/savepoints");
            assert!(c.iter().any(|e| e.key == "web.cancel.enable" && e.value == "true"));
        }),
        NoBody(|_| rq::jobmanager_config());
    jobmanager_environment:
        Model(|_, e| {
            assert!(e.jvm.version.contains("17.0.15"));
            assert_eq!(e.jvm.arch, "amd64");
            assert!(e.jvm.options.iter().any(|o| o == "-Xmx469762048"));
            assert!(e.classpath.iter().any(|c| c.ends_with(".jar")));
        }),
        NoBody(|_| rq::jobmanager_environment());
    overview: Model(|_, o| cluster_overview(&o, 2, 2, 0, 0)), NoBody(|_| rq::request_cluster_overview());
    overview_after_rescale: Model(|_, o| cluster_overview(&o, 1, 2, 0, 0)), NoBody(|_| rq::request_cluster_overview());
    overview_before_jobs: Model(|_, o| cluster_overview(&o, 4, 0, 0, 0)), NoBody(|_| rq::request_cluster_overview());
    overview_final: Model(|_, o| cluster_overview(&o, 4, 0, 1, 2)), NoBody(|_| rq::request_cluster_overview());
    taskmanager_detail:
        Model(|_, t| {
            assert_eq!(t.id, TM);
            assert_eq!(t.path, "pekko.tcp://flink@127.0.0.1:6122/user/rpc/taskmanager_0");
            assert_eq!(t.data_port, 43161);
            assert_eq!((t.slots_number, t.free_slots), (4, 2));
            let hw = t.hardware.unwrap();
            assert_eq!((hw.cpu_cores, hw.physical_memory), (2, 25276063744));
            assert_eq!(t.memory_configuration["totalProcessMemory"], 1610612736.0);
            let jobs: Vec<_> = t.allocated_slots.iter().map(|s| (s.job_id.as_str(), s.assigned_tasks)).collect();
            assert_eq!(jobs, [("970762374db1c09c2881a915a396ab1e", 2), ("7b4d69f0f2209066eecd22caef5ddcb7", 2)]);
            let m = t.metrics.unwrap();
            assert_eq!((m.heap_max, m.netty_shuffle_memory_segments_total), (436207616, 3481));
            let gc: Vec<_> = m.garbage_collectors.iter().map(|g| (g.name.as_str(), g.count, g.time)).collect();
            assert_eq!(gc, [("All", 7, 179), ("G1_Young_Generation", 7, 179), ("G1_Old_Generation", 0, 0)]);
        }),
        NoBody(|f| rq::request_task_manager_details(&f.task_manager()));
    taskmanagers:
        Model(|_, t| {
            assert_eq!(t.taskmanagers.len(), 1);
            assert_eq!(t.taskmanagers[0].id, TM);
            assert_eq!(t.taskmanagers[0].slots_number, 4);
            assert_eq!(t.taskmanagers[0].hardware.as_ref().unwrap().cpu_cores, 2);
        }),
        NoBody(|_| rq::request_task_manager_metric_query_service_addresses());
}
