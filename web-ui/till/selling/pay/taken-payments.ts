import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { PaymentView, Tender } from '../../../shared/api/sales-endpoints.js';
import { holdsMoney } from './pay-flow.js';

export interface TakenPaymentsOptions {
  payments: readonly PaymentView[];
  tenders: readonly Tender[];
  money: (minor: number) => string;
  /** Disabled while another payment runs. */
  busy: boolean;
  onHandBack: (payment: PaymentView) => void;
}

function statusText(payment: PaymentView): string {
  switch (payment.status) {
    case 'approved':
      return msg('Paid');
    case 'pending':
      return msg('Waiting for the terminal');
    case 'unknown':
      return msg('Outcome not known yet');
    case 'declined':
      return msg('Declined');
    case 'cancelled':
      return msg('Cancelled');
  }
}

/**
 * The payments that hold money for this sale (a split tender shows each part), with Hand back for cash
 * and recorded tenders before completion. An approved card payment is refunded by a return instead.
 */
export function renderTakenPayments(o: TakenPaymentsOptions) {
  const held = o.payments.filter(holdsMoney);
  if (held.length === 0) return nothing;
  return html`<h3 id="taken-title">${msg('Payments taken')}</h3>
    <ul class="taken" aria-labelledby="taken-title">
      ${held.map((p) => {
        const name = o.tenders.find((t) => t.id === p.tenderId)?.name ?? p.tenderKind;
        const amount = o.money(p.amountMinor);
        return html`<li data-payment=${p.tenderKind}>
          <span class="what">
            <span>${name}: ${amount}</span>
            <span class="muted">
              ${statusText(p)}${p.changeMinor > 0 ? html` · ${msg(str`Change ${o.money(p.changeMinor)}`)}` : nothing}
            </span>
          </span>
          ${
            p.status === 'approved' && p.tenderKind !== 'card'
              ? html`<button
                  class="button"
                  type="button"
                  ?disabled=${o.busy}
                  aria-label=${msg(str`Hand back ${name} ${amount}`)}
                  @click=${() => {
                    o.onHandBack(p);
                  }}
                >
                  ${msg('Hand back')}
                </button>`
              : nothing
          }
        </li>`;
      })}
    </ul>`;
}
