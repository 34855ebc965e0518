import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { confirmAction } from '../components/confirm-dialog.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { CatalogPage, catalogStyles } from './catalog-page.js';
import {
  deleteLabelTemplate,
  layoutPattern,
  listLabelTemplates,
  putLabelTemplate,
  type LabelTemplate,
} from './label-api.js';

const BLANK: LabelTemplate = {
  id: '',
  name: '',
  prefix: '2',
  itemDigits: 5,
  value: 'price',
  valueDigits: 5,
  decimals: 2,
  verifier: false,
  active: true,
};

/**
 * Scale labels: the EAN-13 layouts the store's scales print, with the price or the weight in the code.
 * The hub checks that a layout is 13 digits long and that prefixes do not clash.
 */
@customElement('label-templates-page')
@localized()
export class LabelTemplatesPage extends CatalogPage {
  static override styles = [baseStyles, buttonStyles, pageStyles, catalogStyles];

  @state() private _templates: LabelTemplate[] = [];
  @state() private _draft: LabelTemplate = BLANK;
  @state() private _editing = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.run(async () => {
      this._templates = await listLabelTemplates(this.api);
      return null;
    });
  }

  override render() {
    return html`<div class="head"><h1 tabindex="-1">${msg('Scale labels')}</h1></div>
      ${this.renderNotice()}
      <p class="muted">
        ${msg('A label code has 13 digits: prefix, item code (the PLU), maybe a price check digit, then the price or weight, and a check digit.')}
      </p>
      ${renderTable({
        caption: msg('Label layouts'),
        hideCaption: true,
        rows: this._templates,
        empty: msg('No label layout yet.'),
        columns: [
          { header: msg('Name'), cell: (t) => t.name },
          { header: msg('Layout'), cell: (t) => html`<code>${layoutPattern(t)}</code>` },
          { header: msg('Carries'), cell: (t) => (t.value === 'price' ? msg('Price') : msg('Weight')) },
          { header: msg('Decimals'), cell: (t) => t.decimals, align: 'end' },
          {
            header: msg('Status'),
            cell: (t) =>
              t.active
                ? html`<span class="badge ok">${msg('In use')}</span>`
                : html`<span class="badge">${msg('Off')}</span>`,
          },
          {
            header: msg('Actions'),
            align: 'end',
            cell: (t) =>
              html`<div class="row-actions">
                <button class="button" type="button" @click=${() => this._edit(t)}>${msg('Change')}</button>
                <button
                  class="button"
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => void this._delete(t)}
                >
                  ${msg('Delete')}
                </button>
              </div>`,
          },
        ],
      })}
      ${this._renderForm()}`;
  }

  private _renderForm() {
    const d = this._draft;
    return html`<form class="card" @submit=${this._save} aria-labelledby="label-form-heading">
      <h2 id="label-form-heading">${this._editing ? msg(str`Change ${d.name}`) : msg('New label layout')}</h2>
      <div class="form-grid">
        <label class="field">
          <span>${msg('Short id (letters, digits, dashes)')}</span>
          <input
            name="id"
            required
            pattern="[a-z0-9][a-z0-9\\-]{0,39}"
            .value=${d.id}
            ?readonly=${this._editing}
          />
        </label>
        <label class="field">
          <span>${msg('Name')}</span>
          <input name="name" required maxlength="60" .value=${d.name} />
        </label>
        <label class="field">
          <span>${msg('Prefix')}</span>
          <input name="prefix" required pattern="[0-9]{1,4}" inputmode="numeric" .value=${d.prefix} />
        </label>
        <label class="field">
          <span>${msg('Item code digits')}</span>
          <input name="itemDigits" type="number" min="1" max="10" required .value=${String(d.itemDigits)} />
        </label>
        <label class="field">
          <span>${msg('Carries')}</span>
          <select name="value">
            <option value="price" ?selected=${d.value === 'price'}>${msg('Price')}</option>
            <option value="weight" ?selected=${d.value === 'weight'}>${msg('Weight')}</option>
          </select>
        </label>
        <label class="field">
          <span>${msg('Price or weight digits')}</span>
          <input name="valueDigits" type="number" min="1" max="10" required .value=${String(d.valueDigits)} />
        </label>
        <label class="field">
          <span>${msg('Decimals (2 for price in cents, 3 for weight in grams)')}</span>
          <input name="decimals" type="number" min="0" max="4" required .value=${String(d.decimals)} />
        </label>
        <label class="check">
          <input type="checkbox" name="verifier" ?checked=${d.verifier} />
          <span>${msg('Price check digit before the price')}</span>
        </label>
        <label class="check">
          <input type="checkbox" name="active" ?checked=${d.active} />
          <span>${msg('In use at the tills')}</span>
        </label>
      </div>
      <p>
        <button class="button primary" type="submit" ?disabled=${this.busy}>${msg('Save')}</button>
        ${
          this._editing
            ? html`<button class="button" type="button" @click=${() => this._edit(null)}>
                ${msg('Cancel')}
              </button>`
            : nothing
        }
      </p>
    </form>`;
  }

  private _edit(t: LabelTemplate | null): void {
    this._draft = t ?? BLANK;
    this._editing = t !== null;
  }

  private _save = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const template: LabelTemplate = {
      id: formText(form, 'id'),
      name: formText(form, 'name'),
      prefix: formText(form, 'prefix'),
      itemDigits: Number(formText(form, 'itemDigits')),
      value: formText(form, 'value') === 'weight' ? 'weight' : 'price',
      valueDigits: Number(formText(form, 'valueDigits')),
      decimals: Number(formText(form, 'decimals')),
      verifier: data.has('verifier'),
      active: data.has('active'),
    };
    void this.run(async () => {
      await putLabelTemplate(this.api, template);
      this._templates = await listLabelTemplates(this.api);
      this._edit(null);
      form.reset();
      return msg(str`${template.name} is saved.`);
    });
  };

  private async _delete(t: LabelTemplate): Promise<void> {
    const sure = await confirmAction(this, {
      heading: msg(str`Delete ${t.name}?`),
      text: msg('Labels printed with this layout are no longer read at the tills.'),
      confirmLabel: msg('Delete'),
      danger: true,
    });
    if (!sure) return;
    await this.run(async () => {
      await deleteLabelTemplate(this.api, t.id);
      this._templates = await listLabelTemplates(this.api);
      return msg(str`${t.name} is deleted.`);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'label-templates-page': LabelTemplatesPage;
  }
}
