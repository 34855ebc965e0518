import {
  DeviceEventSchema,
  DeviceReplySchema,
  DeviceStateSchema,
  parseTopic,
  topics,
  type DeviceEventPayload,
  type DeviceStatePayload,
  type TillEventPayload,
} from '../../contract/mqtt.js';
import type { HubContext } from '../../context.js';
import { isoNow } from '../../clock.js';
import * as q from '../../db/devices-queries.js';
import type { BusLink } from './bus-link.js';
import type { CommandChannel } from './command-channel.js';
import type { DeviceRegistry } from './device-registry.js';
import { toRecord } from './device-view.js';
import type { LiveStates } from './live-state.js';

export const LISTENER_OWNER = 'devices';

/**
 * What devices publish, as the hub hears it: retained state (kept live and in the database, and pushed
 * to the device's till), events (scans and weights forwarded to the till the device is assigned to) and
 * command replies. Anything that does not parse is dropped and counted against the device, never fatal.
 */
export class DeviceListener {
  constructor(
    private readonly ctx: HubContext,
    private readonly deps: {
      link: BusLink;
      live: LiveStates;
      commands: CommandChannel;
      registry: DeviceRegistry;
    },
  ) {}

  async start(): Promise<void> {
    const bus = this.deps.link.bus;
    if (!bus) return;
    const store = this.deps.link.storeId;
    const handler = (topic: string, payload: Buffer) => {
      this.receive(topic, payload);
    };
    await bus.subscribe(topics.deviceState(store, '+'), LISTENER_OWNER, handler);
    await bus.subscribe(topics.deviceEvent(store, '+'), LISTENER_OWNER, handler);
    await bus.subscribe(topics.deviceReply(store, '+'), LISTENER_OWNER, handler);
  }

  async stop(): Promise<void> {
    await this.deps.link.bus?.unsubscribeOwner(LISTENER_OWNER);
  }

  receive(topic: string, payload: Buffer): void {
    const parsed = parseTopic(topic);
    if (parsed?.kind !== 'device' || parsed.store !== this.deps.link.storeId) return;
    // A cleared retained message (revoke) arrives as an empty payload: nothing to record.
    if (payload.length === 0) return;
    const row = this.ctx.tx.read((db) => q.getDevice(db, parsed.device));
    if (!row || row.status === 'revoked') return;
    const body = parseJson(payload);
    switch (parsed.channel) {
      case 'state': {
        const state = DeviceStateSchema.safeParse(body);
        if (state.success) this.onState(row, state.data);
        else this.deps.live.countDropped(row.id);
        return;
      }
      case 'event': {
        const event = DeviceEventSchema.safeParse(body);
        if (event.success) this.onEvent(row, event.data);
        else this.deps.live.countDropped(row.id);
        return;
      }
      case 'reply': {
        const reply = DeviceReplySchema.safeParse(body);
        if (!reply.success) this.deps.live.countDropped(row.id);
        else if (this.deps.commands.handleReply(row.id, reply.data)) this.deps.live.seen(row.id, this.now());
        return;
      }
      case 'cmd':
        return;
    }
  }

  private onState(row: q.DeviceRow, state: DeviceStatePayload): void {
    const seenAt = this.now();
    this.deps.live.setState(row.id, state, seenAt);
    this.ctx.tx.write((tx) => {
      q.recordDeviceState(tx.db, row.id, {
        lastState: JSON.stringify(state),
        counters: JSON.stringify(state.counters),
        seenAt,
      });
    });
    if (state.online) this.deps.registry.markConnected(row.id);
    const record = toRecord(row);
    if (row.till_id === null || record.role === null) return;
    this.toTill(row.till_id, {
      type: 'device',
      deviceId: row.id,
      kind: record.kind,
      role: record.role,
      state,
      at: seenAt,
    });
  }

  private onEvent(row: q.DeviceRow, event: DeviceEventPayload): void {
    this.deps.live.seen(row.id, this.now());
    if (row.till_id === null) return;
    // Only what the assigned role produces goes to the till: a scan from its scanner, a weight from its scale.
    if (event.type === 'scan' && row.role === 'scanner') {
      this.toTill(row.till_id, {
        type: 'scan',
        deviceId: row.id,
        data: event.data,
        symbology: event.symbology,
        at: event.at,
      });
    } else if (event.type === 'weight' && row.role === 'scale') {
      const { grams, stable, tareGrams, condition, at } = event;
      this.toTill(row.till_id, { type: 'weight', deviceId: row.id, grams, stable, tareGrams, condition, at });
    }
  }

  private toTill(tillId: string, event: TillEventPayload): void {
    const bus = this.deps.link.bus;
    if (!bus) return;
    bus.publish(topics.tillEvents(this.deps.link.storeId, tillId), event).catch((error: unknown) => {
      this.ctx.log('warn', 'till event not delivered', { tillId, type: event.type, error: String(error) });
    });
  }

  private now(): string {
    return isoNow(this.ctx.clock);
  }
}

function parseJson(payload: Buffer): unknown {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
}
