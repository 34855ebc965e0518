import {
  DeviceEventSchema,
  DeviceStateSchema,
  topics,
  type DeviceEventPayload,
  type DeviceStatePayload,
} from '../../hub/contract/mqtt.js';
import type { DeviceDriver, DriverReporter } from '../driver.js';
import { Backoff, Timers } from './backoff.js';
import { runCommand } from './commands.js';
import type { DeviceConfig } from './config.js';
import type { HostLog } from './log.js';
import { MqttLink } from './mqtt-link.js';

export interface RunnerSettings {
  brokerUrl: string;
  store: string;
  healthIntervalMs: number;
  backoff: { initialMs: number; maxMs: number };
  log: HostLog;
}

type StateCore = Omit<DeviceStatePayload, 'at'>;

/**
 * One device as an MQTT participant, after UnifiedPOS: open the driver, enable it, check its health
 * periodically (failures become state; two in a row reopen it with backoff), close on stop. Commands from
 * its cmd topic go to the driver and the reply back; its events and state are published after validation
 * against the contract.
 */
export class DeviceRunner {
  private readonly link: MqttLink;
  private readonly timers = new Timers();
  private readonly backoff: Backoff;
  private stopped = true;
  private driverOpen = false;
  private healthFailures = 0;
  private checking = false;
  private state: StateCore;
  private readonly counters = {
    commands: 0,
    malformedCommands: 0,
    invalidEvents: 0,
    eventsOffline: 0,
    reopens: 0,
  };

  constructor(
    readonly device: DeviceConfig,
    private readonly driver: DeviceDriver,
    private readonly settings: RunnerSettings,
  ) {
    this.backoff = new Backoff(settings.backoff);
    this.state = {
      online: false,
      status: 'offline',
      model: device.kind,
      profile: device.profile,
      firmware: null,
      errors: [],
      counters: {},
      detail: {},
    };
    this.link = new MqttLink({
      brokerUrl: settings.brokerUrl,
      store: settings.store,
      deviceId: device.id,
      secret: device.secret,
      backoff: settings.backoff,
      log: settings.log,
      lastWill: () => ({ ...this.snapshot(), online: false, status: 'offline' }),
      onConnect: () => this.publishState(),
      onCommand: (payload) => void this.onCommand(payload),
    });
  }

  get currentState(): DeviceStatePayload {
    return this.snapshot();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.link.start();
    void this.openDriver();
    this.timers.every(this.settings.healthIntervalMs, () => void this.checkHealth());
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.clear();
    if (this.driverOpen) await this.driver.close().catch(() => undefined);
    this.driverOpen = false;
    // A clean stop says goodbye itself: the last will only fires when the host dies.
    this.state = { ...this.state, online: false, status: 'offline' };
    await this.link.stop(this.snapshot());
  }

  private reporter(): DriverReporter {
    return {
      event: (event) => {
        this.publishEvent(event);
      },
      state: (patch) => {
        this.patch({
          ...patch,
          counters: { ...this.state.counters, ...patch.counters },
          detail: { ...this.state.detail, ...patch.detail },
        });
      },
      log: (level, message, fields) => {
        this.settings.log(level, message, { device: this.device.id, ...fields });
      },
    };
  }

  /** Opens until it works: a scale switched off at night is retried with backoff, never given up. */
  private async openDriver(): Promise<void> {
    while (!this.stopped && !this.driverOpen) {
      try {
        await this.driver.open(this.reporter());
        await this.driver.setEnabled(true);
        this.driverOpen = true;
        this.healthFailures = 0;
        this.patch({ online: true, status: 'ok', errors: [] });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await this.driver.close().catch(() => undefined);
        this.patch({ online: false, status: 'error', errors: [message.slice(0, 200)] });
        await this.timers.sleep(this.backoff.next());
      }
    }
  }

  private isActive(): boolean {
    return !this.stopped && this.driverOpen;
  }

  private async checkHealth(): Promise<void> {
    if (!this.driverOpen || this.checking || this.stopped) return;
    this.checking = true;
    try {
      const report = await this.driver.health().catch((err: unknown) => ({ ok: false, detail: String(err) }));
      // stop() or another reopen may have run while the driver answered.
      if (!this.isActive()) return;
      if (report.ok) {
        this.healthFailures = 0;
        this.backoff.reset();
        if (this.state.status !== 'ok') this.patch({ online: true, status: 'ok', errors: [] });
        return;
      }
      this.patch({ online: false, status: 'error', errors: [report.detail.slice(0, 200)] });
      // Two misses in a row before reopening: one lost answer on a busy line is not an unplugged cable.
      if (++this.healthFailures < 2) return;
      this.counters.reopens++;
      this.driverOpen = false;
      await this.driver.close().catch(() => undefined);
      await this.timers.sleep(this.backoff.next());
      await this.openDriver();
    } finally {
      this.checking = false;
    }
  }

  private async onCommand(payload: Buffer): Promise<void> {
    const unavailable = this.driverOpen ? null : (this.state.errors[0] ?? 'the device is not open');
    const outcome = await runCommand(this.driver, payload, unavailable);
    if ('dropped' in outcome) {
      this.counters.malformedCommands++;
      this.settings.log('warn', 'malformed command dropped', {
        device: this.device.id,
        reason: outcome.dropped,
      });
      return;
    }
    this.counters.commands++;
    this.link.publish(topics.deviceReply(this.settings.store, this.device.id), outcome.reply, false);
  }

  private patch(patch: Partial<StateCore>): void {
    this.state = { ...this.state, ...patch };
    this.publishState();
  }

  private snapshot(): DeviceStatePayload {
    const counters = { ...this.state.counters, ...this.counters, reconnects: this.link.reconnects };
    return { ...this.state, counters, at: new Date().toISOString() };
  }

  private publishState(): void {
    const parsed = DeviceStateSchema.safeParse(this.snapshot());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]?.message;
      this.settings.log('error', 'device state does not match the contract', {
        device: this.device.id,
        issue,
      });
      return;
    }
    this.link.publish(topics.deviceState(this.settings.store, this.device.id), parsed.data, true);
  }

  private publishEvent(event: DeviceEventPayload): void {
    const parsed = DeviceEventSchema.safeParse(event);
    if (!parsed.success) {
      this.counters.invalidEvents++;
      return;
    }
    // Events are live facts: a scan queued while the hub was away would reach a till that has moved on.
    if (!this.link.connected) {
      this.counters.eventsOffline++;
      return;
    }
    this.link.publish(topics.deviceEvent(this.settings.store, this.device.id), parsed.data, false);
  }
}
