// The npm client's cost over plain JavaScript, in Node: `requestMultipleJobDetails()` on the
// 10,000-job answer and `requestVertexDetails()` on a 1,000-subtask vertex, against `fetch()` +
// `JSON.parse` of the same bytes from the same local server (the generated cluster,
// bench/big-cluster.mjs). Both sides fetch, so the ratio is what the client adds: copying the
// text into wasm, decoding it into typed models and handing them back as JS objects.
//
//   node bench/decode.mjs [runs]      (after scripts/npm-package; prints a line per case)
//   import { decodeCases } from './decode.mjs'
import { pathToFileURL } from 'node:url';
import { bigCluster, serve } from './big-cluster.mjs';
import { median } from './stats.mjs';

const PACKAGE = process.env.NPM_PACKAGE ?? new URL('../pkg/flink-console-client/node.js', import.meta.url).href;

async function time(f) {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

/** Median ms of the client and of fetch + JSON.parse per case, `runs` each, interleaved. */
export async function decodeCases({ runs = 25, port = 18792 } = {}) {
  const { FlinkClient } = await import(PACKAGE);
  const cluster = bigCluster();
  const server = await serve(cluster, port);
  const base = `http://127.0.0.1:${port}`;
  const flink = new FlinkClient(base, { timeoutMs: 60000 });
  const [job, vertex] = [cluster.ids.job, cluster.ids.vertices[0]];
  const cases = [
    ['requestMultipleJobDetails(), 10,000 jobs', '/jobs/overview', () => flink.requestMultipleJobDetails()],
    ['requestVertexDetails(), 1,000 subtasks', `/jobs/${job}/vertices/${vertex}`, () => flink.requestVertexDetails(job, vertex)],
  ];
  const results = [];
  try {
    for (const [name, path, call] of cases) {
      const plain = async () => JSON.parse(await (await fetch(base + path)).text());
      const [client, js] = [[], []];
      for (let i = 0; i < runs + 3; i++) {
        const [c, j] = [await time(call), await time(plain)];
        if (i >= 3) { client.push(c); js.push(j); } // the first runs warm up the JIT and the wasm
      }
      const bytes = cluster.answer('GET', path).body.length;
      results.push({ name, bytes, runs, client: median(client), js: median(js), ratio: median(client) / median(js) });
    }
  } finally {
    await new Promise((r) => server.close(r));
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await decodeCases({ runs: Number(process.argv[2] ?? 25) })) {
    console.log(`${r.name} (${(r.bytes / 1048576).toFixed(1)} MB): client ${r.client.toFixed(1)} ms, fetch + JSON.parse ${r.js.toFixed(1)} ms, ratio ${r.ratio.toFixed(2)} (median of ${r.runs})`);
  }
}
