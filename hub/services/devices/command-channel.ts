import { topics, type DeviceCommandPayload, type DeviceReplyPayload } from '../../contract/mqtt.js';
import { newId } from '../../ids.js';
import type { BusLink } from './bus-link.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A command to send; the id is made here unless the caller has one (a print job resent by its id). */
export type CommandRequest = DistributiveOmit<DeviceCommandPayload, 'id'> & { id?: string };

interface Pending {
  deviceId: string;
  resolve: (reply: DeviceReplyPayload) => void;
  timer: NodeJS.Timeout;
}

/** Errors the hub itself answers with, so callers handle one reply shape whatever went wrong. */
export function errorReply(id: string, code: string, message: string): DeviceReplyPayload {
  return { id, status: 'error', error: { code, message } };
}

/**
 * Request/reply over MQTT: publish on devices/<id>/cmd, resolve when devices/<id>/reply carries the same
 * command id. A device that never answers resolves as a TIMEOUT error reply after timeoutMs, so a caller
 * (an HTTP request, a print job) never hangs on a device that is off.
 */
export class CommandChannel {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly link: BusLink) {}

  async send(deviceId: string, command: CommandRequest, timeoutMs: number): Promise<DeviceReplyPayload> {
    const id = command.id ?? newId();
    const bus = this.link.bus;
    if (!bus) return errorReply(id, 'BUS_UNAVAILABLE', 'The device bus is not running');
    if (this.pending.has(id)) return errorReply(id, 'DUPLICATE_COMMAND', `Command ${id} is already waiting`);
    const payload = { ...command, id };
    const reply = new Promise<DeviceReplyPayload>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(errorReply(id, 'TIMEOUT', `Device ${deviceId} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { deviceId, resolve, timer });
    });
    try {
      await bus.publish(topics.deviceCommand(this.link.storeId, deviceId), payload, { qos: 1 });
    } catch (error) {
      this.settle(id, errorReply(id, 'PUBLISH_FAILED', `Could not send to ${deviceId}: ${String(error)}`));
    }
    return reply;
  }

  /** A reply from a device's own reply topic. Replies to commands sent to another device are ignored. */
  handleReply(deviceId: string, reply: DeviceReplyPayload): boolean {
    const waiting = this.pending.get(reply.id);
    if (waiting?.deviceId !== deviceId) return false;
    this.settle(reply.id, reply);
    return true;
  }

  /** stop(): everything still waiting answers now instead of holding a request open. */
  cancelAll(): void {
    for (const id of [...this.pending.keys()]) {
      this.settle(id, errorReply(id, 'BUS_STOPPED', 'The device bus stopped'));
    }
  }

  private settle(id: string, reply: DeviceReplyPayload): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(id);
    waiting.resolve(reply);
  }
}
