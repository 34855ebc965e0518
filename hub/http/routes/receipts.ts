import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission, requireTillStaff } from '../../services/access/guards.js';
import type { EReceipts } from '../../services/receipts/e-receipts.js';
import {
  SmtpSettingsInputSchema,
  SmtpSettingsViewSchema,
  type SmtpSettings,
} from '../../services/receipts/email/smtp-settings.js';
import { actorOf } from '../../services/settings/actor.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';
import { body, json } from './access-helpers.js';

const IdParam = z.object({ id: z.uuid() });

const EReceiptSchema = z
  .object({
    saleId: z.string(),
    receiptCode: z.string(),
    url: z.string().nullable().openapi({ description: 'The public receipt page; null without a public URL' }),
    qrPath: z.string().nullable().openapi({ description: 'Same-origin path of the QR code (SVG)' }),
    printed: z.boolean().openapi({ description: 'The original was printed: printing again gives a COPY' }),
    emailConfigured: z.boolean(),
  })
  .openapi('EReceipt');

const EmailBodySchema = z
  .strictObject({ to: z.email().max(254).openapi({ example: 'customer@example.com' }) })
  .openapi('EmailReceipt');

const EmailResultSchema = z.object({ to: z.string(), messageId: z.string() }).openapi('EmailReceiptResult');

/** The till's receipt calls on a completed sale, and the mail server settings ('settings.manage'). */
export function createReceiptsApi(receipts: EReceipts, smtp: SmtpSettings): ApiModule[] {
  const sales = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/e-receipt',
        tags: ['receipts'],
        summary: 'The receipt number, public URL and QR code path of a completed sale',
        request: { params: IdParam },
        responses: { 200: json(EReceiptSchema, 'The e-receipt'), ...errorResponses(400, 401, 403, 404, 422) },
      }),
      (c) => {
        requireTillStaff(c.get('principal'));
        return c.json(receipts.forTill(c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/email',
        tags: ['receipts'],
        summary: 'Mail the receipt of a completed sale to the customer, in the store’s language',
        request: { params: IdParam, ...body(EmailBodySchema) },
        responses: {
          200: json(EmailResultSchema, 'The mail server took the receipt'),
          ...errorResponses(400, 401, 403, 404, 422, 503),
        },
      }),
      async (c) => {
        requireTillStaff(c.get('principal'));
        return c.json(await receipts.email(c.req.valid('param').id, c.req.valid('json').to), 200);
      },
    );

  const settings = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['settings'],
        summary:
          'The mail server for e-receipts; the password is never returned (passwordSet says if one is)',
        responses: { 200: json(SmtpSettingsViewSchema, 'Mail server settings'), ...errorResponses(401, 403) },
      }),
      (c) => {
        requirePermission(c.get('principal'), 'settings.manage');
        return c.json(smtp.view(), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/',
        tags: ['settings'],
        summary: 'Set the mail server; leave password out to keep the saved one, null to remove it',
        request: body(SmtpSettingsInputSchema),
        responses: { 200: json(SmtpSettingsViewSchema, 'Saved'), ...errorResponses(400, 401, 403) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'settings.manage');
        return c.json(smtp.save(c.req.valid('json'), actorOf(principal)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/test',
        tags: ['settings'],
        summary: 'Send a short test mail through the saved mail server',
        request: body(EmailBodySchema),
        responses: {
          200: json(EmailResultSchema, 'The mail server took the test mail'),
          ...errorResponses(400, 401, 403, 422, 503),
        },
      }),
      async (c) => {
        requirePermission(c.get('principal'), 'settings.manage');
        return c.json(await receipts.testMail(c.req.valid('json').to), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/',
        tags: ['settings'],
        summary: 'Forget the mail server (receipts are no longer mailed)',
        responses: { 200: json(SmtpSettingsViewSchema, 'Removed'), ...errorResponses(401, 403) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'settings.manage');
        return c.json(smtp.remove(actorOf(principal)), 200);
      },
    );

  return [
    { path: 'sales', routes: sales },
    { path: 'settings/smtp', routes: settings },
  ];
}
