import { msg } from '@lit/localize';
import type { DeviceKind, DeviceRole, DeviceRow, TestActionName } from './devices-api.js';

export function kindName(kind: DeviceKind): string {
  switch (kind) {
    case 'printer':
      return msg('Receipt printer');
    case 'drawer':
      return msg('Cash drawer');
    case 'scale':
      return msg('Scale');
    case 'scanner':
      return msg('Barcode scanner');
    case 'display':
      return msg('Customer display');
    case 'terminal':
      return msg('Payment terminal');
  }
}

export function roleName(role: DeviceRole): string {
  switch (role) {
    case 'receipt_printer':
      return msg('Receipt printer');
    case 'kitchen_printer':
      return msg('Kitchen printer');
    case 'drawer':
      return msg('Cash drawer');
    case 'scale':
      return msg('Scale');
    case 'scanner':
      return msg('Scanner');
    case 'customer_display':
      return msg('Customer display');
    case 'terminal':
      return msg('Payment terminal');
  }
}

export function testActionName(action: TestActionName): string {
  switch (action) {
    case 'print':
      return msg('Print a test page');
    case 'kick':
      return msg('Open the drawer');
    case 'read':
      return msg('Read the weight');
    case 'show':
      return msg('Show a test text');
    case 'status':
      return msg('Ask for status');
    case 'payment':
      return msg('Test payment');
  }
}

/**
 * What is wrong with a device, in the manager's language where the device's report says what it is
 * (paper, cover); otherwise the device's own words.
 */
export function deviceProblems(device: DeviceRow): string[] {
  const { detail, errors, online, status } = device.live;
  if (device.status === 'revoked') return [];
  // Never reported (a terminal the hub calls over HTTPS, a drawer on its printer's kick port): nothing
  // is known to be wrong, so nothing is flagged.
  if (status === 'unknown' && !online) return [];
  if (!online) return [msg('Not connected')];
  const problems: string[] = [];
  if (detail.paper === 'out') problems.push(msg('Out of paper'));
  else if (detail.paper === 'near_end') problems.push(msg('Paper is running low'));
  if (detail.coverOpen === true) problems.push(msg('Cover is open'));
  if (problems.length > 0) return problems;
  if (status === 'error' || status === 'warning')
    return errors.length > 0 ? errors : [msg('Reports a fault')];
  return [];
}
