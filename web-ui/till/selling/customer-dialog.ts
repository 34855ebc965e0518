import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { createCustomer, searchCustomers, type CustomerHit } from '../../shared/api/cart-endpoints.js';
import { ModalDialog, openModal } from '../../shared/components/modal-dialog.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { dialogStyles } from '../../shared/styles/dialog.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';
import type { AttachedCustomer } from './line-edits.js';

/** Picked a customer, took the one attached off the sale (null), or closed without a change. */
export type CustomerChoice = { kind: 'attach'; customer: AttachedCustomer | null } | { kind: 'cancel' };

const SEARCH_DELAY_MS = 200;

/**
 * Attach a customer to the sale: search by name, phone or e-mail as you type and pick one, or create
 * one on the spot with a name and a phone number. The till makes the new customer's id, so a create
 * sent twice makes one customer.
 */
@customElement('customer-dialog')
@localized()
export class CustomerDialog extends ModalDialog<CustomerChoice> {
  static override styles = [
    baseStyles,
    buttonStyles,
    dialogStyles,
    css`
      .results {
        list-style: none;
        margin: 0.75rem 0;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      .results .button {
        width: 100%;
        text-align: start;
        display: grid;
        padding: 0.4rem 0.8rem;
      }
      .results .sub {
        font-weight: 400;
        color: var(--ink-muted);
      }
      form {
        display: grid;
        gap: 0.75rem;
      }
      h3 {
        margin: 1rem 0 0.5rem;
        font-size: 1rem;
      }
    `,
  ];

  /** The customer on the sale now, if any. */
  @property({ attribute: false }) attached: AttachedCustomer | null = null;

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _hits: CustomerHit[] | null = null;
  @state() private _creating = false;
  @state() private _busy = false;
  @state() private _error: string | null = null;
  private _timer: number | undefined;
  private _search: AbortController | null = null;
  /** The id of the customer being created, kept if the create must be sent again. */
  private _newId = uuidv7();

  override firstUpdated(): void {
    super.firstUpdated();
    this.renderRoot.querySelector<HTMLInputElement>('input[name="q"]')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this._timer);
    this._search?.abort();
  }

  override render() {
    return html`<dialog
      aria-labelledby="customer-title"
      data-dialog="customer"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.finish({ kind: 'cancel' });
      }}
      @keydown=${this.keepKeys}
    >
      <h2 id="customer-title">${msg('Customer')}</h2>
      ${
        this.attached === null
          ? nothing
          : html`<p>${msg('On this sale:')} <strong>${this.attached.name}</strong></p>`
      }
      ${this._creating ? this._renderCreate() : this._renderSearch()}
      ${this._error === null ? nothing : html`<p class="error" role="alert">${this._error}</p>`}
      <div class="actions">
        ${
          this.attached === null
            ? nothing
            : html`<button
                class="button"
                type="button"
                @click=${() => {
                  this.finish({ kind: 'attach', customer: null });
                }}
              >
                ${msg('Remove from sale')}
              </button>`
        }
        <button
          class="button"
          type="button"
          @click=${() => {
            this.finish({ kind: 'cancel' });
          }}
        >
          ${msg('Cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </dialog>`;
  }

  private _renderSearch() {
    return html`<label class="field">
        <span>${msg('Search by name, phone or e-mail')}</span>
        <input name="q" type="search" autocomplete="off" maxlength="120" @input=${this._onQuery} />
      </label>
      ${
        this._hits === null
          ? nothing
          : this._hits.length === 0
            ? html`<p class="hint" role="status">${msg('No customer matches.')}</p>`
            : html`<ul class="results" aria-label=${msg('Customers found')}>
                ${this._hits.map(
                  (c) =>
                    html`<li>
                      <button
                        class="button"
                        type="button"
                        @click=${() => {
                          this.finish({ kind: 'attach', customer: { id: c.id, name: c.name } });
                        }}
                      >
                        <span>${c.name}</span>
                        <span class="sub">${[c.phone, c.email].filter((x) => x !== null).join(' · ')}</span>
                      </button>
                    </li>`,
                )}
              </ul>`
      }
      <button
        class="button"
        type="button"
        @click=${() => {
          this._creating = true;
          this._error = null;
          void this.updateComplete.then(() =>
            this.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')?.focus(),
          );
        }}
      >
        ${msg('New customer')}
      </button>`;
  }

  private _renderCreate() {
    return html`<h3>${msg('New customer')}</h3>
      <form @submit=${this._onCreate} novalidate>
        <label class="field">
          <span>${msg('Name')}</span>
          <input name="name" autocomplete="off" maxlength="120" ?disabled=${this._busy} />
        </label>
        <label class="field">
          <span>${msg('Phone')}</span>
          <input name="phone" type="tel" autocomplete="off" maxlength="32" ?disabled=${this._busy} />
        </label>
        <button class="button primary" type="submit" ?disabled=${this._busy}>
          ${msg('Create and attach')} <kbd>Enter</kbd>
        </button>
      </form>`;
  }

  private _onQuery = (event: Event): void => {
    const query = (event.target as HTMLInputElement).value.trim();
    window.clearTimeout(this._timer);
    this._error = null;
    if (query.length < 2) {
      this._hits = null;
      return;
    }
    this._timer = window.setTimeout(() => void this._find(query), SEARCH_DELAY_MS);
  };

  private async _find(query: string): Promise<void> {
    const api = this._connection?.api;
    if (!api) return;
    this._search?.abort();
    const search = new AbortController();
    this._search = search;
    try {
      const hits = await searchCustomers(api, query, search.signal);
      if (!search.signal.aborted) this._hits = hits;
    } catch (error) {
      if (!search.signal.aborted) this._error = errorText(error);
    }
  }

  private _onCreate = async (event: Event): Promise<void> => {
    event.preventDefault();
    const api = this._connection?.api;
    const value = (name: string) =>
      this.renderRoot.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value.trim() ?? '';
    const name = value('name');
    const phone = value('phone');
    if (name === '') {
      this._error = msg('Type the customer’s name.');
      return;
    }
    if (!api || this._busy) return;
    this._busy = true;
    this._error = null;
    try {
      const made = await createCustomer(api, { id: this._newId, name, phone: phone === '' ? null : phone });
      this.finish({ kind: 'attach', customer: { id: made.id, name: made.name } });
    } catch (error) {
      this._error = errorText(error);
    } finally {
      this._busy = false;
    }
  };
}

export function openCustomerDialog(
  host: Element,
  attached: AttachedCustomer | null,
): Promise<CustomerChoice> {
  const dialog = document.createElement('customer-dialog');
  dialog.attached = attached;
  return openModal(host, dialog);
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-dialog': CustomerDialog;
  }
}
