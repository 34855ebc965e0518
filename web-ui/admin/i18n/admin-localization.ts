/// <reference types="vite/client" />
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { SOURCE_LOCALE, UI_LOCALES, type UiLocale } from '../../shared/i18n/locales.js';

/**
 * The admin pages' translations: one catalogue per admin area (admin/i18n/<area>.json, made by
 * `npm run i18n:extract` and `npm run i18n:build`), so the till never downloads the admin's words and
 * each area is translated on its own. Picking a language loads every area's module for it and merges
 * them; English is built in.
 */
const AREA_MODULES = import.meta.glob<LocaleModule>('./generated/*/*.ts');

const TARGET_LOCALES = UI_LOCALES.filter((l) => l !== SOURCE_LOCALE);

async function loadAdminLocale(locale: string): Promise<LocaleModule> {
  const loads = Object.entries(AREA_MODULES)
    .filter(([path]) => path.endsWith(`/${locale}.ts`))
    .map(([, load]) => load());
  const modules = await Promise.all(loads);
  return { templates: Object.assign({}, ...modules.map((m) => m.templates)) as LocaleModule['templates'] };
}

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: SOURCE_LOCALE,
  targetLocales: TARGET_LOCALES,
  loadLocale: loadAdminLocale,
});

/** Switches the admin pages to the locale and marks the document, as the till does. */
export async function applyAdminLocale(locale: UiLocale): Promise<void> {
  await setLocale(locale);
  document.documentElement.lang = locale;
}

export function adminLocale(): UiLocale {
  const locale = getLocale();
  return UI_LOCALES.find((l) => l === locale) ?? SOURCE_LOCALE;
}
