import { TOPIC_SEGMENT } from '../../contract/mqtt.js';
import type { HubContext } from '../../context.js';
import * as q from '../../db/devices-queries.js';
import type { BrokerDirectory } from '../../mqtt/types.js';
import type { AccessService } from '../access/access-service.js';
import {
  DEFAULT_SCRYPT,
  generateToken,
  hashSecret,
  verifySecret,
  type ScryptParams,
} from '../access/secrets.js';
import type { DeviceRegistry } from './device-registry.js';

const MAX_SECRET_LENGTH = 256;

/**
 * What the broker asks before it lets a client in or a till read a device. Devices: the stored scrypt
 * hash (constant-time compare); revoked devices have no hash at all. Tills and customer displays: the
 * access area's own token checks, so a revoked one is refused here exactly as over HTTP.
 */
export class DeviceDirectory implements BrokerDirectory {
  private decoy: string | null = null;

  constructor(
    private readonly ctx: HubContext,
    private readonly deps: {
      access: AccessService;
      registry: DeviceRegistry;
      scrypt?: ScryptParams | undefined;
    },
  ) {}

  authenticateDevice(deviceId: string, secret: string): Promise<boolean> {
    if (!TOPIC_SEGMENT.test(deviceId) || secret.length === 0 || secret.length > MAX_SECRET_LENGTH) {
      return Promise.resolve(false);
    }
    const row = this.ctx.tx.read((db) => q.getDevice(db, deviceId));
    const hash = row?.status !== 'revoked' ? row?.secret_hash : null;
    const ok = verifySecret(secret, hash ?? this.decoyHash()) && typeof hash === 'string';
    if (ok) this.deps.registry.markConnected(deviceId);
    return Promise.resolve(ok);
  }

  authenticateTill(tillId: string, token: string): Promise<boolean> {
    const principal = this.deps.access.resolvePrincipal({ tillToken: token }, 'mqtt');
    return Promise.resolve(principal.kind === 'till' && principal.tillId === tillId);
  }

  authenticateDisplay(displayId: string, token: string): Promise<string | null> {
    return Promise.resolve(this.deps.access.displays.authenticate(displayId, token));
  }

  /**
   * Verified when the device id is unknown or revoked, so a wrong id costs as long as a wrong secret and
   * the broker's answer time does not tell which device ids exist. Nobody holds the random value behind it.
   */
  private decoyHash(): string {
    this.decoy ??= hashSecret(generateToken(), this.deps.scrypt ?? DEFAULT_SCRYPT);
    return this.decoy;
  }

  devicesOfTill(tillId: string): readonly string[] {
    return this.ctx.tx.read((db) => q.devicesOfTill(db, tillId).map((row) => row.id));
  }
}
