import type { Env, Hono } from 'hono';
import type { EReceipts } from '../services/receipts/e-receipts.js';

// No scripts at all; the page's own inline styles; the QR code from this origin only.
const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// A completed receipt does not change, and only the holder of the URL may see it: the phone may keep it,
// shared caches may not. A 404 is never kept (the receipt may exist a moment later, or the link be fixed).
const FOUND_CACHE = 'private, max-age=3600';
const MISSING_CACHE = 'no-store';

const COMMON = {
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
};

/**
 * The public e-receipt at /r/<code>?t=<token> and its QR code at /r/<code>/qr.svg?t=<token>: no login,
 * the token is the key. An unknown code and a wrong token get the very same 404 page, so the answer
 * says nothing about which receipt numbers exist.
 */
export function mountReceiptPages<E extends Env>(app: Hono<E>, receipts: EReceipts): void {
  app.get('/r/:code', (c) => {
    const page = receipts.page(c.req.param('code'), c.req.query('t') ?? '');
    return c.html(page.html, page.status, {
      ...COMMON,
      'cache-control': page.status === 200 ? FOUND_CACHE : MISSING_CACHE,
      'content-security-policy': PAGE_CSP,
    });
  });
  app.get('/r/:code/qr.svg', (c) => {
    const svg = receipts.qrSvg(c.req.param('code'), c.req.query('t') ?? '');
    if (svg === null) {
      return c.html(receipts.notFoundHtml(), 404, {
        ...COMMON,
        'cache-control': MISSING_CACHE,
        'content-security-policy': PAGE_CSP,
      });
    }
    return c.body(svg, 200, {
      ...COMMON,
      'content-type': 'image/svg+xml',
      'cache-control': FOUND_CACHE,
      'content-security-policy': "default-src 'none'",
    });
  });
}
