import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { createTcpPrinterDriver } from '../../../devices/printer/index.js';
import { PrinterSimulator } from '../../../devices/sim/printer/simulator.js';
import type { HubContext } from '../../../hub/context.js';
import { openDatabase } from '../../../hub/db/connection.js';
import { migrate } from '../../../hub/db/migrate.js';
import { Transactor } from '../../../hub/db/transactor.js';
import { EventBus } from '../../../hub/events/event-bus.js';
import type { DomainEvent } from '../../../hub/contract/events.js';
import { createPrintingModule, type PrintingModule } from '../../../hub/services/printing/module.js';
import { BusPrinterStates } from '../../../hub/services/printing/printer-states.js';
import type { MessageBus } from '../../../hub/mqtt/types.js';
import { InMemoryBus } from './fake-bus.js';
import { BusCommander, TestDriverHost } from './fake-host.js';

export const STORE = 'store1';
export const PRINTER = 'printer-1';
export const TILL = '0190a0b0-0000-7000-8000-000000000001';

/** A receipt for a sale as the renderer would make it: the sale id on it, COPY on a reprint, 牛奶 in GB18030. */
export function fakeReceipt(saleId: string, copy: boolean): Uint8Array {
  return Buffer.concat([
    Buffer.from([0x1b, 0x40]),
    Buffer.from(`${copy ? 'COPY\n' : ''}SALE ${saleId}\n`, 'latin1'),
    Buffer.from([0x1c, 0x26]),
    iconv.encode('牛奶', 'gb18030'),
    Buffer.from([0x1c, 0x2e, 0x0a, 0x1d, 0x56, 0x42, 0x00]),
  ]);
}

export interface Hub {
  ctx: HubContext;
  events: DomainEvent[];
  printing: PrintingModule;
  states: BusPrinterStates;
  close(): Promise<void>;
}

/**
 * The printing side of a hub on a real SQLite file, a driver host with the real printer driver on a
 * bus, and the TCP printer simulator. hub() can be called again on the same file: a hub restart.
 */
export class PrintRig {
  readonly dir = mkdtempSync(join(tmpdir(), 'print-rig-'));
  readonly dbPath = join(this.dir, 'hub.db');
  readonly sim = new PrinterSimulator({ images: false });
  host!: TestDriverHost;
  readonly commander: BusCommander;
  autoPrint = true;

  /**
   * bus: the hub's side of the broker; hostBus: what the driver host talks through (the same in-memory
   * bus by default, or a real MQTT client of a real broker).
   */
  constructor(
    readonly bus: MessageBus = new InMemoryBus(),
    private hostBus: () => Promise<MessageBus> = () => Promise.resolve(bus),
  ) {
    this.commander = new BusCommander(this.bus, STORE);
  }

  async start(): Promise<void> {
    await this.sim.start();
    await this.commander.start();
    await this.startHost();
  }

  /** (Re)starts the driver host with the same data dir, so it remembers what it printed. */
  async startHost(): Promise<void> {
    const driver = createTcpPrinterDriver({
      deviceId: PRINTER,
      model: 'TM-T20III',
      profile: 'epson-tm-t20iii',
      dataDir: join(this.dir, 'host'),
      host: '127.0.0.1',
      port: this.sim.port,
      connectTimeoutMs: 300,
      pollIntervalMs: 100,
    });
    this.host = new TestDriverHost(await this.hostBus(), STORE, PRINTER, driver);
    await this.host.start();
  }

  async hub(): Promise<Hub> {
    const db = openDatabase(this.dbPath);
    migrate(db);
    const events: DomainEvent[] = [];
    const bus = new EventBus();
    bus.onAny('test', (e) => events.push(e));
    const clock = { now: () => new Date() };
    const ctx: HubContext = { db, bus, clock, tx: new Transactor(db, bus, clock), log: () => undefined };
    let printing: PrintingModule | null = null;
    const states = new BusPrinterStates(this.bus, STORE, (id) => printing?.dispatcher.poke(id));
    printing = createPrintingModule(ctx, {
      access: { authorize: () => ({ staffId: 'staff', tillId: TILL, approvedBy: null }) },
      cash: {
        current: () => null,
        recordMovement: () => {
          throw new Error('no cash here');
        },
      },
      directory: {
        receiptPrinterOf: () => ({ deviceId: PRINTER, profileId: 'epson-tm-t20iii', drawerPin: 2 }),
        isOnline: (id) => states.isOnline(id),
      },
      commander: this.commander,
      receipts: { renderSale: (saleId, o) => fakeReceipt(saleId, o.copy) },
      autoPrintReceipts: () => this.autoPrint,
      dispatcher: { replyTimeoutMs: 400, sweepMs: 150 },
    });
    await states.start();
    printing.start();
    const module = printing;
    return {
      ctx,
      events,
      printing: module,
      states,
      close: async () => {
        module.stop();
        await states.stop();
        db.close();
      },
    };
  }

  async close(): Promise<void> {
    await this.host.stop();
    await this.sim.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
