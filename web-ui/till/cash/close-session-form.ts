import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { closeSession } from '../../shared/api/cash-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { withOverride } from '../override/request-override.js';
import { cashRefusalText } from './cash-refusal-text.js';
import { cashStyles } from './cash.styles.js';
import './drawer-count-input.js';
import type { DrawerCountInput } from './drawer-count-input.js';

/**
 * Closing the session: the cashier counts the drawer by note and coin (blind: the expected figure is the
 * hub's and shows on the Z report, not while counting); the hub compares, numbers the Z report, prints it
 * and says 'cash-session-closed'. Closing needs cash.close_session (or a supervisor's approval).
 */
@customElement('close-session-form')
@localized()
export class CloseSessionForm extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    cashStyles,
    css`
      form {
        display: grid;
        gap: 0.75rem;
        max-width: 36rem;
      }
    `,
  ];

  @property() sessionId = '';
  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _busy = false;
  @query('drawer-count-input') private _count?: DrawerCountInput;

  focusFirst(): void {
    this._count?.focusFirst();
  }

  override render() {
    return html`<form @submit=${this._onSubmit} @count-done=${this._onSubmit}>
      <h2>${msg('Close the session')}</h2>
      <p class="hint">
        ${msg('Count everything in the drawer. The hub compares it with what should be there.')}
      </p>
      <drawer-count-input
        .currency=${this.currency}
        .uiLocale=${this.uiLocale}
        mode="denominations"
        .amountLabel=${msg('Counted in the drawer')}
      ></drawer-count-input>
      <div class="row">
        <button class="button primary" type="submit" ?disabled=${this._busy}>
          ${msg('Close and print the Z report')}
        </button>
      </div>
    </form>`;
  }

  private _onSubmit = (event: Event): void => {
    event.preventDefault();
    void this._submit();
  };

  /** A cashier who may not close alone gets a supervisor's approval in the override dialog. */
  private async _submit(): Promise<void> {
    const reading = this._count?.read();
    const connection = this._connection;
    if (!reading || this._busy || !connection) return;
    if (!reading.ok) {
      emit(this, 'till-notice', { text: reading.message, danger: true });
      return;
    }
    this._busy = true;
    try {
      const result = await withOverride(this, (override) =>
        closeSession(connection.api, this.sessionId, reading.body, override),
      );
      if (result.status === 'cancelled') {
        emit(this, 'till-notice', { text: msg('Not approved: nothing changed.'), danger: false });
        return;
      }
      emit(this, 'cash-session-closed', { report: result.value });
    } catch (error) {
      emit(this, 'till-notice', { text: cashRefusalText(error), danger: true });
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'close-session-form': CloseSessionForm;
  }
}
