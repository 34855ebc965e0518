import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import {
  currentCashSession,
  createSale,
  getSale,
  listTenders,
  lookupCode,
  replaceCart,
  type ProductHit,
  type Tender,
} from '../../shared/api/sales-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import type { AppEvent } from '../../shared/events.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';
import './cart-panel.js';
import type { TillNotice } from './cart-panel.js';
import { addProduct, canPay, emptyCart, removeLine, setQuantity, type CartState } from './cart-state.js';
import { readStoredCart, storeCart } from './cart-storage.js';
import { CartSync } from './cart-sync.js';
import './open-session-form.js';
import './pay-dialog.js';
import { refusalText } from './refusal-text.js';
import { ScanDetector } from './scan-detector.js';
import './search-panel.js';
import type { SearchPanel } from './search-panel.js';
import { sellingStyles } from './selling-screen.styles.js';

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
  @state() private _notice: TillNotice | null = null;
  @state() private _paying = false;
  @state() private _tenders: Tender[] = [];
  @state() private _sessionOpen: boolean | null = null;

  @query('search-panel') private _search?: SearchPanel;

  private _sync: CartSync | null = null;
  private _detector = new ScanDetector();
  private _burstSnapshot: string | null = null;
  private _watchedEvents: EventTarget | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const stored = readStoredCart();
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
          storeCart(cart);
        },
        refused: (error) => {
          this._notice = { text: refusalText(error), danger: true };
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
        <search-panel
          .currency=${this.currency}
          .uiLocale=${this.uiLocale}
          @product-pick=${this._onProductPick}
          @code-enter=${this._onCodeEnter}
          @till-notice=${this._onNotice}
        >
          ${
            this._sessionOpen === false
              ? html`<open-session-form
                  .currency=${this.currency}
                  @cash-session-opened=${this._onSessionOpened}
                ></open-session-form>`
              : nothing
          }
        </search-panel>
        <cart-panel
          class="cart"
          .cart=${this._cart}
          .notice=${this._notice}
          .paying=${this._paying}
          .currency=${this.currency}
          .uiLocale=${this.uiLocale}
          @line-quantity=${this._onLineQuantity}
          @line-remove=${this._onLineRemove}
          @pay-request=${this._openPay}
        ></cart-panel>
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

  // ---- actions ----

  private _api() {
    if (!this._connection) throw new Error('selling-screen needs the hub connection context');
    return this._connection.api;
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

  private _onNotice = (event: AppEvent<'till-notice'>): void => {
    this._notice = event.detail;
  };

  private _onSessionOpened = (): void => {
    this._sessionOpen = true;
    this._notice = null;
  };

  private _onLineQuantity = (event: AppEvent<'line-quantity'>): void => {
    const { lineId, quantity } = event.detail;
    this._notice = null;
    this._sync?.update((cart) => setQuantity(cart, lineId, quantity));
  };

  private _onLineRemove = (event: AppEvent<'line-remove'>): void => {
    const { lineId } = event.detail;
    this._notice = null;
    this._sync?.update((cart) => removeLine(cart, lineId));
  };

  private _onProductPick = (event: AppEvent<'product-pick'>): void => {
    this._addHit(event.detail.product);
  };

  private _onCodeEnter = (event: AppEvent<'code-enter'>): void => {
    void this._scan(event.detail.code);
  };

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

  private _onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'F2') {
      event.preventDefault();
      if (!this._paying) this._search?.focusSearch();
      return;
    }
    if (event.key === 'F12') {
      event.preventDefault();
      this._openPay();
      return;
    }
    const inSearch = this._search?.isSearchBox(event.composedPath()[0]) ?? false;
    const verdict = this._detector.key(event.key, event.timeStamp, {
      ctrl: event.ctrlKey,
      alt: event.altKey,
      meta: event.metaKey,
    });
    switch (verdict.kind) {
      case 'char':
        // The first key of what may be a scan: remember the box as it was, to undo the scan's typing.
        if (verdict.burstStart) this._burstSnapshot = inSearch ? (this._search?.searchText ?? '') : null;
        return;
      case 'scan': {
        event.preventDefault();
        event.stopPropagation();
        if (inSearch && this._search && this._burstSnapshot !== null) {
          this._search.restoreSearch(this._burstSnapshot);
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
    this._search?.focusSearch();
  };

  private _onSaleFinished = (): void => {
    this._paying = false;
    this._notice = null;
    this._sync?.update(() => emptyCart(uuidv7()));
    this._search?.clearSearch();
    this._search?.focusSearch();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'selling-screen': SellingScreen;
  }
}
