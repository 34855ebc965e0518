import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { openSession } from '../../shared/api/cash-endpoints.js';
import { HubApiError, isUnreachable } from '../../shared/api/errors.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { noticeStyles } from '../selling/selling-panel.styles.js';
import { cashRefusalText } from './cash-refusal-text.js';
import './drawer-count-input.js';
import type { CountMode, DrawerCountInput } from './drawer-count-input.js';

/**
 * Opening the till's cash session: the cashier counts the float into the drawer, by note and coin or as
 * one amount. Says 'cash-session-opened' when the hub has opened it, and 'till-notice' when it could not.
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
      form {
        display: grid;
        gap: 0.75rem;
      }
      .submit {
        justify-self: start;
      }
    `,
  ];

  @property() currency = 'DKK';
  @property() uiLocale = 'en';
  /** How the float is counted at first; the cashier can switch. */
  @property() countMode: CountMode = 'amount';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _busy = false;
  @query('drawer-count-input') private _count?: DrawerCountInput;

  /** One id per float being opened: a retry after a lost answer opens the same session, not a second. */
  private _sessionId = uuidv7();

  override render() {
    return html`<div class="notice" role="status">
      <p>${msg('No cash session is open at this till. Count the float into the drawer and open one.')}</p>
      <form @submit=${this._onSubmit} @count-done=${this._onSubmit}>
        <drawer-count-input
          .currency=${this.currency}
          .uiLocale=${this.uiLocale}
          .mode=${this.countMode}
          .amountLabel=${msg('Float in the drawer')}
        ></drawer-count-input>
        <button class="button primary submit" type="submit" ?disabled=${this._busy}>
          ${msg('Open cash session')}
        </button>
      </form>
    </div>`;
  }

  private _onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const reading = this._count?.read();
    if (!reading || this._busy) return;
    if (!reading.ok) {
      emit(this, 'till-notice', { text: reading.message, danger: true });
      return;
    }
    this._busy = true;
    try {
      if (!this._connection) throw new Error('open-session-form needs the hub connection context');
      await openSession(this._connection.api, this._sessionId, reading.body);
      this._sessionId = uuidv7();
      emit(this, 'cash-session-opened', {});
    } catch (error) {
      // Another screen or till window opened it meanwhile: the drawer has its session, carry on.
      if (error instanceof HubApiError && error.code === 'SESSION_OPEN') {
        emit(this, 'cash-session-opened', {});
        return;
      }
      // The hub answered: nothing was stored under this id. Unreachable: keep it, the retry is the same.
      if (!isUnreachable(error)) this._sessionId = uuidv7();
      emit(this, 'till-notice', { text: cashRefusalText(error), danger: true });
    } finally {
      this._busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'open-session-form': OpenSessionForm;
  }
}
