import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { dateTime } from '../components/admin-format.js';
import { confirmAction } from '../components/confirm-dialog.js';
import { adminErrorText } from '../components/error-text.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { PageAction, renderNotice } from './notice.js';
import { orderStatusBadge } from './order-status.js';
import { getOrder, orderStep, receiveOrder, type OrderLine, type PurchaseOrder } from './purchasing-api.js';
import { parseCost, parseQuantity, quantity } from './stock-format.js';

/** One purchase order: send it, cancel it, or receive what arrived against its lines. */
@customElement('stock-order-page')
@localized()
export class StockOrderPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _order: PurchaseOrder | null = null;
  private _action = new PageAction(this);

  override connectedCallback(): void {
    super.connectedCallback();
    getOrder(this.api, this.params.id ?? '').then(
      (o) => (this._order = o),
      (error: unknown) => {
        this._action.say(adminErrorText(error), true);
      },
    );
  }

  override render() {
    const o = this._order;
    if (o === null)
      return html`<div class="head"><h1>${msg('Purchase order')}</h1></div>
        ${renderNotice(this._action.notice)}`;
    const receiving = o.status === 'sent' || o.status === 'partly_received';
    return html`<div class="head">
        <h1>${msg(str`Purchase order ${o.number}`)}</h1>
        <div class="actions">
          ${orderStatusBadge(o.status)}
          ${
            o.status === 'draft'
              ? html`<button class="button primary" type="button" @click=${() => void this._step('send')}>
                  ${msg('Mark as sent')}
                </button>`
              : nothing
          }
          ${
            o.status === 'draft' || o.status === 'sent'
              ? html`<button class="button" type="button" @click=${() => void this._step('cancel')}>
                  ${msg('Cancel order')}
                </button>`
              : nothing
          }
        </div>
      </div>
      ${renderNotice(this._action.notice)}
      <p class="muted">
        ${msg(str`${o.supplierName} · created ${dateTime(o.createdAt)} · total ${storeMoney(o.totalMinor)}`)}
      </p>
      <form @submit=${this._receive}>
        ${renderTable({
          caption: msg('Lines'),
          empty: msg('No lines.'),
          rows: o.lines,
          columns: [
            { header: msg('Product'), cell: (l) => html`${l.name}<br /><span class="muted">${l.sku}</span>` },
            { header: msg('Ordered'), cell: (l) => quantity(l.ordered, l.unit), align: 'end' },
            { header: msg('Received'), cell: (l) => quantity(l.received, l.unit), align: 'end' },
            { header: msg('Unit cost'), cell: (l) => storeMoney(l.costMinor), align: 'end' },
            ...(receiving
              ? [
                  {
                    header: msg('Arrived now'),
                    cell: (l: OrderLine) => this._receiveInput(l, 'quantity'),
                    align: 'end' as const,
                  },
                  {
                    header: msg('Cost paid'),
                    cell: (l: OrderLine) => this._receiveInput(l, 'cost'),
                    align: 'end' as const,
                  },
                ]
              : []),
          ],
        })}
        ${
          receiving
            ? html`<div class="toolbar">
                <label class="field">
                  <span>${msg('Delivery note or reference')}</span>
                  <input name="reference" maxlength="64" autocomplete="off" />
                </label>
                <button class="button primary" type="submit" ?disabled=${this._action.busy}>
                  ${msg('Receive')}
                </button>
              </div>`
            : nothing
        }
      </form>`;
  }

  private _receiveInput(line: OrderLine, kind: 'quantity' | 'cost') {
    const outstanding = line.ordered - line.received;
    if (outstanding === 0) return '—';
    return html`<label class="field">
      <span class="visually-hidden"
        >${kind === 'quantity' ? msg(str`Arrived now of ${line.name}`) : msg(str`Cost paid for ${line.name}`)}</span
      >
      <input
        name=${`${kind}-${line.lineNo}`}
        inputmode=${kind === 'quantity' ? 'numeric' : 'decimal'}
        size="7"
        placeholder=${kind === 'quantity' ? String(outstanding) : storeMoney(line.costMinor)}
        autocomplete="off"
      />
    </label>`;
  }

  private async _step(step: 'send' | 'cancel'): Promise<void> {
    const o = this._order;
    if (!o) return;
    if (step === 'cancel') {
      const sure = await confirmAction(this, {
        heading: msg(str`Cancel purchase order ${o.number}?`),
        text: msg('Nothing more can be received against it.'),
        confirmLabel: msg('Cancel order'),
        danger: true,
      });
      if (!sure) return;
    }
    await this._action.run(async () => {
      this._order = await orderStep(this.api, o.id, step);
      return step === 'send' ? msg('Marked as sent.') : msg('The order is cancelled.');
    });
  }

  private _receive = async (event: SubmitEvent) => {
    event.preventDefault();
    const o = this._order;
    if (!o) return;
    const form = event.currentTarget as HTMLFormElement;
    const lines: { lineNo: number; quantity: number; costMinor?: number }[] = [];
    for (const line of o.lines) {
      const qtyText = formText(form, `quantity-${line.lineNo}`);
      if (qtyText === '') continue;
      const qty = parseQuantity(qtyText);
      const costText = formText(form, `cost-${line.lineNo}`);
      const cost = costText === '' ? undefined : parseCost(costText);
      if (qty === null || cost === null) {
        this._action.say(msg(str`Check the quantity and cost of ${line.name}.`), true);
        return;
      }
      if (qty > 0)
        lines.push({
          lineNo: line.lineNo,
          quantity: qty,
          ...(cost === undefined ? {} : { costMinor: cost }),
        });
    }
    if (lines.length === 0) {
      this._action.say(msg('Type what arrived on at least one line.'), true);
      return;
    }
    await this._action.run(async () => {
      this._order = await receiveOrder(this.api, o.id, formText(form, 'reference'), lines);
      form.reset();
      return msg('Received and booked into stock.');
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-order-page': StockOrderPage;
  }
}
