import { describe, expect, it } from 'vitest';
import { HubApiError, HubUnreachableError } from '../../web-ui/shared/api/errors.js';
import type { PaymentResult } from '../../web-ui/shared/api/payment-endpoints.js';
import type { PaymentInput, PaymentView, SaleView, Tender } from '../../web-ui/shared/api/sales-endpoints.js';
import { decodeCardProgress } from '../../web-ui/till/selling/pay/card-progress.js';
import {
  cardBlock,
  cartFrozen,
  otherTenders,
  outcomeOf,
  payAction,
  paymentRequest,
  requestKey,
} from '../../web-ui/till/selling/pay/pay-flow.js';
import {
  ASK_AGAIN_MS,
  PaymentRunner,
  type RunnerApi,
  type RunnerState,
} from '../../web-ui/till/selling/pay/payment-runner.js';

const CASH: Tender = { id: 'cash', kind: 'cash', name: 'Kontant', enabled: true };
const CARD: Tender = { id: 'card', kind: 'card', name: 'Kort', enabled: true };
const VOUCHER: Tender = { id: 'voucher', kind: 'voucher', name: 'Gavekort', enabled: true };
const MOBILE: Tender = { id: 'mobile', kind: 'mobile', name: 'MobilePay', enabled: false };

function payment(over: Partial<PaymentView> = {}): PaymentView {
  return {
    id: 'p1',
    tenderId: 'card',
    tenderKind: 'card',
    status: 'approved',
    amountMinor: 1000,
    tenderedMinor: null,
    changeMinor: 0,
    reason: null,
    ...over,
  };
}

function sale(dueMinor: number, payments: PaymentView[] = [], pendingMinor = 0): SaleView {
  return {
    id: 's1',
    status: 'open',
    version: 1,
    currency: 'DKK',
    lines: [],
    totals: {
      subtotalMinor: 2000,
      discountMinor: 0,
      taxMinor: 400,
      totalMinor: 2000,
      roundingMinor: 0,
      toPayMinor: 2000,
      paidMinor: 2000 - dueMinor - pendingMinor,
      pendingMinor,
      dueMinor,
      changeMinor: 0,
    },
    payments,
    promotions: [],
    couponCodes: [],
    saleDiscount: null,
    saleDiscountReason: null,
    note: '',
    customerId: null,
    updatedAt: '2026-11-22T12:00:00Z',
    receipt: null,
  };
}

describe('card progress from the till events', () => {
  it('reads the hub’s payment events and maps terminal stages to what the cashier sees', () => {
    const base = { type: 'payment', saleId: 's1', paymentId: 'p1', status: 'pending', at: 'now' };
    expect(
      decodeCardProgress({ ...base, stage: 'waiting_for_card', message: 'Insert, tap or swipe' }),
    ).toEqual({
      saleId: 's1',
      paymentId: 'p1',
      stage: 'waiting_for_card',
      message: 'Insert, tap or swipe',
    });
    expect(decodeCardProgress({ ...base, stage: 'pin', message: '' })?.stage).toBe('pin');
    expect(decodeCardProgress({ ...base, stage: 'card_inserted' })?.stage).toBe('processing');
    // No stage: the status names it.
    expect(decodeCardProgress({ ...base, stage: null, status: 'declined' })?.stage).toBe('declined');
  });

  it('drops other events and malformed payloads', () => {
    expect(decodeCardProgress({ type: 'scan', data: '123' })).toBeNull();
    expect(decodeCardProgress({ type: 'payment', saleId: 's1', stage: 'approved' })).toBeNull();
    expect(
      decodeCardProgress({ type: 'payment', saleId: 's1', paymentId: 'p1', stage: 'toString' }),
    ).toBeNull();
    expect(decodeCardProgress(null)).toBeNull();
    expect(decodeCardProgress('payment')).toBeNull();
  });
});

describe('what the pay screen sends and decides', () => {
  it('sends exact cash as the rest due, and cash handed over as amount and tendered', () => {
    expect(paymentRequest({ kind: 'cash', tender: CASH, handedMinor: null }, 1295)).toEqual({
      tenderId: 'cash',
      amountMinor: 1295,
    });
    expect(paymentRequest({ kind: 'cash', tender: CASH, handedMinor: 5000 }, 1295)).toEqual({
      tenderId: 'cash',
      amountMinor: 5000,
      tenderedMinor: 5000,
    });
  });

  it('sends a card or other tender for the typed part or the whole rest, with its reference', () => {
    expect(paymentRequest({ kind: 'other', tender: CARD, amountMinor: null, reference: null }, 1295)).toEqual(
      {
        tenderId: 'card',
        amountMinor: 1295,
      },
    );
    expect(
      paymentRequest({ kind: 'other', tender: VOUCHER, amountMinor: 500, reference: 'GV-1' }, 1295),
    ).toEqual({
      tenderId: 'voucher',
      amountMinor: 500,
      reference: 'GV-1',
    });
  });

  it('keys a request by what it asks, so only the same request reuses a payment id', () => {
    const a = requestKey('s1', { tenderId: 'card', amountMinor: 500 });
    expect(requestKey('s1', { tenderId: 'card', amountMinor: 500 })).toBe(a);
    expect(requestKey('s1', { tenderId: 'card', amountMinor: 501 })).not.toBe(a);
    expect(requestKey('s2', { tenderId: 'card', amountMinor: 500 })).not.toBe(a);
  });

  it('reads the hub’s answer: declined, cancelled, unresolved, part paid or paid', () => {
    expect(outcomeOf(payment({ status: 'declined', reason: 'Refusal' }), sale(2000))).toEqual({
      kind: 'declined',
      reason: 'Refusal',
    });
    expect(outcomeOf(payment({ status: 'cancelled' }), sale(2000)).kind).toBe('cancelled');
    expect(outcomeOf(payment({ status: 'unknown' }), sale(0, [], 1000)).kind).toBe('unresolved');
    expect(outcomeOf(payment(), sale(1000, [payment()])).kind).toBe('part-paid');
    expect(outcomeOf(payment(), sale(0, [payment()])).kind).toBe('paid');
    // Nothing due but another payment's outcome is open: not complete yet.
    const open = payment({ id: 'p2', status: 'pending' });
    expect(outcomeOf(payment(), sale(0, [payment(), open], 1000)).kind).toBe('part-paid');
  });

  it('freezes the cart once a payment holds money, not for declined or cancelled ones', () => {
    expect(cartFrozen(null)).toBe(false);
    expect(cartFrozen(sale(2000, [payment({ status: 'declined' }), payment({ status: 'cancelled' })]))).toBe(
      false,
    );
    expect(cartFrozen(sale(1000, [payment()]))).toBe(true);
    expect(cartFrozen(sale(1000, [payment({ status: 'unknown' })]))).toBe(true);
    expect(cartFrozen({ ...sale(0, [payment()]), status: 'completed' })).toBe(false);
  });

  it('never lets a card start while the hub is unreachable', () => {
    expect(cardBlock({ online: false, cardTender: true, dueMinor: 100, busy: false })).toBe('offline');
    expect(cardBlock({ online: true, cardTender: false, dueMinor: 100, busy: false })).toBe('no-card-tender');
    expect(cardBlock({ online: true, cardTender: true, dueMinor: 0, busy: false })).toBe('nothing-due');
    expect(cardBlock({ online: true, cardTender: true, dueMinor: 100, busy: true })).toBe('busy');
    expect(cardBlock({ online: true, cardTender: true, dueMinor: 100, busy: false })).toBeNull();
  });

  it('maps the F-keys shown on the buttons, leaving digits for the amount', () => {
    expect(payAction('F1')).toEqual({ kind: 'exact-cash' });
    expect(payAction('F3')).toEqual({ kind: 'quick-cash', index: 1 });
    expect(payAction('F6')).toEqual({ kind: 'card' });
    expect(payAction('F8')).toEqual({ kind: 'other', index: 1 });
    expect(payAction('Escape')).toEqual({ kind: 'back' });
    expect(payAction('5')).toBeNull();
    expect(payAction('F12')).toBeNull();
  });

  it('offers the enabled tenders other than cash and card', () => {
    expect(otherTenders([CASH, CARD, VOUCHER, MOBILE])).toEqual([VOUCHER]);
  });
});

/** A hub whose answers the test hands out one at a time. */
class FakeHub implements RunnerApi {
  calls: string[] = [];
  private waiting: { kind: string; resolve: (r: PaymentResult) => void; reject: (e: unknown) => void }[] = [];

  private pending(kind: string): Promise<PaymentResult> {
    this.calls.push(kind);
    return new Promise((resolve, reject) => this.waiting.push({ kind, resolve, reject }));
  }

  add(_saleId: string, input: PaymentInput): Promise<PaymentResult> {
    return this.pending(`add ${input.id}`);
  }
  resolve(paymentId: string): Promise<PaymentResult> {
    return this.pending(`resolve ${paymentId}`);
  }
  cancel(paymentId: string): Promise<PaymentResult> {
    return this.pending(`cancel ${paymentId}`);
  }

  async answer(kind: string, result: PaymentResult | Error): Promise<void> {
    const i = this.waiting.findIndex((w) => w.kind.startsWith(kind));
    if (i < 0) throw new Error(`no ${kind} waiting; calls: ${this.calls.join(', ')}`);
    const [w] = this.waiting.splice(i, 1);
    if (result instanceof Error) w!.reject(result);
    else w!.resolve(result);
    await new Promise((r) => setTimeout(r, 0));
  }
}

function runner() {
  const hub = new FakeHub();
  const states: RunnerState[] = [];
  const settled: PaymentResult[] = [];
  const failed: unknown[] = [];
  const timers: (() => void)[] = [];
  let ids = 0;
  const r = new PaymentRunner(hub, {
    changed: (s) => states.push(s),
    settled: (x) => settled.push(x),
    failed: (e) => failed.push(e),
    newId: () => `id${++ids}`,
    setTimeout: (run, ms) => {
      expect(ms).toBe(ASK_AGAIN_MS);
      timers.push(run);
      return timers.length;
    },
    clearTimeout: (handle) => {
      timers[(handle as number) - 1] = () => undefined;
    },
  });
  const fire = async () => {
    const all = timers.splice(0);
    for (const t of all) t();
    await new Promise((res) => setTimeout(res, 0));
  };
  return { hub, r, states, settled, failed, fire };
}

const result = (p: Partial<PaymentView>, due = 0): PaymentResult => ({
  payment: payment(p),
  sale: sale(due, [payment(p)]),
});

describe('running a payment against the hub', () => {
  it('shows live card stages and settles on the hub’s approval', async () => {
    const { hub, r, settled } = runner();
    void r.pay('s1', { tenderId: 'card', amountMinor: 1000 }, true);
    expect(r.state).toMatchObject({ kind: 'running', paymentId: 'id1', stage: 'waiting_for_card' });
    r.progress({ saleId: 's1', paymentId: 'id1', stage: 'pin', message: null });
    expect(r.state).toMatchObject({ stage: 'pin' });
    // Progress about another payment changes nothing.
    r.progress({ saleId: 's1', paymentId: 'other', stage: 'declined', message: null });
    expect(r.state).toMatchObject({ stage: 'pin' });
    await hub.answer('add', result({ id: 'id1' }));
    expect(r.state).toEqual({ kind: 'idle' });
    expect(settled.map((s) => s.payment.status)).toEqual(['approved']);
  });

  it('asks again about a card whose request got no answer, never starting another', async () => {
    const { hub, r, settled, fire } = runner();
    void r.pay('s1', { tenderId: 'card', amountMinor: 1000 }, true);
    await hub.answer('add', new HubUnreachableError('timeout', 'no answer'));
    expect(r.state).toMatchObject({ kind: 'running', asking: true, stage: 'unknown' });
    await fire();
    await hub.answer('resolve id1', new HubUnreachableError('network', 'down'));
    expect(r.state).toMatchObject({ kind: 'running', asking: true });
    await fire();
    await hub.answer('resolve id1', result({ id: 'id1', status: 'pending' }, 0));
    expect(r.state).toMatchObject({ kind: 'running', asking: true });
    // The terminal finished: asked at once, not after the timer.
    r.progress({ saleId: 's1', paymentId: 'id1', stage: 'approved', message: null });
    await hub.answer('resolve id1', result({ id: 'id1' }));
    expect(settled).toHaveLength(1);
    expect(hub.calls.filter((c) => c.startsWith('add'))).toEqual(['add id1']);
  });

  it('treats an unknown outcome as unknown until the hub learns it', async () => {
    const { hub, r, settled, fire } = runner();
    void r.pay('s1', { tenderId: 'card', amountMinor: 1000 }, true);
    await hub.answer('add', result({ id: 'id1', status: 'unknown' }, 0));
    expect(settled).toEqual([]);
    await fire();
    await hub.answer('resolve id1', result({ id: 'id1', status: 'declined', reason: 'Refusal' }, 2000));
    expect(settled.map((s) => s.payment.status)).toEqual(['declined']);
    // A fresh try after a final answer is a new payment.
    void r.pay('s1', { tenderId: 'card', amountMinor: 1000 }, true);
    expect(r.state).toMatchObject({ paymentId: 'id2' });
  });

  it('cancels on the terminal through the hub and ignores the late answer to the payment request', async () => {
    const { hub, r, settled } = runner();
    void r.pay('s1', { tenderId: 'card', amountMinor: 1000 }, true);
    void r.cancel();
    expect(r.state).toMatchObject({ cancelling: true });
    await hub.answer('cancel id1', result({ id: 'id1', status: 'cancelled' }, 2000));
    await hub.answer('add', result({ id: 'id1', status: 'cancelled' }, 2000));
    expect(settled.map((s) => s.payment.status)).toEqual(['cancelled']);
  });

  it('keeps running when Cancel gets no answer, and says so', async () => {
    const { hub, r } = runner();
    void r.pay('s1', { tenderId: 'card', amountMinor: 1000 }, true);
    void r.cancel();
    await hub.answer('cancel', new HubUnreachableError('network', 'down'));
    expect(r.state).toMatchObject({ kind: 'running', cancelling: false });
    expect((r.state as { problem: unknown }).problem).toBeInstanceOf(HubUnreachableError);
  });

  it('retries cash that got no answer with the same id, and a refused one with a new id', async () => {
    const { hub, r, failed } = runner();
    const cash = { tenderId: 'cash', amountMinor: 5000, tenderedMinor: 5000 };
    void r.pay('s1', cash, false);
    await hub.answer('add', new HubUnreachableError('network', 'down'));
    expect(r.state).toEqual({ kind: 'idle' });
    void r.pay('s1', cash, false);
    await hub.answer('add id1', new HubApiError(422, 'TENDERED_TOO_LOW', '', {}));
    void r.pay('s1', cash, false);
    expect(hub.calls).toEqual(['add id1', 'add id1', 'add id2']);
    expect(failed).toHaveLength(2);
  });

  it('gives up asking when the hub never recorded the payment', async () => {
    const { hub, r, failed } = runner();
    r.resume('lost', true);
    await hub.answer('resolve lost', new HubApiError(404, 'NOT_FOUND', '', {}));
    expect(r.state).toEqual({ kind: 'idle' });
    expect(failed).toHaveLength(1);
  });
});
