import { css, html, nothing } from 'lit';
import { adminErrorText } from '../components/error-text.js';

/** What the last action on a promotions page came to: said politely, or as an alert when it failed. */
export interface Notice {
  text: string;
  error: boolean;
}

/** Links that look like buttons, and form controls that stay inside their grid cell. */
export const promotionStyles = css`
  a.button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    text-decoration: none;
    color: inherit;
  }
  a.button.primary {
    color: var(--on-accent, #fff);
  }
  .field select,
  .field input {
    min-width: 0;
    max-width: 100%;
    box-sizing: border-box;
  }
  .field-error {
    color: var(--danger);
    font-weight: 600;
    font-size: 0.9rem;
  }
  details ol {
    margin: 0.75rem 0 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.4rem;
  }
`;

export function renderNotice(notice: Notice | null) {
  if (notice === null) return nothing;
  return html`<p class="notice ${notice.error ? 'error' : ''}" role=${notice.error ? 'alert' : 'status'}>
    ${notice.text}
  </p>`;
}

/**
 * Runs one action of a page: busy while it runs, then its sentence (or the hub's refusal in the
 * manager's words) as the notice; null (the manager said no) leaves the notice as it was.
 */
export async function runAction(
  page: { busy: boolean; notice: Notice | null },
  work: () => Promise<string | null>,
): Promise<void> {
  page.busy = true;
  try {
    const said = await work();
    if (said !== null) page.notice = { text: said, error: false };
  } catch (error) {
    page.notice = { text: adminErrorText(error), error: true };
  } finally {
    page.busy = false;
  }
}
