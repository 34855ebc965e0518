import { describe, expect, it } from 'vitest';
import { LOCALE_NAMES, matchLocale, pickLocale, UI_LOCALES } from '../../web-ui/shared/i18n/locales.js';

describe('choosing the UI language', () => {
  it('speaks the six languages and names each in itself', () => {
    expect(UI_LOCALES).toEqual(['en', 'zh-Hant-TW', 'zh-Hans-CN', 'da', 'fi', 'uk']);
    expect(LOCALE_NAMES['zh-Hant-TW']).toBe('繁體中文');
    expect(LOCALE_NAMES.uk).toBe('Українська');
  });

  it('picks Chinese by script: Taiwan and Hong Kong read Traditional, the mainland Simplified', () => {
    expect(matchLocale('zh-TW')).toBe('zh-Hant-TW');
    expect(matchLocale('zh-HK')).toBe('zh-Hant-TW');
    expect(matchLocale('zh-Hant')).toBe('zh-Hant-TW');
    expect(matchLocale('zh-CN')).toBe('zh-Hans-CN');
    expect(matchLocale('zh')).toBe('zh-Hans-CN');
    expect(matchLocale('zh-SG')).toBe('zh-Hans-CN');
  });

  it('maps regional tags to the language', () => {
    expect(matchLocale('da-DK')).toBe('da');
    expect(matchLocale('fi-FI')).toBe('fi');
    expect(matchLocale('uk-UA')).toBe('uk');
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('de-DE')).toBeNull();
    expect(matchLocale('not a tag!')).toBeNull();
  });

  it('prefers the till remembered choice, then the browser, then the store, then English', () => {
    expect(pickLocale('fi', ['da-DK'], 'uk-UA')).toBe('fi');
    expect(pickLocale(null, ['de-DE', 'da-DK'], 'uk-UA')).toBe('da');
    expect(pickLocale(null, ['de-DE'], 'uk-UA')).toBe('uk');
    expect(pickLocale(null, ['de-DE'])).toBe('en');
    // A remembered value that is no longer offered is ignored, not trusted.
    expect(pickLocale('xx', ['zh-TW'])).toBe('zh-Hant-TW');
  });
});
