/**
 * How hub services meet the embedded broker without knowing aedes: a message bus for publishing and
 * subscribing in-process, and a directory the broker asks who may connect and what a till may read.
 */
export interface MessageBus {
  /** Publishes JSON (or a Buffer as is) to a topic; resolves once the broker has taken it. */
  publish(topic: string, payload: unknown, options?: { retain?: boolean; qos?: 0 | 1 }): Promise<void>;
  /** Subscribes under an owner key (MQTT wildcards allowed); unsubscribeOwner removes them all. */
  subscribe(pattern: string, owner: string, handler: (topic: string, payload: Buffer) => void): Promise<void>;
  unsubscribeOwner(owner: string): Promise<void>;
}

export interface BrokerDirectory {
  /** A registered, non-revoked device whose secret matches its stored scrypt hash. */
  authenticateDevice(deviceId: string, secret: string): Promise<boolean>;
  /** An active till presenting its device token. */
  authenticateTill(tillId: string, token: string): Promise<boolean>;
  /** An active customer display presenting its token: the till whose cart it may read, else null. */
  authenticateDisplay(displayId: string, token: string): Promise<string | null>;
  /** Devices assigned to a till: their state and events are the till's to read. */
  devicesOfTill(tillId: string): readonly string[];
}

export type BrokerClientKind = 'device' | 'till' | 'display';

export interface BrokerControl {
  /** Drops every connection of that device, till or display now (credential revoked or rotated). */
  disconnect(kind: BrokerClientKind, id: string): void;
}
