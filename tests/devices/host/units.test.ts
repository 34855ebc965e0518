import { describe, expect, it } from 'vitest';
import { Backoff } from '../../../devices/host/backoff.js';
import { ClaimLock } from '../../../devices/host/claim.js';
import { parseCommand } from '../../../devices/host/commands.js';

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('backoff', () => {
  it('grows exponentially within the jitter range and stops at the cap', () => {
    const high = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 1 });
    expect([1, 2, 3, 4, 5, 6].map(() => high.next())).toEqual([100, 200, 400, 800, 1000, 1000]);
    const low = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 0 });
    expect([1, 2, 3].map(() => low.next())).toEqual([100, 100, 100]);
    high.reset();
    expect(high.next()).toBe(100);
    const real = new Backoff({ initialMs: 100, maxMs: 1000 });
    for (let i = 0; i < 50; i++) expect(real.next()).toBeGreaterThanOrEqual(100);
    expect(real.next()).toBeLessThanOrEqual(1000);
  });
});

describe('claims', () => {
  it('is re-entrant for its holder and refuses waiters on reset', async () => {
    const lock = new ClaimLock();
    expect(await lock.acquire('a', 0)).toBe(true);
    expect(await lock.acquire('a', 0)).toBe(true);
    const b = lock.acquire('b', 10_000);
    lock.release('a');
    expect(lock.heldBy).toBe('a');
    lock.reset();
    expect(await b).toBe(false);
  });
});

describe('command parsing', () => {
  it('types each action and fills defaults', () => {
    expect(parseCommand(json({ id: '1', action: 'read', args: {} }))).toEqual({
      ok: true,
      holder: null,
      command: { id: '1', action: 'read', args: { stableOnly: true, timeoutMs: 5000 } },
    });
    expect(parseCommand(json({ id: '2', action: 'zero', args: { holder: 'till-1' } }))).toMatchObject({
      ok: true,
      holder: 'till-1',
      command: { action: 'zero', args: {} },
    });
  });

  it('answers what carries an id and drops what does not', () => {
    expect(parseCommand(Buffer.from('{not json'))).toEqual({ ok: false, id: null, message: 'not JSON' });
    expect(parseCommand(json({ action: 'read' }))).toMatchObject({ ok: false, id: null });
    expect(parseCommand(json({ id: 'x', action: 'explode' }))).toMatchObject({ ok: false, id: 'x' });
    expect(parseCommand(json({ id: 'y', action: 'show', args: { lines: ['one'] } }))).toMatchObject({
      ok: false,
      id: 'y',
    });
    expect(parseCommand(json({ id: 'z', action: 'read', args: { timeoutMs: 1.5 } }))).toMatchObject({
      ok: false,
      id: 'z',
    });
  });
});
