import { css } from 'lit';

export const cartPanelStyles = css`
  dl.totals {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.3rem 1rem;
    margin: 1rem 0;
    font-variant-numeric: tabular-nums;
  }
  dl.totals dd {
    margin: 0;
    text-align: end;
  }
  dl.totals .grand {
    font-size: 1.4rem;
    font-weight: 800;
  }
  .pay {
    width: 100%;
    min-height: 3.5rem;
    font-size: 1.25rem;
  }
  .sync {
    font-size: 0.9rem;
    color: var(--ink-muted);
    margin: 0.5rem 0 0;
  }
  .sync.offline {
    color: var(--danger);
    font-weight: 600;
  }
  .sale-info {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0.2rem 0.75rem;
    margin: 0.75rem 0 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--radius);
    background: var(--surface-muted);
  }
  .sale-info dt {
    color: var(--ink-muted);
  }
  .sale-info dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .sale-actions {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
    gap: 0.4rem;
    margin-top: 0.75rem;
  }
  .sale-actions .button {
    padding: 0 0.5rem;
  }
`;
