// Benchmarks the console against Flink's own web UI on the same cluster; prints Markdown.
// Run through scripts/bench (release build behind nginx, real Flink with demo jobs).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../scripts/lib/chromium.mjs';
import { bigClusterRows, startBigCluster } from './big.mjs';
import { decodeCases } from './decode.mjs';
import { logRows } from './logs.mjs';
import { median } from './stats.mjs';

const CONSOLE = process.env.CONSOLE_URL;
const FLINK = process.env.FLINK_REST_URL;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 60000);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 15000);
const DEMO = 'Demo: click counts';

const browser = await launchChromium(chromium);
const kb = (n) => `${Math.round(n / 1024)} KB`;

// --- sizes: every file (not REST calls) the browser downloads until the landing page shows ---
// Counted from the network, so the console's page chunks count as they load; each body is
// gzipped at level 9 here, the same for both UIs whatever the server compresses. "As served" is
// what came over the wire: the body as the server encoded it (nginx sends the console's
// pre-compressed .br or .gz; Flink's JobManager sends its UI uncompressed).
async function landingDownload(url, isApi, ready) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const bodies = [];
  const wire = [];
  page.on('response', (r) => {
    if (isApi(r.url())) return;
    bodies.push(r.body().catch(() => Buffer.alloc(0)));
    wire.push(r.finished().then(() => r.request().sizes()).then((s) => s.responseBodySize).catch(() => 0));
  });
  await page.goto(url);
  await ready(page).waitFor({ timeout: 30000 });
  await page.waitForTimeout(500); // what the page fetches right after it shows still counts
  const done = await Promise.all(bodies);
  const served = (await Promise.all(wire)).reduce((n, b) => n + b, 0);
  await ctx.close();
  const raw = done.reduce((n, b) => n + b.length, 0);
  const gz = done.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  return { raw, gz, served, files: done.length };
}

// --- time until the demo job's name is visible after navigating to the job list -----------
async function timeToJobList(url, contextReuse) {
  const times = [];
  let context = contextReuse ? await browser.newContext() : null;
  for (let i = 0; i < RUNS + (contextReuse ? 1 : 0); i++) {
    const ctx = context ?? await browser.newContext();
    const page = await ctx.newPage();
    const start = Date.now();
    await page.goto(url);
    await page.getByText(DEMO).first().waitFor({ timeout: 30000 });
    const t = Date.now() - start;
    if (!(contextReuse && i === 0)) times.push(t); // warm: the first load only fills the cache
    await page.close();
    if (!context) await ctx.close();
  }
  if (context) await context.close();
  return median(times);
}

// --- REST requests per minute while a page stays open ------------------------------------
// Counted once the page has settled (SETTLE_MS after it opened), as it runs while an operator
// keeps it open; every page of both UIs at once, each in a browser context of its own.
async function requestsPerMinute(url, isApi) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForTimeout(SETTLE_MS);
  let n = 0;
  page.on('request', (r) => { if (isApi(r.url())) n++; });
  await page.waitForTimeout(WINDOW_MS);
  await ctx.close();
  return Math.round(n * 60000 / WINDOW_MS);
}

// --- 10,000 jobs: the list endpoint is answered by a generated list (same for both UIs) ------
function bigJobList(n) {
  const now = Date.now();
  const states = ['RUNNING', 'FINISHED', 'CANCELED', 'FAILED'];
  const jobs = Array.from({ length: n }, (_, i) => ({
    jid: i.toString(16).padStart(32, '0'), name: `synthetic job ${i}`, state: states[i % 4],
    'start-time': now - i * 1000, 'end-time': -1, duration: i * 1000, 'last-modification': now,
    tasks: { running: 2, canceling: 0, canceled: 0, total: 2, created: 0, scheduled: 0, deploying: 0,
      reconciling: 0, finished: 0, initializing: 0, failed: 0 },
  }));
  return JSON.stringify({ jobs });
}

async function bigList(url, routeGlob, nameFilter) {
  const ctx = await browser.newContext();
  const body = bigJobList(10000);
  await ctx.route(routeGlob, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__longTasks = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks += e.duration; })
      .observe({ type: 'longtask', buffered: true });
  });
  const start = Date.now();
  await page.goto(url);
  await page.getByText('synthetic job 1', { exact: true }).first().waitFor({ timeout: 60000 });
  const firstRows = Date.now() - start;
  let filterMs = null;
  if (nameFilter) {
    const box = page.getByLabel(nameFilter);
    const t0 = Date.now();
    await box.fill('synthetic job 9999');
    await page.getByText('synthetic job 9999', { exact: true }).first().waitFor();
    await page.getByText('synthetic job 1', { exact: true }).waitFor({ state: 'detached', timeout: 30000 });
    filterMs = Date.now() - t0;
    await box.fill('');
  }
  const before = await page.evaluate(() => window.__longTasks);
  await page.waitForTimeout(10000);
  const blocked = await page.evaluate(() => window.__longTasks) - before;
  const rows = await page.locator('tbody tr').count();
  await ctx.close();
  return { firstRows, filterMs, blockedPer10s: Math.round(blocked), rowsInDom: rows };
}

// --- rescale: click on "Apply rescale" until the PUT leaves the browser --------------------
async function rescaleLatency(jobId) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${CONSOLE}/jobs/${jobId}`);
  const input = page.getByLabel(/^Parallelism of Count per key/);
  await input.waitFor({ timeout: 30000 });
  await input.fill('2');
  const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().includes('resource-requirements'));
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Apply rescale' }).click();
  await put;
  const ms = Date.now() - t0;
  await ctx.close();
  return ms;
}

const overview = await (await fetch(`${FLINK}/jobs/overview`)).json();
const demo = overview.jobs.find((j) => j.name === DEMO);
const consoleApi = (u) => u.includes('/console/api/');
const flinkApi = (u) => u.startsWith(FLINK) && !/\.(js|css|svg|png|ico|woff2?|ttf|json)(\?|$)/.test(u) && !u.endsWith(':' + new URL(FLINK).port + '/');

const results = {};
const consoleCards = (page) => page.locator('.card', { hasText: 'Slots' }).locator('dd').filter({ hasText: /\d/ });
const demoRow = (page) => page.getByText(DEMO).first();
const sizes = {
  overview: {
    console: await landingDownload(`${CONSOLE}/`, consoleApi, consoleCards),
    flink: await landingDownload(`${FLINK}/#/overview`, flinkApi, (p) => p.getByText('Available Task Slots').first()),
  },
  jobs: {
    console: await landingDownload(`${CONSOLE}/jobs`, consoleApi, demoRow),
    flink: await landingDownload(`${FLINK}/#/job/running`, flinkApi, demoRow),
  },
};
const ratio = (c, f) => (c / f).toFixed(2);
results.coldConsole = await timeToJobList(`${CONSOLE}/jobs`, false);
results.coldFlink = await timeToJobList(`${FLINK}/#/job/running`, false);
results.warmConsole = await timeToJobList(`${CONSOLE}/jobs`, true);
results.warmFlink = await timeToJobList(`${FLINK}/#/job/running`, true);
const pages = [
  ['Overview', `${CONSOLE}/`, `${FLINK}/#/overview`],
  ['Jobs list', `${CONSOLE}/jobs`, `${FLINK}/#/job/running`],
  ['Task managers', `${CONSOLE}/taskmanagers`, `${FLINK}/#/task-manager`],
  ['Job manager', `${CONSOLE}/jobmanager`, `${FLINK}/#/job-manager/config`],
  ['Job page', `${CONSOLE}/jobs/${demo.jid}`, `${FLINK}/#/job/running/${demo.jid}/overview`],
  ['Checkpoints tab', `${CONSOLE}/jobs/${demo.jid}/checkpoints`, `${FLINK}/#/job/running/${demo.jid}/checkpoints`],
];
const rates = await Promise.all(pages.map(async ([name, c, f]) => [name, ...await Promise.all([requestsPerMinute(c, consoleApi), requestsPerMinute(f, flinkApi)])]));
const big = {
  console: await bigList(`${CONSOLE}/jobs`, '**/console/api/jobs/overview', 'Filter jobs'),
  flink: await bigList(`${FLINK}/#/job/completed`, `${FLINK}/jobs/overview`, null),
};
let rescale = null;
try { rescale = await rescaleLatency(demo.jid); } catch (e) { rescale = `not measured (${e.message.split('\n')[0]})`; }
// A generated big cluster (bench/big.mjs), and the npm client's decode cost (bench/decode.mjs).
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const decode = await decodeCases({ runs: env('BENCH_DECODE_RUNS', 25), port: env('BENCH_DECODE_PORT', 18792) });
const bigCluster = await startBigCluster(env('BENCH_BIG_PORT', 18790), 100);
const bigRows = await bigClusterRows(browser, {
  consoleUrl: process.env.BIG_CONSOLE_URL, flinkUrl: FLINK, big: bigCluster, timed: env('BENCH_BIG_TIMED', 30),
  total: env('BENCH_BIG_REFRESHES', 1000), flinkMemoryCapMs: env('BENCH_BIG_FLINK_CAP_S', 180) * 1000,
});
const logs = await logRows(browser, {
  consoleUrl: process.env.BIG_CONSOLE_URL, flinkUrl: FLINK, bigUrl: bigCluster.url,
  logMb: env('BENCH_LOG_MB', 100), capMs: env('BENCH_LOG_CAP_S', 120) * 1000,
});
await bigCluster.close();
await browser.close();

const buildSizes = process.env.BUILD_SIZES ? readFileSync(process.env.BUILD_SIZES, 'utf8').trim() : '';
console.log(`# Benchmarks

Measured by \`scripts/bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores, headless Chromium
(Debian), a real Flink 2.3.0 with the demo jobs, the console's release build behind nginx
(same machine), Flink's UI served by its JobManager. Times are medians of ${RUNS} runs; one
machine, so compare rows with each other rather than with other machines.

| figure | flink-console | Flink UI |
|---|---|---|
${Object.entries(sizes).map(([name, { console: c, flink: f }]) => `| landing on ${name}: files downloaded until it shows (REST calls not counted) | ${c.files} | ${f.files} |
| landing on ${name}: their size, raw | ${kb(c.raw)} | ${kb(f.raw)} |
| landing on ${name}: their size, gzip -9 (console / Flink UI = ${ratio(c.gz, f.gz)}) | ${kb(c.gz)} | ${kb(f.gz)} |
| landing on ${name}: their size as served, bytes on the wire (console / Flink UI's gzip -9 = ${ratio(c.served, f.gz)}; the target is ≤ 0.50) | ${kb(c.served)} | ${kb(f.served)} |`).join('\n')}
| job list visible after navigation, cold (new browser context) | ${results.coldConsole} ms | ${results.coldFlink} ms |
| job list visible after navigation, warm (cached) | ${results.warmConsole} ms | ${results.warmFlink} ms |
${rates.map(([n, c, f]) => `| REST requests per minute, ${n} open${f ? ` (console / Flink UI = ${ratio(c, f)})` : ''} | ${c} | ${f} |`).join('\n')}
| 10,000 jobs: first rows visible | ${big.console.firstRows} ms | ${big.flink.firstRows} ms |
| 10,000 jobs: table rows in the DOM | ${big.console.rowsInDom} | ${big.flink.rowsInDom} |
| 10,000 jobs: main thread blocked (long tasks) per 10 s while open | ${big.console.blockedPer10s} ms | ${big.flink.blockedPer10s} ms |
| 10,000 jobs: typing a filter until the list shows the match | ${big.console.filterMs} ms | no filter box |
| rescale: click until the PUT is sent | ${typeof rescale === 'number' ? rescale + ' ms' : rescale} | 2.5 s debounce (measured for the anchor) |
${bigRows}
${logs}
${decode.map((d) => `| npm client in Node, ${d.name} (${(d.bytes / 1048576).toFixed(1)} MB): median of ${d.runs}; fetch() + JSON.parse of the same bytes ${d.js.toFixed(0)} ms (client / plain = ${d.ratio.toFixed(2)}, target ≤ 1.5) | ${d.client.toFixed(0)} ms | – |`).join('\n')}

The big-cluster rows use a generated cluster (\`bench/big-cluster.mjs\`: 10,000 jobs, a job of
500 vertices at parallelism 1,000, 1,000 task managers, in Flink 2.3's recorded shapes, every
answer different from the last as on a running cluster) with refresh-interval 100 ms; the
console polls no faster than every 500 ms whatever Flink says, Flink's UI at 100 ms. The console
reaches it through nginx as in production, Flink's UI (from the real JobManager) through
Playwright routing of its REST calls. \`bench/big.mjs\` says how each figure is taken; JS heap is
after a forced GC, wasm memory is the size of the module's memory (it never shrinks). The log
rows open each UI's job manager log on the generated cluster's JobManager log (\`bench/logs.mjs\`:
Flink's log4j layout, a WARN every 50th line, an ERROR with a stack trace every 5,000th); Flink
serves a log whole, so both download all of it.

Release build of the console (\`scripts/build\`):

\`\`\`
${buildSizes}
\`\`\`

The size budget in the issue is half of Flink UI's gzip download of the same landing page
(a ratio ≤ 0.50 above). The console's shell is the same for every page; each page adds its own
chunk and the code chunks it shares with other pages, listed above.
Earlier runs counted only the files index.html names (Flink UI: 306 KB gzip, as \`scripts/build\`
still prints); Flink's UI loads more after that (lazy Angular chunks, fonts, icons), and the
console loads its page chunks, so both are now counted from the network.
`);
