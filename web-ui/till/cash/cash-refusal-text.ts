import { msg, str } from '@lit/localize';
import { HubApiError } from '../../shared/api/errors.js';
import { errorText } from '../app/error-text.js';

/** What to tell the cashier when the hub refuses a cash-drawer request. */
export function cashRefusalText(error: unknown): string {
  if (!(error instanceof HubApiError)) return errorText(error);
  switch (error.code) {
    case 'PERMISSION_REQUIRED': {
      const permission = typeof error.details.permission === 'string' ? error.details.permission : '';
      return msg(str`This needs a supervisor's permission (${permission}). Ask a supervisor to approve it.`);
    }
    case 'SESSION_OPEN':
      return msg('This till already has an open cash session.');
    case 'SESSION_CLOSED':
      return msg('This cash session is already closed.');
    case 'NO_PRINTER':
      return msg('This till has no receipt printer.');
    case 'REASON_REQUIRED':
      return msg('Say why, in a few words.');
    case 'VALIDATION_FAILED':
      return error.details.reason === 'UNKNOWN_DENOMINATION'
        ? msg('The count has a note or coin this currency does not have.')
        : msg('The hub did not accept what was entered. Check it and try again.');
    default:
      return errorText(error);
  }
}
