import type { DeviceKind } from '../../contract/mqtt.js';

/** What a device does at its till. Kitchen printers may be several per till; every other role is one. */
export const DEVICE_ROLES = [
  'receipt_printer',
  'kitchen_printer',
  'drawer',
  'scale',
  'scanner',
  'customer_display',
  'terminal',
] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

export const KIND_OF_ROLE: Readonly<Record<DeviceRole, DeviceKind>> = {
  receipt_printer: 'printer',
  kitchen_printer: 'printer',
  drawer: 'drawer',
  scale: 'scale',
  scanner: 'scanner',
  customer_display: 'display',
  terminal: 'terminal',
};

export function isDeviceRole(value: string): value is DeviceRole {
  return (DEVICE_ROLES as readonly string[]).includes(value);
}

/** Roles that many devices of one till may share. */
export const SHARED_ROLES: ReadonlySet<DeviceRole> = new Set(['kitchen_printer']);
