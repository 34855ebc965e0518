import { localized, msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ModalDialog, openModal } from '../../shared/components/modal-dialog.js';
import type { Discount } from '../../shared/api/sales-endpoints.js';
import { currencyExponent, minorToDecimalString } from '../../shared/format/money.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { dialogStyles } from '../../shared/styles/dialog.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { parseMajorAmount } from './amount-input.js';
import { parseDiscount, parseQuantity, percentText, type DiscountKind } from './edit-input.js';
import { MAX_COUPON_LENGTH, MAX_LINE_TEXT, MAX_SALE_NOTE } from './line-edits.js';

/** What to edit, with the values it has now (the dialog starts from them). */
export type EditRequest =
  | { kind: 'quantity'; name: string; quantity: number }
  | { kind: 'line-discount'; name: string; discount: Discount | null; reason: string }
  | { kind: 'price'; name: string; unitPriceMinor: number | null; catalogPriceMinor: number | null }
  | { kind: 'line-note'; name: string; note: string }
  | { kind: 'sale-discount'; discount: Discount | null; reason: string }
  | { kind: 'sale-note'; note: string }
  | { kind: 'coupon'; codes: readonly string[] }
  | { kind: 'void-sale' };

export type EditResult =
  | { kind: 'quantity'; quantity: number }
  | { kind: 'discount'; discount: Discount | null; reason: string }
  | { kind: 'price'; unitPriceMinor: number | null }
  | { kind: 'note'; note: string }
  | { kind: 'coupon-add'; code: string }
  | { kind: 'coupon-remove'; code: string }
  | { kind: 'void-sale'; reason: string };

/**
 * One small form for each cart edit (quantity, discounts, price, notes, coupon codes, voiding the sale), as a modal
 * dialog: Enter applies, Esc cancels and changes nothing. It only reads and checks what was typed; the
 * hub computes every amount and judges every permission once the cart is sent.
 */
@customElement('cart-edit-dialog')
@localized()
export class CartEditDialog extends ModalDialog<EditResult | null> {
  static override styles = [
    baseStyles,
    buttonStyles,
    dialogStyles,
    css`
      form {
        display: grid;
        gap: 0.9rem;
      }
      .field input {
        font-size: 1.2rem;
      }
      .kinds {
        display: flex;
        gap: 0.5rem;
        border: none;
        margin: 0;
        padding: 0;
      }
      .kinds label {
        flex: 1;
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 0.5rem;
        min-height: var(--touch);
        border: 1px solid var(--line-strong);
        border-radius: var(--radius);
        cursor: pointer;
        font-weight: 600;
      }
      .kinds label:has(input:checked) {
        border-color: var(--accent);
        background: var(--accent-soft);
      }
      .actions .danger {
        color: var(--danger);
      }
      .codes {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) request: EditRequest = { kind: 'sale-note', note: '' };
  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  @state() private _kind: DiscountKind = 'percent';
  @state() private _error: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const r = this.request;
    if ((r.kind === 'line-discount' || r.kind === 'sale-discount') && r.discount !== null) {
      this._kind = r.discount.kind;
    }
  }

  override firstUpdated(): void {
    super.firstUpdated();
    const first = this.renderRoot.querySelector<HTMLInputElement>('input[data-first]');
    first?.focus();
    first?.select();
  }

  override render() {
    return html`<dialog
      aria-labelledby="edit-title"
      data-dialog="cart-edit"
      @cancel=${this._onCancel}
      @keydown=${this.keepKeys}
    >
      <h2 id="edit-title">${this._title()}</h2>
      ${'name' in this.request ? html`<p class="hint">${this.request.name}</p>` : nothing}
      <form @submit=${this._onSubmit} novalidate>
        ${this._fields()}
        ${this._error === null ? nothing : html`<p class="error" role="alert">${this._error}</p>`}
        <div class="actions">
          ${this._clearButton()}
          <button class="button" type="button" @click=${this._cancel}>${msg('Cancel')} <kbd>Esc</kbd></button>
          <button class="button primary" type="submit">
            ${this.request.kind === 'void-sale' ? msg('Void sale') : msg('Apply')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private _title(): string {
    switch (this.request.kind) {
      case 'quantity':
        return msg('Quantity');
      case 'line-discount':
        return msg('Line discount');
      case 'price':
        return msg('Change the price');
      case 'line-note':
        return msg('Line note');
      case 'sale-discount':
        return msg('Sale discount');
      case 'sale-note':
        return msg('Sale note');
      case 'coupon':
        return msg('Coupon code');
      case 'void-sale':
        return msg('Void the whole sale?');
    }
  }

  private _fields() {
    const r = this.request;
    switch (r.kind) {
      case 'quantity':
        return this._input('quantity', msg('Quantity'), String(r.quantity), 'numeric');
      case 'line-discount':
      case 'sale-discount':
        return this._discountFields(r.discount, r.reason);
      case 'price':
        return html`${
          r.catalogPriceMinor === null
            ? nothing
            : html`<p class="hint">
                ${msg(str`Catalog price: ${storeMoney(r.catalogPriceMinor, this.currency)}`)}
              </p>`
        }
        ${this._input('price', msg('New unit price'), this._majorText(r.unitPriceMinor), 'decimal')}`;
      case 'line-note':
        return this._input('note', msg('Note'), r.note, 'text', MAX_LINE_TEXT);
      case 'sale-note':
        return this._input('note', msg('Note'), r.note, 'text', MAX_SALE_NOTE);
      case 'coupon':
        return html`${this._couponList(r.codes)}
        ${this._input('code', msg('Code from the coupon'), '', 'text', MAX_COUPON_LENGTH)}`;
      case 'void-sale':
        return html`<p>${msg('Every line of this sale is cancelled. This cannot be undone.')}</p>
          ${this._input('reason', msg('Reason'), '', 'text', MAX_LINE_TEXT)}`;
    }
  }

  private _discountFields(discount: Discount | null, reason: string) {
    const value =
      discount === null
        ? ''
        : discount.kind === 'percent'
          ? percentText(discount.bp)
          : this._majorText(discount.amountMinor);
    return html`<fieldset class="kinds">
        <legend class="visually-hidden">${msg('Discount as')}</legend>
        ${this._kindOption('percent', msg('Percent'))} ${this._kindOption('amount', msg('Amount'))}
      </fieldset>
      ${this._input(
        'value',
        this._kind === 'percent' ? msg('Discount in percent') : msg('Discount amount'),
        value,
        'decimal',
      )}
      ${this._input('reason', msg('Reason'), reason, 'text', MAX_LINE_TEXT, false)}`;
  }

  private _kindOption(kind: DiscountKind, label: string) {
    return html`<label>
      <input
        type="radio"
        name="kind"
        value=${kind}
        .checked=${this._kind === kind}
        @change=${() => {
          this._kind = kind;
          this._error = null;
        }}
      />
      ${label}
    </label>`;
  }

  private _input(
    name: string,
    label: string,
    value: string,
    mode: 'numeric' | 'decimal' | 'text',
    maxLength = 16,
    first = true,
  ) {
    return html`<label class="field">
      <span>${label}</span>
      <input
        name=${name}
        inputmode=${mode}
        autocomplete="off"
        maxlength=${maxLength}
        .value=${value}
        ?data-first=${first}
        @input=${() => {
          this._error = null;
        }}
      />
    </label>`;
  }

  /** "Remove discount" and "Catalog price" undo an edit in one tap. */
  private _clearButton() {
    const r = this.request;
    if ((r.kind === 'line-discount' || r.kind === 'sale-discount') && r.discount !== null) {
      return html`<button
        class="button danger"
        type="button"
        @click=${() => {
          this.finish({ kind: 'discount', discount: null, reason: '' });
        }}
      >
        ${msg('Remove discount')}
      </button>`;
    }
    if (r.kind === 'price') {
      return html`<button
        class="button"
        type="button"
        @click=${() => {
          this.finish({ kind: 'price', unitPriceMinor: null });
        }}
      >
        ${msg('Catalog price')}
      </button>`;
    }
    return nothing;
  }

  /** The codes already on the sale, each a button that takes it off. */
  private _couponList(codes: readonly string[]) {
    if (codes.length === 0) return nothing;
    return html`<ul class="codes" aria-label=${msg('Codes on this sale')}>
      ${codes.map(
        (code) =>
          html`<li>
            <button
              class="button danger"
              type="button"
              data-coupon=${code}
              aria-label=${msg(str`Take off ${code}`)}
              @click=${() => {
                this.finish({ kind: 'coupon-remove', code });
              }}
            >
              ${code} ✕
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private _majorText(minor: number | null): string {
    return minor === null ? '' : minorToDecimalString(minor, currencyExponent(this.currency));
  }

  private _value(name: string): string {
    return this.renderRoot.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value ?? '';
  }

  private _onSubmit = (event: Event): void => {
    event.preventDefault();
    const result = this._read();
    if (result !== null) this.finish(result);
  };

  /** What the form says, or null after putting the reason it does not read on screen. */
  private _read(): EditResult | null {
    const exponent = currencyExponent(this.currency);
    switch (this.request.kind) {
      case 'quantity': {
        const quantity = parseQuantity(this._value('quantity'));
        if (quantity === null) return this._fail(msg('Type a whole number from 1 to 9999.'));
        return { kind: 'quantity', quantity };
      }
      case 'line-discount':
      case 'sale-discount': {
        const discount = parseDiscount(this._kind, this._value('value'), exponent);
        if (discount === null) {
          return this._fail(
            this._kind === 'percent'
              ? msg('Type a percent from 0 to 100, e.g. 10 or 12.5.')
              : msg('Type an amount, e.g. 5 or 5.50.'),
          );
        }
        const reason = this._value('reason').trim();
        const gives = discount.kind === 'percent' ? discount.bp > 0 : discount.amountMinor > 0;
        if (gives && reason === '') return this._fail(msg('Say why: a discount needs a reason.'));
        return { kind: 'discount', discount, reason };
      }
      case 'price': {
        const unitPriceMinor = parseMajorAmount(this._value('price'), exponent);
        if (unitPriceMinor === null) return this._fail(msg('Type a price, e.g. 12 or 12.50.'));
        return { kind: 'price', unitPriceMinor };
      }
      case 'line-note':
      case 'sale-note':
        return { kind: 'note', note: this._value('note').trim() };
      case 'coupon': {
        const code = this._value('code').trim();
        if (code === '') return this._fail(msg('Type the code printed on the coupon.'));
        return { kind: 'coupon-add', code };
      }
      case 'void-sale':
        return { kind: 'void-sale', reason: this._value('reason').trim() };
    }
  }

  private _fail(text: string): null {
    this._error = text;
    this.renderRoot.querySelector<HTMLInputElement>('input[data-first]')?.focus();
    return null;
  }

  private _onCancel = (event: Event): void => {
    event.preventDefault();
    this._cancel();
  };

  private _cancel = (): void => {
    this.finish(null);
  };
}

/** Opens the edit dialog over `host` and resolves with the edit, or null when the cashier cancelled. */
export function openCartEdit(
  host: Element,
  request: EditRequest,
  money: { currency: string; uiLocale: string },
): Promise<EditResult | null> {
  const dialog = document.createElement('cart-edit-dialog');
  dialog.request = request;
  dialog.currency = money.currency;
  dialog.uiLocale = money.uiLocale;
  return openModal(host, dialog);
}

declare global {
  interface HTMLElementTagNameMap {
    'cart-edit-dialog': CartEditDialog;
  }
}
