import { html, nothing } from 'lit';

export interface Notice {
  text: string;
  error: boolean;
}

/** What the last action did, read out to screen readers: an alert when it failed, a status when not. */
export function renderNotice(notice: Notice | null) {
  if (notice === null) return nothing;
  return html`<p class="notice ${notice.error ? 'error' : ''}" role=${notice.error ? 'alert' : 'status'}>
    ${notice.text}
  </p>`;
}
