import type { Aedes, AedesPublishPacket } from 'aedes';
import type { Readable } from 'node:stream';
import type { Logger } from '../http/error-handler.js';
import type { MessageBus } from './types.js';

type Deliver = (packet: AedesPublishPacket, callback: () => void) => void;

/** The slice of aedes' persistence we read; aedes does not type it, the default memory store has it. */
interface RetainedSource {
  createRetainedStreamCombi(patterns: string[]): Readable;
}

function retainedSource(broker: Aedes): RetainedSource {
  return (broker as unknown as { persistence: RetainedSource }).persistence;
}

function toBuffer(payload: unknown): Buffer {
  return Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload), 'utf8');
}

/**
 * Hub services publish and subscribe in-process through aedes (no network client, so no internal
 * credential exists to leak). The hub is trusted: its publishes skip the client ACL. Subscribing
 * delivers the retained messages that match first, as an MQTT subscription would, so a service that
 * starts late still sees every device's last state. A handler that throws is logged, never fatal.
 */
export class AedesMessageBus implements MessageBus {
  private readonly owners = new Map<string, { pattern: string; deliver: Deliver }[]>();

  constructor(
    private readonly broker: Aedes,
    private readonly log: Logger,
  ) {}

  publish(topic: string, payload: unknown, options: { retain?: boolean; qos?: 0 | 1 } = {}): Promise<void> {
    if (topic.includes('+') || topic.includes('#')) {
      return Promise.reject(new Error(`cannot publish to a wildcard topic: ${topic}`));
    }
    return new Promise((resolve, reject) => {
      this.broker.publish(
        {
          cmd: 'publish',
          topic,
          payload: toBuffer(payload),
          qos: options.qos ?? 0,
          retain: options.retain ?? false,
          dup: false,
        },
        (error) => {
          if (error) reject(error);
          else resolve();
        },
      );
    });
  }

  async subscribe(
    pattern: string,
    owner: string,
    handler: (topic: string, payload: Buffer) => void,
  ): Promise<void> {
    const call = (topic: string, payload: Buffer) => {
      try {
        handler(topic, payload);
      } catch (error) {
        this.log('error', 'message bus handler failed', { owner, topic, error: String(error) });
      }
    };
    const deliver: Deliver = (packet, callback) => {
      // Like an MQTT wildcard, a pattern that does not start with '$' never sees aedes' own '$' topics.
      if (packet.topic.startsWith('$') && !pattern.startsWith('$')) callback();
      else {
        call(packet.topic, Buffer.from(packet.payload));
        callback();
      }
    };
    if (this.broker.closed) throw new Error('broker is closed');
    await new Promise<void>((resolve) => {
      this.broker.subscribe(pattern, deliver, resolve);
    });
    const list = this.owners.get(owner) ?? [];
    list.push({ pattern, deliver });
    this.owners.set(owner, list);
    for await (const packet of retainedSource(this.broker).createRetainedStreamCombi([pattern])) {
      const retained = packet as AedesPublishPacket;
      if (!retained.topic.startsWith('$') || pattern.startsWith('$')) {
        call(retained.topic, Buffer.from(retained.payload));
      }
    }
  }

  async unsubscribeOwner(owner: string): Promise<void> {
    const list = this.owners.get(owner) ?? [];
    this.owners.delete(owner);
    await Promise.all(
      list.map(
        ({ pattern, deliver }) =>
          new Promise<void>((resolve) => {
            this.broker.unsubscribe(pattern, deliver, resolve);
          }),
      ),
    );
  }
}
