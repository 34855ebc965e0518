import type { Db } from '../../db/connection.js';
import { deviceWithRole } from '../../db/devices-queries.js';
import { getProfile } from '../../../firmware-profiles/index.js';
import type { PrinterTarget } from './types.js';

/**
 * Which printer a till prints on, from the device registry: its 'receipt_printer', with the drawer pin from
 * the till's drawer device when one is wired to this printer, else the printer profile's first kick pin.
 */
export function receiptPrinterOf(db: Db, tillId: string): PrinterTarget | null {
  const printer = deviceWithRole(db, tillId, 'receipt_printer');
  if (!printer) return null;
  return { deviceId: printer.id, profileId: printer.profile_id, drawerPin: drawerPinOf(db, tillId, printer) };
}

function drawerPinOf(db: Db, tillId: string, printer: { id: string; profile_id: string }): 2 | 5 | null {
  const drawer = deviceWithRole(db, tillId, 'drawer');
  if (drawer) {
    const transport = JSON.parse(drawer.transport) as {
      type?: string;
      printerDeviceId?: string;
      pin?: 2 | 5;
    };
    if (transport.type === 'via-printer' && transport.printerDeviceId === printer.id) {
      return transport.pin ?? profilePin(printer.profile_id) ?? 2;
    }
  }
  return profilePin(printer.profile_id);
}

function profilePin(profileId: string): 2 | 5 | null {
  try {
    const profile = getProfile(profileId);
    return profile.kind === 'printer' ? (profile.drawerPins[0] ?? null) : null;
  } catch {
    return null;
  }
}
