import { newId } from '../../hub/ids.js';
import type { ApiAnswer, DemoHub } from './demo-hub.js';

// Selling helpers for the gift-card and loyalty tests against the demo hub: the cashier's calls as a till
// makes them, and the admin's set-up (tenders, gift-card products) as the admin pages make them.

export interface SaleAnswer {
  id: string;
  status: string;
  customerId: string | null;
  totals: { totalMinor: number; dueMinor: number };
  receipt: { code: string } | null;
  lines: { id: string; productId: string; totalMinor: number }[];
  payments: {
    id: string;
    status: string;
    tenderKind: string;
    reference: string | null;
    amountMinor: number;
  }[];
}

export interface SaleLineInput {
  productId: string;
  quantity?: number;
  unitPriceMinor?: number;
  note?: string;
}

/** The admin's calls: the session cookie and CSRF token of the demo manager. */
export function asAdmin(demo: DemoHub, path: string, method = 'GET', body?: unknown): Promise<ApiAnswer> {
  return demo.api(path, { method, ...(body === undefined ? {} : { body }), headers: demo.admin });
}

/** The id of an enabled tender of the kind, created by the admin when the store has none. */
export async function tenderOfKind(demo: DemoHub, kind: string, name: string): Promise<string> {
  const list = await demo.api('/tenders?limit=100');
  const found = (list.body.items as { id: string; kind: string }[]).find((t) => t.kind === kind);
  if (found) return found.id;
  const made = await asAdmin(demo, '/tenders', 'POST', { kind, name });
  if (made.status !== 201 && made.status !== 200) throw new Error(`tender: ${JSON.stringify(made.body)}`);
  return String(made.body.id);
}

/** The demo catalogue's products by barcode index: [id, price]. */
export async function demoProduct(demo: DemoHub, index: number): Promise<{ id: string; priceMinor: number }> {
  const code = demo.hub.modules.demo!.sampleBarcodes[index]!;
  const found = await demo.api(`/products/lookup?code=${code}`);
  const product = found.body.product as { id: string; priceMinor: number };
  return { id: product.id, priceMinor: product.priceMinor };
}

export async function openSale(
  demo: DemoHub,
  lines: SaleLineInput[],
  customerId: string | null = null,
): Promise<SaleAnswer> {
  const res = await demo.api('/sales', {
    method: 'POST',
    body: { id: newId(), customerId, lines: lines.map((l) => ({ id: newId(), ...l })) },
  });
  if (res.status !== 201) throw new Error(`sale: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as unknown as SaleAnswer;
}

export function pay(
  demo: DemoHub,
  saleId: string,
  tenderId: string,
  amountMinor: number,
  reference?: string,
): Promise<ApiAnswer> {
  return demo.api(`/sales/${saleId}/payments`, {
    method: 'POST',
    body: { id: newId(), tenderId, amountMinor, ...(reference === undefined ? {} : { reference }) },
  });
}

export function complete(demo: DemoHub, saleId: string): Promise<ApiAnswer> {
  return demo.api(`/sales/${saleId}/complete`, { method: 'POST', body: {} });
}

/** Opens, pays in cash and completes a sale; returns the completed sale. */
export async function sellWithCash(
  demo: DemoHub,
  cashTender: string,
  lines: SaleLineInput[],
  customerId: string | null = null,
): Promise<SaleAnswer> {
  const sale = await openSale(demo, lines, customerId);
  const paid = await pay(demo, sale.id, cashTender, sale.totals.dueMinor);
  if (paid.status !== 201) throw new Error(`cash: ${paid.status} ${JSON.stringify(paid.body)}`);
  const done = await complete(demo, sale.id);
  if (done.status !== 200) throw new Error(`complete: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body as unknown as SaleAnswer;
}

export function errorCode(answer: ApiAnswer): string | undefined {
  return (answer.body.error as { code?: string } | undefined)?.code;
}
