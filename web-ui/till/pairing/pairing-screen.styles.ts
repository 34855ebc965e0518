import { css } from 'lit';

export const pairingStyles = css`
  :host {
    display: grid;
    place-items: start center;
    padding: clamp(1rem, 4vw, 3rem) 1rem;
  }
  .card {
    width: min(100%, 44rem);
    display: grid;
    gap: 1.5rem;
    background: var(--surface);
    border: 1px solid var(--line);
    border-radius: calc(var(--radius) * 2);
    padding: clamp(1.25rem, 4vw, 2.5rem);
    box-shadow: var(--shadow);
  }
  h1 {
    margin: 0;
    font-size: 1.6rem;
  }
  p {
    margin: 0;
    line-height: 1.5;
  }
  .ways {
    display: grid;
    gap: 1rem;
    grid-template-columns: 1fr;
  }
  @media (min-width: 720px) {
    .ways {
      grid-template-columns: 1fr 1fr;
    }
  }
  section {
    display: grid;
    gap: 0.75rem;
    align-content: start;
    padding: 1rem;
    border: 1px solid var(--line);
    border-radius: var(--radius);
    background: var(--surface-muted);
  }
  h2 {
    margin: 0;
    font-size: 1.1rem;
  }
  form {
    display: grid;
    gap: 0.75rem;
  }
  .code-input {
    font-size: 1.5rem;
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
  }
  .code {
    font-size: clamp(2.5rem, 10vw, 4rem);
    font-weight: 700;
    letter-spacing: 0.08em;
    font-variant-numeric: tabular-nums;
    text-align: center;
    padding: 0.5rem;
    border-radius: var(--radius);
    background: var(--surface);
    border: 2px dashed var(--accent);
  }
  .waiting {
    display: flex;
    gap: 0.75rem;
    align-items: center;
  }
  .spinner {
    width: 1.25rem;
    height: 1.25rem;
    border-radius: 50%;
    border: 3px solid var(--line-strong);
    border-top-color: var(--accent);
    animation: spin 1s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
  .notice {
    padding: 0.75rem 1rem;
    border-radius: var(--radius);
    background: var(--warning-bg);
    color: var(--warning-ink);
    border: 1px solid var(--warning-line);
  }
`;
