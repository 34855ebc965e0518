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

/** Free text for search: a name prefix, an email prefix and, when it looks like one, a phone prefix. */
export function searchTerms(q: string | undefined): {
  name: string | null;
  email: string | null;
  phone: string | null;
} {
  const text = q?.trim() ?? '';
  if (text.length === 0) return { name: null, email: null, phone: null };
  const looksLikePhone = /^\+?[\d\s()./-]+$/.test(text) && /\d/.test(text);
  const phone = looksLikePhone ? (text.startsWith('+') ? '+' : '') + text.replace(/\D/g, '') : null;
  return { name: nameKey(text), email: text.toLowerCase(), phone };
}
