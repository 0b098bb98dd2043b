// The list pages against the real Flink: jobs (filter, state, sort, link, deep link), task
// managers and the job manager's configuration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, launch, withPage, flink } from './lib.mjs';

const CLICKS = 'Demo: click counts';
const ORDERS = 'Demo: <b>orders</b> & refunds';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const names = (page) => page.locator('tbody tr.job td.name').allInnerTexts();

/** The job names on screen once they equal `expected` (the table updates on every refresh). */
async function namesBecome(page, expected) {
  await page.waitForFunction(
    (want) => JSON.stringify([...document.querySelectorAll('tbody tr.job td.name')].map((td) => td.innerText)) === want,
    JSON.stringify(expected), { timeout: 10_000 },
  ).catch(() => {});
  assert.deepEqual(await names(page), expected);
}

test('jobs: filter by name, filter by state, sort by name both ways, open a job', async () => {
  const { jobs } = await flink('/jobs/overview');
  const clicks = jobs.filter((j) => j.name === CLICKS);
  assert.ok(clicks.some((j) => j.state === 'RUNNING'), 'the demo job runs on the test cluster');
  const running = jobs.filter((j) => !['FINISHED', 'CANCELED', 'FAILED'].includes(j.state));

  await withPage(browser, 'jobs-list', async (page) => {
    await page.goto(`${CONSOLE_URL}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
    await page.getByRole('link', { name: CLICKS, exact: true }).first().waitFor();
    await page.getByRole('link', { name: ORDERS, exact: true }).first().waitFor();
    assert.equal(await page.locator('main b').count(), 0, 'the name with markup stays text');

    await page.getByLabel('Filter jobs').fill('CLICK counts');
    await namesBecome(page, clicks.map(() => CLICKS));
    await page.getByLabel('Filter jobs').fill('');

    await page.getByLabel('State').selectOption('running');
    await page.waitForURL(/\/jobs\?state=running$/);
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr.job').length === n, running.length);
    for (const status of await page.locator('tbody tr.job .status').allInnerTexts()) {
      assert.ok(!['FINISHED', 'CANCELED', 'FAILED'].includes(status), `${status} under Running`);
    }

    const nameHeader = page.getByRole('columnheader', { name: /^Name/ });
    // As the console orders: lower-cased names by code point, ties by job id (ascending both ways).
    const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    const sortedBy = (dir) => [...running]
      .sort((a, b) => dir * cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.jid, b.jid))
      .map((j) => j.name);
    await nameHeader.getByRole('button').click();
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'ascending');
    await namesBecome(page, sortedBy(1));
    await nameHeader.getByRole('button').click();
    assert.equal(await nameHeader.getAttribute('aria-sort'), 'descending');
    await namesBecome(page, sortedBy(-1));

    const job = clicks.find((j) => j.state === 'RUNNING');
    await page.getByRole('row').filter({ hasText: CLICKS }).first().getByRole('link', { name: CLICKS }).click();
    await page.waitForURL(new RegExp(`/jobs/[0-9a-f]{32}`));
    const jid = new URL(page.url()).pathname.split('/')[2];
    assert.ok(clicks.some((j) => j.jid === jid), `landed on /jobs/${jid}, a job named ${CLICKS} (e.g. ${job.jid})`);
  });
});

test('jobs: a deep link with a state filter survives a reload', async () => {
  await withPage(browser, 'jobs-deep-link', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs?state=running`);
    await page.getByRole('link', { name: CLICKS, exact: true }).first().waitFor();
    await page.reload();
    await page.getByRole('link', { name: CLICKS, exact: true }).first().waitFor();
    assert.equal(await page.getByLabel('State').inputValue(), 'running');
    assert.equal(await page.getByRole('columnheader').count(), 5);
  });
});

test('overview: the running-jobs count links to the jobs list filtered to running', async () => {
  const overview = await flink('/overview');
  await withPage(browser, 'overview-links', async (page) => {
    await page.goto(`${CONSOLE_URL}/`);
    const card = page.locator('.card', { hasText: 'Running jobs' });
    await card.getByRole('link', { name: `${overview['jobs-running']} running` }).click();
    await page.waitForURL(/\/jobs\?state=running$/);
    await page.getByRole('link', { name: CLICKS, exact: true }).first().waitFor();
    assert.equal(await page.getByLabel('State').inputValue(), 'running');
  });
});

test('task managers: the one task manager with its slots', async () => {
  const { taskmanagers } = await flink('/taskmanagers');
  assert.equal(taskmanagers.length, 1);
  const [tm] = taskmanagers;
  await withPage(browser, 'taskmanagers', async (page) => {
    await page.goto(`${CONSOLE_URL}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Task Managers' }).click();
    const row = page.getByRole('row').filter({ hasText: tm.id });
    await row.waitFor();
    assert.equal(await page.locator('tbody tr:not(.spacer)').count(), 1, 'one row besides the spacers of the window');
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.equal(cells[1], String(tm.slotsNumber));
    assert.equal(cells[3], String(tm.hardware.cpuCores));
  });
});
