import type { DeviceKind } from '../../contract/mqtt.js';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import * as q from '../../db/devices-queries.js';
import { deleteTerminalCredentials } from '../../db/terminal-queries.js';
import type { Tx } from '../../db/transactor.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditActor } from '../access/audit-actor.js';
import { requirePermission } from '../access/guards.js';
import { DEFAULT_SCRYPT, generateToken, hashSecret, type ScryptParams } from '../access/secrets.js';
import type { BusLink } from './bus-link.js';
import { deviceMachine, type DeviceLifecycleEvent } from './device-machine.js';
import { toDevice, toRecord, type Device } from './device-view.js';
import type { LiveStates } from './live-state.js';
import { checkPlacement, type Placement } from './placement.js';
import type { ProfileCatalog } from './profiles.js';
import type { DeviceRole } from './roles.js';
import type { Transport } from './transport.js';

export interface RegisterInput {
  id?: string | undefined;
  kind: DeviceKind;
  name: string;
  profileId: string;
  transport: Transport;
  tillId?: string | null | undefined;
  role?: DeviceRole | null | undefined;
}

export type UpdateInput = Partial<
  Pick<RegisterInput, 'name' | 'profileId' | 'transport' | 'tillId' | 'role'>
>;

/** A device with its secret: returned by register and rotate only, never stored or shown again. */
export interface DeviceCredentials {
  device: Device;
  /** MQTT username is the device id; this is the password. */
  secret: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  nextOffset: number | null;
}

export interface DeviceListFilter {
  kind?: DeviceKind | undefined;
  tillId?: string | undefined;
  status?: Device['status'] | undefined;
}

/**
 * The registry: who the devices are, where they sit, and their credentials. Every change needs
 * 'devices.manage', is audited and goes to the outbox; a change of credentials drops the device's broker
 * connections after commit, so an old secret is never used on a live connection.
 */
export class DeviceRegistry {
  constructor(
    private readonly ctx: HubContext,
    private readonly deps: {
      live: LiveStates;
      link: BusLink;
      profiles: ProfileCatalog;
      scrypt?: ScryptParams | undefined;
    },
  ) {}

  list(principal: Principal, filter: DeviceListFilter, limit: number, offset: number): Page<Device> {
    requirePermission(principal, 'devices.manage');
    const where = { kind: filter.kind ?? null, tillId: filter.tillId ?? null, status: filter.status ?? null };
    return this.ctx.tx.read((db) => {
      const items = q.listDevices(db, where, limit, offset).map((row) => toDevice(row, this.deps.live));
      const total = q.countDevices(db, where);
      return { items, total, nextOffset: offset + items.length < total ? offset + items.length : null };
    });
  }

  get(principal: Principal, id: string): Device {
    requirePermission(principal, 'devices.manage');
    return toDevice(this.load(id), this.deps.live);
  }

  register(principal: Principal, input: RegisterInput): DeviceCredentials {
    requirePermission(principal, 'devices.manage');
    const id = input.id ?? newId();
    const secret = generateToken();
    const secretHash = hashSecret(secret, this.deps.scrypt ?? DEFAULT_SCRYPT);
    const placement: Placement = {
      kind: input.kind,
      profileId: input.profileId,
      transport: input.transport,
      tillId: input.tillId ?? null,
      role: input.role ?? null,
    };
    const device = this.ctx.tx.write((tx) => {
      // The secret cannot be handed out twice, so a repeated id is a clash even with the same content.
      if (q.getDevice(tx.db, id)) {
        throw new ConflictError(
          `Device ${id} is already registered; rotate it for a new secret`,
          { id },
          'DEVICE_EXISTS',
        );
      }
      checkPlacement(tx.db, placement, this.deps.profiles, id);
      q.insertDevice(tx.db, {
        id,
        kind: placement.kind,
        name: input.name,
        profile_id: placement.profileId,
        transport: JSON.stringify(placement.transport),
        till_id: placement.tillId,
        role: placement.role,
        secret_hash: secretHash,
        created_at: tx.at,
      });
      tx.audit({
        ...auditActor(principal),
        action: 'device.register',
        target: id,
        details: { ...placement, name: input.name },
      });
      return this.changed(tx, id);
    });
    return { device, secret };
  }

  update(principal: Principal, id: string, input: UpdateInput): Device {
    requirePermission(principal, 'devices.manage');
    return this.ctx.tx.write((tx) => {
      const current = this.mutable(id);
      const placement: Placement = {
        kind: current.kind,
        profileId: input.profileId ?? current.profileId,
        transport: input.transport ?? current.transport ?? failTransport(id),
        tillId: input.tillId === undefined ? current.tillId : input.tillId,
        role: input.role === undefined ? current.role : input.role,
      };
      // Unassigning one of the pair unassigns both, so "tillId: null" alone does what it says.
      if (input.tillId === null || input.role === null)
        Object.assign(placement, { tillId: null, role: null });
      checkPlacement(tx.db, placement, this.deps.profiles, id);
      const name = input.name ?? current.name;
      q.updateDeviceSettings(tx.db, {
        id,
        name,
        profile_id: placement.profileId,
        transport: JSON.stringify(placement.transport),
        till_id: placement.tillId,
        role: placement.role,
        updated_at: tx.at,
      });
      tx.audit({
        ...auditActor(principal),
        action: 'device.update',
        target: id,
        details: { before: { ...current, transport: current.transport }, after: { ...placement, name } },
      });
      return this.changed(tx, id);
    });
  }

  rotate(principal: Principal, id: string): DeviceCredentials {
    requirePermission(principal, 'devices.manage');
    const secret = generateToken();
    const secretHash = hashSecret(secret, this.deps.scrypt ?? DEFAULT_SCRYPT);
    const device = this.ctx.tx.write((tx) => {
      const current = this.transition(tx, id, 'rotate');
      q.setDeviceSecret(tx.db, id, secretHash, tx.at);
      tx.audit({
        ...auditActor(principal),
        action: 'device.rotate',
        target: id,
        details: { credentialVersion: current.credentialVersion + 1 },
      });
      return this.changed(tx, id);
    });
    this.deps.link.disconnectDevice(id);
    return { device, secret };
  }

  revoke(principal: Principal, id: string): Device {
    requirePermission(principal, 'devices.manage');
    const device = this.ctx.tx.write((tx) => {
      this.transition(tx, id, 'revoke');
      // A revoked terminal's nexo key is of no more use to the hub: it does not stay on disk.
      deleteTerminalCredentials(tx.db, id);
      tx.audit({ ...auditActor(principal), action: 'device.revoke', target: id });
      const revoked = this.changed(tx, id);
      tx.emit({ name: 'device.revoked', payload: { deviceId: id, tillId: revoked.tillId } });
      return revoked;
    });
    this.deps.link.disconnectDevice(id);
    this.deps.live.forget(id);
    return device;
  }

  /** First connect: registered -> active. Called by the directory after a good login; idempotent. */
  markConnected(id: string): void {
    const row = this.ctx.tx.read((db) => q.getDevice(db, id));
    if (row?.status !== 'registered') return;
    this.ctx.tx.write((tx) => {
      if (q.getDevice(tx.db, id)?.status !== 'registered') return;
      this.transition(tx, id, 'connect');
      tx.audit({ actorKind: 'system', actorId: null, action: 'device.activate', target: id });
      this.changed(tx, id);
    });
  }

  private transition(tx: Tx, id: string, event: DeviceLifecycleEvent): Device {
    const current = toDevice(this.load(id), this.deps.live);
    const next = deviceMachine.next(current.status, event);
    if (!next.ok) {
      throw new ConflictError(
        `Device ${id} is ${current.status}; cannot ${event}`,
        { id, status: current.status },
        'DEVICE_REVOKED',
      );
    }
    if (next.to !== current.status) q.setDeviceStatus(tx.db, id, next.to, tx.at);
    return current;
  }

  private mutable(id: string): Device {
    const device = toDevice(this.load(id), this.deps.live);
    if (device.status === 'revoked') {
      throw new ConflictError(`Device ${id} is revoked; register it again`, { id }, 'DEVICE_REVOKED');
    }
    return device;
  }

  private changed(tx: Tx, id: string): Device {
    const row = this.load(id);
    tx.outbox('device', id, 'upsert', toRecord(row));
    tx.emit({ name: 'device.changed', payload: { deviceId: id, tillId: row.till_id, status: row.status } });
    return toDevice(row, this.deps.live);
  }

  private load(id: string): q.DeviceRow {
    const row = q.getDevice(this.ctx.db, id);
    if (!row) throw new NotFoundError('Device', id);
    return row;
  }
}

function failTransport(id: string): never {
  throw new ConflictError(
    `Device ${id} has an unreadable transport; send a new one`,
    { id },
    'TRANSPORT_UNREADABLE',
  );
}
