import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Denomination } from '../../shared/api/cash-endpoints.js';
import { emit } from '../../shared/events.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { cashStyles } from './cash.styles.js';
import {
  parsePieces,
  rowAmount,
  summarizeCount,
  withPieces,
  type CountSummary,
} from './denomination-count.js';

function kindText(d: Denomination): string {
  if (d.alsoIssuedAs !== null) return msg('note or coin');
  return d.kind === 'note' ? msg('note') : msg('coin');
}

/**
 * A drawer counted by note and coin: one row per denomination, pieces typed in, the row's value and the
 * total shown as they type. Enter moves to the next row; on the last row it says 'count-done'.
 */
@customElement('denomination-counter')
@localized()
export class DenominationCounter extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    cashStyles,
    css`
      :host {
        display: block;
        max-width: 34rem;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(4.5rem, 6.5rem) minmax(5.5rem, auto);
        gap: 0.35rem 0.75rem;
        align-items: center;
      }
      .value {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        min-width: 0;
      }
      /* Under the value, so a narrow phone row never runs into the input. */
      .kind {
        display: block;
        color: var(--ink-muted);
        font-size: 0.8rem;
        font-weight: 400;
      }
      input {
        min-height: var(--touch);
        width: 100%;
        padding: 0 0.6rem;
        border: 1px solid var(--line-strong);
        border-radius: var(--radius);
        text-align: end;
        font-size: 1.1rem;
        font-variant-numeric: tabular-nums;
      }
      input[aria-invalid='true'] {
        border-color: var(--danger);
        outline: 2px solid var(--danger);
      }
      .total {
        margin-top: 0.75rem;
        display: flex;
        justify-content: space-between;
        font-size: 1.2rem;
        font-weight: 800;
        border-top: 2px solid var(--line);
        padding-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) denominations: readonly Denomination[] = [];
  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  @state() private _texts: ReadonlyMap<number, string> = new Map();

  /** The count as typed so far. */
  summary(): CountSummary {
    return summarizeCount(this.denominations, this._texts);
  }

  focusFirst(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  override render() {
    const money = (minor: number) => storeMoney(minor, this.currency);
    const summary = this.summary();
    return html`<div class="grid" role="group" aria-label=${msg('Count by note and coin')}>
        ${this.denominations.map((d, index) => {
          const text = this._texts.get(d.valueMinor) ?? '';
          const bad = parsePieces(text) === null;
          const label = money(d.valueMinor);
          return html`<span class="value" id="d-${d.valueMinor}"
              >${label}<span class="kind">${kindText(d)}</span></span
            >
            <input
              inputmode="numeric"
              autocomplete="off"
              data-denomination=${d.valueMinor}
              aria-label=${msg(str`Pieces of ${label}`)}
              aria-invalid=${bad ? 'true' : 'false'}
              .value=${text}
              @input=${(e: Event) => {
                this._texts = withPieces(this._texts, d.valueMinor, (e.target as HTMLInputElement).value);
              }}
              @keydown=${(e: KeyboardEvent) => {
                this._onKey(e, index);
              }}
            />
            <span class="amount">${money(rowAmount(d.valueMinor, text))}</span>`;
        })}
      </div>
      <p class="total" aria-live="polite">
        <span>${msg('Counted')}</span>
        <span class="amount" data-counted>${money(summary.totalMinor)}</span>
      </p>
      ${
        summary.invalid.length > 0
          ? html`<p class="error" role="alert">${msg('Type whole pieces, for example 3.')}</p>`
          : ''
      }`;
  }

  private _onKey(event: KeyboardEvent, index: number): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const inputs = [...this.renderRoot.querySelectorAll('input')];
    const next = inputs[index + 1];
    if (next) next.focus();
    else emit(this, 'count-done', {});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'denomination-counter': DenominationCounter;
  }
}
