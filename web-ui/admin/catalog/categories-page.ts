import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { adminHref } from '../shell/router.js';
import {
  categoryPaths,
  listCategories,
  saveCategory,
  setCategoryActive,
  type Category,
} from './catalog-api.js';
import { CatalogPage, catalogStyles } from './catalog-page.js';

/** Categories: the tree as paths, add one under another, rename or move, archive and bring back. */
@customElement('categories-page')
@localized()
export class CategoriesPage extends CatalogPage {
  static override styles = [baseStyles, buttonStyles, pageStyles, catalogStyles];

  @state() private _categories: Category[] = [];
  @state() private _editing: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.run(async () => {
      await this._reload();
      return null;
    });
  }

  private async _reload(): Promise<void> {
    this._categories = await listCategories(this.api, true);
  }

  override render() {
    const paths = categoryPaths(this._categories);
    const rows = [...this._categories].sort((a, b) =>
      (paths.get(a.id) ?? '').localeCompare(paths.get(b.id) ?? ''),
    );
    const parents = rows.filter((c) => c.active);
    return html`<div class="head"><h1 tabindex="-1">${msg('Categories')}</h1></div>
      ${this.renderNotice()}
      <form class="card toolbar" @submit=${this._add}>
        <label class="field">
          <span>${msg('New category')}</span>
          <input name="name" required maxlength="80" autocomplete="off" />
        </label>
        <label class="field">
          <span>${msg('Under')}</span>
          <select name="parentId">
            <option value="">${msg('Top level')}</option>
            ${parents.map((c) => html`<option value=${c.id}>${paths.get(c.id)}</option>`)}
          </select>
        </label>
        <button class="button primary" type="submit" ?disabled=${this.busy}>${msg('Add')}</button>
      </form>
      ${renderTable({
        caption: msg('Categories'),
        hideCaption: true,
        rows,
        empty: msg('No category yet.'),
        columns: [
          { header: msg('Category'), cell: (c) => this._renderName(c, paths) },
          {
            header: msg('Status'),
            cell: (c) =>
              c.active
                ? html`<span class="badge ok">${msg('In use')}</span>`
                : html`<span class="badge">${msg('Archived')}</span>`,
          },
          {
            header: msg('Actions'),
            align: 'end',
            cell: (c) =>
              html`<div class="row-actions">
                <a class="button" href=${adminHref('/products', { category: c.id })}>${msg('Products')}</a>
                <button class="button" type="button" @click=${() => (this._editing = c.id)}>
                  ${msg('Rename')}
                </button>
                <button
                  class="button"
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => void this._toggle(c)}
                >
                  ${c.active ? msg('Archive') : msg('Bring back')}
                </button>
              </div>`,
          },
        ],
      })}`;
  }

  private _renderName(c: Category, paths: Map<string, string>) {
    if (this._editing !== c.id) return paths.get(c.id) ?? c.name;
    return html`<form class="toolbar" @submit=${(e: SubmitEvent) => this._rename(e, c)}>
      <label class="field">
        <span class="visually-hidden">${msg('New name')}</span>
        <input name="name" .value=${c.name} maxlength="80" required />
      </label>
      <button class="button primary" type="submit">${msg('Save')}</button>
      <button class="button" type="button" @click=${() => (this._editing = null)}>${msg('Cancel')}</button>
    </form>`;
  }

  private _add = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = formText(form, 'name');
    const parentId = formText(form, 'parentId') || null;
    void this.run(async () => {
      await saveCategory(this.api, null, { id: uuidv7(), name, parentId });
      form.reset();
      await this._reload();
      return msg(str`${name} added.`);
    });
  };

  private _rename(event: SubmitEvent, c: Category): void {
    event.preventDefault();
    const name = formText(event.currentTarget as HTMLFormElement, 'name');
    void this.run(async () => {
      await saveCategory(this.api, c.id, { name });
      this._editing = null;
      await this._reload();
      return msg(str`Renamed to ${name}.`);
    });
  }

  private async _toggle(c: Category): Promise<void> {
    await this.run(async () => {
      await setCategoryActive(this.api, c.id, !c.active);
      await this._reload();
      return c.active
        ? msg(str`${c.name} is archived; its products keep selling.`)
        : msg(str`${c.name} is in use again.`);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'categories-page': CategoriesPage;
  }
}
