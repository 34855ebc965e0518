import { css } from 'lit';

/**
 * The admin pages' building blocks: a page head (h1 with actions), cards, toolbars of filters, tables
 * that scroll sideways on a phone rather than squeeze, notices, and form grids.
 */
export const pageStyles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem 1rem;
    margin-bottom: 1rem;
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
  }
  h1:focus {
    outline: none;
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.15rem;
  }
  .head .actions,
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .toolbar {
    margin-bottom: 1rem;
  }
  .card {
    background: var(--surface);
    border-radius: var(--radius);
    box-shadow: var(--shadow);
    padding: 1rem;
    margin-bottom: 1rem;
  }
  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: 1rem;
    margin-bottom: 1rem;
  }
  .cards .card {
    margin-bottom: 0;
  }
  .figure {
    font-size: 1.6rem;
    font-weight: 700;
  }
  .muted {
    color: var(--ink-muted);
  }
  .notice {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border-radius: var(--radius);
    background: var(--accent-soft);
    color: var(--accent-strong);
    font-weight: 600;
  }
  .notice.error {
    background: var(--danger-bg);
    color: var(--danger);
  }
  .notice.warning {
    background: var(--warning-bg);
    color: var(--warning-ink);
  }
  .table-wrap {
    overflow-x: auto;
    background: var(--surface);
    border-radius: var(--radius);
    box-shadow: var(--shadow);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    padding: 0.75rem 1rem 0;
    font-weight: 700;
  }
  th,
  td {
    padding: 0.6rem 1rem;
    text-align: start;
    border-bottom: 1px solid var(--line);
    vertical-align: middle;
  }
  th {
    font-size: 0.85rem;
    color: var(--ink-muted);
    white-space: nowrap;
  }
  td.end,
  th.end {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  tbody tr:last-child td {
    border-bottom: 0;
  }
  .empty {
    padding: 1.5rem 1rem;
    color: var(--ink-muted);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.75rem 0;
  }
  .form-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: 1rem;
  }
  .field textarea {
    min-height: 5rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--line-strong);
    border-radius: var(--radius);
    font: inherit;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: var(--touch);
  }
  .check input {
    width: 1.25rem;
    height: 1.25rem;
  }
  .badge {
    display: inline-block;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    background: var(--surface-muted);
    border: 1px solid var(--line);
    font-size: 0.85rem;
    white-space: nowrap;
  }
  .badge.ok {
    background: #e3f4e8;
    border-color: #9ccfab;
    color: #17582b;
  }
  .badge.warning {
    background: var(--warning-bg);
    border-color: var(--warning-line);
    color: var(--warning-ink);
  }
  .badge.danger {
    background: var(--danger-bg);
    border-color: #e6a3a5;
    color: var(--danger);
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    justify-content: end;
  }
  .row-actions .button {
    min-height: 36px;
    padding: 0 0.75rem;
  }
  a {
    color: var(--accent-strong);
  }
`;
