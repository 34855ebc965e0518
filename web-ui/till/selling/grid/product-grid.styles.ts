import { css } from 'lit';

export const productGridStyles = css`
  :host {
    display: block;
  }
  h2 {
    font-size: 1rem;
    margin: 1rem 0 0.5rem;
  }
  h2:first-child {
    margin-top: 0;
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
    gap: 0.5rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .tile {
    width: 100%;
    min-height: 4.25rem;
    display: grid;
    align-content: center;
    gap: 0.15rem;
    padding: 0.4rem 0.6rem;
    text-align: start;
    border-radius: var(--radius);
    border: 1px solid var(--line-strong);
    background: var(--surface);
    cursor: pointer;
  }
  .tile:hover {
    background: var(--surface-hover);
  }
  .tile .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .tile .price {
    color: var(--ink-muted);
    font-size: 0.9rem;
    font-variant-numeric: tabular-nums;
  }
  .favourite {
    border-color: var(--accent);
    background: var(--accent-soft);
  }
  .categories {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .categories .button[aria-pressed='true'] {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--on-accent);
  }
  .hint {
    color: var(--ink-muted);
    margin: 0.5rem 0 0;
  }
`;
