import { createAdaptorServer } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { existsSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { Server } from 'node:net';
import type { HubConfig } from './config.js';
import { systemClock, type Clock } from './clock.js';
import type { HubContext } from './context.js';
import { PERMISSIONS } from './contract/permissions.js';
import type { Principal } from './contract/principal.js';
import { openDatabase } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { Transactor } from './db/transactor.js';
import { attachDemoDevices, type AttachedDemoDevices } from './demo/demo-devices.js';
import { startDemoSimulators, type DemoSimulators } from './demo/demo-simulators.js';
import { EventBus } from './events/event-bus.js';
import { API_VERSION, createApp } from './http/app.js';
import { mountWebApps } from './http/web-apps.js';
import type { Logger } from './http/error-handler.js';
import { startBroker, type RunningBroker } from './mqtt/broker.js';
import { buildModules, type HubModules } from './modules.js';
import { lanBaseUrl } from './net/lan-url.js';
import { bindPort } from './net/listen.js';
import { mountReceiptPages } from './http/receipt-pages.js';
import { loadOrCreateSecret } from './secrets-file.js';

export interface RunningHub {
  ctx: HubContext;
  modules: HubModules;
  httpPort: number;
  httpMovedFrom: number | null;
  /** The address e-receipt QR codes point to: the store's publicBaseUrl, or the demo's LAN URL; or null. */
  receiptBaseUrl: () => string | null;
  mqttPort: number;
  mqttMovedFrom: number | null;
  demo: boolean;
  /** The demo's simulated devices (printer, scale, scanner, display, terminal); null outside the demo. */
  simulators: DemoSimulators | null;
  /** Every route the HTTP app serves (method and path), for tests that check the API is documented. */
  routes: readonly { method: string; path: string }[];
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
}

/** Undo steps, run in reverse; each is attempted even when an earlier one fails. */
class Teardown {
  private readonly steps: (() => Promise<void> | void)[] = [];
  add(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }
  async run(log: Logger): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        log('error', 'shutdown step failed', { error: String(error) });
      }
    }
  }
}

/**
 * The composition root: config -> db -> services -> broker -> devices -> http -> jobs. Each step is undone
 * by close(), in reverse, so a test or a SIGTERM leaves no listener, timer or open file behind.
 */
export async function startHub(
  config: HubConfig,
  log: Logger,
  options: StartOptions = {},
): Promise<RunningHub> {
  const startedAt = new Date().toISOString();
  const fresh = !existsSync(config.dbPath);
  const demo = config.demo ?? fresh;
  const teardown = new Teardown();
  try {
    const db = openDatabase(config.dbPath);
    teardown.add(() => {
      db.close();
    });
    const ran = migrate(db);
    if (ran.length > 0) log('info', 'database migrated', { path: config.dbPath, versions: ran });
    const bus = new EventBus((error, event) => {
      log('error', 'event listener failed', { event: event.name, error: String(error) });
    });
    const clock = options.clock ?? systemClock;
    const ctx: HubContext = { db, tx: new Transactor(db, bus, clock), bus, clock, log };

    const simulators = demo ? await startDemoSimulators(config.dataDir, log) : null;
    if (simulators) teardown.add(() => simulators.close());
    // Known once the HTTP port is bound; until then (and outside the demo) receipts use the setting only.
    let demoBaseUrl: string | null = null;
    const modules = buildModules(ctx, config, {
      startedAt,
      demo,
      terminal: simulators?.terminal ?? null,
      receiptSecret: loadOrCreateSecret(config.dataDir, 'receipts'),
      fallbackBaseUrl: () => demoBaseUrl,
    });
    await modules.start();
    teardown.add(() => modules.stop());

    const app = createApp({
      log,
      modules: modules.api,
      resolvePrincipal: modules.resolvePrincipal,
      remoteAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
    });
    mountReceiptPages(app, modules.receipts.service);
    mountWebApps(app);
    const server = createAdaptorServer({ fetch: app.fetch }) as unknown as Server;
    teardown.add(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => {
            resolve();
          });
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
    );

    const broker: RunningBroker = await startBroker({
      storeId: config.storeId,
      host: config.mqtt.host,
      port: config.mqtt.port,
      mayMove: demo && !config.explicitPorts.mqtt,
      httpServer: server as unknown as HttpServer,
      directory: modules.devices.service,
      bus,
      log,
      version: API_VERSION,
      startedAt,
    });
    teardown.add(() => broker.close());
    await modules.attachBroker({ bus: broker.messageBus, control: broker.control });

    let demoDevices: AttachedDemoDevices | null = null;
    if (simulators && modules.demo) {
      demoDevices = attachDemoDevices(simulators, {
        devices: modules.devices.service,
        principal: demoManager(modules.demo),
        tillId: modules.demo.tillId,
        brokerPort: broker.port,
        storeId: config.storeId,
        dataDir: config.dataDir,
        log,
      });
      const attached = demoDevices;
      teardown.add(() => attached.stop());
    }

    const bound = await bindPort(server, {
      setting: 'HUB_HTTP_PORT',
      host: config.http.host,
      port: config.http.port,
      mayMove: demo && !config.explicitPorts.http,
    });
    // The demo's e-receipt QR codes open on a phone on the same Wi-Fi without any setting.
    if (demo) demoBaseUrl = lanBaseUrl(config.http.host, bound.port);

    return {
      ctx,
      modules,
      httpPort: bound.port,
      httpMovedFrom: bound.movedFrom,
      receiptBaseUrl: () => modules.receipts.service.publicBaseUrl(),
      mqttPort: broker.port,
      mqttMovedFrom: broker.movedFrom,
      demo,
      simulators,
      routes: app.routes.map((r) => ({ method: r.method, path: r.path })),
      close: () => teardown.run(log),
    };
  } catch (error) {
    await teardown.run(log);
    throw error;
  }
}

/** The demo's devices are set up in the demo manager's name: it is their store, seeded for them. */
function demoManager(demo: NonNullable<HubModules['demo']>): Principal {
  const manager = demo.staff.find((s) => s.role === 'manager');
  return {
    kind: 'admin',
    staff: {
      id: manager?.id ?? 'demo',
      name: manager?.name ?? 'Demo manager',
      roleId: 'manager',
      permissions: new Set(PERMISSIONS),
      discountLimitBp: 10_000,
    },
    address: 'demo',
  };
}
