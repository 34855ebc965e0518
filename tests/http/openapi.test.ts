import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../hub/hub.js';
import { fetchOpenApi } from '../support/openapi-doc.js';

interface OpenApiDoc {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { securitySchemes: Record<string, unknown> };
}

/** The real hub on a free port: the OpenAPI document describes every route it serves. */
describe('the OpenAPI document', () => {
  let hub: RunningHub;
  let doc: OpenApiDoc;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const served = await fetchOpenApi<OpenApiDoc>('hub-openapi-');
    ({ hub, doc, close } = served);
    expect(served.status).toBe(200);
  });
  afterAll(async () => {
    await close();
  });

  it('is OpenAPI 3.1 served relative to /api/v1 with the three ways to authenticate', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'adminSession',
      'staffSession',
      'tillToken',
    ]);
  });

  it('documents every route the hub serves, each with a success and an error response', () => {
    const served = hub.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && !r.path.endsWith('/openapi.json'))
      .map((r) => ({
        method: r.method.toLowerCase(),
        path: r.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}'),
      }));
    expect(served.length).toBeGreaterThan(60);
    const undocumented = served.filter((r) => !doc.paths[r.path]?.[r.method]);
    expect(undocumented).toEqual([]);
    // Only these answer every caller (anonymous included) and have no input to refuse.
    const cannotFail = new Set(['get /health', 'get /auth/session']);
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const statuses = Object.keys(operation.responses);
        if (!statuses.some((s) => s.startsWith('2'))) missing.push(`${method} ${path}: no success response`);
        if (!cannotFail.has(`${method} ${path}`) && !statuses.some((s) => /^[45]/.test(s))) {
          missing.push(`${method} ${path}: no error response`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
