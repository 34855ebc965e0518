import type { IClientOptions, MqttClient } from 'mqtt';

/**
 * Who connects. A till tab: username `till:<tillId>`, its till token, client id `till:<tillId>:<name>`
 * with a short name per tab. A customer display: username and client id `display:<displayId>`, its
 * display token (the broker lets it read its till's cart topic and nothing else).
 */
export type MqttIdentity =
  | { kind: 'till'; tillId: string; token: string; clientName: string }
  | { kind: 'display'; displayId: string; token: string };

export interface HubMqttOptions {
  identity: MqttIdentity;
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
 * A live line to the hub's broker (mqtt.js browser build over WebSocket), for a till or a customer
 * display (see MqttIdentity). Payloads are JSON; a malformed one is dropped, never fatal, as the contract
 * says. Reconnects by itself; `close()` ends it.
 */
type Connect = (url: string, options: IClientOptions) => MqttClient;

/**
 * Loads mqtt.js only once paired (it is most of the script weight, and the pairing and login screens do
 * not need it), then connects.
 */
export async function connectHubMqtt(options: HubMqttOptions): Promise<HubMqtt> {
  const { default: mqtt } = await import('mqtt');
  return new HubMqtt(options, (url, o) => mqtt.connect(url, o));
}

export class HubMqtt {
  readonly #client: MqttClient;
  readonly #handlers = new Map<string, Set<Handler>>();
  readonly #onConnect = new Set<() => void>();

  constructor(options: HubMqttOptions, connect: Connect) {
    const who = options.identity;
    const username = who.kind === 'till' ? `till:${who.tillId}` : `display:${who.displayId}`;
    this.#client = connect(options.url, {
      clientId: who.kind === 'till' ? `${username}:${who.clientName}` : username,
      username,
      password: who.token,
      protocolVersion: 4,
      reconnectPeriod: 3_000,
      connectTimeout: 10_000,
      clean: true,
    });
    options.onStatus?.('connecting');
    this.#client.on('connect', () => {
      options.onStatus?.('online');
      for (const handler of this.#onConnect) handler();
    });
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

  /**
   * Publishes JSON (QoS 1). mqtt.js keeps it while the link is down and sends it on reconnect. A
   * retained message lives in the hub's memory only, so a publisher of state also calls this again from
   * `onConnect` (after a hub restart the broker has nothing).
   */
  publish(topic: string, payload: unknown, options: { retain: boolean }): void {
    this.#client.publish(topic, JSON.stringify(payload), { qos: 1, retain: options.retain });
  }

  /** Runs on every (re)connect; returns the function that stops it. */
  onConnect(handler: () => void): () => void {
    this.#onConnect.add(handler);
    return () => {
      this.#onConnect.delete(handler);
    };
  }

  close(): void {
    this.#handlers.clear();
    this.#onConnect.clear();
    this.#client.end(true);
  }
}
