import { msg, str } from '@lit/localize';
import { HubApiError, HubUnreachableError } from '../../shared/api/errors.js';
import { formatCountdown } from '../../shared/format/numbers.js';

/**
 * The words a cashier sees for a failed request. The hub's codes are stable and its messages are
 * English, so the till chooses its own translated text by code and falls back to a general sentence
 * that names the code (useful when calling support).
 */
export function errorText(error: unknown): string {
  if (error instanceof HubUnreachableError) {
    return msg('The hub did not answer. Check the network and try again.');
  }
  if (!(error instanceof HubApiError)) return msg('Something went wrong. Try again.');
  switch (error.code) {
    case 'PAIRING_CODE_UNKNOWN':
      return msg('No till is waiting for that code. Check it, or ask a manager for a new one.');
    case 'DISPLAY_CODE_UNKNOWN':
      return msg('No customer display shows that code. Check the code on the display.');
    case 'PAIRING_EXPIRED':
      return msg('The pairing code expired. Ask for a new one.');
    case 'INVALID_CREDENTIALS':
      return msg('Wrong PIN. Try again.');
    case 'LOCKED': {
      const seconds = error.details.retryAfterSeconds;
      const wait = formatCountdown(typeof seconds === 'number' ? seconds : 0);
      return msg(str`Too many wrong PINs. Try again in ${wait}.`);
    }
    case 'RATE_LIMITED':
      return msg('Too many attempts. Wait a little and try again.');
    case 'VALIDATION_FAILED':
      return msg('The hub did not accept what was entered. Check it and try again.');
    default:
      return msg(str`The hub refused the request (${error.code}).`);
  }
}
