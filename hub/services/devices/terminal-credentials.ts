import { X509Certificate } from 'node:crypto';
import type { Principal } from '../../contract/principal.js';
import type { HubContext } from '../../context.js';
import * as dq from '../../db/devices-queries.js';
import * as q from '../../db/terminal-queries.js';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { auditActor } from '../access/audit-actor.js';
import { requirePermission } from '../access/guards.js';

export interface TerminalCredentialsInput {
  /** The nexo shared key passphrase, as set on the terminal (Adyen: "Encryption key" passphrase). */
  passphrase: string;
  keyIdentifier: string;
  keyVersion: number;
  /** PEM of the CA (or the terminal's own certificate) that signs the terminal's TLS certificate. */
  caPem: string;
  /** The name the terminal's certificate is issued to, when it is not the transport's host. */
  servername?: string | null | undefined;
}

/** What the API shows about a terminal's credentials: never the passphrase, never the PEM itself. */
export interface TerminalCredentialsView {
  deviceId: string;
  hasCredentials: boolean;
  keyIdentifier: string | null;
  keyVersion: number | null;
  servername: string | null;
  /** SHA-256 of the certificate (DER), so a technician can check which certificate is trusted. */
  caFingerprint: string | null;
  updatedAt: string | null;
}

/** The credentials as the router builds a nexo adapter from them; hub-internal only. */
export interface TerminalSecrets {
  key: { passphrase: string; keyIdentifier: string; keyVersion: number };
  ca: string;
  servername: string | null;
  updatedAt: string;
}

/** Throws unless the text is one or more parseable PEM certificates. */
export function certificateFingerprint(pem: string): string {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    throw new ValidationError(
      'caPem is not a readable PEM certificate',
      { field: 'caPem' },
      'BAD_CERTIFICATE',
    );
  }
}

/**
 * The nexo key and TLS trust of registered terminals. The passphrase is the input of the key derivation,
 * so it is kept in clear in its own table (011_terminal_credentials.sql): never in the outbox, never in an
 * API answer or an audit row. Setting them needs 'devices.manage', is audited (key identifier, version,
 * certificate fingerprint) and emits device.changed so the payment router rebuilds its adapter.
 */
export class TerminalCredentials {
  constructor(private readonly ctx: HubContext) {}

  get(principal: Principal, deviceId: string): TerminalCredentialsView {
    requirePermission(principal, 'devices.manage');
    return this.ctx.tx.read((db) => {
      this.terminal(db, deviceId);
      return view(deviceId, q.getTerminalCredentials(db, deviceId));
    });
  }

  set(principal: Principal, deviceId: string, input: TerminalCredentialsInput): TerminalCredentialsView {
    requirePermission(principal, 'devices.manage');
    const caFingerprint = certificateFingerprint(input.caPem);
    return this.ctx.tx.write((tx) => {
      const device = this.terminal(tx.db, deviceId);
      if (device.status === 'revoked') {
        throw new ConflictError(
          `Device ${deviceId} is revoked; register it again`,
          { id: deviceId },
          'DEVICE_REVOKED',
        );
      }
      const existing = q.getTerminalCredentials(tx.db, deviceId);
      q.upsertTerminalCredentials(tx.db, {
        device_id: deviceId,
        passphrase: input.passphrase,
        key_identifier: input.keyIdentifier,
        key_version: input.keyVersion,
        ca_pem: input.caPem,
        servername: input.servername ?? null,
        created_at: existing?.created_at ?? tx.at,
        updated_at: tx.at,
      });
      tx.audit({
        ...auditActor(principal),
        action: 'device.terminal_credentials',
        target: deviceId,
        details: {
          keyIdentifier: input.keyIdentifier,
          keyVersion: input.keyVersion,
          servername: input.servername ?? null,
          caFingerprint,
          replaced: existing !== undefined,
        },
      });
      tx.emit({
        name: 'device.changed',
        payload: { deviceId, tillId: device.till_id, status: device.status },
      });
      return view(deviceId, q.getTerminalCredentials(tx.db, deviceId));
    });
  }

  private terminal(db: HubContext['db'], deviceId: string): dq.DeviceRow {
    const device = dq.getDevice(db, deviceId);
    if (!device) throw new NotFoundError('Device', deviceId);
    if (device.kind !== 'terminal') {
      throw new BusinessRuleError(
        'NOT_A_TERMINAL',
        `Device ${deviceId} is a ${device.kind}, not a payment terminal`,
        {
          deviceId,
          kind: device.kind,
        },
      );
    }
    return device;
  }
}

/** For the payment router: the stored credentials of a terminal, or null. */
export function terminalSecrets(db: HubContext['db'], deviceId: string): TerminalSecrets | null {
  const row = q.getTerminalCredentials(db, deviceId);
  if (!row) return null;
  return {
    key: { passphrase: row.passphrase, keyIdentifier: row.key_identifier, keyVersion: row.key_version },
    ca: row.ca_pem,
    servername: row.servername,
    updatedAt: row.updated_at,
  };
}

function view(deviceId: string, row: q.TerminalCredentialsRow | undefined): TerminalCredentialsView {
  if (!row) {
    return {
      deviceId,
      hasCredentials: false,
      keyIdentifier: null,
      keyVersion: null,
      servername: null,
      caFingerprint: null,
      updatedAt: null,
    };
  }
  return {
    deviceId,
    hasCredentials: true,
    keyIdentifier: row.key_identifier,
    keyVersion: row.key_version,
    servername: row.servername,
    caFingerprint: fingerprintOrNull(row.ca_pem),
    updatedAt: row.updated_at,
  };
}

function fingerprintOrNull(pem: string): string | null {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return null;
  }
}
