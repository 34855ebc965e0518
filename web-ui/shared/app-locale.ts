import { pickLocale, type UiLocale } from './i18n/locales.js';
import { applyLocale } from './i18n/localization.js';
import { TillStorage } from './storage/till-storage.js';

/**
 * The language for a page of this browser: the remembered pick of the till on this browser (shared by
 * the till, its display and the admin pages on the same device), else the browser's languages.
 */
export async function startLocale(): Promise<UiLocale> {
  const locale = pickLocale(new TillStorage(window.localStorage).locale, navigator.languages);
  await applyLocale(locale);
  return locale;
}

export async function pickAndRemember(locale: UiLocale): Promise<void> {
  new TillStorage(window.localStorage).rememberLocale(locale);
  await applyLocale(locale);
}
