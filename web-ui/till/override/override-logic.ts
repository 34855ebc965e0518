import { HubApiError } from '../../shared/api/errors.js';
import type { OverrideInput } from '../../shared/api/sales-endpoints.js';
import type { LoginStaff } from '../../shared/api/till-endpoints.js';

/**
 * The pure part of a supervisor override: reading the hub's refusals and choosing who may approve.
 * The hub answers a missing permission with 403 PERMISSION_REQUIRED and `details.permission`; with an
 * override attached, a wrong PIN is 403 OVERRIDE_FAILED, a lock-out 423 LOCKED, and a supervisor who
 * lacks the permission too is PERMISSION_REQUIRED again with `details.supervisorId`.
 */

/** What the hub takes as `override` on a request the cashier alone may not make. */
export type SupervisorOverride = OverrideInput;

/** The permission the cashier lacks, when the refusal can be answered by a supervisor; else null. */
export function missingPermission(error: unknown): string | null {
  if (!(error instanceof HubApiError) || error.code !== 'PERMISSION_REQUIRED') return null;
  // Named with a supervisor: that supervisor was asked and lacks it too, a failed override.
  if (error.details.supervisorId !== undefined) return null;
  const permission = error.details.permission;
  return typeof permission === 'string' && permission !== '' ? permission : null;
}

export type OverrideFailure =
  | { kind: 'wrong-pin' }
  | { kind: 'locked'; retryAfterSeconds: number }
  | { kind: 'not-allowed'; supervisorId: string };

/** Why an attempt with a supervisor's PIN was refused, when the dialog should say so and stay open. */
export function overrideFailure(error: unknown): OverrideFailure | null {
  if (!(error instanceof HubApiError)) return null;
  if (error.code === 'OVERRIDE_FAILED') return { kind: 'wrong-pin' };
  if (error.code === 'LOCKED') {
    const seconds = error.details.retryAfterSeconds;
    return { kind: 'locked', retryAfterSeconds: typeof seconds === 'number' && seconds > 0 ? seconds : 0 };
  }
  const supervisorId = error.details.supervisorId;
  if (error.code === 'PERMISSION_REQUIRED' && typeof supervisorId === 'string') {
    return { kind: 'not-allowed', supervisorId };
  }
  return null;
}

// Those most often standing by first; custom roles (the store's own names) after the builtin approvers.
const ROLE_ORDER = ['supervisor', 'manager', 'owner'];
const RARELY_APPROVES = new Set(['cashier', 'technician']);

function rank(role: string): number {
  const builtin = ROLE_ORDER.indexOf(role);
  if (builtin >= 0) return builtin;
  return RARELY_APPROVES.has(role) ? ROLE_ORDER.length + 1 : ROLE_ORDER.length;
}

/**
 * Who to offer as approver: everyone who may log in at this till except the person asking (they lack the
 * permission by definition), the usual approvers first. Roles are editable, so nobody else is hidden:
 * the hub decides whether the one picked holds the permission.
 */
export function approverCandidates(staff: readonly LoginStaff[], askingStaffId: string | null): LoginStaff[] {
  return staff
    .filter((s) => s.id !== askingStaffId)
    .map((s, index) => ({ s, index }))
    .sort((a, b) => rank(a.s.role) - rank(b.s.role) || a.index - b.index)
    .map(({ s }) => s);
}
