// Type-checked, never run (tsc --noEmit --strict): every method of the package, with fields of
// its result used at their declared types. It must compile.
import { FlinkClient, FlinkError } from 'flink-console-client';
import type {
  AsyncOperationStatus, CheckpointStats, ExecutionGraphInfo, FlinkErrorKind, JobDetails, JobId, JobResourceRequirements,
  JobPlanInfo, JobStatus, Metric, RestoreMode, SavepointOperation, TriggerId,
} from 'flink-console-client';

const flink = new FlinkClient('http://127.0.0.1:8081', { timeoutMs: 10000, headers: { Authorization: 'Bearer x' } });
const base: string = flink.baseUrl;

export async function cluster(): Promise<number> {
  const o = await flink.requestClusterOverview({ timeoutMs: 1000 });
  const version: string = o.flinkVersion;
  const slots: number = o.slotsTotal + o.slotsAvailable + o.taskmanagers + o.jobsRunning;
  const d = await flink.dashboardConfig();
  const rescale: boolean = d.features.webRescale;
  const interval: number = d.refreshInterval;
  const entries = await flink.jobmanagerConfig();
  const keys: string[] = entries.map((e) => `${e.key}=${e.value}`);
  const env = await flink.jobmanagerEnvironment();
  const jvm: string[] = [env.jvm.version, env.jvm.arch, ...env.jvm.options, ...env.classpath];
  const logs = await flink.jobmanagerLogs();
  const sizes: number[] = logs.logs.map((l) => l.size + l.mtime);
  const logText: string = await flink.jobmanagerLogFile(logs.logs[0].name, { timeoutMs: 30000 });
  const line: string = await flink.clusterVersion();
  await flink.require('skewAggregation', { timeoutMs: 1000 });
  const apps: string[] = (await flink.requestApplicationsOverview()).applications.map((a) => `${a.name} ${a.status} ${a.duration}`);
  const scheduler: string | null = await flink.jobScheduler('970762374db1c09c2881a915a396ab1e');
  const dump = await flink.requestThreadDump();
  const threads: string[] = dump.threadInfos.map((t) => t.threadName + t.stringifiedThreadInfo);
  const tms = await flink.requestTaskManagerMetricQueryServiceAddresses();
  const tm: string = tms.taskmanagers[0].id;
  const info = await flink.requestTaskManagerDetails(tm);
  const cores: number | undefined = info.hardware?.cpuCores;
  const memory: number | undefined = info.memoryConfiguration['jvmHeapSize'];
  const free: number = info.freeSlots + info.slotsNumber + info.dataPort + info.timeSinceLastHeartbeat;
  const heap: number | undefined = info.metrics?.heapUsed;
  const gc: string[] = (info.metrics?.garbageCollectors ?? []).map((g) => `${g.name} ${g.count} ${g.time}`);
  const slotJobs: string[] = info.allocatedSlots.map((s) => s.jobId + s.assignedTasks);
  const tmLogs: number[] = (await flink.taskmanagerLogs(tm)).logs.map((l) => l.size);
  const tmDump = await flink.requestTaskManagerThreadDump(tm);
  const tmMetrics: Metric[] = await flink.requestTaskManagerMetrics(tm, ['Status.JVM.CPU.Load']);
  const tmAvailable: Metric[] = await flink.requestTaskManagerMetrics(tm);
  const value: string | null = tmMetrics[0].value;
  // Scope, names and aggregations have defaults: the job manager, all metrics, all aggregations.
  const jmMetrics: Metric[] = await flink.requestMetricQueryServiceAddresses();
  const jmNames: string[] = jmMetrics.map((metric) => metric.id);
  const m = await flink.requestMetricQueryServiceAddresses({ type: 'vertex', jobId: 'a', vertexId: 'b' }, []);
  await flink.requestMetricQueryServiceAddresses(undefined, ['numRunningJobs'], { timeoutMs: 1000 });
  const agg = await flink.requestAggregatedMetrics({ type: 'taskManagers' }, ['x'], ['sum', 'max']);
  const sum: number | null = agg[0].sum;
  const allAgg = await flink.requestAggregatedMetrics({ type: 'jobs' });
  const run = await flink.startProfiling('ITIMER', 30, { type: 'taskManager', taskManagerId: tm }, { timeoutMs: 5000 });
  const runs: string[] = (await flink.profilingList()).profilingList.map((p) => `${p.status} ${p.mode} ${p.triggerTime} ${p.finishedTime} ${p.message}`);
  const flame: string = await flink.profilingFile(run.outputFile ?? '', { type: 'jobManager' });
  await flink.shutDownCluster();
  return [version, line, jvm, apps, scheduler, base, keys, threads, value, m[0].id, tmDump.threadInfos.length, cores, memory, sizes, rescale, logText,
    tmAvailable, jmNames, allAgg[0].skew, heap, gc, slotJobs, tmLogs, runs, flame, run.duration].length
    + slots + interval + free + (sum ?? 0);
}

export async function jobs(job: JobId, vertex: string): Promise<unknown[]> {
  const all = await flink.requestMultipleJobDetails();
  const ids: JobStatus[] = (await flink.requestJobIds()).jobs.map((j) => j.status);
  const first = all.jobs[0];
  const state: JobStatus = first.state;
  const started: number | null = first.startTime;
  const running: number | undefined = first.tasks['running'];
  const details: JobDetails = await flink.requestJob(job);
  const parallelism: number[] = details.vertices.map((v) => v.parallelism + v.maxParallelism);
  const stoppable: boolean = details.isStoppable;
  const [again, exceptions]: ExecutionGraphInfo = await flink.requestExecutionGraphInfo(job);
  const history = await flink.requestJobExceptions(job, { maxExceptions: 5, timeoutMs: 1000 });
  const names: string[] = history.exceptionHistory.entries.map((e) => e.exceptionName + e.stacktrace);
  const status: JobStatus = (await flink.requestJobStatus(job)).status;
  const result = await flink.requestJobResult(job);
  const final: string | null | undefined = result.jobExecutionResult?.applicationStatus;
  const config = await flink.requestJobConfig(job);
  const userConfig: Record<string, string> | undefined = config.executionConfig?.userConfig;
  const plan = await flink.requestJobPlan(job);
  const nodes: string[] = plan.plan.nodes.map((n) => n.description + n.inputs.length);
  const vd = await flink.requestVertexDetails(job, vertex);
  const subtasks: number[] = vd.subtasks.map((s) => s.attempt + s.subtask);
  const times = await flink.requestVertexSubtaskTimes(job, vertex);
  const timestamps: Record<string, number> = times.subtasks[0].timestamps;
  const level: string | null | undefined = (await flink.requestVertexBackpressure(job, vertex)).backpressureLevel;
  const counted: string[] = (await flink.requestVertexAccumulators(job, vertex)).userAccumulators.map((a) => a.type + a.value);
  const perSubtask: number[] = (await flink.requestVertexSubtaskAccumulators(job, vertex)).subtasks.map((s) => s.attempt);
  const marks: (number | null)[] = (await flink.requestVertexWatermarks(job, vertex)).map((w) => w.watermark);
  const busy: number | null = (await flink.requestVertexFlow(job, vertex)).busyMax;
  const frames: number = (await flink.requestVertexFlameGraph(job, vertex, 'off_cpu', 0)).data?.children.length ?? 0;
  await flink.cancelJob(job, { timeoutMs: 5000 });
  await flink.reportJobClientHeartbeat(job, Date.now() + 60000);
  const answer: Uint8Array = await flink.deliverCoordinationRequestToCoordinator(job, 'uid', new Uint8Array([1]));
  return [ids, state, started, running, parallelism, stoppable, again.jid, exceptions.exceptionHistory.truncated, names, status,
    final, userConfig, nodes, subtasks, timestamps, counted, perSubtask, level, marks, busy, frames, answer.byteLength];
}

export async function checkpoints(job: JobId, vertex: string): Promise<unknown[]> {
  const stats = await flink.requestCheckpointStats(job);
  const completed: number = stats.counts.completed;
  const latest: CheckpointStats | null = stats.latest.completed;
  const p99: number | undefined = stats.summary.endToEndDuration?.p99;
  const cfg = await flink.requestCheckpointConfig(job);
  const every: number = cfg.interval;
  const cp = await flink.requestCheckpointDetails(job, 7);
  const path: string | null = cp.externalPath;
  const sub = await flink.requestCheckpointSubtaskDetails(job, 7, vertex);
  const acks: number = sub.numAcknowledgedSubtasks;
  const trigger: TriggerId = await flink.triggerCheckpoint(job, { checkpointType: 'FULL', triggerId: 'f'.repeat(32), timeoutMs: 1 });
  const status = await flink.getTriggeredCheckpointStatus(job, trigger);
  const id: number | null | undefined = status.operation?.checkpointId;
  const waited: number = await flink.waitForCheckpoint(job, trigger, { timeoutMs: 60000, pollIntervalMs: 250 });
  return [completed, latest?.id, p99, every, path, acks, id, waited];
}

export async function savepoints(job: JobId): Promise<unknown[]> {
  const trigger = await flink.triggerSavepoint(job, { targetDirectory: '/tmp', formatType: 'CANONICAL', triggerId: 'a'.repeat(32) });
  const status: AsyncOperationStatus<SavepointOperation> = await flink.getTriggeredSavepointStatus(job, trigger);
  const cause: string | undefined = status.operation?.failureCause?.stackTrace;
  const location: string = await flink.waitForSavepoint(job, trigger, { timeoutMs: 60000 });
  const stop = await flink.stopWithSavepoint(job, { drain: true, formatType: 'NATIVE' });
  const disposal = await flink.disposeSavepoint(location);
  const disposed = await flink.getSavepointDisposalStatus(disposal);
  const failed: string | null | undefined = disposed.operation?.failureCause?.class;
  await flink.waitForSavepointDisposal(disposal);
  return [cause, stop, failed];
}

export async function rescaleAndJars(job: JobId, bytes: Uint8Array): Promise<unknown[]> {
  const requirements: JobResourceRequirements = await flink.requestJobResourceRequirements(job);
  for (const r of Object.values(requirements)) r.parallelism.upperBound = r.parallelism.lowerBound + 1;
  await flink.updateJobResourceRequirements(job, requirements);
  const upload = await flink.uploadJar('job.jar', bytes);
  let shown = 0;
  await flink.uploadJarWithProgress('job.jar', bytes, (sent: number, total: number) => { shown = total > 0 ? sent / total : 0; }, { timeoutMs: 60000 });
  const jarId: string = upload.filename.split('/').pop() ?? '';
  const jars = await flink.listJars();
  const entries: (string | null)[] = jars.files.flatMap((f) => f.entry.map((e) => e.description));
  const plan: JobPlanInfo = await flink.jarPlan(jarId, { entryClass: 'a.B', programArgs: ['--x'], parallelism: 2 });
  const vertices: number = plan.plan.nodes.length;
  const run = await flink.runJar(jarId, { entryClass: 'a.B', programArgs: ['--x'], parallelism: 2, allowNonRestoredState: true });
  const mode: RestoreMode = 'NO_CLAIM';
  await flink.runJar(jarId, { savepointPath: 'file:/tmp/savepoint-1', restoreMode: mode });
  const submitted: JobId = run.jobid;
  await flink.deleteJar(jarId);
  return [entries, vertices, submitted, shown];
}

export function errors(e: unknown): string {
  if (!(e instanceof FlinkError)) return 'other';
  const kind: FlinkErrorKind = e.kind;
  const status: number | null = e.status;
  const notFound: boolean = e.isNotFound;
  const said: string[] = e.messages;
  return `${e.name} ${kind} ${status} ${notFound} ${said.join()} ${e.flinkMessage ?? ''} ${e.message}`;
}
