import { describe, expect, it } from 'vitest';
import { instantOfShopWallTime, shopWallTime } from '../../web-ui/admin/staff/shop-clock.js';

describe('the shop’s wall clock for shift corrections', () => {
  it('reads and writes times at the store’s clock, whatever zone the browser is in', () => {
    expect(instantOfShopWallTime('2026-06-01T08:30', 'Europe/Copenhagen')).toBe('2026-06-01T06:30:00.000Z');
    expect(instantOfShopWallTime('2026-12-01T08:30', 'Europe/Copenhagen')).toBe('2026-12-01T07:30:00.000Z');
    // The morning summer time starts: 03:30 exists only in summer time.
    expect(instantOfShopWallTime('2026-03-29T03:30', 'Europe/Copenhagen')).toBe('2026-03-29T01:30:00.000Z');
    expect(shopWallTime('2026-06-01T06:30:00.000Z', 'Europe/Copenhagen')).toBe('2026-06-01T08:30');
    expect(shopWallTime('2026-06-01T23:59:00.000Z', 'Asia/Taipei')).toBe('2026-06-02T07:59');
    expect(
      instantOfShopWallTime(shopWallTime('2026-06-01T23:59:00.000Z', 'Asia/Taipei'), 'Asia/Taipei'),
    ).toBe('2026-06-01T23:59:00.000Z');
  });

  it('refuses what is no time', () => {
    expect(instantOfShopWallTime('', 'Asia/Taipei')).toBeNull();
    expect(instantOfShopWallTime('2026-06-01 08:30', 'Asia/Taipei')).toBeNull();
    expect(instantOfShopWallTime('tomorrow', 'Asia/Taipei')).toBeNull();
  });
});
