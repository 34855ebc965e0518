import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RefundChoice, ReturnQuote } from '../../shared/api/returns-endpoints.js';
import type { Tender } from '../../shared/api/sales-endpoints.js';
import { emit } from '../../shared/events.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { noticeStyles, panelStyles, pendingStyles } from '../selling/selling-panel.styles.js';
import { RETURN_REASONS, reasonByKey } from './return-reasons.js';
import { hasChoice, missingPermissions, type ReturnSelection } from './return-selection.js';
import { permissionText } from '../override/permission-text.js';
import { tenderLabel } from './return-text.js';
import { returnsStyles } from './returns-screen.styles.js';

const OTHER = 'other';

/**
 * The money side of a return: why, where the refund goes, the hub's figures for it, who must approve,
 * and Complete. Nothing here is computed by the till: the figures are the hub's quote.
 */
@customElement('refund-panel')
@localized()
export class RefundPanel extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    panelStyles,
    noticeStyles,
    pendingStyles,
    returnsStyles,
  ];

  @property({ attribute: false }) selection: ReturnSelection | null = null;
  @property({ attribute: false }) quote: ReturnQuote | null = null;
  @property({ type: Boolean }) quoting = false;
  @property({ type: Boolean }) busy = false;
  @property({ attribute: false }) tenders: readonly Tender[] = [];
  @property({ attribute: false }) permissions: readonly string[] = [];
  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  @state() private _reasonKey = '';

  override render() {
    const s = this.selection;
    if (!s) return nothing;
    return html`<section aria-labelledby="refund-title">
      <h2 id="refund-title">${msg('Refund')}</h2>
      ${this._renderReason()} ${this._renderTenders(s.refund)} ${this._renderFigures(s)}
      <button
        class="button primary complete"
        type="button"
        aria-keyshortcuts="F12"
        ?disabled=${!this._ready(s)}
        @click=${() => emit(this, 'return-complete', {})}
      >
        ${msg('Complete return')}
      </button>
    </section>`;
  }

  private _ready(s: ReturnSelection): boolean {
    return !this.busy && !this.quoting && this.quote !== null && hasChoice(s) && s.reason.trim() !== '';
  }

  private _renderReason() {
    return html`<div class="field">
        <label for="reason">${msg('Reason')}</label>
        <select id="reason" .value=${this._reasonKey} @change=${this._onReason}>
          <option value="" disabled>${msg('Choose a reason')}</option>
          ${RETURN_REASONS.map((r) => html`<option value=${r.key}>${r.label()}</option>`)}
          <option value=${OTHER}>${msg('Other…')}</option>
        </select>
      </div>
      ${
        this._reasonKey === OTHER
          ? html`<div class="field">
              <label for="reason-text">${msg('Reason in your words')}</label>
              <input
                id="reason-text"
                maxlength="200"
                autocomplete="off"
                @input=${(e: Event) =>
                  emit(this, 'return-reason', {
                    reason: (e.target as HTMLInputElement).value,
                    restock: null,
                  })}
              />
            </div>`
          : nothing
      }`;
  }

  private _renderTenders(current: RefundChoice) {
    const options: { choice: RefundChoice; label: string; id: string }[] = [
      { choice: { kind: 'original' }, label: msg('As it was paid'), id: 'original' },
      ...this.tenders
        .filter((t) => t.kind === 'cash' || t.kind === 'store_credit')
        .map((t) => ({
          choice: { kind: 'tender', tenderId: t.id } as const,
          label: t.kind === 'store_credit' ? msg('Store credit (exchange)') : tenderLabel(t.kind, t.name),
          id: t.id,
        })),
    ];
    const isCurrent = (c: RefundChoice) =>
      c.kind === current.kind &&
      (c.kind === 'original' || (current.kind === 'tender' && c.tenderId === current.tenderId));
    const credit = this.tenders.find((t) => t.kind === 'store_credit');
    const exchange = current.kind === 'tender' && credit !== undefined && current.tenderId === credit.id;
    return html`<fieldset class="tenders">
        <legend>${msg('Refund to')}</legend>
        ${options.map(
          (o) =>
            html`<label class="choice">
              <input
                type="radio"
                name="refund"
                .checked=${isCurrent(o.choice)}
                @change=${() => emit(this, 'refund-pick', { choice: o.choice })}
              />
              ${o.label}
            </label>`,
        )}
      </fieldset>
      ${
        exchange
          ? html`<p class="explain" data-exchange>
              ${msg(
                'Exchange: the refund goes on a store-credit code printed on the return receipt. Then ring up the new items under Sell and pay with store credit and that code; whatever is not used stays on the code.',
              )}
            </p>`
          : nothing
      }`;
  }

  private _renderFigures(s: ReturnSelection) {
    const q = this.quote;
    if (!hasChoice(s)) return html`<p class="hint">${msg('Pick what comes back.')}</p>`;
    if (q === null) {
      return html`<p class="pending" role="status">${this.quoting ? msg('Asking the hub…') : ''}</p>`;
    }
    const money = (m: number) => storeMoney(m, this.currency);
    const missing = missingPermissions(q, this.permissions);
    return html`<dl
        class="figures ${this.quoting ? 'stale' : ''}"
        aria-busy=${this.quoting ? 'true' : 'false'}
      >
        <dt>${msg('Goods returned')}</dt>
        <dd>${money(q.totalMinor)}</dd>
        <dt>${msg('of which tax')}</dt>
        <dd>${money(q.taxMinor)}</dd>
        ${
          q.roundingMinor === 0
            ? nothing
            : html`<dt>${msg('Cash rounding')}</dt>
                <dd>${money(q.roundingMinor)}</dd>`
        }
        ${q.refunds.map(
          (r) =>
            html`<dt>${tenderLabel(r.tenderKind, this._tenderName(r.tenderId))}</dt>
              <dd>${money(r.amountMinor)}</dd>`,
        )}
        <dt class="total">${msg('To refund')}</dt>
        <dd class="total" data-refund>${money(q.refundMinor)}</dd>
      </dl>
      ${
        missing.length === 0
          ? nothing
          : html`<p class="notice" data-needs>
              ${msg(str`A supervisor must approve: ${missing.map(permissionText).join(', ')}.`)}
            </p>`
      }`;
  }

  private _tenderName(id: string): string {
    return this.tenders.find((t) => t.id === id)?.name ?? '';
  }

  private _onReason = (event: Event): void => {
    const key = (event.target as HTMLSelectElement).value;
    this._reasonKey = key;
    const reason = reasonByKey(key);
    emit(
      this,
      'return-reason',
      reason ? { reason: reason.key, restock: reason.restock } : { reason: '', restock: null },
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'refund-panel': RefundPanel;
  }
}
