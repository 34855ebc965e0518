import { parseMajorAmount } from '../amount-input.js';

/**
 * What the weigh dialog knows about the till's scale, as pure functions: live weight events from the hub
 * (`{type:'weight', grams, stable, tareGrams, condition}` on the till's events topic) and the answers of
 * an explicit read. Grams are the scale's net weight (load less tare), integers. Only a stable, positive
 * net weight in range may go on a line; everything else says why not.
 */
export type ScaleCondition = 'ok' | 'moving' | 'over_capacity' | 'under_zero' | 'zero' | 'error';

export interface ScaleReading {
  /** Net grams: what is on the platter less the tare. */
  grams: number;
  stable: boolean;
  tareGrams: number;
  condition: ScaleCondition;
}

export type WeighStatus =
  /** No reading yet: the dialog has asked the scale. */
  | 'waiting'
  /** Stable, positive, in range: it may be taken. */
  | 'ready'
  | 'moving'
  | 'empty'
  | 'over_capacity'
  | 'under_zero'
  | 'scale_error'
  /** No scale is assigned to this till. */
  | 'no_scale'
  /** The scale did not answer (off, cable out, offline). */
  | 'no_answer';

export interface WeighState {
  reading: ScaleReading | null;
  /** Set when the last word about the scale was a failure rather than a reading. */
  failure: 'no_scale' | 'no_answer' | null;
  /** Live events seen so far: a read answer older than the newest event is stale and dropped. */
  liveCount: number;
}

/** The most a line may weigh: the hub's quantity limit (1,000 kg). */
export const MAX_WEIGHT_GRAMS = 1_000_000;

const CONDITIONS: readonly ScaleCondition[] = [
  'ok',
  'moving',
  'over_capacity',
  'under_zero',
  'zero',
  'error',
];

export function initialWeighState(): WeighState {
  return { reading: null, failure: null, liveCount: 0 };
}

/** The reading in a till event, or null for any other event or a malformed one. */
export function weightEvent(payload: unknown): ScaleReading | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { type, grams, stable, tareGrams, condition } = payload as Record<string, unknown>;
  if (type !== 'weight') return null;
  if (typeof grams !== 'number' || !Number.isSafeInteger(grams)) return null;
  if (typeof tareGrams !== 'number' || !Number.isSafeInteger(tareGrams) || tareGrams < 0) return null;
  if (typeof stable !== 'boolean') return null;
  const known = CONDITIONS.find((c) => c === condition);
  if (known === undefined) return null;
  return { grams, stable, tareGrams, condition: known };
}

/** A live event from the scale: always the newest word. */
export function liveReading(state: WeighState, reading: ScaleReading): WeighState {
  return { reading, failure: null, liveCount: state.liveCount + 1 };
}

/** What a read started now must carry back, so an answer overtaken by live events is dropped. */
export function readTicket(state: WeighState): number {
  return state.liveCount;
}

/** The hub's answer to a read: a stable weight with its tare. */
export function readAnswered(
  state: WeighState,
  ticket: number,
  answer: { grams: number; tareGrams: number },
): WeighState {
  if (ticket !== state.liveCount) return state;
  return {
    ...state,
    failure: null,
    reading: {
      grams: answer.grams,
      stable: true,
      tareGrams: answer.tareGrams,
      condition: answer.grams === 0 ? 'zero' : 'ok',
    },
  };
}

/**
 * The hub's refusal of a read, by error code and the scale's reason: still moving, out of range, no scale
 * at this till, or no answer. The last known tare is kept.
 */
export function readFailed(state: WeighState, ticket: number, code: string, reason: string): WeighState {
  if (ticket !== state.liveCount) return state;
  const tareGrams = state.reading?.tareGrams ?? 0;
  const grams = state.reading?.grams ?? 0;
  const as = (condition: ScaleCondition, stable: boolean): WeighState => ({
    ...state,
    failure: null,
    reading: { grams, stable, tareGrams, condition },
  });
  if (code === 'WEIGHT_UNSTABLE') return as('moving', false);
  if (reason === 'OVER_CAPACITY') return as('over_capacity', true);
  if (reason === 'UNDER_ZERO') return as('under_zero', true);
  if (reason === 'SCALE_ERROR') return as('error', true);
  if (code === 'SCALE_UNAVAILABLE' && reason === '') return { ...state, failure: 'no_scale', reading: null };
  return { ...state, failure: 'no_answer' };
}

/** The scale took a tare or zero: the tare it now holds (the next reading follows as an event). */
export function adjusted(state: WeighState, tareGrams: number, grams: number | null): WeighState {
  const before = state.reading;
  return {
    ...state,
    failure: null,
    reading: {
      grams: grams ?? before?.grams ?? 0,
      stable: before?.stable ?? true,
      tareGrams,
      condition: grams === 0 ? 'zero' : (before?.condition ?? 'ok'),
    },
  };
}

export function weighStatus(state: WeighState): WeighStatus {
  if (state.failure !== null) return state.failure;
  const r = state.reading;
  if (r === null) return 'waiting';
  if (r.condition === 'error') return 'scale_error';
  if (r.condition === 'over_capacity' || r.grams > MAX_WEIGHT_GRAMS) return 'over_capacity';
  if (r.condition === 'under_zero' || r.grams < 0) return 'under_zero';
  if (!r.stable || r.condition === 'moving') return 'moving';
  if (r.grams === 0 || r.condition === 'zero') return 'empty';
  return 'ready';
}

/** The net grams that may go on the line now, or null while the reading is not a stable positive one. */
export function acceptableGrams(state: WeighState): number | null {
  return weighStatus(state) === 'ready' && state.reading ? state.reading.grams : null;
}

/**
 * A weight typed by the cashier in kilograms ("0.456", "1,2", "2"), to whole grams without floats; null
 * for anything else, for zero, more than three decimals or more than the hub takes.
 */
export function parseTypedWeight(text: string): number | null {
  const grams = parseMajorAmount(text, 3);
  if (grams === null || grams <= 0 || grams > MAX_WEIGHT_GRAMS) return null;
  return grams;
}
