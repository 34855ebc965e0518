import type { IClientOptions, MqttClient } from 'mqtt';

export interface HubMqttOptions {
  tillId: string;
  token: string;
  /** A short name per tab or display (`till:<id>:<name>`), so two tabs do not knock each other off. */
  clientName: string;
  /** ws(s)://<host>/mqtt: the hub serves MQTT over WebSocket on its HTTP port (see mqttUrlFor). */
  url: string;
  onStatus?: (status: MqttStatus) => void;
}

export type MqttStatus = 'connecting' | 'online' | 'offline' | 'refused';

type Handler = (payload: unknown, topic: string) => void;

/** The broker's address for a page served by the hub (pass window.location). */
export function mqttUrlFor(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/mqtt`;
}

/** Does `topic` fall under `filter` (MQTT wildcards + and #)? */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/**
 * The till's live line to the hub's broker (mqtt.js browser build over WebSocket). Username
 * `till:<tillId>`, password the till token. Payloads are JSON; a malformed one is dropped, never fatal,
 * as the contract says. Reconnects by itself; `close()` ends it.
 */
type Connect = (url: string, options: IClientOptions) => MqttClient;

/**
 * Loads mqtt.js only when a till is paired (it is most of the till's script weight, and the pairing and
 * login screens do not need it), then connects.
 */
export async function connectHubMqtt(options: HubMqttOptions): Promise<HubMqtt> {
  const { default: mqtt } = await import('mqtt');
  return new HubMqtt(options, (url, o) => mqtt.connect(url, o));
}

export class HubMqtt {
  readonly #client: MqttClient;
  readonly #handlers = new Map<string, Set<Handler>>();

  constructor(options: HubMqttOptions, connect: Connect) {
    const clientId = `till:${options.tillId}:${options.clientName}`;
    this.#client = connect(options.url, {
      clientId,
      username: `till:${options.tillId}`,
      password: options.token,
      protocolVersion: 4,
      reconnectPeriod: 3_000,
      connectTimeout: 10_000,
      clean: true,
    });
    options.onStatus?.('connecting');
    this.#client.on('connect', () => options.onStatus?.('online'));
    this.#client.on('offline', () => options.onStatus?.('offline'));
    this.#client.on('error', (error) => {
      // CONNACK 4/5: the broker refused our credentials; retrying with the same ones cannot help.
      if ('code' in error && (error.code === 4 || error.code === 5)) {
        options.onStatus?.('refused');
        this.#client.end(true);
      }
    });
    this.#client.on('message', (topic, payload) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(new TextDecoder().decode(payload));
      } catch {
        return;
      }
      for (const [filter, handlers] of this.#handlers) {
        if (!topicMatches(filter, topic)) continue;
        for (const handler of handlers) handler(parsed, topic);
      }
    });
  }

  /** Subscribes (QoS 1) and returns the function that unsubscribes this handler. */
  subscribe(filter: string, handler: Handler): () => void {
    let handlers = this.#handlers.get(filter);
    if (!handlers) {
      handlers = new Set();
      this.#handlers.set(filter, handlers);
      this.#client.subscribe(filter, { qos: 1 });
    }
    handlers.add(handler);
    return () => {
      const set = this.#handlers.get(filter);
      if (!set) return;
      set.delete(handler);
      if (set.size === 0) {
        this.#handlers.delete(filter);
        this.#client.unsubscribe(filter);
      }
    };
  }

  close(): void {
    this.#handlers.clear();
    this.#client.end(true);
  }
}
