import type { PaymentInput } from '../../shared/api/sales-endpoints.js';
import { backoffMs } from '../../shared/connection/backoff.js';

/**
 * A sale whose money was taken in cash while the hub did not answer: the cart the hub already holds,
 * the cash payments with the ids the till gave them, and when to try again. Replaying it sends the same
 * payment ids and then completes the same sale id, so the hub records it once however often it is sent.
 */
export interface PendingCompletion {
  saleId: string;
  payments: PaymentInput[];
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** The hub's last refusal, shown to the cashier; null while the hub simply has not answered. */
  problem: string | null;
}

/** Adds a sale (or more payments of a sale already waiting): one entry per sale id, one per payment id. */
export function enqueue(
  queue: readonly PendingCompletion[],
  saleId: string,
  payments: readonly PaymentInput[],
  now: number,
): PendingCompletion[] {
  const held = queue.find((p) => p.saleId === saleId);
  if (!held) {
    return [
      ...queue,
      { saleId, payments: [...payments], queuedAt: now, attempts: 0, nextAttemptAt: now, problem: null },
    ];
  }
  const known = new Set(held.payments.map((p) => p.id));
  const added = payments.filter((p) => !known.has(p.id));
  return queue.map((p) =>
    p === held ? { ...held, payments: [...held.payments, ...added], nextAttemptAt: now } : p,
  );
}

/** The entries to send now, oldest first. */
export function due(queue: readonly PendingCompletion[], now: number): PendingCompletion[] {
  return queue.filter((p) => p.nextAttemptAt <= now).sort((a, b) => a.queuedAt - b.queuedAt);
}

/** The hub has the sale completed: it leaves the queue. */
export function completed(queue: readonly PendingCompletion[], saleId: string): PendingCompletion[] {
  return queue.filter((p) => p.saleId !== saleId);
}

/**
 * A try failed: wait longer before the next one. A refusal is kept as `problem` but the entry stays:
 * money was taken, so only a person (or the hub changing its answer) may settle it, never the queue.
 */
export function failed(
  queue: readonly PendingCompletion[],
  saleId: string,
  now: number,
  problem: string | null,
): PendingCompletion[] {
  return queue.map((p) =>
    p.saleId === saleId
      ? { ...p, attempts: p.attempts + 1, nextAttemptAt: now + backoffMs(p.attempts), problem }
      : p,
  );
}

/** Tries now instead of waiting (the hub is back, or the cashier asked). */
export function retryAllNow(queue: readonly PendingCompletion[], now: number): PendingCompletion[] {
  return queue.map((p) => ({ ...p, nextAttemptAt: Math.min(p.nextAttemptAt, now) }));
}

/** Reads a stored queue, dropping anything malformed rather than failing the till. */
export function parseQueue(raw: string | null): PendingCompletion[] {
  if (raw === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  return Array.isArray(value) ? value.filter(isPending) : [];
}

function isPending(value: unknown): value is PendingCompletion {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return (
    typeof o.saleId === 'string' &&
    Array.isArray(o.payments) &&
    o.payments.every(isPayment) &&
    typeof o.queuedAt === 'number' &&
    typeof o.attempts === 'number' &&
    typeof o.nextAttemptAt === 'number' &&
    (o.problem === null || typeof o.problem === 'string')
  );
}

function isPayment(value: unknown): value is PaymentInput {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return (
    typeof o.id === 'string' &&
    typeof o.tenderId === 'string' &&
    Number.isSafeInteger(o.amountMinor) &&
    (o.tenderedMinor === undefined || Number.isSafeInteger(o.tenderedMinor))
  );
}
