import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { CashQuote } from '../../../shared/api/payment-endpoints.js';
import type { SaleTotals } from '../../../shared/api/sales-endpoints.js';

/**
 * The hub's figures at the top of the pay screen: what is still to pay, the total, what is paid, and the
 * rest as cash when the store rounds cash and the hub's quote is for the rest on screen.
 */
export function renderPayFigures(
  totals: SaleTotals,
  quote: CashQuote | null,
  money: (minor: number) => string,
) {
  return html`<p>${totals.paidMinor > 0 ? msg('Still to pay') : msg('To pay')}</p>
    <p class="due" data-due>${money(totals.dueMinor)}</p>
    <dl class="figures">
      <dt>${msg('Total')}</dt>
      <dd data-total>${money(totals.toPayMinor)}</dd>
      ${
        totals.paidMinor > 0
          ? html`<dt>${msg('Paid')}</dt>
              <dd data-paid>${money(totals.paidMinor)}</dd>`
          : nothing
      }
      ${renderCashFigures(totals.dueMinor, quote, money)}
    </dl>`;
}

function renderCashFigures(dueMinor: number, quote: CashQuote | null, money: (minor: number) => string) {
  if (!quote || quote.dueMinor !== dueMinor || quote.roundingMinor === 0) return nothing;
  const sign = quote.roundingMinor > 0 ? '+' : '−';
  const rounding = `${sign}${money(Math.abs(quote.roundingMinor))}`;
  return html`<dt>${msg('In cash')}</dt>
    <dd data-cash-due>${money(quote.cashDueMinor)}</dd>
    <dt>${msg('Cash rounding')}</dt>
    <dd data-cash-rounding>${rounding}</dd>`;
}
