import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { adminErrorText } from '../components/error-text.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { renderNotice, type Notice } from './notice.js';
import './product-picker.js';
import { draftColumns, parseDraft, withProduct, type DraftLine } from './draft-lines.js';
import { receiveStock, type StockLevel } from './stock-api.js';

/**
 * Goods in without a purchase order: products found by search or scan, a quantity and the unit cost paid
 * each (the hub moves the product's average cost), booked in one go with the delivery note's number.
 */
@customElement('stock-receive-page')
@localized()
export class StockReceivePage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _lines: DraftLine[] = [];
  @state() private _notice: Notice | null = null;
  @state() private _busy = false;

  override render() {
    return html`<div class="head"><h1>${msg('Receive stock')}</h1></div>
      ${renderNotice(this._notice)}
      <section class="card">
        <stock-product-picker .api=${this.api} @product-picked=${this._add}></stock-product-picker>
      </section>
      <form @submit=${this._submit}>
        ${renderTable({
          caption: msg('Delivery'),
          empty: msg('Find or scan the products that arrived.'),
          rows: this._lines,
          columns: [
            ...draftColumns(),
            {
              header: msg('Actions'),
              align: 'end',
              cell: (l) =>
                html`<button
                  class="button"
                  type="button"
                  @click=${() => (this._lines = this._lines.filter((x) => x !== l))}
                >
                  ${msg('Remove')}
                </button>`,
            },
          ],
        })}
        <div class="toolbar">
          <label class="field">
            <span>${msg('Delivery note or reference')}</span>
            <input name="reference" maxlength="64" autocomplete="off" />
          </label>
          <button class="button primary" type="submit" ?disabled=${this._busy || this._lines.length === 0}>
            ${msg('Book the delivery')}
          </button>
        </div>
      </form>`;
  }

  private _add = (event: CustomEvent<StockLevel>) => {
    this._lines = withProduct(this._lines, event.detail);
  };

  private _submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const parsed = parseDraft(this._lines);
    if (!parsed.ok) {
      this._notice = { text: parsed.error, error: true };
      return;
    }
    const lines = parsed.lines;
    this._busy = true;
    try {
      await receiveStock(this.api, formText(form, 'reference'), lines);
      this._notice = { text: msg(str`Received ${lines.length} products.`), error: false };
      this._lines = [];
      form.reset();
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    } finally {
      this._busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-receive-page': StockReceivePage;
  }
}
