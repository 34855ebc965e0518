import { join } from 'node:path';
import type { PrinterProfile } from '../../firmware-profiles/schema.js';
import { SerialTransport, type SerialOptions } from '../transports/serial.js';
import { TcpTransport } from '../transports/tcp.js';
import { EscPosPrinterDriver, type PrinterDriverOptions } from './printer-driver.js';

export { EscPosPrinterDriver, type PrinterDriverOptions } from './printer-driver.js';
export type { ByteLink } from './status-reader.js';

/** What the driver host knows about a printer device: from its registration and firmware profile. */
export interface PrinterDeviceSettings {
  deviceId: string;
  model: string;
  profile: string;
  /** The host's data dir; printed job ids are kept under printers/<deviceId>.jobs.json there. */
  dataDir: string | null;
  statusMode?: 'poll' | 'asb';
  pollIntervalMs?: number;
  drawerOpenWhenPin3?: 'high' | 'low' | null;
  kickPulseMs?: number;
}

/** What the firmware profile says about status and the drawer, for a driver host building a printer. */
export function printerSettingsFromProfile(
  profile: PrinterProfile,
): Pick<PrinterDeviceSettings, 'statusMode' | 'drawerOpenWhenPin3' | 'kickPulseMs'> {
  return {
    statusMode: profile.statusMethod === 'asb' ? 'asb' : 'poll',
    // Without a sensor pin 3 floats: reporting it would show a drawer opening and closing at random.
    drawerOpenWhenPin3: profile.drawerSensor ? 'high' : null,
    kickPulseMs: profile.drawerPulseMs.on,
  };
}

function common(s: PrinterDeviceSettings): Omit<PrinterDriverOptions, 'link'> {
  return {
    model: s.model,
    profile: s.profile,
    statusMode: s.statusMode ?? 'poll',
    pollIntervalMs: s.pollIntervalMs ?? 2000,
    printedJobsFile: s.dataDir ? join(s.dataDir, 'printers', `${s.deviceId}.jobs.json`) : null,
    drawerOpenWhenPin3: s.drawerOpenWhenPin3 === undefined ? 'high' : s.drawerOpenWhenPin3,
    kickPulseMs: s.kickPulseMs ?? 100,
  };
}

/** A network printer on raw TCP (port 9100 unless the profile says otherwise). */
export function createTcpPrinterDriver(
  s: PrinterDeviceSettings & { host: string; port?: number; connectTimeoutMs?: number },
): EscPosPrinterDriver {
  const link = new TcpTransport({
    host: s.host,
    port: s.port ?? 9100,
    connectTimeoutMs: s.connectTimeoutMs ?? 3000,
    reconnectMs: 0, // the driver's status poll reconnects, so there is one place that decides when
  });
  return new EscPosPrinterDriver({ link, ...common(s) });
}

/** A printer on a serial port (or a USB printer that shows up as one). */
export function createSerialPrinterDriver(
  s: PrinterDeviceSettings & { serial: SerialOptions },
): EscPosPrinterDriver {
  return new EscPosPrinterDriver({ link: new SerialTransport(s.serial), ...common(s) });
}
