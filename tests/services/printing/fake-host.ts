import {
  DeviceCommandSchema,
  DeviceReplySchema,
  topics,
  type DeviceCommandPayload,
  type DeviceReplyPayload,
  type DeviceStatePayload,
} from '../../../hub/contract/mqtt.js';
import type { DeviceDriver } from '../../../devices/driver.js';
import type { MessageBus } from '../../../hub/mqtt/types.js';
import { newId } from '../../../hub/ids.js';

/**
 * Runs a driver on the bus the way the driver host does: state retained (merged patches), commands in,
 * replies out. dropReplies loses that many replies after the driver executed the command, as a network
 * would.
 */
export class TestDriverHost {
  dropReplies = 0;
  executed = 0;
  private state: DeviceStatePayload = {
    online: true,
    status: 'ok',
    model: '',
    profile: '',
    firmware: null,
    errors: [],
    counters: {},
    detail: {},
    at: new Date().toISOString(),
  };

  constructor(
    private readonly bus: MessageBus,
    private readonly store: string,
    readonly deviceId: string,
    private readonly driver: DeviceDriver,
  ) {}

  async start(): Promise<void> {
    await this.driver.open({
      event: (event) => void this.bus.publish(topics.deviceEvent(this.store, this.deviceId), event),
      state: (patch) => {
        this.state = { ...this.state, ...patch, at: new Date().toISOString() };
        void this.bus.publish(topics.deviceState(this.store, this.deviceId), this.state, { retain: true });
      },
      log: () => undefined,
    });
    await this.bus.subscribe(topics.deviceCommand(this.store, this.deviceId), this.owner, (_t, payload) => {
      const parsed = DeviceCommandSchema.parse(JSON.parse(payload.toString('utf8')));
      void this.driver.execute(parsed as DeviceCommandPayload).then((reply) => {
        this.executed++;
        if (this.dropReplies > 0) {
          this.dropReplies--;
          return;
        }
        void this.bus.publish(topics.deviceReply(this.store, this.deviceId), reply);
      });
    });
  }

  /** The host goes away: last will says offline; the driver closes. */
  async stop(): Promise<void> {
    await this.bus.unsubscribeOwner(this.owner);
    await this.bus.publish(
      topics.deviceState(this.store, this.deviceId),
      { ...this.state, online: false, status: 'offline' },
      { retain: true },
    );
    await this.driver.close();
  }

  /** The host crashed: nothing more is published, the driver lets go of the printer. */
  async abandon(): Promise<void> {
    await this.bus.unsubscribeOwner(this.owner);
    await this.driver.close();
  }

  private get owner(): string {
    return `host-${this.deviceId}`;
  }
}

/** The hub side of a command round trip over the bus, as DeviceService.sendCommand does it. */
export class BusCommander {
  private readonly pending = new Map<string, (reply: DeviceReplyPayload) => void>();

  constructor(
    private readonly bus: MessageBus,
    private readonly store: string,
  ) {}

  async start(): Promise<void> {
    await this.bus.subscribe(topics.deviceReply(this.store, '+'), 'commander', (_t, payload) => {
      const reply = DeviceReplySchema.safeParse(JSON.parse(payload.toString('utf8')));
      if (reply.success) this.pending.get(reply.data.id)?.(reply.data);
    });
  }

  sendCommand(
    deviceId: string,
    command: DeviceCommandPayload,
    timeoutMs: number,
  ): Promise<DeviceReplyPayload> {
    const id = command.id || newId();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ id, status: 'error', error: { code: 'TIMEOUT', message: 'no reply' } });
      }, timeoutMs);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        this.pending.delete(id);
        resolve(reply);
      });
      void this.bus.publish(topics.deviceCommand(this.store, deviceId), { ...command, id });
    });
  }
}
