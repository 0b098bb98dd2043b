// The job manager page against the real Flink: its configuration, its JVM and classpath, its
// JVM over time, its log in the viewer, stdout and a thread dump, each a tab with its own URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, FLINK_REST_URL, launch, withPage, flink } from './lib.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('configuration: the table shows rest.port, and filters', async () => {
  const port = new URL(FLINK_REST_URL).port;
  await withPage(browser, 'jobmanager-config', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobmanager`);
    await page.getByRole('heading', { level: 1, name: 'Job Manager' }).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Configuration' }).getAttribute('aria-selected'), 'true');
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'rest.port', exact: true }) });
    await row.waitFor();
    assert.equal(await row.getByRole('cell').nth(1).innerText(), port);
    await page.getByLabel('Filter configuration').fill('rest.port');
    await page.waitForFunction(() => document.querySelectorAll('table.config tbody tr').length === 1);
  });
});

test('environment: the JVM, and one filter over its options and classpath', async () => {
  const env = await flink('/jobmanager/environment');
  await withPage(browser, 'jobmanager-environment', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobmanager`);
    await page.getByRole('tab', { name: 'Environment' }).click();
    await page.waitForURL(`${CONSOLE_URL}/jobmanager/environment`);
    const facts = page.locator('.jm-page dl.facts');
    await facts.filter({ hasText: env.jvm.version }).waitFor();
    assert.ok((await facts.innerText()).includes(env.jvm.arch));
    const options = page.getByRole('list', { name: 'JVM options' }).getByRole('listitem');
    const classpath = page.getByRole('list', { name: 'Classpath' }).getByRole('listitem');
    assert.equal(await options.count(), env.jvm.options.length);
    assert.equal(await classpath.count(), env.classpath.length);

    const filter = page.getByLabel('Filter options and classpath');
    await filter.fill('-Xmx');
    const heap = env.jvm.options.filter((o) => o.toLowerCase().includes('-xmx'));
    assert.ok(heap.length > 0, 'the JobManager runs with a heap size');
    await page.getByRole('status').filter({ hasText: `${heap.length} of ${env.jvm.options.length} options` }).waitFor();
    assert.deepEqual(await options.allInnerTexts(), heap);
    await filter.fill('flink-dist');
    const dist = env.classpath.filter((c) => c.includes('flink-dist'));
    assert.ok(dist.length > 0, 'flink-dist is on the classpath');
    await page.getByRole('status').filter({ hasText: `${dist.length} of ${env.classpath.length} classpath entries` }).waitFor();
    assert.deepEqual(await classpath.allInnerTexts(), dist);
  });
});

test('metrics: JVM memory and threads drawn over time, and the garbage collectors', async () => {
  await withPage(browser, 'jobmanager-metrics', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobmanager/metrics`);
    // Two samples prove the tab polls: the first refresh comes a few seconds after the first.
    await page.getByRole('img', { name: /^Heap: [\d.]+ [KMG]B of [\d.]+ [KMG]B, [2-9]\d* samples$/ }).waitFor({ timeout: 20_000 });
    await page.getByRole('img', { name: /^Threads: \d+, \d+ samples$/ }).waitFor();
    const collectors = page.getByRole('table', { name: 'Garbage collectors' }).getByRole('row');
    await collectors.nth(1).waitFor();
    assert.match(await collectors.nth(1).innerText(), /^G1\S*\s+\d+/);
  });
});

test('logs: jobmanager.log opens at its end and search finds its first lines; stdout; thread dump', async () => {
  await withPage(browser, 'jobmanager-logs', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobmanager/logs`);
    await page.getByRole('button', { name: 'jobmanager.log', pressed: true }).waitFor();
    const status = page.locator('.log-viewer [role=status]');
    await status.filter({ hasText: /^[\d.]+ [KMG]?B, lines \d+–\d+ of \d+$/ }).waitFor({ timeout: 20_000 });
    const [, , last, all] = (await status.innerText()).match(/lines (\d+)–(\d+) of (\d+)/).map(Number);
    assert.equal(last, all, 'the end is shown first');
    await page.getByRole('region', { name: 'Lines of jobmanager.log' }).locator('li').last().waitFor();
    await page.getByLabel('Search the log').fill('Starting StandaloneSessionClusterEntrypoint');
    await page.getByRole('button', { name: 'Next match' }).click();
    await page.locator('.log-lines li.current').filter({ hasText: 'Starting StandaloneSessionClusterEntrypoint' }).waitFor();
    const download = page.getByRole('link', { name: 'Download jobmanager.log' });
    const res = await page.request.get(new URL(await download.getAttribute('href'), page.url()).href);
    assert.equal(res.status(), 200, 'the download link reaches the file through the proxy');

    await page.getByRole('tab', { name: 'Stdout' }).click();
    await page.waitForURL(`${CONSOLE_URL}/jobmanager/stdout`);
    await status.filter({ hasText: /^[\d.]+ [KMG]?B, (empty|lines)/ }).waitFor({ timeout: 20_000 });

    await page.getByRole('tab', { name: 'Thread dump' }).click();
    const threads = page.getByRole('region', { name: 'Threads' }).locator('pre');
    await threads.first().waitFor();
    assert.ok(await threads.count() > 10, 'the JobManager runs more than ten threads');
    assert.ok((await threads.allInnerTexts()).some((t) => /flink-akka|pekko|rpc|Dispatcher|flink-/i.test(t)), 'Flink\'s own threads are there');
  });
});

test('profiler: a run started here ends, its flame graph opens in a sandboxed frame, and downloads', async () => {
  await withPage(browser, 'jobmanager-profiler', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobmanager/profiler`);
    const start = page.getByRole('button', { name: 'Start profiling' });
    // Another layer's run may still be under way: Flink takes one at a time.
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll('button')].find((e) => e.textContent === 'Start profiling');
      return b && !b.disabled;
    }, null, { timeout: 30_000 });
    await page.getByLabel('Mode').selectOption('WALL');
    await page.getByLabel('Duration (seconds)').fill('2');
    await start.click();
    const runs = page.getByRole('table', { name: 'Profiling runs' }).getByRole('row');
    // A 2 s run may be over by the time the list shows it. hasText sees textContent: no space between cells.
    await runs.nth(1).filter({ hasText: /WALL\s*2s\s*(RUNNING|FINISHED)/ }).waitFor({ timeout: 10_000 });

    const frame = page.locator('iframe.profiler-frame');
    await frame.waitFor({ timeout: 30_000 });
    const title = await frame.getAttribute('title');
    assert.match(title, /^Flame graph JobManager_WALL_.+\.html$/);
    assert.equal(await frame.getAttribute('sandbox'), 'allow-scripts', 'scripts run, but not in the console\'s origin');
    await page.frameLocator('iframe.profiler-frame').locator('canvas').first().waitFor();
    await runs.nth(1).filter({ hasText: 'FINISHED' }).waitFor();
    const after = (await flink('/jobmanager/profiler')).profilingList;
    assert.deepEqual([after[0].mode, after[0].duration, after[0].status], ['WALL', 2, 'FINISHED'], 'Flink lists the run, newest first');
    assert.equal(`Flame graph ${after[0].outputFile}`, title, 'the newest run is the one that opened');

    const file = after[0].outputFile;
    const download = page.getByRole('link', { name: `Download ${file}` });
    const res = await page.request.get(new URL(await download.getAttribute('href'), page.url()).href);
    assert.equal(res.status(), 200, 'the download link reaches the file through the proxy');
    assert.match(await res.text(), /<canvas/);
    await page.getByRole('button', { name: 'Close the flame graph' }).click();
    await frame.waitFor({ state: 'detached' });
  });
});
