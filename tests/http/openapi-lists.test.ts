import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOpenApi } from '../support/openapi-doc.js';

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
  let doc: OpenApiDoc;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const served = await fetchOpenApi<OpenApiDoc>('hub-openapi-lists-');
    ({ doc, close } = served);
  });
  afterAll(async () => {
    await close();
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
