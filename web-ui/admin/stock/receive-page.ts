import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { PageAction, renderNotice } from './notice.js';
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
  private _action = new PageAction(this);

  override render() {
    return html`<div class="head"><h1>${msg('Receive stock')}</h1></div>
      ${renderNotice(this._action.notice)}
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
          <button
            class="button primary"
            type="submit"
            ?disabled=${this._action.busy || this._lines.length === 0}
          >
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
      this._action.say(parsed.error, true);
      return;
    }
    const lines = parsed.lines;
    await this._action.run(async () => {
      await receiveStock(this.api, formText(form, 'reference'), lines);
      this._lines = [];
      form.reset();
      return msg(str`Received ${lines.length} products.`);
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-receive-page': StockReceivePage;
  }
}
