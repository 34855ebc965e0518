// One whole sale at a till over HTTP, as a till app makes it: open the sale with its lines, pay the
// amount due in cash, complete. Shared by the sale and memory benchmarks.
import { newId } from '../../hub/ids.js';
import type { TillClient } from './http-client.js';
import { elapsedMs } from './stats.js';

export interface SaleShape {
  productIds: readonly string[];
  cashTenderId: string;
  lines: number;
}

export interface SaleTiming {
  /** create + pay + complete */
  totalMs: number;
  completeMs: number;
}

interface SaleBody {
  id: string;
  status: string;
  totals: { dueMinor: number; toPayMinor: number };
}

/** Sells random products (quantity 1-3) for cash; throws unless the hub answers 'completed'. */
export async function sellOne(client: TillClient, shape: SaleShape, rand: () => number): Promise<SaleTiming> {
  const lines = Array.from({ length: shape.lines }, () => ({
    id: newId(),
    productId: shape.productIds[rand() % shape.productIds.length] ?? '',
    quantity: 1 + (rand() % 3),
  }));
  const start = process.hrtime.bigint();
  const sale = await client.call<SaleBody>('POST', '/sales', { id: newId(), lines });
  await client.call('POST', `/sales/${sale.id}/payments`, {
    id: newId(),
    tenderId: shape.cashTenderId,
    amountMinor: sale.totals.dueMinor,
  });
  const completeStart = process.hrtime.bigint();
  const done = await client.call<SaleBody>('POST', `/sales/${sale.id}/complete`);
  const completeMs = elapsedMs(completeStart);
  const totalMs = elapsedMs(start);
  if (done.status !== 'completed') throw new Error(`sale ${sale.id} is ${done.status} after complete`);
  return { totalMs, completeMs };
}
