import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { adminErrorText } from '../components/error-text.js';
import { adminSessionContext, type AdminSession } from '../shell/admin-session.js';
import { searchProducts, type ProductHit } from './promotions-api.js';

const SEARCH_DELAY_MS = 250;

/**
 * Find a product by name, SKU or barcode as you type and pick it (a button per hit): used to choose what
 * a campaign covers and to fill the sample cart. The caller says what a pick does.
 */
@customElement('promotion-product-search')
@localized()
export class PromotionProductSearch extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: grid;
        gap: 0.5rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      .hit {
        min-height: 36px;
        padding: 0 0.75rem;
        font-weight: 500;
      }
      .error {
        color: var(--danger);
      }
    `,
  ];

  @property() label = '';
  @property({ attribute: false }) onPick: (product: ProductHit) => void = () => undefined;

  @consume({ context: adminSessionContext, subscribe: true })
  private _session?: AdminSession;

  @state() private _hits: ProductHit[] = [];
  @state() private _error: string | null = null;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _abort: AbortController | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
    this._abort?.abort();
  }

  override render() {
    return html`<label class="field">
        <span>${this.label}</span>
        <input type="search" autocomplete="off" @input=${this._onInput} />
      </label>
      ${this._error === null ? nothing : html`<p class="error" role="alert">${this._error}</p>`}
      ${
        this._hits.length === 0
          ? nothing
          : html`<ul aria-label=${msg('Products found')}>
              ${this._hits.map(
                (p) =>
                  html`<li>
                    <button class="button hit" type="button" @click=${() => this.onPick(p)}>
                      ${p.name} · ${storeMoney(p.priceMinor)}
                    </button>
                  </li>`,
              )}
            </ul>`
      }`;
  }

  private _onInput = (event: Event): void => {
    const q = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this._timer);
    if (q.length < 2) {
      this._hits = [];
      return;
    }
    this._timer = setTimeout(() => void this._search(q), SEARCH_DELAY_MS);
  };

  private async _search(q: string): Promise<void> {
    const session = this._session;
    if (!session) return;
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    try {
      this._hits = await searchProducts(session.api, q, abort.signal);
      this._error = null;
    } catch (error) {
      if (!abort.signal.aborted) this._error = adminErrorText(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'promotion-product-search': PromotionProductSearch;
  }
}
