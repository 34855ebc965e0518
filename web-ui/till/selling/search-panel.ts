import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { isUnreachable } from '../../shared/api/errors.js';
import { searchProducts, type ProductHit } from '../../shared/api/sales-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';
import type { CatalogCache } from '../catalog/catalog-cache.js';
import { catalogCacheContext } from '../catalog/context.js';
import type { ScanBox } from './wedge-scan-keys.js';
import { searchPanelStyles } from './search-panel.styles.js';
import { panelStyles } from './selling-panel.styles.js';

const SEARCH_DELAY_MS = 150;
const SEARCH_LIMIT = 20;
const LOCAL_SEARCH_DELAY_MS = 40;

/**
 * Finding a product: the search box and its results. A picked result is 'product-pick'; Enter on a
 * code typed by hand is 'code-enter'. Slotted content (the open-cash-session form) shows under the
 * heading. The selling screen drives the box through the public methods (focus, scan undo, clear).
 */
@customElement('search-panel')
@localized()
export class SearchPanel extends LitElement implements ScanBox {
  static override styles = [baseStyles, buttonStyles, panelStyles, searchPanelStyles];

  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @consume({ context: catalogCacheContext })
  private _catalog?: CatalogCache | null;

  @state() private _query = '';
  @state() private _results: ProductHit[] | null = null;

  @query('#search') private _search?: HTMLInputElement;

  private _searchTimer: number | undefined;
  private _searchAbort: AbortController | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this._searchTimer);
  }

  override render() {
    return html`<section class="search" aria-labelledby="search-title">
      <h1 id="search-title">${msg('Find a product')}</h1>
      <slot></slot>
      <div class="field">
        <label for="search">${msg('Search or scan (name, SKU or barcode)')}</label>
        <input
          id="search"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          .value=${this._query}
          @input=${this._onSearchInput}
          @keydown=${this._onSearchKey}
        />
      </div>
      ${this._renderResults()}
    </section>`;
  }

  /** Puts the focus in the search box. */
  focusSearch(): void {
    this._search?.focus();
  }

  /** Whether `node` is the search box (a key event's first target). */
  isBox(node: EventTarget | undefined): boolean {
    return node !== undefined && node === this._search;
  }

  /** What the search box holds now, or null before it is drawn. */
  get text(): string | null {
    return this._search ? this._search.value : null;
  }

  /** Puts back what the box held before a scanner typed into it, without searching again. */
  restore(text: string): void {
    if (!this._search) return;
    this._search.value = text;
    this._query = text;
    window.clearTimeout(this._searchTimer);
  }

  /** Empties the box and the results and stops any search under way. */
  clearSearch(): void {
    window.clearTimeout(this._searchTimer);
    this._searchAbort?.abort();
    this._query = '';
    if (this._search) this._search.value = '';
    this._results = null;
  }

  private _renderResults() {
    if (this._results === null) {
      return html`<p class="hint">${msg('Type at least two characters, or scan a barcode.')}</p>`;
    }
    if (this._results.length === 0) {
      return html`<p class="hint" role="status">${msg('No products match.')}</p>`;
    }
    return html`<ul class="results" aria-label=${msg('Search results')}>
      ${this._results.map(
        (p) =>
          html`<li>
            <button class="result" type="button" @click=${() => this._pick(p)}>
              <span class="pname">${p.name}</span>
              <span class="meta">${p.sku}${p.barcode ? html` · ${p.barcode}` : nothing}</span>
              <span class="price">${storeMoney(p.priceMinor, this.currency)}</span>
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private _pick(product: ProductHit): void {
    emit(this, 'product-pick', { product });
  }

  private _onSearchInput = (event: Event): void => {
    this._query = (event.target as HTMLInputElement).value;
    window.clearTimeout(this._searchTimer);
    // The local catalog answers within a frame, so it waits only long enough to let a scanner's burst
    // of keys pass; the hub is asked once the typing pauses.
    const delay = this._catalog?.searchable === true ? LOCAL_SEARCH_DELAY_MS : SEARCH_DELAY_MS;
    this._searchTimer = window.setTimeout(() => void this._runSearch(), delay);
  };

  private async _runSearch(): Promise<void> {
    const q = this._query.trim();
    this._searchAbort?.abort();
    if (q.length < 2) {
      this._results = null;
      return;
    }
    // From the till's own catalog when it holds all of it: instant, and it works with the hub away.
    const local = this._catalog?.search(q, SEARCH_LIMIT) ?? null;
    if (local !== null) {
      this._results = local;
      return;
    }
    const abort = new AbortController();
    this._searchAbort = abort;
    try {
      if (!this._connection) throw new Error('search-panel needs the hub connection context');
      const hits = await searchProducts(this._connection.api, q, abort.signal, SEARCH_LIMIT);
      if (!abort.signal.aborted) this._results = hits;
    } catch (error) {
      if (!abort.signal.aborted && !isUnreachable(error))
        emit(this, 'till-notice', { text: errorText(error), danger: true });
    }
  }

  /** Enter typed by hand in the search box: a code is looked up, a name adds the only or first hit. */
  private _onSearchKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    const q = this._query.trim();
    if (q === '') return;
    event.preventDefault();
    if (/^\d{6,}$/.test(q)) {
      this.clearSearch();
      emit(this, 'code-enter', { code: q });
      return;
    }
    const first = this._results?.[0];
    if (first) {
      this._pick(first);
      this.clearSearch();
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'search-panel': SearchPanel;
  }
}
