import { defineMachine } from '../../domain/state-machine.js';
import type { PaymentStatus } from '../../db/payments-queries.js';
import { ConflictError } from '../../errors.js';

export type PaymentEvent = 'approve' | 'decline' | 'cancel' | 'lose' | 'reverse';

/**
 * pending is committed before the terminal is asked; `lose` marks an outcome the hub did not learn
 * (timeout, connection lost), which is only ever resolved by asking the terminal again. `reverse` is an
 * approved cash or recorded payment handed back before the sale completes.
 */
export const paymentMachine = defineMachine<PaymentStatus, PaymentEvent>({
  pending: { approve: 'approved', decline: 'declined', cancel: 'cancelled', lose: 'unknown' },
  unknown: { approve: 'approved', decline: 'declined', cancel: 'cancelled' },
  approved: { reverse: 'cancelled' },
  declined: {},
  cancelled: {},
});

export function paymentTransition(
  paymentId: string,
  from: PaymentStatus,
  event: PaymentEvent,
): PaymentStatus {
  const t = paymentMachine.next(from, event);
  if (!t.ok) {
    throw new ConflictError(
      `Payment ${paymentId} is ${from}; cannot ${event} it`,
      { paymentId, status: from, event },
      'PAYMENT_STATE',
    );
  }
  return t.to;
}
