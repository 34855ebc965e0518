import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const XLIFF_DIR = join(import.meta.dirname, '..', '..', 'web-ui', 'shared', 'i18n', 'xliff');

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * What the till shows for an English string in another language, read from the translators' XLIFF file,
 * so a browser test in Chinese looks for the words a Taiwanese cashier reads. Only plain strings (no
 * placeholders); a string without a translation is an error, never a silent fallback to English.
 */
export function translator(locale: string): (english: string) => string {
  const xml = readFileSync(join(XLIFF_DIR, `${locale}.xlf`), 'utf8');
  const units = new Map<string, string>();
  for (const match of xml.matchAll(/<source>([^<]*)<\/source>\s*<target>([^<]*)<\/target>/g)) {
    const [, source, target] = match;
    if (source !== undefined && target !== undefined) units.set(unescapeXml(source), unescapeXml(target));
  }
  return (english) => {
    const found = units.get(english);
    if (found === undefined) throw new Error(`no ${locale} translation of "${english}"`);
    return found;
  };
}
