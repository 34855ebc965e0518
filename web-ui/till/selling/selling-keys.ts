import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cartActionForKey, isLineAction } from './cart-actions.js';
import type { CartOperations } from './cart-operations.js';
import { removeLine } from './cart-state.js';
import type { SellingCart } from './selling-cart.js';
import { WedgeScanKeys, type ScanBox } from './wedge-scan-keys.js';

export interface SellingKeysDeps {
  cart: SellingCart;
  ops: CartOperations;
  /** The pay screen is open. */
  paying(): boolean;
  /** The weigh dialog is open (it has the keyboard and its own keys). */
  weighing(): boolean;
  /** The search box: F2 focuses it, and a scanner's typing into it is undone. */
  search(): (ScanBox & { focusSearch(): void }) | undefined;
  grid(): { focusGrid(): void } | undefined;
  scan(code: string): void;
  pay(): void;
  /** The line the line actions act on, or the one `step` lines up (-1) or down (+1) from it. */
  selectedLine(step?: number): string | null;
  pickLine(lineId: string | null): void;
}

/**
 * The selling screen's keyboard, taken on the window (capturing) so it works wherever the focus is: the
 * cart's shortcuts (cart-actions.ts) and Alt+↑/↓ to pick a line, F2 search, Alt+G favourites and
 * categories, F12 pay, and a keyboard-wedge scanner's bursts, which are scans wherever the focus is.
 */
export class SellingKeys implements ReactiveController {
  #scanKeys: WedgeScanKeys;

  constructor(
    host: ReactiveControllerHost,
    private readonly deps: SellingKeysDeps,
  ) {
    this.#scanKeys = new WedgeScanKeys(
      () => deps.search(),
      (code) => {
        deps.scan(code);
      },
    );
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.#onKeyDown, { capture: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.#onKeyDown, { capture: true });
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    const { deps } = this;
    // The weigh dialog has the keyboard (and its keys); a scan then is not for the cart.
    if (deps.weighing()) return;
    // A dialog on top (a supervisor's PIN, a discount) owns the keyboard: what is typed there is not a
    // scan. The pay dialog has no fields, so a scan there still says to finish paying first.
    if (!deps.paying() && event.composedPath().some((t) => t instanceof HTMLDialogElement)) return;
    if (this.#cartShortcut(event)) return;
    if (event.key === 'F2') {
      event.preventDefault();
      if (!deps.paying()) deps.search()?.focusSearch();
      return;
    }
    // Alt+G: F3 is the selected line's quantity (cart-actions.ts).
    if (event.altKey && event.key.toLowerCase() === 'g') {
      event.preventDefault();
      if (!deps.paying()) deps.grid()?.focusGrid();
      return;
    }
    if (event.key === 'F12') {
      event.preventDefault();
      deps.pay();
      return;
    }
    this.#scanKeys.keydown(event);
  };

  /** The cart's shortcuts (cart-actions.ts); true when the key was one. Delete only outside text fields. */
  #cartShortcut(event: KeyboardEvent): boolean {
    const { deps } = this;
    if (deps.paying()) return false;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      deps.pickLine(deps.selectedLine(event.key === 'ArrowUp' ? -1 : 1));
      return true;
    }
    const action = cartActionForKey(event);
    const target = event.composedPath()[0];
    if (action === null || (action === 'void-line' && target instanceof HTMLInputElement)) return false;
    event.preventDefault();
    const line = deps.selectedLine();
    if (action === 'void-line' && line !== null) {
      deps.cart.update((cart) => removeLine(cart, line));
      return true;
    }
    void deps.ops.run(action, isLineAction(action) ? line : null);
    return true;
  }
}
