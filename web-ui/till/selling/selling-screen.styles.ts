import { css } from 'lit';

export const sellingStyles = css`
  :host {
    display: block;
    padding: clamp(0.5rem, 2vw, 1.25rem);
  }
  .layout {
    display: grid;
    gap: 1rem;
    grid-template-columns: 1fr;
    max-width: 90rem;
    margin: 0 auto;
  }
  /* Tablet landscape and up: search and results left, cart right. Phones: stacked, cart first. */
  @media (min-width: 900px) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(22rem, 28rem);
      align-items: start;
    }
    .cart {
      position: sticky;
      top: 0.5rem;
    }
  }
  @media (max-width: 899px) {
    .cart {
      order: -1;
    }
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
  .pending {
    color: var(--ink-muted);
    font-style: italic;
    font-weight: 400;
  }
  .empty {
    color: var(--ink-muted);
    margin: 0.5rem 0 1rem;
  }
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
  .session {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  footer {
    max-width: 90rem;
    margin: 1rem auto 0;
    color: var(--ink-muted);
    font-size: 0.9rem;
  }
  kbd {
    font-family: inherit;
    font-weight: 700;
    border: 1px solid var(--line-strong);
    border-bottom-width: 2px;
    border-radius: 4px;
    padding: 0 0.3rem;
    background: var(--surface);
    color: var(--ink);
  }
  footer ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
`;
