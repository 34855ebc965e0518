import type { HubApiClient } from './client.js';
import { array, integer, object, oneOf, optionalString, string } from './decode.js';

/** The logged-in cashier's time clock: where they stand, and the four actions. */

export type ClockStatus = 'off' | 'working' | 'on_break';

export interface ClockState {
  status: ClockStatus;
  /** The open shift: when it began, the running break's start, minutes worked so far. */
  shift: { clockInAt: string; breakStartedAt: string | null; workedMinutes: number } | null;
}

export type ClockAction = 'clock-in' | 'clock-out' | 'break-start' | 'break-end';

function decodeClockState(value: unknown): ClockState {
  const o = object(value, 'clockState');
  const status = oneOf(o, 'status', ['off', 'working', 'on_break'], 'clockState');
  if (o.shift === null || o.shift === undefined) return { status, shift: null };
  const shift = object(o.shift, 'clockState.shift');
  const running = array(shift, 'breaks', 'clockState.shift')
    .map((b) => object(b, 'clockState.shift.breaks'))
    .find((b) => optionalString(b, 'endAt', 'clockState.shift.breaks') === null);
  return {
    status,
    shift: {
      clockInAt: string(shift, 'clockInAt', 'clockState.shift'),
      breakStartedAt: running ? string(running, 'startAt', 'clockState.shift.breaks') : null,
      workedMinutes: integer(shift, 'workedMinutes', 'clockState.shift'),
    },
  };
}

export async function clockState(api: HubApiClient): Promise<ClockState> {
  return decodeClockState(await api.request('/time-clock/me'));
}

/** A clock-in carries an id the till made, so a retried request opens one shift, not two. */
export async function clockAction(api: HubApiClient, action: ClockAction, id: string): Promise<ClockState> {
  const body = action === 'clock-in' ? { id } : undefined;
  return decodeClockState(await api.request(`/time-clock/${action}`, { method: 'POST', body }));
}
