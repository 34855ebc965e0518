import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { HubApiClient } from '../../shared/api/client.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { dateTime } from '../components/admin-format.js';
import { confirmAction } from '../components/confirm-dialog.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { mergeCustomer, searchCustomers, type CustomerRow, type MergeRecord } from './customers-api.js';
import { customersErrorText, renderNotice, type Notice } from './customer-text.js';

/**
 * Find a duplicate of the customer shown and merge it into them: its sales and points move here, missing
 * contact details are filled in, and the duplicate is deleted. Fires `customer-merged` when done.
 */
@customElement('customer-merge-section')
@localized()
export class CustomerMergeSection extends LitElement {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @property({ attribute: false }) api!: HubApiClient;
  @property({ attribute: false }) keep!: CustomerRow;
  @property({ attribute: false }) merges: MergeRecord[] = [];

  @state() private _hits: CustomerRow[] = [];
  @state() private _notice: Notice | null = null;
  #abort: AbortController | null = null;

  override render() {
    return html`<section class="card" aria-labelledby="merge-heading">
      <h2 id="merge-heading">${msg('Merge a duplicate into this customer')}</h2>
      ${renderNotice(this._notice)}
      <form class="toolbar" role="search" @submit=${(e: SubmitEvent) => e.preventDefault()}>
        <label class="field">
          <span>${msg('Find the duplicate by name, phone or e-mail')}</span>
          <input name="q" type="search" autocomplete="off" @input=${this._search} />
        </label>
      </form>
      ${
        this._hits.length === 0
          ? nothing
          : renderTable({
              caption: msg('Possible duplicates'),
              empty: '',
              rows: this._hits,
              columns: [
                { header: msg('Name'), cell: (c) => c.name },
                { header: msg('Phone'), cell: (c) => c.phone ?? '—' },
                { header: msg('E-mail'), cell: (c) => c.email ?? '—' },
                {
                  header: msg('Actions'),
                  align: 'end',
                  cell: (c) =>
                    html`<button class="button" type="button" @click=${() => void this._merge(c)}>
                      ${msg('Merge into this customer')}
                    </button>`,
                },
              ],
            })
      }
      ${
        this.merges.length === 0
          ? nothing
          : html`<h3>${msg('Merged earlier')}</h3>
              <ul>
                ${this.merges.map((m) => html`<li>${m.mergedName} · ${dateTime(m.at)}</li>`)}
              </ul>`
      }
    </section>`;
  }

  private _search = async (event: InputEvent): Promise<void> => {
    const q = (event.target as HTMLInputElement).value.trim();
    this.#abort?.abort();
    if (q === '') {
      this._hits = [];
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const page = await searchCustomers(this.api, q, 10, 0, abort.signal);
      if (!abort.signal.aborted) this._hits = page.items.filter((c) => c.id !== this.keep.id);
    } catch (error) {
      if (!abort.signal.aborted) this._notice = { text: customersErrorText(error), error: true };
    }
  };

  private async _merge(duplicate: CustomerRow): Promise<void> {
    const sure = await confirmAction(this, {
      heading: msg(str`Merge ${duplicate.name} into ${this.keep.name}?`),
      text: msg(
        'Their purchases and points move to this customer, missing contact details are filled in, and the duplicate is deleted. This cannot be undone.',
      ),
      confirmLabel: msg('Merge'),
      danger: true,
    });
    if (!sure) return;
    try {
      await mergeCustomer(this.api, this.keep.id, duplicate.id);
      this._hits = [];
      this._notice = { text: msg(str`${duplicate.name} is merged into this customer.`), error: false };
      this.dispatchEvent(new CustomEvent('customer-merged', { bubbles: true, composed: true }));
    } catch (error) {
      this._notice = { text: customersErrorText(error), error: true };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-merge-section': CustomerMergeSection;
  }
}
