// A generated big Flink 2.3 cluster, answered in Flink's exact REST shapes: 10,000 jobs, one of
// them with 500 vertices at parallelism 1,000, and 1,000 task managers. Every answer is a real
// recorded response (tests/fixtures/2.3.0/, else tests/fixtures/) with its parts multiplied and
// every field kept. Nothing here depends on anything but Node.
//
//   node bench/big-cluster.mjs --port 18790 [--refresh-ms 100]   (REFRESH_MS works too)
//   import { bigCluster, serve } from './big-cluster.mjs'         (answer() without HTTP)
//
// Like a running Flink, each answer differs from the previous one for the same URL (`now`,
// durations, heartbeats and record counters move on), so a UI that skips unchanged data still
// does its full work on every refresh. Two variants per URL, built once, take turns: the
// server's own cost per request is a lookup and a write.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

const FIXTURES = new URL('../tests/fixtures/', import.meta.url);
function fixture(name) {
  for (const dir of ['2.3.0/', '']) {
    try { return JSON.parse(readFileSync(new URL(dir + name, FIXTURES), 'utf8')).body; } catch { /* next */ }
  }
  throw new Error(`no fixture ${name}`);
}
const clone = (x) => structuredClone(x);
const hex = (s) => createHash('md5').update(s).digest('hex');

export const SIZES = { jobs: 10000, vertices: 500, parallelism: 1000, taskmanagers: 1000, lanes: 10 };

/** The word the log bench searches for: on one line near the start of the generated log. */
export const LOG_NEEDLE = 'needle-in-the-log';

/**
 * A JobManager log of about `mb` MB in Flink's log4j layout: INFO lines, a WARN every 50th,
 * an ERROR with a stack trace every 5,000th, and LOG_NEEDLE once, on line 1,000.
 */
export function generatedLog(mb) {
  const lines = [];
  let bytes = 0;
  const t0 = Date.UTC(2026, 11, 6, 8);
  for (let i = 0; bytes < mb * 1048576; i++) {
    const time = new Date(t0 + i * 7).toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
    const level = i % 5000 === 4999 ? 'ERROR' : i % 50 === 49 ? 'WARN ' : 'INFO ';
    const what = i === 999 ? `Checkpoint barrier ${LOG_NEEDLE} aligned` : `Completed checkpoint ${i} for job ${hex(String(i % 97))} (${1000 + (i % 9000)} bytes, checkpointDuration=${i % 300} ms).`;
    let line = `${time} ${level} org.apache.flink.runtime.checkpoint.CheckpointCoordinator          [] - ${what}`;
    if (level === 'ERROR') line += '\njava.lang.IllegalStateException: generated failure\n\tat org.apache.flink.runtime.Example.run(Example.java:42)';
    lines.push(line);
    bytes += line.length + 1;
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/** The generated cluster: `answer(method, url)` gives `{ status, body }` (body: JSON in a Buffer). */
export function bigCluster({ refreshMs = Number(process.env.REFRESH_MS ?? 3000), sizes = SIZES, logMb = Number(process.env.BENCH_LOG_MB ?? 100) } = {}) {
  const T0 = Date.now() - 3600_000; // the cluster has been up an hour
  const t = {
    overview: fixture('overview.json'), config: fixture('config.json'), jobsOverview: fixture('jobs_overview.json'),
    job: fixture('job_detail.json'), vertex: fixture('vertex_detail.json'), tms: fixture('taskmanagers.json'),
    tm: fixture('taskmanager_detail.json'), times: fixture('vertex_subtasktimes.json'), watermarks: fixture('vertex_watermarks.json'),
    backpressure: fixture('vertex_backpressure.json'), vertexMetrics: fixture('vertex_metrics_list.json'), jobMetrics: fixture('job_metrics_list.json'),
  };
  const jobTemplate = t.jobsOverview.jobs.find((j) => j.state === 'RUNNING') ?? t.jobsOverview.jobs[0];
  const bigJid = hex('big-job');
  const vertexIds = Array.from({ length: sizes.vertices }, (_, i) => hex(`vertex-${i}`));
  const tmIds = Array.from({ length: sizes.taskmanagers }, (_, i) => `10.0.${i >> 8}.${i & 255}:6122-${hex(`tm-${i}`).slice(0, 6)}`);
  const states = (i) => (i === 0 || i % 5 === 1 ? 'RUNNING' : i % 50 === 2 ? 'FAILED' : i % 10 === 3 ? 'CANCELED' : 'FINISHED');
  const jids = Array.from({ length: sizes.jobs }, (_, i) => (i === 0 ? bigJid : hex(`job-${i}`)));
  const jobIndex = new Map(jids.map((j, i) => [j, i]));
  const bigTasks = sizes.vertices * sizes.parallelism;
  const slotsPerTm = 4;

  // --- /jobs/overview, /jobs, /overview ------------------------------------------------------
  function jobOverview(i, v) {
    const job = clone(jobTemplate);
    const state = states(i);
    const start = T0 + i * 300;
    const running = state === 'RUNNING';
    const total = i === 0 ? bigTasks : jobTemplate.tasks.total;
    Object.assign(job, {
      jid: jids[i], name: i === 0 ? `Big job: ${sizes.vertices} vertices, parallelism ${sizes.parallelism}` : `Generated job ${i}: ${jobTemplate.name}`,
      state, 'start-time': start, 'end-time': running ? -1 : start + 60_000 + i,
      duration: running ? Date.now() - start + v * 1000 : 60_000 + i, 'last-modification': start + 1000,
    });
    for (const k of Object.keys(job.tasks)) job.tasks[k] = 0;
    job.tasks.total = total;
    job.tasks[state === 'RUNNING' ? 'running' : state === 'FINISHED' ? 'finished' : state === 'FAILED' ? 'failed' : 'canceled'] = total;
    return job;
  }
  const jobsOverview = (v) => ({ jobs: jids.map((_, i) => jobOverview(i, v)) });
  const count = (s) => jids.filter((_, i) => states(i) === s).length;
  const overview = () => ({
    ...t.overview, taskmanagers: sizes.taskmanagers, 'slots-total': sizes.taskmanagers * slotsPerTm,
    'slots-available': sizes.taskmanagers * slotsPerTm - sizes.parallelism - count('RUNNING') + 1,
    'jobs-running': count('RUNNING'), 'jobs-finished': count('FINISHED'), 'jobs-cancelled': count('CANCELED'), 'jobs-failed': count('FAILED'),
  });

  // --- the big job: /jobs/{id} (plan + vertices), its plan, each vertex with 1,000 subtasks ----
  // A DAG of `lanes` chains side by side; every 7th vertex also reads from the lane beside it.
  const inputsOf = (i) => {
    if (i < sizes.lanes) return [];
    const ins = [i - sizes.lanes];
    if (i % 7 === 0 && i % sizes.lanes > 0) ins.push(i - sizes.lanes - 1);
    return ins;
  };
  const vertexName = (i) => (i < sizes.lanes ? `Source: Events ${i}` : `Stage ${Math.floor(i / sizes.lanes)} of lane ${i % sizes.lanes} -> Map`);
  const metrics = (template, seed, v) => {
    const m = clone(template);
    for (const k of Object.keys(m)) if (typeof m[k] === 'number') m[k] = seed * 1000 + v * 977;
    for (const k of Object.keys(m)) if (typeof m[k] === 'boolean') m[k] = true;
    return m;
  };
  const [vt] = t.job.vertices;
  const [planNode, planNodeWithInput] = [t.job.plan.nodes[0], t.job.plan.nodes.find((n) => n.inputs) ?? t.job.plan.nodes[0]];
  function bigPlan() {
    const nodes = vertexIds.map((id, i) => {
      const ins = inputsOf(i);
      const n = clone(ins.length ? planNodeWithInput : planNode);
      Object.assign(n, { id, parallelism: sizes.parallelism, description: `${vertexName(i)}<br/>` });
      if (ins.length) n.inputs = ins.map((j, num) => ({ ...planNodeWithInput.inputs[0], id: vertexIds[j], num }));
      return n;
    });
    return { ...t.job.plan, jid: bigJid, name: jobOverview(0, 0).name, nodes };
  }
  const plan = bigPlan();
  function bigJob(v) {
    const now = Date.now() + v * 1000;
    const job = clone(t.job);
    const start = T0;
    Object.assign(job, { jid: bigJid, 'application-id': bigJid, name: plan.name, 'start-time': start, duration: now - start, now, maxParallelism: -1 });
    for (const k of Object.keys(job.timestamps)) if (job.timestamps[k]) job.timestamps[k] = start + 1000;
    job.vertices = vertexIds.map((id, i) => {
      const x = clone(vt);
      Object.assign(x, { id, name: vertexName(i), parallelism: sizes.parallelism, maxParallelism: 4 * sizes.parallelism, 'start-time': start + 2000, duration: now - start - 2000 });
      for (const k of Object.keys(x.tasks)) x.tasks[k] = 0;
      x.tasks.RUNNING = sizes.parallelism;
      x.metrics = metrics(vt.metrics, i, v);
      return x;
    });
    for (const k of Object.keys(job['status-counts'])) job['status-counts'][k] = 0;
    job['status-counts'].RUNNING = sizes.vertices;
    job.plan = plan;
    return job;
  }
  const [st] = t.vertex.subtasks;
  const agg = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    const sum = s.reduce((a, b) => a + b, 0);
    return { p25: q(0.25), min: s[0], avg: Math.round(sum / s.length), median: q(0.5), max: s[s.length - 1], sum, p95: q(0.95), p75: q(0.75) };
  };
  function vertexDetail(vi, v) {
    const now = Date.now() + v * 1000;
    const subtasks = Array.from({ length: sizes.parallelism }, (_, s) => {
      const x = clone(st);
      const tm = tmIds[s % tmIds.length];
      Object.assign(x, { subtask: s, endpoint: `${tm.split(':')[0]}:6121`, 'start-time': T0 + 2000, duration: now - T0 - 2000, 'taskmanager-id': tm, start_time: T0 + 2000 });
      x.metrics = metrics(st.metrics, vi + s, v);
      x['status-duration'] = { ...st['status-duration'], RUNNING: now - T0 - 3000 };
      return x;
    });
    const aggregated = { metrics: {}, 'status-duration': {} };
    for (const k of Object.keys(t.vertex.aggregated.metrics)) aggregated.metrics[k] = agg(subtasks.map((x) => x.metrics[k]));
    for (const k of Object.keys(t.vertex.aggregated['status-duration'])) aggregated['status-duration'][k] = agg(subtasks.map((x) => x['status-duration'][k] ?? 0));
    return { ...t.vertex, id: vertexIds[vi], name: vertexName(vi), parallelism: sizes.parallelism, maxParallelism: 4 * sizes.parallelism, now, subtasks, aggregated };
  }
  const subtaskTimes = (vi, v) => ({
    ...t.times, id: vertexIds[vi], name: vertexName(vi), now: Date.now() + v * 1000,
    subtasks: Array.from({ length: sizes.parallelism }, (_, s) => ({ ...t.times.subtasks[0], subtask: s, endpoint: `${tmIds[s % tmIds.length].split(':')[0]}:6121`, duration: Date.now() - T0 + v * 1000 })),
  });
  const perSubtask = (list) => Array.from({ length: sizes.parallelism }, (_, s) => list.map((m) => ({ ...m, id: m.id.replace(/^0\./, `${s}.`) }))).flat();

  // --- task managers ------------------------------------------------------------------------
  function taskManager(i, v, template) {
    const tm = clone(template);
    const host = tmIds[i].split(':')[0];
    Object.assign(tm, { id: tmIds[i], path: `pekko.tcp://flink@${host}:6122/user/rpc/taskmanager_0`, dataPort: 6121, timeSinceLastHeartbeat: Date.now() + v * 1000, slotsNumber: slotsPerTm, freeSlots: i < sizes.parallelism ? slotsPerTm - 1 : slotsPerTm, assignedTasks: i < sizes.parallelism ? sizes.vertices : 0 });
    tm.totalResource.cpuCores = slotsPerTm;
    tm.freeResource.cpuCores = tm.freeSlots;
    return tm;
  }

  // --- metrics: any `get=` list answered with a value per name, as Flink does ----------------
  const metricValues = (q, v) => (q.get('get') ?? '').split(',').filter(Boolean).map((id, n) => ({ id, value: String(100 + n + v) }));
  const metricAggs = (q, v) => (q.get('get') ?? '').split(',').filter(Boolean).map((id, n) => {
    const out = { id };
    for (const a of (q.get('agg') ?? 'min,max,avg,sum,skew').split(',')) out[a] = a === 'skew' ? 0 : 100 + n + v;
    return out;
  });

  // path pattern → (variant, match, query) → body object. Listed after the fixed ones below.
  const J = '([0-9a-f]{32})';
  // A vertex of the big job, or -1 (answered 404 like Flink's unknown vertex).
  const vIndex = (jid, id) => (jid === bigJid ? vertexIds.indexOf(id) : -1);
  const ifVertex = (make) => (v, [jid, vid], q) => { const i = vIndex(jid, vid); return i < 0 ? null : make(v, i, q); };
  const routes = [
    [new RegExp(`^/jobs/${J}$`), (v, [jid]) => (jid === bigJid ? bigJob(v) : smallJob(jid, v))],
    [new RegExp(`^/jobs/${J}/plan$`), (v, [jid]) => (jid === bigJid ? { plan } : { plan: { ...t.job.plan, jid } })],
    [new RegExp(`^/jobs/${J}/status$`), (v, [jid]) => ({ ...fixture('job_status.json'), status: states(jobIndex.get(jid)) })],
    [new RegExp(`^/jobs/${J}/config$`), (v, [jid]) => ({ ...fixture('job_config.json'), jid, name: jobOverview(jobIndex.get(jid), 0).name })],
    [new RegExp(`^/jobs/${J}/exceptions$`), () => fixture('job_exceptions.json')],
    [new RegExp(`^/jobs/${J}/checkpoints$`), () => fixture('job_checkpoints.json')],
    [new RegExp(`^/jobs/${J}/checkpoints/config$`), () => fixture('job_checkpoints_config.json')],
    [new RegExp(`^/jobs/${J}/resource-requirements$`), (v, [jid]) => (jid === bigJid
      ? Object.fromEntries(vertexIds.map((id) => [id, { parallelism: { lowerBound: 1, upperBound: sizes.parallelism } }]))
      : fixture('job_resource_requirements.json'))],
    [new RegExp(`^/jobs/${J}/metrics$`), (v, m, q) => (q.has('get') ? metricValues(q, v) : t.jobMetrics)],
    [new RegExp(`^/jobs/${J}/vertices/${J}$`), ifVertex((v, i) => vertexDetail(i, v))],
    [new RegExp(`^/jobs/${J}/vertices/${J}/subtasktimes$`), ifVertex((v, i) => subtaskTimes(i, v))],
    [new RegExp(`^/jobs/${J}/vertices/${J}/watermarks$`), ifVertex(() => perSubtask(t.watermarks))],
    [new RegExp(`^/jobs/${J}/vertices/${J}/backpressure$`), ifVertex((v) => ({
      ...t.backpressure, 'end-timestamp': Date.now() + v,
      subtasks: Array.from({ length: sizes.parallelism }, (_, s) => ({ ...t.backpressure.subtasks[0], subtask: s })),
    }))],
    [new RegExp(`^/jobs/${J}/vertices/${J}/metrics$`), ifVertex((v, i, q) => (q.has('get') ? metricValues(q, v) : perSubtask(t.vertexMetrics)))],
    [new RegExp(`^/jobs/${J}/vertices/${J}/subtasks/metrics$`), ifVertex((v, i, q) => metricAggs(q, v))],
    [new RegExp(`^/jobs/${J}/vertices/${J}/accumulators$`), ifVertex((v, i) => ({ id: vertexIds[i], 'user-accumulators': [] }))],
    [/^\/taskmanagers\/metrics$/, (v, m, q) => metricAggs(q, v)],
    [/^\/taskmanagers\/([^/]+)\/metrics$/, (v, m, q) => metricValues(q, v)],
    [/^\/taskmanagers\/([^/]+)$/, (v, [id]) => {
      const i = tmIds.indexOf(decodeURIComponent(id));
      return i < 0 ? null : taskManager(i, v, t.tm);
    }],
    [/^\/jobmanager\/metrics$/, (v, m, q) => metricValues(q, v)],
    [/^\/jobmanager\/(environment|logs)$/, (v, [what]) => fixture(`jobmanager_${what}.json`)],
  ];
  function smallJob(jid, v) {
    const i = jobIndex.get(jid);
    if (i === undefined) return null;
    const o = jobOverview(i, v);
    return { ...clone(t.job), jid, 'application-id': jid, name: o.name, state: o.state, 'start-time': o['start-time'], 'end-time': o['end-time'], duration: o.duration, now: Date.now() + v * 1000 };
  }

  // The answers every UI polls, built once per variant; the rest on first request, then kept.
  const fixed = {
    '/config': () => ({ ...t.config, 'refresh-interval': refreshMs }),
    '/overview': overview,
    '/jobs/overview': jobsOverview,
    '/jobs': () => ({ jobs: jids.map((id, i) => ({ id, status: states(i) })) }),
    '/taskmanagers': (v) => ({ taskmanagers: tmIds.map((_, i) => taskManager(i, v, t.tms.taskmanagers[0])) }),
    '/jobmanager/config': () => fixture('jobmanager_config.json'),
  };
  const cache = new Map();
  const turns = new Map();
  const misses = new Set();
  const notFound = (path) => ({ status: 404, body: Buffer.from(JSON.stringify({ errors: [`Unable to load requested file ${path}.`] })) });
  for (const path of ['/jobs/overview', '/taskmanagers', `/jobs/${bigJid}`]) for (const v of [0, 1]) build(path, '', v);

  function build(path, search, v) {
    const key = `${v}${path}?${search}`;
    if (cache.has(key)) return cache.get(key);
    let value = fixed[path]?.(v);
    if (value === undefined) {
      for (const [re, make] of routes) {
        const m = path.match(re);
        if (m) { value = make(v, m.slice(1), new URLSearchParams(search)); break; }
      }
    }
    // A Buffer, so neither HTTP nor a Playwright route re-encodes a 4 MB string per request.
    const answer = value == null ? null : { status: 200, body: Buffer.from(JSON.stringify(value)) };
    if (answer) cache.set(key, answer);
    return answer;
  }

  // The JobManager's log, whole as Flink serves it: the console's viewer reads it by name,
  // Flink's UI as /jobmanager/log. Built on first request.
  let log;
  const logAnswer = () => ({ status: 200, type: 'text/plain', body: (log ??= generatedLog(logMb)) });
  fixed['/jobmanager/logs'] = () => ({ logs: [{ name: 'jobmanager.log', size: (log ??= generatedLog(logMb)).length, mtime: T0 + 3600_000 }] });

  /** The answer to `GET url` (path and query, without the host). */
  function answer(method, url) {
    const { pathname, search } = new URL(url, 'http://x');
    const path = pathname.replace(/\/+$/, '') || '/';
    if (method === 'GET' && (path === '/jobmanager/logs/jobmanager.log' || path === '/jobmanager/log')) return logAnswer();
    if (method !== 'GET') return { status: 405, body: Buffer.from(JSON.stringify({ errors: [`${method} is not answered by the generated cluster.`] })) };
    const turn = (turns.get(url) ?? 0) + 1;
    turns.set(url, turn);
    const found = build(path, search.slice(1), turn % 2);
    if (!found) misses.add(path);
    return found ?? notFound(path);
  }

  return { answer, misses, ids: { job: bigJid, vertices: vertexIds, taskmanagers: tmIds, jobs: jids }, sizes, refreshMs };
}

const HEADERS = { 'content-type': 'application/json; charset=UTF-8', 'access-control-allow-origin': '*' };

/** Serves `cluster` on 127.0.0.1:`port`; resolves to the listening server. */
export function serve(cluster, port) {
  const server = http.createServer((req, res) => {
    const { status, body, type } = cluster.answer(req.method, req.url);
    res.writeHead(status, { ...HEADERS, ...(type && { 'content-type': type }), 'content-length': body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name, fallback) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : fallback; };
  const port = Number(arg('--port', 18790));
  const cluster = bigCluster({ refreshMs: Number(arg('--refresh-ms', process.env.REFRESH_MS ?? 3000)) });
  await serve(cluster, port);
  console.log(`generated cluster at http://127.0.0.1:${port}/ (big job ${cluster.ids.job}, refresh-interval ${cluster.refreshMs} ms)`);
}
