import { createRoute, type z } from '@hono/zod-openapi';
import type { Permission } from '../../contract/permissions.js';
import type { Principal } from '../../contract/principal.js';
import { requirePermission } from '../../services/access/guards.js';
import { actorOf, type Actor } from '../../services/settings/actor.js';
import { errorResponses, pageSchema, PageQuerySchema } from '../router.js';
import { body, json } from './access-helpers.js';

/**
 * Route declarations shared by the small managed resources (categories, products, label templates, tax
 * classes, tenders). Each returns a `createRoute(...)` with the caller's schemas, so the handler passed
 * next to it in `.openapi(route, handler)` is still typed from those schemas.
 */

type ErrorStatus = Parameters<typeof errorResponses>[number];

/** The guard every write handler starts with: the permission, then who to record as the actor. */
export function actorWith(principal: Principal, permission: Permission): Actor {
  requirePermission(principal, permission);
  return actorOf(principal);
}

/** GET /: one page of a list the service returns whole. */
export function pageListRoute<T extends z.ZodType>(o: { tag: string; item: T; description: string }) {
  return createRoute({
    method: 'get',
    path: '/',
    tags: [o.tag],
    request: { query: PageQuerySchema },
    responses: {
      200: json(pageSchema(o.item), o.description),
      ...errorResponses(400, 401),
    },
  });
}

/** GET /{id}: one item. */
export function getByIdRoute<P extends z.ZodObject, T extends z.ZodType>(o: {
  tag: string;
  params: P;
  item: T;
  description: string;
}) {
  return createRoute({
    method: 'get',
    path: '/{id}',
    tags: [o.tag],
    request: { params: o.params },
    responses: { 200: json(o.item, o.description), ...errorResponses(400, 401, 404) },
  });
}

/** POST /: create, idempotent by the client-made id: 201 when new, 200 when it already existed as sent. */
export function createOrReplayRoute<B extends z.ZodType, T extends z.ZodType>(o: {
  tag: string;
  summary?: string;
  body: B;
  item: T;
  errors: ErrorStatus[];
}) {
  return createRoute({
    method: 'post',
    path: '/',
    tags: [o.tag],
    summary: o.summary,
    request: body(o.body),
    responses: {
      200: json(o.item, 'Already existed with this content'),
      201: json(o.item, 'Created'),
      ...errorResponses(...o.errors),
    },
  });
}

/** PATCH /{id}: change some fields. */
export function patchRoute<P extends z.ZodObject, B extends z.ZodType, T extends z.ZodType>(o: {
  tag: string;
  params: P;
  body: B;
  item: T;
  errors: ErrorStatus[];
}) {
  return createRoute({
    method: 'patch',
    path: '/{id}',
    tags: [o.tag],
    request: { params: o.params, ...body(o.body) },
    responses: { 200: json(o.item, 'Updated'), ...errorResponses(...o.errors) },
  });
}

/** POST /{id}/archive (active false) or /{id}/unarchive (active true). */
export function setActiveRoute<P extends z.ZodObject, T extends z.ZodType>(o: {
  tag: string;
  summary?: string;
  params: P;
  item: T;
  active: boolean;
}) {
  return createRoute({
    method: 'post',
    path: o.active ? '/{id}/unarchive' : '/{id}/archive',
    tags: [o.tag],
    summary: o.summary,
    request: { params: o.params },
    responses: {
      200: json(o.item, o.active ? 'Active again' : 'Archived'),
      ...errorResponses(400, 401, 403, 404),
    },
  });
}
