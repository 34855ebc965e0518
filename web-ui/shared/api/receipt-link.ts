import type { HubApiClient } from './client.js';
import { object, optionalString } from './decode.js';

/** A completed sale's e-receipt: the public page and the same-origin path of its QR code (SVG). */
export interface ReceiptLink {
  url: string | null;
  qrPath: string | null;
}

/** GET /sales/{id}/e-receipt: both null when the store has no public address for receipts. */
export async function receiptLink(api: HubApiClient, saleId: string): Promise<ReceiptLink> {
  const o = object(await api.request(`/sales/${encodeURIComponent(saleId)}/e-receipt`), 'eReceipt');
  return { url: optionalString(o, 'url', 'eReceipt'), qrPath: optionalString(o, 'qrPath', 'eReceipt') };
}
