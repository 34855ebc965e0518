import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
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
import { cashQuote } from '../../shared/api/payment-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import type { AppEvent } from '../../shared/events.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';
import type { CatalogCache } from '../catalog/catalog-cache.js';
import { catalogCacheContext } from '../catalog/context.js';
import type { CompletionQueue } from '../offline/completion-queue.js';
import { completionQueueContext } from '../offline/context.js';
import { REPRINT_LAST_KEY } from '../receipt/receipt-logic.js';
import { ReprintLastController } from '../receipt/reprint-last.js';
import './cart-panel.js';
import type { TillNotice } from './cart-panel.js';
import type { CartPublisher } from './cart-publisher.js';
import {
  addProduct,
  addWeighed,
  canPay,
  emptyCart,
  removeLine,
  setQuantity,
  type CartState,
} from './cart-state.js';
import { readStoredCart, storeCart } from './cart-storage.js';
import { CartSync } from './cart-sync.js';
import { cartActionForKey, cartShortcuts, isLineAction, selectedLine } from './cart-actions.js';
import { CartOperations } from './cart-operations.js';
import './pay-dialog.js';
import { CashQuotes } from './pay/cash-quotes.js';
import '../cash/open-session-form.js';
import { cartFrozen } from './pay/pay-flow.js';
import { refusalText } from './refusal-text.js';
import { requestOverride } from '../override/request-override.js';
import './search-panel.js';
import type { SearchPanel } from './search-panel.js';
import { sellingStyles } from './selling-screen.styles.js';
import './grid/product-grid.js';
import type { ProductGrid } from './grid/product-grid.js';
import './weigh/weigh-dialog.js';
import { WedgeScanKeys } from './wedge-scan-keys.js';

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
  /** Mirrors the cart, payments and the finished sale to the till's customer display. */
  @property({ attribute: false }) cartPublisher: CartPublisher | null = null;

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @consume({ context: catalogCacheContext })
  private _catalog?: CatalogCache | null;

  @consume({ context: completionQueueContext })
  private _completions?: CompletionQueue | null;

  /** Cash sales stored here until the hub answers; shown so nobody wonders where they are. */
  @state() private _waiting = 0;
  private _watchedQueue: CompletionQueue | null = null;

  @state() private _cart: CartState = emptyCart(uuidv7());
  @state() private _notice: TillNotice | null = null;
  @state() private _paying = false;
  @state() private _tenders: Tender[] = [];
  @state() private _sessionOpen: boolean | null = null;
  /** The product being weighed, while the weigh dialog is open. */
  @state() private _weighing: ProductHit | null = null;

  /** The cart line the cashier picked for the line actions (else the newest line). */
  @state() private _picked: string | null = null;

  @query('search-panel') private _search?: SearchPanel;
  @query('product-grid') private _grid?: ProductGrid;

  private _ops = new CartOperations({
    element: this,
    sync: () => this._sync,
    api: () => this._api(),
    money: () => ({ currency: this.currency, uiLocale: this.uiLocale }),
    notify: (notice) => {
      this._notice = notice;
    },
    busy: () => this._paying,
  });

  private _sync: CartSync | null = null;
  private _scanKeys = new WedgeScanKeys(
    () => this._search,
    (code) => void this._scan(code),
  );
  private _reprint = new ReprintLastController(this, {
    api: () => this._api(),
    paying: () => this._paying,
    notice: (notice) => {
      this._notice = notice;
    },
  });
  private _watchedEvents: EventTarget | null = null;
  private _quotes = new CashQuotes({
    fetch: (saleId) => cashQuote(this._api(), saleId),
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (handle) => {
      window.clearTimeout(handle as number);
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const stored = readStoredCart();
    this._sync = new CartSync(
      stored ?? emptyCart(uuidv7()),
      {
        create: (id, cart, override) => createSale(this._api(), id, cart, override),
        replace: (id, version, cart, override) => replaceCart(this._api(), id, version, cart, override),
        get: (id) => getSale(this._api(), id),
      },
      {
        changed: (cart) => {
          this._cart = cart;
          storeCart(cart);
          this._quotes.saleChanged(cart.hub);
        },
        refused: (error) => {
          this._notice = { text: refusalText(error), danger: true };
        },
        approve: async (permission, resend) => {
          const result = await requestOverride(this, permission, resend);
          if (result.status === 'cancelled')
            this._notice = { text: msg('Not approved: nothing changed.'), danger: false };
          return result.status === 'done' ? 'approved' : 'cancelled';
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
    this._watchedQueue?.removeEventListener('change', this._onQueueChange);
    this._watchedQueue = null;
    this._sync?.stop();
    this._quotes.stop();
  }

  override willUpdate(): void {
    const queue = this._completions ?? null;
    if (this._watchedQueue !== queue) {
      this._watchedQueue?.removeEventListener('change', this._onQueueChange);
      queue?.addEventListener('change', this._onQueueChange);
      this._watchedQueue = queue;
      this._waiting = queue?.pending.length ?? 0;
    }
    if (this._watchedEvents !== this.tillEvents) {
      this._watchedEvents?.removeEventListener('scan', this._onLiveScan);
      this.tillEvents?.addEventListener('scan', this._onLiveScan);
      this._watchedEvents = this.tillEvents;
    }
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('_cart')) this.cartPublisher?.cartChanged(this._cart, this.currency);
  }

  override render() {
    return html`<div class="layout" data-screen="selling">
        <div class="finder">
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
          <product-grid
            .currency=${this.currency}
            @product-pick=${this._onProductPick}
            @till-notice=${this._onNotice}
          ></product-grid>
        </div>
        <cart-panel
          class="cart"
          .cart=${this._cart}
          .notice=${this._notice}
          .paying=${this._paying}
          .currency=${this.currency}
          .uiLocale=${this.uiLocale}
          .selected=${this._selectedLine()}
          @line-quantity=${this._onLineQuantity}
          @line-remove=${this._onLineRemove}
          @pay-request=${this._openPay}
          @line-select=${(e: AppEvent<'line-select'>) => (this._picked = e.detail.lineId)}
          @cart-action=${(e: AppEvent<'cart-action'>) => void this._ops.run(e.detail.action, e.detail.lineId)}
        ></cart-panel>
      </div>
      <footer>
        <ul aria-label=${msg('Keyboard shortcuts')}>
          <li><kbd>F2</kbd> ${msg('Search')}</li>
          <li><kbd>Alt+G</kbd> ${msg('Favourites and categories')}</li>
          <li><kbd>F12</kbd> ${msg('Pay')}</li>
          <li><kbd>${REPRINT_LAST_KEY.label}</kbd> ${msg('Print the last receipt')}</li>
          <li><kbd>Esc</kbd> ${msg('Close')}</li>
          ${cartShortcuts().map((k) => html`<li><kbd>${k.keys}</kbd> ${k.label}</li>`)}
          <li>${msg('A scanner works wherever the focus is.')}</li>
          ${
            this._waiting > 0
              ? html`<li role="status" data-waiting>
                  ${msg(str`Sales waiting for the hub: ${this._waiting}`)}
                </li>`
              : nothing
          }
        </ul>
      </footer>
      ${
        this._paying && this._cart.hub
          ? html`<pay-dialog
              .sale=${this._cart.hub}
              .tenders=${this._tenders}
              .quotes=${this._quotes}
              .currency=${this.currency}
              .uiLocale=${this.uiLocale}
              .tillEvents=${this.tillEvents}
              @pay-closed=${this._onPayClosed}
              @sale-progress=${(e: AppEvent<'sale-progress'>) => this.cartPublisher?.paying(e.detail.sale)}
              @sale-finished=${this._onSaleFinished}
            ></pay-dialog>`
          : nothing
      }
      ${
        this._weighing
          ? html`<weigh-dialog
              .product=${this._weighing}
              .tillEvents=${this.tillEvents}
              .permissions=${this.permissions}
              .currency=${this.currency}
              @weigh-accept=${this._onWeighAccept}
              @weigh-closed=${this._onWeighClosed}
            ></weigh-dialog>`
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

  /** Money is taken for this sale: the cart stays as paid for until it completes or the money is handed back. */
  private _refuseWhileFrozen(): boolean {
    if (!cartFrozen(this._cart.hub)) return false;
    this._notice = {
      text: msg(
        'Payment has started, so the cart is locked. Finish paying (F12), or hand the payments back in the pay screen to change it.',
      ),
      danger: true,
    };
    return true;
  }

  private _onLineQuantity = (event: AppEvent<'line-quantity'>): void => {
    const { lineId, quantity } = event.detail;
    if (this._refuseWhileFrozen()) return;
    this._notice = null;
    this._sync?.update((cart) => setQuantity(cart, lineId, quantity));
  };

  private _onLineRemove = (event: AppEvent<'line-remove'>): void => {
    const { lineId } = event.detail;
    if (this._refuseWhileFrozen()) return;
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
    if (this._paying || this._weighing || this._refuseWhileFrozen()) return;
    if (product.weighed) {
      this._weigh(product);
      return;
    }
    this._notice = null;
    this._sync?.update((cart) => addProduct(cart, { productId: product.id, name: product.name }, uuidv7()));
  }

  /** One path for every scan: the wedge burst, Enter on a code in the search box, the serial scanner. */
  private async _scan(code: string): Promise<void> {
    if (this._weighing) return;
    if (this._paying) {
      this._notice = { text: msg('Finish or close the payment before scanning more.'), danger: false };
      return;
    }
    if (this._refuseWhileFrozen()) return;
    try {
      // The local catalog answers plain codes at once; labels and unknown codes go to the hub.
      const found = (await this._catalog?.lookup(code)) ?? (await lookupCode(this._api(), code));
      if (found.status !== 'found') {
        this._notice = { text: msg(str`No product has the code ${code}.`), danger: true };
        return;
      }
      if (found.needsWeight) {
        this._weigh(found.product);
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

  /** A product sold by weight and not on a label: the weigh dialog takes it from here. */
  private _weigh(product: ProductHit): void {
    this._notice = null;
    this._weighing = product;
  }

  private _onWeighAccept = (event: AppEvent<'weigh-accept'>): void => {
    const { product, grams, source } = event.detail;
    this._weighing = null;
    this._sync?.update((cart) =>
      addWeighed(cart, { productId: product.id, name: product.name }, grams, source, uuidv7()),
    );
    this._search?.focusSearch();
  };

  private _onWeighClosed = (): void => {
    this._weighing = null;
    this._search?.focusSearch();
  };

  private _onKeyDown = (event: KeyboardEvent): void => {
    // The weigh dialog has the keyboard (and its keys); a scan then is not for the cart.
    if (this._weighing) return;
    // A dialog on top (a supervisor's PIN, a discount) owns the keyboard: what is typed there is not a
    // scan. The pay dialog has no fields, so a scan there still says to finish paying first.
    if (!this._paying && event.composedPath().some((t) => t instanceof HTMLDialogElement)) return;
    if (this._cartShortcut(event)) return;
    if (event.key === 'F2') {
      event.preventDefault();
      if (!this._paying) this._search?.focusSearch();
      return;
    }
    // Alt+G: F3 is the selected line's quantity (cart-actions.ts).
    if (event.altKey && event.key.toLowerCase() === 'g') {
      event.preventDefault();
      if (!this._paying) this._grid?.focusGrid();
      return;
    }
    if (event.key === 'F12') {
      event.preventDefault();
      this._openPay();
      return;
    }
    this._scanKeys.keydown(event);
  };

  private _onQueueChange = (): void => {
    this._waiting = this._completions?.pending.length ?? 0;
  };

  private _selectedLine(step = 0): string | null {
    return selectedLine(
      this._cart.lines.map((l) => l.id),
      this._picked,
      step,
    );
  }

  /** The cart's shortcuts (cart-actions.ts); true when the key was one. Delete only outside text fields. */
  private _cartShortcut(event: KeyboardEvent): boolean {
    if (this._paying) return false;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      this._picked = this._selectedLine(event.key === 'ArrowUp' ? -1 : 1);
      return true;
    }
    const action = cartActionForKey(event);
    const target = event.composedPath()[0];
    if (action === null || (action === 'void-line' && target instanceof HTMLInputElement)) return false;
    event.preventDefault();
    const line = this._selectedLine();
    if (action === 'void-line' && line !== null) {
      this._sync?.update((cart) => removeLine(cart, line));
      return true;
    }
    void this._ops.run(action, isLineAction(action) ? line : null);
    return true;
  }

  private _onLiveScan = (event: Event): void => {
    if (event instanceof CustomEvent && typeof event.detail === 'string') void this._scan(event.detail);
  };

  private _onConnectionChange = (event: Event): void => {
    if (event instanceof CustomEvent && event.detail === 'reachability' && this._connection?.online) {
      this._sync?.retryNow();
      if (this._sessionOpen === null || this._tenders.length === 0) void this._loadTill();
      void this._grid?.reload();
    }
  };

  private _openPay = (): void => {
    if (!canPay(this._cart) || this._paying) return;
    this._notice = null;
    if (this._tenders.length === 0) void this._loadTill();
    this._paying = true;
    if (this._cart.hub) this.cartPublisher?.paying(this._cart.hub);
  };

  private _onPayClosed = (event: AppEvent<'pay-closed'>): void => {
    this._paying = false;
    this.cartPublisher?.payingClosed();
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
