import { css } from 'lit';

export const weighDialogStyles = css`
  dialog {
    width: min(100vw - 1rem, 32rem);
  }
  /* The dialog itself takes focus on open (so Enter adds, not tares): no ring around the whole box. */
  dialog:focus {
    outline: none;
  }
  dialog h2 {
    margin-bottom: 0.25rem;
  }
  .per-kg {
    margin: 0 0 1rem;
    color: var(--ink-muted);
  }
  .readout {
    display: grid;
    gap: 0.25rem;
    padding: 0.75rem 1rem;
    border-radius: var(--radius);
    border: 2px solid var(--line-strong);
    background: var(--page);
  }
  .readout[data-status='ready'] {
    border-color: var(--accent);
  }
  .net {
    font-size: clamp(2rem, 9vw, 2.75rem);
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .status {
    font-weight: 700;
    margin: 0;
  }
  .status.problem {
    color: var(--danger);
  }
  .tare {
    margin: 0;
    color: var(--ink-muted);
    font-variant-numeric: tabular-nums;
  }
  .scale-keys {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  form.typed {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: end;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  .typed + .hint {
    margin-top: 0.5rem;
  }
  .error {
    color: var(--danger);
    font-weight: 600;
    margin: 0.75rem 0 0;
  }
`;
