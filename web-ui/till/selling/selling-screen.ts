import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { isUnreachable, type HubApiError } from '../../shared/api/errors.js';
import {
  currentCashSession,
  createSale,
  getSale,
  listTenders,
  lookupCode,
  openCashSession,
  replaceCart,
  searchProducts,
  type ProductHit,
  type Tender,
} from '../../shared/api/sales-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import type { AppEvent } from '../../shared/events.js';
import { currencyExponent, formatMoney } from '../../shared/format/money.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';
import {
  addProduct,
  canPay,
  currentTotals,
  displayLines,
  emptyCart,
  fromStored,
  removeLine,
  setQuantity,
  toStored,
  type CartState,
} from './cart-state.js';
import { CartSync } from './cart-sync.js';
import './pay-dialog.js';
import { ScanDetector } from './scan-detector.js';
import { sellingStyles } from './selling-screen.styles.js';
import { parseMajorAmount } from './amount-input.js';

const CART_KEY = 'store-hub.till.cart';
const SEARCH_DELAY_MS = 150;

/**
 * The selling screen: search or scan products into the cart, change quantities, remove lines, and pay.
 * Scans come from a keyboard-wedge scanner (a fast burst ending in Enter, wherever the focus is) or from
 * the till's serial scanner over MQTT (`tillEvents` 'scan'); both take the same path. The cart lives in
 * CartSync (kept in localStorage too) and every figure on screen is the hub's.
 */
@customElement('selling-screen')
@localized()
export class SellingScreen extends LitElement {
  static override styles = [baseStyles, buttonStyles, sellingStyles];

  @property() currency = 'DKK';
  @property() uiLocale = 'en';
  @property({ type: Array }) permissions: readonly string[] = [];
  /** Till events from the hub's broker (scans from the serial scanner), as DOM events. */
  @property({ attribute: false }) tillEvents: EventTarget | null = null;

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _cart: CartState = emptyCart(uuidv7());
  @state() private _query = '';
  @state() private _results: ProductHit[] | null = null;
  @state() private _notice: { text: string; danger: boolean } | null = null;
  @state() private _paying = false;
  @state() private _tenders: Tender[] = [];
  @state() private _sessionOpen: boolean | null = null;
  @state() private _floatText = '';

  @query('#search') private _search?: HTMLInputElement;

  private _sync: CartSync | null = null;
  private _detector = new ScanDetector();
  private _burstSnapshot: string | null = null;
  private _searchTimer: number | undefined;
  private _searchAbort: AbortController | null = null;
  private _watchedEvents: EventTarget | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const stored = this._readStored();
    this._sync = new CartSync(
      stored ?? emptyCart(uuidv7()),
      {
        create: (id, lines) => createSale(this._api(), id, lines),
        replace: (id, version, lines) => replaceCart(this._api(), id, version, lines),
        get: (id) => getSale(this._api(), id),
      },
      {
        changed: (cart) => {
          this._cart = cart;
          window.localStorage.setItem(CART_KEY, JSON.stringify(toStored(cart)));
        },
        refused: (error) => {
          this._notice = { text: this._refusalText(error), danger: true };
        },
        setTimeout: (run, ms) => window.setTimeout(run, ms),
        clearTimeout: (handle) => {
          window.clearTimeout(handle as number);
        },
      },
    );
    this._cart = this._sync.state;
    window.addEventListener('keydown', this._onKeyDown, { capture: true });
    this._connection?.addEventListener('change', this._onConnectionChange);
    void this._sync.flush();
    void this._loadTill();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKeyDown, { capture: true });
    this._connection?.removeEventListener('change', this._onConnectionChange);
    this._watchedEvents?.removeEventListener('scan', this._onLiveScan);
    this._watchedEvents = null;
    this._sync?.stop();
    window.clearTimeout(this._searchTimer);
  }

  override willUpdate(): void {
    if (this._watchedEvents !== this.tillEvents) {
      this._watchedEvents?.removeEventListener('scan', this._onLiveScan);
      this.tillEvents?.addEventListener('scan', this._onLiveScan);
      this._watchedEvents = this.tillEvents;
    }
  }

  override render() {
    return html`<div class="layout" data-screen="selling">
        <section class="search" aria-labelledby="search-title">
          <h1 id="search-title">${msg('Find a product')}</h1>
          ${this._renderSession()}
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
        </section>
        <section class="cart" aria-labelledby="cart-title">
          <h2 id="cart-title">${msg('Cart')}</h2>
          ${
            this._notice
              ? html`<p class="notice ${this._notice.danger ? 'danger' : ''}" role="alert">
                  ${this._notice.text}
                </p>`
              : nothing
          }
          ${this._renderLines()} ${this._renderTotals()}
          <button
            class="button primary pay"
            type="button"
            ?disabled=${!canPay(this._cart) || this._paying}
            aria-keyshortcuts="F12"
            @click=${this._openPay}
          >
            ${msg('Pay')}
          </button>
          ${this._renderSync()}
        </section>
      </div>
      <footer>
        <ul aria-label=${msg('Keyboard shortcuts')}>
          <li><kbd>F2</kbd> ${msg('Search')}</li>
          <li><kbd>F12</kbd> ${msg('Pay')}</li>
          <li><kbd>Esc</kbd> ${msg('Close')}</li>
          <li>${msg('A scanner works wherever the focus is.')}</li>
        </ul>
      </footer>
      ${
        this._paying && this._cart.hub
          ? html`<pay-dialog
              .sale=${this._cart.hub}
              .tenders=${this._tenders}
              .currency=${this.currency}
              .uiLocale=${this.uiLocale}
              @pay-closed=${this._onPayClosed}
              @sale-finished=${this._onSaleFinished}
            ></pay-dialog>`
          : nothing
      }`;
  }

  private _renderSession() {
    if (this._sessionOpen !== false) return nothing;
    return html`<div class="notice" role="status">
      <p>${msg('No cash session is open at this till. Count the float into the drawer and open one.')}</p>
      <form class="session" @submit=${this._onOpenSession}>
        <label class="field">
          <span>${msg('Float in the drawer')}</span>
          <input
            inputmode="decimal"
            .value=${this._floatText}
            @input=${(e: Event) => {
              this._floatText = (e.target as HTMLInputElement).value;
            }}
          />
        </label>
        <button class="button primary" type="submit">${msg('Open cash session')}</button>
      </form>
    </div>`;
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
            <button class="result" type="button" @click=${() => this._addHit(p)}>
              <span class="pname">${p.name}</span>
              <span class="meta">${p.sku}${p.barcode ? html` · ${p.barcode}` : nothing}</span>
              <span class="price">${this._money(p.priceMinor)}</span>
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private _renderLines() {
    const lines = displayLines(this._cart);
    if (lines.length === 0) {
      return html`<p class="empty">${msg('The cart is empty. Scan or search to add products.')}</p>`;
    }
    return html`<ul class="lines" aria-label=${msg('Cart lines')}>
      ${lines.map(
        (line) =>
          html`<li class="line" data-line=${line.id}>
            <span class="name">${line.name}</span>
            <span class="amount">
              ${
                line.totalMinor === null
                  ? html`<span class="pending">${msg('updating…')}</span>`
                  : this._money(line.totalMinor)
              }
            </span>
            <div class="controls">
              ${
                line.quantity !== null && !line.measured
                  ? this._renderQuantity(line.id, line.name, line.quantity)
                  : html`<span class="qty">${line.quantity ?? ''}</span>`
              }
              <button
                class="button remove"
                type="button"
                aria-label=${msg(str`Remove ${line.name}`)}
                @click=${() => this._remove(line.id)}
              >
                ${msg('Remove')}
              </button>
            </div>
          </li>`,
      )}
    </ul>`;
  }

  private _renderQuantity(id: string, name: string, quantity: number) {
    return html`<button
        class="button"
        type="button"
        aria-label=${msg(str`One less ${name}`)}
        ?disabled=${quantity <= 1}
        @click=${() => {
          this._changeQuantity(id, quantity - 1);
        }}
      >
        −
      </button>
      <span class="qty" aria-label=${msg('Quantity')}>${quantity}</span>
      <button
        class="button"
        type="button"
        aria-label=${msg(str`One more ${name}`)}
        @click=${() => {
          this._changeQuantity(id, quantity + 1);
        }}
      >
        +
      </button>`;
  }

  private _renderTotals() {
    const totals = currentTotals(this._cart);
    if (this._cart.lines.length === 0) return nothing;
    const show = (minor: number | undefined) =>
      minor === undefined ? html`<span class="pending">…</span>` : this._money(minor);
    return html`<dl class="totals" aria-live="polite" aria-busy=${totals === null ? 'true' : 'false'}>
      <dt>${msg('Subtotal')}</dt>
      <dd>${show(totals?.subtotalMinor)}</dd>
      <dt>${msg('Discount')}</dt>
      <dd>${show(totals === null ? undefined : -totals.discountMinor)}</dd>
      <dt>${msg('Tax')}</dt>
      <dd>${show(totals?.taxMinor)}</dd>
      <dt class="grand">${msg('Total')}</dt>
      <dd class="grand" data-total>${show(totals?.totalMinor)}</dd>
    </dl>`;
  }

  private _renderSync() {
    switch (this._cart.sync) {
      case 'synced':
        return this._cart.hub === null
          ? nothing
          : html`<p class="sync" role="status">${msg('Saved on the hub.')}</p>`;
      case 'pending':
        return html`<p class="sync" role="status">${msg('Sending to the hub…')}</p>`;
      case 'offline':
        return html`<p class="sync offline" role="status">
          ${msg('The hub is not answering. The cart is kept on this till and sent again by itself.')}
        </p>`;
    }
  }

  // ---- actions ----

  private _api() {
    if (!this._connection) throw new Error('selling-screen needs the hub connection context');
    return this._connection.api;
  }

  private _money(minor: number): string {
    return formatMoney(minor, this.currency, this.uiLocale);
  }

  private _readStored(): CartState | null {
    const raw = window.localStorage.getItem(CART_KEY);
    if (raw === null) return null;
    try {
      return fromStored(JSON.parse(raw));
    } catch {
      return null;
    }
  }

  private async _loadTill(): Promise<void> {
    try {
      const [tenders, session] = await Promise.all([
        listTenders(this._api()),
        currentCashSession(this._api()),
      ]);
      this._tenders = tenders.filter((t) => t.enabled);
      this._sessionOpen = session !== null;
    } catch {
      // Unreachable: the banner says so; opening the pay screen tries again.
    }
  }

  private _onOpenSession = async (event: Event): Promise<void> => {
    event.preventDefault();
    const minor = parseMajorAmount(this._floatText, currencyExponent(this.currency));
    if (minor === null) {
      this._notice = { text: msg('Enter the float as an amount, for example 500 or 500.00.'), danger: true };
      return;
    }
    try {
      await openCashSession(this._api(), uuidv7(), minor);
      this._sessionOpen = true;
      this._notice = null;
    } catch (error) {
      this._notice = { text: errorText(error), danger: true };
    }
  };

  private _changeQuantity(lineId: string, quantity: number): void {
    this._notice = null;
    this._sync?.update((cart) => setQuantity(cart, lineId, quantity));
  }

  private _remove(lineId: string): void {
    this._notice = null;
    this._sync?.update((cart) => removeLine(cart, lineId));
  }

  private _addHit(product: ProductHit): void {
    if (this._paying) return;
    if (product.weighed) {
      this._notice = {
        text: msg(str`${product.name} is sold by weight. Scan its scale label.`),
        danger: false,
      };
      return;
    }
    this._notice = null;
    this._sync?.update((cart) => addProduct(cart, { productId: product.id, name: product.name }, uuidv7()));
  }

  /** One path for every scan: the wedge burst, Enter on a code in the search box, the serial scanner. */
  private async _scan(code: string): Promise<void> {
    if (this._paying) {
      this._notice = { text: msg('Finish or close the payment before scanning more.'), danger: false };
      return;
    }
    try {
      const found = await lookupCode(this._api(), code);
      if (found.status !== 'found') {
        this._notice = { text: msg(str`No product has the code ${code}.`), danger: true };
        return;
      }
      if (found.needsWeight) {
        this._notice = {
          text: msg(str`${found.product.name} is sold by weight. Scan its scale label.`),
          danger: false,
        };
        return;
      }
      this._notice = null;
      this._sync?.update((cart) =>
        addProduct(
          cart,
          {
            productId: found.product.id,
            name: found.product.name,
            ...(found.label ? { labelCode: code } : {}),
          },
          uuidv7(),
        ),
      );
    } catch (error) {
      this._notice = { text: errorText(error), danger: true };
    }
  }

  private _refusalText(error: HubApiError): string {
    if (error.code === 'PERMISSION_REQUIRED') {
      const permission = typeof error.details.permission === 'string' ? error.details.permission : '';
      return permission === 'sale.remove_line'
        ? msg('Removing a line or lowering a quantity needs a supervisor. Ask one to approve it.')
        : msg(str`This needs a supervisor's permission (${permission}).`);
    }
    return errorText(error);
  }

  private _onSearchInput = (event: Event): void => {
    this._query = (event.target as HTMLInputElement).value;
    window.clearTimeout(this._searchTimer);
    this._searchTimer = window.setTimeout(() => void this._runSearch(), SEARCH_DELAY_MS);
  };

  private async _runSearch(): Promise<void> {
    const q = this._query.trim();
    this._searchAbort?.abort();
    if (q.length < 2) {
      this._results = null;
      return;
    }
    const abort = new AbortController();
    this._searchAbort = abort;
    try {
      const hits = await searchProducts(this._api(), q, abort.signal);
      if (!abort.signal.aborted) this._results = hits;
    } catch (error) {
      if (!abort.signal.aborted && !isUnreachable(error))
        this._notice = { text: errorText(error), danger: true };
    }
  }

  /** Enter typed by hand in the search box: a code is looked up, a name adds the only or first hit. */
  private _onSearchKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    const q = this._query.trim();
    if (q === '') return;
    event.preventDefault();
    if (/^\d{6,}$/.test(q)) {
      this._clearSearch();
      void this._scan(q);
      return;
    }
    const first = this._results?.[0];
    if (first) {
      this._addHit(first);
      this._clearSearch();
    }
  };

  private _clearSearch(): void {
    window.clearTimeout(this._searchTimer);
    this._searchAbort?.abort();
    this._query = '';
    if (this._search) this._search.value = '';
    this._results = null;
  }

  private _onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'F2') {
      event.preventDefault();
      if (!this._paying) this._search?.focus();
      return;
    }
    if (event.key === 'F12') {
      event.preventDefault();
      this._openPay();
      return;
    }
    const inSearch = event.composedPath()[0] === this._search;
    const verdict = this._detector.key(event.key, event.timeStamp, {
      ctrl: event.ctrlKey,
      alt: event.altKey,
      meta: event.metaKey,
    });
    switch (verdict.kind) {
      case 'char':
        // The first key of what may be a scan: remember the box as it was, to undo the scan's typing.
        if (verdict.burstStart) this._burstSnapshot = inSearch ? (this._search?.value ?? '') : null;
        return;
      case 'scan': {
        event.preventDefault();
        event.stopPropagation();
        if (inSearch && this._search && this._burstSnapshot !== null) {
          this._search.value = this._burstSnapshot;
          this._query = this._burstSnapshot;
          window.clearTimeout(this._searchTimer);
        }
        this._burstSnapshot = null;
        void this._scan(verdict.code);
        return;
      }
      case 'other':
        return;
    }
  };

  private _onLiveScan = (event: Event): void => {
    if (event instanceof CustomEvent && typeof event.detail === 'string') void this._scan(event.detail);
  };

  private _onConnectionChange = (event: Event): void => {
    if (event instanceof CustomEvent && event.detail === 'reachability' && this._connection?.online) {
      this._sync?.retryNow();
      if (this._sessionOpen === null || this._tenders.length === 0) void this._loadTill();
    }
  };

  private _openPay = (): void => {
    if (!canPay(this._cart) || this._paying) return;
    this._notice = null;
    if (this._tenders.length === 0) void this._loadTill();
    this._paying = true;
  };

  private _onPayClosed = (event: AppEvent<'pay-closed'>): void => {
    this._paying = false;
    // Money taken: the hub froze the cart; read it so the screen shows what was paid.
    if (event.detail.sale) this._sync?.update((cart) => ({ ...cart, hub: event.detail.sale }));
    this._search?.focus();
  };

  private _onSaleFinished = (): void => {
    this._paying = false;
    this._notice = null;
    this._sync?.update(() => emptyCart(uuidv7()));
    this._clearSearch();
    this._search?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'selling-screen': SellingScreen;
  }
}
