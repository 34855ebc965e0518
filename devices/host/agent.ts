// The lane agent: `npm run agent -- --hub mqtt://HOST:PORT --store STORE --config agent.json`. It runs the
// same DriverHost as the hub, for the scale, scanner, display or printer plugged into a lane PC.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createConsoleLogger, type LogLevel } from '../../hub/logger.js';
import { AgentConfigSchema, describeConfigError } from './config.js';
import { DriverHost } from './driver-host.js';

const USAGE = `usage: npm run agent -- --config agent.json [--hub mqtt://HOST:PORT] [--store STORE]
                        [--data DIR] [--log-level debug|info|warn|error]
--hub and --store override the same keys in the config file; one of the two must give each.`;

function fail(message: string): never {
  process.stderr.write(`agent: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function readConfig(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return fail(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function main(): void {
  let args;
  try {
    args = parseArgs({
      options: {
        hub: { type: 'string' },
        store: { type: 'string' },
        config: { type: 'string' },
        data: { type: 'string' },
        'log-level': { type: 'string', default: 'info' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!args.config) return fail('--config is required');
  const parsed = AgentConfigSchema.safeParse({
    ...(readConfig(args.config) as object),
    ...(args.hub ? { hub: args.hub } : {}),
    ...(args.store ? { store: args.store } : {}),
  });
  if (!parsed.success) return fail(`${args.config}: ${describeConfigError(parsed.error)}`);
  const config = parsed.data;
  if (!config.hub) return fail('no hub URL: pass --hub or set "hub" in the config');
  if (!config.store) return fail('no store id: pass --store or set "store" in the config');
  const level = args['log-level'];
  if (!['debug', 'info', 'warn', 'error'].includes(level)) return fail(`unknown log level ${level}`);
  const logger = createConsoleLogger(level as LogLevel);

  const host = new DriverHost({
    brokerUrl: config.hub,
    store: config.store,
    devices: config.devices,
    dataDir: args.data ?? config.dataDir ?? null,
    healthIntervalMs: config.healthIntervalMs,
    log: (lvl, message, fields) => {
      logger(lvl === 'debug' ? 'info' : lvl, message, fields);
    },
  });
  try {
    host.start();
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err));
  }
  logger('info', 'agent started', { hub: config.hub, store: config.store, devices: config.devices.length });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
