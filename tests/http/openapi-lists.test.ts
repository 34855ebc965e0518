import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../hub/config.js';
import { startHub, type RunningHub } from '../../hub/hub.js';

interface Schema {
  $ref?: string;
  properties?: Record<string, unknown>;
}
interface Operation {
  parameters?: { name: string; in: string }[];
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Schema> };
}

/** The real hub: every list the API serves is paginated, as the issue asks ("Lists are paginated"). */
describe('lists in the OpenAPI document', () => {
  let hub: RunningHub;
  let dir: string;
  let doc: OpenApiDoc;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hub-openapi-lists-'));
    const config = loadConfig({
      HUB_DATA_DIR: dir,
      HUB_HTTP_PORT: '0',
      HUB_MQTT_PORT: '0',
      HUB_HTTP_HOST: '127.0.0.1',
      HUB_DEMO: '0',
    });
    hub = await startHub(config, () => undefined);
    const response = await fetch(`http://127.0.0.1:${hub.httpPort}/api/v1/openapi.json`);
    doc = (await response.json()) as OpenApiDoc;
  });
  afterAll(async () => {
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (schema?.$ref === undefined) return schema;
    return doc.components.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
  };

  it('takes a limit on every GET whose answer is a list of items', () => {
    const lists: string[] = [];
    const unpaged: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const get = ops.get;
      const schema = resolve(get?.responses['200']?.content?.['application/json']?.schema);
      if (get === undefined || schema?.properties?.items === undefined) continue;
      lists.push(path);
      const query = (get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      if (!query.includes('limit')) unpaged.push(path);
    }
    expect(lists.length).toBeGreaterThan(10);
    expect(unpaged).toEqual([]);
  });
});
