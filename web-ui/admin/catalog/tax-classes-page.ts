import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { formatPercentBp } from '../../shared/format/numbers.js';
import { storeFormat } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { listTaxClasses, saveTaxClass, type TaxClass } from './catalog-api.js';
import { CatalogPage, catalogStyles, parsePercentInput } from './catalog-page.js';

/** Tax classes: the rates products are sold at; add one, change a rate, archive one no longer used. */
@customElement('tax-classes-page')
@localized()
export class TaxClassesPage extends CatalogPage {
  static override styles = [baseStyles, buttonStyles, pageStyles, catalogStyles];

  @state() private _classes: TaxClass[] = [];
  @state() private _editing: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.run(async () => {
      this._classes = await listTaxClasses(this.api);
      return null;
    });
  }

  override render() {
    const percent = (bp: number) => formatPercentBp(bp, storeFormat().locale);
    return html`<div class="head"><h1 tabindex="-1">${msg('Tax classes')}</h1></div>
      ${this.renderNotice()}
      <form class="card toolbar" @submit=${this._add} aria-label=${msg('New tax class')}>
        <label class="field">
          <span>${msg('Name')}</span>
          <input name="name" required maxlength="60" autocomplete="off" />
        </label>
        <label class="field">
          <span>${msg('Rate in %')}</span>
          <input name="rate" required inputmode="decimal" autocomplete="off" />
        </label>
        <button class="button primary" type="submit" ?disabled=${this.busy}>${msg('Add')}</button>
      </form>
      ${renderTable({
        caption: msg('Tax classes'),
        hideCaption: true,
        rows: this._classes,
        empty: msg('No tax class yet.'),
        columns: [
          { header: msg('Name'), cell: (t) => (this._editing === t.id ? this._renderEdit(t) : t.name) },
          { header: msg('Rate'), cell: (t) => percent(t.rateBp), align: 'end' },
          {
            header: msg('Status'),
            cell: (t) =>
              t.active
                ? html`<span class="badge ok">${msg('In use')}</span>`
                : html`<span class="badge">${msg('Archived')}</span>`,
          },
          {
            header: msg('Actions'),
            align: 'end',
            cell: (t) =>
              html`<div class="row-actions">
                <button class="button" type="button" @click=${() => (this._editing = t.id)}>
                  ${msg('Change')}
                </button>
                <button
                  class="button"
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => void this._toggle(t)}
                >
                  ${t.active ? msg('Archive') : msg('Bring back')}
                </button>
              </div>`,
          },
        ],
      })}`;
  }

  private _renderEdit(t: TaxClass) {
    return html`<form class="toolbar" @submit=${(e: SubmitEvent) => this._change(e, t)}>
      <label class="field">
        <span>${msg('Name')}</span>
        <input name="name" .value=${t.name} maxlength="60" required />
      </label>
      <label class="field">
        <span>${msg('Rate in %')}</span>
        <input name="rate" .value=${(t.rateBp / 100).toString()} inputmode="decimal" required />
      </label>
      <button class="button primary" type="submit">${msg('Save')}</button>
      <button class="button" type="button" @click=${() => (this._editing = null)}>${msg('Cancel')}</button>
    </form>`;
  }

  private _rateOf(form: HTMLFormElement): number | null {
    const bp = parsePercentInput(formText(form, 'rate'));
    if (bp === null || bp < 0) {
      this.notice = { text: msg('Type the rate as a percentage, such as 25 or 13.5.'), error: true };
      return null;
    }
    return bp;
  }

  private _add = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const rateBp = this._rateOf(form);
    if (rateBp === null) return;
    const name = formText(form, 'name');
    void this.run(async () => {
      await saveTaxClass(this.api, null, { id: uuidv7(), name, rateBp });
      form.reset();
      this._classes = await listTaxClasses(this.api);
      return msg(str`${name} added.`);
    });
  };

  private _change(event: SubmitEvent, t: TaxClass): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const rateBp = this._rateOf(form);
    if (rateBp === null) return;
    const name = formText(form, 'name');
    void this.run(async () => {
      await saveTaxClass(this.api, t.id, { name, rateBp });
      this._editing = null;
      this._classes = await listTaxClasses(this.api);
      return msg(str`${name} is saved.`);
    });
  }

  private async _toggle(t: TaxClass): Promise<void> {
    await this.run(async () => {
      await saveTaxClass(this.api, t.id, { active: !t.active });
      this._classes = await listTaxClasses(this.api);
      return t.active
        ? msg(str`${t.name} is archived; products that have it keep it.`)
        : msg(str`${t.name} is in use again.`);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tax-classes-page': TaxClassesPage;
  }
}
