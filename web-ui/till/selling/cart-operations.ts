import { msg } from '@lit/localize';
import { v7 as uuidv7 } from 'uuid';
import { getCustomer, parkSale, recallSale, voidSale } from '../../shared/api/cart-endpoints.js';
import type { HubApiClient } from '../../shared/api/client.js';
import { errorText } from '../app/error-text.js';
import { withOverride } from '../override/request-override.js';
import type { TillNotice } from './cart-panel.js';
import type { CartAction, LineAction } from './cart-actions.js';
import { openCartEdit, type EditRequest, type EditResult } from './cart-edit-dialog.js';
import {
  addCoupon,
  removeCoupon,
  setCustomer,
  setLineDiscount,
  setLineNote,
  setLinePrice,
  setSaleDiscount,
  setSaleNote,
} from './cart-edits.js';
import { cartFromHub } from './cart-recall.js';
import { displayLines, emptyCart, removeLine, setQuantity, type CartState } from './cart-state.js';
import { keepParked, takeParked } from './cart-storage.js';
import type { CartSync } from './cart-sync.js';
import { openCustomerDialog } from './customer-dialog.js';
import { openParkedDialog } from './parked-dialog.js';

export interface CartOperationsHost {
  /** Where the dialogs open (inside the hub connection's context). */
  element: HTMLElement;
  sync(): CartSync | null;
  api(): HubApiClient;
  money(): { currency: string; uiLocale: string };
  notify(notice: TillNotice | null): void;
  /** Whether another dialog (payment) owns the screen. */
  busy(): boolean;
}

/**
 * The cart operations behind the buttons and shortcuts: each opens its dialog, then changes the cart
 * (which CartSync sends; a missing permission goes to the supervisor override there) or calls the hub
 * for park, recall and void (with the override helper). One operation at a time.
 */
export class CartOperations {
  #running = false;

  constructor(private readonly host: CartOperationsHost) {}

  get running(): boolean {
    return this.#running;
  }

  /** Runs an action; line actions act on `lineId`. Ignored while another operation or the payment runs. */
  async run(action: CartAction, lineId: string | null): Promise<void> {
    const sync = this.host.sync();
    if (this.#running || this.host.busy() || !sync) return;
    this.#running = true;
    try {
      await this.#run(sync, action, lineId);
    } catch (error) {
      this.host.notify({ text: errorText(error), danger: true });
    } finally {
      this.#running = false;
    }
  }

  async #run(sync: CartSync, action: CartAction, lineId: string | null): Promise<void> {
    switch (action) {
      case 'quantity':
      case 'line-discount':
      case 'price':
      case 'line-note':
      case 'void-line':
        if (lineId !== null) await this.#lineAction(sync, action, lineId);
        return;
      case 'sale-discount': {
        const { discount, discountReason } = sync.state.sale;
        const result = await this.#edit({ kind: 'sale-discount', discount, reason: discountReason });
        if (result?.kind === 'discount')
          sync.update((c) => setSaleDiscount(c, result.discount, result.reason));
        return;
      }
      case 'sale-note': {
        const result = await this.#edit({ kind: 'sale-note', note: sync.state.sale.note });
        if (result?.kind === 'note') sync.update((c) => setSaleNote(c, result.note));
        return;
      }
      case 'customer': {
        const choice = await openCustomerDialog(this.host.element, sync.state.sale.customer);
        if (choice.kind === 'attach') sync.update((c) => setCustomer(c, choice.customer));
        return;
      }
      case 'coupon': {
        const result = await this.#edit({ kind: 'coupon', codes: sync.state.sale.couponCodes });
        // A code the hub refused before is old news once the cashier tries again.
        if (result !== null) this.host.notify(null);
        if (result?.kind === 'coupon-add') sync.update((c) => addCoupon(c, result.code));
        if (result?.kind === 'coupon-remove') sync.update((c) => removeCoupon(c, result.code));
        return;
      }
      case 'park':
        await this.#park(sync);
        return;
      case 'recall':
        await this.#recall(sync);
        return;
      case 'void-sale':
        await this.#voidSale(sync);
        return;
    }
  }

  async #lineAction(sync: CartSync, action: LineAction, lineId: string): Promise<void> {
    const line = sync.state.lines.find((l) => l.id === lineId);
    const shown = displayLines(sync.state).find((l) => l.id === lineId);
    if (!line || !shown) return;
    const name = shown.name;
    this.host.notify(null);
    switch (action) {
      case 'void-line':
        sync.update((c) => removeLine(c, lineId));
        return;
      case 'quantity': {
        if (line.quantity === null || shown.measured) {
          this.host.notify({ text: msg('A weighed line keeps the weight it was sold with.'), danger: false });
          return;
        }
        const result = await this.#edit({ kind: 'quantity', name, quantity: line.quantity });
        if (result?.kind === 'quantity') sync.update((c) => setQuantity(c, lineId, result.quantity));
        return;
      }
      case 'line-discount': {
        const { discount, discountReason } = line.edits;
        const result = await this.#edit({ kind: 'line-discount', name, discount, reason: discountReason });
        if (result?.kind === 'discount') {
          sync.update((c) => setLineDiscount(c, lineId, result.discount, result.reason));
        }
        return;
      }
      case 'price': {
        const result = await this.#edit({
          kind: 'price',
          name,
          unitPriceMinor: line.edits.unitPriceMinor ?? shown.unitPriceMinor,
          catalogPriceMinor: shown.catalogPriceMinor,
        });
        if (result?.kind === 'price') sync.update((c) => setLinePrice(c, lineId, result.unitPriceMinor));
        return;
      }
      case 'line-note': {
        const result = await this.#edit({ kind: 'line-note', name, note: line.edits.note });
        if (result?.kind === 'note') sync.update((c) => setLineNote(c, lineId, result.note));
        return;
      }
    }
  }

  #edit(request: EditRequest): Promise<EditResult | null> {
    return openCartEdit(this.host.element, request, this.host.money());
  }

  /** The hub must hold the cart as it is on screen before it is parked or voided. */
  async #onHub(sync: CartSync): Promise<CartState | null> {
    await sync.flush();
    const cart = sync.state;
    if (cart.hub === null || cart.sync !== 'synced') {
      this.host.notify({
        text: msg('The hub does not have this cart yet. Try again when it says “Saved on the hub”.'),
        danger: true,
      });
      return null;
    }
    return cart;
  }

  async #park(sync: CartSync): Promise<void> {
    if (sync.state.lines.length === 0) {
      this.host.notify({ text: msg('The cart is empty: there is nothing to park.'), danger: false });
      return;
    }
    const cart = await this.#onHub(sync);
    if (cart === null) return;
    await parkSale(this.host.api(), cart.saleId);
    keepParked(cart);
    sync.update(() => emptyCart(uuidv7()));
    this.host.notify({ text: msg('Sale parked. Recall it with Alt+R.'), danger: false });
  }

  async #recall(sync: CartSync): Promise<void> {
    if (sync.state.lines.length > 0) {
      this.host.notify({ text: msg('Park or finish this sale before recalling another.'), danger: false });
      return;
    }
    const picked = await openParkedDialog(this.host.element, this.host.money());
    if (picked === null) return;
    const api = this.host.api();
    const view = await recallSale(api, picked.id);
    const customer = view.customerId === null ? null : await getCustomer(api, view.customerId);
    sync.update(() =>
      cartFromHub(view, takeParked(view.id), customer && { id: customer.id, name: customer.name }),
    );
    this.host.notify({ text: msg('Sale recalled.'), danger: false });
  }

  async #voidSale(sync: CartSync): Promise<void> {
    if (sync.state.lines.length === 0 && sync.state.hub === null) return;
    const result = await this.#edit({ kind: 'void-sale' });
    if (result?.kind !== 'void-sale') return;
    if (sync.state.hub === null) {
      // The hub never had this cart: there is nothing to void there.
      sync.update(() => emptyCart(uuidv7()));
      this.host.notify({ text: msg('Sale voided.'), danger: false });
      return;
    }
    const cart = await this.#onHub(sync);
    if (cart === null) return;
    const api = this.host.api();
    const voided = await withOverride(this.host.element, (override) =>
      voidSale(api, cart.saleId, result.reason, override),
    );
    if (voided.status === 'cancelled') {
      this.host.notify({ text: msg('Not approved: nothing changed.'), danger: false });
      return;
    }
    sync.update(() => emptyCart(uuidv7()));
    this.host.notify({ text: msg('Sale voided.'), danger: false });
  }
}
