// Each fault of the fault proxy (tests/fault-proxy.mjs) on the resource four pages poll: the jobs
// list, a job, its checkpoints tab and the task managers. Playwright forwards the console's
// /api/ to the proxy, which forwards to the real Flink. For every fault, on every page: a message
// that names what failed (the banner when Flink is unreachable, the page's note when it answered
// an error), the last good data kept and marked stale, no wasm panic or uncaught error (withPage),
// and recovery by itself once the fault is lifted. The four pages run side by side.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, launch, withPage, flink } from './lib.mjs';
import { startFaultProxy } from '../tests/fault-proxy.mjs';

const CLICKS = 'Demo: click counts';
// The checkpoints tab polls its job too: a job of its own keeps the job page's fault off it.
const ORDERS = 'Demo: <b>orders</b> & refunds';

/** Each fault, and what the console says about it: the banner's text, or the page's note. */
const FAULTS = [
  { fault: 'flink500', note: /^Not refreshed: Flink answered 500 for / },
  { fault: 'html', status: 502, banner: /the proxy answered 502 Bad Gateway for / },
  { fault: 'html', status: 503, banner: /the proxy answered 503 Service Unavailable for / },
  { fault: 'html', status: 504, banner: /the proxy answered 504 Gateway Timeout for / },
  // Past the console's 10 s timeout.
  { fault: 'delay', ms: 11_000, banner: /Flink did not answer .* within 10 s\./ },
  { fault: 'reset', banner: /Could not reach Flink at / },
  { fault: 'truncate', note: /^Not refreshed: Flink's answer from .* could not be read at / },
  { fault: 'drop', banner: /Could not reach Flink at / },
];

let browser;
let proxy;
let job;
let other;
/** The rule each page has set, by page: the proxy gets them all. */
const rules = new Map();
const setRule = (name, rule) => {
  if (rule) rules.set(name, rule); else rules.delete(name);
  proxy.set([...rules.values()]);
};

before(async () => {
  browser = await launch();
  proxy = await startFaultProxy({ target: process.env.FLINK_REST_URL ?? 'http://127.0.0.1:18081' });
  const { jobs } = await flink('/jobs/overview');
  const running = (name) => jobs.find((j) => j.name === name && j.state === 'RUNNING')?.jid;
  [job, other] = [running(CLICKS), running(ORDERS)];
  assert.ok(job && other, `running demo jobs "${CLICKS}" and "${ORDERS}": ${JSON.stringify(jobs.map((j) => [j.name, j.state]))}`);
});
after(async () => {
  await browser?.close();
  await proxy?.close();
});

/** The pages: where each is, the resource it polls (as the proxy sees its path), and its data. */
const pages = () => [
  { name: 'jobs', path: '/jobs', resource: '^/jobs/overview$', data: (p) => p.getByRole('link', { name: CLICKS, exact: true }).first() },
  { name: 'job', path: `/jobs/${job}`, resource: `^/jobs/${job}$`, data: (p) => p.getByRole('heading', { level: 1, name: CLICKS }) },
  { name: 'checkpoints', path: `/jobs/${other}/checkpoints`, resource: `^/jobs/${other}/checkpoints$`, data: (p) => p.getByRole('heading', { name: 'Counts', exact: true }) },
  { name: 'taskmanagers', path: '/taskmanagers', resource: '^/taskmanagers$', data: (p) => p.getByRole('region', { name: 'Task managers' }).getByRole('link').first() },
];

/** Sends the console's REST calls through the fault proxy; a reset or drop there is one here. */
async function throughProxy(page) {
  await page.route(`${CONSOLE_URL}/api/**`, async (route) => {
    const url = route.request().url().replace(`${CONSOLE_URL}/api`, proxy.url);
    try {
      await route.fulfill({ response: await route.fetch({ url, timeout: 60_000 }) });
    } catch {
      // The proxy closed the connection, or the console gave up first (a timeout).
      await route.abort('connectionreset').catch(() => {});
    }
  });
}

async function faultOnPage(spec, expected) {
  const { fault, status, ms } = expected;
  await withPage(browser, `faults-${fault}${status ?? ''}-${spec.name}`, async (page) => {
    await throughProxy(page);
    await page.goto(`${CONSOLE_URL}${spec.path}`);
    const data = spec.data(page);
    await data.waitFor({ timeout: 30_000 });
    const banner = page.locator('.stale-banner');
    const note = page.locator('main .stale-note');

    setRule(spec.name, { path: spec.resource, method: 'GET', fault, status, ms });
    try {
      const shown = expected.banner ? banner : note;
      await shown.waitFor({ timeout: 45_000 });
      const text = await shown.innerText();
      assert.match(text, expected.banner ?? expected.note, `${spec.name}: ${text}`);
      assert.ok(text.includes(spec.resource.slice(1, -1)), `${spec.name}: names the resource that failed: ${text}`);
      assert.ok(!/<html|<center|nginx/.test(text), `${spec.name}: no proxy page on screen: ${text}`);
      // The last good data stays, marked stale; no error takes its place.
      assert.ok(await data.isVisible(), `${spec.name}: the last good data stays on screen`);
      assert.ok(await page.locator('.loaded.stale').count() >= 1, `${spec.name}: marked stale`);
      if (expected.banner) assert.equal(await note.count(), 0, `${spec.name}: the banner says it, not a note`);
    } finally {
      setRule(spec.name, null);
    }
    // Recovery by itself: the message goes, the data is fresh again.
    await (expected.banner ? banner : note).waitFor({ state: 'detached', timeout: 45_000 });
    await page.locator('.loaded.stale').first().waitFor({ state: 'detached', timeout: 15_000 });
    assert.ok(await data.isVisible(), `${spec.name}: data after recovery`);
  });
}

for (const expected of FAULTS) {
  const label = `${expected.fault}${expected.status ? ` ${expected.status}` : ''}`;
  test(`fault proxy, ${label}: each page says what failed, keeps its data, and recovers`, async () => {
    const outcomes = await Promise.allSettled(pages().map((spec) => faultOnPage(spec, expected)));
    const failed = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason?.message ?? String(o.reason));
    assert.deepEqual(failed, [], failed.join('\n'));
    const hit = proxy.log.filter((r) => r.fault === expected.fault);
    assert.ok(hit.length >= 4, `the proxy applied ${label} to every page's resource: ${hit.length}`);
  });
}
