import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { formatInteger } from '../../shared/format/numbers.js';
import { storeFormat } from '../../shared/format/store-format.js';
import { adminErrorText } from './error-text.js';
import type { PagedList } from './paged-list.js';

export interface Column<T> {
  header: string;
  cell: (row: T) => unknown;
  /** 'end' for figures: right-aligned, tabular digits. */
  align?: 'start' | 'end';
}

export interface TableOptions<T> {
  /** Names the table for screen readers (shown as its caption unless `hideCaption`). */
  caption: string;
  hideCaption?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** Said when there are no rows. */
  empty: string;
}

/** A plain, accessible table: a caption, header cells with scope, figures aligned to the end. */
export function renderTable<T>(options: TableOptions<T>): TemplateResult {
  const { caption, columns, rows, empty } = options;
  return html`<div class="table-wrap">
    <table>
      <caption class=${options.hideCaption === true ? 'visually-hidden' : ''}>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${columns.map((c) => html`<th scope="col" class=${c.align === 'end' ? 'end' : ''}>${c.header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              ${columns.map((c) => html`<td class=${c.align === 'end' ? 'end' : ''}>${c.cell(row)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
    ${rows.length === 0 ? html`<p class="empty">${empty}</p>` : nothing}
  </div>`;
}

/** A hub list with its state: the error, the table, and previous / next with where this page is. */
export function renderPagedTable<T>(
  list: PagedList<T>,
  options: Omit<TableOptions<T>, 'rows'>,
): TemplateResult {
  const count = (n: number) => formatInteger(n, storeFormat().locale);
  const from = count(list.items.length === 0 ? 0 : list.offset + 1);
  const to = count(list.offset + list.items.length);
  const position =
    list.total === null ? msg(str`${from}–${to}`) : msg(str`${from}–${to} of ${count(list.total)}`);
  return html`${
      list.error === null
        ? nothing
        : html`<p class="notice error" role="alert">${adminErrorText(list.error)}</p>`
    }
    <div aria-busy=${list.loading ? 'true' : 'false'}>${renderTable({ ...options, rows: list.items })}</div>
    <div class="pager">
      <span role="status">${list.loading ? msg('Loading…') : position}</span>
      <span>
        <button
          class="button"
          type="button"
          ?disabled=${list.loading || list.offset === 0}
          @click=${() => void list.load(list.offset - list.limit)}
        >
          ${msg('Previous')}
        </button>
        <button
          class="button"
          type="button"
          ?disabled=${list.loading || list.nextOffset === null}
          @click=${() => void list.load(list.nextOffset ?? list.offset)}
        >
          ${msg('Next')}
        </button>
      </span>
    </div>`;
}
