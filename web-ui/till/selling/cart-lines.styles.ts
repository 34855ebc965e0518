import { css } from 'lit';

export const cartLinesStyles = css`
  :host {
    display: block;
  }
  .lines {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
  }
  .line {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.35rem 0.75rem;
    padding: 0.6rem 0;
    border-bottom: 1px solid var(--line);
  }
  .line .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .line .amount {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .line .controls {
    grid-column: 1 / -1;
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  .qty {
    min-width: 3ch;
    text-align: center;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .controls .remove {
    margin-inline-start: auto;
  }
  .empty {
    color: var(--ink-muted);
    margin: 0.5rem 0 1rem;
  }
`;
