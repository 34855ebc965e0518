import type { HubApiClient } from './client.js';
import { object, oneOf, optionalString, string } from './decode.js';

/** A completed sale's receipt as the till offers it: its number, the e-receipt page and its QR code. */
export interface EReceipt {
  saleId: string;
  receiptCode: string;
  /** The public receipt page; null when the store has no public address. */
  url: string | null;
  /** Same-origin path of the QR code (SVG), for an <img>. */
  qrPath: string | null;
  /** The original was printed: printing again gives a COPY. */
  printed: boolean;
  emailConfigured: boolean;
}

function flag(o: Readonly<Record<string, unknown>>, key: string): boolean {
  return o[key] === true;
}

export function decodeEReceipt(value: unknown): EReceipt {
  const o = object(value, 'eReceipt');
  return {
    saleId: string(o, 'saleId', 'eReceipt'),
    receiptCode: string(o, 'receiptCode', 'eReceipt'),
    url: optionalString(o, 'url', 'eReceipt'),
    qrPath: optionalString(o, 'qrPath', 'eReceipt'),
    printed: flag(o, 'printed'),
    emailConfigured: flag(o, 'emailConfigured'),
  };
}

export async function getEReceipt(api: HubApiClient, saleId: string): Promise<EReceipt> {
  return decodeEReceipt(await api.request(`/sales/${encodeURIComponent(saleId)}/e-receipt`));
}

/** Prints on this till's printer: the original if the sale never had one, else a COPY. */
export async function printReceipt(api: HubApiClient, saleId: string): Promise<{ kind: 'receipt' | 'copy' }> {
  const job = object(
    await api.request(`/sales/${encodeURIComponent(saleId)}/print`, { method: 'POST' }),
    'printJob',
  );
  return { kind: oneOf(job, 'kind', ['receipt', 'copy'], 'printJob') };
}

/** Mails the receipt; the hub answers once its mail server took the message (up to ~30 s). */
export async function emailReceipt(api: HubApiClient, saleId: string, to: string): Promise<void> {
  await api.request(`/sales/${encodeURIComponent(saleId)}/email`, {
    method: 'POST',
    body: { to },
    timeoutMs: 40_000,
  });
}
