import { msg } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HubApiClient } from '../../shared/api/client.js';
import { printReceipt } from '../../shared/api/receipt-endpoints.js';
import type { AppEvent } from '../../shared/events.js';
import { receiptErrorText, REPRINT_LAST_KEY } from './receipt-logic.js';

const LAST_SALE_KEY = 'store-hub.till.last-receipt-sale';

export interface ReprintDeps {
  api(): HubApiClient;
  /** While the pay screen is open its own receipt actions own the print key. */
  paying(): boolean;
  notice(notice: { text: string; danger: boolean }): void;
}

/**
 * The selling screen's "reprint the last receipt" (Alt+L): remembers the last finished sale of this till
 * (kept in localStorage, so a reload does not forget it) and asks the hub to print it, which gives a COPY
 * once the original is printed.
 */
export class ReprintLastController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: ReprintDeps,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this._onKeyDown, { capture: true });
    this.host.addEventListener('sale-finished', this._onSaleFinished);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this._onKeyDown, { capture: true });
    this.host.removeEventListener('sale-finished', this._onSaleFinished);
  }

  async reprint(): Promise<void> {
    const saleId = window.localStorage.getItem(LAST_SALE_KEY);
    if (saleId === null) {
      this.deps.notice({ text: msg('No receipt to print yet: finish a sale first.'), danger: false });
      return;
    }
    try {
      const job = await printReceipt(this.deps.api(), saleId);
      this.deps.notice({
        text:
          job.kind === 'copy'
            ? msg('A copy of the last receipt is printing.')
            : msg('The last receipt is printing.'),
        danger: false,
      });
    } catch (error) {
      this.deps.notice({ text: receiptErrorText(error), danger: true });
    }
  }

  private _onSaleFinished = (event: AppEvent<'sale-finished'>): void => {
    window.localStorage.setItem(LAST_SALE_KEY, event.detail.saleId);
  };

  private _onKeyDown = (event: KeyboardEvent): void => {
    const wanted = event.altKey && event.key.toLowerCase() === REPRINT_LAST_KEY.key;
    if (!wanted || this.deps.paying()) return;
    event.preventDefault();
    void this.reprint();
  };
}
