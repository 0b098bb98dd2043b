// The package against the real Flink: cluster, task managers, metrics, the demo jobs (read
// only), and Flink's not-found answers as typed errors.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FlinkError } from 'flink-console-client';
import { DEMO_JOBS, FLINK_REST_URL, flink, rejection, waitUntil } from './lib.mjs';

const UNKNOWN_JOB = '0123456789abcdef0123456789abcdef';

describe('cluster and task managers', () => {
  it('startProfiling, profilingList and profilingFile on a task manager and the job manager', async () => {
    const tm = (await flink.requestTaskManagerMetricQueryServiceAddresses()).taskmanagers[0].id;
    for (const target of [{ type: 'taskManager', taskManagerId: tm }, undefined]) {
      const run = await flink.startProfiling('ITIMER', 1, target);
      assert.equal(run.status, 'RUNNING');
      const done = await waitUntil('the profiling run', async () => {
        const list = (await flink.profilingList(target)).profilingList;
        return list.find((p) => p.triggerTime === run.triggerTime && p.status !== 'RUNNING');
      }, 30000, 500);
      assert.equal(done.status, 'FINISHED', done.message);
      assert.match(await flink.profilingFile(done.outputFile, target), /<html/i);
    }
  });

  it('requestClusterOverview, dashboardConfig, jobmanagerConfig, jobmanagerEnvironment, jobmanagerLogs, jobmanagerLogFile, requestThreadDump', async () => {
    const overview = await flink.requestClusterOverview();
    assert.equal(overview.flinkVersion, '2.3.0');
    assert.ok(overview.taskmanagers >= 1 && overview.slotsTotal >= 2);
    const config = await flink.dashboardConfig({ timeoutMs: 5000 });
    assert.ok(config.refreshInterval > 0);
    assert.equal(typeof config.features.webSubmit, 'boolean');
    const entries = await flink.jobmanagerConfig();
    assert.equal(entries.find((e) => e.key === 'rest.port')?.value, new URL(FLINK_REST_URL).port);
    const env = await flink.jobmanagerEnvironment();
    assert.match(env.jvm.version, /17\./);
    assert.ok(env.jvm.options.some((o) => o.startsWith('-Xmx')) && env.classpath.some((c) => c.endsWith('.jar')), JSON.stringify(env.jvm));
    const log = (await flink.jobmanagerLogs()).logs.find((l) => l.name.endsWith('.log'));
    assert.ok(log, 'a .log file listed');
    // A local cluster's log folder also holds the task manager's logs: any Flink log will do.
    assert.match(await flink.jobmanagerLogFile(log.name), / INFO +org\.apache\.flink\./);
    assert.ok((await flink.requestThreadDump()).threadInfos.length > 10);
  });

  it('requestTaskManagerMetricQueryServiceAddresses and the calls per task manager', async () => {
    const { taskmanagers } = await flink.requestTaskManagerMetricQueryServiceAddresses();
    assert.ok(taskmanagers.length >= 1);
    const tm = taskmanagers[0].id;
    const details = await flink.requestTaskManagerDetails(tm);
    assert.equal(details.id, tm);
    assert.equal(Object.getPrototypeOf(details.memoryConfiguration), Object.prototype);
    assert.ok(details.metrics.heapMax > 0 && details.metrics.garbageCollectors.length > 0, JSON.stringify(details.metrics));
    assert.ok(Array.isArray(details.allocatedSlots));
    assert.ok((await flink.taskmanagerLogs(tm)).logs.some((l) => l.name.endsWith('.log')));
    assert.ok((await flink.requestTaskManagerThreadDump(tm)).threadInfos.length > 0);
    await assert.rejects(flink.startProfiling('ITIMER', 0), /durationSeconds must be a whole number from 1/);
    // Metrics appear a few seconds after a component starts: poll.
    const [cpu] = await waitUntil('task manager metrics', async () => {
      const list = await flink.requestTaskManagerMetrics(tm, ['Status.JVM.CPU.Load']);
      return list.length > 0 && list;
    }, 30000, 1000);
    assert.equal(cpu.id, 'Status.JVM.CPU.Load');
  });

  it('metrics of the job manager, a job, a vertex, and aggregated ones', async () => {
    const jobs = (await flink.requestMultipleJobDetails()).jobs.filter((j) => j.state === 'RUNNING');
    const job = await flink.requestJob(jobs[0].jid);
    const vertex = job.vertices[0].id;
    const metrics = (scope, names) => waitUntil(`metrics of ${scope.type}`, async () => {
      const list = await flink.requestMetricQueryServiceAddresses(scope, names);
      return list.length > 0 && list;
    }, 30000, 1000);
    const [running] = await metrics({ type: 'jobManager' }, ['numRunningJobs']);
    assert.ok(Number(running.value) >= 1);
    const available = await metrics({ type: 'job', jobId: job.jid }, []);
    assert.ok(available.some((m) => m.id === 'uptime') && available.every((m) => m.value === null));
    const vertexMetrics = await metrics({ type: 'vertex', jobId: job.jid, vertexId: vertex }, []);
    assert.ok(vertexMetrics.every((m) => typeof m.id === 'string'));
    const [heap] = await waitUntil('aggregated heap', async () => {
      const list = await flink.requestAggregatedMetrics({ type: 'taskManagers' }, ['Status.JVM.Memory.Heap.Used'], ['sum', 'max']);
      return list.length > 0 && list;
    }, 30000, 1000);
    assert.ok(heap.sum > 0 && heap.max > 0 && heap.min === null);
    const jobsAgg = await flink.requestAggregatedMetrics({ type: 'jobs' }, ['uptime'], ['max']);
    assert.ok(Array.isArray(jobsAgg));
    const subtasks = await flink.requestAggregatedMetrics({ type: 'subtasks', jobId: job.jid, vertexId: vertex }, [], []);
    assert.ok(Array.isArray(subtasks));
    const bad = await rejection(flink.requestAggregatedMetrics({ type: 'jobs' }, ['uptime'], ['median']));
    assert.equal(bad.kind, 'invalid_input');
  });
});

describe('the cluster\'s line', () => {
  it('clusterVersion, require, requestApplicationsOverview and jobScheduler on Flink 2.3', async () => {
    assert.equal(await flink.clusterVersion(), '2.3.0');
    await flink.require('applications');
    await flink.require('profiler');
    const bad = await rejection(flink.require('teleport'));
    assert.equal(bad.kind, 'invalid_input');
    assert.match(bad.message, /^feature must be 'resourceRequirements', .* or 'schedulerType', not 'teleport'$/);
    const { applications } = await flink.requestApplicationsOverview();
    assert.ok(applications.some((a) => a.status === 'RUNNING' && a.jobs.RUNNING >= 1), JSON.stringify(applications));
    const { jobs } = await flink.requestMultipleJobDetails();
    assert.equal(await flink.jobScheduler(jobs.find((j) => j.name === DEMO_JOBS[0]).jid), 'Adaptive');
  });
});

describe('jobs', () => {
  it('requestMultipleJobDetails lists the demo jobs, names as sent; requestJobIds their ids', async () => {
    const { jobs } = await flink.requestMultipleJobDetails();
    const ids = (await flink.requestJobIds()).jobs;
    for (const name of DEMO_JOBS) {
      const job = jobs.find((j) => j.name === name);
      assert.ok(job, `${name} listed`);
      assert.equal(job.state, 'RUNNING');
      assert.deepEqual(ids.find((j) => j.id === job.jid), { id: job.jid, status: 'RUNNING' });
      assert.equal(typeof job.startTime, 'number');
      assert.equal(job.endTime, null);
    }
  });

  it('an unknown job rejects with a typed not-found FlinkError', async () => {
    const e = await rejection(flink.requestJob(UNKNOWN_JOB));
    assert.ok(e instanceof FlinkError && e instanceof Error);
    assert.equal(e.name, 'FlinkError');
    assert.equal(e.kind, 'http');
    assert.equal(e.status, 404);
    assert.equal(e.isNotFound, true);
    assert.equal(e.message, `Flink answered 404 for ${FLINK_REST_URL}/jobs/${UNKNOWN_JOB}: ${e.flinkMessage}`);
    assert.ok(e.messages.length >= 1);
    // /status answers 500 with FlinkJobNotFoundException: still "not found".
    const status = await rejection(flink.requestJobStatus(UNKNOWN_JOB));
    assert.equal(status.status, 500);
    assert.equal(status.isNotFound, true);
  });
});
