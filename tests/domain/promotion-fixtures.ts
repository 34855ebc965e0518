import type { Promotion } from '../../hub/domain/promotions/index.js';

/** A campaign running since 1 November 2026 with no end, code or customer condition, named by its id. */
export function promo(partial: Partial<Promotion> & Pick<Promotion, 'id' | 'rule' | 'target'>): Promotion {
  return {
    name: partial.id,
    startsAt: '2026-11-01T00:00:00Z',
    endsAt: null,
    couponCode: null,
    customersOnly: false,
    priority: 0,
    ...partial,
  };
}
