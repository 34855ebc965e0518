import { msg } from '@lit/localize';
import { HubApiError } from '../../shared/api/errors.js';
import { errorText } from '../app/error-text.js';

/** The key that prints the receipt in the finished pay screen. */
export const PRINT_KEY = 'F9';
/**
 * Reprinting the last receipt from the selling screen: Alt+L, since the cart's line keys own F3-F10
 * there (F9 is the price override) and a reprint is rare next to them.
 */
export const REPRINT_LAST_KEY = { key: 'l', alt: true, label: 'Alt+L' } as const;
/** The key that moves to the e-mail address in the finished pay screen. */
export const EMAIL_KEY = 'F4';

const MAX_EMAIL = 254;

/**
 * The address as it will be sent, or null when it cannot be one (the hub checks again): trimmed, one @
 * with text either side, a dot in the domain, no spaces.
 */
export function cleanEmail(input: string): string | null {
  const text = input.trim();
  if (text.length > MAX_EMAIL) return null;
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text) ? text : null;
}

/** What a failed print or e-mail says to the cashier; the receipt's own refusals first. */
export function receiptErrorText(error: unknown): string {
  if (error instanceof HubApiError) {
    switch (error.code) {
      case 'NO_PRINTER':
        return msg('This till has no receipt printer. Ask a manager to assign one.');
      case 'EMAIL_NOT_CONFIGURED':
        return msg('E-mail is not set up for this store. Ask a manager to set up the mail server.');
      case 'EMAIL_NOT_SENT':
        return msg('The mail server did not take the receipt. Check the address, or try again later.');
      case 'VALIDATION_FAILED':
        return msg('That is not an e-mail address the hub accepts.');
    }
  }
  return errorText(error);
}
