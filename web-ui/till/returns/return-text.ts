import { msg, str } from '@lit/localize';
import { HubApiError } from '../../shared/api/errors.js';
import { errorText } from '../app/error-text.js';
import { permissionText } from '../override/permission-text.js';

/** The words for the return screen: tenders and the hub's refusals of a return. */

/** A tender by its kind, in the cashier's language; the store's own name for kinds the till has no word for. */
export function tenderLabel(kind: string, name: string): string {
  switch (kind) {
    case 'cash':
      return msg('Cash');
    case 'card':
      return msg('Card');
    case 'store_credit':
      return msg('Store credit');
    default:
      return name || kind;
  }
}

function quantityDetail(details: Readonly<Record<string, unknown>>, key: string): string {
  const value = details[key];
  return typeof value === 'number' ? String(value) : '?';
}

export function returnErrorText(error: unknown): string {
  if (!(error instanceof HubApiError)) return errorText(error);
  switch (error.code) {
    case 'NOT_FOUND':
      return msg('No sale has that receipt number. Check it and try again.');
    case 'ORIGINAL_NOT_RETURNABLE':
      return msg('That receipt is not a completed sale, so nothing on it can be returned.');
    case 'RETURN_EXCEEDS_SOLD': {
      const sold = quantityDetail(error.details, 'soldQuantity');
      const returned = quantityDetail(error.details, 'returnedQuantity');
      return msg(str`That is more than is left to return: ${sold} sold, ${returned} already returned.`);
    }
    case 'LINE_NOT_ON_RECEIPT':
      return msg('That line is not on the receipt any more. Find the receipt again.');
    case 'PERMISSION_REQUIRED': {
      const permission = typeof error.details.permission === 'string' ? error.details.permission : '';
      return msg(str`This return needs a supervisor's approval (${permissionText(permission)}).`);
    }
    case 'OVERRIDE_FAILED':
      return msg('The supervisor or PIN was not accepted.');
    case 'CASH_SESSION_REQUIRED':
      return msg('Open a cash session on this till (under Sell) before taking returns.');
    case 'CARD_REFUND_NEEDS_ORIGINAL':
      return msg('A card refund needs the card payment of the original sale. Choose another tender.');
    case 'REFUND_EXCEEDS_REFUNDABLE':
      return msg('The refund is more than is left of what was paid.');
    case 'TENDER_UNAVAILABLE':
      return msg('That tender is not enabled in this store.');
    case 'PRODUCT_NOT_FOUND':
      return msg('That product cannot be returned.');
    default:
      return errorText(error);
  }
}
