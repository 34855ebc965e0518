import type {
  DeviceCommandPayload,
  DeviceEventPayload,
  DeviceKind,
  DeviceReplyPayload,
  DeviceStatePayload,
} from '../hub/contract/mqtt.js';

/**
 * One interface for every device kind, after UnifiedPOS: open (transport up), claim (exclusive use),
 * enable (events flow), health, close. The driver host (devices/host) runs a driver as an MQTT participant:
 * it publishes what the driver reports and hands it the commands addressed to its device.
 */
export interface DriverReporter {
  /** A device event (scan, weight, drawer, printer status, payment stage). */
  event(event: DeviceEventPayload): void;
  /** A change of live state; the host merges it into the retained state it publishes. */
  state(patch: Partial<Omit<DeviceStatePayload, 'at'>>): void;
  log(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void;
}

export interface HealthReport {
  ok: boolean;
  detail: string;
}

export interface DeviceDriver {
  readonly kind: DeviceKind;
  /** Opens the transport; throws with a clear message when the port or address cannot be reached. */
  open(reporter: DriverReporter): Promise<void>;
  /** Exclusive use by one holder (a till weighing an item); false when another holder has it. */
  claim(holder: string, timeoutMs: number): Promise<boolean>;
  release(holder: string): Promise<void>;
  /** Starts (true) or stops (false) the flow of events. */
  setEnabled(enabled: boolean): Promise<void>;
  health(): Promise<HealthReport>;
  /** Runs one command; expected failures (paper out, unstable weight) are an error reply, not a throw. */
  execute(command: DeviceCommandPayload): Promise<DeviceReplyPayload>;
  close(): Promise<void>;
}
