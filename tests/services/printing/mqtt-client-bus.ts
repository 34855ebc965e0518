import type { MqttClient } from 'mqtt';
import type { MessageBus } from '../../../hub/mqtt/types.js';
import { topicMatches } from './fake-bus.js';

/** A MessageBus over a real MQTT.js client, so the test driver host talks to the real broker. */
export class MqttClientBus implements MessageBus {
  private subs: { pattern: string; owner: string; handler: (topic: string, payload: Buffer) => void }[] = [];

  constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload) => {
      for (const s of this.subs) if (topicMatches(s.pattern, topic)) s.handler(topic, payload);
    });
  }

  async publish(topic: string, payload: unknown, options?: { retain?: boolean; qos?: 0 | 1 }): Promise<void> {
    const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
    await this.client.publishAsync(topic, bytes, {
      retain: options?.retain ?? false,
      qos: options?.qos ?? 1,
    });
  }

  async subscribe(
    pattern: string,
    owner: string,
    handler: (topic: string, payload: Buffer) => void,
  ): Promise<void> {
    this.subs.push({ pattern, owner, handler });
    await this.client.subscribeAsync(pattern, { qos: 1 });
  }

  unsubscribeOwner(owner: string): Promise<void> {
    this.subs = this.subs.filter((s) => s.owner !== owner);
    return Promise.resolve();
  }
}
