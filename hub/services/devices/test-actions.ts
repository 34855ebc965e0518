import type { DeviceKind } from '../../contract/mqtt.js';
import { newId } from '../../ids.js';
import type { CommandRequest } from './command-channel.js';
import type { Device } from './device-view.js';
import { testPage, testPageLines } from './escpos-test-page.js';
import type { ProfileCatalog } from './profiles.js';

/** What a technician can try on a device from the registry. */
export type TestAction =
  | { action: 'print' }
  | { action: 'kick' }
  | { action: 'read' }
  | { action: 'show'; lines?: [string, string] | undefined }
  | { action: 'status' }
  | { action: 'payment'; amountMinor: number; currency: string };
export type TestActionName = TestAction['action'];

export const TEST_ACTIONS_OF_KIND: Readonly<Record<DeviceKind, readonly TestActionName[]>> = {
  printer: ['print', 'kick', 'status'],
  drawer: ['kick', 'status'],
  scale: ['read', 'status'],
  scanner: ['status'],
  display: ['show', 'status'],
  terminal: ['payment'],
};

/** The MQTT command for a test action and the device it goes to (a drawer's kick goes to its printer). */
export interface PlannedCommand {
  targetId: string;
  command: CommandRequest;
}

export const DEFAULT_KICK_PIN = 2;

export function planCommand(
  device: Device,
  test: Exclude<TestAction, { action: 'payment' }>,
  ctx: { at: string; profiles: ProfileCatalog; printerProfile: (printerId: string) => string | null },
): PlannedCommand {
  switch (test.action) {
    case 'print': {
      const data = testPage(testPageLines(device, ctx.at)).toString('base64');
      // A fresh job id per test: the driver is idempotent by job id, and each test is meant to print.
      return { targetId: device.id, command: { action: 'print', args: { jobId: newId(), data } } };
    }
    case 'kick': {
      const transport = device.transport;
      if (transport?.type === 'via-printer') {
        const printerProfile = ctx.printerProfile(transport.printerDeviceId);
        const pin =
          transport.pin ??
          (printerProfile ? ctx.profiles.drawerPin(printerProfile) : null) ??
          DEFAULT_KICK_PIN;
        return { targetId: transport.printerDeviceId, command: { action: 'kick', args: { pin } } };
      }
      const pin = ctx.profiles.drawerPin(device.profileId) ?? DEFAULT_KICK_PIN;
      return { targetId: device.id, command: { action: 'kick', args: { pin } } };
    }
    case 'read':
      return {
        targetId: device.id,
        command: { action: 'read', args: { stableOnly: true, timeoutMs: 3000 } },
      };
    case 'show':
      return {
        targetId: device.id,
        command: {
          action: 'show',
          args: { lines: test.lines ?? ['Display test', device.name.slice(0, 20)] },
        },
      };
    case 'status':
      return { targetId: device.id, command: { action: 'status', args: {} } };
  }
}
