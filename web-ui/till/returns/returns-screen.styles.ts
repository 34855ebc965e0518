import { css } from 'lit';

/** The return screen's own pieces; the layout, panels and footer are the selling screen's. */
export const returnsStyles = css`
  .find {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.5rem;
    align-items: end;
  }
  .hint {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    color: var(--ink-muted);
    margin: 0.75rem 0 0;
  }
  .sold {
    grid-column: 1 / -1;
    color: var(--ink-muted);
    font-size: 0.9rem;
  }
  .sold strong {
    color: var(--warning-ink);
  }
  .line.picked {
    background: var(--surface-hover);
  }
  .restock,
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: var(--touch);
    cursor: pointer;
  }
  .restock {
    margin-inline-start: auto;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.4rem;
    height: 1.4rem;
    margin: 0;
  }
  .done-line {
    color: var(--ink-muted);
    font-weight: 600;
  }
  .field + .field,
  .field + fieldset,
  fieldset + * {
    margin-top: 0.75rem;
  }
  fieldset {
    border: 1px solid var(--line);
    border-radius: var(--radius);
    margin: 0.75rem 0 0;
    padding: 0.25rem 0.75rem 0.5rem;
    display: grid;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  .explain {
    background: var(--page);
    border-radius: var(--radius);
    padding: 0.6rem 0.8rem;
    margin: 0.75rem 0 0;
  }
  .figures {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 1rem;
    margin: 1rem 0;
    font-variant-numeric: tabular-nums;
  }
  .figures dd {
    margin: 0;
    text-align: end;
  }
  .figures .total {
    font-size: 1.5rem;
    font-weight: 800;
    border-top: 1px solid var(--line);
    padding-top: 0.35rem;
  }
  .figures.stale {
    opacity: 0.6;
  }
  .complete {
    width: 100%;
    min-height: 3.25rem;
    font-size: 1.15rem;
    margin-top: 0.75rem;
  }
  .done {
    max-width: 34rem;
    margin: 0 auto;
  }
  .refunds {
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
    display: grid;
    gap: 0.35rem;
    font-size: 1.5rem;
    font-variant-numeric: tabular-nums;
  }
  .refunds li {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
  }
  .give {
    font-weight: 700;
  }
  .code {
    font-size: 1.6rem;
    font-weight: 800;
    letter-spacing: 0.05em;
    margin: 0.25rem 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: end;
    margin-top: 1.25rem;
  }
`;

/** The screen itself: the finder, the notice and the lines stack in the wide column. */
export const returnsLayoutStyles = css`
  .finding {
    display: grid;
    gap: 1rem;
    min-width: 0;
  }
  .finding .notice {
    margin: 0;
  }
  /* Phones: the money comes after the lines (the selling screen puts its cart first). */
  @media (max-width: 899px) {
    .cart {
      order: 0;
    }
  }
`;
