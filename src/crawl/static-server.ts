// A static file server on the loopback interface, for the bundled sample site
// (`newsmine demo`) and the tests' replicas. It answers like a plain web server:
// ETag and Last-Modified, 304 on a matching conditional request, 404 otherwise.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extname, join, normalize, sep } from 'node:path';

export interface RunningServer {
  origin: string;
  server: Server;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.htm': 'text/html', '.html': 'text/html', '.txt': 'text/plain', '.pdf': 'application/pdf', '.css': 'text/css',
};

/** Serves `root` on 127.0.0.1 at an ephemeral port. `extra` may answer a request first (tests' special routes). */
export async function serveDirectory(root: string, extra?: (req: IncomingMessage, res: ServerResponse) => boolean): Promise<RunningServer> {
  const server = createServer((req, res) => {
    if (extra && extra(req, res)) return;
    serveFile(root, req, res);
  });
  return listen(server);
}

export async function listen(server: Server): Promise<RunningServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

export function serveFile(root: string, req: IncomingMessage, res: ServerResponse): void {
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
    res.writeHead(403).end();
    return;
  }
  let body: Buffer;
  let mtime: Date;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    body = readFileSync(file);
    mtime = st.mtime;
  } catch {
    res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404 Not Found</body></html>');
    return;
  }
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  const lastModified = new Date(Math.floor(mtime.getTime() / 1000) * 1000).toUTCString();
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag, 'last-modified': lastModified }).end();
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': body.length,
    etag,
    'last-modified': lastModified,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
