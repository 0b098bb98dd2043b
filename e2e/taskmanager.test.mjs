// The task manager page against the real Flink: from the filtered list to one task manager,
// its facts, memory model and jobs, its JVM charts, its log in the viewer (last lines, search),
// stdout, a thread dump, and the profiler.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, launch, withPage, flink } from './lib.mjs';

let browser;
let tm; // the cluster's one task manager, from Flink

before(async () => {
  browser = await launch();
  [tm] = (await flink('/taskmanagers')).taskmanagers;
  assert.ok(tm, 'the test cluster has a task manager');
});

after(async () => {
  await browser?.close();
});

const base = () => `${CONSOLE_URL}/taskmanagers/${encodeURIComponent(tm.id)}`;

test('the list filters, and its id links to the task manager: facts, memory model, jobs', async () => {
  await withPage(browser, 'taskmanager-overview', async (page) => {
    await page.goto(`${CONSOLE_URL}/taskmanagers`);
    const filter = page.getByLabel('Filter task managers');
    await filter.fill('no such task manager');
    await page.getByRole('status').filter({ hasText: '0 of 1 task managers match' }).waitFor();
    await filter.fill(tm.id.slice(0, 8));
    await page.getByRole('link', { name: tm.id, exact: true }).click();
    // The console keeps `:` as it is in the path; the other tests go in with it encoded.
    await page.waitForURL((u) => decodeURIComponent(u.href) === `${CONSOLE_URL}/taskmanagers/${tm.id}`);
    await page.getByRole('heading', { level: 1, name: `Task manager ${tm.id}` }).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected'), 'true');

    const details = await flink(`/taskmanagers/${tm.id}`);
    const facts = await page.locator('.tm-overview dl').innerText();
    assert.ok(facts.includes(String(details.dataPort)), facts);
    const total = page.getByRole('table', { name: 'Memory model' }).getByRole('row').filter({ hasText: 'Total process memory' });
    assert.match(await total.innerText(), /Total process memory\s+[\d.]+ [KMG]B\s+100%/);
    // Every running demo job holds slots here (one task manager): each is a link to its page.
    const jobs = page.getByRole('table', { name: 'Jobs on this task manager' });
    const held = [...new Set(details.allocatedSlots.map((s) => s.jobId))];
    assert.ok(held.length > 0, 'the demo jobs hold slots');
    for (const job of held) await jobs.getByRole('link', { name: job }).waitFor();
  });
});

test('metrics tab: JVM memory charts and the garbage collectors, from the polled details', async () => {
  await withPage(browser, 'taskmanager-metrics', async (page) => {
    await page.goto(`${base()}/metrics`);
    const heap = page.getByRole('img', { name: /^Heap: [\d.]+ [KMG]B of [\d.]+ [KMG]B, \d+ samples$/ });
    await heap.waitFor();
    const gc = page.getByRole('table', { name: 'Garbage collectors' }).getByRole('row').filter({ hasText: /^All/ });
    await gc.waitFor();
    assert.match(await gc.innerText(), /All\s+\d+\s+\S+\s+\+\d+/);
  });
});

test('logs tab: the main log opens at its end, and search finds a word far above it', async () => {
  await withPage(browser, 'taskmanager-logs', async (page) => {
    await page.goto(`${base()}/logs`);
    await page.getByRole('button', { name: 'taskmanager.log', pressed: true }).waitFor();
    const lines = page.getByRole('region', { name: 'Lines of taskmanager.log' }).locator('li');
    const status = page.locator('.log-viewer [role=status]');
    await status.filter({ hasText: /^[\d.]+ [KMG]?B, lines \d+–\d+ of \d+$/ }).waitFor({ timeout: 20_000 });
    const [, first, last, all] = (await status.innerText()).match(/lines (\d+)–(\d+) of (\d+)/).map(Number);
    assert.equal(last, all, 'the end is shown first');
    assert.equal(await lines.count(), last - first + 1);
    // The file as Flink serves it: the viewer's last line is one of its last lines (it grows).
    const download = page.getByRole('link', { name: 'Download taskmanager.log' });
    const text = await (await page.request.get(new URL(await download.getAttribute('href'), page.url()).href)).text();
    const tail = text.split('\n').slice(-50);
    assert.ok(tail.includes(await lines.last().innerText()), 'the last line shown is the file\'s');

    // The task executor says where it starts in its first lines.
    await page.getByLabel('Search the log').fill('Starting TaskManager');
    await page.getByRole('button', { name: 'Next match' }).click();
    const current = page.locator('.log-lines li.current');
    await current.waitFor();
    assert.match(await current.innerText(), /Starting TaskManager/i);
    assert.equal(await current.locator('mark').first().innerText(), 'Starting TaskManager');
    assert.match(await page.locator('.log-search').innerText(), /line \d+: match \d+ of \d+/);
    await page.getByLabel('Wrap lines').check();
    assert.match(await page.locator('.log-lines').getAttribute('class'), /wrap/);
    assert.equal(await download.getAttribute('download'), 'taskmanager.log');
  });
});

test('stdout and thread dump tabs', async () => {
  await withPage(browser, 'taskmanager-stdout-threads', async (page) => {
    await page.goto(`${base()}/stdout`);
    await page.locator('.log-viewer [role=status]').filter({ hasText: /^[\d.]+ [KMG]?B, (empty|lines)/ }).waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: 'Thread dump' }).click();
    const threads = page.getByRole('region', { name: 'Threads' }).locator('pre');
    await threads.first().waitFor();
    const all = await threads.count();
    assert.ok(all > 10, `${all} threads`);
    assert.match(await page.locator('[role=status]').filter({ hasText: 'threads' }).innerText(), new RegExp(`^${all} of ${all} threads · RUNNABLE \\d+|${all} of ${all} threads · `));
    await page.getByLabel('Filter threads').fill('RUNNABLE');
    await page.waitForFunction((n) => document.querySelectorAll('.thread-dump pre').length < n, all);
    for (const t of await threads.allInnerTexts()) assert.match(t, /RUNNABLE/i);
  });
});

test('profiler tab: the runs of the task manager as Flink lists them, and the form', async () => {
  const listed = (await flink(`/taskmanagers/${encodeURIComponent(tm.id)}/profiler`)).profilingList;
  await withPage(browser, 'taskmanager-profiler', async (page) => {
    await page.goto(`${base()}/profiler`);
    const rows = page.getByRole('table', { name: 'Profiling runs' }).locator('tbody tr');
    await rows.first().waitFor();
    if (listed.length === 0) assert.equal(await rows.innerText(), 'No profiling runs yet.');
    else assert.ok(await rows.count() >= listed.length, `${listed.length} runs listed by Flink`);
    await page.getByRole('button', { name: 'Start profiling' }).waitFor();
    assert.equal(await page.getByLabel('Duration (seconds)').inputValue(), '30');
    assert.equal(await page.getByLabel('Mode').inputValue(), 'ITIMER');
  });
});

test('an unknown task manager id says so', async () => {
  await withPage(browser, 'taskmanager-unknown', async (page) => {
    await page.goto(`${CONSOLE_URL}/taskmanagers/gone-for-good`);
    await page.getByRole('heading', { name: 'Task manager gone-for-good not found' }).waitFor();
    await page.getByRole('link', { name: 'All task managers' }).waitFor();
  });
});
