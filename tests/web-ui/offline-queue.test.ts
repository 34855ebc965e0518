import { describe, expect, it } from 'vitest';
import { HubApiError, HubUnreachableError } from '../../web-ui/shared/api/errors.js';
import type { PaymentInput } from '../../web-ui/shared/api/sales-endpoints.js';
import { CompletionQueue, type CompletionApi } from '../../web-ui/till/offline/completion-queue.js';
import { offlineCash } from '../../web-ui/till/offline/offline-cash.js';
import {
  completed,
  due,
  enqueue,
  failed,
  parseQueue,
  retryAllNow,
} from '../../web-ui/till/offline/pending-completions.js';

const cash = (id: string, amountMinor = 6585, tenderedMinor?: number): PaymentInput => ({
  id,
  tenderId: 'cash',
  amountMinor,
  ...(tenderedMinor === undefined ? {} : { tenderedMinor }),
});

describe('the queue of sales paid while the hub was away (pure)', () => {
  it('holds one entry per sale and one per payment id, however often the same sale is queued', () => {
    let q = enqueue([], 'sale-1', [cash('pay-1')], 1_000);
    q = enqueue(q, 'sale-1', [cash('pay-1')], 2_000);
    expect(q).toHaveLength(1);
    expect(q[0]?.payments.map((p) => p.id)).toEqual(['pay-1']);
    q = enqueue(q, 'sale-1', [cash('pay-1'), cash('pay-2', 100)], 3_000);
    expect(q[0]?.payments.map((p) => p.id)).toEqual(['pay-1', 'pay-2']);
    q = enqueue(q, 'sale-2', [cash('pay-3')], 4_000);
    expect(q.map((p) => p.saleId)).toEqual(['sale-1', 'sale-2']);
  });

  it('backs off after each failure, keeps a refusal to show, and leaves only when completed', () => {
    let q = enqueue([], 'sale-1', [cash('pay-1')], 0);
    expect(due(q, 0).map((p) => p.saleId)).toEqual(['sale-1']);
    q = failed(q, 'sale-1', 0, null);
    expect(due(q, 1_999)).toEqual([]);
    expect(due(q, 2_000)).toHaveLength(1);
    q = failed(q, 'sale-1', 2_000, 'Open a cash session first');
    expect(q[0]).toMatchObject({ attempts: 2, nextAttemptAt: 6_000, problem: 'Open a cash session first' });
    q = retryAllNow(q, 2_500);
    expect(due(q, 2_500)).toHaveLength(1);
    expect(completed(q, 'sale-1')).toEqual([]);
  });

  it('sends the oldest first', () => {
    const q = enqueue(enqueue([], 'b', [cash('2')], 20), 'a', [cash('1')], 10);
    expect(due(q, 100).map((p) => p.saleId)).toEqual(['a', 'b']);
  });

  it('survives a damaged store: bad JSON or bad entries are dropped, good ones kept', () => {
    const good = enqueue([], 'sale-1', [cash('pay-1', 6585, 10000)], 5);
    expect(parseQueue(JSON.stringify(good))).toEqual(good);
    expect(parseQueue('{not json')).toEqual([]);
    expect(parseQueue(null)).toEqual([]);
    expect(parseQueue(JSON.stringify([{ saleId: 'x' }, ...good]))).toEqual(good);
    expect(parseQueue(JSON.stringify([{ ...good[0], payments: [{ id: 'p', amountMinor: 1.5 }] }]))).toEqual(
      [],
    );
  });
});

/** A hub that records what it was sent and answers as scripted: unreachable until `up`. */
class FakeHub implements CompletionApi {
  up = false;
  refuse: HubApiError | null = null;
  readonly payments = new Map<string, PaymentInput>();
  readonly completedSales = new Set<string>();
  readonly calls: string[] = [];

  pay(saleId: string, payment: PaymentInput): Promise<unknown> {
    this.calls.push(`pay ${saleId} ${payment.id}`);
    if (!this.up) return Promise.reject(new HubUnreachableError('network', 'down'));
    if (this.completedSales.has(saleId) && !this.payments.has(payment.id)) {
      return Promise.reject(new HubApiError(409, 'SALE_STATE', 'completed', {}));
    }
    this.payments.set(payment.id, payment);
    return Promise.resolve({});
  }

  complete(saleId: string): Promise<unknown> {
    this.calls.push(`complete ${saleId}`);
    if (!this.up) return Promise.reject(new HubUnreachableError('network', 'down'));
    if (this.refuse) return Promise.reject(this.refuse);
    this.completedSales.add(saleId);
    return Promise.resolve({});
  }
}

function harness(initial: Map<string, string> = new Map()) {
  const backing = initial;
  const storage = {
    getItem: (k: string) => backing.get(k) ?? null,
    setItem: (k: string, v: string) => void backing.set(k, v),
    removeItem: (k: string) => void backing.delete(k),
  };
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  const hub = new FakeHub();
  const queue = new CompletionQueue(storage, hub, {
    now: () => now,
    setTimeout: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      const i = timers.indexOf(handle as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
    describe: (error) => error.message,
  });
  /** Moves the clock and runs the timers that fall due, then lets their promises settle. */
  const advance = async (ms: number) => {
    now += ms;
    for (const timer of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
    await settle();
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { backing, storage, hub, queue, advance, settle };
}

describe('sending queued sales to the hub (runner with a scripted hub)', () => {
  it('keeps a sale paid while the hub is away and completes it once, with the same ids, when it is back', async () => {
    const { hub, queue, advance, settle, backing } = harness();
    queue.add('sale-1', [cash('pay-1', 6585, 10000)]);
    await settle();
    expect(queue.pending).toHaveLength(1);
    // Stored before anyone is told the sale is done: a reload finds it.
    expect(parseQueue(backing.get('store-hub.till.pending-completions') ?? null)).toHaveLength(1);

    await advance(2_000);
    await advance(4_000);
    expect(hub.completedSales.size).toBe(0);
    hub.up = true;
    queue.retryNow();
    await settle();
    expect(queue.pending).toEqual([]);
    expect([...hub.completedSales]).toEqual(['sale-1']);
    expect([...hub.payments.values()]).toEqual([cash('pay-1', 6585, 10000)]);
    expect(backing.has('store-hub.till.pending-completions')).toBe(false);
  });

  it('resumes after a reload from what was stored', async () => {
    const first = harness();
    first.queue.add('sale-9', [cash('pay-9')]);
    await first.settle();
    first.queue.stop();
    const second = harness(first.backing);
    expect(second.queue.pending.map((p) => p.saleId)).toEqual(['sale-9']);
    second.hub.up = true;
    // The app asks at start, as it does whenever the hub comes back.
    second.queue.retryNow();
    await second.settle();
    expect([...second.hub.completedSales]).toEqual(['sale-9']);
  });

  it('treats a sale the hub already completed (the answer was lost) as done, not as a new one', async () => {
    const { hub, queue, settle } = harness();
    hub.up = true;
    hub.completedSales.add('sale-1');
    queue.add('sale-1', [cash('pay-lost')]);
    await settle();
    expect(queue.pending).toEqual([]);
    expect(hub.payments.size).toBe(0);
  });

  it('keeps a refused sale with the hub’s reason and tries again later, never dropping it', async () => {
    const { hub, queue, settle, advance } = harness();
    hub.up = true;
    hub.refuse = new HubApiError(422, 'CASH_SESSION_REQUIRED', 'Open a cash session', {});
    queue.add('sale-1', [cash('pay-1')]);
    await settle();
    expect(queue.pending[0]).toMatchObject({ saleId: 'sale-1', problem: 'Open a cash session', attempts: 1 });
    hub.refuse = null;
    await advance(2_000);
    expect(queue.pending).toEqual([]);
    expect([...hub.completedSales]).toEqual(['sale-1']);
  });

  it('tells listeners when the queue changes', async () => {
    const { queue, settle } = harness();
    let changes = 0;
    queue.addEventListener('change', () => changes++);
    queue.add('sale-1', [cash('pay-1')]);
    await settle();
    expect(changes).toBeGreaterThanOrEqual(2);
  });
});

describe('cash taken while the hub is away, by the hub’s own rounding rule', () => {
  it('settles the rest rounded to the coin step and gives the change', () => {
    // DKK: 65.85 rounds to 66.00 in cash; a 100-krone note gets 34.00 back.
    expect(offlineCash(6585, 6585, 10000, 50)).toEqual({ paidMinor: 6600, changeMinor: 3400 });
    expect(offlineCash(6585, 6585, undefined, 50)).toEqual({ paidMinor: 6600, changeMinor: 0 });
    // TWD has no cents in cash; EUR in Finland rounds to 5 cent.
    expect(offlineCash(6540, 6540, 10000, 100)).toEqual({ paidMinor: 6500, changeMinor: 3500 });
    expect(offlineCash(1232, 1232, 2000, 5)).toEqual({ paidMinor: 1230, changeMinor: 770 });
  });

  it('takes nothing it could not complete later: too little cash, or nothing due', () => {
    expect(offlineCash(6585, 5000, 5000, 50)).toBeNull();
    expect(offlineCash(6585, 6585, 6000, 50)).toBeNull();
    expect(offlineCash(0, 100, 100, 50)).toBeNull();
  });
});
