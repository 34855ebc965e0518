/**
 * Live progress of a card payment, from the hub's `{type:'payment'}` events on the till's MQTT topic
 * (pos/<store>/tills/<till>/events). The payload is checked field by field: anything malformed or about
 * another kind of event is dropped, never fatal. Progress only informs the screen; the payment's outcome
 * is always the hub's answer to the payment request (or to asking again).
 */
export type CardStage =
  'waiting_for_card' | 'pin' | 'processing' | 'approved' | 'declined' | 'cancelled' | 'unknown';

export interface CardProgress {
  saleId: string;
  paymentId: string;
  stage: CardStage;
  /** The terminal's own words (English), shown small under the translated stage. */
  message: string | null;
}

/** Terminal stages as the hub and terminal drivers name them, to what the cashier is shown. */
const STAGES: Readonly<Record<string, CardStage>> = {
  waiting_for_card: 'waiting_for_card',
  card_inserted: 'processing',
  pin: 'pin',
  processing: 'processing',
  card_removed: 'processing',
  approved: 'approved',
  declined: 'declined',
  cancelled: 'cancelled',
  unknown: 'unknown',
};

export function decodeCardProgress(payload: unknown): CardProgress | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { type, saleId, paymentId, stage, status, message } = payload as Record<string, unknown>;
  if (type !== 'payment' || typeof saleId !== 'string' || typeof paymentId !== 'string') return null;
  const named = typeof stage === 'string' ? stage : typeof status === 'string' ? status : null;
  const mapped = named !== null && Object.hasOwn(STAGES, named) ? STAGES[named] : undefined;
  if (mapped === undefined) return null;
  return {
    saleId,
    paymentId,
    stage: mapped,
    message: typeof message === 'string' && message.trim() !== '' ? message.slice(0, 200) : null,
  };
}
