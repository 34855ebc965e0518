import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Build tooling for the web apps; it runs in Node, so it has its own tsconfig (Node types, no DOM).
const root = fileURLToPath(new URL('..', import.meta.url));
const hub = process.env.HUB_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  // Absolute base: the hub serves each app's index.html for any client route under /till, /display or
  // /admin, so asset URLs must not depend on the depth of the address the page was opened at.
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Shared chunks (Lit, the API client, i18n) are hashed once under /assets/ and cached for a year.
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        till: fileURLToPath(new URL('../till/index.html', import.meta.url)),
        display: fileURLToPath(new URL('../display/index.html', import.meta.url)),
        admin: fileURLToPath(new URL('../admin/index.html', import.meta.url)),
      },
    },
  },
  // `npm run dev:web` talks to a running hub (HUB_URL) for the API and MQTT, same paths as in production.
  server: {
    proxy: {
      '/api': { target: hub, changeOrigin: true },
      '/mqtt': { target: hub, ws: true, changeOrigin: true },
    },
  },
});
