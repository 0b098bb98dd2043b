// Run by tests/layers/deploy.sh against the release build under /console/ behind nginx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { CONSOLE_URL, launch, withPage, flink, assertStrictCsp } from './lib.mjs';

/** GET without decoding the body (fetch would decompress it). */
function rawGet(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const parts = [];
      res.on('data', (c) => parts.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
    }).on('error', reject);
  });
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the release build works under a sub-path behind nginx', async () => {
  const overview = await flink('/overview');
  await withPage(browser, 'deploy-subpath-overview', async (page) => {
    await page.goto(`${CONSOLE_URL}/`);
    const version = page.locator('.card', { hasText: 'Flink version' }).locator('dd');
    await version.waitFor();
    assert.equal(await version.innerText(), overview['flink-version']);
    await page.getByRole('link', { name: 'Jobs' }).click();
    // The router changes the URL once the jobs page's chunk has loaded, not at the click.
    await page.waitForURL((url) => url.pathname === '/console/jobs', { timeout: 10_000 });
    await page.getByText('Demo: click counts').first().waitFor();
  });
});

test('deep links reload under the sub-path, and assets are served pre-compressed', async () => {
  await withPage(browser, 'deploy-subpath-deeplink', async (page) => {
    // A deep link is index.html too (nginx's fallback): the same policy, and a nonce of its own
    // that fills the page's placeholders.
    const res = await page.goto(`${CONSOLE_URL}/jobs`);
    const csp = res.headers()['content-security-policy'];
    const html = await res.text();
    assertStrictCsp(csp, html);
    const nonce = csp.match(/'nonce-([0-9a-f]{32})'/)?.[1];
    assert.ok(nonce && html.includes(`nonce="${nonce}"`) && !html.includes('{{'), `${csp}\n${html}`);
    const again = (await fetch(`${CONSOLE_URL}/`)).headers.get('content-security-policy');
    assert.ok(again.includes("'nonce-") && !again.includes(nonce), 'a new nonce for each response');
    await page.getByText('Demo: click counts').first().waitFor();
    await page.reload();
    await page.getByText('Demo: click counts').first().waitFor();
  });
  const index = await (await fetch(`${CONSOLE_URL}/`)).text();
  const wasm = index.match(/href="([^"]+\.wasm)"/);
  assert.ok(wasm, 'index.html names its wasm');
  const res = await fetch(new URL(wasm[1], `${CONSOLE_URL}/`), { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
  // The files scripts/build compressed, byte for byte: brotli where the browser takes it, else gzip.
  const file = `${process.env.DIST}/${new URL(wasm[1], `${CONSOLE_URL}/`).pathname.replace(/^\/console\//, '')}`;
  for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip', 'gzip']]) {
    const raw = await rawGet(new URL(wasm[1], `${CONSOLE_URL}/`), accept);
    assert.equal(raw.headers['content-encoding'], encoding, accept);
    assert.ok(raw.body.equals(readFileSync(`${file}.${encoding === 'br' ? 'br' : 'gz'}`)), `the ${encoding} body is the build's file`);
  }
  // Page chunks sit next to the main wasm and are served as wasm too; a missing one is a 404,
  // never index.html (which would pose as the chunk for a tab opened before a deploy).
  const chunk = await fetch(new URL(wasm[1].replace(/console_bg\.wasm$/, 'split_page_jobs.wasm'), `${CONSOLE_URL}/`));
  assert.equal(chunk.status, 200);
  assert.equal(chunk.headers.get('content-type'), 'application/wasm');
  const missing = await fetch(new URL(wasm[1].replace(/console_bg\.wasm$/, 'split_page_gone.wasm'), `${CONSOLE_URL}/`));
  assert.equal(missing.status, 404);
});

test('the REST API is reachable same-origin under the sub-path, including writes', async () => {
  const res = await fetch(`${CONSOLE_URL}/api/jobs/00000000000000000000000000000000/resource-requirements`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}',
  });
  // Flink itself answers (not nginx): a JSON error body, proving the proxy passes PUTs through.
  const body = await res.json();
  assert.ok(Array.isArray(body.errors), JSON.stringify(body));
});
