import { msg, str } from '@lit/localize';
import type { HubApiError } from '../../shared/api/errors.js';
import { errorText } from '../app/error-text.js';

/** What to tell the cashier when the hub refuses a cart change. */
export function refusalText(error: HubApiError): string {
  if (error.code === 'PERMISSION_REQUIRED') {
    const permission = typeof error.details.permission === 'string' ? error.details.permission : '';
    return permission === 'sale.remove_line'
      ? msg('Removing a line or lowering a quantity needs a supervisor. Ask one to approve it.')
      : msg(str`This needs a supervisor's permission (${permission}).`);
  }
  if (error.code === 'COUPON_NOT_VALID') {
    const codes = Array.isArray(error.details.couponCodes) ? error.details.couponCodes.join(', ') : '';
    return msg(str`No running promotion takes the code ${codes}. Check the coupon's dates, or take it off.`);
  }
  return errorText(error);
}
