import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { openDrawer, recordMovement, type DrawerKick } from '../../shared/api/cash-endpoints.js';
import { isUnreachable } from '../../shared/api/errors.js';
import type { OverrideInput } from '../../shared/api/sales-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { currencyExponent } from '../../shared/format/money.js';
import { storeFormat, storeMoney } from '../../shared/format/store-format.js';
import { parseAmount } from '../../shared/format/parse-amount.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { withOverride } from '../override/request-override.js';
import { cashRefusalText } from './cash-refusal-text.js';
import { cashStyles } from './cash.styles.js';

export type DrawerAction = 'pay_in' | 'pay_out' | 'no_sale';

/** The longest reason the hub keeps (it is printed and journalled). */
const MAX_REASON = 200;

function kickText(kick: DrawerKick): string {
  switch (kick) {
    case 'kicked':
    case 'repeated':
      return msg('The drawer is open. The no-sale is recorded.');
    case 'no_printer':
      return msg('The no-sale is recorded, but this till has no drawer connected. Open it by hand.');
    case 'failed':
      return msg('The no-sale is recorded, but the drawer did not open. Check the printer and drawer.');
  }
}

/**
 * Money into or out of the drawer outside a sale (pay-in, pay-out), or the drawer opened for no sale,
 * each with its reason. The hub records it, checks the permission (a pay-out or no-sale needs
 * drawer.open: a supervisor approves in the override dialog) and opens the drawer. Says 'cash-recorded' when done and 'till-notice' with the outcome.
 */
@customElement('cash-movement-form')
@localized()
export class CashMovementForm extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    cashStyles,
    css`
      form {
        display: grid;
        gap: 0.75rem;
        max-width: 32rem;
      }
      .preview {
        font-weight: 700;
        min-height: 1.5rem;
        margin: 0;
      }
    `,
  ];

  @property() action: DrawerAction = 'pay_in';
  @property() sessionId = '';
  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _amountText = '';
  @state() private _reason = '';
  @state() private _busy = false;

  /** One id per movement being recorded, kept across a retry after a lost answer. */
  private _movementId = uuidv7();

  focusFirst(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  override render() {
    const minor = this._amount();
    const money = minor === null ? '' : storeMoney(minor, this.currency);
    return html`<form @submit=${this._onSubmit}>
      <h2>${this._title()}</h2>
      ${
        this.action === 'no_sale'
          ? nothing
          : html`<label class="field">
                <span>${msg('Amount')}</span>
                <input
                  data-amount
                  inputmode="decimal"
                  autocomplete="off"
                  .value=${this._amountText}
                  @input=${(e: Event) => {
                    this._amountText = (e.target as HTMLInputElement).value;
                  }}
                />
              </label>
              <p class="preview amount" aria-live="polite">${money}</p>`
      }
      <label class="field">
        <span>${msg('Reason')}</span>
        <input
          maxlength=${MAX_REASON}
          autocomplete="off"
          .value=${this._reason}
          @input=${(e: Event) => {
            this._reason = (e.target as HTMLInputElement).value;
          }}
        />
      </label>
      <div class="row">
        <button class="button primary" type="submit" ?disabled=${this._busy}>
          ${this._submitText(money)}
        </button>
      </div>
    </form>`;
  }

  private _title(): string {
    switch (this.action) {
      case 'pay_in':
        return msg('Pay in');
      case 'pay_out':
        return msg('Pay out');
      case 'no_sale':
        return msg('No sale: open the drawer');
    }
  }

  private _submitText(money: string): string {
    switch (this.action) {
      case 'pay_in':
        return money ? msg(str`Put ${money} in the drawer`) : msg('Record pay-in');
      case 'pay_out':
        return money ? msg(str`Take ${money} out of the drawer`) : msg('Record pay-out');
      case 'no_sale':
        return msg('Open the drawer');
    }
  }

  private _amount(): number | null {
    return parseAmount(this._amountText, currencyExponent(this.currency), [
      storeFormat().locale,
      this.uiLocale,
    ]);
  }

  private _onSubmit = (event: Event): void => {
    event.preventDefault();
    void this._submit();
  };

  /** Sends the movement; a refusal for a missing permission asks a supervisor and sends it again. */
  private async _submit(): Promise<void> {
    if (this._busy) return;
    const reason = this._reason.trim();
    const amount = this._amount() ?? 0;
    if (this.action !== 'no_sale' && amount <= 0) {
      emit(this, 'till-notice', {
        text: msg('Enter the amount as the till shows money, for example 500 or 1250.50.'),
        danger: true,
      });
      return;
    }
    if (reason === '') {
      emit(this, 'till-notice', { text: msg('Say why, in a few words.'), danger: true });
      return;
    }
    this._busy = true;
    try {
      const result = await withOverride(this, (override) => this._send(reason, amount, override));
      if (result.status === 'cancelled') {
        emit(this, 'till-notice', { text: msg('Not approved: nothing changed.'), danger: false });
        return;
      }
      this._movementId = uuidv7();
      this._amountText = '';
      this._reason = '';
      emit(this, 'till-notice', { text: result.value, danger: false });
      emit(this, 'cash-recorded', {});
    } catch (error) {
      if (!isUnreachable(error)) this._movementId = uuidv7();
      emit(this, 'till-notice', { text: cashRefusalText(error), danger: true });
    } finally {
      this._busy = false;
    }
  }

  /** One attempt at the hub; answers what to tell the cashier. */
  private async _send(reason: string, amount: number, override: OverrideInput | null): Promise<string> {
    const connection = this._connection;
    const till = connection?.till;
    if (!connection || !till) throw new Error('cash-movement-form needs a paired till');
    if (this.action === 'no_sale') {
      return kickText(
        await openDrawer(connection.api, till.tillId, { id: this._movementId, reason }, override),
      );
    }
    const kind = this.action;
    await recordMovement(
      connection.api,
      this.sessionId,
      { id: this._movementId, kind, amountMinor: amount, reason },
      override,
    );
    const shown = storeMoney(amount, this.currency);
    return kind === 'pay_in'
      ? msg(str`Pay-in of ${shown} recorded.`)
      : msg(str`Pay-out of ${shown} recorded.`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cash-movement-form': CashMovementForm;
  }
}
