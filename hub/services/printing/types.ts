import type { DeviceCommandPayload, DeviceReplyPayload } from '../../contract/mqtt.js';
import type { PrintJobKind, PrintJobStatus } from '../../db/print-jobs-queries.js';

/** The till's receipt printer as the device registry knows it. */
export interface PrinterTarget {
  deviceId: string;
  /** Firmware profile id: the renderer lays the receipt out for it. */
  profileId: string;
  /** The kick pin the drawer is wired to (profile or device setting); null: no drawer on this printer. */
  drawerPin: 2 | 5 | null;
}

/**
 * What printing needs from the device registry, and no more: which printer a till prints on, and whether
 * it is connected now (its retained state on the bus).
 */
export interface PrinterDirectory {
  receiptPrinterOf(tillId: string): PrinterTarget | null;
  isOnline(deviceId: string): boolean;
}

/**
 * Sends one command to a device and resolves with its reply, or an error reply (TIMEOUT, DEVICE_OFFLINE,
 * NOT_FOUND...) when there is none; never throws. DeviceService.sendCommand fits as is.
 */
export interface DeviceCommander {
  sendCommand(
    deviceId: string,
    command: DeviceCommandPayload,
    timeoutMs: number,
  ): Promise<DeviceReplyPayload>;
}

/** ESC/POS bytes of a sale's receipt for a printer profile; a reprint passes copy (marked COPY). */
export interface ReceiptSource {
  renderSale(saleId: string, options: { copy: boolean; profileId: string }): Uint8Array;
}

export interface PrintJobView {
  id: string;
  deviceId: string;
  tillId: string | null;
  saleId: string | null;
  kind: PrintJobKind;
  status: PrintJobStatus;
  attempts: number;
  lastError: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  doneAt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  nextOffset: number | null;
}

/**
 * Reply codes that mean "not now": the job goes back to the queue and prints when the printer can.
 * Anything else (BAD_ARGS, NOT_FOUND, DEVICE_REVOKED, UNSUPPORTED) will not get better by waiting.
 */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'TIMEOUT',
  'DEVICE_OFFLINE',
  'BUS_UNAVAILABLE',
  'DUPLICATE_COMMAND',
  'OFFLINE',
  'PAPER_OUT',
  'COVER_OPEN',
]);
