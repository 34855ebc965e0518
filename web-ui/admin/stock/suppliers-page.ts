import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { adminErrorText } from '../components/error-text.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { renderNotice, type Notice } from './notice.js';
import { listSuppliers, saveSupplier, setSupplierArchived, type Supplier } from './purchasing-api.js';

const FIELDS = ['name', 'contact', 'email', 'phone', 'note'] as const;

/** Suppliers: add, edit, archive (purchase orders keep naming an archived one). */
@customElement('stock-suppliers-page')
@localized()
export class StockSuppliersPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _editing: Supplier | null = null;
  @state() private _archived = false;
  @state() private _notice: Notice | null = null;

  private _list = new PagedList<Supplier>(this, (limit, offset, signal) =>
    listSuppliers(this.api, this._archived, limit, offset, signal),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this._list.load();
  }

  override render() {
    const s = this._editing;
    const labels: Record<(typeof FIELDS)[number], string> = {
      name: msg('Name'),
      contact: msg('Contact person'),
      email: msg('Email'),
      phone: msg('Phone'),
      note: msg('Note'),
    };
    return html`<div class="head"><h1>${msg('Suppliers')}</h1></div>
      ${renderNotice(this._notice)}
      <form class="card" @submit=${this._save}>
        <h2>${s === null ? msg('New supplier') : msg(str`Edit ${s.name}`)}</h2>
        <div class="form-grid">
          ${FIELDS.map(
            (f) =>
              html`<label class="field">
                <span>${labels[f]}</span>
                <input
                  name=${f}
                  type=${f === 'email' ? 'email' : 'text'}
                  ?required=${f === 'name'}
                  .value=${s?.[f] ?? ''}
                  autocomplete="off"
                />
              </label>`,
          )}
        </div>
        <div class="toolbar">
          <button class="button primary" type="submit">
            ${s === null ? msg('Add supplier') : msg('Save')}
          </button>
          ${
            s === null
              ? nothing
              : html`<button class="button" type="button" @click=${() => (this._editing = null)}>
                  ${msg('Cancel')}
                </button>`
          }
        </div>
      </form>
      <label class="check">
        <input
          type="checkbox"
          .checked=${this._archived}
          @change=${(e: Event) => {
            this._archived = (e.target as HTMLInputElement).checked;
            void this._list.load();
          }}
        />
        <span>${msg('Show archived suppliers')}</span>
      </label>
      ${renderPagedTable(this._list, {
        caption: msg('Suppliers'),
        empty: msg('No supplier yet.'),
        columns: [
          { header: msg('Name'), cell: (x) => x.name },
          { header: msg('Contact person'), cell: (x) => x.contact },
          { header: msg('Email'), cell: (x) => x.email },
          { header: msg('Phone'), cell: (x) => x.phone },
          {
            header: msg('Actions'),
            align: 'end',
            cell: (x) =>
              html`<div class="row-actions">
                <button class="button" type="button" @click=${() => (this._editing = x)}>
                  ${msg('Edit')}
                </button>
                <button class="button" type="button" @click=${() => void this._archive(x)}>
                  ${x.archived ? msg('Restore') : msg('Archive')}
                </button>
              </div>`,
          },
        ],
      })}`;
  }

  private _save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const fields = Object.fromEntries(FIELDS.map((f) => [f, formText(form, f)])) as Record<
      (typeof FIELDS)[number],
      string
    >;
    try {
      const saved = await saveSupplier(this.api, this._editing?.id ?? null, fields);
      this._notice = { text: msg(str`${saved.name} is saved.`), error: false };
      this._editing = null;
      form.reset();
      await this._list.reload();
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    }
  };

  private async _archive(supplier: Supplier): Promise<void> {
    try {
      await setSupplierArchived(this.api, supplier.id, !supplier.archived);
      await this._list.reload();
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-suppliers-page': StockSuppliersPage;
  }
}
