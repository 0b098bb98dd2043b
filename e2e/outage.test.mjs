// Flink unreachable behind the console's own proxy: the proxy answers the jobs list with nginx's
// HTML 502 page (as nginx does when the JobManager is down), the banner says so and names what
// failed, the rows on screen stay (marked stale), and everything recovers when the fault is lifted.
// Then Flink's own 500 (its JSON error body) for the same list: the page's error, not the banner.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, launch, withPage } from './lib.mjs';

const CLICKS = 'Demo: click counts';
const NGINX_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n'
  + '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';
const JOBS = '**/api/jobs/overview';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const names = (page) => page.locator('tbody tr.job td.name').allInnerTexts();

/** Answers the jobs list with `reply` from now on; returns how many requests it answered so far. */
async function fault(page, reply) {
  let hits = 0;
  await page.route(JOBS, (route) => { hits += 1; return route.fulfill(reply); });
  return () => hits;
}

/** Waits until `count()` reaches `n` (polls back off while failing: up to 12 s between tries). */
async function atLeast(count, n, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (count() < n) {
    assert.ok(Date.now() < deadline, `only ${count()} of ${n} requests in ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("a proxy's HTML 502 for the jobs list: the banner names it, the rows stay, then recovery", async () => {
  await withPage(browser, 'outage-502', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs`);
    await page.getByRole('link', { name: CLICKS, exact: true }).first().waitFor();
    const before = await names(page);
    assert.ok(before.includes(CLICKS), `${before}`);
    const banner = page.locator('.stale-banner');
    assert.equal(await banner.count(), 0, 'no banner while Flink answers');

    const hits = await fault(page, { status: 502, contentType: 'text/html', body: NGINX_502 });
    await banner.waitFor({ timeout: 30_000 });
    assert.equal(await banner.getAttribute('role'), 'alert');
    const text = await banner.innerText();
    assert.match(text, new RegExp(`^Cannot reach Flink at ${CONSOLE_URL}/api\\.`), text);
    assert.ok(text.includes('Flink unreachable (the proxy answered 502 Bad Gateway for /api/jobs/overview).'), `names what failed: ${text}`);
    assert.ok(text.includes('Data on screen is from before'), text);
    assert.ok(!text.includes('<html>') && !text.includes('nginx/'), `the proxy's page is not shown as Flink's words: ${text}`);

    // The last good rows stay, marked stale, and no error replaces them.
    assert.deepEqual(await names(page), before);
    assert.equal(await page.locator('.loaded.stale tbody tr.job').count(), before.length);
    assert.equal(await page.locator('main [role=alert]').count(), 0, 'the banner says why, not the page');

    // Still failing at the next try: the banner stays.
    await atLeast(hits, 2);
    await page.waitForTimeout(500);
    assert.equal(await banner.count(), 1, 'the banner stays while the list still fails');
    assert.deepEqual(await names(page), before);

    await page.unroute(JOBS);
    await banner.waitFor({ state: 'detached', timeout: 40_000 });
    assert.equal(await page.locator('.loaded.stale').count(), 0, 'fresh data is not marked stale');
    assert.ok((await names(page)).includes(CLICKS));
  });
});

test("Flink's own 500 for the jobs list is the page's error, not the banner", async () => {
  await withPage(browser, 'outage-flink-500', async (page) => {
    await page.goto(`${CONSOLE_URL}/jobs`);
    await page.getByRole('link', { name: CLICKS, exact: true }).first().waitFor();
    const before = await names(page);

    const errors = ['Internal server error.', '<Exception on server side:\norg.apache.flink.util.FlinkException: Job list unavailable\n\tat a.b(C.java:1)'];
    await fault(page, { status: 500, contentType: 'application/json', body: JSON.stringify({ errors }) });
    const note = page.locator('main .stale-note');
    await note.waitFor({ timeout: 30_000 });
    assert.equal(await note.innerText(), 'Not refreshed: Flink answered 500 for /api/jobs/overview: Job list unavailable');
    assert.equal(await page.locator('.stale-banner').count(), 0, 'Flink answered: it is reachable');
    assert.deepEqual(await names(page), before, 'the last rows stay');

    await page.unroute(JOBS);
    await note.waitFor({ state: 'detached', timeout: 40_000 });
    assert.ok((await names(page)).includes(CLICKS));
  });
});
