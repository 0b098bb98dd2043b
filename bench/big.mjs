// The console and Flink's UI on a generated big cluster (bench/big-cluster.mjs: 10,000 jobs, a
// job of 500 vertices at parallelism 1,000, 1,000 task managers), page by page: time per
// refresh, main-thread long-task time per refresh, job graph layout time, and memory after 10
// and after 1,000 refreshes. Imported by bench/bench.mjs; the generated cluster runs in-process.
//
// What is measured, and how, for both UIs:
// - a refresh is one answer of the page's main resource (`/jobs/overview`, `/jobs/{id}`,
//   `/taskmanagers`), counted from the network;
// - console only: the `refresh` User Timing measure (src/app/poll.rs), from the request to the
//   DOM showing the answer; the console's own share of it, from the answer's last byte
//   (Resource Timing `responseEnd`) to the DOM, which is what the 50 ms target is about (the
//   network's share is the same bytes for any UI: Flink's REST API has no paging); and
//   `graph-layout` (src/app/pages/job/graph.rs);
// - both: long tasks (main thread busy ≥ 50 ms) in a window of refreshes, per refresh: Flink's
//   UI has no marks, so this is the figure that compares; JS heap (CDP Performance.getMetrics
//   JSHeapUsedSize after HeapProfiler.collectGarbage) and wasm memory (the byteLength of every
//   WebAssembly.Memory the page instantiated).
// Each page has a browser context (so a renderer process and heap) of its own. The console gets
// the generated cluster through nginx (its production path, CONSOLE_URL's /api/); Flink's UI
// comes from the real JobManager, with its REST calls sent on to the generated cluster by
// `context.route` (rewritten in the browser's network stack, bodies never pass through here).
import { bigCluster, serve } from './big-cluster.mjs';
import { median, p95 } from './stats.mjs';


/** Starts the generated cluster on `port` (refresh-interval `refreshMs`). */
export async function startBigCluster(port, refreshMs) {
  const cluster = bigCluster({ refreshMs });
  const server = await serve(cluster, port);
  return { cluster, url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

// Collects measures and long tasks, and keeps every wasm Memory the page instantiates.
function probe() {
  const big = (window.__big = { measures: [], resources: [], long: 0, memories: new Set() });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) big.long += e.duration; }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) big.measures.push([e.name, e.duration, e.startTime]);
    performance.clearMeasures(); // the timeline would otherwise keep every one of them
  }).observe({ type: 'measure', buffered: true });
  // When each answer's last byte came: the console's own work on a refresh starts there.
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) big.resources.push([new URL(e.name).pathname, e.startTime, e.responseEnd]);
    performance.clearResourceTimings();
  }).observe({ type: 'resource', buffered: true });
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      const result = await original.apply(this, args);
      for (const v of Object.values((result.instance ?? result).exports)) if (v instanceof WebAssembly.Memory) big.memories.add(v);
      return result;
    };
  }
}

/** Opens one UI page and measures it: see the top of this file. */
export async function openPage(browser, { url, main, flinkUrl, bigUrl }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (flinkUrl) {
    const isRest = (u) => u.origin === flinkUrl && u.pathname !== '/' && !/\.(js|css|svg|png|ico|woff2?|ttf|html)$|^\/assets\//.test(u.pathname);
    await context.route((u) => isRest(u), (route) => {
      const u = new URL(route.request().url());
      return route.continue({ url: bigUrl + u.pathname + u.search });
    });
  }
  await context.addInitScript(probe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let refreshes = 0;
  page.on('response', (r) => { if (main.test(new URL(r.url()).pathname)) refreshes++; });
  await page.goto(url);
  return {
    page,
    refreshes: () => refreshes,
    async until(n, deadline) {
      while (refreshes < n && Date.now() < deadline) await page.waitForTimeout(100);
      return refreshes;
    },
    probe: () => page.evaluate(() => ({ measures: window.__big.measures.length, long: window.__big.long })),
    measures: (from, name) => page.evaluate(([from, name]) => window.__big.measures.slice(from).filter(([n]) => n === name).map(([, d]) => d), [from, name]),
    // Per `refresh` measure from `from` on: from the last byte of the main resource's answer it
    // fetched (the first one that started with it) until the DOM showed it.
    work: (from, path) => page.evaluate(([from, path]) => window.__big.measures.slice(from).filter(([n]) => n === 'refresh').flatMap(([, d, start]) => {
      const answer = window.__big.resources.find(([p, s]) => p.endsWith(path) && s >= start - 1);
      return answer ? [start + d - answer[2]] : [];
    }), [from, path]),
    async memory() {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      const wasm = await page.evaluate(() => [...window.__big.memories].reduce((n, m) => n + m.buffer.byteLength, 0));
      return { heap, wasm, at: refreshes };
    },
    close: () => context.close(),
  };
}

/**
 * Time per refresh: a window of `timed` refreshes after the first `warm` (or what `capMs`
 * allows), the page alone in the browser. For the console also its graph layouts (one per
 * page load: `layouts` loads) and the network alone: the page's main resource fetched and read
 * in the page, without decoding or rendering.
 */
async function timePage(browser, target, { warm, timed, capMs, layouts }) {
  const deadline = Date.now() + capMs;
  const p = await openPage(browser, target);
  await p.until(warm, deadline);
  const [before, from] = [await p.probe(), p.refreshes()];
  const t0 = Date.now();
  const to = await p.until(from + timed, Math.max(deadline, Date.now() + 10_000));
  const after = await p.probe();
  const result = {
    refreshes: to - from,
    seconds: (Date.now() - t0) / 1000,
    longPerRefresh: to > from ? (after.long - before.long) / (to - from) : null,
    refresh: await p.measures(before.measures, 'refresh'),
    work: target.network ? await p.work(before.measures, target.rest) : [],
    layout: await p.measures(0, 'graph-layout'),
  };
  if (target.network) result.network = median(await p.page.evaluate(async (url) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await (await fetch(url)).text();
      times.push(performance.now() - t);
    }
    return times;
  }, target.network));
  for (let i = 1; i < (result.layout.length ? layouts : 0); i++) {
    await p.page.reload();
    await p.page.waitForFunction(() => window.__big.measures.some(([n]) => n === 'graph-layout'), null, { timeout: 60_000 });
    result.layout.push(...await p.measures(0, 'graph-layout'));
  }
  await p.close();
  return result;
}

/** Memory after 10 and after `total` refreshes, for pages open side by side (or until `capMs`). */
async function memoryOfPages(browser, targets, total, capMs) {
  const deadline = Date.now() + capMs;
  const pages = await Promise.all(targets.map((t) => openPage(browser, t)));
  const at10 = await Promise.all(pages.map(async (p) => { await p.until(10, deadline); return p.memory(); }));
  const atN = await Promise.all(pages.map(async (p) => { await p.until(total, deadline); return p.memory(); }));
  await Promise.all(pages.map((p) => p.close()));
  return targets.map((_, i) => ({ at10: at10[i], atN: atN[i] }));
}

/**
 * The rows of BENCHMARKS.md for the big cluster. `consoleUrl`: the console behind nginx whose
 * /api/ is `big.url`; `flinkUrl`: a real JobManager (its UI). Options: `timed` refreshes per
 * timing window, `total` refreshes for the memory figure, caps in ms per window.
 */
export async function bigClusterRows(browser, { consoleUrl, flinkUrl, big, warm = 5, timed = 30, layouts = 5, total = 1000, timeCapMs = 90_000, memoryCapMs = 1_200_000, flinkMemoryCapMs = 180_000 }) {
  const { job, jobs } = big.cluster.ids;
  const completed = jobs.length - JSON.parse(big.cluster.answer('GET', '/overview').body)['jobs-running'];
  const jobPath = new RegExp(`/jobs/${job}$`);
  const pages = [
    { name: 'jobs list (10,000 jobs)', main: /\/jobs\/overview$/, rest: '/jobs/overview', console: `${consoleUrl}/jobs`, flink: `${flinkUrl}/#/job/completed`, flinkNote: `its completed jobs page: ${completed.toLocaleString('en')} jobs` },
    { name: 'job page (500 vertices × 1,000: graph and vertex table)', main: jobPath, rest: `/jobs/${job}`, console: `${consoleUrl}/jobs/${job}`, flink: `${flinkUrl}/#/job/running/${job}/overview` },
    { name: 'task managers (1,000)', main: /\/taskmanagers$/, rest: '/taskmanagers', console: `${consoleUrl}/taskmanagers`, flink: `${flinkUrl}/#/task-manager` },
  ];
  const targets = (ui) => pages.map((p) => (ui === 'console'
    ? { url: p.console, main: p.main, rest: p.rest, network: `${new URL(consoleUrl).pathname}/api${p.rest}` }
    : { url: p.flink, main: p.main, flinkUrl: new URL(flinkUrl).origin, bigUrl: big.url }));
  const timing = { console: [], flink: [] };
  for (const ui of ['console', 'flink']) for (const t of targets(ui)) timing[ui].push(await timePage(browser, t, { warm, timed, capMs: timeCapMs, layouts }));
  const memory = {
    console: await memoryOfPages(browser, targets('console'), total, memoryCapMs),
    flink: await memoryOfPages(browser, targets('flink'), total, flinkMemoryCapMs),
  };

  const ms = (x) => (x == null ? 'no refresh in the window' : `${Math.round(x)} ms`);
  const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
  const mem = ({ at10, atN }, what) => (what === 'wasm' && !at10.wasm ? 'no wasm'
    : `${mb(at10[what])} → ${mb(atN[what])}${atN.at < total ? ` (after ${atN.at} refreshes: all the time allowed)` : ''}`);
  const size = (rest) => mb(big.cluster.answer('GET', rest).body.length);
  const rows = [];
  pages.forEach((p, i) => {
    const [c, f] = [timing.console[i], timing.flink[i]];
    const [cm, fm] = [memory.console[i], memory.flink[i]];
    const what = `big cluster, ${p.name}`;
    const rate = (t) => `${t.refreshes} in ${t.seconds.toFixed(0)} s`;
    const ratio = c.longPerRefresh != null && f.longPerRefresh ? ` (console / Flink UI = ${(c.longPerRefresh / f.longPerRefresh).toFixed(2)})` : '';
    rows.push(`| ${what}: time per refresh, median / p95 of ${c.refresh.length} (the console's \`refresh\` measure: request until the DOM shows the answer) | ${ms(median(c.refresh))} / ${ms(p95(c.refresh))} | no marks in Flink UI (next rows) |`);
    rows.push(`| ${what}: of that, the console's own work: the answer's last byte until the DOM shows it (decode, compare, render; Resource Timing's \`responseEnd\` to the measure's end), median / p95 of ${c.work.length}; target ≤ 50 ms | ${ms(median(c.work))} / ${ms(p95(c.work))} | – |`);
    rows.push(`| ${what}: the network alone (${size(p.rest)} fetched and read in the page through nginx, gzip; median of 5) | ${ms(c.network)} | – |`);
    rows.push(`| ${what}: main thread in long tasks per refresh, refreshes in the window: console ${rate(c)}, Flink UI ${rate(f)}${p.flinkNote ? ` (${p.flinkNote})` : ''}${ratio} | ${ms(c.longPerRefresh)} | ${ms(f.longPerRefresh)} |`);
    if (c.layout.length) rows.push(`| ${what}: job graph layout, median of ${c.layout.length} page loads (the console's \`graph-layout\` measure; target ≤ 200 ms) | ${ms(median(c.layout))} | – |`);
    rows.push(`| ${what}: JS heap after 10 → ${total} refreshes (refresh-interval ${big.cluster.refreshMs} ms) | ${mem(cm, 'heap')} | ${mem(fm, 'heap')} |`);
    rows.push(`| ${what}: wasm memory after 10 → ${total} refreshes | ${mem(cm, 'wasm')} | ${mem(fm, 'wasm')} |`);
  });
  return rows.join('\n');
}
