import { createRoute, z } from '@hono/zod-openapi';
import type { Principal } from '../../contract/principal.js';
import { ForbiddenError } from '../../errors.js';
import { requirePermission, requireTillStaff, staffOf } from '../../services/access/guards.js';
import type { DrawerService } from '../../services/printing/drawer-service.js';
import type { PrintService } from '../../services/printing/print-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses, PageQuerySchema } from '../router.js';
import { OverrideSchema } from './cash-schemas.js';

const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const PrintJobSchema = z
  .object({
    id: z.string(),
    deviceId: z.string(),
    tillId: z.string().nullable(),
    saleId: z.string().nullable(),
    kind: z.enum(['receipt', 'copy', 'report', 'test']),
    status: z.enum(['queued', 'sent', 'done', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    sentAt: z.string().nullable(),
    doneAt: z.string().nullable(),
  })
  .openapi('PrintJob');

const PrintJobPageSchema = z
  .object({
    items: z.array(PrintJobSchema),
    total: z.number().int(),
    nextOffset: z.number().int().nullable(),
  })
  .openapi('PrintJobPage');

const IdParam = z.object({ id: z.uuid() });

const JobQuerySchema = PageQuerySchema.extend({
  status: z.enum(['queued', 'sent', 'done', 'failed']).optional(),
  tillId: z.uuid().optional(),
  deviceId: z.string().trim().min(1).max(64).optional(),
});

const OpenDrawerBodySchema = z
  .strictObject({
    id: z.uuid().openapi({ description: 'UUIDv7 made by the till; a retry with the same id kicks once' }),
    reason: z.string().trim().min(1).max(200),
    override: OverrideSchema,
  })
  .openapi('OpenDrawer');

const OpenDrawerResultSchema = z
  .object({
    tillId: z.string(),
    movementId: z.string().nullable(),
    kick: z.object({
      outcome: z.enum(['kicked', 'failed', 'no_printer', 'repeated']),
      error: z.string().nullable(),
    }),
  })
  .openapi('OpenDrawerResult');

/** Staff at a till see and retry that till's jobs; the admin pages need devices.manage for all of them. */
function jobScope(p: Principal): string | null {
  if (p.kind === 'admin') {
    requirePermission(p, 'devices.manage');
    return null;
  }
  return requireTillStaff(p).tillId;
}

export function createPrintingApi(service: PrintService, drawer: DrawerService): ApiModule[] {
  const sales = createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/{id}/print',
      tags: ['printing'],
      summary:
        'Print a completed sale’s receipt on this till’s printer: the original if it never had one, else a COPY',
      request: { params: IdParam },
      responses: {
        202: json(PrintJobSchema, 'The queued job: kind receipt (the original) or copy'),
        ...errorResponses(400, 401, 403, 404, 409, 422, 507),
      },
    }),
    (c) => {
      const { tillId } = requireTillStaff(c.get('principal'));
      return c.json(service.printOnRequest(c.get('principal'), tillId, c.req.valid('param').id), 202);
    },
  );

  const tills = createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/{id}/drawer/open',
      tags: ['printing'],
      summary: 'Open the cash drawer (no sale): needs drawer.open or a supervisor override',
      request: {
        params: IdParam,
        body: { required: true, content: { 'application/json': { schema: OpenDrawerBodySchema } } },
      },
      responses: {
        200: json(OpenDrawerResultSchema, 'Recorded; kick says whether the drawer was pulsed'),
        ...errorResponses(400, 401, 403, 404, 409, 422, 423, 429, 507),
      },
    }),
    async (c) => {
      const { tillId } = requireTillStaff(c.get('principal'));
      if (c.req.valid('param').id !== tillId) {
        throw new ForbiddenError('A till opens only its own drawer', { tillId }, 'OTHER_TILL');
      }
      return c.json(await drawer.open(c.get('principal'), tillId, c.req.valid('json')), 200);
    },
  );

  const jobs = createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['printing'],
        request: { query: JobQuerySchema },
        responses: {
          200: json(PrintJobPageSchema, 'Print jobs, newest first'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        const scope = jobScope(c.get('principal'));
        const q = c.req.valid('query');
        const filter = {
          status: q.status ?? null,
          tillId: scope ?? q.tillId ?? null,
          deviceId: q.deviceId ?? null,
        };
        return c.json(service.list(filter, q.limit, q.offset), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/retry',
        tags: ['printing'],
        request: { params: IdParam },
        responses: {
          200: json(PrintJobSchema, 'The job, queued again'),
          ...errorResponses(400, 401, 403, 404, 409, 507),
        },
      }),
      (c) => {
        const principal = c.get('principal');
        staffOf(principal);
        const scope = jobScope(principal);
        const id = c.req.valid('param').id;
        if (scope !== null && service.get(id).tillId !== scope) {
          throw new ForbiddenError('This print job belongs to another till', { id }, 'OTHER_TILL');
        }
        return c.json(service.retry(principal, id), 200);
      },
    );

  return [
    { path: 'sales', routes: sales },
    { path: 'tills', routes: tills },
    { path: 'print-jobs', routes: jobs },
  ];
}
