// The package as people build with it: a Vite app and a webpack 5 app import the installed
// tarball by name, are built in production mode by the pinned bundlers (scripts/setup node),
// served same-origin with a proxy to the real Flink, and run in headless Chromium, where they
// read the overview and the jobs by their camelCase names. Bundle sizes are printed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { DEMO_JOBS, FLINK_REST_URL, flink } from './lib.mjs';
import { serve } from './server.mjs';

const { launchChromium } = await import(pathToFileURL(join(process.env.REPO_ROOT, 'scripts/lib/chromium.mjs')));

const here = dirname(fileURLToPath(import.meta.url));
const app = join(here, 'bundlers');
const BUNDLERS = process.env.BUNDLERS_DIR;
const ARTIFACTS = process.env.ARTIFACTS ?? here;

const BUILDS = {
  vite: { cli: 'vite/bin/vite.js', args: ['build', '--config', 'vite.config.mjs'] },
  webpack: { cli: 'webpack-cli/bin/cli.js', args: ['--config', 'webpack.config.mjs'] },
};

let browser;
before(async () => {
  assert.ok(BUNDLERS, 'tests/layers/npm.sh sets BUNDLERS_DIR');
  browser = await launchChromium(chromium);
});
after(() => browser?.close());

const files = (dir) => readdirSync(dir, { recursive: true }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());

for (const [name, { cli, args }] of Object.entries(BUILDS)) {
  describe(`a ${name} app`, () => {
    const out = join(ARTIFACTS, `bundle-${name}`);
    let server;
    after(() => server?.close());

    it('builds in production mode, with the wasm as an asset of its own', () => {
      const version = JSON.parse(readFileSync(join(BUNDLERS, 'node_modules', name, 'package.json'), 'utf8')).version;
      const r = spawnSync(process.execPath, [join(BUNDLERS, 'node_modules', cli), ...args], {
        cwd: app, encoding: 'utf8', env: { ...process.env, BUNDLE_OUT: out, NODE_ENV: 'production' },
      });
      assert.equal(r.status, 0, `${name} build failed:\n${r.stdout}\n${r.stderr}`);
      if (name === 'webpack') {
        const bundle = readdirSync(out).find((f) => /^main\..*\.js$/.test(f));
        writeFileSync(join(out, 'index.html'), readFileSync(join(app, 'index.html'), 'utf8').replace(
          '<script type="module" src="./app.js"></script>', `<script src="./${bundle}"></script>`));
      }
      const sizes = files(out).filter((f) => /\.(js|wasm)$/.test(f)).map((f) => {
        const bytes = readFileSync(f);
        return { file: relative(out, f), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      });
      const total = sizes.reduce((t, s) => ({ bytes: t.bytes + s.bytes, gzip: t.gzip + s.gzip }), { bytes: 0, gzip: 0 });
      console.log(`${name} ${version}: ${sizes.map((s) => `${s.file} ${s.bytes} B (${s.gzip} gzip)`).join(', ')}; total ${total.bytes} B, ${total.gzip} B gzip`);
      assert.equal(sizes.filter((s) => s.file.endsWith('.wasm')).length, 1, 'one wasm asset');
      assert.ok(sizes.some((s) => s.file.endsWith('.js')), 'a script');
    });

    it('reads the cluster and its jobs by camelCase names in Chromium, same-origin with Flink', async () => {
      server = await serve({ root: out, flinkUrl: FLINK_REST_URL });
      const page = await browser.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'));
      await page.goto(server.url);
      assert.equal((await wasm).headers()['content-type'], 'application/wasm');
      await page.waitForFunction(() => document.getElementById('result').textContent !== 'loading', null, { timeout: 30000 });
      const text = await page.textContent('#result');
      assert.doesNotMatch(text, /^failed/, text);
      const seen = JSON.parse(text);

      const overview = await flink.requestClusterOverview();
      assert.equal(seen.flinkVersion, overview.flinkVersion);
      assert.match(seen.flinkVersion, /^\d+\.\d+\.\d+$/);
      assert.equal(seen.slotsTotal, overview.slotsTotal);
      assert.ok(seen.slotsTotal >= 2 && seen.jobsRunning >= DEMO_JOBS.length, text);
      for (const demo of DEMO_JOBS) {
        const job = seen.jobs.find((j) => j.name === demo && j.state === 'RUNNING');
        assert.ok(job, `${demo} is listed as running: ${text}`);
        assert.ok(job.startTime > 0 && job.lastModification >= job.startTime && job.tasksTotal >= 1, JSON.stringify(job));
      }
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}
