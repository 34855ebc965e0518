import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from '../../web-ui/shared/i18n/locales.js';

const WEB = join(import.meta.dirname, '..', '..', 'web-ui');
const TARGETS = UI_LOCALES.filter((l) => l !== 'en');

interface Catalogue {
  name: string;
  xliffDir: string;
  generatedDir: string;
}

/** The till's catalogue (till, display, shared) and one per admin area, as `npm run i18n:*` sees them. */
function catalogues(): Catalogue[] {
  const admin = join(WEB, 'admin', 'i18n');
  const areas = readdirSync(admin)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
  return [
    {
      name: 'till',
      xliffDir: join(WEB, 'shared', 'i18n', 'xliff'),
      generatedDir: join(WEB, 'shared', 'i18n', 'generated'),
    },
    ...areas.map((area) => ({
      name: `admin/${area}`,
      xliffDir: join(admin, 'xliff', area),
      generatedDir: join(admin, 'generated', area),
    })),
  ];
}

interface Unit {
  id: string;
  source: string;
  target: string | null;
}

function units(catalogue: Catalogue, locale: string): Unit[] {
  const xml = readFileSync(join(catalogue.xliffDir, `${locale}.xlf`), 'utf8');
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
const SAME_IN_TRANSLATION = new Set([
  'Scanner',
  'Logo',
  'Port',
  'Test',
  'OK',
  'Menu',
  'Status',
  '<x id="0" equiv-text="${from}"/>–<x id="1" equiv-text="${to}"/>',
]);

const EACH = catalogues().flatMap((c) => TARGETS.map((locale) => ({ catalogue: c, locale })));

describe('the translation catalogues', () => {
  it.each(catalogues())(
    '$name has a translation file for each of the five target languages and no other',
    (c) => {
      const files = readdirSync(c.xliffDir).map((f) => f.replace(/\.xlf$/, ''));
      expect(files.sort()).toEqual([...TARGETS].sort());
    },
  );

  it('the till catalogue is the big one and no admin text is in it', () => {
    const till = catalogues()[0]!;
    const list = units(till, 'da');
    expect(list.length).toBeGreaterThan(200);
    expect(list.map((u) => u.source)).not.toContain('Store admin');
  });

  it.each(EACH)(
    '$catalogue.name $locale translates every message, keeps its placeholders, and does not copy the English',
    ({ catalogue, locale }) => {
      const list = units(catalogue, locale);
      expect(list.length).toBeGreaterThan(10);
      for (const unit of list) {
        expect(unit.target, `${locale} ${unit.id}: ${unit.source}`).not.toBeNull();
        expect(placeholders(unit.target ?? ''), `${locale} ${unit.id}`).toEqual(placeholders(unit.source));
        if (!SAME_IN_TRANSLATION.has(unit.source)) {
          expect(unit.target, `${locale} ${unit.id} is English`).not.toBe(unit.source);
        }
      }
    },
  );

  it.each(EACH)(
    '$catalogue.name $locale runtime module was built from the current catalogue (npm run i18n:build)',
    ({ catalogue, locale }) => {
      const generated = readFileSync(join(catalogue.generatedDir, `${locale}.ts`), 'utf8');
      const ids = new Set([...generated.matchAll(/^\s*'?(s[0-9a-f]{16})'?:/gm)].map((m) => m[1]));
      expect([...ids].sort()).toEqual(
        units(catalogue, locale)
          .map((u) => u.id)
          .sort(),
      );
    },
  );

  it.each(catalogues())('$name: every target language has the same messages', (c) => {
    const danish = units(c, 'da')
      .map((u) => u.id)
      .sort();
    for (const locale of TARGETS)
      expect(
        units(c, locale)
          .map((u) => u.id)
          .sort(),
        locale,
      ).toEqual(danish);
  });
});
