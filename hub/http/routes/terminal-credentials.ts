import { createRoute, z } from '@hono/zod-openapi';
import type { DeviceService } from '../../services/devices/device-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';
import { body, json } from './access-helpers.js';
import { IdParam } from './devices-schemas.js';

const PEM_CERTIFICATE = /^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*$/;

/** The nexo shared key and TLS trust of a terminal; write-only for the passphrase and the PEM. */
export const TerminalCredentialsSchema = z
  .strictObject({
    passphrase: z
      .string()
      .min(8)
      .max(256)
      .regex(/^[^\p{Cc}]+$/u, 'No control characters'),
    keyIdentifier: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_.-]+$/, 'Letters, digits, dot, dash, underscore'),
    keyVersion: z.number().int().min(0).max(1_000_000),
    caPem: z.string().trim().max(16_384).regex(PEM_CERTIFICATE, 'A PEM certificate (BEGIN CERTIFICATE)'),
    servername: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.-]+$/, 'A DNS name')
      .nullable()
      .optional(),
  })
  .openapi('TerminalCredentialsInput');

export const TerminalCredentialsViewSchema = z
  .object({
    deviceId: z.string(),
    hasCredentials: z.boolean(),
    keyIdentifier: z.string().nullable(),
    keyVersion: z.number().int().nullable(),
    servername: z.string().nullable(),
    caFingerprint: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('TerminalCredentials');

const tags = ['devices'];

/**
 * /devices/{id}/terminal-credentials ('devices.manage'): set a terminal's nexo key and the certificate
 * that signs its TLS certificate. Reads answer hasCredentials, the key identifier and version, and the
 * certificate's fingerprint; the passphrase and the PEM are never returned.
 */
export function createTerminalCredentialsApi(devices: DeviceService): ApiModule {
  const routes = createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/terminal-credentials',
        tags,
        request: { params: IdParam },
        responses: {
          200: json(TerminalCredentialsViewSchema, 'Whether the terminal has credentials; never the secret'),
          ...errorResponses(400, 401, 403, 404, 422),
        },
      }),
      (c) => c.json(devices.terminalCredentials(c.get('principal'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/terminal-credentials',
        tags,
        request: { params: IdParam, ...body(TerminalCredentialsSchema) },
        responses: {
          200: json(TerminalCredentialsViewSchema, 'Stored; card payments at its till use them from now on'),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      }),
      (c) =>
        c.json(
          devices.setTerminalCredentials(c.get('principal'), c.req.valid('param').id, c.req.valid('json')),
          200,
        ),
    );
  return { path: 'devices', routes };
}
