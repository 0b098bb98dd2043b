// The job page against the real Flink: tabs and deep links, checkpoints, savepoint, checkpoint,
// rescale, stop with savepoint, cancel, unknown ids. Destructive steps run on jobs this file
// submits itself (scripts/flink submit), so the demo jobs other tests look at keep running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CONSOLE_URL, FLINK_REST_URL, launch, loseAnswers, withPage, flink } from './lib.mjs';

const CLICKS = 'Demo: click counts';
const COUNTER = 'Count per key -> Discard: Writer';

let browser;
let demo; // the running demo job's id
const submitted = {};

/** Runs a demo job named `name` on the test cluster; resolves to its id once it runs. */
async function submit(name) {
  const { stdout } = await promisify(execFile)('scripts/flink', ['submit', name], { env: process.env });
  const id = stdout.trim().split('\n').pop();
  assert.match(id, /^[0-9a-f]{32}$/, `scripts/flink submit printed ${stdout}`);
  return id;
}

before(async () => {
  browser = await launch();
  const { jobs } = await flink('/jobs/overview');
  demo = jobs.find((j) => j.name === CLICKS && j.state === 'RUNNING')?.jid;
  assert.ok(demo, `the demo job '${CLICKS}' runs on the test cluster`);
  // Submitted up front so each has run for a while (rescaling waits out a start-up cooldown).
  for (const key of ['rescale', 'stop', 'cancel']) submitted[key] = await submit(`e2e ${key} me`);
});

after(async () => {
  // The rescaled job is left running by its test; stop it so the cluster has its slots back.
  if (submitted.rescale) await fetch(`${FLINK_REST_URL}/jobs/${submitted.rescale}?mode=cancel`, { method: 'PATCH' }).catch(() => {});
  await browser?.close();
});

/** The job's state from GET /jobs/{id} once it is `state`; Flink caches that answer for 3 s. */
async function stateBecomes(id, state, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let seen;
  while ((seen = (await flink(`/jobs/${id}`)).state) !== state && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.equal(seen, state);
}

/** The path of a `file:` location on this machine. */
const localPath = (location) => location.replace(/^file:/, '');

test('job page: opened from Jobs, graph and vertices, checkpoints tab, deep link survives a reload', async (t) => {
  await withPage(browser, 'job-overview', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs`);
    await page.getByRole('link', { name: CLICKS, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/jobs/[0-9a-f]{32}$`));
    const id = page.url().split('/').pop();
    await page.getByRole('heading', { level: 1, name: CLICKS }).waitFor();
    await page.locator('.job-facts').getByText(id).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected'), 'true');
    await page.locator('.job-graph .node').nth(1).waitFor();
    assert.equal(await page.locator('.job-graph .node').count(), 2, 'source and counter');
    assert.match(await page.locator('.job-graph').textContent(), /HASH/);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: COUNTER, exact: true }) });
    await row.waitFor();
    assert.match(await row.textContent(), /RUNNING/);
    const job = await flink(`/jobs/${id}`);
    const vertex = job.vertices.find((v) => v.name === COUNTER);
    assert.equal(await row.locator('td.parallelism').innerText(), String(vertex.parallelism));
  });

  await withPage(browser, 'job-checkpoints', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${demo}`);
    await page.getByRole('tab', { name: 'Checkpoints' }).click();
    await page.waitForURL(`${CONSOLE_URL}/jobs/${demo}/checkpoints`);
    const completedRow = page.locator('table.history tbody tr').filter({ hasText: 'COMPLETED' }).first();
    await completedRow.waitFor({ timeout: 30_000 });
    const completed = Number(await page.locator('.counts div', { hasText: 'Completed' }).locator('dd').innerText());
    assert.ok(completed >= 1, `completed checkpoints: ${completed}`);
    assert.ok(await page.locator('figure.chart circle').count() >= 2, 'the chart has points');
    assert.match(await page.locator('table.latest').innerText(), /Completed checkpoint\s+\d+/);
    assert.match(await page.locator('table.key-value').innerText(), /Interval\s+2s/);

    const started = Date.now();
    await page.reload();
    assert.equal(await page.getByRole('tab', { name: 'Checkpoints' }).getAttribute('aria-selected'), 'true');
    const row = page.locator('table.history tbody tr').filter({ hasText: 'COMPLETED' }).first();
    await row.waitFor();
    t.diagnostic(`deep link reload to checkpoints visible: ${Date.now() - started} ms`);

    const checkpointId = (await row.locator('td').first().innerText()).trim();
    await row.getByRole('button', { name: `Details of checkpoint ${checkpointId}` }).click();
    const details = page.getByRole('region', { name: `Checkpoint ${checkpointId}` });
    await details.getByRole('rowheader', { name: COUNTER, exact: true }).waitFor();
    assert.match(await details.innerText(), /Events/);

    // A vertex's subtasks in that checkpoint: durations split as Flink measures them.
    await details.getByRole('button', { name: `Subtasks of ${COUNTER}` }).click();
    const subtasks = page.getByRole('region', { name: 'Subtasks in the checkpoint' }).locator('tbody tr:not(.spacer)');
    await subtasks.first().waitFor();
    const fromFlink = await flink(`/jobs/${demo}/checkpoints/details/${checkpointId}/subtasks/${(await flink(`/jobs/${demo}`)).vertices.find((v) => v.name === COUNTER).id}`);
    assert.equal(await subtasks.count(), fromFlink.subtasks.length);
    assert.match(await subtasks.first().innerText(), /^0\s+completed\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d+m?s\s+[\d.]+ K?B/);

    // The summary over completed checkpoints, as Flink's summary gives it.
    const summary = page.getByRole('table', { name: 'Checkpoint summary' });
    assert.match(await summary.getByRole('row', { name: /End-to-end duration/ }).innerText(), /End-to-end duration(\s+(\d+m?s|–)){7}/);
    await summary.getByRole('rowheader', { name: 'Checkpointed size' }).waitFor();
    // The same split by type, which Flink's summary does not do: the demo job's periodic checkpoints.
    const kinds = page.getByRole('table', { name: 'Checkpoints by type' });
    assert.match(await kinds.locator('caption').innerText(), /^Over the \d+ most recent checkpoints Flink keeps$/);
    assert.match(await kinds.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Checkpoint', exact: true }) }).innerText(),
      /^Checkpoint\s+[1-9]\d*\s+\d+(\s+\d+m?s){3}\s+[\d.]+ K?B\s+[\d.]+ K?B$/);
  });
});

test('exceptions and configuration tabs load by deep link', async () => {
  await withPage(browser, 'job-configuration', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${demo}/exceptions`);
    await page.getByText(/No exceptions|Root exception/).first().waitFor();
    // Keyboard: the arrow moves along the tabs, Enter opens one.
    await page.getByRole('tab', { name: 'Exceptions' }).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Configuration');
    await page.keyboard.press('Enter');
    await page.getByRole('rowheader', { name: 'Restart strategy' }).waitFor();
    assert.equal(await page.getByRole('tab', { name: 'Configuration' }).getAttribute('aria-selected'), 'true');
  });
});

test('exceptions of a job that really fails: root exception, its stack trace as text, the history', async () => {
  const { jobs } = await flink('/jobs/overview');
  const flaky = jobs.find((j) => j.name === 'Demo: flaky enricher' && !['FINISHED', 'CANCELED', 'FAILED'].includes(j.state))?.jid;
  assert.ok(flaky, 'the flaky demo job runs on the test cluster');
  // It fails 45 s after each start; the layer started the cluster before building the console.
  const deadline = Date.now() + 120_000;
  let history = [];
  while ((history = (await flink(`/jobs/${flaky}/exceptions`)).exceptionHistory.entries).length === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 2000));
  }
  assert.ok(history.length >= 1, 'the flaky job has failed at least once');
  await withPage(browser, 'job-exceptions', async (page) => {
    const asked = page.waitForRequest((r) => /\/exceptions\?maxExceptions=10$/.test(r.url()));
    await page.goto(`${CONSOLE_URL}/jobs/${flaky}/exceptions`);
    await asked;
    await page.getByRole('heading', { name: 'Root exception' }).waitFor();
    const root = page.locator('section', { has: page.getByRole('heading', { name: 'Root exception' }) });
    assert.match(await root.locator('.exception-header').first().innerText(), /IllegalStateException/);
    assert.match(await root.locator('.root-cause').innerText(), /^Root cause: java\.lang\.IllegalStateException: Demo failure/);
    const trace = await root.locator('pre.stacktrace').first().innerText();
    assert.match(trace, /Demo failure: this task gives up 45 s after it started/);
    assert.match(trace, /at flinkconsole\.demo\.DemoJob\$CountPerKey\.map/);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    // Where Flink names the task manager a task failed on, its id links to that task manager;
    // the Adaptive scheduler of the demo cluster records some failures without one.
    const tm = history.find((e) => e.taskManagerId)?.taskManagerId;
    if (tm) {
      const link = page.getByRole('link', { name: tm, exact: true }).first();
      assert.equal(await link.getAttribute('href'), `/taskmanagers/${encodeURIComponent(tm)}`);
    } else {
      assert.doesNotMatch(await root.locator('.exception-header').first().innerText(), /task manager/, 'no task manager when Flink names none');
    }
  });
});

test('trigger savepoint: completed, with a location that exists on disk', async (t) => {
  await withPage(browser, 'job-savepoint', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${demo}`);
    await page.getByRole('button', { name: 'Trigger savepoint', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Trigger savepoint' });
    await dialog.waitFor();
    const dir = (await flink('/jobmanager/config')).find((e) => e.key === 'execution.checkpointing.savepoint-dir')?.value;
    await page.waitForFunction((d) => document.querySelector('dialog input[type=text]')?.placeholder.includes(d), dir);
    // Hold the trigger for a second so the running state is observable however fast Flink is.
    let triggers = 0;
    await page.route('**/api/jobs/*/savepoints', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      triggers += 1;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    const started = Date.now();
    const start = dialog.getByRole('button', { name: 'Start savepoint' });
    await start.click();
    assert.ok(await start.isDisabled({ timeout: 500 }), 'no second savepoint while one runs');
    await dialog.getByText('Savepoint completed').waitFor({ timeout: 60_000 });
    t.diagnostic(`savepoint: ${Date.now() - started} ms from click to "Savepoint completed"`);
    const location = await dialog.locator('output.location').innerText();
    assert.match(location, /savepoint-/);
    assert.ok(existsSync(localPath(location)), `${localPath(location)} exists`);
    await dialog.getByRole('button', { name: 'Copy location' }).waitFor();
    assert.equal(triggers, 1, 'one trigger request');
  });
});

test('a savepoint whose answer is lost after Flink got it: Try again reuses the trigger id, one savepoint on disk', async () => {
  await withPage(browser, 'job-savepoint-lost', async (page) => {
    const dir = mkdtempSync(join(tmpdir(), 'flink-console-e2e-lost-'));
    try {
      await page.goto(`${CONSOLE_URL}/jobs/${demo}`);
      await page.getByRole('button', { name: 'Trigger savepoint', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Trigger savepoint' });
      await dialog.getByLabel('Target directory').fill(dir);
      // The first trigger reaches Flink, then the browser gets a reset connection instead.
      const bodies = await loseAnswers(page, '**/api/jobs/*/savepoints', 'POST', 1);
      await dialog.getByRole('button', { name: 'Start savepoint' }).click();
      const retry = dialog.getByRole('button', { name: 'Try again' });
      await retry.waitFor({ timeout: 30_000 });
      assert.match(await dialog.getByRole('alert').innerText(), /Could not reach Flink|network|connection/i);
      await retry.click();
      await dialog.getByText('Savepoint completed').waitFor({ timeout: 60_000 });
      const location = await dialog.locator('output.location').innerText();
      assert.equal(bodies.length, 2);
      assert.match(bodies[0].triggerId, /^[0-9a-f]{32}$/);
      assert.equal(bodies[1].triggerId, bodies[0].triggerId, 'the retry sends the same trigger id');
      const saved = readdirSync(dir).filter((d) => d.startsWith('savepoint-'));
      assert.deepEqual(saved.map((d) => join(dir, d)), [localPath(location).replace(/^\/\//, '')], 'one savepoint on disk');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('a savepoint Flink cannot write shows the reason in a sentence, and can be retried', async () => {
  await withPage(browser, 'job-savepoint-failed', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${demo}`);
    await page.getByRole('button', { name: 'Trigger savepoint', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Trigger savepoint' });
    await dialog.getByLabel('Target directory').fill('/proc/flink-console-e2e');
    await dialog.getByRole('button', { name: 'Start savepoint' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    assert.match(await alert.locator('p').first().innerText(), /^The savepoint failed: /);
    await dialog.getByText('Cause: Failed to create savepoint directory at /proc/flink-console-e2e').waitFor();
    await alert.getByText('Details from Flink').click();
    assert.match(await alert.locator('pre').innerText(), /IOException/);
    assert.ok(await dialog.getByRole('button', { name: 'Try again' }).isEnabled());
  });
});

test('trigger checkpoint: shows the id of the completed checkpoint', async (t) => {
  await withPage(browser, 'job-checkpoint', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${demo}`);
    await page.getByRole('button', { name: 'Trigger checkpoint', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Trigger checkpoint' });
    await dialog.getByLabel(/^Full/).check();
    const started = Date.now();
    await dialog.getByRole('button', { name: 'Start checkpoint' }).click();
    const done = dialog.getByText(/^Checkpoint \d+ completed$/);
    await done.waitFor({ timeout: 60_000 });
    t.diagnostic(`checkpoint: ${Date.now() - started} ms from click to completed`);
    const id = (await done.innerText()).match(/\d+/)[0];
    const stats = await flink(`/jobs/${demo}/checkpoints/details/${id}`);
    assert.equal(stats.status, 'COMPLETED');
  });
});

test('rescale: Count per key 1 → 2, seen on the page and through the REST API', async (t) => {
  const id = submitted.rescale;
  await withPage(browser, 'job-rescale', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${id}`);
    const input = page.getByLabel(`Parallelism of ${COUNTER}`);
    await input.waitFor();
    assert.equal(await input.inputValue(), '1');
    const puts = [];
    page.on('request', (r) => { if (r.method() === 'PUT') puts.push(r.url()); });
    // Each impossible value gets its sentence and sends nothing. The input is a number input:
    // Chromium itself keeps letters out of it, so no letters are typed here.
    const notWhole = `The parallelism of ${COUNTER} must be a whole number of at least 1.`;
    const aboveMax = `The parallelism of ${COUNTER} can be at most its max parallelism, 8.`;
    for (const [value, sentence] of [['9', aboveMax], ['0', notWhole], ['-1', notWhole], ['1.5', notWhole], ['99999999999', notWhole], ['', notWhole]]) {
      await input.fill(value);
      await page.getByRole('button', { name: 'Apply rescale' }).click();
      await page.getByRole('alert').getByText(sentence).waitFor({ timeout: 5_000 });
    }
    await input.fill('1');
    await page.getByRole('button', { name: 'Apply rescale' }).click();
    await page.getByRole('alert').getByText("Change a vertex's parallelism first.").waitFor({ timeout: 5_000 });
    assert.deepEqual(puts, [], 'an impossible parallelism is never sent');
    await input.fill('2');
    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/resource-requirements'));
    const clicked = Date.now();
    await page.getByRole('button', { name: 'Apply rescale' }).click();
    const body = (await put).postDataJSON();
    const sent = Date.now();
    assert.equal(Object.keys(body).length, 2, 'the full requirements: every vertex');
    await page.getByText('Rescaling…').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: COUNTER, exact: true }) });
    await page.getByText(/^Rescaled:/).waitFor({ timeout: 90_000 });
    t.diagnostic(`rescale: click → PUT ${sent - clicked} ms, PUT → new parallelism on the page ${Date.now() - sent} ms`);
    assert.equal(await row.locator('td.parallelism').innerText(), '2');
    const job = await flink(`/jobs/${id}`);
    assert.equal(job.vertices.find((v) => v.name === COUNTER).parallelism, 2);
  });
});

test('a rescale whose answer is lost after Flink got it: the console shows what the job does, 2 → 1', async () => {
  const id = submitted.rescale;
  await withPage(browser, 'job-rescale-lost', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${id}`);
    const input = page.getByLabel(`Parallelism of ${COUNTER}`);
    await input.waitFor();
    assert.equal(await input.inputValue(), '2', 'the rescale test before left it at 2');
    const puts = await loseAnswers(page, '**/api/jobs/*/resource-requirements', 'PUT');
    await input.fill('1');
    await page.getByRole('button', { name: 'Apply rescale' }).click();
    await page.getByText('Rescaling…').waitFor();
    // Flink took it: the job is watched until it runs at 1, and only then is it "Rescaled".
    await page.getByText(`Rescaled: ${COUNTER} now runs with parallelism 1.`).waitFor({ timeout: 120_000 });
    assert.equal(puts.length, 1, 'one PUT, never resent');
    const job = await flink(`/jobs/${id}`);
    assert.equal(job.vertices.find((v) => v.name === COUNTER).parallelism, 1);
  });
});

test('stop with savepoint: confirmed, then the location and the final state', async (t) => {
  const id = submitted.stop;
  await withPage(browser, 'job-stop', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${id}`);
    await page.getByRole('button', { name: 'Stop with savepoint', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop with savepoint' });
    assert.equal(await dialog.getByLabel(/^Drain/).isChecked(), false);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByText('Stop “e2e stop me”?').waitFor();
    const started = Date.now();
    await dialog.getByRole('button', { name: 'Yes, stop job' }).click();
    await dialog.getByText('Savepoint completed').waitFor({ timeout: 60_000 });
    await dialog.getByText('FINISHED').waitFor();
    t.diagnostic(`stop with savepoint: ${Date.now() - started} ms from confirmation to final state`);
    const location = await dialog.locator('output.location').innerText();
    assert.ok(existsSync(localPath(location)), `${localPath(location)} exists`);
    await stateBecomes(id, 'FINISHED');
  });
});

test('cancel job: asks first, naming the job, then the job is canceled', async () => {
  const id = submitted.cancel;
  await withPage(browser, 'job-cancel', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/${id}`);
    await page.getByRole('button', { name: 'Cancel job', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel job' });
    await dialog.getByText('Cancel “e2e cancel me”?').waitFor();
    assert.equal((await flink(`/jobs/${id}`)).state, 'RUNNING', 'nothing sent before the confirmation');
    await dialog.getByRole('button', { name: 'Yes, cancel job' }).click();
    await dialog.getByText('Job canceled.').waitFor({ timeout: 30_000 });
    await stateBecomes(id, 'CANCELED');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByText('The job has ended (CANCELED): no actions apply.').waitFor();
    assert.ok(await page.getByRole('button', { name: 'Cancel job', exact: true }).isDisabled());
  });
});

test('an unknown or malformed job id says "not found", and nothing breaks', async () => {
  await withPage(browser, 'job-not-found', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs/not-a-job/checkpoints`);
    await page.getByRole('heading', { name: 'Job not-a-job not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the jobs' }).click();
    await page.waitForURL(`${CONSOLE_URL}/jobs`);
    await page.goto(`${CONSOLE_URL}/jobs/00000000000000000000000000000000`);
    await page.getByRole('heading', { name: 'Job 00000000000000000000000000000000 not found' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Flink does not know this job/);
  });
});

test('hostile job ids in the URL: "not found" as text, no request for them, layout intact', async () => {
  await withPage(browser, 'job-hostile-ids', async (page) => {
    const asked = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      const id = path.match(/^\/api\/jobs\/([^/]+)/)?.[1];
      if (id && !/^([0-9a-f]{32}|overview|metrics)$/.test(id)) asked.push(path);
    });
    const long = 'x'.repeat(5000);
    const markup = '<img src=x onerror="window.__pwned=1">';
    const cases = [
      [long, `Job ${'x'.repeat(64)}… not found`],
      [encodeURIComponent(markup), `Job ${markup} not found`],
      ['abc%00def', 'Job abc\u0000def not found'],
      ['%2E%2E%2F%2E%2E%2Fetc', 'Job ../../etc not found'],
      [`${'0'.repeat(31)}g`, `Job ${'0'.repeat(31)}g not found`],
    ];
    // In-app navigation (a link the console did not make, clicked): the dev server refuses a
    // 5,000-character path before the console sees it, and so would many proxies.
    await page.goto(`${CONSOLE_URL}/jobs`);
    // The router must be up before the first click, or the browser follows the link itself.
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    for (const [segment, heading] of cases) {
      await page.evaluate((href) => {
        const a = Object.assign(document.createElement('a'), { href });
        document.body.append(a);
        a.click();
        a.remove();
      }, `/jobs/${segment}`);
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.filter({ hasText: 'not found' }).waitFor();
      assert.equal(await h1.innerText(), heading);
      assert.match(await page.locator('main').innerText(), /Job ids are 32 hexadecimal characters/);
      assert.equal(await page.locator('main img').count(), 0, 'markup in the id is text');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scrolling for ${segment.slice(0, 40)}`);
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
    assert.deepEqual(asked, [], 'no request is sent for a malformed id');
  });
});
