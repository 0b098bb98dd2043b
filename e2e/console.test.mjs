import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_URL, launch, withPage, flink, assertStrictCsp } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the overview shows the Flink version and cluster figures', async () => {
  const overview = await flink('/overview');
  await withPage(browser, 'overview', async (page) => {
    // withPage fails on anything the policy refuses, on this page and every other one.
    const res = await page.goto(`${CONSOLE_URL}/`);
    assertStrictCsp(res.headers()['content-security-policy'], await res.text());
    const version = page.locator('.card', { hasText: 'Flink version' }).locator('dd');
    await version.waitFor();
    assert.equal(await version.innerText(), overview['flink-version']);
    const slots = page.locator('.card', { hasText: 'Slots' }).locator('dd');
    assert.match(await slots.innerText(), new RegExp(`/ ${overview['slots-total']}$`));
  });
});

test('the jobs page lists the demo jobs by name, as text', async () => {
  await withPage(browser, 'jobs', async (page) => {
    await page.goto(`${CONSOLE_URL}/`);
    await page.getByRole('link', { name: 'Jobs' }).click();
    for (const name of ['Demo: click counts', 'Demo: <b>orders</b> & refunds']) {
      await page.getByRole('cell', { name, exact: true }).first().waitFor();
    }
    // The job name with markup stays text: no <b> element is made from it.
    assert.equal(await page.locator('main b').count(), 0);
  });
});
