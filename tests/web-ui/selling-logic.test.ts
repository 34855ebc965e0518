import { describe, expect, it } from 'vitest';
import { HubApiError, HubUnreachableError } from '../../web-ui/shared/api/errors.js';
import type { CartInput, SaleView } from '../../web-ui/shared/api/sales-endpoints.js';
import { parseMajorAmount } from '../../web-ui/till/selling/amount-input.js';
import {
  addProduct,
  canPay,
  cartRequest,
  currentTotals,
  displayLines,
  emptyCart,
  fromStored,
  hubAccepted,
  removeLine,
  setQuantity,
  toStored,
  type CartState,
} from '../../web-ui/till/selling/cart-state.js';
import { CartSync, RETRY_MS, type CartSyncHooks } from '../../web-ui/till/selling/cart-sync.js';
import { hubView as view } from './hub-sale-view.js';
import type { SupervisorOverride } from '../../web-ui/till/override/override-logic.js';
import { ScanDetector } from '../../web-ui/till/selling/scan-detector.js';

/** Feeds keys at the given gaps (ms before each key); returns the last verdict. */
function feed(detector: ScanDetector, keys: string[], gaps: number[], start = 1000) {
  let at = start;
  let last = detector.key(keys[0]!, at);
  for (let i = 1; i < keys.length; i++) {
    at += gaps[i - 1] ?? gaps[gaps.length - 1]!;
    last = detector.key(keys[i]!, at);
  }
  return last;
}

const EAN = '5701234567899';

describe('scan detection (keyboard wedge)', () => {
  it('reads a fast burst ending in Enter as a scan', () => {
    expect(feed(new ScanDetector(), [...Array.from(EAN), 'Enter'], [8])).toEqual({ kind: 'scan', code: EAN });
  });

  it('leaves human typing alone, even a quick typist', () => {
    expect(feed(new ScanDetector(), [...Array.from('123456'), 'Enter'], [120])).toEqual({ kind: 'other' });
    // Fast pairs here and there are not enough: one slow key restarts the run.
    const gaps = [40, 90, 35, 110, 45, 30, 95];
    expect(feed(new ScanDetector(), [...Array.from('12345678'), 'Enter'], gaps)).toEqual({ kind: 'other' });
  });

  it('needs a minimum length, so a fast double key and Enter is not a scan', () => {
    expect(feed(new ScanDetector(), ['1', '2', 'Enter'], [5])).toEqual({ kind: 'other' });
  });

  it('takes only the fast part after slow typing in the search box', () => {
    const d = new ScanDetector();
    d.key('m', 0);
    d.key('i', 200);
    // Scanner burst starts 300 ms later.
    const first = d.key('4', 500);
    expect(first).toEqual({ kind: 'char', burstStart: true });
    let at = 500;
    for (const ch of '006381333931') expect(d.key(ch, (at += 4)).kind).toBe('char');
    expect(d.key('Enter', at + 6)).toEqual({ kind: 'scan', code: '4006381333931' });
  });

  it('drops a partial burst that never sees Enter, and Enter much later is typing', () => {
    const d = new ScanDetector();
    feed(d, Array.from('1234567'), [5], 0);
    expect(d.key('Enter', 5000)).toEqual({ kind: 'other' });
    expect(d.pending).toBe(0);
  });

  it('is broken by navigation keys and shortcuts but not by Shift', () => {
    const d = new ScanDetector();
    let at = 0;
    for (const k of ['A', 'Shift', 'B', 'C', 'D', 'E', 'F']) d.key(k, (at += 5));
    expect(d.key('Enter', at + 5)).toEqual({ kind: 'scan', code: 'ABCDEF' });
    for (const k of ['1', '2', '3']) d.key(k, (at += 5));
    d.key('ArrowLeft', (at += 5));
    for (const k of ['4', '5', '6']) d.key(k, (at += 5));
    expect(d.key('Enter', at + 5)).toEqual({ kind: 'other' });
    expect(d.key('c', 0, { ctrl: true })).toEqual({ kind: 'other' });
  });

  it('tolerates a scanner that pauses a little before its Enter suffix, not a person', () => {
    expect(
      feed(new ScanDetector(), [...Array.from(EAN), 'Enter'], [...Array<number>(12).fill(5), 90]).kind,
    ).toBe('scan');
    expect(
      feed(new ScanDetector(), [...Array.from(EAN), 'Enter'], [...Array<number>(12).fill(5), 400]).kind,
    ).toBe('other');
  });
});

const SALE = '01890a5d-ac96-774b-bcce-b302099a8057';
const L1 = '01890a5d-ac96-774b-bcce-b302099a8001';
const L2 = '01890a5d-ac96-774b-bcce-b302099a8002';
const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';

describe('cart state', () => {
  it('adds a product, then adds one more to the same line; a label is its own line', () => {
    let cart = addProduct(emptyCart(SALE), { productId: P1, name: 'Milk' }, L1);
    cart = addProduct(cart, { productId: P1, name: 'Milk' }, L2);
    expect(cart.lines).toMatchObject([
      { id: L1, productId: P1, name: 'Milk', quantity: 2, scannedCode: null, weightSource: null },
    ]);
    expect(cart.lines).toHaveLength(1);
    cart = addProduct(cart, { productId: P1, name: 'Milk', labelCode: '2000422034759' }, L2);
    expect(cart.lines[1]).toMatchObject({ id: L2, quantity: null, scannedCode: '2000422034759' });
    expect(cartRequest(cart)).toEqual({
      kind: 'create',
      saleId: SALE,
      revision: cart.revision,
      cart: {
        lines: [
          { id: L1, productId: P1, quantity: 2 },
          { id: L2, productId: P1, scannedCode: '2000422034759' },
        ],
        couponCodes: [],
      },
    });
  });

  it('shows no figure the hub has not computed, and the hub figures once it answers', () => {
    let cart = addProduct(emptyCart(SALE), { productId: P1, name: 'Milk' }, L1);
    expect(displayLines(cart)[0]?.totalMinor).toBeNull();
    expect(currentTotals(cart)).toBeNull();
    expect(canPay(cart)).toBe(false);
    cart = hubAccepted(cart, view(cart, 1), cart.revision);
    expect(displayLines(cart)[0]).toMatchObject({ name: 'Milk (hub)', totalMinor: 1000 });
    expect(currentTotals(cart)?.totalMinor).toBe(1000);
    expect(canPay(cart)).toBe(true);
    // A quantity change: the old amount is not shown as if it were the new one.
    cart = setQuantity(cart, L1, 3);
    expect(displayLines(cart)[0]?.totalMinor).toBeNull();
    expect(cartRequest(cart)).toMatchObject({ kind: 'replace', expectedVersion: 1 });
  });

  it('keeps quantities in range and ignores label lines', () => {
    let cart = addProduct(emptyCart(SALE), { productId: P1, name: 'Milk' }, L1);
    expect(setQuantity(cart, L1, 0).lines[0]?.quantity).toBe(1);
    cart = addProduct(cart, { productId: P1, name: 'Cheese', labelCode: '2000422034759' }, L2);
    expect(setQuantity(cart, L2, 5)).toBe(cart);
    expect(removeLine(cart, L2).lines).toHaveLength(1);
  });

  it('round-trips through storage and resumes as pending', () => {
    const cart = addProduct(emptyCart(SALE), { productId: P1, name: 'Milk' }, L1);
    const back = fromStored(JSON.parse(JSON.stringify(toStored(cart))));
    expect(back?.lines).toEqual(cart.lines);
    expect(back?.sync).toBe('pending');
    expect(fromStored({ saleId: SALE, lines: [{ id: 1 }] })).toBeNull();
    expect(fromStored(null)).toBeNull();
  });
});

const approvedBy = (override: SupervisorOverride | null) =>
  override === null ? '' : ` approved by ${override.supervisorId}`;

class FakeApi {
  calls: string[] = [];
  down = false;
  hub: SaleView | null = null;
  refuse: HubApiError | null = null;
  constructor(private readonly cart: () => CartState) {}
  sent: CartInput[] = [];
  create = (id: string, cart: CartInput, override: SupervisorOverride | null) => {
    this.sent.push(cart);
    return this.#answer(`create ${id} ${cart.lines.length}${approvedBy(override)}`, override);
  };
  replace = (id: string, version: number, cart: CartInput, override: SupervisorOverride | null) => {
    this.sent.push(cart);
    return this.#answer(
      `replace ${id}@${version} ${cart.lines.map((l) => l.quantity ?? '-').join(',')}${approvedBy(override)}`,
      override,
    );
  };
  get = (id: string) => {
    this.calls.push(`get ${id}`);
    return this.hub ? Promise.resolve(this.hub) : Promise.reject(new HubApiError(404, 'NOT_FOUND', '', {}));
  };
  #answer(call: string, override: SupervisorOverride | null): Promise<SaleView> {
    this.calls.push(call);
    if (this.down) return Promise.reject(new HubUnreachableError('network', 'down'));
    if (this.refuse && !(override !== null && this.refuse.code === 'PERMISSION_REQUIRED')) {
      return Promise.reject(this.refuse);
    }
    this.hub = view(this.cart(), (this.hub?.version ?? 0) + 1);
    return Promise.resolve(this.hub);
  }
}

function harness(approve?: CartSyncHooks['approve']) {
  const timers: (() => void)[] = [];
  const refused: string[] = [];
  let sync: CartSync | undefined = undefined;
  const api = new FakeApi(() => sync!.state);
  sync = new CartSync(emptyCart(SALE), api, {
    changed: () => undefined,
    refused: (e) => refused.push(e.code),
    ...(approve ? { approve } : {}),
    setTimeout: (run, ms) => {
      expect(ms).toBe(RETRY_MS);
      timers.push(run);
      return timers.length;
    },
    clearTimeout: () => undefined,
  });
  return { sync, api, timers, refused };
}

describe('cart sync', () => {
  it('creates, then replaces at the hub version', async () => {
    const { sync, api } = harness();
    sync.update((c) => addProduct(c, { productId: P1, name: 'Milk' }, L1));
    await sync.flush();
    sync.update((c) => setQuantity(c, L1, 2));
    await sync.flush();
    expect(api.calls).toEqual([`create ${SALE} 1`, `replace ${SALE}@1 2`]);
    expect(sync.state.sync).toBe('synced');
    expect(currentTotals(sync.state)?.totalMinor).toBe(2000);
  });

  it('keeps the cart while the hub is away and sends it again with the same ids', async () => {
    const { sync, api, timers } = harness();
    api.down = true;
    sync.update((c) => addProduct(c, { productId: P1, name: 'Milk' }, L1));
    await sync.flush();
    expect(sync.state.sync).toBe('offline');
    sync.update((c) => addProduct(c, { productId: P1, name: 'Milk' }, L2));
    await sync.flush();
    expect(sync.state.lines).toHaveLength(1);
    expect(sync.state.lines[0]?.quantity).toBe(2);
    expect(timers).toHaveLength(1);
    api.down = false;
    timers[0]!();
    await sync.flush();
    expect(sync.state.sync).toBe('synced');
    expect(api.calls).toEqual([`create ${SALE} 1`, `create ${SALE} 1`]);
    expect(api.hub?.lines.map((l) => l.id)).toEqual([L1]);
  });

  it('reads the sale and replaces when a lost create had landed (409)', async () => {
    const { sync, api } = harness();
    sync.update((c) => addProduct(c, { productId: P1, name: 'Milk' }, L1));
    await sync.flush();
    api.hub = { ...api.hub!, version: 4 };
    api.refuse = new HubApiError(409, 'STALE_VERSION', '', {});
    sync.update((c) => setQuantity(c, L1, 2));
    const flushing = sync.flush();
    api.refuse = null;
    await flushing;
    expect(api.calls.slice(1)).toEqual([`replace ${SALE}@1 2`, `get ${SALE}`, `replace ${SALE}@4 2`]);
    expect(sync.state.sync).toBe('synced');
  });

  it('puts the cart back and says why when the hub refuses (a missing permission)', async () => {
    const { sync, api, refused } = harness();
    sync.update((c) => addProduct(c, { productId: P1, name: 'Milk' }, L1));
    await sync.flush();
    api.refuse = new HubApiError(403, 'PERMISSION_REQUIRED', '', { permission: 'sale.remove_line' });
    sync.update((c) => removeLine(c, L1));
    await sync.flush();
    expect(refused).toEqual(['PERMISSION_REQUIRED']);
    expect(sync.state.lines.map((l) => l.id)).toEqual([L1]);
    expect(displayLines(sync.state)[0]?.totalMinor).toBe(1000);
  });

  const BO = '01890a5d-ac96-774b-bcce-b302099a80b0';
  const removeRefused = new HubApiError(403, 'PERMISSION_REQUIRED', '', { permission: 'sale.remove_line' });

  it('asks a supervisor when a permission is missing and sends the same cart again with the override', async () => {
    const asked: string[] = [];
    const { sync, api, refused } = harness(async (permission, resend) => {
      asked.push(permission);
      await resend({ supervisorId: BO, pin: '3579' });
      return 'approved';
    });
    sync.update((c) => addProduct(c, { productId: P1, name: 'Milk' }, L1));
    await sync.flush();
    sync.update((c) => addProduct(c, { productId: P2, name: 'Bread' }, L2));
    await sync.flush();
    api.refuse = removeRefused;
    sync.update((c) => removeLine(c, L1));
    await sync.flush();
    expect(asked).toEqual(['sale.remove_line']);
    expect(refused).toEqual([]);
    expect(api.calls.slice(-2)).toEqual([`replace ${SALE}@2 1`, `replace ${SALE}@2 1 approved by ${BO}`]);
    expect(sync.state.lines.map((l) => l.id)).toEqual([L2]);
    expect(sync.state.sync).toBe('synced');
  });

  it('puts the cart back without a word of refusal when the cashier cancels the approval', async () => {
    const { sync, api, refused } = harness(() => Promise.resolve('cancelled'));
    sync.update((c) => addProduct(c, { productId: P1, name: 'Milk' }, L1));
    await sync.flush();
    api.refuse = removeRefused;
    sync.update((c) => removeLine(c, L1));
    await sync.flush();
    expect(refused).toEqual([]);
    expect(sync.state.lines.map((l) => l.id)).toEqual([L1]);
    expect(api.calls).toHaveLength(2);
  });

  it('puts the cart back and says why when the approved resend is refused for another reason', async () => {
    const { sync, api, refused } = harness(async (_permission, resend) => {
      api.refuse = new HubApiError(422, 'SALE_HAS_PAYMENTS', '', {});
      await resend({ supervisorId: BO, pin: '3579' });
      return 'approved';
    });
    sync.update((c) => addProduct(c, { productId: P1, name: 'Milk' }, L1));
    await sync.flush();
    api.refuse = removeRefused;
    sync.update((c) => removeLine(c, L1));
    await sync.flush();
    expect(refused).toEqual(['SALE_HAS_PAYMENTS']);
    expect(sync.state.lines.map((l) => l.id)).toEqual([L1]);
  });
});

describe('typed amounts', () => {
  it('reads typed amounts without floats', () => {
    expect(parseMajorAmount('500', 2)).toBe(50000);
    expect(parseMajorAmount('12,5', 2)).toBe(1250);
    expect(parseMajorAmount('1.234', 2)).toBeNull();
    expect(parseMajorAmount('abc', 2)).toBeNull();
  });
});
