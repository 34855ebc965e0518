import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { confirmAction } from '../components/confirm-dialog.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { navigate } from '../shell/navigation.js';
import { adminHref } from '../shell/router.js';
import {
  categoryPaths,
  getProduct,
  listCategories,
  listProducts,
  listTaxClasses,
  saveProduct,
  setProductActive,
  UNITS,
  type Product,
  type TaxClass,
} from './catalog-api.js';
import { CatalogPage, catalogStyles, moneyInputValue, parseMoneyInput } from './catalog-page.js';
import { attributeText, barcodeLines, parseAttributeText, parseBarcodeLines } from './product-form.js';

function unitName(unit: string): string {
  switch (unit) {
    case 'kg':
      return msg('Kilogram (weighed or by weight)');
    case 'l':
      return msg('Litre');
    default:
      return msg('Piece');
  }
}

/**
 * One product: its fields, barcodes, tax class and category; a style's variants (sizes, colours) and a
 * form to add one; archive and bring back. /products/new makes a new one.
 */
@customElement('product-page')
@localized()
export class ProductPage extends CatalogPage {
  static override styles = [baseStyles, buttonStyles, pageStyles, catalogStyles];

  @state() private _product: Product | null = null;
  @state() private _variants: Product[] = [];
  @state() private _categories = new Map<string, string>();
  @state() private _taxClasses: TaxClass[] = [];
  @state() private _loaded = false;

  private get _isNew(): boolean {
    return this.params.id === 'new';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.run(async () => {
      const [categories, taxClasses] = await Promise.all([
        listCategories(this.api),
        listTaxClasses(this.api),
      ]);
      this._categories = categoryPaths(categories);
      this._taxClasses = taxClasses;
      if (!this._isNew) await this._load(this.params.id ?? '');
      this._loaded = true;
      return null;
    });
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // The shell keeps this element when one product page links to another (a style to its variant).
    const id = this.params.id ?? '';
    if (changed.has('params') && this._loaded && id !== 'new' && id !== this._product?.id) {
      void this.run(async () => {
        await this._load(id);
        return null;
      });
    }
  }

  private async _load(id: string): Promise<void> {
    this._product = await getProduct(this.api, id);
    this._variants = this._product.hasVariants
      ? (await listProducts(this.api, { q: '', categoryId: '', status: 'all', parentId: id }, 200, 0)).items
      : [];
  }

  override render() {
    const p = this._product;
    const title = this._isNew ? msg('New product') : (p?.name ?? msg('Product'));
    return html`<div class="head">
        <h1 tabindex="-1">${title}</h1>
        <div class="actions">
          <a class="button" href=${adminHref('/products')}>${msg('All products')}</a>
          ${
            p === null
              ? nothing
              : html`<button class="button" type="button" ?disabled=${this.busy} @click=${this._toggleActive}>
                  ${p.active ? msg('Archive') : msg('Bring back')}
                </button>`
          }
        </div>
      </div>
      ${this.renderNotice()}
      ${
        p !== null && !p.active
          ? html`<p class="notice warning">${msg('Archived: not sold at the tills.')}</p>`
          : nothing
      }
      ${this._loaded && (this._isNew || p !== null) ? this._renderForm(p) : nothing}
      ${p?.hasVariants === true ? this._renderVariants(p) : nothing}`;
  }

  private _renderForm(p: Product | null) {
    const taxClasses = this._taxClasses.filter((t) => t.active || t.id === p?.taxClassId);
    return html`<form class="card" @submit=${this._save} aria-label=${msg('Product details')}>
      <div class="form-grid">
        <label class="field">
          <span>${msg('SKU')}</span>
          <input name="sku" required maxlength="64" .value=${p?.sku ?? ''} autocomplete="off" />
        </label>
        <label class="field">
          <span>${msg('Name')}</span>
          <input name="name" required maxlength="200" .value=${p?.name ?? ''} autocomplete="off" />
        </label>
        <label class="field">
          <span>${msg('Price')}</span>
          <input name="price" required inputmode="decimal" .value=${p ? moneyInputValue(p.priceMinor) : ''} />
        </label>
        <label class="field">
          <span>${msg('Cost')}</span>
          <input name="cost" inputmode="decimal" .value=${p ? moneyInputValue(p.costMinor) : ''} />
        </label>
        <label class="field">
          <span>${msg('Tax class')}</span>
          <select name="taxClassId" required>
            ${taxClasses.map(
              (t) => html`<option value=${t.id} ?selected=${t.id === p?.taxClassId}>${t.name}</option>`,
            )}
          </select>
        </label>
        <label class="field">
          <span>${msg('Category')}</span>
          <select name="categoryId">
            <option value="">${msg('None')}</option>
            ${[...this._categories].map(
              ([id, path]) => html`<option value=${id} ?selected=${id === p?.categoryId}>${path}</option>`,
            )}
          </select>
        </label>
        <label class="field">
          <span>${msg('Unit')}</span>
          <select name="unit">
            ${UNITS.map((u) => html`<option value=${u} ?selected=${u === (p?.unit ?? 'piece')}>${unitName(u)}</option>`)}
          </select>
        </label>
        <label class="field">
          <span>${msg('Reorder point')}</span>
          <input
            name="reorderPoint"
            inputmode="numeric"
            pattern="[0-9]*"
            .value=${p?.reorderPoint?.toString() ?? ''}
          />
        </label>
        <label class="field">
          <span>${msg('Barcodes, one a line (PLU 1234 for a scale item)')}</span>
          <textarea name="barcodes" rows="3" .value=${p ? barcodeLines(p.barcodes) : ''}></textarea>
        </label>
        <label class="field">
          <span>${msg('Description')}</span>
          <textarea name="description" maxlength="2000" .value=${p?.description ?? ''}></textarea>
        </label>
        <label class="check">
          <input type="checkbox" name="weighed" ?checked=${p?.weighed === true} />
          <span>${msg('Weighed at the till (priced per kg)')}</span>
        </label>
        ${
          p === null
            ? html`<label class="check">
                <input type="checkbox" name="hasVariants" />
                <span>${msg('Style with variants (sizes, colours)')}</span>
              </label>`
            : nothing
        }
      </div>
      <p><button class="button primary" type="submit" ?disabled=${this.busy}>${msg('Save')}</button></p>
    </form>`;
  }

  private _renderVariants(style: Product) {
    return html`<section class="card" aria-labelledby="variants-heading">
      <h2 id="variants-heading">${msg('Variants')}</h2>
      ${renderTable({
        caption: msg('Variants'),
        hideCaption: true,
        rows: this._variants,
        empty: msg('No variant yet.'),
        columns: [
          { header: msg('SKU'), cell: (v) => html`<a href=${adminHref(`/products/${v.id}`)}>${v.sku}</a>` },
          { header: msg('Attributes'), cell: (v) => attributeText(v.attributes) },
          { header: msg('Barcodes'), cell: (v) => v.barcodes.map((b) => b.display).join(', ') || '—' },
          { header: msg('Price'), cell: (v) => storeMoney(v.priceMinor), align: 'end' },
          {
            header: msg('Status'),
            cell: (v) => (v.active ? msg('On sale') : msg('Archived')),
          },
        ],
      })}
      <form class="toolbar" @submit=${(e: SubmitEvent) => this._addVariant(e, style)}>
        <label class="field">
          <span>${msg('Variant SKU')}</span>
          <input name="sku" required maxlength="64" autocomplete="off" />
        </label>
        <label class="field">
          <span>${msg('Attributes (size=M; colour=Red)')}</span>
          <input name="attributes" required autocomplete="off" />
        </label>
        <label class="field">
          <span>${msg('Price')}</span>
          <input name="price" inputmode="decimal" .value=${moneyInputValue(style.priceMinor)} required />
        </label>
        <label class="field">
          <span>${msg('Barcode')}</span>
          <input name="barcodes" autocomplete="off" />
        </label>
        <button class="button" type="submit" ?disabled=${this.busy}>${msg('Add variant')}</button>
      </form>
    </section>`;
  }

  private _save = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const price = parseMoneyInput(formText(form, 'price'));
    const costText = formText(form, 'cost');
    const cost = costText === '' ? 0 : parseMoneyInput(costText);
    if (price === null || cost === null) {
      this.notice = { text: msg('Type prices as amounts, such as 12.50.'), error: true };
      return;
    }
    const reorder = formText(form, 'reorderPoint');
    const body: Record<string, unknown> = {
      sku: formText(form, 'sku'),
      name: formText(form, 'name'),
      description: formText(form, 'description'),
      priceMinor: price,
      costMinor: cost,
      taxClassId: formText(form, 'taxClassId'),
      categoryId: formText(form, 'categoryId') || null,
      unit: formText(form, 'unit'),
      weighed: new FormData(form).has('weighed'),
      reorderPoint: reorder === '' ? null : Number(reorder),
      barcodes: parseBarcodeLines(formText(form, 'barcodes')),
    };
    const current = this._product;
    if (current === null) {
      body.id = uuidv7();
      body.hasVariants = new FormData(form).has('hasVariants');
    }
    void this.run(async () => {
      const saved = await saveProduct(this.api, current?.id ?? null, body);
      await this._load(saved.id);
      if (current === null) navigate(adminHref(`/products/${saved.id}`), { replace: true });
      return msg(str`${saved.name} is saved.`);
    });
  };

  private _addVariant(event: SubmitEvent, style: Product): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const attributes = parseAttributeText(formText(form, 'attributes'));
    const price = parseMoneyInput(formText(form, 'price'));
    if (attributes === null || Object.keys(attributes).length === 0 || price === null) {
      this.notice = {
        text: msg('Give the variant attributes as name=value (size=M; colour=Red) and a price.'),
        error: true,
      };
      return;
    }
    const sku = formText(form, 'sku');
    void this.run(async () => {
      await saveProduct(this.api, null, {
        id: uuidv7(),
        parentId: style.id,
        sku,
        name: `${style.name} ${Object.values(attributes).join(' ')}`,
        attributes,
        priceMinor: price,
        costMinor: style.costMinor,
        taxClassId: style.taxClassId,
        categoryId: style.categoryId,
        unit: style.unit,
        barcodes: parseBarcodeLines(formText(form, 'barcodes')),
      });
      form.reset();
      await this._load(style.id);
      return msg(str`Variant ${sku} added.`);
    });
  }

  private _toggleActive = async (): Promise<void> => {
    const p = this._product;
    if (p === null) return;
    if (p.active) {
      const sure = await confirmAction(this, {
        heading: msg(str`Archive ${p.name}?`),
        text: p.hasVariants
          ? msg('The tills stop selling it and all its variants. You can bring it back later.')
          : msg('The tills stop selling it. You can bring it back later.'),
        confirmLabel: msg('Archive'),
      });
      if (!sure) return;
    }
    await this.run(async () => {
      await setProductActive(this.api, p.id, !p.active);
      await this._load(p.id);
      return p.active ? msg(str`${p.name} is archived.`) : msg(str`${p.name} is on sale again.`);
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'product-page': ProductPage;
  }
}
