import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { startHub } from './hub.js';
import { demoBanner } from './demo/demo-store.js';
import { createConsoleLogger } from './logger.js';
import { PortInUseError } from './net/listen.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const log = createConsoleLogger(config.logLevel);
  let hub;
  try {
    hub = await startHub(config, log);
  } catch (error) {
    if (error instanceof PortInUseError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(75);
    }
    throw error;
  }
  if (hub.mqttMovedFrom !== null) {
    log('warn', `port ${hub.mqttMovedFrom} is taken; the demo moved MQTT to ${hub.mqttPort}`);
  }
  if (hub.httpMovedFrom !== null) {
    log('warn', `port ${hub.httpMovedFrom} is taken; the demo moved HTTP to ${hub.httpPort}`);
  }
  log('info', 'hub ready', {
    http: `http://localhost:${hub.httpPort}`,
    demo: hub.demo,
    data: config.dataDir,
  });
  if (hub.modules.demo) {
    process.stdout.write(
      `${demoBanner(hub.modules.demo, `http://localhost:${hub.httpPort}`, {
        mqttPort: hub.mqttPort,
        receiptsDir: join(config.dataDir, 'printer-sim'),
        serialDevices: hub.simulators?.serial !== null,
        receiptBaseUrl: hub.receiptBaseUrl(),
      })}\n`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { signal });
    hub.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log('error', 'stop failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `hub failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
