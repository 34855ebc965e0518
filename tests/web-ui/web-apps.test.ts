import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountWebApps } from '../../hub/http/web-apps.js';

describe('the web apps served by the hub', () => {
  let dist: string;
  let app: Hono;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    for (const name of ['till', 'display', 'admin']) {
      mkdirSync(join(dist, name));
      writeFileSync(join(dist, name, 'index.html'), `<!doctype html><title>${name}</title>`);
    }
    writeFileSync(join(dist, 'till', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'till-Ab12.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'till-Ab12.css'), 'body{}');
    writeFileSync(join(dist, '.built'), 'secret-ish');
    app = new Hono();
    app.get('/api/v1/health', (c) => c.json({ ok: true }));
    mountWebApps(app, { distDir: dist });
  });
  afterAll(() => {
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves each app at its path, with and without the slash, revalidated on every load', async () => {
    for (const path of ['/till', '/till/', '/display/', '/admin']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
    expect(await (await app.request('/display/')).text()).toContain('<title>display</title>');
  });

  it('answers client routes with the app index.html', async () => {
    const response = await app.request('/till/login/some/deep/route');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>till</title>');
  });

  it('serves hashed assets with their type and a year of caching', async () => {
    const js = await app.request('/assets/till-Ab12.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const css = await app.request('/assets/till-Ab12.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await app.request('/till/icon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the build, nor dotfiles', async () => {
    expect((await app.request('/assets/..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await app.request('/assets/..%5c..%5cpackage.json')).status).toBe(404);
    const dot = await app.request('/till/..%2f.built');
    expect(await dot.text()).not.toContain('secret-ish');
  });

  it('leaves the API alone and sends / to the till', async () => {
    expect(await (await app.request('/api/v1/health')).json()).toEqual({ ok: true });
    const root = await app.request('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/till/');
  });

  it('says how to build when the build is missing', async () => {
    const bare = new Hono();
    mountWebApps(bare, { distDir: join(dist, 'nope') });
    const response = await bare.request('/till/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
  });
});
