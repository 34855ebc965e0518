import { css } from 'lit';

/**
 * Shared look: design tokens come from the page (:root custom properties in each index.html, so they
 * reach into every shadow root); these are the building blocks components adopt. Touch targets are at
 * least 44 px (WCAG 2.5.5); text colours keep 4.5:1 contrast on their backgrounds.
 */
export const baseStyles = css`
  :host {
    font-family: var(--font-family);
    color: var(--ink);
    box-sizing: border-box;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

export const buttonStyles = css`
  .button {
    min-height: var(--touch);
    min-width: var(--touch);
    padding: 0 1.1rem;
    border-radius: var(--radius);
    border: 1px solid var(--line-strong);
    background: var(--surface);
    font-weight: 600;
    cursor: pointer;
  }
  .button:hover {
    background: var(--surface-hover);
  }
  .button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--on-accent);
  }
  .button.primary:hover {
    background: var(--accent-strong);
  }
  /* Disabled looks grey, not faded accent: it must read as "not now", and keep its text legible. */
  .button:disabled,
  .button.primary:disabled {
    background: var(--disabled-bg);
    border-color: var(--disabled-line);
    color: var(--disabled-ink);
    cursor: not-allowed;
  }
  .field {
    display: grid;
    gap: 0.35rem;
  }
  .field input,
  .field select {
    min-height: var(--touch);
    padding: 0 0.75rem;
    border: 1px solid var(--line-strong);
    border-radius: var(--radius);
    background: var(--surface);
  }
  .error {
    color: var(--danger);
    font-weight: 600;
  }
`;
