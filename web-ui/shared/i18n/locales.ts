/**
 * The languages the apps speak and how one is chosen. Pure: the browser's preferences and the till's
 * remembered choice come in as arguments, so the rules are unit-tested.
 */
export const SOURCE_LOCALE = 'en';
export const UI_LOCALES = ['en', 'zh-Hant-TW', 'zh-Hans-CN', 'da', 'fi', 'uk'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** Each language named in itself, so a cashier who cannot read the current one still finds theirs. */
export const LOCALE_NAMES: Readonly<Record<UiLocale, string>> = {
  en: 'English',
  'zh-Hant-TW': '繁體中文',
  'zh-Hans-CN': '简体中文',
  da: 'Dansk',
  fi: 'Suomi',
  uk: 'Українська',
};

export function isUiLocale(value: string): value is UiLocale {
  return (UI_LOCALES as readonly string[]).includes(value);
}

// Chinese is chosen by script, not by language: Taiwan, Hong Kong and Macau write Traditional.
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/** The UI locale closest to one BCP 47 tag, or null when we do not speak that language. */
export function matchLocale(tag: string): UiLocale | null {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag).maximize();
  } catch {
    return null;
  }
  switch (locale.language) {
    case 'zh': {
      const traditional =
        locale.script === 'Hant' ||
        (locale.script === undefined && TRADITIONAL_REGIONS.has(locale.region ?? ''));
      return traditional ? 'zh-Hant-TW' : 'zh-Hans-CN';
    }
    case 'en':
      return 'en';
    case 'da':
      return 'da';
    case 'fi':
      return 'fi';
    case 'uk':
      return 'uk';
    // Norwegian and Swedish readers manage Danish better than English at a till.
    case 'nb':
    case 'no':
    case 'nn':
      return 'da';
    default:
      return null;
  }
}

/**
 * The till's remembered choice wins; then the browser's languages in order; then the store's locale;
 * then English.
 */
export function pickLocale(
  remembered: string | null,
  browser: readonly string[],
  storeLocale: string | null = null,
): UiLocale {
  if (remembered !== null && isUiLocale(remembered)) return remembered;
  for (const tag of browser) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  if (storeLocale !== null) return matchLocale(storeLocale) ?? SOURCE_LOCALE;
  return SOURCE_LOCALE;
}
