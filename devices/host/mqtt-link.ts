import mqtt, { type MqttClient } from 'mqtt';
import { topics } from '../../hub/contract/mqtt.js';
import { Backoff, Timers } from './backoff.js';
import type { HostLog } from './log.js';

export interface MqttLinkOptions {
  brokerUrl: string;
  store: string;
  deviceId: string;
  secret: string;
  backoff: { initialMs: number; maxMs: number };
  log: HostLog;
  /** The retained state the broker publishes if this connection dies without saying goodbye. */
  lastWill: () => unknown;
  /** Runs on every (re)connect, before commands are subscribed: the runner republishes its state here. */
  onConnect: () => void;
  onCommand: (payload: Buffer) => void;
}

/**
 * A device's MQTT connection: clientId = username = device id, password = its secret, a retained offline
 * last will, and reconnects with exponential backoff and jitter. MQTT.js retries only at a fixed period,
 * so its own reconnect is off and this class decides when to try again.
 */
export class MqttLink {
  private client: MqttClient | null = null;
  private readonly timers = new Timers();
  private readonly backoff: Backoff;
  private reconnectPending = false;
  private stopped = true;
  reconnects = 0;

  constructor(private readonly options: MqttLinkOptions) {
    this.backoff = new Backoff(options.backoff);
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  start(): void {
    const o = this.options;
    this.stopped = false;
    const stateTopic = topics.deviceState(o.store, o.deviceId);
    const cmdTopic = topics.deviceCommand(o.store, o.deviceId);
    const client = mqtt.connect(o.brokerUrl, {
      clientId: o.deviceId,
      username: o.deviceId,
      password: o.secret,
      clean: true,
      reconnectPeriod: 0,
      resubscribe: false,
      connectTimeout: 10_000,
      will: { topic: stateTopic, payload: Buffer.from(JSON.stringify(o.lastWill())), qos: 1, retain: true },
    });
    client.on('connect', () => {
      this.backoff.reset();
      o.log('info', 'device connected to the hub', { device: o.deviceId });
      o.onConnect();
      // Clean sessions: the broker forgets subscriptions, so every connect subscribes again.
      client.subscribe(cmdTopic, { qos: 1 }, (err) => {
        if (err) o.log('error', 'cannot subscribe to commands', { device: o.deviceId, error: err.message });
      });
    });
    client.on('message', (topic, payload) => {
      if (topic === cmdTopic) o.onCommand(payload);
    });
    client.on('close', () => {
      this.scheduleReconnect();
    });
    client.on('error', (err) => {
      o.log('warn', 'mqtt error', { device: o.deviceId, error: err.message });
    });
    this.client = client;
  }

  publish(topic: string, payload: unknown, retain: boolean): void {
    const client = this.client;
    if (!client?.connected) return;
    client.publish(topic, JSON.stringify(payload), { qos: 1, retain }, (err) => {
      if (err)
        this.options.log('warn', 'publish failed', {
          device: this.options.deviceId,
          topic,
          error: err.message,
        });
    });
  }

  /** Publishes `goodbye` (retained, as the last will would) when connected, then disconnects. */
  async stop(goodbye: unknown): Promise<void> {
    this.stopped = true;
    this.timers.clear();
    const client = this.client;
    this.client = null;
    if (!client) return;
    const topic = topics.deviceState(this.options.store, this.options.deviceId);
    if (client.connected) {
      await client
        .publishAsync(topic, JSON.stringify(goodbye), { qos: 1, retain: true })
        .catch(() => undefined);
    }
    client.removeAllListeners();
    client.on('error', () => undefined);
    await client.endAsync(true).catch(() => undefined);
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectPending) return;
    this.reconnectPending = true;
    void this.timers.sleep(this.backoff.next()).then(() => {
      this.reconnectPending = false;
      if (this.stopped || !this.client || this.client.connected) return;
      this.reconnects++;
      this.client.reconnect();
    });
  }
}
