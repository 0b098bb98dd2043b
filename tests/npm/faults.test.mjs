// The client behind tests/fault-proxy.mjs, in front of the real Flink: every fault on a read is a
// typed error and the next call works (a wasm panic would poison every later call); a trigger
// whose answer is lost after Flink got it, retried with its trigger id, makes one savepoint or
// checkpoint; a lost stop or cancel answer leaves the job's real state to be read.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FlinkClient, FlinkError } from 'flink-console-client';
import { DEMO_JAR, DEMO_JOBS, FLINK_REST_URL, flink, localPath, rejection, runDemoJob, savepointDirs, triggerId, waitUntil } from './lib.mjs';

const { startFaultProxy } = await import(pathToFileURL(join(process.env.REPO_ROOT, 'tests/fault-proxy.mjs')));

let proxy, client, demo;
before(async () => {
  proxy = await startFaultProxy({ target: FLINK_REST_URL });
  client = new FlinkClient(proxy.url, { timeoutMs: 15000 });
  demo = (await flink.requestMultipleJobDetails()).jobs.find((j) => j.name === DEMO_JOBS[0] && j.state === 'RUNNING')?.jid;
  assert.ok(demo, `${DEMO_JOBS[0]} runs`);
});
after(() => proxy?.close());

/** How many requests matching `re` reached the proxy since `since` (an index into its log). */
const sent = (since, method, re) => proxy.log.slice(since).filter((l) => l.method === method && re.test(l.path)).length;

describe('a fault on a read', () => {
  const JOBS = '^/jobs/overview$';
  const cases = [
    ['flink500', {}, (e) => e.kind === 'http' && e.status === 500 && e.messages.some((m) => m.includes('fault proxy'))],
    ['html', { status: 502 }, (e) => e.kind === 'unreachable' && e.status === 502 && !/<html|nginx/i.test(e.message)],
    ['html', { status: 504 }, (e) => e.kind === 'unreachable' && e.status === 504],
    ['delay', { ms: 2500 }, (e) => e.kind === 'timeout'],
    ['reset', {}, (e) => e.kind === 'network'],
    ['truncate', {}, (e) => e.kind === 'decode' && e.message.includes('/jobs/overview')],
  ];
  for (const [fault, extra, expected] of cases) {
    it(`${fault}${extra.status ? ` ${extra.status}` : ''}: a typed error with a sentence, then the next call works`, async () => {
      proxy.set([{ method: 'GET', path: JOBS, fault, ...extra }]);
      const e = await rejection(client.requestMultipleJobDetails({ timeoutMs: 1000 }));
      assert.ok(e instanceof FlinkError, String(e));
      assert.ok(expected(e), `${fault}: ${JSON.stringify({ kind: e.kind, status: e.status, message: e.message, messages: e.messages })}`);
      assert.ok(e.message.length > 10 && !e.message.includes('panicked'), e.message);
      proxy.set([]);
      const { jobs } = await client.requestMultipleJobDetails();
      assert.ok(jobs.some((j) => j.jid === demo), 'the fault lifted, the same client reads again');
    });
  }
});

describe('a trigger whose answer is lost after Flink got it, retried with its trigger id', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flink-npm-faults-'));
  const target = `file://${dir}`;
  let jarId, stopMe, cancelMe;

  before(async () => {
    assert.ok(DEMO_JAR && existsSync(DEMO_JAR), 'DEMO_JAR names the demo jar');
    const upload = await flink.uploadJar(basename(DEMO_JAR), new Uint8Array(readFileSync(DEMO_JAR)), { timeoutMs: 60000 });
    jarId = upload.filename.split('/').pop();
    [stopMe, cancelMe] = await Promise.all([runDemoJob(jarId, 'npm faults: stop'), runDemoJob(jarId, 'npm faults: cancel')]);
  });
  after(async () => {
    proxy.set([]);
    for (const job of [stopMe, cancelMe]) if (job) await flink.cancelJob(job).catch(() => {});
    if (jarId) await flink.deleteJar(jarId).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('savepoint: the retry gets the same operation, and one savepoint is on disk', async () => {
    const id = triggerId();
    const options = { targetDirectory: `${target}/savepoint`, formatType: 'CANONICAL', triggerId: id };
    const since = proxy.log.length;
    proxy.set([{ method: 'POST', path: `^/jobs/${demo}/savepoints$`, fault: 'drop', times: 1 }]);
    const lost = await rejection(client.triggerSavepoint(demo, options));
    assert.equal(lost.kind, 'network', lost.message);
    assert.equal(await client.triggerSavepoint(demo, options), id, 'the retry answers the same trigger id');
    const location = await client.waitForSavepoint(demo, id, { timeoutMs: 60000 });
    assert.equal(sent(since, 'POST', /\/savepoints$/), 2, 'both triggers reached Flink');
    assert.deepEqual(savepointDirs(join(dir, 'savepoint')).map((d) => join(dir, 'savepoint', d)), [localPath(location)]);
  });

  it('checkpoint: the retry gets the same checkpoint id', async () => {
    const id = triggerId();
    proxy.set([{ method: 'POST', path: `^/jobs/${demo}/checkpoints$`, fault: 'drop', times: 1 }]);
    assert.equal((await rejection(client.triggerCheckpoint(demo, { triggerId: id }))).kind, 'network');
    assert.equal(await client.triggerCheckpoint(demo, { triggerId: id }), id);
    const checkpoint = await client.waitForCheckpoint(demo, id, { timeoutMs: 60000 });
    const again = await client.getTriggeredCheckpointStatus(demo, id);
    assert.equal(again.operation?.checkpointId, checkpoint, 'one checkpoint for both triggers');
  });

  it('stop with savepoint: one savepoint, and the job ends FINISHED', async () => {
    const id = triggerId();
    const options = { targetDirectory: `${target}/stop`, drain: false, triggerId: id };
    proxy.set([{ method: 'POST', path: `^/jobs/${stopMe}/stop$`, fault: 'drop', times: 1 }]);
    assert.equal((await rejection(client.stopWithSavepoint(stopMe, options))).kind, 'network');
    // The job may already be stopping, or stopped: the retry still answers the same operation.
    assert.equal(await client.stopWithSavepoint(stopMe, options), id);
    const location = await client.waitForSavepoint(stopMe, id, { timeoutMs: 60000 });
    assert.deepEqual(savepointDirs(join(dir, 'stop')).map((d) => join(dir, 'stop', d)), [localPath(location)]);
    await waitUntil('the stopped job to be FINISHED', async () => (await client.requestJobStatus(stopMe)).status === 'FINISHED', 30000);
    stopMe = null;
  });

  it('cancel: the lost answer is a network error; the job\'s state says what happened', async () => {
    proxy.set([{ method: 'PATCH', path: `^/jobs/${cancelMe}\\?mode=cancel$`, fault: 'drop', times: 1 }]);
    assert.equal((await rejection(client.cancelJob(cancelMe))).kind, 'network');
    await waitUntil('the job to be CANCELED', async () => (await client.requestJobStatus(cancelMe)).status === 'CANCELED', 30000);
    cancelMe = null;
  });
});

it('every URL the client sent is the one its request builder made (no stray `?` or `&` at the end)', () => {
  assert.ok(proxy.log.some((l) => l.path.includes('?')), 'some requests had a query');
  assert.deepEqual(proxy.log.filter((l) => /[?&]$/.test(l.path)).map((l) => l.path), []);
});
