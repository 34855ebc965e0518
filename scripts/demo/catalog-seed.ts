// The demo store's catalog: deterministic (seeded PRNG, ids derived from the seed), so every demo and
// every test run sees the same products, barcodes and prices. Written through the real services, so the
// demo data passes the same validation, search indexing and change feed as an owner's own products.
import { v7 as uuidv7 } from 'uuid';
import type { HubContext } from '../../hub/context.js';
import { withCheckDigit } from '../../hub/domain/barcodes/index.js';
import { currencyExponent, divRound } from '../../hub/domain/money.js';
import type { CatalogModule } from '../../hub/services/catalog/catalog-module.js';
import { SYSTEM_ACTOR } from '../../hub/services/settings/actor.js';
import { isPresetCountry } from '../../hub/services/settings/presets.js';
import type { SettingsModule } from '../../hub/services/settings/settings-module.js';
import { hasMovements } from '../../hub/db/stock-queries.js';
import { recordStockMovements, type StockMovementInput } from '../../hub/services/stock/stock-service.js';
import {
  CLOTHING,
  COMPANY_PREFIX,
  CURRENCY_PRICING,
  DEMO_CATEGORIES,
  LANG_OF,
  nameIn,
  type Lang,
} from './catalog-seed-data.js';

export interface CatalogSeedOptions {
  /** PRNG seed; the same seed gives the same catalog. */
  seed?: number;
}

export interface CatalogSeedResult {
  categories: number;
  products: number;
  /** Item codes of the scale-label products, for the simulated scale and the demo script. */
  pluItems: { productId: string; itemCode: string; label: 'price' | 'weight' }[];
  /** A few EAN-13s to scan in the demo. */
  sampleBarcodes: string[];
}

/** mulberry32: small, fast and good enough to vary demo data; never used for anything secret. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

// Ids are UUIDv7 with a fixed timestamp and PRNG bits, so a second seed run finds the same ids with the
// same content and changes nothing (creates are idempotent).
const ID_EPOCH_MS = Date.UTC(2026, 0, 1);

function idMaker(seed: number): () => string {
  const next = prng(seed ^ 0x5eed);
  let n = 0;
  return () => {
    n += 1;
    const random = new Uint8Array(16);
    for (let i = 0; i < 16; i += 4) new DataView(random.buffer).setUint32(i, next());
    return uuidv7({ msecs: ID_EPOCH_MS + n, random });
  };
}

/** A price in store minor units from euro cents, with a shop-like ending. Integer arithmetic only. */
export function demoPrice(euroCents: number, currency: string): number {
  const p = CURRENCY_PRICING[currency] ?? { num: 1n, den: 1n, step: 1n, minus: 0n };
  // Euro cents are exponent 2; rescale to the currency's exponent first (JPY 0, KWD 3).
  const scale = 10n ** BigInt(currencyExponent(currency));
  const minor = divRound(BigInt(euroCents) * p.num * scale, p.den * 100n);
  const steps = divRound(minor, p.step);
  return Number((steps < 1n ? 1n : steps) * p.step - p.minus);
}

/**
 * Seeds label templates, categories, products (incl. a T-shirt style with size/colour variants) and
 * opening stock. Expects the store's settings to be set (a preset applied); names follow its language.
 */
export function seedDemoCatalog(
  ctx: HubContext,
  mods: { settings: SettingsModule; catalog: CatalogModule },
  options: CatalogSeedOptions = {},
): CatalogSeedResult {
  const seed = options.seed ?? 42;
  const rand = prng(seed);
  const nextId = idMaker(seed);
  const store = mods.settings.service.get();
  const country = isPresetCountry(store.country) ? store.country : 'DK';
  const lang: Lang = LANG_OF[country];
  const exponent = currencyExponent(store.currency);
  const taxClasses = mods.settings.taxClasses.list().filter((t) => t.active);
  const taxId = (food: boolean): string => {
    const wanted =
      taxClasses.find((t) => t.code === (food ? 'food' : 'standard')) ??
      taxClasses.find((t) => t.code === 'standard');
    const found = wanted ?? taxClasses[0];
    if (!found) throw new Error('the store has no tax class; apply a preset first');
    return found.id;
  };

  // Scale labels: 20 = price-embedded with a price verifier digit, 23 = weight-embedded in grams.
  const templates = mods.catalog.labelTemplates;
  templates.put(
    'scale-price',
    {
      name: 'Scale price label',
      prefix: '20',
      itemDigits: 4,
      value: 'price',
      valueDigits: 5,
      decimals: Math.min(2, exponent),
      verifier: true,
    },
    SYSTEM_ACTOR,
  );
  templates.put(
    'scale-weight',
    {
      name: 'Scale weight label',
      prefix: '23',
      itemDigits: 5,
      value: 'weight',
      valueDigits: 5,
      decimals: 3,
      verifier: false,
    },
    SYSTEM_ACTOR,
  );

  const result: CatalogSeedResult = { categories: 0, products: 0, pluItems: [], sampleBarcodes: [] };
  const stock: StockMovementInput[] = [];
  const favourites: string[] = [];
  let itemRef = 0;
  let plu = 1000;
  const ean = (): string => {
    itemRef += 1;
    const prefix = COMPANY_PREFIX[country];
    return withCheckDigit(prefix + String(itemRef).padStart(12 - prefix.length, '0'));
  };
  const create = (fields: Record<string, unknown>) => {
    const { product } = mods.catalog.service.create({ id: nextId(), ...fields }, SYSTEM_ACTOR);
    result.products += 1;
    return product;
  };
  const category = (names: string, sort: number): string => {
    result.categories += 1;
    return mods.catalog.categories.create({ id: nextId(), name: nameIn(names, lang), sort }, SYSTEM_ACTOR)
      .category.id;
  };

  DEMO_CATEGORIES.forEach((cat, sortIndex) => {
    const categoryId = category(cat.names, sortIndex * 10);
    cat.items.forEach(([names, cents], itemIndex) => {
      cat.sizes.forEach(([suffix, factor], sizeIndex) => {
        const name = [nameIn(names, lang), suffix].filter((s) => s !== '').join(' ');
        const sizedCents = Number(divRound(BigInt(cents * factor), 100n));
        const priceMinor = demoPrice(Math.max(1, sizedCents), store.currency);
        const costMinor = Number(divRound(BigInt(priceMinor) * BigInt(55 + (rand() % 20)), 100n));
        const sku = `${cat.key.slice(0, 3).toUpperCase()}-${String(itemIndex + 1).padStart(2, '0')}${String(sizeIndex + 1)}`;
        const barcodes =
          cat.label === undefined ? [ean()] : [{ code: String((plu += 1)), kind: 'plu' as const }];
        const product = create({
          sku,
          name,
          categoryId,
          taxClassId: taxId(cat.food),
          unit: cat.weighed ? 'kg' : 'piece',
          weighed: cat.weighed ?? false,
          priceMinor,
          costMinor,
          barcodes,
          reorderPoint: cat.weighed ? null : 5,
        });
        if (sizeIndex === 0 && itemIndex < 4 && ['bakery', 'dairy', 'produce'].includes(cat.key))
          favourites.push(product.id);
        const first = barcodes[0];
        if (typeof first === 'string' && result.sampleBarcodes.length < 12 && sizeIndex === 0)
          result.sampleBarcodes.push(first);
        if (typeof first === 'object' && cat.label !== undefined) {
          result.pluItems.push({ productId: product.id, itemCode: first.code, label: cat.label });
        }
        // Opening stock: pieces, or grams for weighed goods.
        const quantity = cat.weighed ? 2_000 + (rand() % 18_000) : 6 + (rand() % 60);
        stock.push({ productId: product.id, quantity, reason: 'initial', costMinor });
      });
    });
  });

  // A style with size and colour variants: the style is not sold, each variant has its own EAN and stock.
  const clothing = category(CLOTHING.names, DEMO_CATEGORIES.length * 10);
  const styleName = nameIn(CLOTHING.style, lang);
  const style = create({
    sku: 'TEE',
    name: styleName,
    categoryId: clothing,
    taxClassId: taxId(false),
    priceMinor: demoPrice(CLOTHING.priceCents, store.currency),
    hasVariants: true,
  });
  for (const colour of CLOTHING.colours) {
    for (const size of CLOTHING.sizes) {
      const colourName = nameIn(colour, lang);
      const priceMinor = demoPrice(CLOTHING.priceCents + (size === 'XL' ? 200 : 0), store.currency);
      const variant = create({
        sku: `TEE-${nameIn(colour, 'en').slice(0, 3).toUpperCase()}-${size}`,
        name: `${styleName} ${colourName} ${size}`,
        parentId: style.id,
        attributes: { size, colour: colourName },
        categoryId: clothing,
        taxClassId: taxId(false),
        priceMinor,
        costMinor: Number(divRound(BigInt(priceMinor) * 40n, 100n)),
        barcodes: [ean()],
      });
      stock.push({ productId: variant.id, quantity: 3 + (rand() % 12), reason: 'initial' });
    }
  }

  // Favourites: the first kind of each bread, dairy and fruit item, the things a till rings up all day.
  if (mods.catalog.favourites.list().length === 0)
    mods.catalog.favourites.replace({ productIds: favourites }, SYSTEM_ACTOR);

  // Opening stock once, only on the first run: the ledger is append-only, a second run must not double it.
  if (!ctx.tx.read((db) => hasMovements(db, 'initial')))
    ctx.tx.write((tx) => recordStockMovements(tx, stock, null));
  return result;
}
