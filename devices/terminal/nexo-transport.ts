import { request } from 'node:https';
import { z } from 'zod';
import { stringifyWithDecimals } from './nexo-amount.js';
import { open, seal, type NexoKey, type SecuredMessage } from './nexo-crypto.js';

/**
 * One nexo exchange over HTTPS on the LAN: seal, POST /nexo, open. TLS is always verified against the
 * terminal's CA (the store's terminals present certificates we are given at set-up); there is no switch
 * to turn verification off.
 */
export interface NexoEndpoint {
  host: string;
  port: number;
  /** PEM of the CA (or the terminal's own certificate) that signs the terminal's TLS certificate. */
  ca: string;
  /** Name the certificate is issued to, when it is not the host. */
  servername?: string;
  key: NexoKey;
}

export type ExchangeResult =
  | { ok: true; plaintext: string }
  | { ok: false; sent: boolean; reason: string }
  /** The terminal accepted the request and answered with no body (Abort does). */
  | { ok: true; plaintext: null };

const SecuredEnvelopeSchema = z.object({
  SaleToPOIResponse: z.object({
    MessageHeader: z.record(z.string(), z.unknown()),
    NexoBlob: z.string(),
    SecurityTrailer: z.object({
      AdyenCryptoVersion: z.number(),
      KeyIdentifier: z.string(),
      KeyVersion: z.number(),
      Nonce: z.string(),
      Hmac: z.string(),
    }),
  }),
});

export function exchange(
  endpoint: NexoEndpoint,
  message: Record<string, unknown>,
  timeoutMs: number,
): Promise<ExchangeResult> {
  const inner = message.SaleToPOIRequest as { MessageHeader: Record<string, unknown> };
  const secured: SecuredMessage = seal(inner.MessageHeader, stringifyWithDecimals(message), endpoint.key);
  const body = JSON.stringify({ SaleToPOIRequest: secured });
  return new Promise((resolve) => {
    let sent = false;
    const req = request(
      {
        host: endpoint.host,
        port: endpoint.port,
        path: '/nexo',
        method: 'POST',
        ca: endpoint.ca,
        servername: endpoint.servername ?? endpoint.host,
        rejectUnauthorized: true,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => {
          resolve({ ok: false, sent: true, reason: `response broke off: ${error.message}` });
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) {
            resolve({ ok: false, sent: true, reason: `terminal answered HTTP ${res.statusCode ?? 0}` });
            return;
          }
          if (text.trim() === '' || text.trim() === 'ok') {
            resolve({ ok: true, plaintext: null });
            return;
          }
          try {
            const parsed = SecuredEnvelopeSchema.parse(JSON.parse(text));
            resolve({ ok: true, plaintext: open(parsed.SaleToPOIResponse, endpoint.key) });
          } catch (error) {
            resolve({ ok: false, sent: true, reason: `unreadable reply: ${(error as Error).message}` });
          }
        });
      },
    );
    // 'sent' tells a caller whether the terminal may have acted: once the body is written it might have.
    req.on('finish', () => {
      sent = true;
    });
    req.on('error', (error) => {
      resolve({
        ok: false,
        sent,
        reason: error.name === 'TimeoutError' ? 'no answer in time' : error.message,
      });
    });
    req.end(body);
  });
}
