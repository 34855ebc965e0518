import { css } from 'lit';

/** The cash screen's cards, figure tables and form rows. */
export const cashStyles = css`
  section.card {
    background: var(--surface);
    border: 1px solid var(--line);
    border-radius: calc(var(--radius) * 1.5);
    padding: 1rem;
    box-shadow: var(--shadow);
    min-width: 0;
  }
  h2,
  h3 {
    margin: 0 0 0.75rem;
    font-size: 1.15rem;
  }
  h3 {
    font-size: 1rem;
    margin-top: 1rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .field input {
    width: 100%;
    font-size: 1.15rem;
  }
  .amount {
    font-variant-numeric: tabular-nums;
    text-align: end;
    white-space: nowrap;
  }
  .hint {
    color: var(--ink-muted);
    font-size: 0.9rem;
    margin: 0.25rem 0 0;
  }
  kbd {
    font: inherit;
    font-size: 0.8rem;
    font-weight: 700;
    border: 1px solid var(--line-strong);
    border-radius: 4px;
    padding: 0 0.3rem;
    background: var(--surface-muted);
    color: var(--ink);
  }
`;
