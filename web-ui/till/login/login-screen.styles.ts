import { css } from 'lit';

export const loginStyles = css`
  :host {
    display: block;
    padding: clamp(0.75rem, 3vw, 2rem);
  }
  .layout {
    display: grid;
    gap: 1.25rem;
    max-width: 64rem;
    margin: 0 auto;
    grid-template-columns: 1fr;
  }
  /* Tablet and up: who on the left, PIN on the right, both visible at once. */
  @media (min-width: 760px) {
    .layout {
      grid-template-columns: minmax(0, 1.2fr) minmax(18rem, 1fr);
      align-items: start;
    }
  }
  h1,
  h2 {
    margin: 0 0 0.75rem;
  }
  h1 {
    font-size: 1.5rem;
  }
  h2 {
    font-size: 1.15rem;
  }
  .pin {
    display: grid;
    gap: 0.9rem;
    background: var(--surface);
    border: 1px solid var(--line);
    border-radius: calc(var(--radius) * 2);
    padding: 1.25rem;
    box-shadow: var(--shadow);
  }
  .dots {
    display: flex;
    justify-content: center;
    gap: 0.6rem;
    min-height: 1.5rem;
  }
  .dot {
    width: 1rem;
    height: 1rem;
    border-radius: 50%;
    border: 2px solid var(--line-strong);
  }
  .dot.filled {
    background: var(--ink);
    border-color: var(--ink);
  }
  .hint {
    color: var(--ink-muted);
    margin: 0;
  }
  .notice {
    margin: 0;
    padding: 0.75rem 1rem;
    border-radius: var(--radius);
    background: var(--warning-bg);
    color: var(--warning-ink);
    border: 1px solid var(--warning-line);
  }
  .locked {
    margin: 0;
    padding: 0.75rem 1rem;
    border-radius: var(--radius);
    background: var(--danger-bg);
    color: var(--danger);
    font-weight: 600;
  }
`;
