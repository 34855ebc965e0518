import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Tender } from '../../../shared/api/sales-endpoints.js';
import {
  cardBlock,
  cardTender,
  CARD_KEY,
  cashTender,
  EXACT_CASH_KEY,
  needsReference,
  otherTenders,
  OTHER_TENDER_KEYS,
  QUICK_CASH_KEYS,
  type PayAction,
} from './pay-flow.js';
import { cardBlockText } from './payment-text.js';

export interface TenderPanelOptions {
  tenders: readonly Tender[];
  online: boolean;
  dueMinor: number;
  /** The hub's quick-tender amounts for the rest on screen (none without its quote). */
  quickAmounts: readonly number[];
  amountText: string;
  referenceText: string;
  money: (minor: number) => string;
  onAmountInput: (text: string) => void;
  onReferenceInput: (text: string) => void;
  act: (action: PayAction) => void;
}

/**
 * The tenders the cashier can take the rest (or part of it) with: the amount field (and a voucher's
 * number when a tender needs one), cash exact or by the hub's quick amounts, card (disabled with the
 * reason when it may not start), and the store's other tenders, each with its F-key.
 */
export function renderTenderPanel(o: TenderPanelOptions) {
  const others = otherTenders(o.tenders).slice(0, OTHER_TENDER_KEYS.length);
  return html`${renderInputs(o, others.some(needsReference))} ${renderCash(o)} ${renderCard(o)}
  ${renderOthers(o, others)}`;
}

function renderInputs(o: TenderPanelOptions, withReference: boolean) {
  return html`<div class="inputs">
    <label class="field">
      <span>${msg('Amount (empty: all that is left)')}</span>
      <input
        inputmode="decimal"
        autocomplete="off"
        .value=${o.amountText}
        @input=${(e: Event) => {
          o.onAmountInput((e.target as HTMLInputElement).value);
        }}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            o.act({ kind: 'exact-cash' });
          }
        }}
      />
    </label>
    ${
      withReference
        ? html`<label class="field">
            <span>${msg('Voucher, credit or gift card number')}</span>
            <input
              autocomplete="off"
              .value=${o.referenceText}
              @input=${(e: Event) => {
                o.onReferenceInput((e.target as HTMLInputElement).value);
              }}
            />
          </label>`
        : nothing
    }
  </div>`;
}

function renderCash(o: TenderPanelOptions) {
  if (!cashTender(o.tenders)) return nothing;
  const typed = o.amountText.trim() !== '';
  return html`<h3>${msg('Cash')}</h3>
    <div class="tenders" role="group" aria-label=${msg('Cash handed over')}>
      <button
        class="button"
        type="button"
        aria-keyshortcuts=${EXACT_CASH_KEY}
        @click=${() => {
          o.act({ kind: 'exact-cash' });
        }}
      >
        ${typed ? msg('Cash') : msg('Exact')} <kbd>${EXACT_CASH_KEY}</kbd>
      </button>
      ${o.quickAmounts.map(
        (amount, i) =>
          html`<button
            class="button"
            type="button"
            aria-keyshortcuts=${QUICK_CASH_KEYS[i] ?? ''}
            @click=${() => {
              o.act({ kind: 'quick-cash', index: i });
            }}
          >
            ${o.money(amount)} <kbd>${QUICK_CASH_KEYS[i]}</kbd>
          </button>`,
      )}
    </div>`;
}

function renderCard(o: TenderPanelOptions) {
  if (!cardTender(o.tenders)) return nothing;
  const block = cardBlock({ online: o.online, cardTender: true, dueMinor: o.dueMinor, busy: false });
  return html`<h3>${msg('Card')}</h3>
    <div class="tenders">
      <button
        class="button"
        type="button"
        data-tender="card"
        ?disabled=${block !== null}
        aria-describedby=${block === null ? nothing : 'card-block'}
        aria-keyshortcuts=${CARD_KEY}
        @click=${() => {
          o.act({ kind: 'card' });
        }}
      >
        ${msg('Card')} <kbd>${CARD_KEY}</kbd>
      </button>
    </div>
    ${block === null ? nothing : html`<p class="hint" id="card-block" data-card-block>${cardBlockText(block)}</p>`}`;
}

function renderOthers(o: TenderPanelOptions, others: readonly Tender[]) {
  if (others.length === 0) return nothing;
  return html`<h3>${msg('Other tenders')}</h3>
    <div class="tenders" role="group" aria-label=${msg('Other tenders')}>
      ${others.map(
        (tender, i) =>
          html`<button
            class="button"
            type="button"
            aria-keyshortcuts=${OTHER_TENDER_KEYS[i] ?? ''}
            @click=${() => {
              o.act({ kind: 'other', index: i });
            }}
          >
            ${tender.name} <kbd>${OTHER_TENDER_KEYS[i]}</kbd>
          </button>`,
      )}
    </div>`;
}
