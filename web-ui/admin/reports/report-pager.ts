import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { count } from '../components/admin-format.js';

/** Where a page of a ranked or listed report is, with previous and next. */
export function renderPager(
  page: { offset: number; shown: number; total: number; nextOffset: number | null; size: number },
  go: (offset: number) => void,
): TemplateResult {
  const from = page.shown === 0 ? 0 : page.offset + 1;
  return html`<div class="pager">
    <span role="status"
      >${msg(str`${count(from)}–${count(page.offset + page.shown)} of ${count(page.total)}`)}</span
    >
    <span>
      <button
        class="button"
        type="button"
        ?disabled=${page.offset === 0}
        @click=${() => go(Math.max(0, page.offset - page.size))}
      >
        ${msg('Previous')}
      </button>
      <button
        class="button"
        type="button"
        ?disabled=${page.nextOffset === null}
        @click=${() => go(page.nextOffset ?? page.offset)}
      >
        ${msg('Next')}
      </button>
    </span>
  </div>`;
}
