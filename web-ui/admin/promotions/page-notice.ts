import { html, nothing } from 'lit';
import { adminErrorText } from '../components/error-text.js';

/** What the last action on a promotions page came to: said politely, or as an alert when it failed. */
export interface Notice {
  text: string;
  error: boolean;
}

export function renderNotice(notice: Notice | null) {
  if (notice === null) return nothing;
  return html`<p class="notice ${notice.error ? 'error' : ''}" role=${notice.error ? 'alert' : 'status'}>
    ${notice.text}
  </p>`;
}

/**
 * Runs one action of a page: busy while it runs, then its sentence (or the hub's refusal in the
 * manager's words) as the notice.
 */
export async function runAction(
  page: { busy: boolean; notice: Notice | null },
  work: () => Promise<string>,
): Promise<void> {
  page.busy = true;
  try {
    page.notice = { text: await work(), error: false };
  } catch (error) {
    page.notice = { text: adminErrorText(error), error: true };
  } finally {
    page.busy = false;
  }
}
