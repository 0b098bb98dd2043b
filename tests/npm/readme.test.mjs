// The README's first example is a whole script: taken from the installed package's README (what
// users read), pointed at the real Flink, run as ESM and, rewritten to `require`, as CommonJS.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_JOBS, FLINK_REST_URL, PKG_DIR, flink } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(PKG_DIR, 'README.md'), 'utf8');
const example = readme.match(/<!-- run by tests\/npm\/readme\.test\.mjs[^\n]*\n```js\n([\s\S]*?)```/)?.[1];

function run(file, source) {
  writeFileSync(join(here, file), source);
  return spawnSync(process.execPath, [join(here, file)], { cwd: here, encoding: 'utf8' });
}

async function checkOutput(stdout) {
  const [first, ...lines] = stdout.trimEnd().split('\n');
  const overview = await flink.requestClusterOverview();
  assert.match(first, new RegExp(`^Flink ${overview.flinkVersion.replaceAll('.', '\\.')}: \\d+ of ${overview.slotsTotal} slots free$`));
  const { jobs } = await flink.requestMultipleJobDetails();
  assert.equal(lines.length, jobs.length, stdout);
  for (const name of DEMO_JOBS) {
    const line = lines.find((l) => l.endsWith(`: ${name}`));
    assert.match(line ?? '', /^[0-9a-f]{32} RUNNING (\d+)\/\1 tasks running, since \d{4}-\d\d-\d\dT[\d:.]+Z: /, stdout);
  }
}

it('the README example runs against Flink and prints camelCase fields read from it', async () => {
  assert.ok(example, 'the README has the marked example');
  assert.match(example, /overview\.slotsTotal/);
  const r = run('readme-example.mjs', example.replace("'http://127.0.0.1:8081'", JSON.stringify(FLINK_REST_URL)));
  assert.equal(r.status, 0, r.stderr);
  await checkOutput(r.stdout);
});

it('the same example runs from CommonJS with require() (Node 20.19+ loads the ES module)', async () => {
  const body = example
    .replace("import { FlinkClient } from 'flink-console-client';", "const { FlinkClient } = require('flink-console-client');")
    .replace("'http://127.0.0.1:8081'", JSON.stringify(FLINK_REST_URL));
  assert.match(body, /require\(/);
  // CommonJS has no top-level await: the body runs in an async function.
  const r = run('readme-example.cjs', body.replace(/^(const flink[\s\S]*)$/m, '(async () => {\n$1\n})().catch((e) => { console.error(e); process.exit(1); });'));
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /ERR_REQUIRE|ExperimentalWarning/, r.stderr);
  await checkOutput(r.stdout);
});
