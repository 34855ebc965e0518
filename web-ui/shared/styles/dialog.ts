import { css } from 'lit';
import { kbdStyles } from './kbd.js';

/**
 * A modal <dialog> at the till (shown with showModal(), so focus stays inside and Esc cancels): fits a
 * phone, scrolls when taller than the screen, actions at the bottom right.
 */
export const dialogStyles = [
  kbdStyles,
  css`
    dialog {
      width: min(100vw - 1rem, 34rem);
      max-height: calc(100dvh - 1rem);
      border: none;
      border-radius: calc(var(--radius) * 2);
      padding: 1.25rem;
      box-shadow: 0 10px 40px rgb(0 0 0 / 0.3);
    }
    dialog::backdrop {
      background: rgb(10 20 30 / 0.55);
    }
    dialog h2 {
      margin: 0 0 0.75rem;
      font-size: 1.3rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      justify-content: end;
      margin-top: 1.25rem;
    }
    .actions .primary {
      min-width: 9rem;
    }
    .hint {
      color: var(--ink-muted);
      margin: 0;
    }
  `,
];
