import { createRoute, z } from '@hono/zod-openapi';
import { requireAuthenticated, requirePermission } from '../../../services/access/guards.js';
import { actorOf } from '../../../services/settings/actor.js';
import { PRESET_COUNTRIES } from '../../../services/settings/presets.js';
import {
  StoreSettingsPatchSchema,
  StoreSettingsSchema,
  type SettingsService,
} from '../../../services/settings/settings-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses } from '../../router.js';
import { body, json } from '../access-helpers.js';

const PresetBodySchema = z.strictObject({ country: z.enum(PRESET_COUNTRIES) }).openapi('SettingsPreset');

/** /settings: every till reads them (currency, tax mode, receipt texts); 'settings.manage' changes them. */
export function createSettingsRoutes(settings: SettingsService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['settings'],
        responses: { 200: json(StoreSettingsSchema, 'Store settings'), ...errorResponses(401) },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json(settings.get(), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/',
        tags: ['settings'],
        request: body(StoreSettingsPatchSchema),
        responses: { 200: json(StoreSettingsSchema, 'Updated'), ...errorResponses(400, 401, 403) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'settings.manage');
        return c.json(settings.update(c.req.valid('json'), actorOf(principal)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/preset',
        tags: ['settings'],
        summary: 'Apply a country preset: currency, locale, time zone, tax mode, tax classes, tenders',
        request: body(PresetBodySchema),
        responses: { 200: json(StoreSettingsSchema, 'Applied'), ...errorResponses(400, 401, 403) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'settings.manage');
        return c.json(settings.applyPreset(c.req.valid('json').country, actorOf(principal)), 200);
      },
    );
  return { path: 'settings', routes };
}
