import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { emit } from '../../shared/events.js';
import type { ScanBox } from '../selling/wedge-scan-keys.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { panelStyles } from '../selling/selling-panel.styles.js';
import { returnsStyles } from './returns-screen.styles.js';

/**
 * Where a return starts: the receipt number typed (or its barcode scanned, which the screen routes here
 * too), or "no receipt". During a return without a receipt the same box takes product codes.
 * Enter or Find is 'return-code'; the screen decides what the code is.
 */
@customElement('receipt-finder')
@localized()
export class ReceiptFinder extends LitElement implements ScanBox {
  static override styles = [baseStyles, buttonStyles, panelStyles, returnsStyles];

  /** A blind return is under way: the box takes product codes (a receipt code still finds the receipt). */
  @property({ type: Boolean }) blind = false;
  @property({ type: Boolean }) busy = false;

  @query('#code') private _input?: HTMLInputElement;

  override render() {
    const label = this.blind
      ? msg('Product barcode or SKU (or a receipt number)')
      : msg('Receipt number (e.g. 3-127) or scan the receipt barcode');
    return html`<section aria-labelledby="find-title">
      <h1 id="find-title">${this.blind ? msg('Return without a receipt') : msg('Find the receipt')}</h1>
      <form class="find" @submit=${this._onSubmit}>
        <div class="field">
          <label for="code">${label}</label>
          <input id="code" autocomplete="off" enterkeyhint="search" aria-keyshortcuts="F2" />
        </div>
        <button class="button primary" type="submit" ?disabled=${this.busy}>
          ${this.blind ? msg('Add') : msg('Find')}
        </button>
      </form>
      ${
        this.blind
          ? nothing
          : html`<p class="hint">
              <button class="button" type="button" @click=${() => emit(this, 'return-blind', {})}>
                ${msg('No receipt')}
              </button>
              ${msg('Needs a supervisor unless you may take returns without a receipt.')}
            </p>`
      }
    </section>`;
  }

  focusInput(): void {
    this._input?.focus();
  }

  isBox(node: EventTarget | undefined): boolean {
    return node !== undefined && node === this._input;
  }

  restore(text: string): void {
    if (this._input) this._input.value = text;
  }

  get text(): string | null {
    return this._input ? this._input.value : null;
  }

  private _onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const code = (this.text ?? '').trim();
    if (code === '' || this.busy) return;
    if (this._input) this._input.value = '';
    emit(this, 'return-code', { code });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'receipt-finder': ReceiptFinder;
  }
}
