import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayWindows, localMidnightMs, nextDate } from '../../../hub/services/staff/local-days.js';
import { minutesPerDay, spanMinutes, type ShiftSpan } from '../../../hub/services/staff/timesheet-math.js';

const ZONES = ['Europe/Copenhagen', 'Europe/Helsinki', 'Asia/Taipei', 'America/Los_Angeles', 'Europe/Kyiv'];
const MINUTE = 60_000;

describe('local days', () => {
  it('knows the shop’s midnight across the changes to and from summer time', () => {
    expect(new Date(localMidnightMs('2026-03-29', 'Europe/Copenhagen')).toISOString()).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    expect(new Date(localMidnightMs('2026-03-30', 'Europe/Copenhagen')).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    expect(new Date(localMidnightMs('2026-11-01', 'America/Los_Angeles')).toISOString()).toBe(
      '2026-11-01T07:00:00.000Z',
    );
    expect(new Date(localMidnightMs('2026-11-02', 'America/Los_Angeles')).toISOString()).toBe(
      '2026-11-02T08:00:00.000Z',
    );
    expect(nextDate('2028-02-28')).toBe('2028-02-29');
  });

  it('splits any shifts into days whose minutes add up exactly to each shift’s own count', () => {
    const base = Date.parse('2026-03-20T00:00:00Z');
    const shift = fc
      .record({
        start: fc.integer({ min: 0, max: 20 * 24 * 60 }),
        length: fc.integer({ min: 1, max: 30 * 60 }),
        seconds: fc.integer({ min: 0, max: 59_999 }),
        cuts: fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 6 }),
      })
      .map(({ start, length, seconds, cuts }): ShiftSpan => {
        const startMs = base + start * MINUTE + seconds;
        const endMs = startMs + length * MINUTE;
        // Break edges spread inside the shift in order, paired off: apart from each other by construction.
        const edges = [...new Set(cuts.map((c) => Math.floor((c / 1000) * (endMs - startMs))))].sort(
          (a, b) => a - b,
        );
        const breaks = [];
        for (let i = 0; i + 1 < edges.length; i += 2) {
          breaks.push({ startMs: startMs + edges[i]!, endMs: startMs + edges[i + 1]! });
        }
        return { startMs, endMs, breaks };
      });
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(shift, { minLength: 1, maxLength: 4 }),
        (zone, spans) => {
          const days = dayWindows('2026-03-18', '2026-04-12', zone);
          const perDay = minutesPerDay(spans, days, base);
          const totals = spans.map((s) => spanMinutes(s, base));
          const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
          expect(sum(perDay.map((d) => d.workedMinutes))).toBe(sum(totals.map((t) => t.workedMinutes)));
          expect(sum(perDay.map((d) => d.breakMinutes))).toBe(sum(totals.map((t) => t.breakMinutes)));
          for (const d of perDay) {
            expect(Number.isInteger(d.workedMinutes) && d.workedMinutes >= 0).toBe(true);
            expect(Number.isInteger(d.breakMinutes) && d.breakMinutes >= 0).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
