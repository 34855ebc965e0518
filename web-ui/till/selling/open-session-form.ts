import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { openCashSession } from '../../shared/api/sales-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { currencyExponent } from '../../shared/format/money.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';
import { parseMajorAmount } from './amount-input.js';
import { noticeStyles } from './selling-panel.styles.js';

/**
 * Opening the till's cash session: the cashier counts the float into the drawer and enters it. Says
 * 'cash-session-opened' when the hub has opened it, and 'till-notice' when it could not.
 */
@customElement('open-session-form')
@localized()
export class OpenSessionForm extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    noticeStyles,
    css`
      :host {
        display: block;
      }
      input {
        width: 100%;
        font-size: 1.15rem;
      }
      .session {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
    `,
  ];

  @property() currency = 'DKK';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _floatText = '';

  override render() {
    return html`<div class="notice" role="status">
      <p>${msg('No cash session is open at this till. Count the float into the drawer and open one.')}</p>
      <form class="session" @submit=${this._onOpenSession}>
        <label class="field">
          <span>${msg('Float in the drawer')}</span>
          <input
            inputmode="decimal"
            .value=${this._floatText}
            @input=${(e: Event) => {
              this._floatText = (e.target as HTMLInputElement).value;
            }}
          />
        </label>
        <button class="button primary" type="submit">${msg('Open cash session')}</button>
      </form>
    </div>`;
  }

  private _onOpenSession = async (event: Event): Promise<void> => {
    event.preventDefault();
    const minor = parseMajorAmount(this._floatText, currencyExponent(this.currency));
    if (minor === null) {
      emit(this, 'till-notice', {
        text: msg('Enter the float as an amount, for example 500 or 500.00.'),
        danger: true,
      });
      return;
    }
    try {
      if (!this._connection) throw new Error('open-session-form needs the hub connection context');
      await openCashSession(this._connection.api, uuidv7(), minor);
      emit(this, 'cash-session-opened', {});
    } catch (error) {
      emit(this, 'till-notice', { text: errorText(error), danger: true });
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'open-session-form': OpenSessionForm;
  }
}
