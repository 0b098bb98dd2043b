// A fault proxy between a client (the npm package, the console) and a real Flink: it forwards
// every request, except those a rule matches, which get the rule's fault instead.
//
//   import { startFaultProxy } from './fault-proxy.mjs';
//   const proxy = await startFaultProxy({ target: 'http://127.0.0.1:18081' });
//   proxy.set([{ method: 'POST', path: '/jobs/[0-9a-f]{32}/savepoints$', fault: 'drop', times: 1 }]);
//   new FlinkClient(proxy.url) …; proxy.log (what came through, with the fault applied)
//
// Or alone: `node tests/fault-proxy.mjs --target URL [--port P] [--rules JSON]`; the rules can
// then be replaced with `PUT /__faults` (a JSON array) and the log read with `GET /__faults/log`.
//
// Faults, as the client would meet them:
//   flink500  500 with Flink's own error body ({"errors": [...]}), as when a handler throws
//   html      an HTML error page (status 502 unless `status`), as nginx or an ingress answers
//   delay     forward after `ms` (default 30 s): past the client's timeout
//   reset     close the connection without an answer
//   truncate  forward, then send only the first half of Flink's body
//   drop      forward to Flink, read its whole answer, then close the connection: Flink did it,
//             the client never hears
// A rule applies `times` times (default: until replaced), to requests whose method is `method`
// (default any) and whose path and query match the regular expression `path`.
import { createServer, request } from 'node:http';
import { pathToFileURL } from 'node:url';

const HTML = (status) =>
  `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

export async function startFaultProxy({ target, port = 0, rules = [] }) {
  const upstream = new URL(target);
  let active = [];
  const log = [];
  const set = (list) => {
    active = list.map((r) => ({ ...r, re: new RegExp(r.path), left: r.times ?? Infinity }));
  };
  set(rules);

  /** Sends the request on to Flink; resolves to its status, headers and whole body. */
  const forward = (req, body) =>
    new Promise((resolve, reject) => {
      const out = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const answer = (res, status, headers, body) => {
    const h = { ...headers, 'content-length': String(body.length) };
    delete h['transfer-encoding'];
    res.writeHead(status, h).end(body);
  };

  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);

    if (req.url.startsWith('/__faults')) {
      if (req.method === 'PUT') set(JSON.parse(body.toString() || '[]'));
      return answer(res, 200, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(req.url === '/__faults/log' ? log : active)));
    }
    const rule = active.find((r) => r.left > 0 && (!r.method || r.method === req.method) && r.re.test(req.url));
    if (rule) rule.left -= 1;
    const fault = rule?.fault ?? null;
    log.push({ method: req.method, path: req.url, fault, at: Date.now() });
    try {
      switch (fault) {
        case 'flink500':
          return answer(res, 500, { 'content-type': 'application/json' },
            Buffer.from(JSON.stringify({ errors: ['Internal server error.', `<fault proxy: ${req.method} ${req.url}>`] })));
        case 'html':
          return answer(res, rule.status ?? 502, { 'content-type': 'text/html' }, Buffer.from(HTML(rule.status ?? 502)));
        case 'reset':
          return req.socket.destroy();
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, rule.ms ?? 30_000));
          break;
        case 'drop':
          await forward(req, body);
          return req.socket.destroy();
        case 'truncate': {
          const r = await forward(req, body);
          return answer(res, r.status, r.headers, r.body.subarray(0, Math.floor(r.body.length / 2)));
        }
        default:
      }
      if (res.destroyed) return undefined;
      const r = await forward(req, body);
      return answer(res, r.status, r.headers, r.body);
    } catch (e) {
      return res.headersSent ? res.destroy() : answer(res, 502, { 'content-type': 'text/plain' }, Buffer.from(`fault proxy: ${e.message}`));
    }
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    set,
    log,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name) => process.argv[process.argv.indexOf(name) + 1];
  if (!process.argv.includes('--target')) {
    console.error('usage: node tests/fault-proxy.mjs --target URL [--port P] [--rules JSON]');
    process.exit(2);
  }
  const proxy = await startFaultProxy({
    target: arg('--target'),
    port: process.argv.includes('--port') ? Number(arg('--port')) : 0,
    rules: process.argv.includes('--rules') ? JSON.parse(arg('--rules')) : [],
  });
  console.log(proxy.url);
}
