// The packed package as installed: package.json, the wasm (size, imports, no UI code), the
// entry points, and its types (a strict consumer compiles, a wrong one does not).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as pkg from 'flink-console-client';
import { PKG_DIR as dir } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const TSC = process.env.TSC;

it('package.json names, versions, licenses and maps the entry points', () => {
  assert.equal(manifest.name, 'flink-console-client');
  assert.equal(manifest.version, process.env.CRATE_VERSION);
  assert.equal(manifest.license, 'Apache-2.0');
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, './index.d.ts');
  assert.ok(manifest.repository?.url);
  assert.deepEqual(manifest.exports['.'], { types: './index.d.ts', node: './node.js', default: './browser.js' });
  assert.equal(import.meta.resolve('flink-console-client'), `file://${join(dir, 'node.js')}`);
  assert.deepEqual(Object.keys(pkg).sort(), ['FlinkClient', 'FlinkError']);
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  assert.match(readme, /await flink\.waitForSavepoint\(jobId, trigger, \{ timeoutMs: 60000 \}\)/);
  assert.match(readme, /CORS preflight/);
});

it('the wasm is the client alone: small, importing only its glue, no Leptos', () => {
  const bytes = readFileSync(join(dir, 'client_bg.wasm'));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  console.log(`client_bg.wasm: ${bytes.length} bytes, ${gzip} gzipped`);
  assert.ok(bytes.length < 1_000_000, `${bytes.length} bytes`);
  const module = new WebAssembly.Module(bytes);
  const imports = WebAssembly.Module.imports(module);
  assert.deepEqual([...new Set(imports.map((i) => i.module))], ['./client_bg.js'], 'imports come from the glue only');
  const text = bytes.toString('latin1').toLowerCase();
  for (const ui of ['leptos', 'tachys', 'reactive_graph', 'console_error_panic_hook', 'leptos_router']) {
    assert.ok(!text.includes(ui), `the wasm mentions ${ui}`);
  }
  assert.ok(imports.every((i) => !/leptos|tachys/i.test(i.name)));
  assert.ok(WebAssembly.Module.exports(module).some((e) => e.name === 'flinkclient_requestJob'));
});

it('public declarations never say any', () => {
  for (const file of ['index.d.ts', 'client.d.ts', 'error.d.ts']) {
    const code = readFileSync(join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    assert.doesNotMatch(code, /\bany\b/, `${file} says any`);
  }
  const declared = readFileSync(join(dir, 'client.d.ts'), 'utf8');
  for (const method of ['cancelJob', 'requestJob', 'requestCheckpointStats', 'triggerSavepoint', 'stopWithSavepoint',
    'getTriggeredSavepointStatus', 'disposeSavepoint', 'requestJobStatus', 'updateJobResourceRequirements', 'waitForSavepoint']) {
    assert.match(declared, new RegExp(`^    ${method}\\(`, 'm'), method);
  }
});

it('the suite calls every method the class declares', () => {
  const declared = readFileSync(join(dir, 'client.d.ts'), 'utf8');
  const body = declared.slice(declared.indexOf('export class FlinkClient'));
  const methods = [...body.matchAll(/^    (\w+)\(/gm)].map((m) => m[1]).filter((m) => m !== 'free' && m !== 'constructor');
  assert.ok(methods.length >= 45, `${methods.length} methods`);
  const suite = ['lib.mjs', 'cluster.test.mjs', 'lifecycle.test.mjs', 'errors.test.mjs', 'page.html']
    .map((f) => readFileSync(join(here, f), 'utf8')).join('\n');
  assert.deepEqual(methods.filter((m) => !suite.includes(`.${m}(`)), []);
  // …and the class has every public async method of the Rust FlinkClient (one file per area
  // under src/client/api/), in camelCase; `send`, `sendWithProgress` and `readFile`, which take
  // any built request, are Rust's own (npm has no request builders).
  const api = join(process.env.REPO_ROOT, 'src/client/api');
  const rust = readdirSync(api).filter((f) => f.endsWith('.rs')).map((f) => readFileSync(join(api, f), 'utf8')).join('\n');
  const camel = [...rust.matchAll(/pub async fn (\w+)/g)].map((m) => m[1].replace(/_(\w)/g, (_, c) => c.toUpperCase()))
    .filter((m) => !['send', 'sendWithProgress', 'readFile'].includes(m));
  assert.ok(camel.length >= 45, `${camel.length} Rust methods`);
  assert.deepEqual(camel.filter((m) => !methods.includes(m)), []);
});

function tsc(file, ...flags) {
  return spawnSync(process.execPath, [TSC, '--noEmit', '--strict', ...flags, join(here, file)], { cwd: here, encoding: 'utf8' });
}

const SETTINGS = {
  node: ['--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--lib', 'es2022'],
  bundler: ['--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', '--lib', 'es2022,dom'],
};

it('a TypeScript consumer of every method compiles with --strict (node and bundler resolution)', () => {
  for (const [name, flags] of Object.entries(SETTINGS)) {
    const r = tsc('consumer.ts', ...flags);
    assert.equal(r.status, 0, `${name}: ${r.stdout}${r.stderr}`);
  }
});

it('Flink\'s own names, unset fields used as set, and unknown options do not compile', () => {
  const r = tsc('wrong.ts', ...SETTINGS.node);
  assert.notEqual(r.status, 0, 'tsc accepted wrong.ts');
  assert.match(r.stdout, /wrong\.ts\(\d+,\d+\): error TS2551: Property 'slots-total' does not exist on type 'ClusterOverview'\. Did you mean 'slotsTotal'\?/);
  assert.match(r.stdout, /wrong\.ts\(\d+,\d+\): error TS2551: Property 'external_path' does not exist on type 'CheckpointStats'\. Did you mean 'externalPath'\?/);
  // `startTime` is a Timestamp (`number | null`): tsc names the alias, then why it does not fit.
  assert.match(r.stdout, /wrong\.ts\(\d+,\d+\): error TS2322: Type 'Timestamp' is not assignable to type 'number'\.\n +Type 'null' is not assignable/);
  assert.match(r.stdout, /wrong\.ts\(\d+,\d+\): error TS2353: .*'targetDir' does not exist in type 'SavepointOptions'/);
  assert.equal(r.stdout.match(/error TS/g).length, 4, r.stdout);
});

it('every field of every result type is camelCase, in the types and in the README\'s table of Flink\'s names', () => {
  const declared = readFileSync(join(dir, 'client.d.ts'), 'utf8');
  const fields = [...declared.matchAll(/^export interface \w+(?:<[^>]*>)? \{\n([\s\S]*?)^\}/gm)]
    .flatMap(([, body]) => [...body.matchAll(/^    ("[^"]+"|[^\s/*][^:?]*)\??: /gm)].map((m) => m[1]));
  assert.ok(fields.length > 200, `${fields.length} fields`);
  assert.deepEqual(fields.filter((f) => !/^[a-z][A-Za-z0-9]*$/.test(f)), []);
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  assert.match(readme, /\| `slotsTotal` \| `slots-total` \|/);
  assert.match(readme, /\| `externalPath` \| `external_path` \|/);
  assert.doesNotMatch(readme, /<!-- field names/, 'the table was generated');
});
