import type { DeviceStatePayload } from '../../contract/mqtt.js';

/** What the registry shows about a device right now. */
export interface LiveState {
  /** Connected now, as its retained state (or last will) says. False until the hub has heard from it. */
  online: boolean;
  lastSeenAt: string | null;
  /** The device's own health; 'unknown' before it ever published a state. */
  status: DeviceStatePayload['status'] | 'unknown';
  errors: string[];
  counters: Record<string, number>;
  detail: DeviceStatePayload['detail'];
  model: string | null;
  firmware: string | null;
  /** The device's timestamp of that state. */
  stateAt: string | null;
  /** Malformed messages from this device the hub dropped since it started. */
  dropped: number;
}

export const UNKNOWN_LIVE: LiveState = {
  online: false,
  lastSeenAt: null,
  status: 'unknown',
  errors: [],
  counters: {},
  detail: {},
  model: null,
  firmware: null,
  stateAt: null,
  dropped: 0,
};

export function liveFromState(state: DeviceStatePayload, seenAt: string, dropped: number): LiveState {
  return {
    online: state.online,
    lastSeenAt: seenAt,
    status: state.status,
    errors: state.errors,
    counters: state.counters,
    detail: state.detail,
    model: state.model,
    firmware: state.firmware,
    stateAt: state.at,
    dropped,
  };
}

/**
 * Live state in memory, fed by the MQTT listener. The database keeps the last state too, but only this
 * map knows whether the device is connected now: after a hub restart a device counts as offline until it
 * publishes again (it does on every reconnect).
 */
export class LiveStates {
  private readonly byDevice = new Map<string, LiveState>();
  private readonly droppedByDevice = new Map<string, number>();

  get(deviceId: string): LiveState | undefined {
    return this.byDevice.get(deviceId);
  }

  setState(deviceId: string, state: DeviceStatePayload, seenAt: string): LiveState {
    const live = liveFromState(state, seenAt, this.dropped(deviceId));
    this.byDevice.set(deviceId, live);
    return live;
  }

  /** An event or reply proves the device is there even if its state message was lost. */
  seen(deviceId: string, at: string): void {
    const live = this.byDevice.get(deviceId);
    if (live) this.byDevice.set(deviceId, { ...live, lastSeenAt: at });
  }

  countDropped(deviceId: string): void {
    const n = this.dropped(deviceId) + 1;
    this.droppedByDevice.set(deviceId, n);
    const live = this.byDevice.get(deviceId);
    if (live) this.byDevice.set(deviceId, { ...live, dropped: n });
  }

  dropped(deviceId: string): number {
    return this.droppedByDevice.get(deviceId) ?? 0;
  }

  forget(deviceId: string): void {
    this.byDevice.delete(deviceId);
  }
}
