import type { HubContext } from '../../context.js';
import { defaultCashIncrement } from '../../domain/cash-rounding.js';
import type { Tx } from '../../db/transactor.js';
import {
  countTendersOfKind,
  getTaxClassByCode,
  readSettingsJson,
  upsertTaxClass,
  upsertTender,
  writeSettingsJson,
} from '../../db/settings-queries.js';
import { ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditEntry, SYSTEM_ACTOR, type Actor } from './actor.js';
import { isPresetCountry, PRESET_COUNTRIES, PRESETS, type PresetCountry } from './presets.js';
import {
  parseOrThrow,
  StoreSettingsPatchSchema,
  StoreSettingsSchema,
  type StoreSettings,
  type StoreSettingsPatch,
} from './settings-schema.js';

export { StoreSettingsPatchSchema, StoreSettingsSchema, type StoreSettings, type StoreSettingsPatch };

export interface SettingsOptions {
  /**
   * The preset a store that has never saved its settings runs on (from config, e.g. HUB_COUNTRY).
   * Defaults to DK, the country the project was first built for; any preset country may be given.
   */
  defaultCountry?: PresetCountry;
}

/** The settings a preset gives, keeping the store's own texts when it already has them. */
export function presetSettings(country: PresetCountry, keep?: StoreSettings): StoreSettings {
  const p = PRESETS[country];
  return {
    name: keep?.name ?? p.storeName,
    address: keep?.address ?? '',
    currency: p.currency,
    country: p.country,
    locale: p.locale,
    timeZone: p.timeZone,
    taxMode: p.taxMode,
    cashRoundingMinor: defaultCashIncrement(p.currency, p.country),
    receiptHeader: keep?.receiptHeader ?? '',
    receiptFooter: keep?.receiptFooter ?? p.receiptFooter,
    autoPrintReceipts: keep?.autoPrintReceipts ?? true,
    ...(keep?.publicBaseUrl === undefined ? {} : { publicBaseUrl: keep.publicBaseUrl }),
  };
}

/**
 * Store-wide settings. Sales read them on every sale, so `get()` answers from memory; the cache is
 * replaced after each committed update (never before: a rolled-back update must not leak).
 *
 * Until the owner saves settings, a clean store runs on the default country's preset (not written to
 * the database, so the first real save or `ensureSetUp()` decides). `ensureSetUp()`, called once at
 * start-up by the composition root, writes that preset with its tax classes and tenders so products and
 * payments have something to refer to.
 */
export class SettingsService {
  private cache: StoreSettings | undefined;

  constructor(
    private readonly ctx: HubContext,
    private readonly options: SettingsOptions = {},
  ) {}

  get(): StoreSettings {
    this.cache ??= this.load() ?? presetSettings(this.defaultCountry());
    return this.cache;
  }

  /** True once settings have been saved (by the owner, a preset or first-start setup). */
  isSaved(): boolean {
    return this.ctx.tx.read((db) => readSettingsJson(db)) !== undefined;
  }

  update(patch: unknown, actor: Actor): StoreSettings {
    const changes = parseOrThrow(StoreSettingsPatchSchema, patch, 'store settings');
    const current = this.get();
    const { publicBaseUrl, ...rest } = changes;
    const merged: Record<string, unknown> = { ...current, ...stripUndefined(rest) };
    if (publicBaseUrl === null) delete merged.publicBaseUrl;
    else if (publicBaseUrl !== undefined) merged.publicBaseUrl = publicBaseUrl;
    // A new currency or country brings its own coins: unless the patch says otherwise, the cash
    // increment follows (DKK 50 øre -> EUR in Finland 5 cent).
    const movedMoney = rest.currency !== undefined || rest.country !== undefined;
    if (movedMoney && rest.cashRoundingMinor === undefined) {
      merged.cashRoundingMinor = safeDefaultIncrement(merged.currency, merged.country);
    }
    const next = parseOrThrow(StoreSettingsSchema, merged, 'store settings');
    this.ctx.tx.write((tx) => {
      this.save(tx, next, actor, 'settings.update', { changed: Object.keys(stripUndefined(changes)) });
    });
    this.cache = next;
    return next;
  }

  /**
   * Applies a country preset in one transaction: settings (keeping the store's name, address and
   * receipt texts), its tax classes (matched by code, so applying twice changes nothing) and one tender
   * per kind the store does not have yet. Products are never touched.
   */
  applyPreset(country: string, actor: Actor): StoreSettings {
    if (!isPresetCountry(country)) {
      throw new ValidationError(
        `No preset for country "${country}"; presets exist for ${PRESET_COUNTRIES.join(', ')}`,
        {
          country,
        },
      );
    }
    const saved = this.load();
    const next = presetSettings(country, saved);
    this.ctx.tx.write((tx) => {
      this.writePresetRows(tx, country);
      this.save(tx, next, actor, 'settings.preset', { country });
    });
    this.cache = next;
    return next;
  }

  /** First start of a store that has no settings yet: writes the default preset. Idempotent. */
  ensureSetUp(actor: Actor = SYSTEM_ACTOR): StoreSettings {
    if (this.isSaved()) return this.get();
    return this.applyPreset(this.defaultCountry(), actor);
  }

  /** Forget the cached copy (after a restore from backup, or in tests that write rows directly). */
  invalidate(): void {
    this.cache = undefined;
  }

  private defaultCountry(): PresetCountry {
    return this.options.defaultCountry ?? 'DK';
  }

  private load(): StoreSettings | undefined {
    const json = this.ctx.tx.read((db) => readSettingsJson(db));
    if (json === undefined) return undefined;
    // Stored settings were valid when written; parsing again keeps the type honest if a later version
    // tightened a rule, and names the setting that no longer passes.
    return parseOrThrow(StoreSettingsSchema, JSON.parse(json), 'saved store settings');
  }

  private save(
    tx: Tx,
    next: StoreSettings,
    actor: Actor,
    action: string,
    details: Record<string, unknown>,
  ): void {
    writeSettingsJson(tx.db, JSON.stringify(next), tx.at);
    tx.outbox('store_settings', '1', 'upsert', next);
    tx.audit(auditEntry(actor, action, 'store_settings', details));
    tx.emit({ name: 'settings.changed', payload: {} });
  }

  private writePresetRows(tx: Tx, country: PresetCountry): void {
    const preset = PRESETS[country];
    for (const taxClass of preset.taxClasses) {
      const existing = getTaxClassByCode(tx.db, taxClass.code);
      const row = {
        id: existing?.id ?? newId(),
        code: taxClass.code,
        name: taxClass.name,
        rateBp: taxClass.rateBp,
        active: true,
        updatedAt: tx.at,
      };
      upsertTaxClass(tx.db, row);
      tx.outbox('tax_class', row.id, 'upsert', row);
    }
    preset.tenders.forEach((tender, sort) => {
      if (countTendersOfKind(tx.db, tender.kind) > 0) return;
      const row = { id: newId(), kind: tender.kind, name: tender.name, enabled: true, sort };
      upsertTender(tx.db, row);
      tx.outbox('tender', row.id, 'upsert', row);
    });
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The default increment, or 1 when the currency is unknown (the schema then reports the currency). */
function safeDefaultIncrement(currency: unknown, country: unknown): number {
  try {
    return defaultCashIncrement(String(currency), String(country));
  } catch {
    return 1;
  }
}
