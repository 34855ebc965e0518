import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { cashQuote } from '../../shared/api/payment-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import type { AppEvent } from '../../shared/events.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { windowTimers } from '../../shared/timers.js';
import type { CatalogCache } from '../catalog/catalog-cache.js';
import { catalogCacheContext } from '../catalog/context.js';
import type { CompletionQueue } from '../offline/completion-queue.js';
import { completionQueueContext } from '../offline/context.js';
import { WaitingSales } from '../offline/waiting-sales.js';
import { ReprintLastController } from '../receipt/reprint-last.js';
import '../cash/open-session-form.js';
import { selectedLine } from './cart-actions.js';
import { CartOperations } from './cart-operations.js';
import './cart-panel.js';
import type { TillNotice } from './cart-panel.js';
import type { CartPublisher } from './cart-publisher.js';
import { canPay, emptyCart, removeLine, setQuantity } from './cart-state.js';
import './grid/product-grid.js';
import type { ProductGrid } from './grid/product-grid.js';
import './pay-dialog.js';
import { CashQuotes } from './pay/cash-quotes.js';
import { ProductEntry } from './product-entry.js';
import './search-panel.js';
import type { SearchPanel } from './search-panel.js';
import { SellingCart } from './selling-cart.js';
import { SellingKeys } from './selling-keys.js';
import { sellingStyles } from './selling-screen.styles.js';
import { renderShortcutFooter } from './shortcut-footer.js';
import { TillSetup } from './till-setup.js';
import './weigh/weigh-dialog.js';

/**
 * The selling screen: search or scan products into the cart, change quantities, remove lines, and pay.
 * Scans come from a keyboard-wedge scanner (a fast burst ending in Enter, wherever the focus is) or from
 * the till's serial scanner over MQTT (`tillEvents` 'scan'); both take the same path. The cart lives in
 * CartSync (kept in localStorage too) and every figure on screen is the hub's.
 *
 * The screen composes and renders; its controllers do the work: SellingCart (the cart and its sync),
 * ProductEntry (scans, picks and weighing), SellingKeys (the keyboard), TillSetup (tenders and the cash
 * session), CartOperations (the cart's dialogs), ReprintLastController, WaitingSales (the offline queue).
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

  @state() private _notice: TillNotice | null = null;
  @state() private _paying = false;

  /** The cart line the cashier picked for the line actions (else the newest line). */
  @state() private _picked: string | null = null;

  @query('search-panel') private _search?: SearchPanel;
  @query('product-grid') private _grid?: ProductGrid;

  private _setNotice = (notice: TillNotice | null): void => {
    this._notice = notice;
  };

  private _quotes = new CashQuotes({
    fetch: (saleId) => cashQuote(this._api(), saleId),
    ...windowTimers,
  });

  private _cart = new SellingCart(this, {
    element: this,
    api: () => this._api(),
    notify: this._setNotice,
    changed: (cart) => {
      this._quotes.saleChanged(cart.hub);
    },
  });

  private _entry = new ProductEntry(this, {
    cart: this._cart,
    api: () => this._api(),
    catalog: () => this._catalog,
    tillEvents: () => this.tillEvents,
    paying: () => this._paying,
    notify: this._setNotice,
    weighDone: () => {
      this._search?.focusSearch();
    },
  });

  private _ops = new CartOperations({
    element: this,
    sync: () => this._cart.sync,
    api: () => this._api(),
    money: () => ({ currency: this.currency, uiLocale: this.uiLocale }),
    notify: this._setNotice,
    busy: () => this._paying,
  });

  private _reprint = new ReprintLastController(this, {
    api: () => this._api(),
    paying: () => this._paying,
    notice: this._setNotice,
  });

  private _keys = new SellingKeys(this, {
    cart: this._cart,
    ops: this._ops,
    paying: () => this._paying,
    weighing: () => this._entry.weighing !== null,
    search: () => this._search,
    grid: () => this._grid,
    scan: (code) => void this._entry.scan(code),
    pay: () => {
      this._openPay();
    },
    selectedLine: (step) => this._selectedLine(step),
    pickLine: (lineId) => {
      this._picked = lineId;
    },
  });

  private _waiting = new WaitingSales(this, () => this._completions);

  private _setup = new TillSetup(this, {
    connection: () => this._connection,
    backOnline: () => {
      this._cart.retryNow();
      void this._grid?.reload();
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._quotes.stop();
  }

  override updated(): void {
    if (this._cart.changed()) this.cartPublisher?.cartChanged(this._cart.cart, this.currency);
  }

  override render() {
    const cart = this._cart.cart;
    const weighing = this._entry.weighing;
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
              this._setup.sessionOpen === false
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
          .cart=${cart}
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
      ${renderShortcutFooter(this._waiting.count)}
      ${
        this._paying && cart.hub
          ? html`<pay-dialog
              .sale=${cart.hub}
              .tenders=${this._setup.tenders}
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
        weighing
          ? html`<weigh-dialog
              .product=${weighing}
              .tillEvents=${this.tillEvents}
              .permissions=${this.permissions}
              .currency=${this.currency}
              @weigh-accept=${(e: AppEvent<'weigh-accept'>) => {
                this._entry.weighed(e);
              }}
              @weigh-closed=${() => {
                this._entry.weighClosed();
              }}
            ></weigh-dialog>`
          : nothing
      }`;
  }

  // ---- actions ----

  private _api() {
    if (!this._connection) throw new Error('selling-screen needs the hub connection context');
    return this._connection.api;
  }

  private _selectedLine(step = 0): string | null {
    return selectedLine(
      this._cart.cart.lines.map((l) => l.id),
      this._picked,
      step,
    );
  }

  private _onNotice = (event: AppEvent<'till-notice'>): void => {
    this._setNotice(event.detail);
  };

  private _onSessionOpened = (): void => {
    this._setup.sessionOpened();
    this._notice = null;
  };

  private _onLineQuantity = (event: AppEvent<'line-quantity'>): void => {
    const { lineId, quantity } = event.detail;
    if (this._cart.refuseWhileFrozen()) return;
    this._notice = null;
    this._cart.update((cart) => setQuantity(cart, lineId, quantity));
  };

  private _onLineRemove = (event: AppEvent<'line-remove'>): void => {
    const { lineId } = event.detail;
    if (this._cart.refuseWhileFrozen()) return;
    this._notice = null;
    this._cart.update((cart) => removeLine(cart, lineId));
  };

  private _onProductPick = (event: AppEvent<'product-pick'>): void => {
    this._entry.add(event.detail.product);
  };

  private _onCodeEnter = (event: AppEvent<'code-enter'>): void => {
    void this._entry.scan(event.detail.code);
  };

  private _openPay = (): void => {
    const cart = this._cart.cart;
    if (!canPay(cart) || this._paying) return;
    this._notice = null;
    if (this._setup.tenders.length === 0) void this._setup.load();
    this._paying = true;
    if (cart.hub) this.cartPublisher?.paying(cart.hub);
  };

  private _onPayClosed = (event: AppEvent<'pay-closed'>): void => {
    this._paying = false;
    this.cartPublisher?.payingClosed();
    // Money taken: the hub froze the cart; read it so the screen shows what was paid.
    if (event.detail.sale) this._cart.update((cart) => ({ ...cart, hub: event.detail.sale }));
    this._search?.focusSearch();
  };

  private _onSaleFinished = (): void => {
    this._paying = false;
    this._notice = null;
    this._cart.update(() => emptyCart(uuidv7()));
    this._search?.clearSearch();
    this._search?.focusSearch();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'selling-screen': SellingScreen;
  }
}
