import { configureLocalization, type LocaleModule } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import { LOCALE_NAMES, UI_LOCALES, type UiLocale } from './locales.js';

// Each language is its own chunk, fetched only when picked (English is built in).
const loaders: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  'zh-Hant-TW': () => import('./generated/zh-Hant-TW.js'),
  'zh-Hans-CN': () => import('./generated/zh-Hans-CN.js'),
  da: () => import('./generated/da.js'),
  fi: () => import('./generated/fi.js'),
  uk: () => import('./generated/uk.js'),
};

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => {
    const load = loaders[locale as keyof typeof loaders];
    return load();
  },
});

/**
 * Switches every @localized component to the locale and marks the document with it, so screen readers
 * pronounce it right and the CSS picks the CJK font that matches the script.
 */
export async function applyLocale(locale: UiLocale): Promise<void> {
  await setLocale(locale);
  document.documentElement.lang = locale;
}

export function currentLocale(): UiLocale {
  const locale = getLocale();
  return UI_LOCALES.find((l) => l === locale) ?? sourceLocale;
}

export { LOCALE_NAMES, UI_LOCALES };
