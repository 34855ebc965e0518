import type { CashQuote } from '../../../shared/api/payment-endpoints.js';
import type { SaleView } from '../../../shared/api/sales-endpoints.js';

/** How long the cart must rest before its quote is asked for: a burst of scans asks once. */
export const QUOTE_SETTLE_MS = 300;

export interface CashQuoteDeps {
  fetch(saleId: string): Promise<CashQuote>;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The hub's cash quote (rest as cash, rounding, quick-tender amounts) for the sale on the till, asked for
 * in the background once the cart settles. The pay screen shows it at once and still has it when the hub
 * stops answering just as the customer pays. A quote is the hub's, never computed here, and it counts only
 * for the sale and the rest due it was made for.
 */
export class CashQuotes {
  private _saleId: string | null = null;
  private _quote: CashQuote | null = null;
  private _timer: unknown = null;
  private _wanted: { saleId: string; dueMinor: number } | null = null;

  constructor(private readonly deps: CashQuoteDeps) {}

  /** The cart's hub view changed: ask for a fresh quote once it rests, unless the one held still fits. */
  saleChanged(sale: SaleView | undefined | null): void {
    if (!sale || sale.status !== 'open' || sale.totals.dueMinor <= 0) return;
    if (this.forSale(sale.id, sale.totals.dueMinor) !== null) return;
    this._wanted = { saleId: sale.id, dueMinor: sale.totals.dueMinor };
    if (this._timer !== null) this.deps.clearTimeout(this._timer);
    this._timer = this.deps.setTimeout(() => {
      this._timer = null;
      void this._fetchWanted();
    }, QUOTE_SETTLE_MS);
  }

  /** A quote the pay screen got itself: the newest word from the hub. */
  remember(saleId: string, quote: CashQuote): void {
    this._saleId = saleId;
    this._quote = quote;
  }

  /** The quote held for this sale and rest due, or null. */
  forSale(saleId: string, dueMinor: number): CashQuote | null {
    return this._saleId === saleId && this._quote?.dueMinor === dueMinor ? this._quote : null;
  }

  stop(): void {
    if (this._timer !== null) this.deps.clearTimeout(this._timer);
    this._timer = null;
    this._wanted = null;
  }

  private async _fetchWanted(): Promise<void> {
    const wanted = this._wanted;
    if (wanted === null) return;
    try {
      const quote = await this.deps.fetch(wanted.saleId);
      this.remember(wanted.saleId, quote);
    } catch {
      // Unreachable or refused: the pay screen asks again when it opens.
    }
  }
}
