import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startDemoSerialDevices, type DemoSerialDevices } from '../../devices/host/demo-serial.js';
import { PrinterSimulator } from '../../devices/sim/printer/simulator.js';
import { NexoTerminalSimulator } from '../../devices/sim/terminal/nexo-terminal-sim.js';
import { NexoTerminalAdapter } from '../../devices/terminal/nexo-adapter.js';
import type { Logger } from '../http/error-handler.js';
import type { TerminalAdapter } from '../services/payments/terminal-adapter.js';

/**
 * The demo's hardware, simulated with the same protocols real devices speak: an ESC/POS printer on TCP
 * (receipts land as text and PNG under the data dir), a scale, a scanner and a pole display on serial
 * pseudo-terminals, and a nexo payment terminal on HTTPS. Started before the services, because the sales
 * module takes the terminal.
 */
export interface DemoSimulators {
  printer: PrinterSimulator;
  /** Null when socat is missing: the demo then runs without serial devices and says so. */
  serial: DemoSerialDevices | null;
  nexo: NexoTerminalSimulator;
  poiId: string;
  terminal: TerminalAdapter;
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
  // A fresh shared key per run: the simulator and the adapter live in this process only.
  const key = { passphrase: randomBytes(24).toString('base64url'), keyIdentifier: 'DEMOKEY', keyVersion: 1 };
  const nexo = await NexoTerminalSimulator.start({ key, poiId, decisionMs: 1_500 });
  const terminal = new NexoTerminalAdapter({
    host: '127.0.0.1',
    port: nexo.port,
    ca: nexo.ca,
    servername: 'localhost',
    key,
    saleId: 'store-hub-demo',
    poiId,
    paymentTimeoutMs: 30_000,
  });
  return {
    printer,
    serial,
    nexo,
    poiId,
    terminal,
    close: async () => {
      await nexo.close();
      await serial?.close();
      await printer.stop();
    },
  };
}
