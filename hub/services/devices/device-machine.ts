import { defineMachine } from '../../domain/state-machine.js';

export const DEVICE_STATUSES = ['registered', 'active', 'revoked'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export type DeviceLifecycleEvent = 'connect' | 'rotate' | 'revoke';

/**
 * Device adoption: registered (credentials issued, never seen) -> active (first connect) -> revoked
 * (final: the secret is erased). Rotating credentials keeps the status, so a rotated device that has not
 * reconnected yet still shows as the active device it was.
 */
export const deviceMachine = defineMachine<DeviceStatus, DeviceLifecycleEvent>({
  registered: { connect: 'active', rotate: 'registered', revoke: 'revoked' },
  active: { connect: 'active', rotate: 'active', revoke: 'revoked' },
  revoked: {},
});

export function isDeviceStatus(value: string): value is DeviceStatus {
  return (DEVICE_STATUSES as readonly string[]).includes(value);
}
