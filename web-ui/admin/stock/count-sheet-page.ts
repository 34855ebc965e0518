import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { count } from '../components/admin-format.js';
import { confirmAction } from '../components/confirm-dialog.js';
import { adminErrorText } from '../components/error-text.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import {
  countStep,
  getCount,
  listCountLines,
  scanToCount,
  setCounted,
  type CountLine,
  type LineFilter,
  type StockCount,
} from './counts-api.js';
import { countScope, countStatus } from './counts-page.js';
import { renderNotice, type Notice } from './notice.js';
import { parseQuantity, quantity, signed } from './stock-format.js';

/**
 * One count's sheet. A barcode scanner acting as a keyboard types its code into the scan field and ends
 * with Enter: each scan adds one to that product. Counts can also be typed per line. The variance is
 * against on-hand now; posting books it once, for the counted lines only.
 */
@customElement('stock-count-sheet-page')
@localized()
export class StockCountSheetPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _count: StockCount | null = null;
  @state() private _only: LineFilter = 'all';
  @state() private _notice: Notice | null = null;
  @state() private _lastScan: CountLine | null = null;
  /** Scans are sent one after another, so a fast burst is counted in full and in order. */
  #scans: Promise<void> = Promise.resolve();

  private _lines = new PagedList<CountLine>(
    this,
    (limit, offset, signal) =>
      listCountLines(this.api, this._id, { q: '', only: this._only }, limit, offset, signal),
    100,
  );

  private get _id(): string {
    return this.params.id ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._refresh();
  }

  private async _refresh(): Promise<void> {
    try {
      this._count = await getCount(this.api, this._id);
      await this._lines.reload();
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    }
  }

  override render() {
    const c = this._count;
    if (c === null)
      return html`<div class="head"><h1>${msg('Stock count')}</h1></div>
        ${renderNotice(this._notice)}`;
    const open = c.status === 'open';
    return html`<div class="head">
        <h1>${msg(str`Stock count ${c.number}`)}</h1>
        <div class="actions">
          ${countStatus(c)}
          ${
            open
              ? html`<button class="button" type="button" @click=${this._cancel}>
                    ${msg('Cancel count')}
                  </button>
                  <button class="button primary" type="button" @click=${this._post}>
                    ${msg('Post count')}
                  </button>`
              : nothing
          }
        </div>
      </div>
      ${renderNotice(this._notice)}
      <div class="cards">
        <div class="card"><span class="muted">${countScope(c)}</span></div>
        <div class="card">
          <span class="muted">${msg('Counted')}</span>
          <div class="figure" data-counted>${count(c.countedCount)} / ${count(c.lineCount)}</div>
        </div>
        <div class="card">
          <span class="muted">${msg('Variance')}</span>
          <div class="figure" data-variance>
            ${count(c.varianceUnits)} · ${storeMoney(c.varianceValueMinor)}
          </div>
        </div>
      </div>
      ${
        open
          ? html`<form class="card toolbar" @submit=${this._scan}>
              <label class="field">
                <span>${msg('Scan or type a barcode, then Enter')}</span>
                <input name="code" autocomplete="off" autofocus data-scan />
              </label>
              <span role="status"
                >${
                  this._lastScan === null
                    ? nothing
                    : msg(
                        str`${this._lastScan.name}: ${quantity(this._lastScan.counted ?? 0, this._lastScan.unit)} counted`,
                      )
                }</span
              >
            </form>`
          : nothing
      }
      <div class="toolbar">
        <label class="field">
          <span>${msg('Show')}</span>
          <select @change=${this._filter}>
            <option value="all">${msg('All lines')}</option>
            <option value="uncounted">${msg('Not counted yet')}</option>
            <option value="variance">${msg('With a variance')}</option>
          </select>
        </label>
      </div>
      ${renderPagedTable(this._lines, {
        caption: msg('Count sheet'),
        empty: msg('No lines to show.'),
        columns: [
          { header: msg('Product'), cell: (l) => html`${l.name}<br /><span class="muted">${l.sku}</span>` },
          { header: msg('On hand'), cell: (l) => quantity(l.onHand, l.unit), align: 'end' },
          {
            header: msg('Counted'),
            cell: (l) => (open ? this._renderCountInput(l) : this._counted(l)),
            align: 'end',
          },
          {
            header: open ? msg('Variance') : msg('Booked'),
            cell: (l) => {
              const v = open ? l.variance : l.booked;
              return v === null
                ? '—'
                : html`<span class=${v === 0 ? '' : 'badge warning'}>${signed(v, l.unit)}</span>`;
            },
            align: 'end',
          },
        ],
      })}`;
  }

  private _counted(line: CountLine): string {
    return line.counted === null ? '—' : quantity(line.counted, line.unit);
  }

  private _renderCountInput(line: CountLine) {
    return html`<form class="row-actions" @submit=${(e: SubmitEvent) => this._type(e, line)}>
      <label class="field">
        <span class="visually-hidden">${msg(str`Counted of ${line.name}`)}</span>
        <input
          name="counted"
          inputmode="numeric"
          size="6"
          .value=${line.counted === null ? '' : String(line.counted)}
        />
      </label>
      <button class="button" type="submit">${msg('Save')}</button>
    </form>`;
  }

  private _filter = (event: Event) => {
    this._only = (event.target as HTMLSelectElement).value as LineFilter;
    void this._lines.load();
  };

  private _scan = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const code = formText(form, 'code');
    form.reset();
    if (code === '') return;
    this.#scans = this.#scans.then(async () => {
      try {
        this._lastScan = await scanToCount(this.api, this._id, code);
        this._notice = null;
      } catch (error) {
        this._notice = { text: `${code}: ${adminErrorText(error)}`, error: true };
      }
    });
    void this.#scans.then(() => this._refresh());
  };

  private async _type(event: SubmitEvent, line: CountLine): Promise<void> {
    event.preventDefault();
    const text = formText(event.currentTarget as HTMLFormElement, 'counted');
    const value = text === '' ? null : parseQuantity(text);
    if (text !== '' && value === null) {
      this._notice = { text: msg('Type a whole number.'), error: true };
      return;
    }
    try {
      this._count = await setCounted(this.api, this._id, line.productId, value);
      await this._lines.reload();
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    }
  }

  private _post = async () => {
    const c = this._count;
    if (!c) return;
    const sure = await confirmAction(this, {
      heading: msg(str`Post stock count ${c.number}?`),
      text: msg(
        str`The counted lines (${count(c.countedCount)} of ${count(c.lineCount)}) set stock to what was counted. Lines not counted stay as they are. A posted count cannot be changed.`,
      ),
      confirmLabel: msg('Post count'),
    });
    if (!sure) return;
    await this._step('post', msg('The count is posted.'));
  };

  private _cancel = async () => {
    const sure = await confirmAction(this, {
      heading: msg('Cancel this count?'),
      text: msg('Nothing is booked and the sheet cannot be counted any more.'),
      confirmLabel: msg('Cancel count'),
      danger: true,
    });
    if (!sure) return;
    await this._step('cancel', msg('The count is cancelled.'));
  };

  private async _step(step: 'post' | 'cancel', done: string): Promise<void> {
    try {
      this._count = await countStep(this.api, this._id, step);
      this._notice = { text: done, error: false };
      await this._lines.reload();
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-count-sheet-page': StockCountSheetPage;
  }
}
