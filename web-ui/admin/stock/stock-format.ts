import { msg } from '@lit/localize';
import { html } from 'lit';
import { currencyExponent } from '../../shared/format/money.js';
import { parseAmount } from '../../shared/format/parse-amount.js';
import { storeFormat } from '../../shared/format/store-format.js';
import { formatWeight } from '../../shared/format/weight.js';
import { count } from '../components/admin-format.js';
import { adminLocale } from '../i18n/admin-localization.js';
import type { Unit } from './stock-api.js';

/** A stock quantity: pieces as a count, weighed goods (grams) in kg, measured ones in ml. */
export function quantity(value: number, unit: Unit): string {
  switch (unit) {
    case 'piece':
      return count(value);
    case 'kg':
      return formatWeight(value, storeFormat().locale);
    case 'l':
      return `${count(value)} ml`;
  }
}

/** A signed difference, with its sign always shown. */
export function signed(value: number, unit: Unit): string {
  return value > 0 ? `+${quantity(value, unit)}` : quantity(value, unit);
}

/** A unit cost as the manager types it, to minor units; null when it is not an amount. */
export function parseCost(text: string): number | null {
  const { currency, locale } = storeFormat();
  return parseAmount(text, currencyExponent(currency), [adminLocale(), locale]);
}

/** A whole, non-negative quantity as typed (pieces, grams or millilitres); null otherwise. */
export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}

/** What a quantity field counts in, for its label. */
export function quantityHint(unit: Unit): string {
  switch (unit) {
    case 'piece':
      return msg('pieces');
    case 'kg':
      return msg('grams');
    case 'l':
      return msg('millilitres');
  }
}

export function lowBadge(low: boolean) {
  return low
    ? html`<span class="badge warning">${msg('Low')}</span>`
    : html`<span class="badge ok">${msg('OK')}</span>`;
}
