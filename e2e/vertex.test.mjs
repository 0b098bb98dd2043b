// The job graph's metrics and the vertex page against the real Flink: from the graph to a
// vertex, its subtasks, task managers, back pressure, watermarks, metrics, accumulators, data
// skew, timeline and flame graph, deep links, unknown ids.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, launch, withPage, flink } from './lib.mjs';

const CLICKS = 'Demo: click counts';
const COUNTER = 'Count per key -> Discard: Writer';

let browser;
let job; // the running demo job's id
let counter; // its counting vertex, from Flink

before(async () => {
  browser = await launch();
  const { jobs } = await flink('/jobs/overview');
  job = jobs.find((j) => j.name === CLICKS && j.state === 'RUNNING')?.jid;
  assert.ok(job, `the demo job '${CLICKS}' runs on the test cluster`);
  counter = (await flink(`/jobs/${job}`)).vertices.find((v) => v.name === COUNTER);
  assert.ok(counter, `the demo job has the vertex '${COUNTER}'`);
});

after(async () => {
  await browser?.close();
});

test('the graph shows each vertex busy, back-pressured, records per second and watermark, and links to it', async () => {
  await withPage(browser, 'vertex-from-graph', async (page) => {
    const asked = [];
    page.on('request', (r) => r.url().includes('/subtasks/metrics') && asked.push(r.url()));
    await page.goto(`${CONSOLE_URL}/jobs/${job}`);
    const node = page.getByRole('link', { name: `Vertex ${COUNTER}` });
    await node.waitFor();
    // The metrics come a moment after the graph: Flink's metric fetcher, then the console's poll.
    await page.locator(`.job-graph g[data-vertex='${counter.id}']`).getByText(/Busy \d+% · Backpressured \d+%/).waitFor({ timeout: 20_000 });
    const text = await page.locator(`.job-graph g[data-vertex='${counter.id}']`).textContent();
    assert.match(text, /In [\d.]+k?\/s · Out [\d.]+k?\/s/);
    assert.match(text, /Watermark \d{4}-\d\d-\d\d \d\d:\d\d:\d\d|No watermark/);
    assert.match(await page.locator(`.job-graph g[data-vertex='${counter.id}']`).getAttribute('class'), /load-(ok|busy|busy-high|backpressured|backpressured-high)/);
    assert.ok(asked.every((u) => /get=busyTimeMsPerSecond,backPressuredTimeMsPerSecond/.test(u)), 'one request per vertex asks for all of it');

    await node.click();
    await page.waitForURL(`${CONSOLE_URL}/jobs/${job}/vertices/${counter.id}`);
    await page.getByRole('heading', { level: 1, name: COUNTER }).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Subtasks' }).getAttribute('aria-selected'), 'true');
    const details = await flink(`/jobs/${job}/vertices/${counter.id}`);
    const rows = page.getByRole('region', { name: 'Subtasks' }).locator('tbody tr:not(.spacer)');
    await rows.first().waitFor();
    assert.equal(await rows.count(), details.subtasks.length);
    const first = await rows.first().innerText();
    assert.match(first, /RUNNING/);
    assert.ok(first.includes(details.subtasks[0].endpoint ?? details.subtasks[0].host), `${first} names where it runs`);
  });
});

test('vertex tabs: task managers, back pressure, watermarks; a deep link lands on its tab', async () => {
  await withPage(browser, 'vertex-tabs', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${job}/vertices/${counter.id}`);
    await page.getByRole('tab', { name: 'Task managers' }).click();
    await page.waitForURL(/\/taskmanagers$/);
    const details = await flink(`/jobs/${job}/vertices/${counter.id}`);
    const tm = details.subtasks[0]['taskmanager-id'];
    const link = page.getByRole('region', { name: 'Task managers of the vertex' }).getByRole('link', { name: tm });
    await link.waitFor();
    assert.equal(decodeURIComponent(await link.getAttribute('href')), `/taskmanagers/${tm}`, 'each task manager links to its page');

    await page.getByRole('tab', { name: 'Back pressure' }).click();
    await page.waitForURL(/\/backpressure$/);
    const summary = page.locator('.backpressure-summary');
    await summary.getByText(/Back pressure (OK|LOW|HIGH) · sampled \d{4}-/).waitFor({ timeout: 20_000 });
    const row = page.getByRole('region', { name: 'Back pressure of the subtasks' }).locator('tbody tr:not(.spacer)').first();
    assert.match(await row.innerText(), /^0\s+(OK|LOW|HIGH)\s+\d+%\s+\d+%\s+\d+%$/);

    // Deep link and reload: the watermarks tab of the counter, which has event time.
    await page.goto(`${CONSOLE_URL}/jobs/${job}/vertices/${counter.id}/watermarks`);
    assert.equal(await page.getByRole('tab', { name: 'Watermarks' }).getAttribute('aria-selected'), 'true');
    await page.locator('.watermark-summary').getByText(/Lowest watermark: \d{4}-\d\d-\d\d/).waitFor({ timeout: 20_000 });
    const marks = await flink(`/jobs/${job}/vertices/${counter.id}/watermarks`);
    assert.equal(await page.getByRole('region', { name: 'Watermarks of the subtasks' }).locator('tbody tr:not(.spacer)').count(), marks.length);

    // The source has no input watermark (Flink sends none, or Long.MIN_VALUE): said in words,
    // not as a date in 292 million BC.
    const source = (await flink(`/jobs/${job}`)).vertices.find((v) => v.name.startsWith('Source'));
    await page.goto(`${CONSOLE_URL}/jobs/${job}/vertices/${source.id}/watermarks`);
    await page.locator('.watermark-summary').getByText(/^No watermark/).waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /-\d{4,}/);
  });
});

test('accumulators, data skew and timeline tabs show what Flink reports for the vertex', async () => {
  await withPage(browser, 'vertex-accumulators-skew-timeline', async (page) => {
    // The demo counts every record into the user accumulator "records counted" (a LongCounter).
    await page.goto(`${CONSOLE_URL}/jobs/${job}/vertices/${counter.id}/accumulators`);
    assert.equal(await page.getByRole('tab', { name: 'Accumulators' }).getAttribute('aria-selected'), 'true');
    const merged = page.getByRole('table', { name: 'Accumulators of the vertex' });
    await merged.getByRole('cell', { name: 'records counted' }).waitFor({ timeout: 20_000 });
    const [name, type, value] = await merged.locator('tbody tr').first().locator('td').allInnerTexts();
    assert.deepEqual([name, type], ['records counted', 'LongCounter']);
    const flinks = (await flink(`/jobs/${job}/vertices/${counter.id}/accumulators`))['user-accumulators'][0];
    assert.ok(Number(value) > 0 && Number(value) <= Number(flinks.value), `${value} counted, Flink says ${flinks.value} a moment later`);
    const perSubtask = page.getByRole('region', { name: 'Accumulators per subtask' }).locator('tbody tr:not(.spacer)');
    await perSubtask.first().waitFor();
    assert.match(await perSubtask.first().innerText(), /^0\s+\S+\s+records counted\s+LongCounter\s+\d+$/);
    // A vertex without accumulators says so.
    const source = (await flink(`/jobs/${job}`)).vertices.find((v) => v.name.startsWith('Source'));
    await page.goto(`${CONSOLE_URL}/jobs/${job}/vertices/${source.id}/accumulators`);
    await page.getByText('This vertex has no user accumulators.').waitFor();

    // Data skew from the subtasks' counters: one subtask, so none; every subtask listed.
    await page.goto(`${CONSOLE_URL}/jobs/${job}/vertices/${counter.id}`);
    await page.getByRole('tab', { name: 'Data skew' }).click();
    await page.waitForURL(/\/skew$/);
    await page.getByRole('definition').getByText(/^Records in: \d+ % skew$/).waitFor();
    const details = await flink(`/jobs/${job}/vertices/${counter.id}`);
    assert.equal(await page.getByRole('region', { name: 'Records per subtask' }).locator('tbody tr:not(.spacer)').count(), details.subtasks.length);

    // Timeline: each subtask's way to RUNNING, from Flink's subtasktimes.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.waitForURL(/\/timeline$/);
    const bar = page.getByRole('img', { name: /^Subtask 0: created for .*running for / });
    await bar.waitFor();
    assert.equal(await bar.locator('rect.state-running').count(), 1);
    await page.getByText(/^From \d{4}-\d\d-\d\d \d\d:\d\d:\d\d to \d{4}-/).waitFor();
  });
});

test('metrics tab: find a metric by name, chart it, and the chart grows with each refresh', async () => {
  await withPage(browser, 'vertex-metrics', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${job}/vertices/${counter.id}/metrics`);
    assert.equal(await page.getByRole('tab', { name: 'Metrics' }).getAttribute('aria-selected'), 'true');
    await page.getByRole('searchbox', { name: 'Filter metrics' }).fill('0.numRecordsIn');
    const list = page.getByRole('list', { name: 'Metrics of the vertex' });
    await list.getByRole('button', { name: '0.numRecordsIn', exact: true }).click();
    assert.equal(await list.getByRole('button', { name: '0.numRecordsIn', exact: true }).getAttribute('aria-pressed'), 'true');
    // One request asks for every picked metric, and each answer adds a sample.
    const chart = page.getByRole('img', { name: /^0\.numRecordsIn: [2-9]\d* samples, up to \d+/ });
    await chart.waitFor({ timeout: 20_000 });
    assert.match(await page.locator('.metric-value').first().innerText(), /^\d+$/);
    await page.getByRole('button', { name: 'Remove 0.numRecordsIn' }).click();
    await page.getByText('Pick a metric above').waitFor();
  });
});

test('flame graph: Flink samples the vertex, the frames are drawn, a click zooms in', async () => {
  await withPage(browser, 'vertex-flamegraph', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${job}/vertices/${counter.id}/flamegraph`);
    assert.equal(await page.getByRole('radio', { name: 'On-CPU' }).isChecked(), true);
    // The demo vertex idles most of the time, so its on-CPU graph may well be empty: mixed has it all.
    await page.getByText(/Sampled \d{4}-|No thread of this kind|Flink is sampling/).first().waitFor({ timeout: 45_000 });
    await page.getByRole('radio', { name: 'Mixed' }).check();
    const graph = page.getByRole('group', { name: 'Flame graph' });
    // The first request starts the sampling; the poll shows the graph once Flink has it.
    await graph.waitFor({ timeout: 45_000 });
    const frames = graph.getByRole('button');
    assert.ok((await frames.count()) >= 3, 'a stack of frames');
    await graph.getByRole('button', { name: /^java\.lang\.Thread\.run:\d+ \(\d+ samples, [\d.]+%\)$/ }).waitFor();
    assert.match(await page.locator('.flame-note').first().innerText(), /Sampled \d{4}-\d\d-\d\d .* · \d+ samples/);

    // Zoom into the task's frame: it becomes the whole width, and the zoom can be reset.
    await graph.getByRole('button', { name: /^org\.apache\.flink\.runtime\.taskmanager\.Task\.run:/ }).click();
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await page.getByRole('button', { name: 'Reset zoom' }).waitFor({ state: 'detached' });

    // Off-CPU threads and one subtask: asked for anew.
    const asked = page.waitForRequest((r) => /flamegraph\?type=off_cpu&subtaskindex=0$/.test(r.url()));
    await page.getByRole('radio', { name: 'Off-CPU' }).check();
    await page.getByLabel('Subtask').selectOption('0');
    await asked;
    await graph.waitFor({ timeout: 45_000 });
  });
});

test('an unknown or malformed vertex is a not-found message with a way back', async () => {
  await withPage(browser, 'vertex-not-found', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${job}/vertices/${'0'.repeat(32)}`);
    await page.getByRole('heading', { name: /Vertex 0{32} not found/ }).waitFor();
    await page.goto(`${CONSOLE_URL}/jobs/${job}/vertices/not-a-vertex`);
    await page.getByRole('heading', { name: 'Vertex not-a-vertex not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the job' }).click();
    await page.waitForURL(`${CONSOLE_URL}/jobs/${job}`);
  });
});
