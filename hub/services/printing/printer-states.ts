import type { EventBus } from '../../events/event-bus.js';
import { DeviceStateSchema, parseTopic, topics, type TillEventPayload } from '../../contract/mqtt.js';
import type { MessageBus } from '../../mqtt/types.js';

const OWNER = 'printing';

/**
 * Which devices are connected now, from their retained state topic (the last will sets online:false),
 * with a callback when one comes online so its waiting print jobs go out at once instead of at the next
 * sweep. Malformed states are ignored: the registry counts them.
 */
export class BusPrinterStates {
  private readonly online = new Map<string, boolean>();

  constructor(
    private readonly bus: MessageBus,
    private readonly store: string,
    private readonly onOnline: (deviceId: string) => void,
  ) {}

  async start(): Promise<void> {
    await this.bus.subscribe(topics.deviceState(this.store, '+'), OWNER, (topic, payload) => {
      const parsed = parseTopic(topic);
      if (parsed?.kind !== 'device') return;
      let state;
      try {
        state = DeviceStateSchema.safeParse(JSON.parse(payload.toString('utf8')));
      } catch {
        return;
      }
      if (!state.success) return;
      const was = this.online.get(parsed.device) ?? false;
      // "Online" for printing: connected and able to print; a printer out of paper waits like an off one.
      const ready = state.data.online && state.data.status !== 'offline' && state.data.status !== 'error';
      this.online.set(parsed.device, ready);
      if (ready && !was) this.onOnline(parsed.device);
    });
  }

  isOnline(deviceId: string): boolean {
    return this.online.get(deviceId) ?? false;
  }

  async stop(): Promise<void> {
    await this.bus.unsubscribeOwner(OWNER);
  }
}

/** Print status for the till that asked for it, on pos/<store>/tills/<till>/events, after commit. */
export function forwardPrintStatusToTills(
  events: EventBus,
  bus: MessageBus,
  store: string,
  log: (m: string, e: unknown) => void,
): void {
  events.on('print.job.updated', OWNER, (job) => {
    if (job.tillId === null) return;
    const payload: TillEventPayload = {
      type: 'print',
      jobId: job.jobId,
      status: job.status,
      error: job.error,
      at: new Date().toISOString(),
    };
    bus.publish(topics.tillEvents(store, job.tillId), payload, { qos: 1 }).catch((error: unknown) => {
      log('till print event not published', error);
    });
  });
}
