/**
 * An amount as a person types it, in the way their locale writes numbers ("1.250,50" in Danish,
 * "1,250.50" in English, "1 250,50" in Finnish), to integer minor units with the currency's exponent.
 * Built from the digits alone, never through a float. The separators come from Intl, so no table of
 * locales is kept here.
 */

interface Separators {
  decimal: string;
  /** The grouping character; a space-like one (fi, uk, …) also matches a typed plain space. */
  group: string;
}

const separatorCache = new Map<string, Separators>();

export function numberSeparators(locale: string): Separators {
  const cached = separatorCache.get(locale);
  if (cached) return cached;
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const found = {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
  separatorCache.set(locale, found);
  return found;
}

const SPACES = '\\s\\u00a0\\u202f';
/** More than a billion major units is a typing error at a till, and stays far inside safe integers. */
const MAX_WHOLE_DIGITS = 10;

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function parseIn(text: string, exponent: number, locale: string): number | null {
  const { decimal, group } = numberSeparators(locale);
  const spaceGroup = /^[\s\u00a0\u202f]$/.test(group);
  const groupClass = spaceGroup ? `[${SPACES}]` : escape(group);
  // The locale's decimal sign; '.' or ',' too where the locale does not use it for grouping, because
  // keypads and habits differ (a Finnish cashier may type 12.50).
  const decimals = [decimal, '.', ','].filter((d, i, all) => d !== group && all.indexOf(d) === i);
  const decimalClass = `[${decimals.map(escape).join('')}]`;
  const pattern = new RegExp(`^(\\d{1,3}(?:${groupClass}\\d{3})+|\\d+)(?:${decimalClass}(\\d*))?$`, 'u');
  const m = pattern.exec(text);
  if (!m) return null;
  const whole = (m[1] ?? '').replace(/\D/g, '');
  const fraction = m[2] ?? '';
  if (fraction.length > exponent || whole.replace(/^0+/, '').length > MAX_WHOLE_DIGITS) return null;
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/**
 * Minor units from `text` read in the first of `locales` that reads it (the screen's language first,
 * then the store's), or null: empty, negative, letters, misplaced grouping, or more decimals than the
 * currency has.
 */
export function parseAmount(text: string, exponent: number, locales: readonly string[]): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  for (const locale of locales) {
    const minor = parseIn(trimmed, exponent, locale);
    if (minor !== null) return minor;
  }
  return null;
}
