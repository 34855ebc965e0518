import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startDemoSerialDevices, type DemoSerialDevices } from '../../devices/host/demo-serial.js';
import { PrinterSimulator } from '../../devices/sim/printer/simulator.js';
import { NexoTerminalSimulator } from '../../devices/sim/terminal/nexo-terminal-sim.js';
import type { NexoKey } from '../../devices/terminal/nexo-crypto.js';
import type { Logger } from '../http/error-handler.js';
import type { TerminalAdapter } from '../services/payments/terminal-adapter.js';

/**
 * The demo's hardware, simulated with the same protocols real devices speak: an ESC/POS printer on TCP
 * (receipts land as text and PNG under the data dir), a scale, a scanner and a pole display on serial
 * pseudo-terminals, and a nexo payment terminal on HTTPS. The terminal is registered in the device registry
 * with this run's key and certificate (demo-devices.ts), so card payments take the same path as in a real
 * store: the till's assigned terminal through the payment router.
 */
export interface DemoSimulators {
  printer: PrinterSimulator;
  /** Null when socat is missing: the demo then runs without serial devices and says so. */
  serial: DemoSerialDevices | null;
  nexo: NexoTerminalSimulator;
  poiId: string;
  /** This run's nexo shared key, stored as the registered terminal's credentials. */
  key: NexoKey;
  /** Always null: the demo's card payments go through the device registry like a real store's. */
  terminal: TerminalAdapter | null;
  close(): Promise<void>;
}

export async function startDemoSimulators(dataDir: string, log: Logger): Promise<DemoSimulators> {
  const printer = new PrinterSimulator({ port: 0, dataDir: join(dataDir, 'printer-sim') });
  await printer.start();
  let serial: DemoSerialDevices | null = null;
  try {
    serial = await startDemoSerialDevices();
  } catch (error) {
    log('warn', 'demo runs without serial devices (scale, scanner, display): socat is needed for them', {
      error: String(error),
    });
  }
  const poiId = 'V400m-DEMO0001';
  // A fresh shared key per run: the simulator lives in this process only, the registry gets the key anew.
  const key = { passphrase: randomBytes(24).toString('base64url'), keyIdentifier: 'DEMOKEY', keyVersion: 1 };
  const nexo = await NexoTerminalSimulator.start({ key, poiId, decisionMs: 1_500 });
  return {
    printer,
    serial,
    nexo,
    poiId,
    key,
    terminal: null,
    close: async () => {
      await nexo.close();
      await serial?.close();
      await printer.stop();
    },
  };
}
