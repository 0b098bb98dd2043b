// The console against one real cluster of each supported Flink line: tests/layers/versions.sh
// runs this file once per line, with FLINK_VERSION naming it. What a user sees first: the
// version in the header, the jobs, a job's graph, a completed checkpoint, a savepoint taken
// through the dialog; the profiler tab, or the sentence why a line has none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, launch, withPage, flink } from './lib.mjs';

const LINE = process.env.FLINK_VERSION;
const CLICKS = 'Demo: click counts';
const COUNTER = 'Count per key -> Discard: Writer';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test(`Flink ${LINE}: version, jobs, graph, checkpoints, savepoint`, async () => {
  assert.ok(LINE, 'FLINK_VERSION names the line under test');
  const { jobs } = await flink('/jobs/overview');
  const demo = jobs.find((j) => j.name === CLICKS && j.state === 'RUNNING')?.jid;
  assert.ok(demo, `'${CLICKS}' runs on Flink ${LINE}`);

  await withPage(browser, `line-${LINE}-overview`, async (page) => {
    await page.goto(`${CONSOLE_URL}/`);
    await page.getByLabel('Flink version').getByText(`Flink ${LINE}`).waitFor();
    await page.getByRole('link', { name: 'Jobs', exact: true }).click();
    await page.getByRole('link', { name: CLICKS, exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Demo: <b>orders</b> & refunds', exact: true }).first().waitFor();
  });

  await withPage(browser, `line-${LINE}-job`, async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${demo}`);
    await page.getByRole('heading', { level: 1, name: CLICKS }).waitFor();
    await page.locator('.job-graph .node').nth(1).waitFor();
    await page.getByRole('rowheader', { name: COUNTER, exact: true }).waitFor();
    // Rescaling is offered: every line here runs the adaptive scheduler, reported or not.
    await page.getByLabel(`Parallelism of ${COUNTER}`).waitFor();

    await page.getByRole('tab', { name: 'Checkpoints' }).click();
    await page.locator('table.history tbody tr').filter({ hasText: 'COMPLETED' }).first().waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Trigger savepoint', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Trigger savepoint' });
    await dialog.getByRole('button', { name: 'Start savepoint' }).click();
    await dialog.getByText('Savepoint completed').waitFor({ timeout: 60_000 });
    assert.match(await dialog.locator('output.location').innerText(), /savepoint-/);
  });
});

test(`Flink ${LINE}: the job manager's profiler, or why there is none`, async () => {
  const [major, minor] = LINE.split('.').map(Number);
  await withPage(browser, `line-${LINE}-profiler`, async (page) => {
    await page.goto(`${CONSOLE_URL}/jobmanager/profiler`);
    if (major === 1 && minor < 19) {
      await page.getByRole('status').filter({ hasText: `The profiler is not available on Flink ${major}.${minor}` }).waitFor();
    } else {
      await page.getByRole('table', { name: 'Profiling runs' }).waitFor();
      await page.getByRole('button', { name: 'Start profiling' }).waitFor();
    }
  });
});
