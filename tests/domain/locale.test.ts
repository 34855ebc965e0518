import { describe, expect, it } from 'vitest';
import { storeLanguageOf } from '../../hub/domain/locale.js';

describe('storeLanguageOf', () => {
  it('picks the store language from a BCP 47 locale, Chinese by script, anything else English', () => {
    expect(storeLanguageOf('da-DK')).toBe('da');
    expect(storeLanguageOf('fi')).toBe('fi');
    expect(storeLanguageOf('uk-UA')).toBe('uk');
    expect(storeLanguageOf('zh-TW')).toBe('zh-TW');
    expect(storeLanguageOf('zh-HK')).toBe('zh-TW');
    expect(storeLanguageOf('zh-Hant')).toBe('zh-TW');
    expect(storeLanguageOf('zh-CN')).toBe('zh-CN');
    expect(storeLanguageOf('zh')).toBe('zh-CN');
    expect(storeLanguageOf('sv-SE')).toBe('en');
    expect(storeLanguageOf('en-GB')).toBe('en');
  });

  it('throws on a malformed tag, as Intl.Locale does', () => {
    expect(() => storeLanguageOf('not a locale')).toThrow(RangeError);
  });
});
