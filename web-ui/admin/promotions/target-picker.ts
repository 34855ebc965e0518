import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import './product-search.js';
import type { CategoryOption, ProductHit, Target } from './promotions-api.js';

/**
 * What a campaign covers: products picked by search (shown as chips to take off again) and whole
 * categories (ticked; a category covers the ones below it). Several products make a mix and match.
 */
@customElement('promotion-target-picker')
@localized()
export class PromotionTargetPicker extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      fieldset {
        border: 1px solid var(--line);
        border-radius: var(--radius);
        padding: 0.75rem 1rem 1rem;
        margin: 0;
        display: grid;
        gap: 0.75rem;
        min-width: 0;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .chips {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      .chip {
        min-height: 36px;
        padding: 0 0.75rem;
      }
      .categories {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0.25rem 1rem;
      }
      .categories label {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        min-height: 36px;
      }
      .error {
        color: var(--danger);
        font-weight: 600;
        margin: 0;
      }
    `,
  ];

  @property() legend = '';
  @property() name = 'target';
  @property({ attribute: false }) target: Target = { productIds: [], categoryIds: [] };
  @property({ attribute: false }) categories: readonly CategoryOption[] = [];
  /** Names of the picked products (ids the page does not know yet show as the id). */
  @property({ attribute: false }) productNames: ReadonlyMap<string, string> = new Map();
  @property() error: string | null = null;
  @property({ attribute: false }) onChange: (target: Target, picked?: ProductHit) => void = () => undefined;

  override render() {
    const { productIds, categoryIds } = this.target;
    return html`<fieldset data-target=${this.name} aria-invalid=${this.error === null ? 'false' : 'true'}>
      <legend>${this.legend}</legend>
      ${this.error === null ? nothing : html`<p class="error" role="alert">${this.error}</p>`}
      ${
        productIds.length === 0
          ? nothing
          : html`<ul class="chips" aria-label=${msg('Products picked')}>
              ${productIds.map((id) => {
                const name = this.productNames.get(id) ?? id;
                return html`<li>
                  <button
                    class="button chip"
                    type="button"
                    aria-label=${msg(str`Take ${name} off`)}
                    @click=${() => this.onChange({ productIds: productIds.filter((p) => p !== id), categoryIds })}
                  >
                    ${name} ✕
                  </button>
                </li>`;
              })}
            </ul>`
      }
      <promotion-product-search
        .label=${msg('Add a product (name, SKU or barcode)')}
        .onPick=${(p: ProductHit) => {
          if (!productIds.includes(p.id))
            this.onChange({ productIds: [...productIds, p.id], categoryIds }, p);
        }}
      ></promotion-product-search>
      <div class="categories" role="group" aria-label=${msg('Categories')}>
        ${this.categories.map(
          (c) =>
            html`<label>
              <input
                type="checkbox"
                .checked=${categoryIds.includes(c.id)}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const next = on ? [...categoryIds, c.id] : categoryIds.filter((id) => id !== c.id);
                  this.onChange({ productIds, categoryIds: next });
                }}
              />
              ${c.name}
            </label>`,
        )}
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'promotion-target-picker': PromotionTargetPicker;
  }
}
