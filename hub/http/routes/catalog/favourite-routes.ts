import { createRoute } from '@hono/zod-openapi';
import { requireAuthenticated } from '../../../services/access/guards.js';
import {
  FavouriteSchema,
  FavouritesPutSchema,
  FavouritesSchema,
  type FavouriteService,
} from '../../../services/catalog/favourite-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../../router.js';
import { body, json } from '../access-helpers.js';
import { actorWith } from '../crud.js';

/** /favourites: the store's one-tap products for the till, read by anyone signed in, arranged by a manager. */
export function createFavouriteRoutes(favourites: FavouriteService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['catalog'],
        summary: 'The favourites a till shows, in order (archived products and styles left out)',
        request: { query: PageQuerySchema },
        responses: { 200: json(pageSchema(FavouriteSchema), 'Favourites'), ...errorResponses(400, 401) },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json(pageOf(favourites.list(), c.req.valid('query')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/',
        tags: ['catalog'],
        summary: 'Replace the favourites with these products, in this order',
        request: body(FavouritesPutSchema),
        responses: {
          200: json(FavouritesSchema, 'The favourites as tills now see them'),
          ...errorResponses(400, 401, 403, 422),
        },
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        return c.json({ items: favourites.replace(c.req.valid('json'), actor) }, 200);
      },
    );
  return { path: 'favourites', routes };
}
