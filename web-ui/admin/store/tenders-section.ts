import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { createTender, listTenders, TENDER_KINDS, updateTender, type TenderRow } from './settings-api.js';
import { SettingsSection } from './settings-section.js';

export function tenderKindName(kind: string): string {
  switch (kind) {
    case 'cash':
      return msg('Cash');
    case 'card':
      return msg('Card on the terminal');
    case 'mobile':
      return msg('Mobile payment');
    case 'voucher':
      return msg('Voucher');
    case 'store_credit':
      return msg('Store credit');
    case 'gift_card':
      return msg('Gift card (balance on the hub)');
    case 'loyalty':
      return msg('Loyalty points');
    default:
      return msg('Other');
  }
}

/** The ways customers may pay: rename, turn on and off, add one. Tenders are never deleted. */
@customElement('tenders-section')
@localized()
export class TendersSection extends SettingsSection {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _tenders: TenderRow[] = [];

  protected override async load(): Promise<void> {
    this._tenders = await listTenders(this.api);
  }

  override render() {
    return html`<section aria-labelledby="tenders-heading">
      <h2 id="tenders-heading">${msg('Ways to pay')}</h2>
      ${
        this.notice === null
          ? nothing
          : html`<p
              class="notice ${this.notice.error ? 'error' : ''}"
              role=${this.notice.error ? 'alert' : 'status'}
            >
              ${this.notice.text}
            </p>`
      }
      ${renderTable({
        caption: msg('Tenders'),
        hideCaption: true,
        rows: this._tenders,
        empty: this.loaded ? msg('No tender yet.') : msg('Loading…'),
        columns: [
          { header: msg('Name'), cell: (t) => t.name },
          { header: msg('Kind'), cell: (t) => tenderKindName(t.kind) },
          {
            header: msg('Taken at the tills'),
            cell: (t) =>
              html`<label class="check">
                <input
                  type="checkbox"
                  ?checked=${t.enabled}
                  ?disabled=${this.busy}
                  @change=${(e: Event) => this._toggle(t, (e.target as HTMLInputElement).checked)}
                />
                <span class="visually-hidden">${msg(str`Take ${t.name} at the tills`)}</span>
              </label>`,
          },
        ],
      })}
      <form class="toolbar" @submit=${this._add}>
        <label class="field">
          <span>${msg('New way to pay')}</span>
          <input name="name" required maxlength="40" autocomplete="off" />
        </label>
        <label class="field">
          <span>${msg('Kind')}</span>
          <select name="kind">
            ${TENDER_KINDS.map((k) => html`<option value=${k}>${tenderKindName(k)}</option>`)}
          </select>
        </label>
        <button class="button" type="submit" ?disabled=${this.busy}>${msg('Add')}</button>
      </form>
    </section>`;
  }

  private _toggle(tender: TenderRow, enabled: boolean): void {
    void this.run(async () => {
      await updateTender(this.api, tender.id, { enabled });
      this._tenders = await listTenders(this.api);
      return enabled
        ? msg(str`${tender.name} is taken at the tills.`)
        : msg(str`${tender.name} is no longer taken.`);
    });
  }

  private _add = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = formText(form, 'name');
    const kind = formText(form, 'kind');
    void this.run(async () => {
      await createTender(this.api, { id: uuidv7(), kind, name });
      this._tenders = await listTenders(this.api);
      form.reset();
      return msg(str`${name} added.`);
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tenders-section': TendersSection;
  }
}
