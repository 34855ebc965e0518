// The languages the hub speaks to customers in (receipts, the customer display). Pure: no I/O.

/** One per language; Chinese is split by script. */
export type StoreLanguage = 'en' | 'da' | 'fi' | 'uk' | 'zh-TW' | 'zh-CN';

/**
 * The language for a BCP 47 locale: zh-TW / zh-HK / zh-Hant give Traditional, other zh Simplified, and an
 * unknown language English. A malformed tag throws a RangeError (from Intl.Locale).
 */
export function storeLanguageOf(locale: string): StoreLanguage {
  const loc = new Intl.Locale(locale).maximize();
  switch (loc.language) {
    case 'da':
    case 'fi':
    case 'uk':
      return loc.language;
    case 'zh':
      return loc.script === 'Hant' ? 'zh-TW' : 'zh-CN';
    default:
      return 'en';
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** An Intl.NumberFormat for the locale and options, made once and kept (they are costly to make). */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let nf = numberFormats.get(key);
  if (nf === undefined) {
    nf = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, nf);
  }
  return nf;
}
