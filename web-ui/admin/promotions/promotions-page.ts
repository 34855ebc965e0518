import { localized, msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { storeFormat } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { dateTime } from '../components/admin-format.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { setQuery } from '../shell/navigation.js';
import { endCampaign, removeCampaign } from './campaign-actions.js';
import { combineHelp } from './combine-help.js';
import { promotionStyles, renderNotice, runAction, type Notice } from './page-notice.js';
import { ruleSummary, statusLabel } from './promotion-form.js';
import { listPromotions, type Promotion, type PromotionStatus } from './promotions-api.js';

const TABS: readonly PromotionStatus[] = ['active', 'scheduled', 'ended', 'archived'];

/**
 * Campaigns by where they stand on the hub's clock: running now, scheduled, ended, archived. From here a
 * manager opens the editor, ends a running campaign at once, deletes one no sale got, or archives one.
 */
@customElement('promotions-page')
@localized()
export class PromotionsPage extends AdminPage {
  static override styles = [
    baseStyles,
    buttonStyles,
    pageStyles,
    promotionStyles,
    css`
      .tabs {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-bottom: 1rem;
      }
      .tabs .button[aria-current='page'] {
        border-color: var(--accent);
        background: var(--accent-soft);
      }
      .conditions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
      }
    `,
  ];

  @state() notice: Notice | null = null;
  @state() busy = false;

  private _list = new PagedList<Promotion>(this, (limit, offset, signal) =>
    listPromotions(this.api, this._status(), limit, offset, signal),
  );

  private _status(): PromotionStatus {
    const wanted = this.query.get('status');
    return TABS.find((t) => t === wanted) ?? 'active';
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('query')) void this._list.load();
  }

  override render() {
    const status = this._status();
    return html`<div class="head">
        <h1>${msg('Promotions')}</h1>
        <div class="actions">
          <a class="button primary" href="/admin/promotions/new" data-new-promotion>${msg('New campaign')}</a>
        </div>
      </div>
      ${renderNotice(this.notice)}
      <nav class="tabs" aria-label=${msg('Campaigns by status')}>
        ${TABS.map(
          (tab) =>
            html`<button
              class="button"
              type="button"
              aria-current=${tab === status ? 'page' : 'false'}
              @click=${() => setQuery({ status: tab === 'active' ? null : tab })}
            >
              ${statusLabel(tab)}
            </button>`,
        )}
      </nav>
      ${renderPagedTable(this._list, {
        caption: statusLabel(status),
        empty: msg('No campaign here.'),
        columns: [
          {
            header: msg('Name'),
            cell: (p) => html`<a href="/admin/promotions/${p.id}">${p.name}</a>`,
          },
          { header: msg('Rule'), cell: (p) => ruleSummary(p.rule, storeFormat().currency) },
          { header: msg('Conditions'), cell: (p) => this._conditions(p) },
          { header: msg('Starts'), cell: (p) => dateTime(p.startsAt) },
          { header: msg('Ends'), cell: (p) => (p.endsAt === null ? msg('No end') : dateTime(p.endsAt)) },
          { header: msg('Actions'), cell: (p) => this._actions(p), align: 'end' },
        ],
      })}
      ${combineHelp()}`;
  }

  private _conditions(p: Promotion) {
    if (p.couponCode === null && !p.customersOnly) return msg('Everyone');
    return html`<span class="conditions">
      ${p.couponCode === null ? nothing : html`<span class="badge">${msg(str`Code ${p.couponCode}`)}</span>`}
      ${p.customersOnly ? html`<span class="badge">${msg('Customers only')}</span>` : nothing}
    </span>`;
  }

  private _actions(p: Promotion) {
    return html`<div class="row-actions">
      <a class="button" href="/admin/promotions/${p.id}" aria-label=${msg(str`Edit ${p.name}`)}
        >${msg('Edit')}</a
      >
      ${
        p.status === 'active'
          ? html`<button
              class="button"
              type="button"
              ?disabled=${this.busy}
              @click=${() => void this._end(p)}
            >
              ${msg('End now')}
            </button>`
          : nothing
      }
      ${
        p.status === 'archived'
          ? nothing
          : html`<button
              class="button"
              type="button"
              ?disabled=${this.busy}
              @click=${() => void this._remove(p)}
            >
              ${msg('Delete')}
            </button>`
      }
    </div>`;
  }

  private async _run(work: () => Promise<string | null>): Promise<void> {
    await runAction(this, work);
    await this._list.reload();
  }

  private async _end(p: Promotion): Promise<void> {
    await this._run(() => endCampaign(this, this.api, p));
  }

  private async _remove(p: Promotion): Promise<void> {
    await this._run(() => removeCampaign(this, this.api, p));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'promotions-page': PromotionsPage;
  }
}
