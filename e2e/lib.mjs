// Shared helpers of the end-to-end tests: Debian's chromium through playwright-core, the
// console's URL, the Flink REST URL, and a screenshot of the page whenever a test fails.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../scripts/lib/chromium.mjs';

export const CONSOLE_URL = process.env.CONSOLE_URL ?? 'http://127.0.0.1:18080';
export const FLINK_REST_URL = process.env.FLINK_REST_URL ?? 'http://127.0.0.1:18081';
const ARTIFACTS = process.env.ARTIFACTS ?? 'test-artifacts';

export async function launch() {
  return launchChromium(chromium);
}

/** Runs `body(page)` in a fresh page; saves `<name>.png` always and `<name>-FAILED.png` on failure. */
export async function withPage(browser, name, body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync(`${ARTIFACTS}/screenshots`, { recursive: true });
  try {
    await body(page);
    if (errors.length) throw new Error(`uncaught errors in the page: ${errors.join('; ')}`);
    await page.screenshot({ path: `${ARTIFACTS}/screenshots/${name}.png`, fullPage: true });
  } catch (e) {
    await page.screenshot({ path: `${ARTIFACTS}/screenshots/${name}-FAILED.png`, fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

/**
 * Loses Flink's answer to the first `times` `method` requests to `url` (a Playwright glob): each
 * is sent on to Flink (through the dev server's proxy), then the browser's connection is reset.
 * Later ones go through. Resolves to the list of request bodies seen, which grows as they come.
 */
export async function loseAnswers(page, url, method, times = Infinity) {
  const bodies = [];
  await page.route(url, async (route) => {
    if (route.request().method() !== method) return route.continue();
    bodies.push(route.request().postDataJSON());
    if (bodies.length > times) return route.continue();
    await route.fetch();
    return route.abort('connectionreset');
  });
  return bodies;
}

/** GET a Flink REST path, parsed as JSON. */
export async function flink(path) {
  const res = await fetch(`${FLINK_REST_URL}${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}
