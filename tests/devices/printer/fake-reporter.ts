import type { DeviceEventPayload, DeviceStatePayload } from '../../../hub/contract/mqtt.js';
import type { DriverReporter } from '../../../devices/driver.js';

/** Records what a driver reports, merging state patches the way the driver host does. */
export class RecordingReporter implements DriverReporter {
  readonly events: DeviceEventPayload[] = [];
  current: Partial<DeviceStatePayload> = {};

  event(event: DeviceEventPayload): void {
    this.events.push(event);
  }

  state(patch: Partial<Omit<DeviceStatePayload, 'at'>>): void {
    this.current = { ...this.current, ...patch };
  }

  log(): void {
    return undefined;
  }
}

export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
