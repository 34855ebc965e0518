import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { count, dateTime, getStoreTimeZone } from '../components/admin-format.js';
import { confirmAction } from '../components/confirm-dialog.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable, renderTable } from '../components/table.js';
import { categoryPaths, listCategories } from './catalog-api.js';
import { CatalogPage, catalogStyles, parseMoneyInput, parsePercentInput } from './catalog-page.js';
import {
  cancelPriceChange,
  createPriceChange,
  listPriceChanges,
  previewPrices,
  type PriceAdjust,
  type PriceChange,
  type PriceItem,
  type PriceRequest,
} from './price-api.js';
import { zonedInputToIso } from './zoned-time.js';

function statusBadge(c: PriceChange) {
  switch (c.status) {
    case 'pending':
      return html`<span class="badge warning">${msg('Scheduled')}</span>`;
    case 'applied':
      return html`<span class="badge ok">${msg('Applied')}</span>`;
    case 'cancelled':
      return html`<span class="badge">${msg('Cancelled')}</span>`;
  }
}

/**
 * Price changes: raise or lower the prices of a category or of products picked on the products page,
 * by a percentage, an amount or to one price, rounded; look at the new prices first, then apply now or
 * schedule for a date. Scheduled changes can be cancelled until the hub applies them.
 */
@customElement('price-changes-page')
@localized()
export class PriceChangesPage extends CatalogPage {
  static override styles = [baseStyles, buttonStyles, pageStyles, catalogStyles];

  @state() private _categories = new Map<string, string>();
  @state() private _preview: { request: PriceRequest; count: number; items: PriceItem[] } | null = null;

  private _list = new PagedList<PriceChange>(this, (limit, offset, signal) =>
    listPriceChanges(this.api, null, limit, offset, signal),
  );

  private get _picked(): string[] {
    return (this.query.get('products') ?? '').split(',').filter((id) => id !== '');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._list.load();
    void this.run(async () => {
      this._categories = categoryPaths(await listCategories(this.api));
      return null;
    });
  }

  override render() {
    return html`<div class="head"><h1 tabindex="-1">${msg('Price changes')}</h1></div>
      ${this.renderNotice()} ${this._renderForm()} ${this._renderPreview()}
      <h2>${msg('Scheduled and past changes')}</h2>
      ${renderPagedTable(this._list, {
        caption: msg('Price changes'),
        hideCaption: true,
        empty: msg('No price change yet.'),
        columns: [
          { header: msg('Takes effect'), cell: (c) => dateTime(c.effectiveAt) },
          { header: msg('Note'), cell: (c) => c.note || '—' },
          { header: msg('Products'), cell: (c) => count(c.itemCount), align: 'end' },
          { header: msg('Status'), cell: statusBadge },
          {
            header: msg('Actions'),
            align: 'end',
            cell: (c) =>
              c.status === 'pending'
                ? html`<button
                    class="button"
                    type="button"
                    ?disabled=${this.busy}
                    @click=${() => void this._cancel(c)}
                  >
                    ${msg('Cancel change')}
                  </button>`
                : nothing,
          },
        ],
      })}`;
  }

  private _renderForm() {
    const picked = this._picked;
    return html`<form class="card" @submit=${this._previewSubmit} aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">${msg('Change prices')}</h2>
      <div class="form-grid">
        ${
          picked.length > 0
            ? html`<p>${msg(str`${picked.length} products picked on the products page.`)}</p>`
            : html`<label class="field">
                <span>${msg('Category (with its subcategories)')}</span>
                <select name="categoryId" required>
                  ${[...this._categories].map(([id, path]) => html`<option value=${id}>${path}</option>`)}
                </select>
              </label>`
        }
        <label class="field">
          <span>${msg('Change')}</span>
          <select name="kind">
            <option value="percent">${msg('By a percentage (-10 lowers by 10 %)')}</option>
            <option value="amount">${msg('By an amount (-5 lowers by 5)')}</option>
            <option value="set">${msg('To one price')}</option>
          </select>
        </label>
        <label class="field">
          <span>${msg('Percentage or amount')}</span>
          <input name="value" required inputmode="decimal" autocomplete="off" />
        </label>
        <label class="field">
          <span>${msg('Round to (e.g. 0.50; empty: to the smallest unit)')}</span>
          <input name="roundTo" inputmode="decimal" autocomplete="off" />
        </label>
        <label class="field">
          <span>${msg('Takes effect (empty: now)')}</span>
          <input name="effectiveAt" type="datetime-local" />
        </label>
        <label class="field">
          <span>${msg('Note')}</span>
          <input name="note" maxlength="200" autocomplete="off" />
        </label>
      </div>
      <p>
        <button class="button" type="submit" ?disabled=${this.busy}>${msg('Show the new prices')}</button>
      </p>
    </form>`;
  }

  private _renderPreview() {
    const p = this._preview;
    if (p === null) return nothing;
    return html`<section class="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">${msg(str`New prices for ${count(p.count)} products`)}</h2>
      ${renderTable({
        caption: msg('New prices'),
        hideCaption: true,
        rows: p.items,
        empty: msg('No price would change.'),
        columns: [
          { header: msg('SKU'), cell: (i) => i.sku },
          { header: msg('Name'), cell: (i) => i.name },
          { header: msg('Now'), cell: (i) => storeMoney(i.fromMinor), align: 'end' },
          { header: msg('New'), cell: (i) => storeMoney(i.toMinor), align: 'end' },
        ],
      })}
      ${
        p.count > p.items.length
          ? html`<p class="muted">${msg(str`The first ${count(p.items.length)} are shown.`)}</p>`
          : nothing
      }
      <p>
        <button
          class="button primary"
          type="button"
          ?disabled=${this.busy || p.count === 0}
          @click=${this._apply}
        >
          ${this._effectiveAt === undefined ? msg('Apply now') : msg('Schedule')}
        </button>
      </p>
    </section>`;
  }

  private _effectiveAt: string | undefined;
  private _note = '';

  private _previewSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const request = this._request(form);
    if (request === null) return;
    const when = formText(form, 'effectiveAt');
    this._effectiveAt = when === '' ? undefined : (zonedInputToIso(when, getStoreTimeZone()) ?? undefined);
    this._note = formText(form, 'note');
    void this.run(async () => {
      this._preview = { request, ...(await previewPrices(this.api, request)) };
      return null;
    });
  };

  private _request(form: HTMLFormElement): PriceRequest | null {
    const kind = formText(form, 'kind');
    const text = formText(form, 'value');
    const negative = text.startsWith('-');
    let adjust: PriceAdjust | null = null;
    if (kind === 'percent') {
      const bp = parsePercentInput(text);
      adjust = bp === null ? null : { kind: 'percent', percentBp: bp };
    } else {
      const minor = parseMoneyInput(negative ? text.slice(1) : text);
      if (minor !== null)
        adjust =
          kind === 'set'
            ? { kind: 'set', priceMinor: minor }
            : { kind: 'amount', amountMinor: negative ? -minor : minor };
    }
    const roundText = formText(form, 'roundTo');
    const roundTo = roundText === '' ? 1 : parseMoneyInput(roundText);
    if (adjust === null || roundTo === null || roundTo < 1) {
      this.notice = {
        text: msg('Type the change as a number, such as -10 or 2.50, and the rounding as an amount.'),
        error: true,
      };
      return null;
    }
    const picked = this._picked;
    const selection =
      picked.length > 0
        ? { productIds: picked }
        : { categoryId: formText(form, 'categoryId'), includeSubcategories: true };
    return { selection, adjust, roundTo };
  }

  private _apply = (): void => {
    const p = this._preview;
    if (p === null) return;
    const effectiveAt = this._effectiveAt;
    void this.run(async () => {
      const change = await createPriceChange(this.api, {
        ...p.request,
        id: uuidv7(),
        note: this._note,
        ...(effectiveAt === undefined ? {} : { effectiveAt }),
      });
      this._preview = null;
      await this._list.load(0);
      return change.status === 'applied'
        ? msg(str`New prices for ${count(change.itemCount)} products are in effect.`)
        : msg(
            str`New prices for ${count(change.itemCount)} products are scheduled for ${dateTime(change.effectiveAt)}.`,
          );
    });
  };

  private async _cancel(c: PriceChange): Promise<void> {
    const sure = await confirmAction(this, {
      heading: msg('Cancel this price change?'),
      text: msg(str`The prices of ${count(c.itemCount)} products stay as they are.`),
      confirmLabel: msg('Cancel change'),
    });
    if (!sure) return;
    await this.run(async () => {
      await cancelPriceChange(this.api, c.id);
      await this._list.reload();
      return msg('The price change is cancelled.');
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'price-changes-page': PriceChangesPage;
  }
}
