import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { SaleView, Tender } from '../../shared/api/sales-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { dialogStyles } from '../../shared/styles/dialog.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import type { CompletionQueue } from '../offline/completion-queue.js';
import { completionQueueContext } from '../offline/context.js';
import { renderRunning } from './pay/card-status.js';
import type { CashQuotes } from './pay/cash-quotes.js';
import { renderCompleting, renderDone, renderQueued } from './pay/completion-views.js';
import { PayActions } from './pay/pay-actions.js';
import { payDialogStyles } from './pay/pay-dialog.styles.js';
import { renderPayFigures } from './pay/pay-figures.js';
import { PaySession } from './pay/pay-session.js';
import { renderTakenPayments } from './pay/taken-payments.js';
import { renderTenderPanel } from './pay/tender-panel.js';

/**
 * Paying a sale, in as many parts as the customer likes: cash (exact, the hub's quick-tender amounts, or
 * a typed amount handed over), card on the till's terminal with its live progress and Cancel, and the
 * other tenders the store enables. Every figure is the hub's: the rest due, the cash rounding, the change.
 * A card payment never starts while the hub is unreachable; an unknown outcome is asked again, never
 * assumed. When the hub says nothing is left, it is asked to complete the sale, and only its answer
 * shows the sale as completed. F-keys for every tender, Esc to cancel or go back.
 *
 * The dialog renders and keeps the focus; the hub's side is PaySession's (pay/pay-session.ts), the
 * tender actions and their keys PayActions' (pay/pay-actions.ts).
 */
@customElement('pay-dialog')
@localized()
export class PayDialog extends LitElement {
  static override styles = [baseStyles, buttonStyles, dialogStyles, payDialogStyles];

  @property({ attribute: false }) sale!: SaleView;
  @property({ attribute: false }) tenders: readonly Tender[] = [];
  @property() currency = 'DKK';
  @property() uiLocale = 'en';
  /** The cash quotes fetched while the cart rested (quick tenders even if the hub stops answering). */
  @property({ attribute: false }) quotes: CashQuotes | null = null;
  /** Till events from the hub's broker ('payment': a CardProgress). */
  @property({ attribute: false }) tillEvents: EventTarget | null = null;

  @consume({ context: hubConnectionContext, subscribe: true })
  private _connection?: HubConnection;

  @consume({ context: completionQueueContext })
  private _completions?: CompletionQueue | null;

  @state() private _amountText = '';
  @state() private _referenceText = '';

  @query('dialog') private _dialog?: HTMLDialogElement;

  private _session = new PaySession(this, {
    sale: () => this.sale,
    quotes: () => this.quotes,
    tillEvents: () => this.tillEvents,
    connection: () => this._connection,
    completions: () => this._completions,
    money: (minor) => this._money(minor),
    paymentSettled: () => {
      this._amountText = '';
    },
  });

  private _actions = new PayActions(this, {
    session: this._session,
    tenders: () => this.tenders,
    currency: () => this.currency,
    amountText: () => this._amountText,
    referenceText: () => this._referenceText,
  });

  override firstUpdated(): void {
    this._dialog?.showModal();
  }

  override updated(): void {
    const session = this._session;
    const { phase, run, current } = session.state;
    if (session.changed('phase') && (phase === 'done' || phase === 'queued')) {
      this.renderRoot.querySelector<HTMLButtonElement>('.new-sale')?.focus();
      // Queued offline, the hub has not completed it yet: the display keeps showing the payment.
      if (phase === 'done' && current) emit(this, 'sale-progress', { sale: current });
    } else if (session.changed('run') && phase === 'pay') {
      // Keep the keyboard in the dialog: Cancel while a card runs, the amount when it is done.
      const target = run.kind === 'running' ? '.card-status button' : 'input';
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    }
    if (session.changed('current') && current && phase === 'pay') {
      // The customer display follows payments as they are recorded.
      emit(this, 'sale-progress', { sale: current });
    }
  }

  override render() {
    const { phase, queuedChangeMinor } = this._session.state;
    const money = (minor: number) => this._money(minor);
    return html`<dialog aria-labelledby="pay-title" @cancel=${this._onEscape}>
      ${
        phase === 'done'
          ? renderDone(this._session.sale, money, this._newSale)
          : phase === 'queued'
            ? renderQueued(queuedChangeMinor, money, this._newSale)
            : this._renderPay()
      }
    </dialog>`;
  }

  private _renderPay() {
    const session = this._session;
    const { phase, run, error, info, quote, online } = session.state;
    const sale = session.sale;
    const running = run.kind === 'running' ? run : null;
    const money = (minor: number) => this._money(minor);
    return html`<h2 id="pay-title">${msg('Payment')}</h2>
      ${renderPayFigures(sale.totals, quote, money)}
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
      ${info ? html`<p class="info" role="status">${info}</p>` : nothing}
      ${
        phase === 'completing'
          ? renderCompleting(error !== null, () => void session.complete())
          : running
            ? renderRunning(running, () => {
                session.cancelCard();
              })
            : renderTenderPanel({
                tenders: this.tenders,
                online,
                dueMinor: sale.totals.dueMinor,
                quickAmounts: session.quickAmounts(),
                amountText: this._amountText,
                referenceText: this._referenceText,
                money,
                onAmountInput: (text) => (this._amountText = text),
                onReferenceInput: (text) => (this._referenceText = text),
                act: (action) => {
                  this._actions.act(action);
                },
              })
      }
      ${renderTakenPayments({
        payments: sale.payments,
        tenders: this.tenders,
        money,
        busy: running !== null || phase === 'completing',
        onHandBack: (p) => void session.handBack(p),
      })}
      <div class="actions">
        <button
          class="button"
          type="button"
          ?disabled=${running !== null && !running.asking}
          aria-keyshortcuts="Escape"
          @click=${this._close}
        >
          ${msg('Back to the cart')} ${running ? nothing : html`<kbd>Esc</kbd>`}
        </button>
      </div>`;
  }

  private _money(minor: number): string {
    return storeMoney(minor, this.currency);
  }

  private _onEscape = (event: Event): void => {
    event.preventDefault();
    const { phase, run } = this._session.state;
    if (phase === 'done' || phase === 'queued') {
      this._newSale();
      return;
    }
    if (run.kind === 'running') {
      if (run.card) this._session.cancelCard();
      return;
    }
    if (phase === 'pay') this._close();
  };

  private _close = (): void => {
    this._session.stop();
    this._dialog?.close();
    emit(this, 'pay-closed', { sale: this._session.state.current });
  };

  private _newSale = (): void => {
    this._dialog?.close();
    emit(this, 'sale-finished', { saleId: this.sale.id });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-dialog': PayDialog;
  }
}
