import { msg } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { v7 as uuidv7 } from 'uuid';
import type { HubApiClient } from '../../shared/api/client.js';
import { createSale, getSale, replaceCart } from '../../shared/api/sales-endpoints.js';
import { HostState } from '../../shared/host-state.js';
import { windowTimers } from '../../shared/timers.js';
import { requestOverride } from '../override/request-override.js';
import type { TillNotice } from './cart-panel.js';
import { emptyCart, type CartState } from './cart-state.js';
import { readStoredCart, storeCart } from './cart-storage.js';
import { CartSync } from './cart-sync.js';
import { cartFrozen } from './pay/pay-flow.js';
import { refusalText } from './refusal-text.js';

export interface SellingCartDeps {
  /** Where the supervisor-override dialog opens (inside the hub connection's context). */
  element: HTMLElement;
  api(): HubApiClient;
  notify(notice: TillNotice): void;
  /** The cart changed (and is kept on this till already). */
  changed(cart: CartState): void;
}

/**
 * The selling screen's cart, wired to the hub: when the screen connects, a CartSync starts from the cart
 * this till kept in localStorage (a new sale if none) and sends it; every state it reaches is kept again
 * and shown. The hub's refusals become a notice, and a missing permission goes to a supervisor in the
 * override dialog. The cart re-renders the host like the host's own state (HostState).
 */
export class SellingCart implements ReactiveController {
  #sync: CartSync | null = null;
  #state: HostState<{ cart: CartState }>;

  constructor(
    host: ReactiveControllerHost,
    private readonly deps: SellingCartDeps,
  ) {
    this.#state = new HostState(host, { cart: emptyCart(uuidv7()) });
    host.addController(this);
  }

  get cart(): CartState {
    return this.#state.value.cart;
  }

  /** The sync, once the screen has connected (CartOperations works on it). */
  get sync(): CartSync | null {
    return this.#sync;
  }

  /** Whether the cart changed for the update being done. */
  changed(): boolean {
    return this.#state.changed('cart');
  }

  hostConnected(): void {
    this.#sync = new CartSync(
      readStoredCart() ?? emptyCart(uuidv7()),
      {
        create: (id, cart, override) => createSale(this.deps.api(), id, cart, override),
        replace: (id, version, cart, override) => replaceCart(this.deps.api(), id, version, cart, override),
        get: (id) => getSale(this.deps.api(), id),
      },
      {
        changed: (cart) => {
          this.#state.set({ cart });
          storeCart(cart);
          this.deps.changed(cart);
        },
        refused: (error) => {
          this.deps.notify({ text: refusalText(error), danger: true });
        },
        approve: async (permission, resend) => {
          const result = await requestOverride(this.deps.element, permission, resend);
          if (result.status === 'cancelled')
            this.deps.notify({ text: msg('Not approved: nothing changed.'), danger: false });
          return result.status === 'done' ? 'approved' : 'cancelled';
        },
        ...windowTimers,
      },
    );
    this.#state.set({ cart: this.#sync.state });
    void this.#sync.flush();
  }

  hostDisconnected(): void {
    this.#sync?.stop();
  }

  /** A change to the cart: shown at once, then sent to the hub. */
  update(change: (cart: CartState) => CartState): void {
    this.#sync?.update(change);
  }

  /** The hub is back: send what it has not got yet now. */
  retryNow(): void {
    this.#sync?.retryNow();
  }

  /** Money is taken for this sale: the cart stays as paid for until it completes or the money is handed back. */
  refuseWhileFrozen(): boolean {
    if (!cartFrozen(this.cart.hub)) return false;
    this.deps.notify({
      text: msg(
        'Payment has started, so the cart is locked. Finish paying (F12), or hand the payments back in the pay screen to change it.',
      ),
      danger: true,
    });
    return true;
  }
}
