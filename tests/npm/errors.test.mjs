// What real Flink cannot be made to do on demand, against a tiny local stand-in: headers,
// shutDownCluster, timeouts, unreachable hosts, answers that are not Flink's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { FlinkClient, FlinkError } from 'flink-console-client';

describe('errors and requests, against a stand-in server', () => {
  let server, base;
  const seen = [];
  before(async () => {
    server = createServer((req, res) => {
      seen.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
      if (req.url === '/slow/overview') return; // never answers
      const [status, body] = {
        '/cluster': [200, '{}'],
        '/jobs/overview': [200, '{"jobs": 5}'],
        '/proxy/overview': [502, 'Bad Gateway'],
      }[req.url] ?? [404, '{"errors": ["Not found: /x"]}'];
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('sends the client headers; shutDownCluster is DELETE /cluster and resolves undefined', async () => {
    const flink = new FlinkClient(`${base}/`, { headers: { Authorization: 'Bearer t0k3n' } });
    assert.equal(flink.baseUrl, base);
    assert.equal(await flink.shutDownCluster(), undefined);
    assert.deepEqual(seen.at(-1), { method: 'DELETE', url: '/cluster', authorization: 'Bearer t0k3n' });
  });

  it('a call that gets no answer in time rejects with kind timeout', async () => {
    const flink = new FlinkClient(`${base}/slow`, { timeoutMs: 60000 });
    const started = Date.now();
    const e = await flink.requestClusterOverview({ timeoutMs: 300 }).catch((x) => x);
    assert.ok(e instanceof FlinkError);
    assert.equal(e.kind, 'timeout');
    assert.equal(e.message, `Flink did not answer ${base}/slow/overview within 0.3 s.`);
    assert.ok(Date.now() - started < 5000);
  });

  it('an answer of the wrong shape rejects with kind decode', async () => {
    const e = await new FlinkClient(base).requestMultipleJobDetails().catch((x) => x);
    assert.equal(e.kind, 'decode');
    assert.match(e.message, /could not be read at `jobs`/);
  });

  it('an error page that is not Flink JSON keeps its text', async () => {
    const e = await new FlinkClient(`${base}/proxy`).requestClusterOverview().catch((x) => x);
    assert.deepEqual([e.kind, e.status, e.messages, e.isNotFound], ['http', 502, ['Bad Gateway'], false]);
  });

  it('an unreachable host rejects with kind network', async () => {
    const e = await new FlinkClient('http://127.0.0.1:9').requestClusterOverview({ timeoutMs: 5000 }).catch((x) => x);
    assert.equal(e.kind, 'network');
    assert.match(e.message, /^Could not reach Flink at http:\/\/127\.0\.0\.1:9\/overview/);
  });
});
