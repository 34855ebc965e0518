import { describe, expect, it } from 'vitest';
import { HubApiError, HubUnreachableError } from '../../web-ui/shared/api/errors.js';
import {
  approverCandidates,
  missingPermission,
  overrideFailure,
} from '../../web-ui/till/override/override-logic.js';

const refusal = (code: string, details: Record<string, unknown>, status = 403) =>
  new HubApiError(status, code, code, details);

describe('supervisor override: reading the hub', () => {
  it('names the missing permission a supervisor can answer', () => {
    expect(missingPermission(refusal('PERMISSION_REQUIRED', { permission: 'sale.void' }))).toBe('sale.void');
  });

  it('does not ask again when the supervisor asked lacks the permission too, nor for other errors', () => {
    const supervisorLacks = refusal('PERMISSION_REQUIRED', { permission: 'sale.void', supervisorId: 's' });
    expect(missingPermission(supervisorLacks)).toBeNull();
    expect(missingPermission(refusal('PERMISSION_REQUIRED', {}))).toBeNull();
    expect(missingPermission(refusal('FORBIDDEN', { permission: 'sale.void' }))).toBeNull();
    expect(missingPermission(new HubUnreachableError('network', 'down'))).toBeNull();
    expect(missingPermission(new Error('x'))).toBeNull();
  });

  it('tells a wrong PIN, a lock-out and a supervisor without the permission apart', () => {
    expect(overrideFailure(refusal('OVERRIDE_FAILED', {}))).toEqual({ kind: 'wrong-pin' });
    expect(overrideFailure(refusal('LOCKED', { retryAfterSeconds: 30 }, 423))).toEqual({
      kind: 'locked',
      retryAfterSeconds: 30,
    });
    expect(
      overrideFailure(refusal('PERMISSION_REQUIRED', { permission: 'sale.void', supervisorId: 'bo' })),
    ).toEqual({ kind: 'not-allowed', supervisorId: 'bo' });
    // The first refusal (no supervisor named) and any other error are not failures of the override.
    expect(overrideFailure(refusal('PERMISSION_REQUIRED', { permission: 'sale.void' }))).toBeNull();
    expect(overrideFailure(refusal('SALE_HAS_PAYMENTS', {}, 422))).toBeNull();
    expect(overrideFailure(new HubUnreachableError('timeout', 'slow'))).toBeNull();
  });
});

describe('supervisor override: who may approve', () => {
  const staff = [
    { id: 'anna', name: 'Anna', role: 'cashier' },
    { id: 'tom', name: 'Tom', role: 'technician' },
    { id: 'mette', name: 'Mette', role: 'manager' },
    { id: 'lin', name: 'Lin', role: 'Shift lead' },
    { id: 'bo', name: 'Bo', role: 'supervisor' },
    { id: 'ole', name: 'Ole', role: 'cashier' },
  ];

  it('leaves out the person asking and lists the usual approvers first', () => {
    expect(approverCandidates(staff, 'anna').map((s) => s.id)).toEqual(['bo', 'mette', 'lin', 'tom', 'ole']);
  });

  it('keeps everyone when the asker is unknown, and the order of the hub within a rank', () => {
    expect(approverCandidates(staff, null).map((s) => s.id)).toEqual([
      'bo',
      'mette',
      'lin',
      'anna',
      'tom',
      'ole',
    ]);
  });
});
