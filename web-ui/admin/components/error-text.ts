import { msg, str } from '@lit/localize';
import { HubApiError, HubUnreachableError } from '../../shared/api/errors.js';

export interface FieldIssue {
  path: string;
  message: string;
}

/** The fields the hub named in a 400, as `{path, message}` (its messages are English). */
export function fieldIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof HubApiError) || error.status !== 400) return [];
  const issues = error.details.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message } = issue as Record<string, unknown>;
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

/**
 * The words a manager sees for a failed request, by the hub's stable code. The hub's own (English)
 * message is kept for the codes a page does not know, so support can still read what happened.
 */
export function adminErrorText(error: unknown): string {
  if (error instanceof HubUnreachableError) {
    return msg('The hub did not answer. Check the network and try again.');
  }
  if (!(error instanceof HubApiError)) return msg('Something went wrong. Try again.');
  switch (error.code) {
    case 'VALIDATION_FAILED': {
      const issues = fieldIssues(error)
        .map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`))
        .join('; ');
      return issues === ''
        ? msg('The hub did not accept what was entered. Check it and try again.')
        : msg(str`The hub did not accept what was entered: ${issues}`);
    }
    case 'NOT_FOUND':
      return msg('It is not there any more: someone may have removed it. Reload the page.');
    case 'STALE_VERSION':
    case 'CONFLICT':
      return msg('Someone changed this meanwhile. Reload the page and make your change again.');
    case 'PERMISSION_REQUIRED':
    case 'FORBIDDEN':
      return msg('Your role does not allow this.');
    case 'CSRF_FAILED':
      return msg('Your session changed in another tab. Reload the page.');
    case 'STORAGE_BUSY':
    case 'STORAGE_READ_ONLY':
      return msg('The hub could not save this right now. Nothing was changed; try again.');
    default:
      return msg(str`The hub refused: ${error.message} (${error.code})`);
  }
}
