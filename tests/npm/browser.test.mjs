// The package in headless Chromium: a plain page imports it with <script type="module"> (an
// import map names it) and lists the jobs of the real Flink through a same-origin proxy.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { DEMO_JOBS, FLINK_REST_URL, PKG_DIR as pkgDir } from './lib.mjs';
import { serve } from './server.mjs';

// This file runs from a scratch project (tests/layers/npm.sh copies it there and sets REPO_ROOT).
const { launchChromium } = await import(pathToFileURL(join(process.env.REPO_ROOT, 'scripts/lib/chromium.mjs')));

const here = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = process.env.ARTIFACTS ?? here;
let server, browser;

before(async () => {
  server = await serve({ page: join(here, 'page.html'), pkgDir, flinkUrl: FLINK_REST_URL });
  browser = await launchChromium(chromium);
});
after(async () => {
  await browser?.close();
  server?.close();
});

it('a page imports the package and lists the jobs', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // Chromium logs every 404 answer (the unknown job, the favicon) as a console error: expected.
  page.on('console', (m) => m.type() !== 'log' && !/status of 404/.test(m.text()) && problems.push(`${m.type()}: ${m.text()}`));
  const wasm = page.waitForResponse((r) => r.url().endsWith('/pkg/client_bg.wasm'));
  await page.goto(server.url);
  assert.equal((await wasm).headers()['content-type'], 'application/wasm');
  await page.waitForFunction(() => document.getElementById('status').textContent !== 'loading', null, { timeout: 30000 });
  mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'screenshots', 'npm-browser.png') });

  const status = await page.textContent('#status');
  assert.match(status, /^listed \d+ jobs; cancel of an unknown job: http 404 true; upload progress to the end$/);
  const names = await page.$$eval('#jobs li', (items) => items.map((li) => [li.textContent, li.dataset.state]));
  for (const name of DEMO_JOBS) assert.ok(names.some(([n, s]) => n === name && s === 'RUNNING'), `${name} listed as text: ${JSON.stringify(names)}`);
  assert.equal(await page.locator('#jobs b').count(), 0, 'job names are text, not HTML');
  assert.deepEqual(problems, []);
});
