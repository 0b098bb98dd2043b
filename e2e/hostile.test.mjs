// Hostile text from Flink: the real answers, with names and stack traces replaced (Playwright
// changes Flink's JSON on its way to the console). Markup that would run script, a 100 KB name,
// right-to-left and zero-width characters, a lone UTF-16 surrogate, a 1 MB stack trace: shown
// as text, nothing executed, the layout intact (no sideways scrolling, rows of one line).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, launch, withPage, flink } from './lib.mjs';

const CLICKS = 'Demo: click counts';
const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const LONG = `long ${'x'.repeat(100 * 1024)}`;
// Right-to-left override and embedding, zero-width space and joiner, a byte order mark.
const BIDI = 'rtl \u202Eevil.exe\u202C \u05E9\u05DC\u05D5\u05DD \u200B\u200D\uFEFF end';
// A lone surrogate, as Java may write it and JSON.parse reads it; the escape survives JSON.stringify.
const SURROGATE = 'half \uD800 pair';
const NAMES = [MARKUP, LONG, BIDI, SURROGATE];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Answers `glob` with Flink's real answer changed by `edit` (which gets and returns the JSON). */
async function rewrite(page, glob, edit) {
  await page.route(glob, async (route) => {
    const response = await route.fetch();
    const body = edit(await response.json());
    await route.fulfill({ response, body: JSON.stringify(body), headers: { ...response.headers(), 'content-type': 'application/json' } });
  });
}

async function assertIntact(page, what) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${what}: nothing executed`);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(sideways <= 0, `${what}: no sideways scrolling (${sideways} px too wide)`);
}

test('hostile job names: shown as text, nothing executed, the jobs table keeps one line a row', async () => {
  await withPage(browser, 'hostile-names', async (page) => {
    // One row more per hostile name, each a copy of a real job under an id of its own.
    await rewrite(page, '**/api/jobs/overview', (body) => {
      const copies = NAMES.map((name, i) => ({ ...body.jobs[i % body.jobs.length], jid: `${i}`.padStart(32, 'f'), name }));
      return { ...body, jobs: [...copies, ...body.jobs] };
    });
    await page.goto(`${CONSOLE_URL}/jobs`);
    const cells = page.locator('tbody tr.job td.name');
    await cells.first().waitFor();
    const shown = await cells.evaluateAll((tds) => tds.map((td) => td.textContent));
    for (const name of NAMES) {
      // The lone surrogate reaches the page as U+FFFD or as itself; either is text, not an error.
      const expected = name === SURROGATE ? [name, name.replace('\uD800', '\uFFFD')] : [name];
      assert.ok(shown.some((s) => expected.includes(s)), `the name ${JSON.stringify(name.slice(0, 40))} is a row's text: ${JSON.stringify(shown.map((s) => s.slice(0, 40)))}`);
    }
    assert.equal(await page.locator('tbody img, tbody script').count(), 0, 'no element made from a name');
    const heights = await page.locator('tbody tr.job').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    assert.ok(Math.max(...heights) < 3 * Math.min(...heights), `rows keep their height: ${heights}`);
    await assertIntact(page, 'jobs list');
  });
});

test('a 1 MB stack trace with markup on the exceptions tab: text in its box, the page intact', async () => {
  const { jobs } = await flink('/jobs/overview');
  const job = jobs.find((j) => j.name === CLICKS && j.state === 'RUNNING')?.jid;
  assert.ok(job, `a running "${CLICKS}" demo job`);
  const trace = `java.lang.IllegalStateException: ${MARKUP} ${BIDI}\n${'\tat a.b.C.d(C.java:1)\n'.repeat(50_000)}Caused by: ${MARKUP}\n`;
  assert.ok(trace.length > 1_000_000, `${trace.length} characters`);
  await withPage(browser, 'hostile-stacktrace', async (page) => {
    await rewrite(page, `**/api/jobs/${job}/exceptions*`, (body) => {
      const entry = { exceptionName: MARKUP, stacktrace: trace, timestamp: Date.now(), taskName: MARKUP, endpoint: null, taskManagerId: null, failureLabels: { [MARKUP]: BIDI }, concurrentExceptions: [] };
      return { ...body, exceptionHistory: { entries: [entry], truncated: false } };
    });
    await page.goto(`${CONSOLE_URL}/jobs/${job}/exceptions`);
    const pre = page.locator('pre.stacktrace').first();
    await pre.waitFor({ timeout: 20_000 });
    assert.equal(await pre.evaluate((e) => e.textContent.length), trace.length, 'the whole trace, as text');
    assert.equal(await page.locator('main img, main script').count(), 0, 'no element made from the trace');
    assert.match(await page.locator('.root-cause').innerText(), /<img src=x onerror=/, 'the root cause line, as text');
    await assertIntact(page, 'exceptions tab');
  });
});
