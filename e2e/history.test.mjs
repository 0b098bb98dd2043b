// The console pointed at Flink's History Server (started by scripts/test next to the test
// cluster): a job of this test fails, restarts and is cancelled; once the History Server lists
// it, the console shows it read-only: the archived jobs, the job's graph, checkpoints,
// exceptions and configuration, and no action anywhere. Playwright forwards the console's /api/
// requests to the History Server, as a proxy in front of one would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CONSOLE_URL, FLINK_REST_URL, launch, withPage, flink } from './lib.mjs';

const HISTORY_URL = process.env.FLINK_HISTORY_URL ?? 'http://127.0.0.1:19085';
const NAME = 'e2e archive me';
// Chained with the sink at parallelism 1.
const COUNTER = /^Count per key/;

let browser;
let job; // the archived job's id
let archived; // what the History Server says of it

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function history(path) {
  const res = await fetch(`${HISTORY_URL}${path}`);
  if (!res.ok) throw new Error(`History Server ${path}: HTTP ${res.status}`);
  return res.json();
}

/** Polls `probe` every 500 ms until it returns something truthy, for at most `ms`. */
async function until(what, ms, probe) {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(500);
  }
}

before(async () => {
  browser = await launch();
  // Fails 3 s after each start, checkpoints every second: a real exception history and
  // completed checkpoints in the archive.
  const args = ['submit', NAME, '20', '1', '--fail-every', '3', '--checkpoint-interval', '1000'];
  const { stdout } = await promisify(execFile)('scripts/flink', args, { env: process.env });
  job = stdout.trim().split('\n').pop();
  assert.match(job, /^[0-9a-f]{32}$/, `scripts/flink submit printed ${stdout}`);
  await until('an exception and a completed checkpoint', 60_000, async () => {
    const [exceptions, checkpoints] = await Promise.all([flink(`/jobs/${job}/exceptions`), flink(`/jobs/${job}/checkpoints`)]);
    return exceptions.exceptionHistory.entries.length > 0 && checkpoints.counts.completed > 0;
  });
  const cancelled = await fetch(`${FLINK_REST_URL}/jobs/${job}?mode=cancel`, { method: 'PATCH' });
  assert.equal(cancelled.status, 202);
  archived = await until('the History Server to list the job', 60_000, async () =>
    (await history('/jobs/overview')).jobs.find((j) => j.jid === job));
});

after(async () => {
  await browser?.close();
});

/** Sends the page's REST requests to the History Server; resolves to those it saw. */
async function pointAtHistoryServer(page) {
  const requests = [];
  await page.route(`${CONSOLE_URL}/api/**`, async (route) => {
    const request = route.request();
    const url = request.url().replace(`${CONSOLE_URL}/api`, HISTORY_URL);
    requests.push(`${request.method()} ${url}`);
    await route.fulfill({ response: await route.fetch({ url }) });
  });
  return requests;
}

test('History Server: the archived job, read-only, with its graph, checkpoints, exceptions and configuration', async () => {
  assert.equal(archived.state, 'CANCELED');
  await withPage(browser, 'history-server', async (page) => {
    const requests = await pointAtHistoryServer(page);
    await page.goto(`${CONSOLE_URL}/`);
    // No cluster overview there: the landing page is the archived jobs.
    await page.waitForURL(`${CONSOLE_URL}/jobs`);
    await page.getByText('History Server · read-only').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Jobs']);

    // By its link: a second run of this test on one cluster archives a second job of this name.
    const row = page.getByRole('row').filter({ has: page.locator(`a[href="/jobs/${job}"]`) });
    await row.waitFor();
    assert.match(await row.innerText(), /CANCELED/);
    await row.getByRole('link', { name: NAME, exact: true }).click();
    await page.waitForURL(`${CONSOLE_URL}/jobs/${job}`);
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await page.getByText('Archived by the History Server: read-only.').waitFor();
    assert.equal(await page.getByRole('group', { name: 'Job actions' }).count(), 0);

    // The graph and the vertices from the archive, without rescale inputs.
    await page.locator('.job-graph .node').nth(1).waitFor();
    assert.equal(await page.locator('.job-graph .node').count(), 2, 'source and counter');
    const counter = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: COUNTER }) });
    assert.match(await counter.innerText(), /CANCELED/);
    assert.equal(await page.getByRole('spinbutton').count(), 0, 'no parallelism to set');

    // Checkpoints: the archived counts.
    const stats = await history(`/jobs/${job}/checkpoints`);
    await page.getByRole('tab', { name: 'Checkpoints' }).click();
    await page.waitForURL(`${CONSOLE_URL}/jobs/${job}/checkpoints`);
    const completed = page.locator('.counts div', { hasText: 'Completed' }).locator('dd');
    await completed.filter({ hasText: String(stats.counts.completed) }).waitFor();
    assert.ok(stats.counts.completed > 0);
    await page.locator('table.history tbody tr').filter({ hasText: 'COMPLETED' }).first().waitFor();

    // Exceptions: the demo's failure, as the History Server keeps it.
    await page.getByRole('tab', { name: 'Exceptions' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    assert.match(await page.locator('.tab-panel').innerText(), /Demo failure: this task gives up 3 s after it started/);
    // It keeps no task managers: their ids are text, not links to pages it cannot show.
    assert.equal(await page.locator('.tab-panel a[href*="/taskmanagers/"]').count(), 0);

    // Configuration: the job's own, from the archive.
    const config = await history(`/jobs/${job}/config`);
    await page.getByRole('tab', { name: 'Configuration' }).click();
    await page.waitForURL(`${CONSOLE_URL}/jobs/${job}/configuration`);
    const parallelism = page.getByRole('row').filter({ hasText: 'Job parallelism' });
    await parallelism.waitFor();
    assert.match(await parallelism.innerText(), new RegExp(`Job parallelism\\s+${config['execution-config']['job-parallelism']}`));

    // A vertex: only the tabs the History Server keeps, and its subtasks.
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: COUNTER }) })
      .getByRole('link', { name: COUNTER }).click();
    await page.getByRole('heading', { level: 1, name: COUNTER }).waitFor();
    const tabs = page.getByRole('tablist', { name: 'Vertex views' }).getByRole('tab');
    assert.deepEqual(await tabs.allInnerTexts(), ['Subtasks', 'Task managers', 'Data skew', 'Timeline']);
    const subtask = page.getByRole('region', { name: 'Subtasks' }).locator('tbody tr:not(.spacer)').first();
    await subtask.waitFor();
    assert.match(await subtask.innerText(), /CANCELED/);
    // A deep link to a tab it does not keep says so, and asks nothing for it.
    await page.goto(`${page.url()}/metrics`);
    await page.getByText("Flink's History Server does not keep a vertex's metrics").waitFor();
    assert.deepEqual(requests.filter((r) => r.includes('/metrics')), []);

    // Nothing but reads went to the History Server (a POST there never gets an answer).
    assert.deepEqual(requests.filter((r) => !r.startsWith('GET ')), []);
  });
});
