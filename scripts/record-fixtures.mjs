#!/usr/bin/env node
// Records one Flink line's answers to the same small set of requests into tests/fixtures/<version>/,
// one <name>.json per exchange in the format of tests/fixtures/*.json, plus an INDEX.md.
//
//   scripts/record-fixtures.mjs [--url URL] [--out DIR]
//
// URL: a running cluster with the demo jobs (default $FLINK_REST_URL or http://127.0.0.1:8081).
// DIR: default tests/fixtures/<flink-version of the cluster>; emptied of *.json first.
// It takes one savepoint of a running demo job (the job keeps running) and PUTs the job's own
// resource requirements back unchanged; nothing else changes. Every line, one at a time:
//
//   for v in 1.18.1 1.19.3 1.20.5 2.0.2 2.1.3 2.2.1 2.3.0; do
//     FLINK_VERSION=$v FLINK_REST_PORT=18381 scripts/flink start &&
//       scripts/record-fixtures.mjs --url http://127.0.0.1:18381
//     FLINK_REST_PORT=18381 scripts/flink stop
//   done
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: scripts/record-fixtures.mjs [--url URL] [--out DIR]');
  process.exit(0);
}
const base = option('--url', process.env.FLINK_REST_URL || 'http://127.0.0.1:8081').replace(/\/+$/, '');
const DEMO_JOB = 'Demo: click counts'; // the first of scripts/flink's demo jobs
const UNKNOWN_JOB = '00000000000000000000000000000000';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fail = (message) => {
  console.error(`record-fixtures: ${message}`);
  process.exit(1);
};

// One exchange with Flink: the envelope as the fixtures keep it.
async function exchange(method, path, body) {
  const headers = body === undefined ? null : { 'Content-Type': 'application/json' };
  const started = performance.now();
  const res = await fetch(base + path, { method, headers: headers ?? undefined, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const elapsed = Math.round((performance.now() - started) * 10) / 10;
  let parsed = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON: kept as text */ }
  return {
    request: { method, path, headers, body: body ?? null },
    status: res.status,
    headers: Object.fromEntries(res.headers),
    elapsed_ms: elapsed,
    captured_at: new Date().toISOString().replace(/\.\d+Z$/, '+0000'),
    body: parsed,
  };
}

// Waits until `get` answers with something `ready` accepts; returns that answer.
async function until(what, get, ready, seconds = 90) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const e = await get();
    if (ready(e)) return e;
    if (Date.now() > deadline) fail(`timed out waiting for ${what}; last answer: ${JSON.stringify(e.body).slice(0, 300)}`);
    await sleep(1000);
  }
}
const get = (path) => exchange('GET', path);
const ok = (e) => e.status >= 200 && e.status < 300;

const written = [];
let out;
function save(name, e) {
  writeFileSync(join(out, `${name}.json`), JSON.stringify(e, null, 2) + '\n');
  written.push([name, e]);
  console.log(`${String(e.status).padEnd(4)}${`${name}.json`.padEnd(40)} ${e.request.method} ${e.request.path}`);
  return e;
}
const record = async (name, method, path, body) => save(name, await exchange(method, path, body));
async function recordOk(name, path) {
  const e = await record(name, 'GET', path);
  if (!ok(e)) fail(`${path} answered ${e.status}: ${JSON.stringify(e.body).slice(0, 300)}`);
  return e.body;
}

// --- the cluster ---------------------------------------------------------------------------------
const config = await get('/config').catch((e) => fail(`no Flink at ${base}: ${e.cause?.message ?? e.message}`));
const version = config.body['flink-version'];
out = option('--out', join(root, 'tests', 'fixtures', version));
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (f.endsWith('.json')) rmSync(join(out, f));
console.log(`recording Flink ${version} at ${base} into ${relative(process.cwd(), out) || '.'}`);

save('config', config);
await recordOk('overview', '/overview');
await recordOk('jobs', '/jobs');
const overview = await recordOk('jobs_overview', '/jobs/overview');
const running = overview.jobs.filter((j) => j.state === 'RUNNING').sort((a, b) => a.name.localeCompare(b.name));
const job = (running.find((j) => j.name === DEMO_JOB) ?? running[0] ?? fail('no running job: start the demo jobs'))?.jid;
const J = `/jobs/${job}`;

// --- the job ------------------------------------------------------------------------------------
const detail = await recordOk('job_detail', J);
const vertex = detail.vertices.at(-1).id; // the keyed counter, fed by the source
const V = `${J}/vertices/${vertex}`;
await recordOk('job_status', `${J}/status`);
await recordOk('job_config', `${J}/config`);
await recordOk('job_plan', `${J}/plan`);
await recordOk('job_exceptions', `${J}/exceptions`);
await recordOk('execution_result_running', `${J}/execution-result`);
await recordOk('vertex_detail', V);
await recordOk('vertex_subtasktimes', `${V}/subtasktimes`);
await recordOk('vertex_accumulators', `${V}/accumulators`);
await recordOk('vertex_subtask_accumulators', `${V}/subtasks/accumulators`);

// --- checkpoints and a savepoint ------------------------------------------------------------------
await until('a completed checkpoint', () => get(`${J}/checkpoints`), (e) => ok(e) && e.body.counts?.completed >= 1);
const trigger = randomBytes(16).toString('hex');
const triggered = await record('savepoint_trigger', 'POST', `${J}/savepoints`, { 'cancel-job': false, triggerId: trigger });
if (triggered.status !== 202) fail(`the savepoint trigger answered ${triggered.status}`);
const status = (e) => e.body.status?.id;
const done = await until('the savepoint', () => get(`${J}/savepoints/${trigger}`), (e) => ok(e) && status(e) === 'COMPLETED');
save('savepoint_status_completed', done);
const location = done.body.operation?.location ?? fail(`the savepoint failed: ${JSON.stringify(done.body).slice(0, 300)}`);
// Checkpoint statistics are cached for a few seconds: wait until they show this savepoint.
const stats = save('job_checkpoints', await until('the savepoint in the checkpoint statistics', () => get(`${J}/checkpoints`),
  (e) => ok(e) && e.body.latest?.savepoint?.external_path === location)).body;
await recordOk('job_checkpoints_config', `${J}/checkpoints/config`);
await recordOk('job_checkpoint_details', `${J}/checkpoints/details/${stats.latest.completed.id}`);

// --- rescaling: the job's own requirements, put back unchanged -------------------------------------
const requirements = await recordOk('job_resource_requirements', `${J}/resource-requirements`);
await record('resource_requirements_put', 'PUT', `${J}/resource-requirements`, requirements);

// --- task managers and the job manager ------------------------------------------------------------
const tms = await recordOk('taskmanagers', '/taskmanagers');
await recordOk('taskmanager_detail', `/taskmanagers/${tms.taskmanagers[0].id}`);
await recordOk('jobmanager_config', '/jobmanager/config');
await recordOk('jobmanager_logs', '/jobmanager/logs');
await recordOk('jobmanager_environment', '/jobmanager/environment');

// --- metrics: Flink's metric fetcher fills them in every few seconds --------------------------------
const metric = async (name, path) => save(name, await until(path, () => get(path), (e) => !ok(e) || e.body.length > 0, 60));
await metric('vertex_subtasks_metrics_max', `${V}/subtasks/metrics?get=busyTimeMsPerSecond&agg=max`);
await metric('vertex_subtasks_metrics_skew', `${V}/subtasks/metrics?get=busyTimeMsPerSecond&agg=skew`); // 1.20+
await metric('jobmanager_metrics_get', '/jobmanager/metrics?get=numRunningJobs');

// --- errors ---------------------------------------------------------------------------------------
await record('err_unknown_job', 'GET', `/jobs/${UNKNOWN_JOB}`);
await record('err_malformed_job_id', 'GET', '/jobs/not-a-job-id');
await record('err_unknown_job_status', 'GET', `/jobs/${UNKNOWN_JOB}/status`);
await record('err_unknown_taskmanager', 'GET', '/taskmanagers/unknown-tm');
await record('err_unknown_route', 'GET', '/no/such/route');

// --- INDEX.md --------------------------------------------------------------------------------------
const excerpt = ({ status, body }) => {
  if (status >= 400 && Array.isArray(body?.errors)) return `errors: ${String(body.errors[0]).split('\n')[0].slice(0, 120)}`;
  return (typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 90);
};
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const rows = written
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([name, e]) => `| ${name}.json | ${e.request.method} ${cell(e.request.path)} | ${e.status} | ${cell(excerpt(e))} |`);
writeFileSync(join(out, 'INDEX.md'), [
  `# Flink ${version}: recorded answers`,
  '',
  `Recorded by \`scripts/record-fixtures.mjs\` from a \`scripts/flink\` cluster with the demo jobs, on ${written[0][1].captured_at.slice(0, 10)};`,
  `job ${job} ("${detail.name}"), vertex ${vertex} ("${detail.vertices.at(-1).name}"). Decoded by \`tests/host_fixtures/lines.rs\`.`,
  '',
  '| file | request | status | body (truncated) |',
  '|---|---|---|---|',
  ...rows,
  '',
].join('\n'));
console.log(`wrote ${written.length} exchanges and INDEX.md into ${relative(process.cwd(), out) || '.'}`);
