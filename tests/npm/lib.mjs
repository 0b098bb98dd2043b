// Shared by the npm package's tests: they run in a temporary project where the packed tarball is
// installed (tests/layers/npm.sh), so 'flink-console-client' resolves like it does for users.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { FlinkClient } from 'flink-console-client';

export const FLINK_REST_URL = process.env.FLINK_REST_URL ?? 'http://127.0.0.1:18081';
export const DEMO_JAR = process.env.DEMO_JAR;
export const ENTRY_CLASS = 'flinkconsole.demo.DemoJob';
export const DEMO_JOBS = ['Demo: click counts', 'Demo: <b>orders</b> & refunds'];

export const flink = new FlinkClient(FLINK_REST_URL, { timeoutMs: 15000 });

/** Where the installed package is (its package.json, README.md, client.d.ts, …). */
export const PKG_DIR = dirname(createRequire(import.meta.url).resolve('flink-console-client/package.json'));

/** The error `promise` rejects with; fails the test if it resolves. */
export async function rejection(promise) {
  return promise.then((v) => assert.fail(`expected a rejection, got ${JSON.stringify(v)}`), (e) => e);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value (returned), or throws after `timeoutMs`. */
export async function waitUntil(what, probe, timeoutMs = 60000, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await sleep(intervalMs);
  }
}

/** A fresh 32-hex trigger id. */
export function triggerId() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Runs a demo job from `jarId` and waits until it is RUNNING; returns its id. */
export async function runDemoJob(jarId, name) {
  const { jobid } = await flink.runJar(jarId, {
    entryClass: ENTRY_CLASS,
    programArgs: ['--name', name, '--rate', '20'],
    parallelism: 1,
    timeoutMs: 60000,
  });
  await waitUntil(`job '${name}' to run`, async () => (await flink.requestJobStatus(jobid)).status === 'RUNNING', 90000);
  return jobid;
}

/** Waits until every task of the job runs (a savepoint needs that, not only state RUNNING). */
export async function allTasksRunning(jobId) {
  await waitUntil('all tasks to run', async () => {
    const job = await flink.requestJob(jobId);
    return job.vertices.every((v) => v.status === 'RUNNING');
  }, 60000);
}

/** The local directory of a `file:` URI (Flink writes `file:/x` and `file:///x`). */
export function localPath(uri) {
  return decodeURIComponent(uri.replace(/^file:(\/\/)?/, ''));
}

export function savepointDirs(dir) {
  return readdirSync(dir).filter((n) => n.startsWith('savepoint-'));
}
