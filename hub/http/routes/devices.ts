import { createRoute } from '@hono/zod-openapi';
import type { DeviceService } from '../../services/devices/device-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';
import { body, json } from './access-helpers.js';
import {
  CredentialsSchema,
  DeviceSchema,
  IdParam,
  ListQuery,
  LiveWithIdSchema,
  PageSchema,
  RegisterSchema,
  ScaleAdjustedSchema,
  ScaleAdjustParam,
  TestResultSchema,
  TestSchema,
  TillParam,
  UpdateSchema,
  WeightSchema,
} from './devices-schemas.js';

const tags = ['devices'];

/** /devices: the registry for technicians and managers ('devices.manage'); secrets shown once. */
export function createDevicesApi(devices: DeviceService): ApiModule {
  const routes = createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        request: { query: ListQuery },
        responses: { 200: json(PageSchema, 'Devices with live state'), ...errorResponses(400, 401, 403) },
      }),
      (c) => {
        const { limit, offset, ...filter } = c.req.valid('query');
        return c.json(devices.list(c.get('principal'), filter, limit, offset), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags,
        request: { params: IdParam },
        responses: { 200: json(DeviceSchema, 'A device'), ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => c.json(devices.get(c.get('principal'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/state',
        tags,
        request: { params: IdParam },
        responses: {
          200: json(LiveWithIdSchema, 'Live state: online, last seen, status, errors, counters'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      (c) => c.json(devices.liveState(c.get('principal'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        request: body(RegisterSchema),
        responses: {
          201: json(CredentialsSchema, 'Registered; the secret is shown only now'),
          ...errorResponses(400, 401, 403, 409, 422),
        },
      }),
      (c) => c.json(devices.register(c.get('principal'), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        request: { params: IdParam, ...body(UpdateSchema) },
        responses: { 200: json(DeviceSchema, 'Updated'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      }),
      (c) => c.json(devices.update(c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/rotate',
        tags,
        request: { params: IdParam },
        responses: {
          200: json(CredentialsSchema, 'New secret, shown only now; the old one stops working'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      (c) => c.json(devices.rotate(c.get('principal'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/revoke',
        tags,
        request: { params: IdParam },
        responses: {
          200: json(DeviceSchema, 'Revoked and disconnected'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => c.json(await devices.revoke(c.get('principal'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/test',
        tags,
        request: { params: IdParam, ...body(TestSchema) },
        responses: {
          200: json(
            TestResultSchema,
            'What the device answered; ok:false with an error code when it did not',
          ),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) =>
        c.json(await devices.test(c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200),
    );
  return { path: 'devices', routes };
}

/** /tills/{tillId}/scale/weight: a cashier at that till asks its scale for a stable weight. */
export function createTillScaleApi(devices: DeviceService): ApiModule {
  const routes = createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/{tillId}/scale/weight',
        tags: ['devices', 'tills'],
        request: { params: TillParam },
        responses: {
          200: json(WeightSchema, 'A stable weight in grams'),
          ...errorResponses(400, 401, 403, 422),
        },
      }),
      async (c) => c.json(await devices.stableWeight(c.get('principal'), c.req.valid('param').tillId), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{tillId}/scale/{action}',
        tags: ['devices', 'tills'],
        summary: "Tare or zero the till's scale, as its own keys would",
        request: { params: ScaleAdjustParam },
        responses: {
          200: json(ScaleAdjustedSchema, 'The tare the scale now holds and the net weight after'),
          ...errorResponses(400, 401, 403, 422),
        },
      }),
      async (c) => {
        const { tillId, action } = c.req.valid('param');
        return c.json(await devices.adjustScale(c.get('principal'), tillId, action), 200);
      },
    );
  return { path: 'tills', routes };
}
