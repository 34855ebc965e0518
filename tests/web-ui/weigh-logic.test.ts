import { describe, expect, it } from 'vitest';
import { formatWeight } from '../../web-ui/shared/format/weight.js';
import {
  addProduct,
  addWeighed,
  cartRequest,
  displayLines,
  emptyCart,
  fromStored,
  setQuantity,
  toStored,
} from '../../web-ui/till/selling/cart-state.js';
import {
  acceptableGrams,
  adjusted,
  initialWeighState,
  liveReading,
  parseTypedWeight,
  readAnswered,
  readFailed,
  readTicket,
  weighStatus,
  weightEvent,
  type ScaleReading,
} from '../../web-ui/till/selling/weigh/weigh-state.js';

const reading = (over: Partial<ScaleReading> = {}): ScaleReading => ({
  grams: 456,
  stable: true,
  tareGrams: 0,
  condition: 'ok',
  ...over,
});

describe('weigh state: only a stable, positive net weight may be taken', () => {
  it('waits for the scale, then takes a stable positive reading', () => {
    const start = initialWeighState();
    expect(weighStatus(start)).toBe('waiting');
    expect(acceptableGrams(start)).toBeNull();
    const stable = liveReading(start, reading());
    expect(weighStatus(stable)).toBe('ready');
    expect(acceptableGrams(stable)).toBe(456);
  });

  it('refuses motion, an empty platter, over capacity, below zero and a fault, saying which', () => {
    const cases: [Partial<ScaleReading>, string][] = [
      [{ stable: false, condition: 'moving' }, 'moving'],
      // A reading that says ok but is not stable is still moving.
      [{ stable: false }, 'moving'],
      [{ grams: 0, condition: 'zero' }, 'empty'],
      [{ grams: 0 }, 'empty'],
      [{ grams: 15_200, condition: 'over_capacity' }, 'over_capacity'],
      [{ grams: 1_000_001 }, 'over_capacity'],
      [{ grams: -20, condition: 'under_zero' }, 'under_zero'],
      [{ grams: -20 }, 'under_zero'],
      [{ condition: 'error' }, 'scale_error'],
    ];
    for (const [over, status] of cases) {
      const state = liveReading(initialWeighState(), reading(over));
      expect(weighStatus(state), JSON.stringify(over)).toBe(status);
      expect(acceptableGrams(state), JSON.stringify(over)).toBeNull();
    }
  });

  it('takes the net weight: the tare is already off and is kept for display', () => {
    const state = liveReading(initialWeighState(), reading({ grams: 380, tareGrams: 85 }));
    expect(acceptableGrams(state)).toBe(380);
    expect(state.reading?.tareGrams).toBe(85);
  });

  it('follows the live readings: settles, moves again, settles on a new weight', () => {
    let state = liveReading(initialWeighState(), reading({ grams: 300, stable: false, condition: 'moving' }));
    expect(acceptableGrams(state)).toBeNull();
    state = liveReading(state, reading({ grams: 312 }));
    expect(acceptableGrams(state)).toBe(312);
    state = liveReading(state, reading({ grams: 500, stable: false, condition: 'moving' }));
    expect(acceptableGrams(state)).toBeNull();
    state = liveReading(state, reading({ grams: 505 }));
    expect(acceptableGrams(state)).toBe(505);
  });

  it('uses a read answer unless a live event came after the read started', () => {
    const start = initialWeighState();
    const ticket = readTicket(start);
    const answered = readAnswered(start, ticket, { grams: 740, tareGrams: 40 });
    expect(acceptableGrams(answered)).toBe(740);
    expect(answered.reading?.tareGrams).toBe(40);
    // The item was lifted while the hub waited: the live event is newer than the read's answer.
    const lifted = liveReading(start, reading({ grams: 0, condition: 'zero' }));
    expect(readAnswered(lifted, ticket, { grams: 740, tareGrams: 0 })).toBe(lifted);
    expect(readFailed(lifted, ticket, 'WEIGHT_UNSTABLE', '')).toBe(lifted);
  });

  it('reads the hub’s refusals: moving, over capacity, below zero, no scale, no answer', () => {
    const start = initialWeighState();
    const t = readTicket(start);
    expect(weighStatus(readFailed(start, t, 'WEIGHT_UNSTABLE', ''))).toBe('moving');
    expect(weighStatus(readFailed(start, t, 'SCALE_UNAVAILABLE', 'OVER_CAPACITY'))).toBe('over_capacity');
    expect(weighStatus(readFailed(start, t, 'SCALE_UNAVAILABLE', 'UNDER_ZERO'))).toBe('under_zero');
    expect(weighStatus(readFailed(start, t, 'SCALE_UNAVAILABLE', ''))).toBe('no_scale');
    expect(weighStatus(readFailed(start, t, 'SCALE_UNAVAILABLE', 'TIMEOUT'))).toBe('no_answer');
    expect(weighStatus(readFailed(start, t, 'UNREACHABLE', 'UNREACHABLE'))).toBe('no_answer');
    // A live reading after a failure is the scale speaking again.
    const back = liveReading(readFailed(start, t, 'SCALE_UNAVAILABLE', 'TIMEOUT'), reading());
    expect(weighStatus(back)).toBe('ready');
  });

  it('a tare shows the new tare; a zero on an empty platter reads empty', () => {
    let state = liveReading(initialWeighState(), reading({ grams: 85 }));
    state = adjusted(state, 85, 0);
    expect(state.reading).toMatchObject({ grams: 0, tareGrams: 85 });
    expect(weighStatus(state)).toBe('empty');
    state = liveReading(state, reading({ grams: 420, tareGrams: 85 }));
    expect(acceptableGrams(state)).toBe(420);
    state = adjusted(state, 0, null);
    expect(state.reading).toMatchObject({ grams: 420, tareGrams: 0 });
  });

  it('parses only weight till events, and only well-formed ones', () => {
    const event = {
      type: 'weight',
      deviceId: 'd',
      grams: 250,
      stable: true,
      tareGrams: 0,
      condition: 'ok',
      at: 'x',
    };
    expect(weightEvent(event)).toEqual({ grams: 250, stable: true, tareGrams: 0, condition: 'ok' });
    expect(weightEvent({ ...event, type: 'scan' })).toBeNull();
    expect(weightEvent({ ...event, grams: 2.5 })).toBeNull();
    expect(weightEvent({ ...event, stable: 'yes' })).toBeNull();
    expect(weightEvent({ ...event, tareGrams: -1 })).toBeNull();
    expect(weightEvent({ ...event, condition: 'wobbly' })).toBeNull();
    expect(weightEvent(null)).toBeNull();
    expect(weightEvent('weight')).toBeNull();
  });
});

describe('typed weight', () => {
  it('reads kilograms with a point or a comma into whole grams', () => {
    expect(parseTypedWeight('0.456')).toBe(456);
    expect(parseTypedWeight('1,2')).toBe(1200);
    expect(parseTypedWeight(' 2 ')).toBe(2000);
    expect(parseTypedWeight('1000')).toBe(1_000_000);
  });

  it('refuses zero, more than three decimals, too much and anything that is not a weight', () => {
    for (const bad of ['', '0', '0.000', '0.4567', '1000.001', '-1', 'abc', '1.2.3', '1e3']) {
      expect(parseTypedWeight(bad), bad).toBeNull();
    }
  });

  it('formats grams as kilograms with three decimals in the cashier’s language', () => {
    expect(formatWeight(456, 'en')).toBe('0.456 kg');
    expect(formatWeight(1200, 'da')).toBe('1,200 kg');
    expect(formatWeight(0, 'en')).toBe('0.000 kg');
  });
});

const SALE = '01890a5d-ac96-774b-bcce-b302099a8057';
const L1 = '01890a5d-ac96-774b-bcce-b302099a8001';
const L2 = '01890a5d-ac96-774b-bcce-b302099a8002';
const L3 = '01890a5d-ac96-774b-bcce-b302099a8003';
const APPLES = '11111111-1111-4111-8111-111111111111';

describe('weighed lines in the cart', () => {
  it('adds each weighing as its own line with grams and the weight source, sent to the hub', () => {
    let cart = addWeighed(emptyCart(SALE), { productId: APPLES, name: 'Apples' }, 456, 'scale', L1);
    cart = addWeighed(cart, { productId: APPLES, name: 'Apples' }, 300, 'manual', L2);
    // A plain add of the same product does not fold into a weighed line.
    cart = addProduct(cart, { productId: APPLES, name: 'Apples' }, L3);
    expect(cart.lines.map((l) => [l.quantity, l.weightSource])).toEqual([
      [456, 'scale'],
      [300, 'manual'],
      [1, null],
    ]);
    expect(cartRequest(cart)?.cart.lines).toEqual([
      { id: L1, productId: APPLES, quantity: 456, weightSource: 'scale' },
      { id: L2, productId: APPLES, quantity: 300, weightSource: 'manual' },
      { id: L3, productId: APPLES, quantity: 1 },
    ]);
    // Shown as measured before the hub has answered, so no +/- buttons appear on grams.
    expect(displayLines(cart)[0]).toMatchObject({ quantity: 456, measured: true, totalMinor: null });
  });

  it('does not step a weighed line by pieces, and refuses a weight that is not positive grams', () => {
    const cart = addWeighed(emptyCart(SALE), { productId: APPLES, name: 'Apples' }, 456, 'scale', L1);
    expect(setQuantity(cart, L1, 457)).toBe(cart);
    expect(addWeighed(cart, { productId: APPLES, name: 'Apples' }, 0, 'scale', L2)).toBe(cart);
    expect(addWeighed(cart, { productId: APPLES, name: 'Apples' }, 1.5, 'scale', L2)).toBe(cart);
  });

  it('keeps the weight source across a reload, and reads carts stored before it existed', () => {
    const cart = addWeighed(emptyCart(SALE), { productId: APPLES, name: 'Apples' }, 456, 'manual', L1);
    const back = fromStored(JSON.parse(JSON.stringify(toStored(cart))));
    expect(back?.lines[0]).toMatchObject({ quantity: 456, weightSource: 'manual' });
    const old = fromStored({
      saleId: SALE,
      lines: [{ id: L1, productId: APPLES, name: 'Milk', quantity: 2, scannedCode: null }],
    });
    expect(old?.lines[0]?.weightSource).toBeNull();
  });
});
