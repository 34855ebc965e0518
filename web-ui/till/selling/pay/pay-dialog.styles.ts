import { css } from 'lit';

/** The pay dialog's own layout, on top of the shared dialogStyles (frame, actions, kbd, hint). */
export const payDialogStyles = css`
  dialog {
    /* Wider than other dialogs: a row of tender buttons and the payments taken. */
    width: min(100vw - 1rem, 40rem);
  }
  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 1rem;
  }
  .due {
    font-size: 2rem;
    font-weight: 800;
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .figures {
    display: grid;
    grid-template-columns: auto auto;
    justify-content: start;
    gap: 0.15rem 1rem;
    margin: 0.5rem 0 0;
    font-variant-numeric: tabular-nums;
  }
  .figures dt {
    color: var(--ink-muted);
  }
  .figures dd {
    margin: 0;
    font-weight: 700;
  }
  .tenders {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
    gap: 0.5rem;
  }
  .tenders .button {
    min-height: 3.25rem;
    padding: 0 0.5rem;
    white-space: nowrap;
    font-size: 1.1rem;
    font-variant-numeric: tabular-nums;
    display: flex;
    gap: 0.5rem;
    justify-content: center;
    align-items: center;
  }
  .tenders + .hint {
    margin-top: 0.35rem;
  }
  .inputs {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.5rem;
    margin-top: 1rem;
  }
  .card-status {
    border: 2px solid var(--accent);
    background: var(--accent-soft);
    border-radius: var(--radius);
    padding: 1rem;
    margin: 1rem 0;
  }
  .card-status .stage {
    font-size: 1.3rem;
    font-weight: 800;
    margin: 0 0 0.5rem;
  }
  .card-status .terminal-says {
    color: var(--ink-muted);
    margin: 0 0 0.75rem;
  }
  .info {
    background: var(--warning-bg);
    color: var(--warning-ink);
    border: 1px solid var(--warning-line);
    border-radius: var(--radius);
    padding: 0.5rem 0.75rem;
    font-weight: 600;
  }
  .taken {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.35rem;
  }
  .taken li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
    border-bottom: 1px solid var(--line);
    padding: 0.25rem 0;
    font-variant-numeric: tabular-nums;
  }
  .taken .what {
    display: grid;
  }
  .taken .muted {
    color: var(--ink-muted);
    font-size: 0.9rem;
  }
  .status-line {
    font-size: 1.2rem;
    font-weight: 700;
    margin: 1rem 0;
  }
  .change {
    font-size: 2.25rem;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    margin: 0.25rem 0 1rem;
  }
`;
