// Static server for the demo helpdesk (/tickets…) and the saved helpdesk fixture pages (/fixtures/…),
// on loopback only. Used by `npm start`, the e2e tests and the bench.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };

function resolvePath(pathname) {
  if (pathname === '/' || pathname.startsWith('/tickets')) return join(root, 'demo/helpdesk/index.html');
  if (pathname.startsWith('/demo/')) return join(root, 'demo/helpdesk', normalize(pathname.slice('/demo/'.length)));
  if (pathname.startsWith('/fixtures/')) return join(root, 'test/fixtures', normalize(pathname.slice('/fixtures/'.length)));
  return undefined;
}

export function startServer(port = 0) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Fixture pages are addressed by their real path shape after a /fixtures/<helpdesk>/<file> prefix
    // is not enough for SPA routes, so `?page=` lets a test open any saved page under any path.
    const page = url.searchParams.get('page');
    const file = page ? join(root, 'test/fixtures', normalize(page)) : resolvePath(url.pathname);
    if (!file || !file.startsWith(root)) return void res.writeHead(404).end('not found');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, port: server.address().port, origin: `http://127.0.0.1:${server.address().port}` })));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { origin } = await startServer(Number(process.env.PORT ?? 4173));
  console.log(`demo helpdesk on ${origin}/tickets`);
}
