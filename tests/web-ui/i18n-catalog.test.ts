import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from '../../web-ui/shared/i18n/locales.js';

const I18N = join(import.meta.dirname, '..', '..', 'web-ui', 'shared', 'i18n');
const TARGETS = UI_LOCALES.filter((l) => l !== 'en');

interface Unit {
  id: string;
  source: string;
  target: string | null;
}

function units(locale: string): Unit[] {
  const xml = readFileSync(join(I18N, 'xliff', `${locale}.xlf`), 'utf8');
  return [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(
    ([, id = '', body = '']) => ({
      id,
      source: /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '',
      target: /<target>([\s\S]*?)<\/target>/.exec(body)?.[1] ?? null,
    }),
  );
}

const placeholders = (text: string) => [...text.matchAll(/<x id="(\d+)"/g)].map((m) => m[1]).sort();

// Words that are the same in a language by nature, not by a missed translation.
const SAME_IN_TRANSLATION = new Set(['OK']);

describe('the translation catalogue', () => {
  it('has a translation file for each of the five target languages and no other', () => {
    const files = readdirSync(join(I18N, 'xliff')).map((f) => f.replace(/\.xlf$/, ''));
    expect(files.sort()).toEqual([...TARGETS].sort());
  });

  it.each(TARGETS)(
    '%s translates every message, keeps its placeholders, and does not copy the English',
    (locale) => {
      const list = units(locale);
      expect(list.length).toBeGreaterThan(50);
      for (const unit of list) {
        expect(unit.target, `${locale} ${unit.id}: ${unit.source}`).not.toBeNull();
        expect(placeholders(unit.target ?? ''), `${locale} ${unit.id}`).toEqual(placeholders(unit.source));
        if (!SAME_IN_TRANSLATION.has(unit.source)) {
          expect(unit.target, `${locale} ${unit.id} is English`).not.toBe(unit.source);
        }
      }
    },
  );

  it.each(TARGETS)(
    '%s runtime module was built from the current catalogue (npm run i18n:build)',
    (locale) => {
      const generated = readFileSync(join(I18N, 'generated', `${locale}.ts`), 'utf8');
      const ids = new Set([...generated.matchAll(/^\s*'?(s[0-9a-f]{16})'?:/gm)].map((m) => m[1]));
      expect([...ids].sort()).toEqual(
        units(locale)
          .map((u) => u.id)
          .sort(),
      );
    },
  );

  it('every target language has the same messages as the source', () => {
    const english = units('da')
      .map((u) => u.id)
      .sort();
    for (const locale of TARGETS)
      expect(
        units(locale)
          .map((u) => u.id)
          .sort(),
        locale,
      ).toEqual(english);
  });
});
