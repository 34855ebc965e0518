import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CountFigure, ReportFigures, ZReport } from '../../shared/api/cash-endpoints.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { formatDateTime, formatInteger } from '../../shared/format/numbers.js';
import { baseStyles } from '../../shared/styles/theme.js';
import { cashStyles } from './cash.styles.js';

/**
 * An X report (the session's figures so far) or a Z report (frozen at close, with the count and the
 * difference), exactly as the hub computed them.
 */
@customElement('cash-report-view')
@localized()
export class CashReportView extends LitElement {
  static override styles = [
    baseStyles,
    cashStyles,
    css`
      :host {
        display: block;
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
        gap: 0 1.5rem;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.3rem 1rem;
        margin: 0;
      }
      dt {
        color: var(--ink-muted);
      }
      dd {
        margin: 0;
      }
      .strong {
        font-weight: 800;
        color: var(--ink);
      }
      .outcome {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
        gap: 0.5rem;
        margin: 0 0 1rem;
      }
      .outcome div {
        border: 1px solid var(--line);
        border-radius: var(--radius);
        padding: 0.5rem 0.75rem;
        background: var(--surface-muted);
      }
      .outcome .label {
        display: block;
        color: var(--ink-muted);
        font-size: 0.9rem;
      }
      .outcome .amount {
        display: block;
        text-align: start;
        font-size: 1.5rem;
        font-weight: 800;
      }
      .outcome .short {
        border-color: var(--danger);
        background: var(--danger-bg);
        color: var(--danger);
      }
      .outcome .over {
        border-color: var(--warning-line);
        background: var(--warning-bg);
        color: var(--warning-ink);
      }
      .when {
        color: var(--ink-muted);
        margin: 0 0 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) report: ReportFigures | null = null;
  /** Set for a Z report: the count, the difference and the number. */
  @property({ attribute: false }) z: ZReport | null = null;
  @property() currency = 'DKK';
  @property() uiLocale = 'en';
  @property() timeZone: string | undefined = undefined;

  override render() {
    const r = this.z ?? this.report;
    if (!r) return nothing;
    const money = (minor: number) => storeMoney(minor, this.currency);
    const when = (iso: string) => formatDateTime(iso, this.uiLocale, this.timeZone);
    const opened = when(r.openedAt);
    const taken = when(r.takenAt);
    return html`<p class="when">${msg(str`Session opened ${opened}; figures at ${taken}.`)}</p>
      ${this.z ? this._outcome(this.z, money) : nothing}
      <div class="columns">
        <div>
          <h3>${msg('Sales')}</h3>
          <dl>
            ${this._figure(msg('Sales'), r.sales, money)} ${this._figure(msg('Returns'), r.returns, money)}
            ${this._row(msg('Net sales'), money(r.netSalesMinor), 'net-sales', true)}
            ${this._row(msg('Discounts'), money(r.discountsMinor), 'discounts')}
            ${this._row(msg('Cash rounding'), money(r.roundingMinor), 'rounding')}
            ${this._row(msg('Voided sales'), formatInteger(r.voidedSalesCount, this.uiLocale), 'voided')}
            ${this._row(msg('No-sale drawer opens'), formatInteger(r.noSaleCount, this.uiLocale), 'no-sales')}
          </dl>
          <h3>${msg('Tenders')}</h3>
          <dl>
            ${r.tenders.map((t) =>
              this._row(`${t.name} (${formatInteger(t.count, this.uiLocale)})`, money(t.netMinor), `tender`),
            )}
          </dl>
        </div>
        <div>
          <h3>${msg('Cash in the drawer')}</h3>
          <dl>
            ${this._row(msg('Float'), money(r.floatMinor), 'float')}
            ${this._row(msg('Cash sales'), money(r.cashSalesMinor), 'cash-sales')}
            ${this._row(msg('Cash refunds'), money(-r.cashRefundsMinor), 'cash-refunds')}
            ${this._figure(msg('Pay-ins'), r.payIns, money, 'pay-ins')}
            ${this._figure(msg('Pay-outs'), { ...r.payOuts, amountMinor: -r.payOuts.amountMinor }, money, 'pay-outs')}
            ${this._row(msg('Expected in the drawer'), money(r.expectedCashMinor), 'expected', true)}
          </dl>
        </div>
      </div>`;
  }

  private _outcome(z: ZReport, money: (minor: number) => string) {
    const difference = z.differenceMinor;
    const tone = difference < 0 ? 'short' : difference > 0 ? 'over' : '';
    const verdict = difference < 0 ? msg('Short') : difference > 0 ? msg('Over') : msg('Balanced');
    return html`<div class="outcome">
      <div>
        <span class="label">${msg('Expected')}</span>
        <span class="amount" data-z-expected>${money(z.expectedCashMinor)}</span>
      </div>
      <div>
        <span class="label">${msg('Counted')}</span>
        <span class="amount" data-z-counted>${money(z.countedMinor)}</span>
      </div>
      <div class=${tone}>
        <span class="label">${msg('Difference')}: ${verdict}</span>
        <span class="amount" data-z-difference>${money(difference)}</span>
      </div>
    </div>`;
  }

  private _figure(label: string, f: CountFigure, money: (minor: number) => string, key = '') {
    return this._row(`${label} (${formatInteger(f.count, this.uiLocale)})`, money(f.amountMinor), key);
  }

  private _row(label: string, value: string, key: string, strong = false) {
    return html`<dt class=${strong ? 'strong' : ''}>${label}</dt>
      <dd class="amount ${strong ? 'strong' : ''}" data-figure=${key}>${value}</dd>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cash-report-view': CashReportView;
  }
}
