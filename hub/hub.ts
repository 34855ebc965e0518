import { createAdaptorServer } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { existsSync } from 'node:fs';
import type { Server } from 'node:net';
import type { HubConfig } from './config.js';
import { systemClock, type Clock } from './clock.js';
import type { HubContext } from './context.js';
import { openDatabase } from './db/connection.js';
import { migrate } from './db/migrate.js';
import { Transactor } from './db/transactor.js';
import { EventBus } from './events/event-bus.js';
import { createApp } from './http/app.js';
import type { Logger } from './http/error-handler.js';
import { buildModules, type HubModules } from './modules.js';
import { bindPort } from './net/listen.js';

export interface RunningHub {
  ctx: HubContext;
  modules: HubModules;
  httpPort: number;
  httpMovedFrom: number | null;
  demo: boolean;
  /** Every route the HTTP app serves (method and path), for tests that check the API is documented. */
  routes: readonly { method: string; path: string }[];
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
}

/**
 * The composition root: config -> db -> services -> http -> jobs. Each step is undone by close(), in
 * reverse, so a test or a SIGTERM leaves no listener, timer or open file behind.
 */
export async function startHub(
  config: HubConfig,
  log: Logger,
  options: StartOptions = {},
): Promise<RunningHub> {
  const startedAt = new Date().toISOString();
  const fresh = !existsSync(config.dbPath);
  const demo = config.demo ?? fresh;
  const db = openDatabase(config.dbPath);
  let ran: number[];
  try {
    ran = migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  if (ran.length > 0) log('info', 'database migrated', { path: config.dbPath, versions: ran });
  const bus = new EventBus((error, event) => {
    log('error', 'event listener failed', { event: event.name, error: String(error) });
  });
  const clock = options.clock ?? systemClock;
  const ctx: HubContext = { db, tx: new Transactor(db, bus, clock), bus, clock, log };
  const modules = buildModules(ctx, config, { startedAt, demo });
  await modules.start();

  const app = createApp({
    log,
    modules: modules.api,
    resolvePrincipal: modules.resolvePrincipal,
    remoteAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as unknown as Server;
  let bound;
  try {
    bound = await bindPort(server, {
      setting: 'HUB_HTTP_PORT',
      host: config.http.host,
      port: config.http.port,
      mayMove: demo && !config.explicitPorts.http,
    });
  } catch (error) {
    await modules.stop();
    db.close();
    throw error;
  }

  return {
    ctx,
    modules,
    httpPort: bound.port,
    httpMovedFrom: bound.movedFrom,
    demo,
    routes: app.routes.map((r) => ({ method: r.method, path: r.path })),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await modules.stop();
      db.close();
    },
  };
}
