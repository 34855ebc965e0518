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
`;
