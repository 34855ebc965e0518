import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { isUuidV7 } from '../../../ids.js';
import {
  MAX_CHUNK_BYTES,
  type CatalogImportService,
} from '../../../services/catalog/import/catalog-import-service.js';
import { exportCatalogCsv } from '../../../services/catalog/csv/csv-export.js';
import { currencyExponent } from '../../../domain/money.js';
import type { SettingsService } from '../../../services/settings/settings-service.js';
import type { Db } from '../../../db/connection.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, pageSchema, PageQuerySchema } from '../../router.js';
import { body, json } from '../access-helpers.js';
import { actorWith } from '../crud.js';
import { IdParam } from './catalog-schemas.js';

const ImportSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    status: z.enum(['uploading', 'checking', 'checked', 'importing', 'done', 'failed']),
    mode: z.enum(['all', 'valid_only']).nullable(),
    bytes: z.number().int(),
    totalRows: z.number().int(),
    validRows: z.number().int(),
    errorRows: z.number().int(),
    processedRows: z.number().int().openapi({ description: 'Rows checked or imported so far (progress)' }),
    createdProducts: z.number().int(),
    updatedProducts: z.number().int(),
    sample: z.array(
      z.object({
        row: z.number().int(),
        sku: z.string(),
        name: z.string().nullable(),
        priceMinor: z.number().int().nullable(),
        action: z.enum(['create', 'update']),
      }),
    ),
    message: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CatalogImport');

const ImportErrorSchema = z
  .object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })
  .openapi('CatalogImportError');

const ChunkBody = z.strictObject({
  offset: z.number().int().min(0),
  dataBase64: z.base64().max(Math.ceil(MAX_CHUNK_BYTES / 3) * 4),
});

const CreateBody = z.strictObject({
  id: z.uuid().refine(isUuidV7, 'must be a UUIDv7').optional(),
  fileName: z.string().trim().min(1).max(200),
});

/**
 * /catalog-imports: upload a CSV in pieces (PUT /{id}/file, base64 JSON), check it (POST /{id}/check, then
 * poll GET /{id} and read GET /{id}/errors), import it (POST /{id}/commit). All with 'catalog.manage'.
 */
export function createImportRoutes(imports: CatalogImportService): ApiModule {
  const item = ImportSchema;
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['catalog'],
        request: { query: PageQuerySchema },
        responses: { 200: json(pageSchema(item), 'Imports, latest first'), ...errorResponses(400, 401, 403) },
      }),
      (c) => {
        actorWith(c.get('principal'), 'catalog.manage');
        return c.json(imports.list(c.req.valid('query')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['catalog'],
        summary: 'Start an import (idempotent by client-made id); then upload the file',
        request: body(CreateBody),
        responses: { 201: json(item, 'Created'), ...errorResponses(400, 401, 403, 409) },
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        return c.json(imports.create(c.req.valid('json'), actor), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['catalog'],
        summary: 'The import with its progress (processedRows of totalRows) and preview sample',
        request: { params: IdParam },
        responses: { 200: json(item, 'Import'), ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => {
        actorWith(c.get('principal'), 'catalog.manage');
        return c.json(imports.get(c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/file',
        tags: ['catalog'],
        summary: 'One piece of the CSV file (base64, at most 512 KiB decoded) at a byte offset',
        request: { params: IdParam, ...body(ChunkBody) },
        responses: { 200: json(item, 'Piece stored'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      }),
      (c) => {
        actorWith(c.get('principal'), 'catalog.manage');
        const { offset, dataBase64 } = c.req.valid('json');
        const bytes = Buffer.from(dataBase64, 'base64');
        return c.json(imports.appendChunk(c.req.valid('param').id, offset, bytes), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/check',
        tags: ['catalog'],
        summary: 'Check the uploaded file in the background; nothing is written to the catalog',
        request: { params: IdParam },
        responses: { 202: json(item, 'Checking'), ...errorResponses(400, 401, 403, 404, 422) },
      }),
      (c) => {
        actorWith(c.get('principal'), 'catalog.manage');
        return c.json(imports.check(c.req.valid('param').id), 202);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/errors',
        tags: ['catalog'],
        request: { params: IdParam, query: PageQuerySchema },
        responses: {
          200: json(pageSchema(ImportErrorSchema), 'Row errors, in file order'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      (c) => {
        actorWith(c.get('principal'), 'catalog.manage');
        return c.json(imports.errors(c.req.valid('param').id, c.req.valid('query')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/commit',
        tags: ['catalog'],
        summary: "Import a checked file; 'all' refuses a file with errors, 'valid_only' skips the bad rows",
        request: { params: IdParam, ...body(z.strictObject({ mode: z.enum(['all', 'valid_only']) })) },
        responses: { 202: json(item, 'Importing'), ...errorResponses(400, 401, 403, 404, 422) },
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        return c.json(imports.commit(c.req.valid('param').id, c.req.valid('json').mode, actor), 202);
      },
    );
  return { path: 'catalog-imports', routes };
}

/** /catalog-export/products.csv: the catalog as CSV in the import's columns, streamed. */
export function createExportRoutes(db: Db, settings: SettingsService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' }).openapi(
    createRoute({
      method: 'get',
      path: '/products.csv',
      tags: ['catalog'],
      request: {
        query: z.strictObject({
          status: z.enum(['active', 'archived', 'all']).default('all'),
          categoryId: z.uuid().optional(),
          delimiter: z.enum(['comma', 'semicolon']).default('comma'),
        }),
      },
      responses: {
        200: { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: z.string() } } },
        ...errorResponses(400, 401, 403),
      },
    }),
    (c) => {
      actorWith(c.get('principal'), 'catalog.manage');
      const query = c.req.valid('query');
      const stream = exportCatalogCsv(db, {
        status: query.status,
        categoryId: query.categoryId ?? null,
        delimiter: query.delimiter,
        exponent: currencyExponent(settings.get().currency),
      });
      return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="products.csv"',
      });
    },
  );
  return { path: 'catalog-export', routes };
}
