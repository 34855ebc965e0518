import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../hub/errors.js';
import { SYSTEM_ACTOR } from '../../../hub/services/settings/actor.js';
import { createSettingsModule, type SettingsModule } from '../../../hub/services/settings/settings-module.js';
import { OWNER } from '../../support/catalog-fixtures.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('store settings', () => {
  let ctx: TestContext;
  let mod: SettingsModule;
  beforeEach(() => {
    ctx = createTestContext();
    mod = createSettingsModule(ctx);
  });
  afterEach(() => {
    ctx.close();
  });

  it('gives a clean store the Danish preset without writing anything until set up', () => {
    const s = mod.service.get();
    expect(s).toMatchObject({
      currency: 'DKK',
      country: 'DK',
      locale: 'da-DK',
      taxMode: 'inclusive',
      cashRoundingMinor: 50,
    });
    expect(mod.service.isSaved()).toBe(false);
    expect(mod.taxClasses.list()).toEqual([]);

    mod.service.ensureSetUp();
    expect(mod.service.isSaved()).toBe(true);
    expect(mod.taxClasses.list().map((t) => [t.code, t.rateBp])).toEqual([['standard', 2500]]);
    expect(mod.tenders.list().map((t) => t.kind)).toEqual([
      'cash',
      'card',
      'mobile',
      'voucher',
      'store_credit',
    ]);
    // Idempotent: a second start changes nothing.
    mod.service.ensureSetUp();
    expect(mod.taxClasses.list()).toHaveLength(1);
    expect(mod.tenders.list()).toHaveLength(5);
  });

  it('takes the default country from options', () => {
    const fi = createSettingsModule(ctx, { defaultCountry: 'FI' });
    expect(fi.service.get()).toMatchObject({
      currency: 'EUR',
      timeZone: 'Europe/Helsinki',
      cashRoundingMinor: 5,
    });
  });

  it('updates, audits, writes outbox and announces the change only after commit', () => {
    mod.service.ensureSetUp();
    ctx.events.length = 0;
    const next = mod.service.update({ name: 'Bager Hansen', receiptFooter: 'Tak!\nVelkommen igen' }, OWNER);
    expect(next.name).toBe('Bager Hansen');
    expect(mod.service.get().receiptFooter).toBe('Tak!\nVelkommen igen');
    expect(ctx.events.map((e) => e.name)).toEqual(['settings.changed']);
    const audit = ctx.db
      .prepare("SELECT actor_id, action FROM audit_log WHERE action = 'settings.update'")
      .all();
    expect(audit).toEqual([{ actor_id: 'owner-1', action: 'settings.update' }]);
    const outbox = ctx.db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'store_settings'").get();
    expect(outbox).toEqual({ n: 2 });
    // A fresh service (another process start) reads what was saved.
    expect(createSettingsModule(ctx).service.get().name).toBe('Bager Hansen');
  });

  it('names the bad currency, locale and time zone and changes nothing', () => {
    mod.service.ensureSetUp();
    const before = mod.service.get();
    const error = errorOf(() =>
      mod.service.update({ currency: 'XYZ', locale: 'not a locale!', timeZone: 'Mars/Olympus' }, OWNER),
    );
    expect(error.message).toContain('currency: "XYZ" is not a known ISO 4217 currency code');
    expect(error.message).toContain('locale: "not a locale!" is not a supported BCP 47 locale');
    expect(error.message).toContain('timeZone: "Mars/Olympus" is not an IANA time zone');
    expect(error.details?.issues).toHaveLength(3);
    expect(mod.service.get()).toEqual(before);
    expect(createSettingsModule(ctx).service.get()).toEqual(before);
  });

  it('refuses lower-case currency, unknown countries, control bytes on receipts and unknown fields', () => {
    expect(errorOf(() => mod.service.update({ currency: 'dkk' }, OWNER)).message).toContain('currency');
    expect(errorOf(() => mod.service.update({ country: 'XX' }, OWNER)).message).toContain('country: "XX"');
    expect(errorOf(() => mod.service.update({ receiptHeader: 'Hi\u001b@' }, OWNER)).message).toContain(
      'control',
    );
    expect(errorOf(() => mod.service.update({ currencyy: 'EUR' }, OWNER)).message).toContain('currencyy');
    expect(errorOf(() => mod.service.update({ cashRoundingMinor: 0.5 }, OWNER)).message).toContain(
      'cashRoundingMinor',
    );
    expect(errorOf(() => mod.service.update({ publicBaseUrl: 'ftp://shop' }, OWNER)).message).toContain(
      'publicBaseUrl',
    );
  });

  it('canonicalises the locale and follows the currency with its cash rounding unless told otherwise', () => {
    expect(mod.service.update({ locale: 'da-dk' }, OWNER).locale).toBe('da-DK');
    expect(mod.service.update({ currency: 'EUR', country: 'FI' }, OWNER).cashRoundingMinor).toBe(5);
    expect(mod.service.update({ currency: 'EUR', country: 'DE' }, OWNER).cashRoundingMinor).toBe(1);
    expect(
      mod.service.update({ currency: 'UAH', country: 'UA', cashRoundingMinor: 100 }, OWNER).cashRoundingMinor,
    ).toBe(100);
  });

  it('sets and clears the public base URL', () => {
    expect(mod.service.update({ publicBaseUrl: 'https://shop.example.dk' }, OWNER).publicBaseUrl).toBe(
      'https://shop.example.dk',
    );
    expect(mod.service.update({ publicBaseUrl: null }, OWNER)).not.toHaveProperty('publicBaseUrl');
  });

  it.each([
    ['DK', 'DKK', 'da-DK', 'inclusive', 50, [2500]],
    ['FI', 'EUR', 'fi-FI', 'inclusive', 5, [2550, 1350, 1000]],
    ['TW', 'TWD', 'zh-TW', 'inclusive', 100, [500]],
    ['UA', 'UAH', 'uk-UA', 'inclusive', 10, [2000, 700]],
    ['CN', 'CNY', 'zh-CN', 'inclusive', 1, [1300, 900, 600]],
    ['US', 'USD', 'en-US', 'exclusive', 1, [725]],
  ] as const)(
    'preset %s: %s, %s, %s tax, cash to %i, rates %j',
    (country, currency, locale, taxMode, rounding, rates) => {
      const s = mod.service.applyPreset(country, OWNER);
      expect(s).toMatchObject({ country, currency, locale, taxMode, cashRoundingMinor: rounding });
      expect(mod.taxClasses.list().map((t) => t.rateBp)).toEqual(rates);
    },
  );

  it('keeps the store name and reuses tax classes by code when switching presets', () => {
    mod.service.applyPreset('DK', SYSTEM_ACTOR);
    mod.service.update({ name: 'Kiosken' }, OWNER);
    const dkStandard = mod.taxClasses.list()[0]!.id;
    mod.service.applyPreset('FI', OWNER);
    expect(mod.service.get()).toMatchObject({ name: 'Kiosken', currency: 'EUR' });
    const standard = mod.taxClasses.list().find((t) => t.code === 'standard')!;
    expect(standard).toMatchObject({ id: dkStandard, rateBp: 2550 });
    // One tender per kind: the Danish ones stay, no duplicates.
    expect(mod.tenders.list()).toHaveLength(5);
    expect(() => mod.service.applyPreset('SE', OWNER)).toThrow(/No preset for country "SE"/);
  });
});
