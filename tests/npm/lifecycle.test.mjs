// The package against the real Flink: a job of its own from an uploaded jar, taken through
// checkpoints, savepoints (idempotent by triggerId), disposal, rescaling, stop and cancel, each
// checked by its effect (files on disk, job state, parallelism).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { FlinkError } from 'flink-console-client';
import { DEMO_JAR, ENTRY_CLASS, allTasksRunning, flink, localPath, runDemoJob, savepointDirs, triggerId, waitUntil } from './lib.mjs';

// Chained with the sink: 'Count per key -> Discard: Writer'.
const COUNT_VERTEX = 'Count per key';

describe('a job of our own, from an uploaded jar', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flink-npm-savepoints-'));
  const target = `file://${dir}`;
  let jarId, jobA, jobB;

  before(() => assert.ok(DEMO_JAR && existsSync(DEMO_JAR), `DEMO_JAR (${DEMO_JAR}) must name the demo jar`));
  after(async () => {
    for (const job of [jobA, jobB]) if (job) await flink.cancelJob(job).catch(() => {});
    if (jarId) await flink.deleteJar(jarId).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploadJar, listJars and runJar submit jobs', async () => {
    const upload = await flink.uploadJar(basename(DEMO_JAR), new Uint8Array(readFileSync(DEMO_JAR)), { timeoutMs: 60000 });
    assert.equal(upload.status, 'success');
    jarId = upload.filename.split('/').pop();
    const jars = await flink.listJars();
    assert.ok(jars.files.some((f) => f.id === jarId), `${jarId} listed`);
    const plan = await flink.jarPlan(jarId, { entryClass: ENTRY_CLASS, programArgs: ['--name', 'npm: plan'], parallelism: 2, timeoutMs: 60000 });
    assert.ok(plan.plan.nodes.length >= 2, 'the plan of the demo program, without running it');
    // The demo's source sets parallelism 1 itself; the job's parallelism reaches the others.
    assert.ok(plan.plan.nodes.some((n) => n.parallelism === 2), JSON.stringify(plan.plan.nodes.map((n) => n.parallelism)));
    [jobA, jobB] = await Promise.all([runDemoJob(jarId, 'npm: savepoints & rescale'), runDemoJob(jarId, 'npm: stop')]);
    assert.match(jobA, /^[0-9a-f]{32}$/);
  });

  it('reads the running job: details, plan, vertices, config, exceptions, result', async () => {
    const job = await flink.requestJob(jobA);
    assert.equal(job.name, 'npm: savepoints & rescale');
    assert.equal(job.state, 'RUNNING');
    assert.equal(job.endTime, null, 'an unset time is null');
    assert.equal(Object.getPrototypeOf(job.timestamps), Object.prototype, 'maps are plain objects');
    const plan = await flink.requestJobPlan(jobA);
    assert.deepEqual(plan.plan.nodes.map((n) => n.id).sort(), job.vertices.map((v) => v.id).sort());
    const vertex = job.vertices.find((v) => v.name.startsWith(COUNT_VERTEX));
    const details = await flink.requestVertexDetails(jobA, vertex.id);
    assert.equal(details.subtasks.length, 1);
    const times = await flink.requestVertexSubtaskTimes(jobA, vertex.id);
    assert.equal(times.id, vertex.id);
    assert.equal(typeof details.subtasks[0].metrics.readRecords, 'number', 'subtask I/O counters, camelCase');
    const merged = await flink.requestVertexAccumulators(jobA, vertex.id);
    assert.equal(merged.id, vertex.id);
    assert.ok(merged.userAccumulators.every((a) => a.name === 'records counted' && a.type === 'LongCounter'), JSON.stringify(merged));
    const perSubtask = await flink.requestVertexSubtaskAccumulators(jobA, vertex.id);
    assert.deepEqual(perSubtask.subtasks.map((s) => s.subtask), [0]);
    assert.ok(Array.isArray(perSubtask.subtasks[0].userAccumulators), JSON.stringify(perSubtask));
    const pressure = await flink.requestVertexBackpressure(jobA, vertex.id);
    assert.ok(['ok', 'deprecated'].includes(pressure.status), pressure.status);
    // Flink has the metric once its fetcher ran (every 10 s): none yet is an empty list.
    const marks = await flink.requestVertexWatermarks(jobA, vertex.id);
    assert.ok(marks.every((m) => m.subtask === 0 && (m.watermark === null || m.watermark > 1.7e12)), JSON.stringify(marks));
    const graph = await flink.requestVertexFlameGraph(jobA, vertex.id, 'on_cpu');
    assert.ok(['waiting', 'ready'].includes(graph.state), graph.state);
    await assert.rejects(flink.requestVertexFlameGraph(jobA, vertex.id, 'hot'), { kind: 'invalid_input' });
    const flow = await flink.requestVertexFlow(jobA, vertex.id);
    assert.deepEqual(Object.keys(flow).sort(), ['backpressuredMax', 'busyMax', 'lowWatermark', 'recordsIn', 'recordsOut']);
    const config = await flink.requestJobConfig(jobA);
    assert.equal(config.jid, jobA);
    const exceptions = await flink.requestJobExceptions(jobA);
    assert.deepEqual(exceptions.exceptionHistory.entries, []);
    const [again, history] = await flink.requestExecutionGraphInfo(jobA);
    assert.equal(again.jid, jobA);
    assert.ok(Array.isArray(history.exceptionHistory.entries));
    const result = await flink.requestJobResult(jobA);
    assert.equal(result.status.id, 'IN_PROGRESS');
    assert.equal(result.jobExecutionResult, null);
    assert.deepEqual(await flink.requestJobStatus(jobA), { status: 'RUNNING' });
  });

  it('triggerCheckpoint + waitForCheckpoint take a checkpoint with the given triggerId', async () => {
    await allTasksRunning(jobA);
    const id = triggerId();
    assert.equal(await flink.triggerCheckpoint(jobA, { triggerId: id, checkpointType: 'FULL' }), id);
    const checkpoint = await flink.waitForCheckpoint(jobA, id, { timeoutMs: 60000 });
    assert.equal(typeof checkpoint, 'number');
    const status = await flink.getTriggeredCheckpointStatus(jobA, id);
    assert.equal(status.status.id, 'COMPLETED');
    assert.equal(status.operation?.checkpointId, checkpoint);
    const details = await flink.requestCheckpointDetails(jobA, checkpoint);
    assert.equal(details.id, checkpoint);
    assert.equal(details.status, 'COMPLETED');
    const [vertexId] = Object.keys(details.tasks);
    const subtasks = await flink.requestCheckpointSubtaskDetails(jobA, checkpoint, vertexId);
    assert.equal(subtasks.subtasks.length, 1);
    const stats = await flink.requestCheckpointStats(jobA);
    assert.ok(stats.counts.completed >= 1);
    assert.equal((await flink.requestCheckpointConfig(jobA)).interval, 2000);
  });

  it('triggerSavepoint with one triggerId twice takes one savepoint, on disk', async () => {
    const id = triggerId();
    const options = { targetDirectory: target, formatType: 'CANONICAL', triggerId: id };
    const [first, second] = await Promise.all([flink.triggerSavepoint(jobA, options), flink.triggerSavepoint(jobA, options)]);
    assert.deepEqual([first, second], [id, id]);
    const location = await flink.waitForSavepoint(jobA, id, { timeoutMs: 60000 });
    assert.ok(existsSync(join(localPath(location), '_metadata')), `${location}/_metadata exists`);
    // Again after completion, even with another body: still the same operation.
    assert.equal(await flink.triggerSavepoint(jobA, { ...options, formatType: 'NATIVE' }), id);
    assert.equal(await flink.waitForSavepoint(jobA, id), location);
    assert.deepEqual(savepointDirs(dir), [basename(localPath(location))]);
    const status = await flink.getTriggeredSavepointStatus(jobA, id);
    assert.deepEqual(status, { status: { id: 'COMPLETED' }, operation: { location, failureCause: null } });

    const disposal = await flink.disposeSavepoint(location);
    await flink.waitForSavepointDisposal(disposal, { timeoutMs: 60000 });
    assert.equal((await flink.getSavepointDisposalStatus(disposal)).status.id, 'COMPLETED');
    assert.ok(!existsSync(localPath(location)), 'disposed savepoint removed from disk');
  });

  it('reportJobClientHeartbeat and deliverCoordinationRequestToCoordinator reach the JobMaster', async () => {
    assert.equal(await flink.reportJobClientHeartbeat(jobA, Date.now() + 3600_000), undefined);
    // A Java-serialized String: Flink decodes our bytes, then finds it is no CoordinationRequest.
    const javaString = new Uint8Array([0xac, 0xed, 0x00, 0x05, 0x74, 0x00, 0x01, 0x78]);
    const error = await flink.deliverCoordinationRequestToCoordinator(jobA, 'events', javaString).then(() => null, (e) => e);
    assert.ok(error instanceof FlinkError, `rejected with a FlinkError (${error})`);
    assert.equal(error.kind, 'http');
    assert.match(error.flinkMessage, /java\.lang\.String cannot be cast to .*CoordinationRequest/);
  });

  it('updateJobResourceRequirements rescales a vertex 1 → 2', async () => {
    const requirements = await flink.requestJobResourceRequirements(jobA);
    const job = await flink.requestJob(jobA);
    const vertex = job.vertices.find((v) => v.name.startsWith(COUNT_VERTEX));
    assert.deepEqual(requirements[vertex.id], { parallelism: { lowerBound: 1, upperBound: 1 } });

    const partial = { [vertex.id]: requirements[vertex.id] };
    const rejected = await flink.updateJobResourceRequirements(jobA, partial).then(() => null, (e) => e);
    assert.equal(rejected?.kind, 'invalid_input', 'a map without every vertex is refused before sending');

    requirements[vertex.id].parallelism.upperBound = 2;
    await flink.updateJobResourceRequirements(jobA, requirements);
    assert.equal((await flink.requestJobResourceRequirements(jobA))[vertex.id].parallelism.upperBound, 2);
    await waitUntil('parallelism 2', async () => {
      const now = await flink.requestJob(jobA);
      return now.vertices.find((v) => v.id === vertex.id).parallelism === 2;
    }, 90000, 1000);
  });

  it('stopWithSavepoint stops a job and leaves its savepoint', async () => {
    await allTasksRunning(jobB);
    const id = triggerId();
    assert.equal(await flink.stopWithSavepoint(jobB, { targetDirectory: target, drain: false, triggerId: id }), id);
    const location = await flink.waitForSavepoint(jobB, id, { timeoutMs: 60000 });
    assert.ok(existsSync(join(localPath(location), '_metadata')));
    await waitUntil('job B finished', async () => (await flink.requestJobStatus(jobB)).status === 'FINISHED', 30000);
  });

  it('cancelJob cancels; a savepoint of the canceled job fails as operation_failed', async () => {
    await flink.cancelJob(jobA);
    await waitUntil('job A canceled', async () => (await flink.requestJobStatus(jobA)).status === 'CANCELED', 30000);
    const result = await flink.requestJobResult(jobA);
    assert.equal(result.jobExecutionResult?.applicationStatus, 'CANCELED');

    const id = await flink.triggerSavepoint(jobA, { targetDirectory: target });
    const error = await flink.waitForSavepoint(jobA, id, { timeoutMs: 30000 }).then(() => null, (e) => e);
    assert.ok(error instanceof FlinkError);
    assert.equal(error.kind, 'operation_failed');
    assert.match(error.message, /^The savepoint failed: /);
    assert.ok(error.messages[0].length > 0, 'the stack trace is kept');
  });

  it('deleteJar removes the jar', async () => {
    await flink.deleteJar(jarId);
    assert.ok(!(await flink.listJars()).files.some((f) => f.id === jarId));
    jarId = undefined;
  });
});
