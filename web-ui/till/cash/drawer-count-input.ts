import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { storeDenominations, type CountBody, type Denomination } from '../../shared/api/cash-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { currencyExponent } from '../../shared/format/money.js';
import { storeFormat, storeMoney } from '../../shared/format/store-format.js';
import { parseAmount } from '../../shared/format/parse-amount.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { cashStyles } from './cash.styles.js';
import { countBody, countedDenominations } from './denomination-count.js';
import './denomination-counter.js';
import type { DenominationCounter } from './denomination-counter.js';

export type CountMode = 'denominations' | 'amount';

export type CountReading = { ok: true; body: CountBody } | { ok: false; message: string };

/**
 * The money in a drawer, counted by note and coin or typed as one amount (in the store's number format,
 * as money is shown, or else the screen language's). The notes and coins are the hub's for the store
 * currency; a currency it has none for is counted as one amount. The parent asks read() when the
 * cashier submits; Enter in the last field says 'count-done'.
 */
@customElement('drawer-count-input')
@localized()
export class DrawerCountInput extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    cashStyles,
    css`
      :host {
        display: block;
      }
      .modes {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-bottom: 0.75rem;
      }
      .modes .button[aria-pressed='true'] {
        background: var(--accent-soft);
        border-color: var(--accent);
      }
      .preview {
        font-weight: 700;
        min-height: 1.5rem;
      }
    `,
  ];

  @property() currency = 'DKK';
  @property() uiLocale = 'en';
  @property() mode: CountMode = 'denominations';
  /** The amount field's label. */
  @property() amountLabel = '';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _denominations: readonly Denomination[] = [];
  @state() private _amountText = '';
  @query('denomination-counter') private _counter?: DenominationCounter;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._loadDenominations();
  }

  read(): CountReading {
    if (this._mode() === 'denominations') {
      const summary = this._counter?.summary();
      const body = summary ? countBody(summary) : null;
      return body ? { ok: true, body } : { ok: false, message: msg('Type whole pieces, for example 3.') };
    }
    const minor = this._amount();
    return minor === null
      ? { ok: false, message: msg('Enter the amount as the till shows money, for example 500 or 1250.50.') }
      : { ok: true, body: { totalMinor: minor } };
  }

  focusFirst(): void {
    if (this._mode() === 'denominations') this._counter?.focusFirst();
    else this.renderRoot.querySelector<HTMLInputElement>('input[data-amount]')?.focus();
  }

  override render() {
    const mode = this._mode();
    const canCount = this._denominations.length > 0;
    return html`${
      canCount
        ? html`<div class="modes" role="group" aria-label=${msg('How to count')}>
            ${this._modeButton('denominations', msg('By note and coin'))}
            ${this._modeButton('amount', msg('As one amount'))}
          </div>`
        : nothing
    }
    ${
      mode === 'denominations'
        ? html`<denomination-counter
            .denominations=${this._denominations}
            .currency=${this.currency}
            .uiLocale=${this.uiLocale}
          ></denomination-counter>`
        : this._amountField()
    }`;
  }

  private _mode(): CountMode {
    return this._denominations.length > 0 ? this.mode : 'amount';
  }

  private async _loadDenominations(): Promise<void> {
    if (!this._connection) return;
    try {
      this._denominations = countedDenominations(await storeDenominations(this._connection.api));
    } catch {
      // Unreachable or an older hub: the drawer is counted as one amount, which the hub always takes.
    }
  }

  private _amount(): number | null {
    return parseAmount(this._amountText, currencyExponent(this.currency), [
      storeFormat().locale,
      this.uiLocale,
    ]);
  }

  private _modeButton(mode: CountMode, label: string) {
    return html`<button
      class="button"
      type="button"
      aria-pressed=${this._mode() === mode ? 'true' : 'false'}
      @click=${() => {
        this.mode = mode;
        void this.updateComplete.then(() => {
          this.focusFirst();
        });
      }}
    >
      ${label}
    </button>`;
  }

  private _amountField() {
    const minor = this._amount();
    return html`<label class="field">
        <span>${this.amountLabel || msg('Amount')}</span>
        <input
          data-amount
          inputmode="decimal"
          autocomplete="off"
          .value=${this._amountText}
          @input=${(e: Event) => {
            this._amountText = (e.target as HTMLInputElement).value;
          }}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            emit(this, 'count-done', {});
          }}
        />
      </label>
      <p class="preview amount" aria-live="polite" data-amount-preview>
        ${minor === null ? '' : storeMoney(minor, this.currency)}
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'drawer-count-input': DrawerCountInput;
  }
}
