import type { ApiModule } from '../../hub/http/app.js';
import { seedAccess, type AccessFixture } from './access-fixtures.js';
import { createCatalogFixture, type CatalogFixture } from './catalog-fixtures.js';
import { createTestContext, type TestContext } from './hub-context.js';
import { buildTestApp, type TestApp } from './test-app.js';

/** A Danish store with staff and a catalog fixture, and the app serving the modules under test. */
export interface CatalogApp {
  ctx: TestContext;
  seed: AccessFixture;
  f: CatalogFixture;
  t: TestApp;
}

/** `modules` picks what the app serves (besides the access routes); `ctx.close()` when done. */
export function catalogApp(modules: (ctx: TestContext, f: CatalogFixture) => ApiModule[]): CatalogApp {
  const ctx = createTestContext();
  const seed = seedAccess(ctx);
  const f = createCatalogFixture(ctx, 'DK');
  const t = buildTestApp(ctx, modules(ctx, f));
  return { ctx, seed, f, t };
}
