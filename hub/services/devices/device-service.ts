import { topics, type DeviceReplyPayload, type TillEventPayload } from '../../contract/mqtt.js';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import type { BrokerControl, BrokerDirectory, MessageBus } from '../../mqtt/types.js';
import type { AccessService } from '../access/access-service.js';
import { requirePermission } from '../access/guards.js';
import type { ScryptParams } from '../access/secrets.js';
import * as q from '../../db/devices-queries.js';
import { BusLink } from './bus-link.js';
import { CommandChannel, errorReply, type CommandRequest } from './command-channel.js';
import {
  DeviceActions,
  type ScaleAdjusted,
  type ScaleAdjustment,
  type StableWeight,
  type TerminalFactory,
  type TestResult,
} from './device-actions.js';
import { DeviceDirectory } from './device-directory.js';
import { DeviceListener } from './device-listener.js';
import {
  DeviceRegistry,
  type DeviceCredentials,
  type DeviceListFilter,
  type Page,
  type RegisterInput,
  type UpdateInput,
} from './device-registry.js';
import { toDevice, type Device } from './device-view.js';
import { LiveStates, type LiveState } from './live-state.js';
import { firmwareProfileCatalog } from './firmware-catalog.js';
import type { ProfileCatalog } from './profiles.js';
import {
  TerminalCredentials,
  type TerminalCredentialsInput,
  type TerminalCredentialsView,
} from './terminal-credentials.js';
import type { TestAction } from './test-actions.js';

export interface DeviceServiceOptions {
  /** The store segment of every topic (config.storeId). */
  storeId: string;
  access: AccessService;
  /** Which profile ids are valid; the shipped firmware-profiles/ by default (ANY_PROFILE accepts any slug). */
  profiles?: ProfileCatalog | undefined;
  /** Test payments; without it a test payment answers TERMINAL_NOT_AVAILABLE. */
  terminals?: TerminalFactory | undefined;
  /** How long a test action or a scale read waits for the device's reply. */
  commandTimeoutMs?: number | undefined;
  /** Cheaper scrypt for tests; production uses DEFAULT_SCRYPT. */
  scrypt?: ScryptParams | undefined;
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 5_000;

/**
 * The device registry behind one object: registry changes, live state, commands and the broker's
 * directory. start() attaches the running broker (which is built with this service as its directory).
 */
export class DeviceService implements BrokerDirectory {
  private readonly live = new LiveStates();
  private readonly link: BusLink;
  private readonly commands: CommandChannel;
  private readonly registry: DeviceRegistry;
  private readonly actions: DeviceActions;
  private readonly directory: DeviceDirectory;
  private readonly listener: DeviceListener;
  private readonly credentials: TerminalCredentials;

  constructor(
    private readonly ctx: HubContext,
    options: DeviceServiceOptions,
  ) {
    const profiles = options.profiles ?? firmwareProfileCatalog();
    const timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.link = new BusLink(options.storeId);
    this.commands = new CommandChannel(this.link);
    this.registry = new DeviceRegistry(ctx, {
      live: this.live,
      link: this.link,
      profiles,
      scrypt: options.scrypt,
    });
    this.actions = new DeviceActions(ctx, {
      send: (targetId, command) => this.sendCommand(targetId, command, timeoutMs),
      profiles,
      terminals: options.terminals ?? null,
      timeoutMs,
      device: (id) => this.load(id),
    });
    this.directory = new DeviceDirectory(ctx, {
      access: options.access,
      registry: this.registry,
      scrypt: options.scrypt,
    });
    this.listener = new DeviceListener(ctx, {
      link: this.link,
      live: this.live,
      commands: this.commands,
      registry: this.registry,
    });
    this.credentials = new TerminalCredentials(ctx);
  }

  /** Attaches the broker and subscribes to device state, events and replies (owner 'devices'). */
  async start(broker: { bus: MessageBus; control: BrokerControl }): Promise<void> {
    this.link.bus = broker.bus;
    this.link.control = broker.control;
    await this.listener.start();
  }

  async stop(): Promise<void> {
    this.commands.cancelAll();
    await this.listener.stop();
    this.link.bus = null;
    this.link.control = null;
  }

  list(principal: Principal, filter: DeviceListFilter, limit: number, offset: number): Page<Device> {
    return this.registry.list(principal, filter, limit, offset);
  }

  get(principal: Principal, id: string): Device {
    return this.registry.get(principal, id);
  }

  liveState(principal: Principal, id: string): LiveState & { deviceId: string } {
    return { deviceId: id, ...this.registry.get(principal, id).live };
  }

  register(principal: Principal, input: RegisterInput): DeviceCredentials {
    return this.registry.register(principal, input);
  }

  update(principal: Principal, id: string, input: UpdateInput): Device {
    return this.registry.update(principal, id, input);
  }

  rotate(principal: Principal, id: string): DeviceCredentials {
    return this.registry.rotate(principal, id);
  }

  /** Revokes, disconnects, and clears the retained state so tills stop seeing the device. */
  async revoke(principal: Principal, id: string): Promise<Device> {
    requirePermission(principal, 'devices.manage');
    const device = this.registry.revoke(principal, id);
    try {
      await this.link.bus?.publish(topics.deviceState(this.link.storeId, id), Buffer.alloc(0), {
        retain: true,
      });
    } catch (error) {
      this.ctx.log('warn', 'retained state of a revoked device not cleared', {
        deviceId: id,
        error: String(error),
      });
    }
    return device;
  }

  test(principal: Principal, id: string, action: TestAction): Promise<TestResult> {
    return this.actions.test(principal, id, action);
  }

  stableWeight(principal: Principal, tillId: string): Promise<StableWeight> {
    return this.actions.stableWeight(principal, tillId);
  }

  adjustScale(principal: Principal, tillId: string, action: ScaleAdjustment): Promise<ScaleAdjusted> {
    return this.actions.adjustScale(principal, tillId, action);
  }

  /**
   * For other hub modules (printing, drawer): sends a command and resolves with the device's reply, or an
   * error reply (TIMEOUT, DEVICE_OFFLINE, DEVICE_REVOKED, NOT_FOUND, BUS_UNAVAILABLE); it never throws or hangs.
   */
  sendCommand(deviceId: string, command: CommandRequest, timeoutMs: number): Promise<DeviceReplyPayload> {
    const row = this.ctx.tx.read((db) => q.getDevice(db, deviceId));
    if (!row)
      return Promise.resolve(errorReply(command.id ?? deviceId, 'NOT_FOUND', `No device ${deviceId}`));
    const device = toDevice(row, this.live);
    if (device.status === 'revoked') {
      return Promise.resolve(
        errorReply(command.id ?? deviceId, 'DEVICE_REVOKED', `Device ${deviceId} is revoked`),
      );
    }
    if (this.live.get(deviceId)?.online === false) {
      return Promise.resolve(
        errorReply(command.id ?? deviceId, 'DEVICE_OFFLINE', `Device ${deviceId} is offline`),
      );
    }
    return this.commands.send(deviceId, command, timeoutMs);
  }

  /** A terminal's nexo key and TLS trust: the view only (hasCredentials, key identifier and version). */
  terminalCredentials(principal: Principal, id: string): TerminalCredentialsView {
    return this.credentials.get(principal, id);
  }

  setTerminalCredentials(
    principal: Principal,
    id: string,
    input: TerminalCredentialsInput,
  ): TerminalCredentialsView {
    return this.credentials.set(principal, id, input);
  }

  /**
   * Best effort: an event on pos/<store>/tills/<till>/events, as device scans and weights reach the till.
   * A no-op before the broker is attached; a failed publish is logged, never thrown.
   */
  notifyTill(tillId: string, event: TillEventPayload): void {
    const bus = this.link.bus;
    if (!bus) return;
    bus.publish(topics.tillEvents(this.link.storeId, tillId), event).catch((error: unknown) => {
      this.ctx.log('warn', 'till event not delivered', { tillId, type: event.type, error: String(error) });
    });
  }

  authenticateDevice(deviceId: string, secret: string): Promise<boolean> {
    return this.directory.authenticateDevice(deviceId, secret);
  }

  authenticateTill(tillId: string, token: string): Promise<boolean> {
    return this.directory.authenticateTill(tillId, token);
  }

  authenticateDisplay(displayId: string, token: string): Promise<string | null> {
    return this.directory.authenticateDisplay(displayId, token);
  }

  devicesOfTill(tillId: string): readonly string[] {
    return this.directory.devicesOfTill(tillId);
  }

  private load(id: string): Device {
    const row = this.ctx.tx.read((db) => q.getDevice(db, id));
    if (!row) throw new NotFoundError('Device', id);
    return toDevice(row, this.live);
  }
}
