// Route splitting: each page group is its own wasm chunk, fetched when the page is first needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, launch, withPage } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const chunkOf = (url) => url.match(/\/(split_[a-z_]+|chunk_\d+)\.wasm$/)?.[1];
function recordChunks(page) {
  const seen = [];
  page.on('request', (r) => { const c = chunkOf(r.url()); if (c) seen.push(c); });
  return seen;
}

test('a deep link loads the shell and its own page chunk, not the others', async () => {
  await withPage(browser, 'chunks-deep-link', async (page) => {
    const seen = recordChunks(page);
    await page.goto(`${CONSOLE_URL}/jobmanager`);
    await page.getByRole('heading', { name: 'Job Manager' }).waitFor();
    assert.ok(seen.includes('split_page_jobmanager'), `fetched: ${seen}`);
    // The idle prefetch waits 3 s after start; before it only the landing page's chunks load.
    for (const other of ['split_page_job', 'split_page_jobs', 'split_page_overview']) {
      assert.ok(!seen.includes(other), `${other} fetched before it was needed: ${seen}`);
    }
  });
});

test('hovering a link fetches its page chunk before the click', async () => {
  await withPage(browser, 'chunks-hover', async (page) => {
    const seen = recordChunks(page);
    await page.goto(`${CONSOLE_URL}/jobmanager`);
    await page.getByRole('heading', { name: 'Job Manager' }).waitFor();
    const fetched = page.waitForRequest((r) => chunkOf(r.url()) === 'split_page_taskmanagers');
    await page.getByRole('link', { name: 'Task Managers' }).hover();
    await fetched;
    await page.getByRole('link', { name: 'Task Managers' }).click();
    await page.getByRole('heading', { name: 'Task Managers' }).waitFor();
    assert.equal(seen.filter((c) => c === 'split_page_taskmanagers').length, 1);
  });
});

test('a chunk that fails to load is an error message, and the console keeps working', async () => {
  await withPage(browser, 'chunks-failed', async (page) => {
    await page.route('**/split_page_taskmanagers.wasm', (route) => route.abort('connectionfailed'));
    await page.goto(`${CONSOLE_URL}/taskmanagers`);
    await page.getByRole('alert').filter({ hasText: 'This page could not be loaded' }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Reload page' }).isVisible());
    // No panic: the shell still navigates and other pages still load.
    await page.getByRole('link', { name: 'Job Manager' }).click();
    await page.getByRole('heading', { name: 'Job Manager' }).waitFor();
  });
});
