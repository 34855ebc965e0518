import { msg, str } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { v7 as uuidv7 } from 'uuid';
import type { HubApiClient } from '../../shared/api/client.js';
import { lookupCode, type ProductHit } from '../../shared/api/sales-endpoints.js';
import type { AppEvent } from '../../shared/events.js';
import { HostState } from '../../shared/host-state.js';
import { errorText } from '../app/error-text.js';
import type { CatalogCache } from '../catalog/catalog-cache.js';
import type { TillNotice } from './cart-panel.js';
import { addProduct, addWeighed } from './cart-state.js';
import type { SellingCart } from './selling-cart.js';

export interface ProductEntryDeps {
  cart: SellingCart;
  api(): HubApiClient;
  catalog(): CatalogCache | null | undefined;
  /** Till events from the hub's broker ('scan': a code from the serial scanner). */
  tillEvents(): EventTarget | null;
  /** The pay screen is open: no product goes into the cart. */
  paying(): boolean;
  notify(notice: TillNotice | null): void;
  /** The weigh dialog closed: the search box gets the keyboard back. */
  weighDone(): void;
}

/**
 * How products get into the selling screen's cart: one path for every scan (the wedge burst, Enter on a
 * code in the search box, the till's serial scanner), a pick from the search results or the grid, and a
 * product sold by weight, which goes through the weigh dialog first (`weighing` while it is open).
 */
export class ProductEntry implements ReactiveController {
  #state: HostState<{ weighing: ProductHit | null }>;
  #watchedEvents: EventTarget | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly deps: ProductEntryDeps,
  ) {
    this.#state = new HostState<{ weighing: ProductHit | null }>(host, { weighing: null });
    host.addController(this);
  }

  /** The product being weighed, while the weigh dialog is open. */
  get weighing(): ProductHit | null {
    return this.#state.value.weighing;
  }

  hostUpdate(): void {
    const events = this.deps.tillEvents();
    if (this.#watchedEvents !== events) {
      this.#watchedEvents?.removeEventListener('scan', this.#onLiveScan);
      events?.addEventListener('scan', this.#onLiveScan);
      this.#watchedEvents = events;
    }
  }

  hostDisconnected(): void {
    this.#watchedEvents?.removeEventListener('scan', this.#onLiveScan);
    this.#watchedEvents = null;
  }

  /** A product the cashier picked from the search results or the grid. */
  add(product: ProductHit): void {
    if (this.deps.paying() || this.weighing || this.deps.cart.refuseWhileFrozen()) return;
    if (product.weighed) {
      this.#weigh(product);
      return;
    }
    this.deps.notify(null);
    this.deps.cart.update((cart) =>
      addProduct(cart, { productId: product.id, name: product.name }, uuidv7()),
    );
  }

  /** One path for every scan: the wedge burst, Enter on a code in the search box, the serial scanner. */
  async scan(code: string): Promise<void> {
    if (this.weighing) return;
    if (this.deps.paying()) {
      this.deps.notify({ text: msg('Finish or close the payment before scanning more.'), danger: false });
      return;
    }
    if (this.deps.cart.refuseWhileFrozen()) return;
    try {
      // The local catalog answers plain codes at once; labels and unknown codes go to the hub.
      const found = (await this.deps.catalog()?.lookup(code)) ?? (await lookupCode(this.deps.api(), code));
      if (found.status !== 'found') {
        this.deps.notify({ text: msg(str`No product has the code ${code}.`), danger: true });
        return;
      }
      if (found.needsWeight) {
        this.#weigh(found.product);
        return;
      }
      this.deps.notify(null);
      this.deps.cart.update((cart) =>
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
      this.deps.notify({ text: errorText(error), danger: true });
    }
  }

  /** The weigh dialog's weight: the product goes into the cart with it. */
  weighed(event: AppEvent<'weigh-accept'>): void {
    const { product, grams, source } = event.detail;
    this.#state.set({ weighing: null });
    this.deps.cart.update((cart) =>
      addWeighed(cart, { productId: product.id, name: product.name }, grams, source, uuidv7()),
    );
    this.deps.weighDone();
  }

  /** The weigh dialog closed without a weight. */
  weighClosed(): void {
    this.#state.set({ weighing: null });
    this.deps.weighDone();
  }

  /** A product sold by weight and not on a label: the weigh dialog takes it from here. */
  #weigh(product: ProductHit): void {
    this.deps.notify(null);
    this.#state.set({ weighing: product });
  }

  #onLiveScan = (event: Event): void => {
    if (event instanceof CustomEvent && typeof event.detail === 'string') void this.scan(event.detail);
  };
}
