import type { ApiModule } from '../../hub/http/app.js';
import { seedAccess, type AccessFixture } from './access-fixtures.js';
import { createCatalogFixture, type CatalogFixture } from './catalog-fixtures.js';
import { createTestContext, type TestContext } from './hub-context.js';
import { perTest } from './per-test.js';
import { buildTestApp, seededLogins, type SeededLogins, type TestApp } from './test-app.js';

/** A Danish store with staff and a catalog fixture, and the app serving the modules under test. */
export interface CatalogApp extends SeededLogins {
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
  return { ctx, seed, f, t, ...seededLogins(t, seed) };
}

/** catalogApp() afresh for each test of the file, closed after it (see perTest). */
export function catalogAppPerTest(modules: (ctx: TestContext, f: CatalogFixture) => ApiModule[]): CatalogApp {
  return perTest(
    () => catalogApp(modules),
    (app) => {
      app.ctx.close();
    },
  );
}
