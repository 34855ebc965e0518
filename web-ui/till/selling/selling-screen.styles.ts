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
  /* Search above the touch grid, in the column beside the cart. */
  .finder {
    display: grid;
    gap: 1rem;
    min-width: 0;
    align-content: start;
  }
  product-grid {
    background: var(--surface);
    border: 1px solid var(--line);
    border-radius: var(--radius);
    padding: 1rem;
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
