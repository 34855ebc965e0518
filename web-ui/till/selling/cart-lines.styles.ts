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
  .line.selected {
    background: var(--accent-soft);
    box-shadow: inset 4px 0 0 var(--accent);
    padding-inline: 0.5rem;
  }
  .pick {
    display: grid;
    gap: 0.15rem;
    min-height: var(--touch);
    padding: 0;
    border: none;
    background: none;
    text-align: start;
    cursor: pointer;
    min-width: 0;
  }
  .line .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .detail {
    color: var(--ink-muted);
    font-variant-numeric: tabular-nums;
  }
  .detail s {
    margin-inline-start: 0.4rem;
  }
  .discount,
  .promotion,
  .note {
    grid-column: 1 / -1;
    font-size: 0.95rem;
  }
  .discount,
  .promotion {
    color: var(--accent-strong);
    font-weight: 600;
    display: flex;
    justify-content: space-between;
  }
  .discount .off,
  .promotion .off {
    font-variant-numeric: tabular-nums;
  }
  .note {
    color: var(--ink-muted);
    font-style: italic;
    overflow-wrap: anywhere;
  }
  .line-actions {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
    gap: 0.4rem;
  }
  .line-actions .button {
    padding: 0 0.5rem;
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
