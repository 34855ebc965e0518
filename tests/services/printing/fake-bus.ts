import type { MessageBus } from '../../../hub/mqtt/types.js';

/** MQTT topic matching with + and # wildcards. */
export function topicMatches(pattern: string, topic: string): boolean {
  const p = pattern.split('/');
  const t = topic.split('/');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '#') return true;
    if (i >= t.length) return false;
    if (p[i] !== '+' && p[i] !== t[i]) return false;
  }
  return p.length === t.length;
}

/**
 * An in-process stand-in for the broker's MessageBus: retained messages, wildcards, delivery on a later
 * tick as a broker would. Used where a real broker adds nothing to what the test checks.
 */
export class InMemoryBus implements MessageBus {
  readonly published: { topic: string; payload: unknown }[] = [];
  private subs: { pattern: string; owner: string; handler: (topic: string, payload: Buffer) => void }[] = [];
  private readonly retained = new Map<string, Buffer>();

  publish(topic: string, payload: unknown, options?: { retain?: boolean }): Promise<void> {
    const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
    this.published.push({ topic, payload });
    if (options?.retain) this.retained.set(topic, bytes);
    for (const sub of this.subs.filter((s) => topicMatches(s.pattern, topic))) {
      setImmediate(() => sub.handler(topic, bytes));
    }
    return Promise.resolve();
  }

  subscribe(
    pattern: string,
    owner: string,
    handler: (topic: string, payload: Buffer) => void,
  ): Promise<void> {
    this.subs.push({ pattern, owner, handler });
    for (const [topic, bytes] of this.retained) {
      if (topicMatches(pattern, topic)) setImmediate(() => handler(topic, bytes));
    }
    return Promise.resolve();
  }

  unsubscribeOwner(owner: string): Promise<void> {
    this.subs = this.subs.filter((s) => s.owner !== owner);
    return Promise.resolve();
  }
}
