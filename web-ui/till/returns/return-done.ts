import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReturnResult } from '../../shared/api/returns-endpoints.js';
import { emit } from '../../shared/events.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { noticeStyles, panelStyles } from '../selling/selling-panel.styles.js';
import { tenderLabel } from './return-text.js';
import { returnsStyles } from './returns-screen.styles.js';

/**
 * A finished return: what to hand back and how, the return's receipt number, and for an exchange the
 * store-credit code to pay the new items with under Sell.
 */
@customElement('return-done')
@localized()
export class ReturnDone extends LitElement {
  static override styles = [baseStyles, buttonStyles, panelStyles, noticeStyles, returnsStyles];

  @property({ attribute: false }) result: ReturnResult | null = null;
  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('.next')?.focus();
  }

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const money = (m: number) => storeMoney(m, this.currency);
    const completed = r.sale.status === 'completed';
    const credit = r.refunds.find((p) => p.tenderKind === 'store_credit' && p.reference !== null);
    return html`<section aria-labelledby="done-title" class="done">
      <h1 id="done-title">${completed ? msg('Return completed') : msg('Return not finished')}</h1>
      ${
        completed
          ? nothing
          : html`<p class="notice danger" role="alert">
              ${msg('The card refund did not go through. Nothing else was refunded; ask a supervisor.')}
            </p>`
      }
      <ul class="refunds" aria-label=${msg('Refunds')}>
        ${r.refunds.map(
          (p) =>
            html`<li data-refund-kind=${p.tenderKind}>
              <span>${tenderLabel(p.tenderKind, '')}</span>
              <strong>${money(p.amountMinor)}</strong>
            </li>`,
        )}
      </ul>
      ${
        r.refunds.some((p) => p.tenderKind === 'cash')
          ? html`<p class="give">${msg('Give the cash refund to the customer.')}</p>`
          : nothing
      }
      ${
        credit
          ? html`<p>${msg('Store credit code')}</p>
              <p class="code" data-credit-code>${credit.reference}</p>
              <p class="explain">
                ${msg('Ring up the new items under Sell and pay with store credit and this code.')}
              </p>`
          : nothing
      }
      ${r.sale.receipt ? html`<p data-return-receipt>${msg(str`Return receipt ${r.sale.receipt.code}`)}</p>` : nothing}
      <div class="actions">
        ${
          credit
            ? html`<button
                class="button"
                type="button"
                @click=${() => emit(this, 'mode-pick', { mode: 'sell' })}
              >
                ${msg('Sell the new items')}
              </button>`
            : nothing
        }
        <button class="button primary next" type="button" @click=${() => emit(this, 'return-next', {})}>
          ${msg('Next return')}
        </button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'return-done': ReturnDone;
  }
}
