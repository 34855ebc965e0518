import type { HubContext } from '../../hub/context.js';
import { withCheckDigit, type LabelTemplate } from '../../hub/domain/barcodes/index.js';
import { newId } from '../../hub/ids.js';
import { createCatalogModule, type CatalogModule } from '../../hub/services/catalog/catalog-module.js';
import type { Product } from '../../hub/services/catalog/product-schema.js';
import { SYSTEM_ACTOR, type Actor } from '../../hub/services/settings/actor.js';
import type { PresetCountry } from '../../hub/services/settings/presets.js';
import { createSettingsModule, type SettingsModule } from '../../hub/services/settings/settings-module.js';
import { createStockModule } from '../../hub/services/stock/stock-module.js';
import type { StockService } from '../../hub/services/stock/stock-service.js';
import { createTestContext, type TestContext } from './hub-context.js';
import { perTest } from './per-test.js';

/** Someone with catalog rights, as the audit log records them. */
export const OWNER: Actor = { kind: 'admin', id: 'owner-1', tillId: null };

export interface CatalogFixture {
  settings: SettingsModule;
  catalog: CatalogModule;
  stock: StockService;
  /** Id of the preset tax class with this code ('standard', 'food', ...). */
  taxClassId(code: string): string;
  /** A product with sensible defaults; override any field. */
  product(fields?: Record<string, unknown>): Product;
  category(name: string, parentId?: string | null): string;
}

/** Settings (a country preset applied), catalog and stock modules on a test context. */
export function createCatalogFixture(ctx: HubContext, country: PresetCountry = 'DK'): CatalogFixture {
  const settings = createSettingsModule(ctx, { defaultCountry: country });
  settings.service.ensureSetUp(SYSTEM_ACTOR);
  const catalog = createCatalogModule(ctx, { settings: settings.service });
  const stock = createStockModule(ctx).service;
  const taxClassId = (code: string): string => {
    const found = settings.taxClasses.list().find((t) => t.code === code);
    if (!found) throw new Error(`no tax class with code ${code}`);
    return found.id;
  };
  let n = 0;
  return {
    settings,
    catalog,
    stock,
    taxClassId,
    product: (fields = {}) => {
      n += 1;
      return catalog.service.create(
        {
          sku: `SKU-${n}`,
          name: `Product ${n}`,
          taxClassId: taxClassId('standard'),
          priceMinor: 1000 + n,
          ...fields,
        },
        OWNER,
      ).product;
    },
    category: (name, parentId = null) => catalog.categories.create({ name, parentId }, OWNER).category.id,
  };
}

/**
 * A catalog fixture on its own test context (`f.ctx`), made before each test of the file or describe block
 * and closed after it (see perTest).
 */
export function catalogFixturePerTest(country: PresetCountry = 'DK'): CatalogFixture & { ctx: TestContext } {
  return perTest(
    () => {
      const ctx = createTestContext();
      return { ...createCatalogFixture(ctx, country), ctx };
    },
    (f) => {
      f.ctx.close();
    },
  );
}

/** The demo store's scale labels (scripts/demo/catalog-seed.ts): 20 = price with a verifier digit. */
export const SCALE_PRICE_LABEL: LabelTemplate = {
  id: 'scale-price',
  name: 'Scale price label',
  prefix: '20',
  itemDigits: 4,
  value: 'price',
  valueDigits: 5,
  decimals: 2,
  verifier: true,
};

/** 23 = weight in grams, no verifier. */
export const SCALE_WEIGHT_LABEL: LabelTemplate = {
  id: 'scale-weight',
  name: 'Scale weight label',
  prefix: '23',
  itemDigits: 5,
  value: 'weight',
  valueDigits: 5,
  decimals: 3,
  verifier: false,
};

/** An EAN-13 with its check digit, from 12 digits. */
export function ean13(body12: string): string {
  return withCheckDigit(body12);
}

/** The same EAN-13 with its last digit wrong. */
export function badCheckDigit(code: string): string {
  const last = Number(code.at(-1));
  return code.slice(0, -1) + String((last + 1) % 10);
}

export function uuid7(): string {
  return newId();
}
