// What real Flink cannot be made to do on demand, against a tiny local stand-in: headers,
// shutDownCluster, timeouts, unreachable hosts, answers that are not Flink's. Then every kind of
// bad argument, each with the exact sentence it rejects with, and the optional arguments.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { FlinkClient, FlinkError } from 'flink-console-client';
import { flink, waitUntil } from './lib.mjs';

describe('errors and requests, against a stand-in server', () => {
  let server, base;
  const seen = [];
  before(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
      if (req.url === '/slow/overview') return; // never answers
      const [status, body] = {
        '/cluster': [200, '{}'],
        '/jobs/overview': [200, '{"jobs": 5}'],
        '/proxy/overview': [502, '<html><head><title>502 Bad Gateway</title></head></html>'],
        '/gone/overview': [410, 'Gone'],
      }[req.url] ?? [404, '{"errors": ["Not found: /x"]}'];
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('sends the client headers; shutDownCluster is DELETE /cluster and resolves undefined', async () => {
    const flink = new FlinkClient(`${base}/`, { headers: { Authorization: 'Bearer t0k3n' } });
    assert.equal(flink.baseUrl, base);
    assert.equal(await flink.shutDownCluster(), undefined);
    assert.deepEqual(seen.at(-1), { method: 'DELETE', url: '/cluster', authorization: 'Bearer t0k3n' });
  });

  it('a call that gets no answer in time rejects with kind timeout', async () => {
    const flink = new FlinkClient(`${base}/slow`, { timeoutMs: 60000 });
    const started = Date.now();
    const e = await flink.requestClusterOverview({ timeoutMs: 300 }).catch((x) => x);
    assert.ok(e instanceof FlinkError);
    assert.equal(e.kind, 'timeout');
    assert.equal(e.message, `Flink did not answer ${base}/slow/overview within 0.3 s.`);
    assert.ok(Date.now() - started < 5000);
  });

  it('an answer of the wrong shape rejects with kind decode', async () => {
    const e = await new FlinkClient(base).requestMultipleJobDetails().catch((x) => x);
    assert.equal(e.kind, 'decode');
    assert.match(e.message, /could not be read at `jobs`/);
  });

  it('an error page that is not Flink JSON keeps its text', async () => {
    const e = await new FlinkClient(`${base}/gone`).requestClusterOverview().catch((x) => x);
    assert.deepEqual([e.kind, e.status, e.messages, e.isNotFound], ['http', 410, ['Gone'], false]);
  });

  it("a proxy's 502 page without Flink's error body rejects with kind unreachable", async () => {
    const e = await new FlinkClient(`${base}/proxy`).requestClusterOverview().catch((x) => x);
    assert.ok(e instanceof FlinkError);
    assert.deepEqual([e.kind, e.status, e.messages, e.isNotFound, e.flinkMessage], ['unreachable', 502, [], false, null]);
    assert.equal(e.message, `Flink unreachable (the proxy answered 502 Bad Gateway for ${base}/proxy/overview). `
      + 'Check that the JobManager is running and that the proxy forwards to it.');
  });

  it('an unreachable host rejects with kind network', async () => {
    const e = await new FlinkClient('http://127.0.0.1:9').requestClusterOverview({ timeoutMs: 5000 }).catch((x) => x);
    assert.equal(e.kind, 'network');
    assert.match(e.message, /^Could not reach Flink at http:\/\/127\.0\.0\.1:9\/overview/);
  });
});

const J = '0123456789abcdef0123456789abcdef';
const V = 'fedcba9876543210fedcba9876543210';
const HEX = 'must be a string of 32 hexadecimal characters';
const METRIC_SCOPE = "{type: 'jobManager'} | {type: 'job', jobId} | {type: 'vertex', jobId, vertexId} | {type: 'taskManager', taskManagerId}";
const AGGREGATE_SCOPE = "{type: 'jobs'} | {type: 'taskManagers'} | {type: 'subtasks', jobId, vertexId}";
const SAVEPOINT_OPTIONS = 'targetDirectory, formatType, cancelJob, triggerId, timeoutMs';
// Words of Rust that a JavaScript caller must never read.
const RUST = /Js[A-Z]|internally tagged|\bstruct\b|u32|u64|i64|usize|f64|Option<|Vec<|serde|invalid type|expected a /;

describe('bad arguments', () => {
  // Port 9 (discard) answers nothing: a call that sent a request would reject with `network`.
  const offline = new FlinkClient('http://127.0.0.1:9', { timeoutMs: 2000 });
  const requirements = (parallelism) => ({ [V]: { parallelism } });
  const cases = [
    // ids and plain arguments, named as the .d.ts names them
    [(f) => f.requestJob(), `jobId ${HEX}, not undefined`],
    [(f) => f.requestJob(42), `jobId ${HEX}, not 42`],
    [(f) => f.requestJob('not-a-job-id'), `jobId ${HEX}, not 'not-a-job-id'`],
    [(f) => f.requestJob('x'.repeat(50)), `jobId ${HEX}, not '${'x'.repeat(40)}…'`],
    [(f) => f.requestVertexDetails(J, null), `vertexId ${HEX}, not null`],
    [(f) => f.getTriggeredSavepointStatus(J, ['a']), `triggerId ${HEX}, not an array`],
    [(f) => f.requestTaskManagerDetails(''), "taskManagerId must be a task manager id (a non-empty string), not ''"],
    [(f) => f.requestCheckpointDetails(J, -1), 'checkpointId must be a whole number ≥ 0, not -1'],
    [(f) => f.requestCheckpointDetails(J, 1.5), 'checkpointId must be a whole number ≥ 0, not 1.5'],
    [(f) => f.requestCheckpointSubtaskDetails(J, '7', V), "checkpointId must be a whole number ≥ 0, not '7'"],
    [(f) => f.reportJobClientHeartbeat(J, 'soon'), "expiredTimestampMs must be a whole number, not 'soon'"],
    [(f) => f.disposeSavepoint('  '), "path must be a non-empty string, not '  '"],
    [(f) => f.jobmanagerLogFile(), 'name must be a non-empty string, not undefined'],
    [(f) => f.uploadJar('x.jar', 'not bytes'), "jar must be a Uint8Array, not 'not bytes'"],
    [(f) => f.uploadJar(7, new Uint8Array()), 'fileName must be a non-empty string, not 7'],
    [(f) => f.uploadJarWithProgress('x.jar', new Uint8Array(), 'not a function'), "onProgress must be a function, not 'not a function'"],
    [(f) => f.deliverCoordinationRequestToCoordinator(J, 'uid', [1]), 'serializedRequest must be a Uint8Array, not an array'],
    // options objects: their type, each field, and keys they do not have
    [(f) => f.requestJob(J, 5000), 'options must be an object or undefined, not 5000'],
    [(f) => f.requestJob(J, { timeoutMs: -5 }), 'options.timeoutMs must be a number of milliseconds ≥ 0, not -5'],
    [(f) => f.requestJob(J, { timeoutMs: '5' }), "options.timeoutMs must be a number of milliseconds ≥ 0, not '5'"],
    [(f) => f.requestJob(J, { timeoutMs: Infinity }), 'options.timeoutMs must be a number of milliseconds ≥ 0, not Infinity'],
    [(f) => f.requestJob(J, { timeout: 5 }), "unknown option 'timeout' in call options (known: timeoutMs)"],
    [(f) => f.triggerSavepoint(J, { foo: 1 }), `unknown option 'foo' in savepoint options (known: ${SAVEPOINT_OPTIONS})`],
    [(f) => f.triggerSavepoint(J, { drain: true }), `unknown option 'drain' in savepoint options (known: ${SAVEPOINT_OPTIONS})`],
    [(f) => f.triggerSavepoint(J, { triggerId: 'short' }), `options.triggerId ${HEX}, not 'short'`],
    [(f) => f.triggerSavepoint(J, { cancelJob: 'yes' }), "options.cancelJob must be true or false, not 'yes'"],
    [(f) => f.triggerSavepoint(J, { formatType: 1 }), "options.formatType must be a string such as 'CANONICAL' or 'NATIVE', not 1"],
    [(f) => f.triggerSavepoint(J, { targetDirectory: {} }), 'options.targetDirectory must be a string, not an object'],
    [(f) => f.stopWithSavepoint(J, { cancelJob: true }),
      "unknown option 'cancelJob' in stop options (known: targetDirectory, formatType, drain, triggerId, timeoutMs)"],
    [(f) => f.triggerCheckpoint(J, { checkpointType: 2 }),
      "options.checkpointType must be a string such as 'CONFIGURED', 'FULL' or 'INCREMENTAL', not 2"],
    [(f) => f.triggerCheckpoint(J, { type: 'FULL' }), "unknown option 'type' in checkpoint options (known: checkpointType, triggerId, timeoutMs)"],
    [(f) => f.waitForSavepoint(J, J, { pollIntervalMs: -1 }), 'options.pollIntervalMs must be a number of milliseconds ≥ 0, not -1'],
    [(f) => f.waitForCheckpoint(J, J, { interval: 1 }), "unknown option 'interval' in wait options (known: timeoutMs, pollIntervalMs)"],
    [(f) => f.requestJobExceptions(J, { maxExceptions: -1 }), 'options.maxExceptions must be a whole number from 0 to 2147483647, not -1'],
    [(f) => f.runJar('x.jar', { parallelism: 0 }), 'options.parallelism must be a whole number from 1 to 2147483647, not 0'],
    [(f) => f.runJar('x.jar', { programArgs: '--x' }), "options.programArgs must be an array of strings, not '--x'"],
    [(f) => f.runJar('x.jar', { programArgs: ['--x', 1] }), 'options.programArgs[1] must be a string, not 1'],
    [(f) => f.runJar('', {}), "jarId must be a non-empty string, not ''"],
    [(f) => f.runJar('x.jar', { restoreMode: 3 }), "options.restoreMode must be a string such as 'CLAIM' or 'NO_CLAIM', not 3"],
    // scopes: the union they must be, their fields, and fields of another type
    [(f) => f.requestMetricQueryServiceAddresses(42), `scope must be ${METRIC_SCOPE}, not 42`],
    [(f) => f.requestMetricQueryServiceAddresses({}), `scope must be ${METRIC_SCOPE}, not an object without a type`],
    [(f) => f.requestMetricQueryServiceAddresses({ type: 'jobmanager' }), `scope must be ${METRIC_SCOPE}, not {type: 'jobmanager'}`],
    [(f) => f.requestMetricQueryServiceAddresses({ type: 1 }), `scope must be ${METRIC_SCOPE}, not {type: 1}`],
    [(f) => f.requestMetricQueryServiceAddresses({ type: 'job' }), 'scope.jobId is missing'],
    [(f) => f.requestMetricQueryServiceAddresses({ type: 'vertex', jobId: J, vertexId: 'v' }), `scope.vertexId ${HEX}, not 'v'`],
    [(f) => f.requestMetricQueryServiceAddresses({ type: 'job', jobId: J, vertexId: V }),
      "unknown field 'vertexId' in scope {type: 'job'} (known: type, jobId)"],
    [(f) => f.requestMetricQueryServiceAddresses({ type: 'taskManager', taskManagerId: 7 }),
      'scope.taskManagerId must be a task manager id (a non-empty string), not 7'],
    [(f) => f.requestMetricQueryServiceAddresses(undefined, 'numRunningJobs'), "names must be an array of strings, not 'numRunningJobs'"],
    [(f) => f.requestMetricQueryServiceAddresses(undefined, ['a', 3]), 'names[1] must be a string, not 3'],
    [(f) => f.requestTaskManagerMetrics('tm', [null]), 'names[0] must be a string, not null'],
    [(f) => f.requestAggregatedMetrics(), `scope must be ${AGGREGATE_SCOPE}, not undefined`],
    [(f) => f.requestAggregatedMetrics({ type: 'subtasks', jobId: J }), 'scope.vertexId is missing'],
    [(f) => f.requestAggregatedMetrics({ type: 'jobs' }, ['uptime'], ['median']),
      "aggregations[0] must be 'min', 'max', 'avg', 'sum' or 'skew', not 'median'"],
    [(f) => f.requestAggregatedMetrics({ type: 'jobs' }, [], 'max'), "aggregations must be an array of strings, not 'max'"],
    // the rescale map, read back as requestJobResourceRequirements returns it
    [(f) => f.updateJobResourceRequirements(J, []),
      'requirements must be an object of vertex ids to {parallelism: {lowerBound, upperBound}}, not an array'],
    [(f) => f.updateJobResourceRequirements(J, { 'not-a-vertex': {} }),
      "requirements' keys must be vertex ids (32 hexadecimal characters), not 'not-a-vertex'"],
    [(f) => f.updateJobResourceRequirements(J, { [V]: 2 }),
      `requirements['${V}'] must be {parallelism: {lowerBound, upperBound}}, not 2`],
    [(f) => f.updateJobResourceRequirements(J, requirements({ lowerBound: 1 })), `requirements['${V}'].parallelism.upperBound is missing`],
    [(f) => f.updateJobResourceRequirements(J, requirements({ lowerBound: 1, upperBound: '2' })),
      `requirements['${V}'].parallelism.upperBound must be a whole number, not '2'`],
    [(f) => f.updateJobResourceRequirements(J, requirements({ lowerBound: 1, upperBound: 2, upper: 3 })),
      `unknown field 'upper' in requirements['${V}'].parallelism (known: lowerBound, upperBound)`],
  ];

  it('reject (never throw) with invalid_input, a sentence naming the argument, before any request', async () => {
    for (const [call, message] of cases) {
      const promise = call(offline);
      assert.ok(promise instanceof Promise, `${call} returned a promise`);
      const e = await promise.then((v) => assert.fail(`${call} resolved with ${JSON.stringify(v)}`), (x) => x);
      assert.ok(e instanceof FlinkError, `${call}: ${e}`);
      assert.deepEqual([e.kind, e.message, e.status, e.messages], ['invalid_input', message, null, []], String(call));
      assert.doesNotMatch(e.message, RUST);
    }
  });

  it('the constructor throws them', () => {
    for (const [args, message] of [
      [[], 'baseUrl must be a non-empty string, not undefined'],
      [['  '], "baseUrl must be a non-empty string, not '  '"],
      [['http://x', { timeoutMs: 'soon' }], "options.timeoutMs must be a number of milliseconds ≥ 0, not 'soon'"],
      [['http://x', { headers: { Authorization: 1 } }], "options.headers['Authorization'] must be a string, not 1"],
      [['http://x', { headers: 'Bearer x' }], "options.headers must be an object of header names to strings, not 'Bearer x'"],
      [['http://x', { header: {} }], "unknown option 'header' in client options (known: timeoutMs, headers)"],
    ]) {
      assert.throws(() => new FlinkClient(...args), (e) => {
        assert.ok(e instanceof FlinkError);
        assert.deepEqual([e.kind, e.message], ['invalid_input', message]);
        assert.doesNotMatch(e.message, RUST);
        return true;
      });
    }
  });
});

describe('optional arguments, against the real Flink', () => {
  it("requestMetricQueryServiceAddresses() lists the job manager's metric names", async () => {
    // The job manager's metrics reach the REST API a few seconds after it starts: poll.
    const list = await waitUntil('job manager metrics', async () => {
      const metrics = await flink.requestMetricQueryServiceAddresses();
      return metrics.length > 0 && metrics;
    }, 30000, 1000);
    assert.ok(Array.isArray(list));
    assert.ok(list.every((m) => typeof m.id === 'string' && m.value === null), JSON.stringify(list.slice(0, 3)));
    assert.ok(list.some((m) => m.id === 'numRunningJobs'), 'numRunningJobs listed');
    const [running] = await flink.requestMetricQueryServiceAddresses(undefined, ['numRunningJobs'], { timeoutMs: 5000 });
    assert.ok(Number(running.value) >= 1);
    assert.ok((await flink.requestMetricQueryServiceAddresses(null, [])).some((m) => m.id === 'numRunningJobs'));
  });

  it('names and aggregations default to all', async () => {
    const heap = 'Status.JVM.Memory.Heap.Used';
    const available = await waitUntil('aggregated metrics', async () => {
      const list = await flink.requestAggregatedMetrics({ type: 'taskManagers' });
      return list.some((m) => m.id === heap) && list;
    }, 30000, 1000);
    assert.ok(available.every((m) => m.sum === null), 'without names, only the ids');
    const [all] = await flink.requestAggregatedMetrics({ type: 'taskManagers' }, [heap]);
    assert.ok(['min', 'max', 'avg', 'sum'].every((a) => all[a] > 0), JSON.stringify(all));
    const { taskmanagers } = await flink.requestTaskManagerMetricQueryServiceAddresses();
    const tmMetrics = await flink.requestTaskManagerMetrics(taskmanagers[0].id);
    assert.ok(tmMetrics.some((m) => m.id === 'Status.JVM.CPU.Load'), 'the task manager metrics that exist');
  });
});
