import { defineMachine } from '../../domain/state-machine.js';
import type { SaleStatus } from '../../db/sales-queries.js';
import { ConflictError } from '../../errors.js';

export type SaleEvent = 'park' | 'recall' | 'complete' | 'void';

/**
 * A parked sale can be voided without recalling it first (a basket abandoned at the counter); completed
 * and voided are final. A return is created open and completes once its refunds are through.
 */
export const saleMachine = defineMachine<SaleStatus, SaleEvent>({
  open: { park: 'parked', complete: 'completed', void: 'voided' },
  parked: { recall: 'open', void: 'voided' },
  completed: {},
  voided: {},
});

/** The next status, or a 409 naming the current one (the till's view of the sale is out of date). */
export function saleTransition(saleId: string, from: SaleStatus, event: SaleEvent): SaleStatus {
  const t = saleMachine.next(from, event);
  if (!t.ok) {
    throw new ConflictError(
      `Sale ${saleId} is ${from}; cannot ${event} it`,
      { saleId, status: from, event },
      'SALE_STATE',
    );
  }
  return t.to;
}
