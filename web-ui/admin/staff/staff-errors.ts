import { msg } from '@lit/localize';
import { HubApiError } from '../../shared/api/errors.js';
import { adminErrorText } from '../components/error-text.js';

/** The staff area's refusals in the manager's words; anything else as every admin page says it. */
export function staffErrorText(error: unknown): string {
  if (!(error instanceof HubApiError)) return adminErrorText(error);
  switch (error.code) {
    case 'PIN_INVALID':
      return msg('A PIN is 4 to 8 digits.');
    case 'PIN_TOO_WEAK':
      return msg('That PIN is too easy to guess (all one digit, or a run like 1234). Pick another.');
    case 'PASSWORD_INVALID':
      return msg('A password is at least 12 characters.');
    case 'PASSWORD_TOO_WEAK':
      return msg('That password is too easy to guess. Pick a longer, more varied one.');
    case 'LOGIN_TAKEN':
      return msg('Someone else has that login name.');
    case 'ROLE_ABOVE_OWN':
      return msg('That needs permissions your own role does not have.');
    case 'ROLE_BUILTIN':
      return msg('Builtin roles keep their names, cannot be deleted, and the owner always holds everything.');
    case 'ROLE_IN_USE':
      return msg('Staff still have this role. Give them another role first.');
    case 'ROLE_NAME_TAKEN':
      return msg('A role with that name exists.');
    case 'SHIFT_OVERLAP':
      return msg('That overlaps another shift of this person.');
    case 'TIME_IN_FUTURE':
      return msg('A shift cannot end in the future.');
    default:
      return adminErrorText(error);
  }
}
