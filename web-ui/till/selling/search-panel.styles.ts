import { css } from 'lit';

export const searchPanelStyles = css`
  .search input {
    width: 100%;
    font-size: 1.15rem;
  }
  .results {
    list-style: none;
    margin: 0.75rem 0 0;
    padding: 0;
    display: grid;
    gap: 0.4rem;
  }
  .result {
    width: 100%;
    min-height: var(--touch);
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.25rem 1rem;
    align-items: center;
    text-align: start;
    padding: 0.4rem 0.75rem;
    border: 1px solid var(--line);
    border-radius: var(--radius);
    background: var(--surface-muted);
    cursor: pointer;
  }
  .result:hover {
    background: var(--surface-hover);
  }
  .result .meta {
    grid-column: 1;
    color: var(--ink-muted);
    font-size: 0.85rem;
  }
  .result .price {
    grid-row: 1 / span 2;
    grid-column: 2;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .hint {
    color: var(--ink-muted);
    margin: 0.5rem 0 0;
  }
`;
