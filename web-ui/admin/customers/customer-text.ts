import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { HubApiError } from '../../shared/api/errors.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { count } from '../components/admin-format.js';
import { adminErrorText } from '../components/error-text.js';
import type { GiftCardEntryKind } from './gift-cards-api.js';
import type { PointsKind } from './customers-api.js';

export interface Notice {
  text: string;
  error: boolean;
}

/** A page's last outcome: read out politely when it went well, at once when it failed. */
export function renderNotice(notice: Notice | null) {
  if (notice === null) return nothing;
  return html`<p class="notice ${notice.error ? 'error' : ''}" role=${notice.error ? 'alert' : 'status'}>
    ${notice.text}
  </p>`;
}

export function pointsKindName(kind: PointsKind): string {
  switch (kind) {
    case 'earn':
      return msg('Earned');
    case 'return':
      return msg('Taken back by a return');
    case 'redeem':
      return msg('Paid with points');
    case 'reversal':
      return msg('Payment cancelled');
    case 'adjust':
      return msg('Correction');
    case 'merge':
      return msg('Merged');
  }
}

export function giftCardKindName(kind: GiftCardEntryKind): string {
  switch (kind) {
    case 'load':
      return msg('Sold or reloaded at a till');
    case 'redeem':
      return msg('Paid with the card');
    case 'reversal':
      return msg('Payment cancelled');
    case 'adjust':
      return msg('Loaded or corrected by a manager');
  }
}

/** A signed figure with its sign always shown: +120, −40. */
export function signed(text: string, value: number): string {
  return value > 0 ? `+${text}` : text;
}

/** The refusals of this area in the manager's words (with the balance that is left), else the admin's. */
export function customersErrorText(error: unknown): string {
  if (error instanceof HubApiError) {
    const left = error.details.balanceMinor ?? error.details.balancePoints;
    const figure = typeof left === 'number' ? left : 0;
    switch (error.code) {
      case 'INSUFFICIENT_BALANCE':
        return msg(str`The card holds only ${storeMoney(figure)}: nothing was changed.`);
      case 'INSUFFICIENT_POINTS':
        return msg(str`The customer has only ${count(figure)} points: nothing was changed.`);
      case 'GIFT_CARD_CODE':
        return msg('A card code is 6 to 32 letters and digits.');
      case 'MERGE_SAME_CUSTOMER':
        return msg('A customer cannot be merged into itself.');
    }
  }
  return adminErrorText(error);
}
