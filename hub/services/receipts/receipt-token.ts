// The receipt QR code is a URL anyone holding the paper can open, and nobody can guess from a receipt
// number: /r/<code>?t=<token>, the token an HMAC-SHA256 of the sale id under the store's secret,
// truncated to 128 bits and base64url encoded.
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN_BYTES = 16;

function mac(saleId: string, secret: string | Uint8Array): Buffer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (key.length < 16) throw new RangeError('The receipt token secret must be at least 16 bytes');
  return createHmac('sha256', key).update(saleId, 'utf8').digest().subarray(0, TOKEN_BYTES);
}

/** The token for a sale: 22 base64url characters. */
export function makeReceiptToken(saleId: string, secret: string | Uint8Array): string {
  return mac(saleId, secret).toString('base64url');
}

/** True when `token` is the sale's token (constant-time comparison). */
export function verifyReceiptToken(saleId: string, token: string, secret: string | Uint8Array): boolean {
  if (!/^[A-Za-z0-9_-]{22}$/.test(token)) return false;
  // Compared as text: base64url has several spellings of the same last bits, only the canonical one counts.
  const given = Buffer.from(token, 'ascii');
  const expected = Buffer.from(makeReceiptToken(saleId, secret), 'ascii');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `${publicBaseUrl}/r/${code}?t=${token}`, or null when the store has no public URL. */
export function receiptUrl(
  publicBaseUrl: string | undefined | null,
  receiptCode: string,
  saleId: string,
  secret: string | Uint8Array,
): string | null {
  if (publicBaseUrl === undefined || publicBaseUrl === null || publicBaseUrl === '') return null;
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `${base}/r/${encodeURIComponent(receiptCode)}?t=${makeReceiptToken(saleId, secret)}`;
}
