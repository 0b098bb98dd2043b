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

/**
 * Runs `body(page)` in a fresh page; saves `<name>.png` always and `<name>-FAILED.png` on failure.
 * It fails on an uncaught error or a wasm panic in the page, or anything the Content-Security-Policy
 * refused.
 */
export async function withPage(browser, name, body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Chromium logs each thing the Content-Security-Policy refused, and the panic hook each wasm
  // panic (which kills the app): neither may happen on any page.
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) errors.push(`CSP violation: ${m.text()}`);
    if (m.text().includes('panicked at')) errors.push(`wasm panic: ${m.text()}`);
  });
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

/**
 * Asserts that a page was served with a Content-Security-Policy that runs no inline script (no
 * 'unsafe-inline', no 'unsafe-eval', no wildcard), and that each script in it is a file, or
 * inline only with the policy's nonce (the autoreload script of `trunk serve`). Inline styles
 * are allowed for async-profiler's flame graph frame (Trunk.toml says why).
 */
export function assertStrictCsp(csp, html) {
  if (!csp) throw new Error('the page was served without a Content-Security-Policy');
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
  for (const name of ['script-src', 'object-src']) {
    const sources = directives.get(name) ?? directives.get('default-src');
    if (!sources) throw new Error(`${name} is not restricted: ${csp}`);
    const loose = sources.filter((s) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'].includes(s));
    if (loose.length) throw new Error(`${name} allows ${loose.join(', ')}: ${csp}`);
  }
  const nonces = (directives.get('script-src') ?? []).filter((s) => s.startsWith("'nonce-")).map((s) => s.slice(7, -1));
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const nonce = tag.match(/nonce="([^"]*)"/)?.[1];
    if (!/\bsrc=/.test(tag) && !(nonce && nonces.includes(nonce))) throw new Error(`an inline script the policy would refuse: ${tag}`);
  }
}
