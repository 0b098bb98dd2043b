// Job submission against the real Flink: the demo jar uploaded through the page, the plan of
// its program shown, the job run and RUNNING, run again from its savepoint in claim mode, the
// jar deleted after asking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONSOLE_URL, FLINK_REST_URL, launch, withPage, flink } from './lib.mjs';

let browser;
let jar; // the demo jar scripts/flink built for this cluster's Flink line

before(async () => {
  browser = await launch();
  const version = (await flink('/config'))['flink-version'];
  const dir = fileURLToPath(new URL('../.flink/demo/', import.meta.url));
  const built = readdirSync(dir).filter((f) => f.startsWith(`demo-${version}-`) && f.endsWith('.jar'))
    .sort((a, b) => statSync(dir + b).mtimeMs - statSync(dir + a).mtimeMs);
  assert.ok(built.length, `scripts/flink built a demo jar for Flink ${version}`);
  jar = readFileSync(dir + built[0]);
});

after(async () => {
  await browser?.close();
});

/** Stops a job with a savepoint through Flink's API; the savepoint's location. */
async function stopWithSavepoint(job) {
  const answer = await fetch(`${FLINK_REST_URL}/jobs/${job}/stop`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ drain: false }),
  });
  assert.equal(answer.status, 202);
  const { 'request-id': trigger } = await answer.json();
  const deadline = Date.now() + 60_000;
  let status;
  while ((status = await flink(`/jobs/${job}/savepoints/${trigger}`)).status.id !== 'COMPLETED' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(status.operation?.location, `the stop made a savepoint: ${JSON.stringify(status)}`);
  return status.operation.location;
}

test('submit: upload the demo jar, see its plan, run it, the job runs, run it again from its savepoint; delete the jar after asking', async () => {
  const fileName = `e2e-submit-${Date.now()}.jar`;
  const jobName = `Submitted from the console ${Date.now()}`;
  let job;
  let restored;
  try {
    await withPage(browser, 'submit', async (page) => {
      await page.goto(CONSOLE_URL);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Submit Job' }).click();
      await page.getByRole('heading', { name: 'Submit a job' }).waitFor();

      await page.getByLabel('Jar file').setInputFiles({ name: fileName, mimeType: 'application/java-archive', buffer: jar });
      // Held a moment on its way to Flink, so that what the page says meanwhile can be read.
      await page.route('**/api/jars/upload', async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      const up = page.waitForRequest((r) => r.url().endsWith('/jars/upload'));
      await page.getByRole('button', { name: 'Upload', exact: true }).click();
      assert.equal((await up).resourceType(), 'xhr', 'sent with XMLHttpRequest, the API that reports upload progress');
      await page.getByRole('status').filter({ hasText: /^Sent; Flink is storing the jar…$|^Uploading the jar/ }).waitFor();
      const bar = page.getByRole('progressbar', { name: 'Upload progress' });
      if (await bar.isVisible()) assert.ok(Number(await bar.getAttribute('value')) <= Number(await bar.getAttribute('max')));
      const form = page.getByRole('form', { name: `Run ${fileName}` });
      await form.waitFor({ timeout: 60_000 });
      const listed = (await flink('/jars')).files.find((f) => f.name === fileName);
      assert.ok(listed, 'Flink lists the uploaded jar');
      await page.getByRole('table', { name: 'Uploaded jars' }).getByRole('row').filter({ hasText: fileName }).waitFor();

      await form.getByLabel('Entry class').fill('flinkconsole.demo.DemoJob');
      await form.getByLabel('Program arguments (one per line)').fill(`--name\n${jobName}\n--rate\n5`);
      const parallelism = form.getByLabel('Parallelism');
      await parallelism.fill('0');
      await form.getByRole('button', { name: 'Run job' }).click();
      assert.ok(await parallelism.evaluate((e) => !e.validity.valid && e.validationMessage !== ''), 'the browser refuses parallelism 0');
      assert.match(page.url(), /\/submit$/, 'nothing was run');
      await parallelism.fill('1');

      await form.getByRole('button', { name: 'Show plan' }).click();
      const plan = page.getByRole('region', { name: 'Plan' }).getByRole('group', { name: 'Job graph' });
      await plan.waitFor({ timeout: 60_000 });
      assert.ok(await plan.locator('g.node').count() >= 2, 'the plan has the demo job\'s vertices');
      assert.match(await plan.textContent(), /Parallelism: 1/);

      await form.getByRole('button', { name: 'Run job' }).click();
      await page.waitForURL(/\/jobs\/[0-9a-f]{32}$/, { timeout: 60_000 });
      job = page.url().match(/\/jobs\/([0-9a-f]{32})$/)[1];
      await page.getByRole('heading', { name: jobName }).waitFor();
      const deadline = Date.now() + 60_000;
      while ((await flink(`/jobs/${job}`)).state !== 'RUNNING' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000));
      assert.equal((await flink(`/jobs/${job}`)).state, 'RUNNING', 'the submitted job runs');

      // Restore: the job stopped with a savepoint, the jar run again from it in claim mode.
      const savepoint = await stopWithSavepoint(job);
      await page.goto(`${CONSOLE_URL}/submit`);
      await page.getByRole('button', { name: `Run ${fileName}` }).click();
      await form.getByLabel('Entry class').fill('flinkconsole.demo.DemoJob');
      await form.getByLabel('Program arguments (one per line)').fill(`--name\n${jobName} restored\n--rate\n5`);
      const mode = form.getByLabel('Restore mode');
      assert.ok(await mode.isDisabled(), 'no restore mode without a savepoint');
      await form.getByLabel('Savepoint path').fill(savepoint);
      await mode.selectOption({ label: 'Claim: the job owns it and deletes it once subsumed' });
      const sent = page.waitForRequest((r) => r.url().endsWith('/run') && r.method() === 'POST');
      await form.getByRole('button', { name: 'Run job' }).click();
      const body = (await sent).postDataJSON();
      assert.deepEqual([body.savepointPath, body.restoreMode], [savepoint, 'CLAIM']);
      await page.waitForURL(/\/jobs\/[0-9a-f]{32}$/, { timeout: 60_000 });
      restored = page.url().match(/\/jobs\/([0-9a-f]{32})$/)[1];
      const until = Date.now() + 60_000;
      let from;
      while (!(from = (await flink(`/jobs/${restored}/checkpoints`)).latest?.restored) && Date.now() < until) await new Promise((r) => setTimeout(r, 1000));
      assert.equal(from?.external_path, savepoint, 'Flink restored the new job from that savepoint');
      // Claimed, it is the job's own checkpoint now: Flink no longer reports it as a savepoint.
      assert.equal(from?.is_savepoint, false, 'claim mode: the job took the savepoint over');

      await page.goto(`${CONSOLE_URL}/submit`);
      await page.getByRole('button', { name: `Delete ${fileName}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete jar' });
      await dialog.getByRole('button', { name: 'Keep it' }).click();
      assert.ok((await flink('/jars')).files.some((f) => f.name === fileName), 'backing out deletes nothing');
      await page.getByRole('button', { name: `Delete ${fileName}` }).click();
      await dialog.getByRole('button', { name: 'Yes, delete jar' }).click();
      await dialog.getByRole('status').filter({ hasText: 'Jar deleted.' }).waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('table', { name: 'Uploaded jars' }).getByRole('row').filter({ hasText: fileName }).waitFor({ state: 'detached' });
      assert.ok(!(await flink('/jars')).files.some((f) => f.name === fileName), 'Flink no longer has the jar');
    });
  } finally {
    // The job is this test's own: it does not stay to take slots from the other tests.
    for (const j of [job, restored].filter(Boolean)) await fetch(`${FLINK_REST_URL}/jobs/${j}?mode=cancel`, { method: 'PATCH' });
  }
});
