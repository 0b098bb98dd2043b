// A tiny same-origin host for the browser tests: the page at / and the installed package under
// /pkg/ (or a bundler's output directory, `root`, as it would be deployed), and /api/* proxied to
// Flink's REST API (Flink answers no CORS preflight).
import { createServer, request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const inside = (dir, url) => join(dir, normalize(decodeURIComponent(url.split('?')[0])).replace(/^(\.\.[/\\])+/, ''));

export async function serve({ page, pkgDir, root, flinkUrl }) {
  const flink = new URL(flinkUrl);
  const server = createServer(async (req, res) => {
    if (req.url.startsWith('/api/')) {
      const upstream = request(
        { host: flink.hostname, port: flink.port, method: req.method, path: req.url.slice(4), headers: { ...req.headers, host: flink.host } },
        (answer) => res.writeHead(answer.statusCode, answer.headers) && answer.pipe(res),
      );
      upstream.on('error', (e) => res.writeHead(502).end(String(e)));
      return req.pipe(upstream);
    }
    try {
      const file = root
        ? inside(root, req.url === '/' ? '/index.html' : req.url)
        : req.url === '/' ? page : req.url.startsWith('/pkg/') ? inside(pkgDir, req.url.slice(4)) : null;
      if (!file) throw new Error('not found');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => (server.closeAllConnections(), server.close()) };
}
