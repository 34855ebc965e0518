import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { currencyExponent, minorToDecimalString } from '../../shared/format/money.js';
import { parseAmount } from '../../shared/format/parse-amount.js';
import { storeFormat } from '../../shared/format/store-format.js';
import { adminErrorText } from '../components/error-text.js';
import { adminLocale } from '../i18n/admin-localization.js';
import { AdminPage } from '../shell/admin-page.js';

/** Link buttons look like buttons; fields shrink with their grid cell on a phone (a long option would not). */
export const catalogStyles = css`
  a.button {
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  .field select,
  .field input,
  .field textarea {
    min-width: 0;
    max-width: 100%;
  }
`;

/** A catalog page: one notice for what the last change did, and a busy flag while it runs. */
export abstract class CatalogPage extends AdminPage {
  @state() protected notice: { text: string; error: boolean } | null = null;
  @state() protected busy = false;

  /** Runs a change; its text (or the error, in the manager's words) becomes the notice. */
  protected async run(work: () => Promise<string | null>): Promise<boolean> {
    this.busy = true;
    try {
      const text = await work();
      this.notice = text === null ? null : { text, error: false };
      return true;
    } catch (error) {
      this.notice = { text: adminErrorText(error), error: true };
      return false;
    } finally {
      this.busy = false;
    }
  }

  protected renderNotice() {
    if (this.notice === null) return nothing;
    return html`<p
      class="notice ${this.notice.error ? 'error' : ''}"
      role=${this.notice.error ? 'alert' : 'status'}
      data-notice
    >
      ${this.notice.text}
    </p>`;
  }
}

/** An amount as typed in the manager's or the store's way of writing numbers, in minor units; null if not one. */
export function parseMoneyInput(text: string): number | null {
  const format = storeFormat();
  return parseAmount(text, currencyExponent(format.currency), [adminLocale(), format.locale]);
}

/** Minor units as a plain decimal for an input field ("12.50"), which parseMoneyInput reads back. */
export function moneyInputValue(minor: number): string {
  return minorToDecimalString(minor, currencyExponent(storeFormat().currency));
}

/** A percentage as typed ("12,5" or "-10") in basis points, or null. */
export function parsePercentInput(text: string): number | null {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-') || trimmed.startsWith('−');
  const bp = parseAmount(negative ? trimmed.slice(1) : trimmed, 2, [adminLocale(), storeFormat().locale]);
  return bp === null ? null : negative ? -bp : bp;
}
