import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { SaleView } from '../../../shared/api/sales-endpoints.js';
import '../../receipt/receipt-actions.js';

type Money = (minor: number) => string;

/** Paid in full and waiting for the hub to complete the sale; Try again once the hub did not answer. */
export function renderCompleting(failed: boolean, onRetry: () => void) {
  return html`<p class="status-line" role="status">${msg('Paid in full. Completing the sale on the hub…')}</p>
    ${
      failed
        ? html`<button class="button primary" type="button" @click=${onRetry}>${msg('Try again')}</button>`
        : nothing
    }`;
}

/** The hub completed the sale: the change, the cash rounding, and what to do with the receipt. */
export function renderDone(sale: SaleView, money: Money, onNewSale: () => void) {
  const receipt = sale.receipt?.code ?? '';
  return html`<h2 id="pay-title">${msg('Sale completed')}</h2>
    <p>${msg('Change due')}</p>
    <p class="change" data-change>${money(sale.totals.changeMinor)}</p>
    ${
      sale.totals.roundingMinor !== 0
        ? html`<p>${msg(str`Cash rounding: ${money(sale.totals.roundingMinor)}`)}</p>`
        : nothing
    }
    <receipt-actions
      .saleId=${sale.id}
      .receiptCode=${receipt}
      @receipt-done=${onNewSale}
    ></receipt-actions>`;
}

/** Cash taken while the hub did not answer: the sale is kept here and completes when the hub is back. */
export function renderQueued(changeMinor: number, money: Money, onNewSale: () => void) {
  return html`<h2 id="pay-title">${msg('Sale kept on this till')}</h2>
    <p role="status" data-queued>
      ${msg(
        'The hub is not answering. This sale is stored here and completes by itself, under the same number, as soon as the hub is back.',
      )}
    </p>
    <p>${msg('Change due')}</p>
    <p class="change" data-change>${money(changeMinor)}</p>
    <div class="actions">
      <button class="button primary new-sale" type="button" @click=${onNewSale}>
        ${msg('New sale')} <kbd>Enter</kbd>
      </button>
    </div>`;
}
