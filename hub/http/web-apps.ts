import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context, Env, Hono } from 'hono';
import { escapeHtml } from '../domain/html-escape.js';

/** The browser apps built by Vite into web-ui/dist, each served under its own path. */
export const WEB_APPS = ['till', 'display', 'admin'] as const;
export type WebApp = (typeof WEB_APPS)[number];

export const DEFAULT_WEB_DIST = resolve(import.meta.dirname, '..', '..', 'web-ui', 'dist');

export interface WebAppsOptions {
  /** Where the build is; defaults to web-ui/dist in this checkout. */
  distDir?: string;
  /** Redirect `/` to `/till/` (the address the console prints for a newcomer). */
  redirectRoot?: boolean;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

// Vite puts a content hash in every file name under assets/, so a name never changes meaning: cache it
// for a year. HTML must be revalidated on every load so a hub upgrade reaches tills at once.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

// The apps load only their own scripts and styles and talk to this origin (REST and MQTT over WebSocket).
// Lit falls back to <style> elements where adoptedStyleSheets is missing, hence 'unsafe-inline' for styles.
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  // mqtt.js runs its keep-alive timers in a worker made from a blob: URL, so background tabs keep the
  // connection (browsers throttle timers in hidden pages).
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves the built web apps on the hub's HTTP server: /till, /display and /admin (each app's index.html
 * for any client route below it), the shared hashed files under /assets/, and a page that says how to
 * build when web-ui/dist is missing. Mount it after the API so /api/v1 keeps its own 404s.
 */
export function mountWebApps<E extends Env>(app: Hono<E>, options: WebAppsOptions = {}): void {
  const dist = resolve(options.distDir ?? DEFAULT_WEB_DIST);

  app.get('/assets/*', async (c) => {
    const file = await existingFile(dist, c.req.path);
    if (file === null) return c.text('Not found', 404);
    return sendFile(c, file, IMMUTABLE);
  });

  for (const name of WEB_APPS) {
    const handler = async (c: Context<E>) => {
      const index = join(dist, name, 'index.html');
      if (!(await isFile(index))) return missingBuild(c, dist);
      // A real file of the app (an icon, a manifest) is sent as itself; anything else is a client route.
      const file = c.req.path.startsWith(`/${name}/`) ? await existingFile(dist, c.req.path) : null;
      if (file !== null && file !== index) return sendFile(c, file, REVALIDATE);
      return sendFile(c, index, REVALIDATE);
    };
    app.get(`/${name}`, handler);
    app.get(`/${name}/*`, handler);
  }

  if (options.redirectRoot ?? true) app.get('/', (c) => c.redirect('/till/', 302));
}

/** The file a URL path names inside dist, or null: no dot-dot escapes, no directories, no dotfiles. */
async function existingFile(dist: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return null;
  const file = resolve(dist, ...segments);
  if (!file.startsWith(dist + sep)) return null;
  return (await isFile(file)) ? file : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function sendFile<E extends Env>(c: Context<E>, file: string, cacheControl: string): Promise<Response> {
  const body = await readFile(file);
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
  };
  if (type.startsWith('text/html')) headers['content-security-policy'] = APP_CSP;
  return c.body(new Uint8Array(body), 200, headers);
}

function missingBuild<E extends Env>(c: Context<E>, dist: string): Response {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Web apps not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#16202b}
code{background:#eef1f5;padding:0.1rem 0.3rem;border-radius:4px}</style></head>
<body><h1>The web apps are not built yet</h1>
<p>The hub is running and its API answers at <code>/api/v1</code>, but the till, display and admin pages
have not been built in this checkout (<code>${escapeHtml(dist)}</code> is missing).</p>
<p>Run <code>npm run build:web</code> on the hub PC, then reload this page. <code>npm install</code> and
<code>npm start</code> normally do this for you; if they did not, their output says why.</p></body></html>`;
  return c.html(page, 503, { 'cache-control': 'no-store', 'retry-after': '30' });
}
