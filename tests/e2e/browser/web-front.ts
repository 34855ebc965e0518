import { getRequestListener } from '@hono/node-server';
import { spawnSync } from 'node:child_process';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Hono } from 'hono';
import { mountWebApps } from '../../../hub/http/web-apps.js';
import { staleReason } from '../../../scripts/build-web-if-stale.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Builds web-ui/dist if it is missing or older than its sources (as `npm start` does). */
export function ensureWebBuild(): void {
  if (staleReason(ROOT) === null) return;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-web-if-stale.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`web-ui build failed:\n${result.stdout}\n${result.stderr}`);
}

export interface WebFront {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The origin the browser opens. Once the hub mounts the web apps itself (mountWebApps in hub.ts) this is
 * the hub; until then a small front server mounts them the same way and passes /api and the /mqtt
 * WebSocket through to the real hub process, so the browser still sees one origin and a real hub.
 */
export async function webFront(hubBaseUrl: string): Promise<WebFront> {
  const probe = await fetch(`${hubBaseUrl}/till/`);
  if (probe.ok && (probe.headers.get('content-type') ?? '').startsWith('text/html')) {
    return { baseUrl: hubBaseUrl, close: () => Promise.resolve() };
  }
  const hub = new URL(hubBaseUrl);
  const apps = new Hono();
  mountWebApps(apps);
  const serveApps = getRequestListener(apps.fetch);
  const server: Server = createServer((req, res) => {
    if (!(req.url ?? '').startsWith('/api/')) {
      void serveApps(req, res);
      return;
    }
    const upstream = request(
      { host: hub.hostname, port: hub.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    // The hub is gone: answer as a gateway would, with no hub error body.
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('Bad gateway');
    });
    req.pipe(upstream);
  });
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    const upstream = connect(Number(hub.port), hub.hostname, () => {
      const headers = Object.entries(req.headers)
        .flatMap(([k, v]) =>
          Array.isArray(v) ? v.map((x) => `${k}: ${x}`) : v === undefined ? [] : [`${k}: ${v}`],
        )
        .join('\r\n');
      upstream.write(`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1\r\n${headers}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
