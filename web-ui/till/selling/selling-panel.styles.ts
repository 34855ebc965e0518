import { css } from 'lit';

/** The card every selling panel sits in (search, cart), and its heading. */
export const panelStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  section {
    background: var(--surface);
    border: 1px solid var(--line);
    border-radius: calc(var(--radius) * 1.5);
    padding: 1rem;
    box-shadow: var(--shadow);
    min-width: 0;
  }
  h1,
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.15rem;
  }
`;

/** A message to the cashier: a warning, or an error with `.danger`. */
export const noticeStyles = css`
  .notice {
    margin: 0 0 0.75rem;
    padding: 0.6rem 0.8rem;
    border-radius: var(--radius);
    border: 1px solid var(--warning-line);
    background: var(--warning-bg);
    color: var(--warning-ink);
    font-weight: 600;
  }
  .notice.danger {
    border-color: var(--danger);
    background: var(--danger-bg);
    color: var(--danger);
  }
`;

/** A figure the hub has not sent yet. */
export const pendingStyles = css`
  .pending {
    color: var(--ink-muted);
    font-style: italic;
    font-weight: 400;
  }
`;
