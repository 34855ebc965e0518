import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../hub/config.js';
import { startHub, type RunningHub } from '../../hub/hub.js';

/** What the real hub (no demo, free ports) served at /api/v1/openapi.json, and a close for the hub. */
export interface ServedOpenApi<Doc> {
  hub: RunningHub;
  status: number;
  doc: Doc;
  close: () => Promise<void>;
}

/** Starts the real hub on a free port and fetches its OpenAPI document. */
export async function fetchOpenApi<Doc>(dirPrefix: string): Promise<ServedOpenApi<Doc>> {
  const dir = mkdtempSync(join(tmpdir(), dirPrefix));
  const config = loadConfig({
    HUB_DATA_DIR: dir,
    HUB_HTTP_PORT: '0',
    HUB_MQTT_PORT: '0',
    HUB_HTTP_HOST: '127.0.0.1',
    HUB_DEMO: '0',
  });
  const hub = await startHub(config, () => undefined);
  const close = async () => {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const response = await fetch(`http://127.0.0.1:${hub.httpPort}/api/v1/openapi.json`);
    return { hub, status: response.status, doc: (await response.json()) as Doc, close };
  } catch (error) {
    await close();
    throw error;
  }
}
