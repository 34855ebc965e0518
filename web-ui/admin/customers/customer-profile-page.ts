import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { count, dateTime } from '../components/admin-format.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import {
  adjustPoints,
  getCustomer,
  loyaltyOf,
  mergesInto,
  pointsEntries,
  purchases,
  setConsent,
  type CustomerLoyalty,
  type CustomerRow,
  type MergeRecord,
  type PointsEntry,
  type Purchase,
  type PurchaseTotals,
} from './customers-api.js';
import { customersErrorText, pointsKindName, renderNotice, signed, type Notice } from './customer-text.js';
import './customer-merge-section.js';

/**
 * One customer: contact details and marketing consent (with the date it was given), lifetime value,
 * points (balance, tier, ledger, a correction), purchase history, and merging a duplicate into them.
 */
@customElement('customer-profile-page')
@localized()
export class CustomerProfilePage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _customer: CustomerRow | null = null;
  @state() private _loyalty: CustomerLoyalty | null = null;
  @state() private _totals: PurchaseTotals[] = [];
  @state() private _merges: MergeRecord[] = [];
  @state() private _notice: Notice | null = null;
  @state() private _busy = false;

  private get _id(): string {
    return this.params.id ?? '';
  }

  private _purchases = new PagedList<Purchase>(
    this,
    async (limit, offset, signal) => {
      const page = await purchases(this.api, this._id, limit, offset, signal);
      this._totals = page.totals;
      return page;
    },
    20,
  );

  private _points = new PagedList<PointsEntry>(
    this,
    (limit, offset, signal) => pointsEntries(this.api, this._id, limit, offset, signal),
    20,
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      const [customer, loyalty, merges] = await Promise.all([
        getCustomer(this.api, this._id),
        loyaltyOf(this.api, this._id),
        mergesInto(this.api, this._id),
      ]);
      this._customer = customer;
      this._loyalty = loyalty;
      this._merges = merges;
      await Promise.all([this._purchases.load(), this._points.load()]);
    } catch (error) {
      this._notice = { text: customersErrorText(error), error: true };
    }
  }

  override render() {
    const c = this._customer;
    if (c === null) {
      return html`<h1>${msg('Customer')}</h1>
        ${this._notice === null ? html`<p role="status">${msg('Loading…')}</p>` : renderNotice(this._notice)}`;
    }
    return html`<div class="head">
        <h1>${c.name}</h1>
        <div class="actions"><a href="/admin/customers">${msg('All customers')}</a></div>
      </div>
      ${renderNotice(this._notice)}
      <div class="cards">${this._renderValue()} ${this._renderPoints()} ${this._renderContact(c)}</div>
      ${renderPagedTable(this._purchases, {
        caption: msg('Purchase history'),
        empty: msg('No completed purchases yet.'),
        columns: [
          { header: msg('Date'), cell: (p) => dateTime(p.completedAt) },
          { header: msg('Receipt'), cell: (p) => p.receiptCode ?? '—' },
          { header: msg('Kind'), cell: (p) => (p.kind === 'sale' ? msg('Sale') : msg('Return')) },
          {
            header: msg('Total'),
            cell: (p) => storeMoney(p.kind === 'sale' ? p.totalMinor : -p.totalMinor, p.currency),
            align: 'end',
          },
        ],
      })}
      ${this._renderPointsLedger()}
      <customer-merge-section
        .api=${this.api}
        .keep=${c}
        .merges=${this._merges}
        @customer-merged=${() => void this._load()}
      ></customer-merge-section>`;
  }

  private _renderValue() {
    const sales = this._totals.reduce((n, t) => n + t.salesCount, 0);
    return html`<section class="card" aria-labelledby="value-heading">
      <h2 id="value-heading">${msg('Lifetime value')}</h2>
      ${
        this._totals.length === 0
          ? html`<p class="figure" data-lifetime-value>${storeMoney(0)}</p>`
          : this._totals.map(
              (t) => html`<p class="figure" data-lifetime-value>${storeMoney(t.netMinor, t.currency)}</p>`,
            )
      }
      <p class="muted">${msg(str`${count(sales)} purchases, returns deducted`)}</p>
    </section>`;
  }

  private _renderPoints() {
    const l = this._loyalty;
    if (l === null) return nothing;
    return html`<section class="card" aria-labelledby="points-heading">
      <h2 id="points-heading">${msg('Points')}</h2>
      <p class="figure" data-points-balance>${count(l.balancePoints)}</p>
      <p class="muted">
        ${msg(str`Worth ${storeMoney(l.balanceValueMinor)} · ${count(l.lifetimePoints)} earned in all`)}
      </p>
      <p>
        ${l.tier === null ? msg('No tier') : msg(str`Tier: ${l.tier.name}`)}
        ${
          l.nextTier === null
            ? nothing
            : html`<span class="muted"
                >${msg(str`(${l.nextTier.name} from ${count(l.nextTier.minPoints)} points)`)}</span
              >`
        }
      </p>
      ${l.enabled ? nothing : html`<p class="muted">${msg('The loyalty programme is switched off.')}</p>`}
      <form class="toolbar" @submit=${this._adjust}>
        <label class="field">
          <span>${msg('Points to add (negative to take away)')}</span>
          <input name="points" type="number" step="1" required />
        </label>
        <label class="field">
          <span>${msg('Reason')}</span>
          <input name="note" required maxlength="200" />
        </label>
        <button class="button" type="submit" ?disabled=${this._busy}>${msg('Correct points')}</button>
      </form>
    </section>`;
  }

  private _renderContact(c: CustomerRow) {
    return html`<section class="card" aria-labelledby="contact-heading">
      <h2 id="contact-heading">${msg('Contact')}</h2>
      <p>${msg('Phone')}: ${c.phone ?? '—'}<br />${msg('E-mail')}: ${c.email ?? '—'}</p>
      <p data-consent>
        ${
          c.marketingConsent
            ? msg(str`Marketing consent given ${dateTime(c.consentAt)}`)
            : msg('No marketing consent')
        }
      </p>
      <button class="button" type="button" ?disabled=${this._busy} @click=${this._toggleConsent}>
        ${c.marketingConsent ? msg('Withdraw consent') : msg('Record consent given now')}
      </button>
      <p class="muted">${msg(str`Customer since ${dateTime(c.createdAt)}`)}</p>
    </section>`;
  }

  private _renderPointsLedger() {
    return renderPagedTable(this._points, {
      caption: msg('Points ledger'),
      empty: msg('No points yet.'),
      columns: [
        { header: msg('Date'), cell: (e) => dateTime(e.at) },
        { header: msg('What'), cell: (e) => pointsKindName(e.kind) },
        { header: msg('Note'), cell: (e) => e.note },
        { header: msg('Points'), cell: (e) => signed(count(e.points), e.points), align: 'end' },
      ],
    });
  }

  private async _run(work: () => Promise<string>): Promise<void> {
    this._busy = true;
    try {
      this._notice = { text: await work(), error: false };
    } catch (error) {
      this._notice = { text: customersErrorText(error), error: true };
    } finally {
      this._busy = false;
    }
  }

  private _toggleConsent = (): void => {
    const c = this._customer;
    if (c === null) return;
    void this._run(async () => {
      this._customer = await setConsent(this.api, c.id, !c.marketingConsent);
      return this._customer.marketingConsent ? msg('Consent recorded.') : msg('Consent withdrawn.');
    });
  };

  private _adjust = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const points = Number(formText(form, 'points'));
    const note = formText(form, 'note');
    if (!Number.isInteger(points) || points === 0) {
      this._notice = { text: msg('Type a whole number of points other than 0.'), error: true };
      return;
    }
    void this._run(async () => {
      this._loyalty = await adjustPoints(this.api, this._id, points, note);
      form.reset();
      await this._points.load();
      return msg(str`Points corrected: the balance is ${count(this._loyalty.balancePoints)}.`);
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-profile-page': CustomerProfilePage;
  }
}
