import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { isUnreachable } from '../../shared/api/errors.js';
import {
  createReturn,
  quoteReturn,
  returnableSale,
  type ReturnQuote,
  type ReturnResult,
} from '../../shared/api/returns-endpoints.js';
import { listTenders, lookupCode, type Tender } from '../../shared/api/sales-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import type { AppEvent } from '../../shared/events.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { inOpenDialog } from '../app/in-open-dialog.js';
import { withOverride } from '../override/request-override.js';
import type { TillNotice } from '../selling/cart-panel.js';
import { noticeStyles } from '../selling/selling-panel.styles.js';
import { sellingStyles } from '../selling/selling-screen.styles.js';
import { WedgeScanKeys } from '../selling/wedge-scan-keys.js';
import { returnsLayoutStyles } from './returns-screen.styles.js';
import './receipt-finder.js';
import type { ReceiptFinder } from './receipt-finder.js';
import './refund-panel.js';
import './return-done.js';
import './return-lines.js';
import {
  addBlindProduct,
  blindSelection,
  looksLikeReceiptCode,
  quoteRequest,
  receiptSelection,
  returnEverything,
  returnRequest,
  setQuantity,
  setReason,
  setRefund,
  setRestock,
  type ReturnSelection,
} from './return-selection.js';
import { returnErrorText } from './return-text.js';

const QUOTE_DELAY_MS = 200;

/**
 * Returns: find the sale by its receipt (typed, or its barcode scanned with the wedge or the serial
 * scanner), pick lines and quantities, reason and refund tender, see the hub's quote, complete. Without
 * a receipt, products are scanned instead (the hub asks for 'return.blind'). An exchange is a return to
 * store credit followed by a sale paid with the code, as the hub models it. Every figure is the hub's.
 */
@customElement('returns-screen')
@localized()
export class ReturnsScreen extends LitElement {
  static override styles = [baseStyles, buttonStyles, sellingStyles, noticeStyles, returnsLayoutStyles];

  @property() currency = 'DKK';
  @property() uiLocale = 'en';
  @property({ type: Array }) permissions: readonly string[] = [];
  @property({ attribute: false }) tillEvents: EventTarget | null = null;

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _selection: ReturnSelection | null = null;
  @state() private _quote: ReturnQuote | null = null;
  @state() private _quoting = false;
  @state() private _busy = false;
  @state() private _notice: TillNotice | null = null;
  @state() private _tenders: Tender[] = [];
  @state() private _done: ReturnResult | null = null;

  @query('receipt-finder') private _finder?: ReceiptFinder;

  private _scanKeys = new WedgeScanKeys(
    () => this._finder,
    (code) => void this._onCode(code),
  );
  private _watchedEvents: EventTarget | null = null;
  private _quoteTimer: number | undefined;
  private _quoteSeq = 0;
  /** The return being completed, kept across a retry after no answer so it is never made twice. */
  private _attempt: { key: string; id: string } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKeyDown, { capture: true });
    void this._loadTenders();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKeyDown, { capture: true });
    this._watchedEvents?.removeEventListener('scan', this._onLiveScan);
    this._watchedEvents = null;
    window.clearTimeout(this._quoteTimer);
  }

  override willUpdate(): void {
    if (this._watchedEvents !== this.tillEvents) {
      this._watchedEvents?.removeEventListener('scan', this._onLiveScan);
      this.tillEvents?.addEventListener('scan', this._onLiveScan);
      this._watchedEvents = this.tillEvents;
    }
  }

  override firstUpdated(): void {
    this._finder?.focusInput();
  }

  override render() {
    if (this._done) {
      return html`<return-done
        data-screen="returns"
        .result=${this._done}
        .currency=${this.currency}
        .uiLocale=${this.uiLocale}
        @return-next=${this._startOver}
      ></return-done>`;
    }
    const s = this._selection;
    return html`<div
        class="layout"
        data-screen="returns"
        @return-code=${this._onCodeEvent}
        @return-blind=${this._onBlind}
        @return-quantity=${(e: AppEvent<'return-quantity'>) =>
          this._change((sel) => setQuantity(sel, e.detail.key, e.detail.quantity))}
        @return-restock=${(e: AppEvent<'return-restock'>) =>
          this._change((sel) => setRestock(sel, e.detail.key, e.detail.restock), false)}
        @return-all=${() => this._change(returnEverything)}
        @return-reason=${(e: AppEvent<'return-reason'>) =>
          this._change((sel) => setReason(sel, e.detail.reason, e.detail.restock), false)}
        @refund-pick=${(e: AppEvent<'refund-pick'>) => this._change((sel) => setRefund(sel, e.detail.choice))}
        @return-complete=${() => void this._complete()}
      >
        <div class="finding">
          <receipt-finder ?blind=${s !== null && s.receiptCode === null} ?busy=${this._busy}></receipt-finder>
          ${
            this._notice
              ? html`<p class="notice ${this._notice.danger ? 'danger' : ''}" role="alert">
                  ${this._notice.text}
                </p>`
              : nothing
          }
          <return-lines .selection=${s} .currency=${this.currency} .uiLocale=${this.uiLocale}></return-lines>
        </div>
        ${
          s
            ? html`<refund-panel
                class="cart"
                .selection=${s}
                .quote=${this._quote}
                ?quoting=${this._quoting}
                ?busy=${this._busy}
                .tenders=${this._tenders}
                .permissions=${this.permissions}
                .currency=${this.currency}
                .uiLocale=${this.uiLocale}
              ></refund-panel>`
            : nothing
        }
      </div>
      <footer>
        <ul aria-label=${msg('Keyboard shortcuts')}>
          <li><kbd>F2</kbd> ${msg('Receipt number')}</li>
          <li><kbd>F12</kbd> ${msg('Complete return')}</li>
          <li><kbd>Esc</kbd> ${msg('Start over')}</li>
          <li>${msg('Scan the receipt barcode wherever the focus is.')}</li>
        </ul>
      </footer>`;
  }

  // ---- finding ----

  private _api() {
    if (!this._connection) throw new Error('returns-screen needs the hub connection context');
    return this._connection.api;
  }

  private async _loadTenders(): Promise<void> {
    try {
      this._tenders = (await listTenders(this._api())).filter((t) => t.enabled);
    } catch {
      // Unreachable: the banner says so; the refund goes as it was paid, which needs no tender list.
    }
  }

  private _onCodeEvent = (event: AppEvent<'return-code'>): void => {
    void this._onCode(event.detail.code);
  };

  /** One path for every code: typed in the box, a wedge scan, the serial scanner. */
  private async _onCode(code: string): Promise<void> {
    if (this._busy || this._done) return;
    if (looksLikeReceiptCode(code)) {
      await this._findReceipt(code);
      return;
    }
    if (this._selection?.receiptCode === null) {
      await this._addBlind(code);
      return;
    }
    this._notice = {
      text: msg(str`${code} is not a receipt number. A receipt number looks like 3-127.`),
      danger: true,
    };
  }

  private async _findReceipt(code: string): Promise<void> {
    this._busy = true;
    this._notice = null;
    try {
      const found = await returnableSale(this._api(), code);
      this._attempt = null;
      this._quote = null;
      this._selection = receiptSelection(found.sale.receipt?.code ?? code, found);
      if (this._selection.lines.every((l) => l.left === 0)) {
        this._notice = { text: msg('Everything on this receipt has been returned already.'), danger: false };
      }
    } catch (error) {
      this._notice = { text: returnErrorText(error), danger: true };
    } finally {
      this._busy = false;
    }
  }

  private _onBlind = (): void => {
    this._attempt = null;
    this._quote = null;
    this._notice = null;
    this._selection = blindSelection();
    void this.updateComplete.then(() => this._finder?.focusInput());
  };

  private async _addBlind(code: string): Promise<void> {
    this._busy = true;
    try {
      const found = await lookupCode(this._api(), code);
      if (found.status !== 'found') {
        this._notice = { text: msg(str`No product has the code ${code}.`), danger: true };
      } else if (found.label || found.needsWeight) {
        this._notice = {
          text: msg('Weighed items and price labels can only be returned with the receipt.'),
          danger: true,
        };
      } else {
        this._notice = null;
        const product = found.product;
        this._change((sel) => addBlindProduct(sel, product));
      }
    } catch (error) {
      this._notice = { text: returnErrorText(error), danger: true };
    } finally {
      this._busy = false;
    }
  }

  // ---- choosing and quoting ----

  /** Applies a change to the selection; `requote` false for what does not change the figures. */
  private _change(change: (selection: ReturnSelection) => ReturnSelection, requote = true): void {
    if (!this._selection || this._busy) return;
    this._selection = change(this._selection);
    if (!requote) return;
    this._quote = null;
    this._quoting = true;
    window.clearTimeout(this._quoteTimer);
    this._quoteTimer = window.setTimeout(() => void this._requote(), QUOTE_DELAY_MS);
  }

  /** The hub's figures for the selection; another tender needs the total first, so it asks twice. */
  private async _requote(): Promise<void> {
    const seq = ++this._quoteSeq;
    const selection = this._selection;
    const first = selection ? quoteRequest(selection, null) : null;
    if (!selection || !first) {
      this._quoting = false;
      this._quote = null;
      return;
    }
    try {
      let quote = await quoteReturn(this._api(), first);
      if (selection.refund.kind === 'tender' && quote.totalMinor > 0) {
        const second = quoteRequest(selection, quote.totalMinor);
        if (second) quote = await quoteReturn(this._api(), second);
      }
      if (seq !== this._quoteSeq) return;
      this._quote = quote;
      this._notice = null;
    } catch (error) {
      if (seq !== this._quoteSeq) return;
      this._notice = { text: returnErrorText(error), danger: true };
    } finally {
      if (seq === this._quoteSeq) this._quoting = false;
    }
  }

  // ---- completing ----

  private async _complete(): Promise<void> {
    const selection = this._selection;
    const quote = this._quote;
    if (!selection || !quote || this._busy || this._quoting) return;
    const request = returnRequest(selection, quote.totalMinor);
    if (!request) {
      this._notice = { text: msg('Choose a reason for the return.'), danger: true };
      return;
    }
    const key = JSON.stringify(request);
    if (this._attempt?.key !== key) this._attempt = { key, id: uuidv7() };
    this._busy = true;
    this._notice = null;
    try {
      // A cashier without the permissions the return needs gets a supervisor's approval in the dialog.
      const api = this._api();
      const id = this._attempt.id;
      const result = await withOverride(this, (override) => createReturn(api, id, request, override));
      this._attempt = null;
      if (result.status === 'cancelled') {
        this._notice = { text: msg('Not approved: nothing was returned.'), danger: false };
        return;
      }
      this._done = result.value;
    } catch (error) {
      // No answer: the same id goes again on the next try, so the return is never made twice.
      if (!isUnreachable(error)) this._attempt = null;
      this._notice = { text: returnErrorText(error), danger: true };
    } finally {
      this._busy = false;
    }
  }

  private _startOver = (): void => {
    window.clearTimeout(this._quoteTimer);
    this._quoteSeq += 1;
    this._selection = null;
    this._quote = null;
    this._quoting = false;
    this._notice = null;
    this._done = null;
    this._attempt = null;
    void this.updateComplete.then(() => this._finder?.focusInput());
  };

  // ---- keys and scans ----

  private _onKeyDown = (event: KeyboardEvent): void => {
    // A dialog on top (the supervisor's PIN) owns the keyboard: Esc there cancels it, not this return.
    if (inOpenDialog(event)) return;
    if (event.key === 'F2') {
      event.preventDefault();
      this._finder?.focusInput();
      return;
    }
    if (event.key === 'F12') {
      event.preventDefault();
      void this._complete();
      return;
    }
    if (event.key === 'Escape' && !this._busy && (this._selection !== null || this._done !== null)) {
      event.preventDefault();
      this._startOver();
      return;
    }
    this._scanKeys.keydown(event);
  };

  private _onLiveScan = (event: Event): void => {
    if (event instanceof CustomEvent && typeof event.detail === 'string') void this._onCode(event.detail);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'returns-screen': ReturnsScreen;
  }
}
