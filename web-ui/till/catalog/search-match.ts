import { searchTerms } from '../../../hub/domain/search-text.js';

/**
 * Matching a query against cached products the way the hub's FTS index does (hub/domain/search-text.ts
 * folds both sides: case, ø/æ/ß, traditional/simplified Chinese; unicode61 with remove_diacritics then
 * drops accents). Each product keeps one string of its tokens with a space on both sides, so a
 * Latin/Cyrillic term is a token prefix (' mil') and a CJK run a phrase of single-character tokens
 * (' 牛 奶 '): a plain substring test each, fast enough to walk 100,000 products per keystroke.
 */

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
// unicode61's remove_diacritics covers Latin letters; Cyrillic й or CJK marks stay as they are.
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

function stripLatinMarks(text: string): string {
  return text.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC');
}

/** The searchable form of text already folded by buildSearchText. */
export function haystack(folded: string): string {
  const tokens = stripLatinMarks(folded).match(TOKEN) ?? [];
  return ` ${tokens.join(' ')} `;
}

/** The substrings a product's haystack must all contain to match `query`; empty when nothing is left. */
export function needles(query: string): string[] {
  return searchTerms(query).map((term) =>
    term.cjk ? ` ${Array.from(term.text).join(' ')} ` : ` ${stripLatinMarks(term.text)}`,
  );
}

export function matchesAll(text: string, wanted: readonly string[]): boolean {
  for (const needle of wanted) if (!text.includes(needle)) return false;
  return true;
}
