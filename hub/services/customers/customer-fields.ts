import type { CustomerSearch } from '../../db/customers-queries.js';
import { ValidationError } from '../../errors.js';

/**
 * Phone numbers are kept as digits with an optional leading '+', so '+358 40 123-4567' and
 * '+358401234567' are the same customer. 5-15 digits: E.164 allows at most 15, and shorter than 5 is
 * a typo, not a number.
 */
export function normalizePhone(input: string): string {
  const trimmed = input.trim();
  const digits = trimmed.replace(/\D/g, '');
  const phone = (trimmed.startsWith('+') ? '+' : '') + digits;
  if (
    digits.length < 5 ||
    digits.length > 15 ||
    /[^\d\s()+./-]/.test(trimmed) ||
    trimmed.lastIndexOf('+') > 0
  ) {
    throw new ValidationError('That is not a phone number', { field: 'phone' }, 'PHONE_INVALID');
  }
  return phone;
}

/** A name folded for case-insensitive prefix search (SQLite's lower() folds ASCII only). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('und').trim();
}

/** The words of a name as search keys: folded, split on anything that is not a letter or digit. */
export function nameWords(name: string): string[] {
  return [
    ...new Set(
      nameKey(name)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0),
    ),
  ];
}

/** The digits of a stored phone ('+4512345678' -> '4512345678'), the key a phone search matches. */
export function phoneDigits(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.replace(/\D/g, '');
  return digits === '' ? null : digits;
}

/** At most this many name words take part in a search; more is pasted text, not a name. */
const MAX_SEARCH_WORDS = 6;

/**
 * Free text for search: the start of any word of the name (every word typed must match one), an email
 * prefix and, when it looks like one, phone digits found anywhere in the number ('12 34' finds
 * +45 12 34 56 78). A leading '+' anchors the digits to the start of the number.
 */
export function searchTerms(q: string | undefined): CustomerSearch {
  const text = q?.trim() ?? '';
  if (text.length === 0) return { words: [], email: null, phoneDigits: null, phoneFromStart: false };
  const looksLikePhone = /^\+?[\d\s()./-]+$/.test(text) && /\d/.test(text);
  return {
    words: nameWords(text).slice(0, MAX_SEARCH_WORDS),
    email: text.toLowerCase(),
    phoneDigits: looksLikePhone ? text.replace(/\D/g, '') : null,
    phoneFromStart: looksLikePhone && text.startsWith('+'),
  };
}
