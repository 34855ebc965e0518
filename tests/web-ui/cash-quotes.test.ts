import { describe, expect, it } from 'vitest';
import type { CashQuote } from '../../web-ui/shared/api/payment-endpoints.js';
import { HubUnreachableError } from '../../web-ui/shared/api/errors.js';
import type { SaleView } from '../../web-ui/shared/api/sales-endpoints.js';
import { CashQuotes, QUOTE_SETTLE_MS } from '../../web-ui/till/selling/pay/cash-quotes.js';
import { emptyCart } from '../../web-ui/till/selling/cart-state.js';
import { hubView } from './hub-sale-view.js';

/** Timers run by hand, so the test says exactly when the cart has rested. */
function clock() {
  let next = 1;
  const timers = new Map<number, { run: () => void; ms: number }>();
  return {
    setTimeout: (run: () => void, ms: number) => {
      timers.set(next, { run, ms });
      return next++;
    },
    clearTimeout: (handle: unknown) => {
      timers.delete(handle as number);
    },
    pending: () => [...timers.values()],
    fire: async () => {
      const all = [...timers.values()];
      timers.clear();
      for (const t of all) t.run();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

function sale(id: string, dueMinor: number): SaleView {
  const view = hubView(emptyCart(id), 1);
  return { ...view, totals: { ...view.totals, dueMinor } };
}

function quote(dueMinor: number): CashQuote {
  return { dueMinor, cashDueMinor: dueMinor, roundingMinor: 0, quickTendersMinor: [dueMinor + 100] };
}

describe('cash quotes fetched while the cart rests', () => {
  it('asks once after a burst of changes, and only for the rest it was made for', async () => {
    const timers = clock();
    const asked: string[] = [];
    const quotes = new CashQuotes({
      ...timers,
      fetch: (saleId) => {
        asked.push(saleId);
        return Promise.resolve(quote(4500));
      },
    });
    quotes.saleChanged(sale('s1', 1500));
    quotes.saleChanged(sale('s1', 3000));
    quotes.saleChanged(sale('s1', 4500));
    expect(timers.pending()).toHaveLength(1);
    expect(timers.pending()[0]?.ms).toBe(QUOTE_SETTLE_MS);
    await timers.fire();
    expect(asked).toEqual(['s1']);
    expect(quotes.forSale('s1', 4500)?.quickTendersMinor).toEqual([4600]);
    // Another rest due, or another sale: the held quote does not count.
    expect(quotes.forSale('s1', 4400)).toBeNull();
    expect(quotes.forSale('s2', 4500)).toBeNull();
    // The same rest again needs no new question.
    quotes.saleChanged(sale('s1', 4500));
    expect(timers.pending()).toHaveLength(0);
  });

  it('keeps nothing when the hub does not answer, and takes the pay screen’s own quote', async () => {
    const timers = clock();
    const quotes = new CashQuotes({
      ...timers,
      fetch: () => Promise.reject(new HubUnreachableError('network', 'down')),
    });
    quotes.saleChanged(sale('s1', 2000));
    await timers.fire();
    expect(quotes.forSale('s1', 2000)).toBeNull();
    quotes.remember('s1', quote(2000));
    expect(quotes.forSale('s1', 2000)?.dueMinor).toBe(2000);
  });

  it('asks nothing for a sale with nothing due, and nothing after stop', async () => {
    const timers = clock();
    let asked = 0;
    const quotes = new CashQuotes({
      ...timers,
      fetch: () => {
        asked += 1;
        return Promise.resolve(quote(0));
      },
    });
    quotes.saleChanged(sale('s1', 0));
    quotes.saleChanged(null);
    expect(timers.pending()).toHaveLength(0);
    quotes.saleChanged(sale('s1', 900));
    quotes.stop();
    expect(timers.pending()).toHaveLength(0);
    await timers.fire();
    expect(asked).toBe(0);
  });
});
